package answer

import (
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper U: how a mineral's supply concentration moved: "has graphite supply become more
// concentrated?", "did antimony concentration change?", "fluorspar HHI MCS 2025 vs MCS
// 2026". The HHI of the newest table's last year against the year before in the same
// edition, or, when two editions are set against each other, each edition's last year.

var concMoreWords = []string{"more concentrated", "mas concentrada", "mas concentrado", "more dominated", "riskier"}
var concLessWords = []string{"less concentrated", "menos concentrada", "menos concentrado", "more diversified", "more diverse", "mas diversificada", "mas diversificado"}
var concChangeWords = set("become", "became", "becoming", "change", "changed", "changes", "moved", "shift", "shifted", "cambio", "cambiado", "volvio",
	"rose", "rise", "risen", "fell", "fall", "fallen", "increased", "decreased", "trend", "aumento", "subio")

// concMoveOf reads which way a question asks concentration moved.
func concMoveOf(norm []string, has func(string) bool) string {
	for _, w := range concMoreWords {
		if has(w) {
			return "more"
		}
	}
	for _, w := range concLessWords {
		if has(w) {
			return "less"
		}
	}
	for _, w := range norm {
		if concChangeWords[w] {
			return "change"
		}
	}
	return ""
}

func (e *snap) concMoveAnswer(q Query) *Answer {
	if len(q.Minerals) != 1 || len(q.Countries) > 0 || len(q.Policies) > 0 {
		return nil
	}
	switch {
	case q.Measure == MeasureConcentration && (q.ConcMove != "" || q.Editions):
	case q.Measure == MeasureChange && asksConcentration(q):
	default:
		return nil
	}
	m, ok := e.mineral(q)
	if !ok {
		return nil
	}
	r, ok := e.kb.PrimaryRanking(m.ID)
	if !ok || !r.HasShares() || len(r.Rows) == 0 {
		return nil
	}
	prev := e.kb.RankIn(r.Mineral, r.Measure, r.Year-1, r.Edition)
	if q.Editions || q.Measure == MeasureChange && q.Edition != 0 {
		// "fluorspar HHI MCS 2025 vs MCS 2026": each edition's newest year.
		for _, ed := range e.kb.Editions() {
			if ed < r.Edition {
				if y := e.kb.LatestYearIn(r.Mineral, r.Measure, ed); y != 0 {
					prev = e.kb.RankIn(r.Mineral, r.Measure, y, ed)
				}
			}
		}
	}
	if len(prev.Rows) == 0 || !prev.HasShares() {
		return nil
	}
	now, before := r.HHI(), prev.HHI()
	name := strings.ToLower(e.mineralName(m))
	hhi := func(h float64) string { return number(float64(int(h + 0.5))) }
	from := yearLabel(prev.Year, prev.Estimated)
	if prev.Edition != r.Edition {
		from += " (" + source(prev.Edition) + ")"
	}
	head := e.f("The HHI of %s supply went from %s in %s to %s in %s (%s): %s.", name, hhi(before), from, hhi(now),
		yearLabel(r.Year, r.Estimated), source(r.Edition), e.hhiReading(now))
	up, down := int(now+0.5) > int(before+0.5), int(now+0.5) < int(before+0.5)
	if q.YesNo {
		switch q.ConcMove {
		case "more":
			head = e.verdict(up, head)
		case "less":
			head = e.verdict(down, head)
		default:
			head = e.verdict(up || down, head)
		}
	}
	lead, old := r.Rows[0], knowledge.Share{}
	for _, x := range prev.Rows {
		if x.Country == lead.Country {
			old = x
		}
	}
	if old.Country != "" {
		head = sentences(head, e.f("%s's share went from %s to %s.", e.countryName(lead.Country), percent(old.Share), percent(lead.Share)))
	}
	a := &Answer{Intent: IntentRisk, Record: e.mineralRef(m), Title: e.f("Supply risk: %s", name), Headline: head}
	a.Sections = append(a.Sections, Section{Heading: e.f("Concentration of %s, %s", e.measure(r.Measure), yearLabel(r.Year, r.Estimated)),
		Facts: e.riskFacts(r), Note: e.t(derivedNote) + " " + e.dataNote(r)})
	a.Sources = appendSource(a.Sources, r.Source)
	return a
}
