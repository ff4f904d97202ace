package answer

import (
	"cmp"
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// U.S. trade figures narrowed to a group of minerals: a sector's (views_sector.go) or a
// list's (views_list_reliance.go). The group only decides which minerals count; the ranking,
// the headline's items and the card are the same.

// relianceRow is a mineral's latest U.S. net import reliance.
type relianceRow struct {
	m *knowledge.Mineral
	r knowledge.Reliance
}

// relianceRows are the latest U.S. net import reliance of the minerals where the tables give
// a figure (not a net exporter, not withheld), most reliant first.
func (e *snap) relianceRows(ms []*knowledge.Mineral) []relianceRow {
	var rows []relianceRow
	for _, m := range ms {
		if r := e.latestByProduct(m.ID); len(r) > 0 && !r[0].NetExporter() && r[0].Printed != "NA" && r[0].Printed != "W" {
			rows = append(rows, relianceRow{m, r[0]})
		}
	}
	slices.SortStableFunc(rows, func(a, b relianceRow) int { return cmp.Compare(b.r.Percent, a.r.Percent) })
	return rows
}

// relianceItems are what a headline names of rows: the five most reliant, and every one at
// 100% after them, at most maxSectorNamed; each with its figure, year and edition.
func (e *snap) relianceItems(rows []relianceRow) []vintaged {
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
	return items
}

// relianceSection is the card's list of rows (the first maxSectorCard), with their sources.
func (e *snap) relianceSection(a *Answer, rows []relianceRow) Section {
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
	return sec
}

// importsOfGroup is what the U.S. imports from a country of the minerals keep accepts: the
// headline's items (the first maxSectorStandings), the card's facts (the first
// maxSectorCard), and how many in all. Where the country is the largest source, each says so.
func (e *snap) importsOfGroup(country string, keep func(*knowledge.Mineral) bool) (items []vintaged, facts []Fact, total int) {
	rows, _ := e.importsFromRows(country)
	for _, r := range rows {
		if !keep(r.m) {
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
	return items, facts, total
}
