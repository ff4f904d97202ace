package answer

import (
	"strings"
	"unicode/utf8"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper S: "¿qué minerales produce México?" asks which minerals, not only where it leads.

// maxNamedProduced is how many of a country's minerals a headline names, best placed first.
const maxNamedProduced = 10

// asksWhichProduced reports whether a question about one country asks which minerals it
// produces, with no list, sector, rank or mineral named: "what minerals does Mexico produce?".
func asksWhichProduced(q Query, criticalOnly bool) bool {
	return q.WhichMinerals && q.Measure == MeasureProduction && !criticalOnly && !q.Most && q.Top == 0 && q.Rank == 0 &&
		len(q.Minerals)+len(q.Lists) == 0 && q.Polarity == "" && !q.YesNo
}

// allProduced names the minerals a country's standings show it producing, best placed first,
// at most maxNamedProduced of them.
func (e *snap) allProduced(c *knowledge.Country, st []knowledge.Standing) string {
	names := e.placedMinerals(st, func(_ knowledge.Standing, m *knowledge.Mineral) string {
		return strings.ToLower(e.mineralName(m))
	})
	if len(names) == 0 {
		return ""
	}
	return e.f("%s produces %s minerals in the USGS tables (newest edition of each), best placed first: %s.",
		e.countrySubject(c.ID), itoa(len(names)), e.andMore(names[:min(len(names), maxNamedProduced)], len(names)))
}

// withProduced puts the minerals a country produces before the headline of where it leads,
// which stays when both fit a chat message.
func (e *snap) withProduced(c *knowledge.Country, st []knowledge.Standing, leads string) string {
	h := e.allProduced(c, st)
	switch {
	case h == "":
		return leads
	case utf8.RuneCountInString(sentences(h, leads)) > maxHeadlineRunes:
		return h
	}
	return sentences(h, leads)
}
