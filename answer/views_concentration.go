package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// concentrationWords ask how concentrated supply is, or its risk: "how concentrated is
// graphite vs lithium supply?", "compare tungsten and antimony supply risk", "HHI for cobalt
// vs nickel".
var concentrationWords = set("concentrated", "concentration", "hhi", "ihh", "risk", "risks", "riskier", "risky", "riesgo", "riesgos",
	"concentrado", "concentrada", "concentracion", "riesgoso", "riesgosa")

// asksConcentration reports whether a question asks about supply concentration.
func asksConcentration(q Query) bool {
	return hasAny(q.Terms, concentrationWords) || hasAny(q.Rest, concentrationWords)
}

// concentrationCompared is the headline of minerals compared on supply concentration: each
// one's HHI, what it reads as and its top producer's share, with the table's year and
// edition, and which is the most concentrated. "" when fewer than two have a table with
// shares.
func (e *snap) concentrationCompared(q Query) string {
	type conc struct {
		m   *knowledge.Mineral
		r   knowledge.Ranking
		hhi float64
	}
	var cs []conc
	for _, id := range q.Minerals[:min(len(q.Minerals), 6)] {
		m, ok := e.kb.Mineral(id)
		if !ok {
			continue
		}
		if r, ok := e.kb.PrimaryRanking(m.ID); ok && r.HasShares() && len(r.Rows) > 0 {
			cs = append(cs, conc{m, r, r.HHI()})
		}
	}
	if len(cs) < 2 {
		return ""
	}
	var parts []string
	for _, c := range cs {
		lead := c.r.Rows[0]
		parts = append(parts, e.f("%s: HHI %s, %s; %s %s of %s (%s, %s)", e.mineralName(c.m), number(float64(int(c.hhi+0.5))), e.hhiReading(c.hhi),
			e.countryName(lead.Country), percent(lead.Share), e.measure(c.r.Measure), yearLabel(c.r.Year, c.r.Estimated), source(c.r.Edition)))
	}
	most := slices.MaxFunc(cs, func(a, b conc) int {
		switch {
		case a.hhi < b.hhi:
			return -1
		case a.hhi > b.hhi:
			return 1
		}
		return 0
	})
	return sentences(e.f("Supply concentration by the HHI of producers' shares (10,000 is one producer) — %s.", strings.Join(parts, "; ")),
		e.f("The most concentrated is %s.", strings.ToLower(e.mineralName(most.m))))
}
