package answer

import (
	"slices"

	"github.com/mineralbot/mineralbot/knowledge"
)

// mineralEU answers a mineral named with the EU and nothing else asked: "gallium EU", "what
// about lithium in Europe?", "EU and cobalt?". What the knowledge base holds of a mineral and
// the EU is its place on the CRMA's two lists, said first; the world's leading producer from
// the newest table follows (the trade tables are U.S. imports only). Nil for another view.
func (e *snap) mineralEU(q Query) *Answer {
	if q.Measure != MeasureOverview || len(q.Minerals) != 1 || len(q.Countries) > 0 || len(q.Policies) > 0 || len(q.Lists) == 0 ||
		q.YesNo || q.ListSet != "" || q.Year != 0 || q.Timeline != "" {
		return nil
	}
	if slices.ContainsFunc(q.Lists, func(l knowledge.List) bool { return !slices.Contains(euLists, l) }) {
		return nil
	}
	if slices.ContainsFunc(q.Terms, func(w string) bool { return !euStandingWords[w] }) {
		return nil // "gallium EU supply" asks for supply
	}
	m, ok := e.mineral(q)
	if !ok {
		return nil
	}
	lq := q
	lq.Measure = MeasureLists
	a := e.listsAnswer(m, lq)
	if r, ok := e.kb.PrimaryRanking(m.ID); ok && len(r.Rows) > 0 {
		a.Headline = sentences(a.Headline, e.leadSentence(m, r))
		a.Sections = append(a.Sections, e.producersSection(m, r, 5))
		a.Sources = appendSource(a.Sources, r.Source)
	}
	return a
}

// euStandingWords ask for a mineral's standing with the EU, and nothing besides.
var euStandingWords = set("position", "standing", "stance", "situation", "view", "approach", "angle", "classification", "classified")

// groupName is the name of a mineral's group ("platinum-group metals"), or "".
func (e *snap) groupName(m *knowledge.Mineral) string {
	if g, ok := e.kb.Mineral(m.Group); ok {
		return e.mineralName(g)
	}
	return ""
}
