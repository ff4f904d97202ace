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
	if _, ok := sectorAsked(*pq); ok {
		return false
	}
	s, ok := sectorAsked(prev)
	if !ok {
		return false
	}
	i := slices.IndexFunc(prev.Terms, func(w string) bool { return slices.Contains(s.words, w) })
	if i < 0 {
		return false // a sector misspelt ("bateries"): its word is not among the sector's
	}
	w := prev.Terms[i]
	pq.Terms = append(slices.Clone(pq.Terms), w)
	pq.Rest = append(slices.Clone(pq.Rest), w)
	if pq.Measure == MeasureOverview && prev.Measure != MeasureUses {
		pq.Measure = prev.Measure // "which battery minerals does the US produce?" then "and China?"
	}
	return true
}
