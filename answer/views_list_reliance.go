package answer

import (
	"cmp"
	"slices"
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
	type row struct {
		m *knowledge.Mineral
		r knowledge.Reliance
	}
	var rows []row
	for _, m := range e.lists[l].members {
		if r := e.latestByProduct(m.ID); len(r) > 0 && !r[0].NetExporter() && r[0].Printed != "NA" && r[0].Printed != "W" {
			rows = append(rows, row{m, r[0]})
		}
	}
	if len(rows) == 0 {
		a.Headline = e.f("The USGS tables in this knowledge base give no U.S. net import reliance for the minerals on the %s.", title)
		return a
	}
	slices.SortStableFunc(rows, func(a, b row) int { return cmp.Compare(b.r.Percent, a.r.Percent) })
	var items []vintaged
	for i, x := range rows {
		if i >= 5 && x.r.Percent < 100 || i >= maxSectorNamed {
			break
		}
		fig := e.relianceText(x.r)
		if x.r.Product != "" {
			fig = e.t(x.r.Product) + ", " + fig // "titanium (sponge metal, 100%)"
		}
		items = append(items, vintaged{strings.ToLower(e.mineralName(x.m)) + " (" + fig + ")", yearLabel(x.r.Year, x.r.Estimated), x.r.Edition})
	}
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
	sec := Section{Heading: e.t("Net import reliance, latest year")}
	for _, x := range rows[:min(len(rows), maxSectorCard)] {
		label := e.mineralName(x.m)
		if x.r.Product != "" {
			label += " (" + e.t(x.r.Product) + ")"
		}
		sec.Facts = append(sec.Facts, Fact{Label: label, Value: e.relianceText(x.r) + ", " + yearLabel(x.r.Year, x.r.Estimated)})
		a.Sources = appendSource(a.Sources, x.r.Source)
	}
	if len(rows) > maxSectorCard {
		sec.Note = e.f("…and %s more", itoa(len(rows)-maxSectorCard))
	}
	a.Sections = append(a.Sections, sec)
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
	rows, _ := e.importsFromRows(country)
	var items []vintaged
	var facts []Fact
	total := 0
	for _, r := range rows {
		if !e.on(r.m, l) {
			continue
		}
		total++
		v := r.x.Printed + "%"
		if r.rank == 1 {
			v += ", " + e.t("largest source")
		}
		if len(items) < maxSectorStandings {
			items = append(items, vintaged{strings.ToLower(e.mineralName(r.m)) + " (" + v + ")", r.x.Period, r.x.Edition})
		}
		if len(facts) < maxSectorCard {
			facts = append(facts, Fact{Label: e.mineralName(r.m), Value: v + " (" + r.x.Period + ")"})
		}
	}
	if len(items) == 0 {
		a.Headline = e.f("%s is not among the U.S. import sources the USGS chapters in this knowledge base list for the minerals on the %s.", e.countrySubject(country), title)
		return a
	}
	a.Title = capitalize(e.f("U.S. imports from %s of the minerals on the %s", e.countryName(country), title))
	a.Headline = e.f("Of the minerals on the %s, %s supplied U.S. imports of %s: %s.", title, e.countryAfterIn(country), itoa(total), e.byVintage(items, total))
	a.Sections = append([]Section{{Heading: e.t("Share of U.S. imports"), Facts: facts}}, a.Sections...)
	return a
}
