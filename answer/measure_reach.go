package answer

import "slices"

// Helper AC: "does the EU CRMA apply to Mexico?", "¿el CRMA aplica a México?": a yes/no
// question whether another government's own measure (a regulation, law or programme, not a
// tariff or an export control, which tariffApplies and controlsReach answer) applies to a
// country it does not name. The answer is no, as far as the knowledge base goes: the measure
// is that government's, and the item names no rule for the country.
func (e *snap) measureReach(q Query) *Answer {
	if !q.YesNo || q.Status || len(q.Policies) != 1 || len(q.Countries) != 1 || len(q.Minerals) > 0 ||
		!slices.ContainsFunc(q.Terms, func(w string) bool { return applyWords[w] }) ||
		slices.ContainsFunc(q.Terms, func(w string) bool { return !applyWords[w] }) {
		return nil
	}
	p, ok := e.kb.Policy(q.Policies[0])
	c := q.Countries[0]
	if !ok || p.Kind == "tariff" || p.Kind == "export-control" || p.Kind == "agreement" || e.ownMeasure(p, c) || slices.Contains(p.Countries, c) ||
		namesIn(e.itemWords(p), e.countryForms(c)) {
		return nil // an item whose text names the country says something of it
	}
	owner := p.Jurisdiction
	switch {
	case euJurisdiction(p):
		owner = e.t("the European Union")
	case len(p.Countries) > 0:
		owner = e.countryName(p.Countries[0])
	}
	a := e.policyCard(p, q)
	a.Headline = sentences(e.verdict(false, e.f("“%s” is a measure of %s, and the knowledge base's record of it names no rule for %s.",
		e.policyTitle(p), owner, e.countryAfterIn(c))), e.policyLead(p, q))
	if !fitsHeadline(a.Headline) {
		a.Headline = e.verdict(false, e.f("“%s” is a measure of %s, and the knowledge base's record of it names no rule for %s.",
			e.policyTitle(p), owner, e.countryAfterIn(c)))
	}
	return a
}
