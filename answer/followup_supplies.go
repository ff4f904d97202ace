package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper AB: "who supplies the US?" after an answer about cobalt asks where U.S. imports
// of cobalt come from, not what the United States produces.

// usSupplyWords say who supplies a country.
var usSupplyWords = set("supply", "supplies", "supplied", "supplier", "suppliers", "provee", "proveen", "proveedor",
	"proveedores", "abastece", "abastecen", "surte", "surten")

// suppliesUS reports whether a question naming no mineral asks who supplies the United
// States: its only country is the United States, and a supply word is among its words.
func suppliesUS(pq Query, question string) bool {
	if len(pq.Minerals)+len(pq.Policies) > 0 || len(pq.Countries) != 1 || pq.Countries[0] != "united-states" || pq.Measure != MeasureProduction {
		return false
	}
	for _, w := range strings.Fields(knowledge.Normalize(question)) {
		if usSupplyWords[strings.Trim(w, "?¿!¡.,")] {
			return true
		}
	}
	return false
}

// followWords are q's words, accent-folded, without punctuation.
func followWords(q string) []string {
	var out []string
	for _, w := range strings.Fields(knowledge.Normalize(q)) {
		if w = strings.Trim(w, "?¿!¡.,;:"); w != "" {
			out = append(out, w)
		}
	}
	return out
}

// carryCountry reads a follow-up that names only minerals, after an answer about a country
// alone, as about those minerals in that country: "Mexico" then "what about silver?". Only
// a follow-up opened as one ("and", "what about", "y", "¿y") is read so; "silver" alone is
// a question of its own.
func carryCountry(prev Query, pq *Query, q string) bool {
	if len(prev.Minerals)+len(prev.Policies) > 0 || len(prev.Countries) == 0 || prev.Measure != MeasureOverview && prev.Measure != MeasureProduction ||
		len(pq.Minerals) == 0 || len(pq.Countries)+len(pq.Policies) > 0 || pq.Measure != MeasureOverview || pq.Compare || pq.Refusal != "" {
		return false
	}
	words := followWords(q)
	if len(words) < 2 {
		return false
	}
	switch {
	case words[0] == "and" || words[0] == "y" || words[0] == "e":
	case (words[0] == "what" || words[0] == "how") && words[1] == "about":
	case words[0] == "que" && words[1] == "tal":
	default:
		return false
	}
	pq.Countries = prev.Countries
	return true
}

// holdingsFollowUp makes a follow-up that asks how much a country has ("how much does it
// have?", "¿cuánta tiene México?") ask for reserves, as the same question asked in full
// does, unless it names production.
func holdingsFollowUp(q string, pq *Query) {
	if len(pq.Minerals) == 0 || len(pq.Countries) == 0 || pq.Measure != MeasureOverview && pq.Measure != MeasureProduction {
		return
	}
	words := followWords(q)
	for _, w := range words {
		if slices.Contains(cueMeasures[w], MeasureProduction) {
			return
		}
	}
	if asksHoldings(words) {
		pq.Measure = MeasureReserves
	}
}
