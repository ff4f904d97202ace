package knowledge

import (
	"fmt"
	"io/fs"
)

// tables/end_uses.csv: each use's share of U.S. consumption of a mineral, per edition.

func loadEndUses(fsys fs.FS, kb *KB, ps *problems) {
	cols := []string{"mineral", "use", "share_pct", "year", "estimated", "source_url", "edition", "note"}
	for _, r := range readTable(fsys, endUsesFile, cols, ps) {
		x := EndUse{Mineral: r.get("mineral"), Use: r.get("use"), Note: r.get("note"), Pos: r.pos}
		src, ed, ok := r.citation(ps)
		x.Source, x.Edition = src, ed
		y, yok := r.yearIn("year", false, ed, ps)
		x.Year, ok = y, ok && yok
		x.Estimated = r.flag("estimated", ps)
		n, pok := r.percent("share_pct", false, "a percentage", ps)
		x.Percent, ok = n, ok && pok
		if x.Use == "" {
			ps.at(r.pos, "use is required")
			ok = false
		}
		if ok {
			kb.EndUses = append(kb.EndUses, x)
		}
	}
}

// checkEndUses checks the minerals the rows name, that a use appears once per year and
// edition, and that a mineral's shares of one year and edition add up to at most 100%.
func checkEndUses(l *linker) {
	type key struct {
		mineral, use string
		year         int
		edition      Edition
	}
	type total struct {
		mineral string
		year    int
		edition Edition
	}
	seen := make(map[key]Pos)
	sums := make(map[total]float64)
	last := make(map[total]Pos)
	var order []total
	for _, u := range l.kb.EndUses {
		if !l.mineral(u.Pos, u.Mineral) {
			continue
		}
		if !unique(l, seen, key{u.Mineral, u.Use, u.Year, u.Edition}, u.Pos, func() string { return fmt.Sprintf("%s %q %d (%s)", u.Mineral, u.Use, u.Year, u.Edition) }) {
			continue
		}
		l.edition(u.Edition)
		t := total{u.Mineral, u.Year, u.Edition}
		if _, ok := sums[t]; !ok {
			order = append(order, t)
		}
		sums[t] += u.Percent
		last[t] = u.Pos
	}
	for _, t := range order {
		// Shares are printed as whole percents: allow one point of rounding.
		if sums[t] > 101 {
			l.ps.at(last[t], "sum: the %s end uses of %d (%s) add up to %s%%, more than 100%%", t.mineral, t.year, t.edition, num(sums[t]))
		}
	}
}
