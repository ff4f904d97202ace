package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper W: "what export controls are in force?", "¿qué controles de exportación están
// vigentes?", "export controls other than China": the export measures that still restrict,
// each country with its measure in force or else its newest (as restrictsWhat lists them),
// leaving out the countries set aside — not the one item that ranks first.
// inForceWords say "in force" in a form statusPhrases do not hold: "¿… están vigentes?".
var inForceWords = set("vigentes", "activos", "activas", "active")

func (e *snap) controlsInForce(q Query) *Answer {
	if q.YesNo || q.Cut || len(q.Policies)+len(q.Minerals) > 0 || len(q.Countries) > 1 || q.Year > 0 || q.Month > 0 || q.Timeline != "" ||
		!q.Status && q.Besides == "" && !hasAny(q.Terms, inForceWords) || !hasAny(q.Terms, exportControlWords) ||
		!slices.ContainsFunc(q.Terms, func(w string) bool { return strings.HasPrefix(w, "export") || strings.HasPrefix(w, "exporta") }) {
		return nil
	}
	for _, w := range q.Terms {
		// Only the words of the question asked: "export controls", "in force", "other".
		if !exportControlWords[w] && !strings.HasPrefix(w, "export") && !statusWords[w] && !inForceWords[w] && !restrictorWords[w] {
			return nil
		}
	}
	if len(q.Countries) == 1 {
		return e.countryRestricts(q.Countries[0]) // "which export controls does China have in force?"
	}
	left := map[string]bool{q.Besides: true}
	for _, c := range q.MoreBesides {
		left[c] = true
	}
	var order []string
	items := map[string][]*knowledge.Policy{}
	var all []*knowledge.Policy
	listed := map[string]bool{}
	for _, p := range newestFirst(e.kb.Policies) {
		if _, on := e.restricting(p); !on {
			continue
		}
		for _, c := range p.Countries {
			if left[c] || !e.exportMeasure(p, c) {
				continue
			}
			if items[c] == nil {
				order = append(order, c)
			}
			items[c] = append(items[c], p)
			if !listed[p.ID] && len(all) < 8 { // a card's Related links are capped
				listed[p.ID] = true
				all = append(all, p)
			}
		}
	}
	if len(order) == 0 {
		return nil
	}
	var lines []string
	for _, c := range order[:min(6, len(order))] {
		shown := e.shownOf(items[c])
		f, _ := e.restricting(shown)
		lines = append(lines, e.countryName(c)+": "+e.restrictionLine(shown, f))
	}
	a := e.policyList(all, "Policy items that match")
	what := e.t("minerals")
	if len(order) == 1 {
		a.Headline = e.f("The knowledge base (updated %s) records export restrictions on %s by %s: %s.",
			e.lang.Date(e.kbUpdated()), what, e.countryName(order[0]), e.restrictionLine(e.shownOf(items[order[0]]), e.forceOf(e.shownOf(items[order[0]]))))
	} else {
		a.Headline = e.f("The knowledge base (updated %s) records export restrictions on %s by %s countries, each with its measure in force or else its newest: %s.",
			e.lang.Date(e.kbUpdated()), what, itoa(len(order)), strings.Join(lines, "; "))
	}
	if !fitsHeadline(a.Headline) {
		return nil
	}
	return a
}
