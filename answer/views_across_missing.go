package answer

import (
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper AB: one mineral in two or more countries, when some of them have no plain figure in
// the table asked: "lithium in the US and Mexico" says that USGS withholds U.S. production,
// gives the U.S. reserves, and lists neither for Mexico, rather than "no figures" for both.

// missingCountries says, for each of the countries missing from m's production (or, when
// reserves, reserves) table, what the tables do hold: the figure USGS withholds or leaves
// out and, when the question asked no measure, the country's standing in the other table.
// It gives at most max sentences; absent are the countries it said nothing of, the tables
// holding nothing for them (or no room being left).
func (e *snap) missingCountries(q Query, m *knowledge.Mineral, reserves bool, missing []string, max int) (said []string, absent []string) {
	for _, c := range missing {
		unknown, _ := e.unknownFigure(m, c, reserves)
		var other string
		if q.Measure == MeasureOverview {
			if r, row, ok := e.countryRow(m, c, !reserves, q.Year); ok {
				other = e.standingSentence(m, r, row)
			}
		}
		if unknown == "" && other == "" || len(said) >= max {
			absent = append(absent, c)
			continue
		}
		if unknown != "" {
			said = append(said, unknown)
		}
		if other != "" && len(said) < max {
			said = append(said, other)
		}
	}
	return said, absent
}

// noFiguresFor says the tables list no figures of m for the countries.
func (e *snap) noFiguresFor(m *knowledge.Mineral, countries []string) string {
	if len(countries) == 0 {
		return ""
	}
	var names []string
	for _, c := range countries {
		names = append(names, e.countryName(c))
	}
	return e.f("The USGS tables this knowledge base holds list no %s figures for %s.", strings.ToLower(e.mineralName(m)), e.and(names))
}

// notListedPart names a country missing from m's table, saying when USGS withholds its
// figure (W) or gives none (NA) rather than leaving it out: "United States withheld (W)".
func (e *snap) notListedPart(m *knowledge.Mineral, c string, reserves bool) string {
	switch _, st := e.unknownFigure(m, c, reserves); st {
	case knowledge.Withheld:
		return e.f("%s withheld (W)", e.countryName(c))
	case knowledge.NotAvailable:
		return e.f("%s no figure (NA)", e.countryName(c))
	}
	return e.f("%s not listed", e.countryName(c))
}

// withNoCountryTable adds to a headline of no figures what m's chapter says instead, where
// USGS publishes no country table of it ("germanium in China and Russia"), when it fits.
func (e *snap) withNoCountryTable(m *knowledge.Mineral, head string) string {
	if m.NoCountryTable == "" || e.lang != English {
		return head
	}
	if h := sentences(head, e.sentence(m.NoCountryTable)); fitsHeadline(h) {
		return h
	}
	return head
}
