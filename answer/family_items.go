package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper AC: "list the section 232 actions", "all section 232 measures", "¿qué medidas de la
// sección 232 hay?": every item of the family the question names (the items whose names
// contain the name asked), newest first — not the one item that bears the name. Asked of
// its tariffs, familyTariffs answers.

// familyNouns ask for a family's items; one of them, or "list", must be said.
var familyNouns = set("list", "actions", "measures", "items", "steps", "proclamations", "orders", "moves", "decisions",
	"acciones", "medidas", "pasos", "proclamaciones", "ordenes", "decisiones", "lista", "listar")

// familyOtherWords may come with them: "show me all the …", "what are the …".
var familyOtherWords = set("show", "me", "give", "every", "taken", "done", "so", "far", "muestra", "muestrame", "dame",
	"tomadas", "todas", "todos", "hasta", "ahora")

func (e *snap) familyItems(q Query) *Answer {
	if len(q.Policies) == 0 || len(q.Countries)+len(q.Minerals) > 0 || q.YesNo || q.Status || q.Month != 0 || q.Year != 0 || q.Timeline != "" || q.Latest ||
		!slices.ContainsFunc(q.Terms, func(w string) bool { return familyNouns[w] }) ||
		slices.ContainsFunc(q.Terms, func(w string) bool { return !familyNouns[w] && !familyListWords[w] && !familyOtherWords[w] }) {
		return nil
	}
	named, ok := e.kb.Policy(q.Policies[0])
	if !ok {
		return nil
	}
	var family []*knowledge.Policy
	for i := len(e.kb.Policies) - 1; i >= 0; i-- { // newest first
		if p := e.kb.Policies[i]; p == named || e.namedFamily(q, p) {
			family = append(family, p)
		}
	}
	if len(family) < 2 {
		return nil
	}
	name := strings.Join(q.PolicyWords, " ")
	for _, alias := range named.Aliases {
		if knowledge.Normalize(alias) == name {
			name = alias // as the record writes it: "sección 232"
			break
		}
	}
	a, list := e.familyList(family, func(p *knowledge.Policy) string { return e.lang.Date(p.Date) })
	a.Headline = e.f("%s items under %s in the knowledge base, newest first: %s.", itoa(len(family)), capitalize(name), list)
	if !fitsHeadline(a.Headline) {
		return nil
	}
	return a
}

// familyList is the card of a family's items (the first eight) and, for its headline, the
// first four's titles, each with date(p), and how many more.
func (e *snap) familyList(family []*knowledge.Policy, date func(*knowledge.Policy) string) (*Answer, string) {
	var items []string
	for _, p := range family[:min(4, len(family))] {
		items = append(items, e.policyTitle(p)+" ("+date(p)+")")
	}
	list := strings.Join(items, "; ")
	if len(family) > 4 {
		list += "; " + e.f("and %s more", itoa(len(family)-4))
	}
	return e.policyList(family[:min(8, len(family))], "Policy items that match"), list
}
