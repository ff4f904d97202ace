package answer

import (
	"slices"
	"time"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper AC: "what changed since the USMCA review?", "¿qué cambió desde la revisión del
// T-MEC?", "anything new after the ministerial?": what the knowledge base records from the
// day after the item named to today (of the countries and minerals the question names, if
// any) — not the item itself, nor "Sorry".

// sinceNewsWords ask what came since: with a sinceWord and an item named, the question asks
// what followed it.
var sinceNewsWords = set("changed", "change", "changes", "happened", "new", "news", "developments", "since", "cambio", "cambios",
	"cambiado", "paso", "pasado", "nuevo", "nuevos", "novedades", "noticias")

// sinceItemOf reports whether a question asks what followed an item it names.
func sinceItemOf(norm []string) bool {
	return slices.ContainsFunc(norm, func(w string) bool { _, ok := sinceWords[w]; return ok || w == "tras" }) &&
		slices.ContainsFunc(norm, func(w string) bool { return sinceNewsWords[w] && w != "since" })
}

// sinceItem answers such a question, or returns nil.
func (e *snap) sinceItem(q Query) *Answer {
	if !q.SinceItem || len(q.Policies) != 1 || q.Month != 0 || q.Year != 0 || q.YesNo {
		return nil
	}
	p, ok := e.kb.Policy(q.Policies[0])
	if !ok || p.Date.IsZero() {
		return nil
	}
	start := p.Date.Time.AddDate(0, 0, 1)
	if p.Date.Precision == knowledge.Month { // a month: from the month after it
		start = time.Date(p.Date.Time.Year(), p.Date.Time.Month()+1, 1, 0, 0, 0, 0, time.UTC)
	}
	y, m, d := e.now().Date()
	end := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if start.After(end) {
		return nil
	}
	rest := q
	rest.Policies, rest.PolicyWords = nil, nil
	a := e.rangeView(e.concerned(rest), rest, start, end)
	a.Headline = sentences(e.f("“%s” is dated %s.", e.policyTitle(p), e.lang.Date(p.Date)), a.Headline)
	if !fitsHeadline(a.Headline) {
		return nil
	}
	return a
}
