package answer

import (
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// listReliance is the U.S. net import reliance ranking narrowed to the minerals of one list:
// "US reliance on EU strategic raw materials", "which minerals on the 2022 list is the US
// 100% reliant on?". The headline names the most reliant (up to five, and every one at
// 100%), each with its figure, year and edition, as sectorReliance does for a sector.
func (e *snap) listReliance(l knowledge.List) *Answer {
	title := e.listName(l)
	a := &Answer{Intent: IntentRelianceRanking, Title: capitalize(e.f("U.S. net import reliance for the minerals on the %s", title))}
	rows := e.relianceRows(e.lists[l].members)
	if len(rows) == 0 {
		a.Headline = e.f("The USGS tables in this knowledge base give no U.S. net import reliance for the minerals on the %s.", title)
		return a
	}
	items := e.relianceItems(rows)
	full := 0
	for _, x := range rows {
		if x.r.Percent >= 100 && !strings.HasPrefix(x.r.Printed, ">") {
			full++
		}
	}
	a.Headline = e.f("Of the minerals on the %s, the U.S. relied most on net imports for %s.", title, e.byVintage(items, len(items)))
	if full > len(items) {
		// More at 100% than the headline names: the count, the rest in the card.
		a.Headline = e.f("Of the minerals on the %s, the U.S. was %s net import reliant for %s, among them %s.", title, "100%", itoa(full), e.byVintage(items, len(items)))
	}
	a.Sections = append(a.Sections, e.relianceSection(a, rows))
	for _, s := range e.listSources(l) {
		a.Sources = appendSource(a.Sources, s)
	}
	return a
}

// listImportsFrom is what the U.S. imports from a country of the minerals on a list: "which
// EU strategic raw materials does the US import from China?". Each share names its period
// and edition; where the country is the largest source, the answer says so.
func (e *snap) listImportsFrom(country string, l knowledge.List) *Answer {
	title := e.listName(l)
	a := e.importsFrom(country)
	items, facts, total := e.importsOfGroup(country, func(m *knowledge.Mineral) bool { return e.on(m, l) })
	if len(items) == 0 {
		a.Headline = e.f("%s is not among the U.S. import sources the USGS chapters in this knowledge base list for the minerals on the %s.", e.countrySubject(country), title)
		return a
	}
	a.Title = capitalize(e.f("U.S. imports from %s of the minerals on the %s", e.countryName(country), title))
	a.Headline = e.f("Of the minerals on the %s, %s supplied U.S. imports of %s: %s.", title, e.countryAfterIn(country), itoa(total), e.byVintage(items, total))
	a.Sections = append([]Section{{Heading: e.t("Share of U.S. imports"), Facts: facts}}, a.Sections...)
	return a
}
