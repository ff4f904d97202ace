package answer

import (
	"slices"
	"strings"
)

// asksPolicyForecast reports whether a question asks what a government will do about a
// measure: "will China lift rare earth controls?", "is the US going to extend the ban?",
// "¿va a levantar China los controles?", "¿levantará China los controles?". mineralbot does
// not forecast; the latest item recorded on that matter answers instead (policyForecast).
func asksPolicyForecast(norm []string, joined string) bool {
	if len(norm) < 3 || !slices.ContainsFunc(norm, func(w string) bool {
		return slices.Contains(cueMeasures[w], MeasurePolicy) && !genericPolicyCues[w]
	}) {
		return false
	}
	switch {
	case norm[0] == "will" || norm[0] == "would":
		return true
	case (norm[0] == "is" || norm[0] == "are") && strings.Contains(joined, " going to "):
		return true
	case norm[0] == "va" || norm[0] == "van" || norm[0] == "iran":
		return len(norm) > 1 && norm[1] == "a" // "¿va a levantar…?"
	}
	return spanishFutureVerb(norm[0]) || len(norm) > 1 && spanishFutureVerb(norm[1]) // "¿China levantará…?"
}

// genericPolicyCues are policy cue words that a question about a figure also says: they
// do not make "will lithium production grow?" a question about a measure.
var genericPolicyCues = set("happened", "paso", "news", "noticias", "status", "estado")

// spanishFutureVerb reports whether a folded Spanish word is a verb in the simple future,
// third person: "levantara", "eliminaran", "extendera", "prorrogara". Folding drops the
// accent, so only verbs of a policy's course are taken, not every word ending in -ara.
func spanishFutureVerb(w string) bool {
	for _, stem := range futureStems {
		if w == stem+"a" || w == stem+"an" {
			return true
		}
	}
	return false
}

// futureStems are the Spanish future stems of verbs a measure's course takes: lift, end,
// extend, renew, remove, keep, suspend, impose, restrict, ban.
var futureStems = []string{"levantar", "terminar", "extender", "prorrogar", "renovar", "eliminar", "quitar", "mantendr",
	"suspender", "reanudar", "impondr", "restringir", "prohibir", "relajar", "endurecer", "ampliar", "aplicar"}

// policyForecast answers a question about what a government will do: it does not forecast,
// then the latest item recorded on the matter, with its status or end date.
func (e *snap) policyForecast(a *Answer) {
	// "Not known — …" answers whether a measure is still in force; the status that follows
	// it is what the recorded item says.
	h := strings.TrimPrefix(a.Headline, strings.TrimSuffix(e.t("Not known — %s"), "%s"))
	a.Headline = sentences(e.t("I don't forecast what governments will do; the latest item recorded on this matter:"), h)
}
