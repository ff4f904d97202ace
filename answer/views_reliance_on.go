package answer

import (
	"cmp"
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// One country's reliance on another: "how dependent is the US on China?", "what does the US
// import from China?", "for which minerals is China the main source of US imports?". The
// import-sources table answers it: the minerals the other country supplies the U.S. with, where
// it is the largest source, and its largest shares.

// importFrom is one chapter's U.S. imports from a country: the chapter's card (a group's for
// its members' shared rows), the country's row for the product that answers for the chapter,
// and its place among the sources.
type importFrom struct {
	m    *knowledge.Mineral
	x    knowledge.ImportSource
	rank int
}

// importsIndex is, for every country, its shares of U.S. imports, largest first, one per
// chapter and product chosen (see importProduct), and how many chapters there are in all,
// each country a source or not. Members of a group share its chapter's rows (cerium's are
// the rare-earth elements'): they count once, under the card the rows are for. It depends
// on the knowledge base alone, so it is derived once per load (see served).
type importsIndex struct {
	rows     map[string][]importFrom
	chapters int
	largest  []supplierCount // Helper AD: countries by the chapters they are the largest source in (views_ad.go)
}

func indexImportsFrom(kb *knowledge.KB) importsIndex {
	// The card a row is for: the mineral its product names (platinum in the platinum-group
	// chapter), else the chapter's own (rare-earth elements for cerium), else the mineral.
	byName := map[string]*knowledge.Mineral{}
	for _, c := range kb.Minerals {
		for _, n := range []string{knowledge.Normalize(c.Name), knowledge.Normalize(c.ID)} {
			if _, ok := byName[n]; !ok && n != "" {
				byName[n] = c
			}
		}
	}
	card := func(m *knowledge.Mineral, x knowledge.ImportSource) *knowledge.Mineral {
		if c, ok := byName[knowledge.Normalize(x.Product)]; ok {
			return c
		}
		if c, ok := kb.Mineral(x.Mineral); ok {
			return c
		}
		return m
	}
	ix := importsIndex{rows: map[string][]importFrom{}}
	seen := map[string]bool{}
	for _, m := range kb.Minerals {
		srcs := kb.ImportSourcesOf(m.ID)
		if len(srcs) == 0 {
			continue
		}
		product := importProduct(srcs, m, nil)
		key := srcs[0].Mineral + "/" + product
		if seen[key] {
			continue
		}
		seen[key] = true
		for _, x := range srcs {
			if x.Product == product {
				rank, _ := importRank(srcs, x)
				ix.rows[x.Country] = append(ix.rows[x.Country], importFrom{card(m, x), x, rank})
			}
		}
	}
	for _, rows := range ix.rows {
		slices.SortStableFunc(rows, func(a, b importFrom) int { return cmp.Compare(b.x.Percent, a.x.Percent) })
	}
	ix.chapters = len(seen)
	ix.largest = rankSuppliers(ix.rows)
	return ix
}

// importsFromRows are a country's shares of U.S. imports (see importsIndex), and how many
// chapters give sources.
func (e *snap) importsFromRows(country string) ([]importFrom, int) {
	return e.served.imports.rows[country], e.served.imports.chapters
}

// maxLargestNamed is how many minerals the headline names where a country is the largest source.
const maxLargestNamed = 10

// importsFromHeadline says what the U.S. imports from a country: of how many minerals it is a
// source, of those USGS gives sources for; where it is the largest; and its largest shares,
// each with its period and edition.
func (e *snap) importsFromHeadline(country string, rows []importFrom, total int) string {
	name := e.countryName(country)
	var largest []string
	var items []vintaged
	for _, r := range rows {
		n := strings.ToLower(e.mineralName(r.m))
		if r.rank == 1 {
			largest = append(largest, n)
		}
		if len(items) < 3 {
			items = append(items, vintaged{n + " " + r.x.Printed + "%", r.x.Period, r.x.Edition})
		}
	}
	head := e.f("%s is a source of U.S. imports of %s minerals in the USGS chapters, of the %s they give sources for", name, itoa(len(rows)), itoa(total))
	switch len(largest) {
	case 0:
		head = e.f("%s; it is the largest source of none of them.", head)
	case 1:
		head = e.f("%s, and the largest source of one: %s.", head, largest[0])
	default:
		head = e.f("%s, and the largest source of %s: %s.", head, itoa(len(largest)), e.andMore(largest[:min(len(largest), maxLargestNamed)], len(largest)))
	}
	return sentences(head, e.f("Its largest shares: %s.", e.byVintage(items, len(items))))
}
