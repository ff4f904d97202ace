package answer

import "slices"

// Helper U: "which countries produce fluorspar besides China and Mexico?" leaves out every
// country named after the "besides" word, not only the first.

// besidesJoiners join one left-out country to the next: "besides China and Mexico",
// "además de China y México", "apart from China, Mexico or Spain" (commas are gone by now).
var besidesJoiners = set("and", "or", "nor", "y", "e", "o", "ni", "&")

// besidesJoined reports whether the words from end (just after a left-out country) up to pos
// (the next country) only join the two: nothing, or one joining word.
func besidesJoined(norm []string, end, pos int) bool {
	switch pos - end {
	case 0:
		return true
	case 1:
		return besidesJoiners[norm[end]]
	}
	return false
}

// besidesAll is every country left out, the first one first.
func (q Query) besidesAll() []string {
	if q.Besides == "" {
		return nil
	}
	return append([]string{q.Besides}, q.MoreBesides...)
}

// leftOut reports whether a row's country is one of the countries left out.
func leftOut(besides []string, country string) bool {
	return slices.Contains(besides, country) // a handful of names at most
}

// besidesNames names the countries left out: "China and Mexico".
func (e *snap) besidesNames(besides []string) string {
	names := make([]string, len(besides))
	for i, c := range besides {
		names[i] = e.countryAfterIn(c)
	}
	return e.and(names)
}
