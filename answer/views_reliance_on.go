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

// relianceOnCountry is the country a question asks the U.S.'s reliance on, when it names no
// mineral: the U.S. first, then one other ("how does the US rely on China?", "¿cuánto
// depende EE. UU. de China?"); "" otherwise.
func relianceOnCountry(q Query) string {
	if len(q.Minerals) > 0 || len(q.Policies) > 0 || len(q.Countries) != 2 || q.Countries[0] != "united-states" {
		return ""
	}
	return q.Countries[1]
}

// importFrom is one chapter's U.S. imports from a country: the chapter's card (a group's for
// its members' shared rows), the country's row for the product that answers for the chapter,
// and its place among the sources.
type importFrom struct {
	m    *knowledge.Mineral
	x    knowledge.ImportSource
	rank int
}

// importsFromRows are a country's shares of U.S. imports, largest first, one per chapter and
// product chosen (see importProduct), and how many there are in all, the country a source or
// not. Members of a group share its chapter's rows (cerium's are the rare-earth elements'):
// they count once, under the card the rows are for.
func (e *snap) importsFromRows(country string) ([]importFrom, int) {
	var rows []importFrom
	seen := map[string]bool{}
	for _, m := range e.kb.Minerals {
		srcs := e.kb.ImportSourcesOf(m.ID)
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
			if x.Country == country && x.Product == product {
				rank, _ := importRank(srcs, x)
				rows = append(rows, importFrom{e.importCard(m, x), x, rank})
			}
		}
	}
	slices.SortStableFunc(rows, func(a, b importFrom) int { return cmp.Compare(b.x.Percent, a.x.Percent) })
	return rows, len(seen)
}

// importCard is the card a chapter's row is for: the member the product names (platinum in
// the platinum-group chapter), else the chapter's own card (rare-earth elements for cerium),
// else the mineral asked for.
func (e *snap) importCard(m *knowledge.Mineral, x knowledge.ImportSource) *knowledge.Mineral {
	p := knowledge.Normalize(x.Product)
	for _, c := range e.kb.Minerals {
		if p != "" && (p == knowledge.Normalize(c.Name) || p == knowledge.Normalize(c.ID)) {
			return c
		}
	}
	if c, ok := e.kb.Mineral(x.Mineral); ok {
		return c
	}
	return m
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
