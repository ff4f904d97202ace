package answer

import (
	"slices"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper V: "which deals cover lithium?", "which measures cover antimony?", "¿qué acuerdos
// cubren el litio?": every item that names the mineral (or its group), newest first, as a
// list, rather than the best match and a count. Asked of deals, only agreements count;
// when none names the mineral, the agreements that cover critical minerals without naming
// any are said instead, since those may take it in.

// itemNouns name policy items in the plural: a question with one asks for all of them.
var itemNouns = set("measures", "medidas", "policies", "politicas", "deals", "agreements", "acuerdos", "pacts", "pactos",
	"convenios", "items", "tratos")

// itemsCovering answers such a question, or returns nil.
func (e *snap) itemsCovering(q Query) *Answer {
	if len(q.Minerals) != 1 || len(q.Countries)+len(q.Policies) > 0 || q.Status || q.YesNo || q.Timeline != "" || q.Year != 0 || q.Month != 0 ||
		!slices.ContainsFunc(q.Terms, func(w string) bool { return itemNouns[w] }) ||
		!slices.ContainsFunc(q.Terms, func(w string) bool { return coverWords[w] }) {
		return nil
	}
	m, ok := e.kb.Mineral(q.Minerals[0])
	if !ok {
		return nil
	}
	deals := slices.ContainsFunc(q.Terms, func(w string) bool { return dealWords[w] || agreeWords[w] })
	var named, general []*knowledge.Policy
	for i := len(e.kb.Policies) - 1; i >= 0; i-- { // newest first
		p := e.kb.Policies[i]
		if deals && p.Kind != "agreement" {
			continue
		}
		switch {
		case policyHasMineral(e.kb, p, m.ID):
			named = append(named, p)
		case deals && len(p.Minerals) == 0 && len(general) < 8:
			general = append(general, p)
		}
	}
	titles := func(ps []*knowledge.Policy) string {
		var out []string
		for _, p := range ps[:min(4, len(ps))] {
			out = append(out, e.policyTitle(p)+" ("+e.lang.Date(p.Date)+")")
		}
		return e.andMore(out, len(ps))
	}
	name := e.subject(m) // "lithium", "el litio"
	var a *Answer
	switch {
	case len(named) > 0:
		a = e.policyList(named[:min(8, len(named))], "Policy items that match")
		if deals {
			a.Headline = e.f("Agreements in the knowledge base that name %s (%s): %s.", name, itoa(len(named)), titles(named))
		} else {
			a.Headline = e.f("Items in the knowledge base that name %s (%s): %s.", name, itoa(len(named)), titles(named))
		}
	case deals:
		a = e.policyList(general, "Policy items that match")
		a.Headline = e.f("No agreement in the knowledge base names %s (updated %s).", name, e.lang.Date(e.kbUpdated()))
		if len(general) > 0 {
			a.Headline = sentences(a.Headline, e.f("Agreements that cover critical minerals without naming any: %s.", titles(general)))
		}
	default:
		return nil
	}
	if !fitsHeadline(a.Headline) {
		return nil
	}
	return a
}
