package answer

import (
	"context"
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper W: "did Mexico sign an agreement with the US?", "¿México firmó un acuerdo con
// EE.UU.?" — a yes/no: when the ranking leads with another item (a treaty's review, a
// statement), the agreement the knowledge base holds between exactly the countries named
// comes first, with "Yes", then what was said of it next (a statement that nothing was signed
// keeps its say). With no agreement between them the ranking answers alone.
func (e *snap) pairSigned(ctx context.Context, q Query) *Answer {
	if !q.YesNo || q.Forecast || q.Status || q.Measure != MeasurePolicy || len(q.Minerals) > 0 || len(q.Policies) > 0 ||
		len(q.Countries) < 2 || q.Year != 0 || q.Month != 0 || !asksAgreement(q) {
		return nil
	}
	a, err := views[MeasurePolicy](e, ctx, q)
	if err != nil || a == nil || !a.Found() {
		return nil
	}
	today := e.today()
	var best *knowledge.Policy
	for _, p := range e.kb.Policies {
		if p.Kind != "agreement" || len(p.Countries) != len(q.Countries) || p.Date.IsZero() || p.Date.Time.After(today) ||
			slices.ContainsFunc(q.Countries, func(c string) bool { return !slices.Contains(p.Countries, c) }) {
			continue
		}
		if best == nil || p.Date.Time.After(best.Date.Time) {
			best = p
		}
	}
	if best == nil {
		return nil
	}
	lead := e.policyHeadline(best)
	if strings.HasPrefix(a.Headline, lead) || strings.HasPrefix(a.Headline, e.verdict(true, "")) || strings.HasPrefix(a.Headline, e.verdict(false, "")) {
		return nil // the agreement leads already, or a verdict does
	}
	head := e.verdict(true, lead)
	// Then what was said of it next: of the best-ranked items, the first after it whose text
	// names the agreement ("Mexico has signed nothing", of "the Action Plan"), after its day.
	ps, _ := e.rankPolicies(q)
	names := e.served.policyNames[best.ID]
	var next *knowledge.Policy
	for _, p := range ps[:min(8, len(ps))] {
		if p == best || p.Date.IsZero() || !p.Date.Time.After(best.Date.Time) || next != nil && !p.Date.Time.Before(next.Date.Time) {
			continue
		}
		text := " " + strings.Join(strings.Fields(knowledge.Normalize(p.Summary+" "+p.SummaryES)), " ") + " "
		if slices.ContainsFunc(names, func(n string) bool { return strings.Contains(text, n) }) {
			next = p
		}
	}
	if next != nil {
		if h := sentences(head, e.policyHeadline(next)); fitsHeadline(h) {
			head = h
		}
	}
	a.Headline = head
	return a
}
