package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// carryPolicy gives a follow-up that names countries, and no mineral or item of its own, the
// items of the question before it, when it points back at them: "section 232" then "does it
// apply to Mexico?", "what does it mean for the US?", "and Canada?". Without the items the
// country alone was asked about: its card. It reports whether it did.
func carryPolicy(prev Query, pq *Query, q string) bool {
	if len(prev.Policies) == 0 || len(pq.Countries) == 0 || len(pq.Minerals)+len(pq.Policies) > 0 {
		return false
	}
	if !followUpWords(q) && !hasAny(strings.Fields(knowledge.Normalize(q)), pronounWords) {
		return false // "what does Mexico produce?" is a question of its own
	}
	pq.Policies = prev.Policies
	if pq.Measure == MeasureOverview || pq.Measure == MeasureProduction {
		pq.Measure = MeasurePolicy
	}
	return true
}

// importerOnly reports whether the question before a follow-up named the United States only
// as the importer: a question about U.S. import reliance or sources.
func importerOnly(prev Query) bool {
	return (prev.Measure == MeasureReliance || prev.Measure == MeasureImportSources) &&
		len(prev.Countries) == 1 && prev.Countries[0] == "united-states"
}

// carryPolicyOn gives a follow-up that names minerals, and no item or country, the items of
// the question before it when it asks whether they cover them or reads as a follow-up: the
// US-Mexico action plan, then "is antimony included?", "and fluorspar?". It reports whether
// it did.
func carryPolicyOn(prev Query, pq *Query, q string) bool {
	if len(prev.Policies) == 0 || len(pq.Minerals) == 0 || len(pq.Policies)+len(pq.Countries) > 0 {
		return false
	}
	covers := hasAny(strings.Fields(knowledge.Normalize(q)), coverWords)
	if !covers && (!followUpWords(q) || pq.Measure != MeasureOverview && pq.Measure != MeasurePolicy) {
		return false // "who produces fluorspar?" asks its own question
	}
	pq.Policies = prev.Policies
	pq.Measure = MeasurePolicy
	return true
}

// carryCountryQuestion gives a follow-up that names other countries only ("what about
// Canada?") the question asked before of a country, when it asked one of its own (a measure
// other than the overview): "what does Mexico export to the US?", "what critical minerals
// does Peru lack?". The United States stays as the importer of a trade question. It
// reports whether it did.
func carryCountryQuestion(prev Query, pq *Query, q string) bool {
	if len(prev.Minerals)+len(prev.Policies) > 0 || len(prev.Countries) == 0 || prev.Measure == MeasureOverview ||
		len(pq.Minerals)+len(pq.Policies) > 0 || len(pq.Countries) == 0 || pq.Measure != MeasureOverview || !followUpWords(q) {
		return false
	}
	pq.Measure, pq.Polarity = prev.Measure, prev.Polarity
	if len(pq.Lists) == 0 {
		pq.Lists = prev.Lists
	}
	trade := prev.Measure == MeasureImportSources || prev.Measure == MeasureReliance
	if trade && slices.Contains(prev.Countries, "united-states") && !slices.Contains(pq.Countries, "united-states") {
		pq.Countries = append(slices.Clone(pq.Countries), "united-states")
	}
	return true
}

// importSourceWords name a source of imports: "is China the top source?", "¿el principal
// proveedor?".
var importSourceWords = set("source", "sources", "supplier", "suppliers", "proveedor", "proveedores", "fuente", "fuentes")
