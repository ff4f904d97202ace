package answer

import (
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper U: "does China dominate graphite?", "¿China domina el grafito?": a yes/no about one
// country's hold on a mineral's supply. The verdict comes from the country's rank and share
// in the mineral's primary world table: yes for the leader with a majority, "not by a
// majority" for a leader below half, no for anyone else; then how concentrated supply is.
func (e *snap) dominateVerdict(m *knowledge.Mineral, r knowledge.Ranking, countries []string) string {
	if !r.HasShares() || len(r.Rows) == 0 || len(countries) != 1 {
		return ""
	}
	country := countries[0]
	var row *knowledge.Share
	for i := range r.Rows {
		if r.Rows[i].Country == country {
			row = &r.Rows[i]
			break
		}
	}
	name := strings.ToLower(e.mineralName(m))
	hhi := e.f("Supply of %s is %s (HHI %s).", name, e.hhiReading(r.HHI()), number(float64(int(r.HHI()+0.5))))
	year := yearLabel(r.Year, r.Estimated)
	lead := r.Rows[0]
	var verdict string
	switch {
	case row == nil:
		verdict = e.f("No — USGS lists %s among no producers in world %s of %s in %s; %s led with %s (%s).", e.countryAfterIn(country),
			e.measure(r.Measure), name, year, e.countryAfterIn(lead.Country), percent(lead.Share), source(r.Edition))
	case row.Rank == 1 && row.Share >= 0.5:
		verdict = e.f("Yes — %s accounted for %s of world %s of %s in %s, the largest share (%s).", e.countryAfterIn(country),
			percent(row.Share), e.measure(r.Measure), name, year, source(r.Edition))
	case row.Rank == 1:
		verdict = e.f("Not by a majority — %s was the largest producer of %s in %s, with %s of world %s (%s).", e.countryAfterIn(country),
			name, year, percent(row.Share), e.measure(r.Measure), source(r.Edition))
	default:
		verdict = e.f("No — %s accounted for %s of world %s of %s in %s (%s), behind %s with %s (%s).", e.countryAfterIn(country),
			percent(row.Share), e.measure(r.Measure), name, year, e.rankText(r, *row), e.countryAfterIn(lead.Country), percent(lead.Share), source(r.Edition))
	}
	return sentences(verdict, hhi)
}

// relianceChangeWords ask whether a figure moved at all, either way: "did US reliance on
// antimony change?", "¿cambió la dependencia…?".
var relianceChangeWords = set("change", "changed", "changes", "move", "moved", "shift", "shifted", "cambio", "cambiado", "vario", "movio")

// overtakeWords ask whether the first of two countries now has more than the second: "did
// China overtake Australia in lithium?", "¿superó Perú a México en plata?".
var overtakeWords = set("overtake", "overtook", "overtaken", "overtakes", "surpass", "surpassed", "surpasses", "outproduce",
	"outproduced", "outproduces", "outpace", "outpaced", "superar", "supero", "superado", "supera", "rebaso", "rebasado")
