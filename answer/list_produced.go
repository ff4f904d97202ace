package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper P: the minerals a country produces that are on the list a question names.

// producedOnAsked names the minerals a country's standings show it producing that are on
// the list the question names ("which of Mexico's minerals are on the EU list?"); with no
// list named, or the U.S. 2025 one, the 2025 U.S. critical list (criticalProduced).
func (e *snap) producedOnAsked(c *knowledge.Country, st []knowledge.Standing, q Query) string {
	i := slices.IndexFunc(q.Lists, func(l knowledge.List) bool { return l != knowledge.USGS2025 })
	if i < 0 || slices.Contains(q.Lists, knowledge.USGS2025) {
		return e.criticalProduced(c, st)
	}
	l := q.Lists[i]
	names := e.placedMinerals(st, func(_ knowledge.Standing, m *knowledge.Mineral) string {
		if !e.on(m, l) {
			return ""
		}
		return strings.ToLower(e.mineralName(m))
	})
	if len(names) == 0 {
		return e.f("None of the minerals %s produces by the USGS tables is on the %s.", e.countryName(c.ID), e.listName(l))
	}
	return e.f("%s of the minerals %s produces by the USGS tables are on the %s: %s.", itoa(len(names)), e.countryName(c.ID), e.listName(l), e.and(names))
}
