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
	if len(q.Countries) < 2 || len(q.Policies) > 1 {
		return
	}
	joined := " " + strings.Join(norm, " ") + " "
	if !slices.ContainsFunc(planWords, func(w string) bool { return strings.Contains(joined, " "+w+" ") }) {
		return
	}
	var found *knowledge.Policy
	for _, pol := range p.kb.Policies {
		if len(pol.Countries) != 2 || !slices.Contains(q.Countries, pol.Countries[0]) || !slices.Contains(q.Countries, pol.Countries[1]) {
			continue
		}
		names := append([]string{pol.Title, pol.TitleES}, pol.Aliases...)
		if !slices.ContainsFunc(names, func(n string) bool {
			n = " " + knowledge.Normalize(n) + " "
			return slices.ContainsFunc(planWords, func(w string) bool { return strings.Contains(n, " "+w+" ") })
		}) {
			continue
		}
		if found != nil {
			return // two plans between the countries named: the words do not say which
		}
		found = pol
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
