package answer

import (
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper S: "¿quién le vende más fluorita a EE. UU., China o México?": the two sources'
// shares of U.S. imports against each other, the larger first.

// twoSourcesCompared is the headline for a question naming two countries besides the U.S.
// as sources of a mineral's U.S. imports; ok is false unless exactly two are named.
func (e *snap) twoSourcesCompared(m *knowledge.Mineral, q Query) (string, bool) {
	var named []string
	for _, c := range q.Countries {
		if c != "united-states" {
			named = append(named, c)
		}
	}
	if len(named) != 2 {
		return "", false
	}
	srcs := e.kb.ImportSourcesOf(m.ID)
	product := importProduct(srcs, m, q.Terms)
	what := strings.ToLower(e.mineralName(m))
	if product != "" {
		what = e.productName(m, product)
	}
	var rows [2]*knowledge.ImportSource
	for i := range srcs {
		for j, c := range named {
			if srcs[i].Country == c && srcs[i].Product == product && rows[j] == nil {
				rows[j] = &srcs[i]
			}
		}
	}
	a, b := rows[0], rows[1]
	switch {
	case a == nil && b == nil:
		return e.f("Neither %s nor %s is among the sources USGS lists for U.S. imports of %s.", e.countryName(named[0]), e.countryName(named[1]), what), true
	case a == nil || b != nil && a.Percent < b.Percent:
		a, b = b, a
		named[0], named[1] = named[1], named[0]
	}
	if b == nil {
		return e.f("%s supplied %s of U.S. imports of %s in %s (%s); %s is not among the sources USGS lists.",
			capitalize(e.countryAfterIn(a.Country)), a.Printed+"%", what, a.Period, source(a.Edition), e.countryName(named[1])), true
	}
	if a.Percent == b.Percent {
		return e.f("%s and %s each supplied %s of U.S. imports of %s in %s (%s).",
			capitalize(e.countryAfterIn(a.Country)), e.countryName(b.Country), a.Printed+"%", what, a.Period, source(a.Edition)), true
	}
	return e.f("%s supplied more of U.S. imports of %s than %s in %s: %s against %s (%s).",
		capitalize(e.countryAfterIn(a.Country)), what, e.countryName(b.Country), a.Period, a.Printed+"%", b.Printed+"%", source(a.Edition)), true
}
