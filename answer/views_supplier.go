package answer

import "github.com/mineralbot/mineralbot/knowledge"

// relianceSupplier is the country a question about U.S. reliance asks about as a supplier,
// when it names no mineral or item: the one after the U.S. ("how dependent is the US on
// China?", "¿cuánto depende EE. UU. de China?"), or one alone in a question that names no
// U.S. but asks as it does ("how reliant are we on China?"). A country alone whose own
// imports are asked about ("how dependent is Mexico on imports?") is an importer (see
// foreignImporter), and no supplier.
func relianceSupplier(q Query) string {
	switch {
	case len(q.Minerals) > 0 || len(q.Policies) > 0:
		return ""
	case len(q.Countries) == 2 && q.Countries[0] == "united-states":
		return q.Countries[1]
	case len(q.Countries) != 1 || q.Countries[0] == "united-states" || q.Importer != "" || q.Besides != "" || q.After != "":
		return ""
	}
	return q.Countries[0]
}

// besidesSources names the largest sources of U.S. imports other than one country: "who
// supplies the US with tungsten besides China?". "" when no other source is listed.
func (e *snap) besidesSources(top []knowledge.ImportSource, what string, besides []string) string {
	var parts []string
	for _, x := range top {
		if leftOut(besides, x.Country) {
			continue
		}
		if parts = append(parts, e.countryAfterIn(x.Country)+" ("+x.Printed+"%)"); len(parts) == 3 {
			break
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return e.f("Besides %s, the largest sources of U.S. imports of %s in %s were %s (%s).", e.besidesNames(besides), what, top[0].Period, e.and(parts), source(top[0].Edition))
}
