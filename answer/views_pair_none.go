package answer

import (
	"slices"
	"strconv"
	"time"

	"github.com/mineralbot/mineralbot/knowledge"
)

// noPairAgreementIn answers a question that names two or more countries and a month (or a
// year) and asks what they signed or agreed, when no item of theirs falls in it: "what did
// the US and Mexico sign in March 2026?" is not the U.S.-Japan plan of that month, but "The
// knowledge base records no agreement between the United States and Mexico in Mar 2026;
// the nearest: 4 Feb 2026, …" — their dated agreement nearest the period. inPeriod are the
// items of the period; an item of it that concerns every country named answers instead, and
// ok is false. Without any agreement between them, noAgreement says so.
func (e *snap) noPairAgreementIn(q Query, inPeriod []*knowledge.Policy) (*Answer, bool) {
	var named []string
	for _, c := range q.Countries {
		if !slices.Contains(named, c) {
			named = append(named, c)
		}
	}
	if len(named) < 2 || q.YesNo || len(q.Policies) > 0 || q.Year == 0 || !asksAgreement(q) {
		return nil, false
	}
	concernsAll := func(p *knowledge.Policy) bool {
		return !slices.ContainsFunc(named, func(c string) bool { return !slices.Contains(p.Countries, c) })
	}
	if slices.ContainsFunc(inPeriod, concernsAll) {
		return nil, false
	}
	from := time.Date(q.Year, 1, 1, 0, 0, 0, 0, time.UTC)
	to, period := from.AddDate(1, 0, 0), strconv.Itoa(q.Year)
	if q.Month > 0 {
		from = time.Date(q.Year, time.Month(q.Month), 1, 0, 0, 0, 0, time.UTC)
		to, period = from.AddDate(0, 1, 0), e.lang.Date(knowledge.Date{Time: from, Precision: knowledge.Month})
	}
	all := make([]*knowledge.Policy, 0, len(e.kb.Policies))
	for _, p := range e.kb.Policies {
		if !p.Date.IsZero() {
			all = append(all, p)
		}
	}
	pairs, _, ok := pairAgreements(Query{Countries: named, Terms: q.Terms}, all, make([]float64, len(all)))
	if !ok {
		return e.noAgreement(q), true
	}
	// The nearest is the one whose date is closest to the period, before or after it.
	distance := func(p *knowledge.Policy) time.Duration {
		switch t := p.Date.Time; {
		case t.Before(from):
			return from.Sub(t)
		case !t.Before(to):
			return t.Sub(to)
		}
		return 0
	}
	nearest := pairs[0]
	for _, p := range pairs[1:] {
		if d, n := distance(p), distance(nearest); d < n || d == n && p.Date.Time.Before(nearest.Date.Time) {
			nearest = p
		}
	}
	a := &Answer{Intent: IntentPolicy, Title: e.t("No policy item matches"),
		Headline: e.f("The knowledge base records no agreement between %s in %s; the nearest: %s.", e.countryNames(named), period,
			e.lang.Date(nearest.Date)+", "+e.policyTitle(nearest))}
	a.Related = appendLink(a.Related, Link{Ref: knowledge.Ref{Kind: knowledge.KindPolicy, ID: nearest.ID}, Title: e.policyTitle(nearest)})
	return a, true
}
