package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// planWords are the words that name an action plan, English and Spanish, normalized.
var planWords = []string{"action plan", "action plans", "plan de accion", "planes de accion"}

// pairPlan reads "plan de acción EE. UU.-Japón", "plan de acción México-EE. UU.", "the
// Mexico-US action plan" as the plan between the two countries, in either order: the
// knowledge base's names of the plans spell the countries one way ("plan de acción Estados
// Unidos-Japón"), and "plan de acción" alone names the U.S.-Mexico plan. When the question
// names an action plan and two or more countries, and exactly one plan is between two of
// them, that plan is the one asked about, and the two countries, which named it, are not
// asked about (as when a name of the plan is matched whole: "US-Japan action plan").
func (p *lexicon) pairPlan(norm []string, q *Query) {
	joined := " " + strings.Join(norm, " ") + " "
	eu := euNamed(joined) // Helper V: the EU is a party, though no country record
	if len(q.Countries) < 2 && !(eu && len(q.Countries) == 1) || len(q.Policies) > 1 {
		return
	}
	if !slices.ContainsFunc(planWords, func(w string) bool { return strings.Contains(joined, " "+w+" ") }) {
		return
	}
	var found *knowledge.Policy
	var all []*knowledge.Policy // Helper V: every plan between two of the countries named
	for _, pol := range p.kb.Policies {
		between := len(pol.Countries) == 2 && slices.Contains(q.Countries, pol.Countries[0]) && slices.Contains(q.Countries, pol.Countries[1]) ||
			eu && len(pol.Countries) == 1 && slices.Contains(q.Countries, pol.Countries[0]) && euJurisdiction(pol)
		if !between {
			continue
		}
		names := append([]string{pol.Title, pol.TitleES}, pol.Aliases...)
		if !slices.ContainsFunc(names, func(n string) bool {
			n = " " + knowledge.Normalize(n) + " "
			return slices.ContainsFunc(planWords, func(w string) bool { return strings.Contains(n, " "+w+" ") })
		}) {
			continue
		}
		all = append(all, pol)
		found = pol
	}
	if len(all) > 1 {
		// Helper V: "the US-Mexico and US-Japan action plans" names two plans, each by its
		// pair of countries: both are asked about (compared), unless an item is named.
		if len(all) <= 3 && len(q.Policies) == 0 {
			q.Policies = nil
			for _, pol := range all {
				q.Policies = append(q.Policies, pol.ID)
				q.Countries = slices.DeleteFunc(q.Countries, func(c string) bool { return slices.Contains(pol.Countries, c) })
			}
		}
		return
	}
	if found == nil || slices.Contains(q.Policies, found.ID) {
		return // already named ("US-Mexico action plan")
	}
	if len(q.Policies) == 1 {
		// Only a plan's generic name ("plan de acción") may give way to the pair's plan.
		words := " " + strings.Join(q.PolicyWords, " ") + " "
		if !slices.ContainsFunc(planWords, func(w string) bool { return words == " "+w+" " }) {
			return
		}
	}
	q.Policies = []string{found.ID}
	q.Countries = slices.DeleteFunc(q.Countries, func(c string) bool { return slices.Contains(found.Countries, c) })
}

// pairChosen reports whether the item a query names was read from the pair of countries it
// is between (pairPlan), with no name of it typed: "US-Mexico action plans" is that plan,
// not whichever plan of its family ("action plan") shares the most words. Helper V.
func pairChosen(q Query, p *knowledge.Policy) bool {
	return len(q.PolicyWords) == 0 && len(q.Policies) == 1 && len(p.Countries) == 2 &&
		!slices.ContainsFunc(p.Countries, func(c string) bool { return slices.Contains(q.Countries, c) })
}

// namedTogether reports whether a question only names two or three items, asking nothing
// particular of them ("the US-Mexico and US-Japan action plans"): they are set side by side,
// as when a comparison is asked. Helper V.
func namedTogether(q Query) bool {
	return len(q.Policies) > 1 && !q.Status && !q.YesNo && q.Timeline == "" && q.Month == 0 && q.Year == 0 &&
		len(q.Countries) == 0 && !slices.ContainsFunc(q.Terms, func(w string) bool { return !planWordSet[w] })
}

// planWordSet holds the words of planWords, which name no more than the kind of item.
var planWordSet = set("action", "plan", "plans", "accion", "planes", "de")

// euNamed reports whether a question, normalized and padded with spaces, names the European
// Union: "US-EU action plans", "el plan UE-EE. UU.". Helper V.
func euNamed(joined string) bool {
	return slices.ContainsFunc([]string{" eu ", " ue ", " european union ", " union europea "}, func(w string) bool { return strings.Contains(joined, w) })
}
