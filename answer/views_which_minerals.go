package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// mineralsAcross answers "which minerals does China restrict exports of?", which no one item
// answers: the minerals of every matching item of the best match's kind and jurisdiction
// (China's export controls, one after another), oldest item first, then how many items
// they come from. ps are the items that match nearly as well as the best. "" when fewer
// than two such items match, or a date or a suspension narrows the question.
func (e *snap) mineralsAcross(ps []*knowledge.Policy, q Query) string {
	if !q.WhichMinerals || len(q.Minerals)+len(q.Policies) > 0 || len(ps) < 2 || q.Month > 0 || q.Year > 0 || asksSuspension(q) {
		return ""
	}
	top := ps[0]
	var same []*knowledge.Policy
	for _, p := range ps {
		// A suspension of an item that matches adds no mineral of its own.
		if p.Kind == top.Kind && p.Jurisdiction == top.Jurisdiction && !slices.ContainsFunc(ps, func(x *knowledge.Policy) bool { return x.ID == p.Suspends }) {
			same = append(same, p)
		}
	}
	if len(same) < 2 {
		return ""
	}
	slices.SortStableFunc(same, func(a, b *knowledge.Policy) int { return a.Date.Time.Compare(b.Date.Time) })
	var ids []string
	for _, p := range same {
		for _, id := range p.Minerals {
			if !slices.Contains(ids, id) {
				ids = append(ids, id)
			}
		}
	}
	var names []string
	for _, id := range ids {
		if m, ok := e.kb.Mineral(id); ok {
			names = append(names, strings.ToLower(e.mineralName(m)))
		}
	}
	if len(names) == 0 {
		return ""
	}
	newest := same[len(same)-1]
	return sentences(e.f("Minerals concerned, across %s matching items, oldest first: %s.", itoa(len(same)), e.and(names)),
		e.f("The newest: %s.", e.lang.Date(newest.Date)+", "+e.policyTitle(newest)))
}
