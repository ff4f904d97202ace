package answer

import (
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// daysUntilPhrases ask how many days remain until a date: "how many days until the China
// suspension ends?", "¿cuántos días faltan para que termine…?".
var daysUntilPhrases = newPhrases("how many days until", "how many days till", "how many days before", "how many days left",
	"how many days remain", "how many days are left", "days until", "days left until", "cuantos dias faltan", "cuantos dias quedan",
	"cuantos dias para", "dias faltan para", "dias quedan para")

// daysUntil answers how many days remain until the matched items end, counted from the engine
// clock's today: each suspension the question matches when several do (suspensionsMatched),
// else the best-matching item with an end date. An end already past was due N days ago, and
// the knowledge base is said to hold nothing on what happened, unless it does.
func (e *snap) daysUntil(q Query, ps []*knowledge.Policy) (*Answer, bool) {
	items := e.suspensionsMatched(q, ps)
	if len(items) == 0 {
		for _, p := range ps {
			if !p.EndDate.IsZero() {
				items = []*knowledge.Policy{p}
				break
			}
		}
	}
	if len(items) == 0 {
		return nil, false
	}
	items = byEndDate(items)
	today := e.today()
	var parts []string
	open := 0
	for _, p := range items {
		title := "“" + e.policyTitle(p) + "”"
		if p.EndDate.IsZero() {
			parts = append(parts, e.f("%s, from %s, has no end date in the knowledge base", title, e.lang.Date(p.Date)))
			continue
		}
		end := e.lang.Date(p.EndDate)
		days := int(p.EndDate.Time.Sub(today).Hours() / 24)
		switch {
		case days == 0:
			parts = append(parts, e.f("%s ends today, %s", title, end))
		case days > 0:
			parts = append(parts, e.f("%s ends on %s, in %s days", title, end, itoa(days)))
		default:
			clause, unknown := e.suspensionClause(p)
			if unknown {
				open++
			}
			parts = append(parts, e.f("%s (%s days ago)", clause, itoa(-days)))
		}
	}
	a := e.policyCard(items[0], q)
	a.Headline = e.f("Counting from today, %s: %s.", e.lang.Date(knowledge.Date{Time: today, Precision: knowledge.Day}), strings.Join(parts, "; "))
	if open > 0 {
		a.Headline = sentences(a.Headline, e.f("No source in the knowledge base (updated %s) says what happened then.", e.lang.Date(e.kbUpdated())))
	}
	e.linkFirst(a, items[1:])
	return a, true
}
