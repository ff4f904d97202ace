package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// After a sector's answer, a follow-up that names no mineral, item or sector of its own asks
// about the same minerals: "which minerals are used in batteries?" then "who produces
// them?", "which are critical?", "why?", "how much does the US import?", "which of them does
// China produce?", "¿cuáles son críticos?".

// anaphoraWords point back at what the last answer was about: "them", "those", "ellos".
var anaphoraWords = set("them", "they", "those", "these", "ellos", "ellas", "esos", "esas", "estos", "estas", "cuales")

// pointsBack reports whether a question reads as a follow-up: a short one, one that begins
// "and …" or "what about …", or one that points back with "them" or "which of these".
func pointsBack(q string) bool {
	return followUpWords(q) || hasAny(strings.Fields(knowledge.Normalize(q)), anaphoraWords)
}

// choosesAmong reports whether a question asks to pick among what was just answered, naming
// nothing else: "which is the most concentrated?", "¿cuál es el más caro?".
func choosesAmong(q string) bool {
	w := strings.Fields(knowledge.Normalize(q))
	return len(w) >= 2 && (w[0] == "which" && (w[1] == "is" || w[1] == "are" || w[1] == "one") || w[0] == "cual" && w[1] == "es")
}

// sectorFollowUp gives a follow-up that names no country (or asks about U.S. imports) the sector of the question before
// it (prev), as carrySector does for one that names countries. "why?" asks why the sector's
// minerals are critical, as "why are battery minerals critical?" does. It reports whether
// it did.
func sectorFollowUp(prev Query, pq *Query, q string) bool {
	if len(pq.Minerals)+len(pq.Policies) > 0 || !usImports(*pq) && (len(pq.Countries) > 0 || !pointsBack(q) && !choosesAmong(q)) {
		return false // "how much does the US import?" is U.S. reliance on the sector's minerals
	}
	if _, ok := sectorAsked(*pq); ok {
		return false
	}
	s, ok := sectorAsked(prev)
	if !ok {
		return false
	}
	i := slices.IndexFunc(prev.Terms, func(w string) bool { return slices.Contains(s.words, w) })
	if i < 0 {
		return false
	}
	pq.Terms = append(slices.Clone(pq.Terms), prev.Terms[i])
	pq.Rest = append(slices.Clone(pq.Rest), prev.Terms[i])
	if pq.Why && pq.Measure == MeasureOverview {
		pq.Measure = MeasureLists
	}
	return true
}
