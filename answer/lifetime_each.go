package answer

import (
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// lifetimeEach answers "how long will Chile's and Australia's lithium reserves last?": the
// reserves-to-production ratio of each country named, one sentence each, then once that the
// ratios are no forecasts. A country whose ratio cannot be computed gets the sentence that
// says why (lifetimeAnswer's).
func (e *snap) lifetimeEach(q Query, m *knowledge.Mineral) *Answer {
	name := strings.ToLower(e.mineralName(m))
	if g, ok := e.kb.Mineral(e.kb.TableOf(m.ID)); ok && g.ID != m.ID {
		name = strings.ToLower(e.mineralName(g)) // neodymium's reserves are rare earths'
	}
	a := &Answer{Intent: IntentReserves, Record: e.mineralRef(m),
		Title: e.f("%s reserves-to-production ratio in %s", capitalize(name), e.countryNames(q.Countries))}
	var parts []string
	var eds []knowledge.Edition
	for _, c := range q.Countries {
		one := q
		one.Countries = []string{c}
		each := e.lifetimeAnswer(one, m)
		pair, ed, ok := e.lifetimeFigures(m, c)
		if len(each.Sections) == 0 || !ok {
			parts = append(parts, each.Headline) // cannot be computed, and why
			continue
		}
		r, p := pair.reserves, pair.production
		rScale, _ := unitScale(r.Unit)
		pScale, _ := unitScale(p.Unit)
		years := e.lifetimeYears(r.Value*rScale/(p.Value*pScale), r.AtLeast, p.AtLeast)
		parts = append(parts, capitalize(e.f("%s reserves in %s (%s) would last %s at its %s of %s a year in %s.",
			name, e.countryAfterIn(c), e.figureAmount(r), years, e.measure(p.Measure), e.figureAmount(p), yearLabel(p.Year, p.Estimated))))
		s := each.Sections[0]
		s.Heading = capitalize(e.countryName(c))
		a.Sections = append(a.Sections, s)
		a.Sources = appendSource(a.Sources, r.Source)
		a.Sources = appendSource(a.Sources, p.Source)
		if len(eds) == 0 || eds[len(eds)-1] != ed {
			eds = append(eds, ed)
		}
	}
	if len(eds) > 0 {
		var srcs []string
		for _, ed := range eds {
			srcs = append(srcs, source(ed))
		}
		parts = append(parts, e.f("These are ratios, not forecasts: reserves and production both change (%s).", strings.Join(srcs, "; ")))
	}
	a.Headline = sentences(parts...)
	return a
}
