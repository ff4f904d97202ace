package answer

import (
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// topAndConcentration answers a question that asks both for the top producers and for how
// concentrated supply is ("who are the top 3 graphite producers and how concentrated is
// it?"): the headline names the leader and the rest of the top N with their shares, then
// the HHI of the same table; the card charts the top N before the concentration figures.
func (e *snap) topAndConcentration(a *Answer, m *knowledge.Mineral, r knowledge.Ranking, q Query) {
	a.Headline = sentences(e.leadSentence(m, r), e.nextSentence(r, nextCount(r, q)),
		e.f("Supply of %s is %s: HHI %s of 10,000.", strings.ToLower(e.mineralName(m)), e.hhiReading(r.HHI()),
			number(float64(int(r.HHI()+0.5)))))
	a.Sections = append([]Section{e.producersSection(m, r, q.Top)}, a.Sections...)
}
