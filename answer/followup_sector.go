package answer

import "slices"

// A follow-up after a sector's answer keeps the sector: "which minerals are used in
// batteries?" then "and in Mexico?" asks which battery minerals Mexico produces, not Mexico's
// card.

// carrySector gives a follow-up that names countries, and no mineral, item or sector of its
// own, the sector words of the question before (prev), when it asked for one. It reports
// whether it did.
func carrySector(prev Query, pq *Query) bool {
	if len(prev.Minerals)+len(prev.Policies) > 0 || len(pq.Countries) == 0 {
		return false
	}
	w, ok := sectorCarried(prev, *pq)
	if !ok {
		return false
	}
	pq.Terms = append(slices.Clone(pq.Terms), w)
	pq.Rest = append(slices.Clone(pq.Rest), w)
	if pq.Measure == MeasureOverview && prev.Measure != MeasureUses {
		pq.Measure = prev.Measure // "which battery minerals does the US produce?" then "and China?"
	}
	return true
}

// sectorCarried is the word that named the sector of the question before a follow-up
// (prev), when it asked for one and the follow-up (pq) names no sector of its own. A sector
// misspelt ("bateries") is not carried: its word is not among the sector's.
func sectorCarried(prev, pq Query) (string, bool) {
	if _, ok := sectorAsked(pq); ok {
		return "", false
	}
	s, ok := sectorAsked(prev)
	if !ok {
		return "", false
	}
	i := slices.IndexFunc(prev.Terms, func(w string) bool { return slices.Contains(s.words, w) })
	if i < 0 {
		return "", false
	}
	return prev.Terms[i], true
}
