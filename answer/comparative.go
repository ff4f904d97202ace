package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// A comparative yes/no question sets two countries' figures against each other: "does
// Mexico produce more silver than Peru?", "does Chile have more lithium reserves than
// Australia?", "¿produce México más plata que Perú?". The verdict comes first, from the
// figures of the one table both are in, then the figures.

// moreWords and lessWords ask which figure is larger or smaller; the question sets them
// against "than" ("que" in Spanish) later on.
var (
	moreWords = set("more", "bigger", "larger", "higher", "greater", "mas", "mayor", "mayores")
	lessWords = set("less", "fewer", "smaller", "lower", "menos", "menor", "menores")
)

// comparativeOf is "more" or "less" when the question compares with "than" ("more silver
// than Peru", "más plata que Perú") or says how reliant ("more import-reliant", "menos
// dependiente"); "" otherwise ("tell me more about silver").
func comparativeOf(norm []string) string {
	for i, w := range norm {
		if !moreWords[w] && !lessWords[w] {
			continue
		}
		than := "than"
		if w == "mas" || w == "menos" || w == "mayor" || w == "mayores" || w == "menor" || w == "menores" {
			than = "que"
		}
		if slices.Contains(norm[i+1:], than) || i+1 < len(norm) && reliantWords[norm[i+1]] {
			// "more than", or "more import-reliant", "menos dependiente"
			if moreWords[w] {
				return "more"
			}
			return "less"
		}
	}
	return ""
}

// comparedRow is one country's figure in a comparison: its row of the ranking r.
type comparedRow struct {
	country string
	r       knowledge.Ranking
	row     knowledge.Share
}

// comparativeVerdict answers a comparative yes/no question on two countries' figures, when
// both are plain numbers of the same table: "Yes — Mexico produced more silver than Peru in
// 2025e." It is "" otherwise, and the figures answer alone.
func (e *snap) comparativeVerdict(q Query, m *knowledge.Mineral, rows []comparedRow, reserves bool) string {
	choice := strings.HasPrefix(q.Comparative, choicePrefix)
	if !q.YesNo && !choice || q.Comparative == "" || len(rows) != 2 {
		return ""
	}
	a, b := rows[0], rows[1]
	if choice && (q.Comparative == choicePrefix+"more") == (a.row.Value < b.row.Value) {
		a, b = b, a // "who produces more silver, Peru or Mexico?": the answer named first
	}
	if a.r.Measure != b.r.Measure || a.r.Year != b.r.Year || a.r.Edition != b.r.Edition || a.row.AtLeast || b.row.AtLeast ||
		a.row.Form != b.row.Form {
		return ""
	}
	name := strings.ToLower(e.mineralName(m))
	first, second := e.countryAfterIn(a.country), e.countryAfterIn(b.country)
	when := yearLabel(a.r.Year, a.row.Estimated || b.row.Estimated)
	var fact string
	switch {
	case a.row.Value == b.row.Value && reserves:
		fact = e.f("%s and %s hold the same %s reserves.", capitalize(first), second, name)
	case a.row.Value == b.row.Value:
		fact = e.f("%s and %s produced the same amount of %s in %s.", capitalize(first), second, name, when)
	case a.row.Value > b.row.Value && reserves:
		fact = e.f("%s holds larger %s reserves than %s.", capitalize(first), name, second)
	case a.row.Value > b.row.Value:
		fact = e.f("%s produced more %s than %s in %s.", capitalize(first), name, second, when)
	case reserves:
		fact = e.f("%s holds smaller %s reserves than %s.", capitalize(first), name, second)
	default:
		fact = e.f("%s produced less %s than %s in %s.", capitalize(first), name, second, when)
	}
	if choice {
		return fact // which of the two: the fact is the answer, no yes or no
	}
	more := a.row.Value > b.row.Value
	less := a.row.Value < b.row.Value
	return e.verdict(q.Comparative == "more" && more || q.Comparative == "less" && less, fact)
}

// reliantWords follow "more" or "less" in a question on import reliance.
var reliantWords = set("import", "reliant", "dependent", "reliance", "dependence", "dependiente", "dependientes", "dependencia")
