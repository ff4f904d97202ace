package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper P: tariffs on a mineral from one country ("tariffs on Mexican copper", "¿qué
// aranceles afectan al cobre mexicano?").

// originTariffs answers a question about tariffs on minerals from a country when no item
// names both: an importer's tariff on the minerals that singles out no trading partner
// covers that country's exports too, so the newest such items lead; then the newest
// tariff item that names the country and no mineral. ok is false when there are none.
func (e *snap) originTariffs(q Query) (*Answer, bool) {
	if len(q.Countries) != 1 || len(q.Minerals) == 0 {
		return nil, false
	}
	from := q.Countries[0]
	fromName := e.kb.CountryName(from)
	var onMineral, onCountry []*knowledge.Policy
	for _, p := range newestFirst(e.kb.Policies) {
		if p.Kind != "tariff" || strings.Contains(p.Jurisdiction, fromName) || p.Date.Time.After(e.now()) {
			continue
		}
		switch {
		case len(p.Countries) <= 1 && !slices.Contains(p.Countries, from) &&
			slices.ContainsFunc(q.Minerals, func(m string) bool { return policyHasMineral(e.kb, p, m) }):
			onMineral = append(onMineral, p) // on imports of the mineral from anywhere
		case len(p.Minerals) == 0 && slices.Contains(p.Countries, from) && e.mentionsTariff(p):
			onCountry = append(onCountry, p) // on the country's goods, whatever they are
		}
	}
	if len(onMineral) == 0 {
		return nil, false
	}
	var names []string
	for _, id := range q.Minerals {
		if m, ok := e.kb.Mineral(id); ok {
			names = append(names, strings.ToLower(e.mineralName(m)))
		}
	}
	items := append(slices.Clone(onMineral), onCountry...)
	a := e.policyList(items[:min(8, len(items))], "Policy items that match")
	a.Headline = sentences(
		e.f("No tariff on %s from %s in particular is in the knowledge base (updated %s), but tariffs on %s imports that single out no country apply to it.",
			e.and(names), e.countryName(from), e.lang.Date(e.kbUpdated()), e.and(names)),
		e.f("The newest: %s.", e.lang.Date(onMineral[0].Date)+", "+e.policyTitle(onMineral[0])))
	if len(onCountry) > 0 {
		a.Headline = sentences(a.Headline, e.f("The newest tariff on goods from %s that names no mineral: %s.", e.countryName(from),
			e.lang.Date(onCountry[0].Date)+", "+e.policyTitle(onCountry[0])))
	}
	return a, true
}
