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
	w, ok := sectorCarried(prev, *pq)
	if !ok {
		return false
	}
	pq.Terms = append(slices.Clone(pq.Terms), w)
	pq.Rest = append(slices.Clone(pq.Rest), w)
	if pq.Why && pq.Measure == MeasureOverview {
		pq.Measure = MeasureLists
	}
	return true
}

// amongWords ask whether something is among what was just answered: "is graphite one of
// them?", "¿el grafito está entre ellos?".
var amongWords = set("one", "among", "amongst", "included", "entre", "uno", "una", "incluido", "incluida")

// sectorMember gives a yes/no follow-up that names one mineral and asks whether it is among
// the sector's minerals just answered ("which minerals are used in batteries?" then "is
// graphite one of them?") the sector, as "is graphite used in batteries?" asks it. The words
// that point back are left out, as they ask nothing of their own. It reports whether it did.
func sectorMember(prev Query, pq *Query, q string) bool {
	words := strings.Fields(knowledge.Normalize(q))
	if len(pq.Minerals) != 1 || len(pq.Countries)+len(pq.Policies) > 0 || !pq.YesNo || !hasAny(words, anaphoraWords) || !hasAny(words, amongWords) {
		return false
	}
	sw, ok := sectorCarried(prev, *pq)
	if !ok {
		return false
	}
	keep := func(ws []string) []string {
		var out []string
		for _, w := range ws {
			if !anaphoraWords[w] && !amongWords[w] {
				out = append(out, w)
			}
		}
		return append(out, sw)
	}
	pq.Terms, pq.Rest = keep(pq.Terms), keep(pq.Rest)
	return true
}

// pronounWords refer back to what a conversation was about: "is it used in magnets?".
var pronounWords = set("it", "its", "they", "them", "their", "this", "that", "lo", "la", "los", "las", "ello", "ellos", "ellas", "su", "sus")

// ownSector reports whether a follow-up names a sector and nothing else, without pointing
// back: "what about magnets?" after an answer about graphite asks which minerals are used
// in magnets, a question of its own; "is it used in magnets?" asks about graphite.
func ownSector(pq Query, q string) bool {
	if len(pq.Minerals)+len(pq.Countries)+len(pq.Policies) > 0 {
		return false
	}
	if _, ok := sectorAsked(pq); !ok {
		return false
	}
	return !hasAny(strings.Fields(knowledge.Normalize(q)), pronounWords)
}
