package answer

import (
	"time"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper P: a quiet period on a named topic ("what should I know this week about Mexico?",
// "novedades de México esta semana") still says what the newest item on it is.

// newestOnTopic adds to an empty past period's answer, when the question names a country or a
// mineral, the newest item about it dated before the period ended, and links it.
func (e *snap) newestOnTopic(a *Answer, ps []*knowledge.Policy, q Query, end time.Time) {
	if len(q.Countries)+len(q.Minerals) == 0 {
		return
	}
	var newest *knowledge.Policy
	for _, p := range ps {
		if p.Date.IsZero() || p.Date.Time.After(end) {
			continue
		}
		if newest == nil || p.Date.Time.After(newest.Date.Time) {
			newest = p
		}
	}
	if newest == nil {
		return
	}
	a.Headline = sentences(a.Headline, e.f("The newest item on this: %s.", e.lang.Date(newest.Date)+", "+e.policyTitle(newest)))
	a.Related = appendLink(a.Related, Link{Ref: knowledge.Ref{Kind: knowledge.KindPolicy, ID: newest.ID}, Title: e.policyTitle(newest)})
}
