package knowledge

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Problem is one thing wrong with the knowledge base, at a file and line.
type Problem struct {
	Pos
	Msg string
}

func (p Problem) String() string { return fmt.Sprintf("%s: %s", p.Pos, p.Msg) }

// Problems is every problem found in a knowledge base. [Load] returns it as its error.
type Problems []Problem

func (ps Problems) Error() string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}

// problems collects problems while loading.
type problems struct {
	list Problems
	// goodCitations remembers the (source_url, edition) pairs already found valid in this
	// load: tables repeat a handful of them on thousands of rows.
	goodCitations map[[2]string]Edition
}

func (ps *problems) add(file string, line int, format string, args ...any) {
	ps.list = append(ps.list, Problem{Pos: Pos{File: file, Line: line}, Msg: fmt.Sprintf(format, args...)})
}

func (ps *problems) at(p Pos, format string, args ...any) { ps.add(p.File, p.Line, format, args...) }

func (ps *problems) sorted() Problems {
	slices.SortStableFunc(ps.list, func(a, b Problem) int {
		return cmp.Or(cmp.Compare(a.File, b.File), cmp.Compare(a.Line, b.Line))
	})
	return ps.list
}
