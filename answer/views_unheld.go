package answer

import (
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper AB: commodities USGS reports on that this knowledge base holds no figures for
// ("Mexico wollastonite", "who produces gypsum?"): say so, for the country asked, rather
// than give the country's card or nothing. Names come from this table, never from the
// question's text.

// unheldCommodities are USGS Mineral Commodity Summaries commodities with no record here,
// by the accent-folded word a question names them with; each with its English and Spanish
// name. A list item without a card (feldspar, helium) is answered by cardlessItem instead.
var unheldCommodities = func() map[string][2]string {
	m := map[string][2]string{}
	for _, c := range [][]string{
		{"wollastonite", "wollastonita", "wollastonite", "wollastonita"},
		{"diatomite", "diatomita", "diatomite", "diatomita"},
		{"gypsum", "yeso", "gypsum", "yeso"},
		{"talc", "talco", "talc", "talco"},
		{"kyanite", "cianita", "kyanite", "cianita"},
		{"perlite", "perlita", "perlite", "perlita"},
		{"pumice", "pumicita", "pumice", "piedra pómez"},
		{"vermiculite", "vermiculita", "vermiculite", "vermiculita"},
		{"zeolite", "zeolita", "zeolites", "zeolitas"},
		{"zeolites", "zeolitas", "zeolites", "zeolitas"},
		{"bentonite", "bentonita", "bentonite", "bentonita"},
		{"kaolin", "caolin", "kaolin", "caolín"},
		{"mica", "mica", "mica", "mica"},
		{"garnet", "granate", "garnet", "granate"},
		{"asbestos", "asbesto", "asbestos", "asbesto"},
		{"iodine", "yodo", "iodine", "yodo"},
		{"bromine", "bromo", "bromine", "bromo"},
		{"selenium", "selenio", "selenium", "selenio"},
		{"mercury", "mercurio", "mercury", "mercurio"},
		{"thallium", "talio", "thallium", "talio"},
		{"sulfur", "azufre", "sulfur", "azufre"},
		{"sulphur", "azufre", "sulfur", "azufre"},
		{"cement", "cemento", "cement", "cemento"},
		{"peat", "turba", "peat", "turba"},
		{"diamond", "diamante", "diamond", "diamante"},
		{"diamonds", "diamantes", "diamond", "diamante"},
		{"gemstones", "gemas", "gemstones", "gemas"},
		{"salt", "salt", "salt", "sal"},
		{"celestine", "celestina", "celestine", "celestina"},
		{"amianto", "amianto", "asbestos", "asbesto"},
	} {
		m[c[0]] = [2]string{c[2], c[3]}
		m[c[1]] = [2]string{c[2], c[3]}
	}
	return m
}()

// unheldCommodity answers a question that names no record but one of unheldCommodities:
// that the knowledge base holds no figures for it and, when a country is named, so none of
// that country's production or rank in it; the country's card follows. A list item without
// a card, named with a country, gets the same first sentence before what the lists say.
func (e *snap) unheldCommodity(q Query) *Answer {
	if len(q.Minerals) > 0 || len(q.Policies) > 0 {
		return nil
	}
	var country *knowledge.Country
	if len(q.Countries) > 0 {
		country, _ = e.kb.Country(q.Countries[0])
	}
	if a := e.cardlessItem(q); a != nil {
		if country != nil && (q.Measure == MeasureOverview || q.Measure == MeasureProduction || q.Measure == MeasureReserves) {
			a.Headline = sentences(e.f("The knowledge base holds no USGS figures for %s, so none for %s.", strings.ToLower(a.Title), e.countryAfterIn(country.ID)), a.Headline)
		}
		return a
	}
	name := ""
	for _, w := range q.Terms {
		if n, ok := unheldCommodities[w]; ok {
			name = n[0]
			if e.lang == Spanish {
				name = n[1]
			}
			break
		}
	}
	if name == "" {
		return nil
	}
	if country == nil {
		return &Answer{Intent: IntentNotFound, Title: capitalize(name),
			Headline: e.f("%s is not among the minerals this knowledge base covers: it holds no USGS figures for it.", capitalize(name))}
	}
	a := e.countryCard(country, q, false)
	a.Headline = e.f("%s is not among the minerals this knowledge base covers: it holds no USGS figures for it, so none for %s's production or rank in it.", capitalize(name), e.countryName(country.ID))
	return a
}
