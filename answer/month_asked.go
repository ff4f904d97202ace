package answer

import (
	"slices"
	"time"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper AC: "what ends in December?", "¿qué vence en diciembre?", "what takes effect in
// January 2027?": a month's items that end (or take effect) then, as rangeView keeps them,
// not everything dated in the month. When none ends, the headline says so first, then what
// the month does hold.
func (e *snap) monthAsked(q Query, dated, starting, ending []*knowledge.Policy) (d, s, en []*knowledge.Policy, note string) {
	if q.Day > 0 {
		return dated, starting, ending, ""
	}
	startsAsked := slices.ContainsFunc(q.Terms, func(w string) bool { return startWords[w] })
	endsAsked := slices.ContainsFunc(q.Terms, func(w string) bool { return endWords[w] })
	month := e.lang.Date(knowledge.Date{Time: time.Date(q.Year, time.Month(q.Month), 1, 0, 0, 0, 0, time.UTC), Precision: knowledge.Month})
	updated := e.lang.Date(e.kbUpdated())
	switch {
	case endsAsked && !startsAsked && len(ending) > 0:
		return nil, nil, ending, ""
	case endsAsked && !startsAsked && len(dated)+len(starting) > 0:
		return dated, starting, nil, e.f("Nothing in the knowledge base ends in %s (updated %s).", month, updated)
	case startsAsked && !endsAsked && len(starting) > 0:
		return nil, starting, nil, ""
	}
	return dated, starting, ending, ""
}
