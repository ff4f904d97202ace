package answer

import (
	"strings"
	"unicode"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper W: "what did the Supreme Court rule on IEEPA?" — an acronym that few policy items
// write ("IEEPA") says more of which item is asked than words many share ("court", "rule"):
// an item whose text writes a rare acronym of the question ranks above items with only
// common words. (Plain words rare in a small knowledge base, "strike", "sign", are not: an
// acronym is a name.)

// indexPolicyRare maps each policy item to the stems of the acronyms its titles, aliases and
// text write in capitals that at most one item in 25 uses at all (and always one alone).
func indexPolicyRare(kb *knowledge.KB, words map[string]map[string]int) map[string]map[string]bool {
	byItem := map[string]map[string]bool{}
	df, used := map[string]int{}, map[string]int{}
	for _, p := range kb.Policies {
		for w := range words[p.ID] {
			used[w]++ // "dpa" is one item's capitals and another's title initials
		}
	}
	for _, p := range kb.Policies {
		caps := map[string]bool{}
		for _, t := range append([]string{p.Title, p.TitleES, p.Summary, p.SummaryES}, p.Aliases...) {
			for _, w := range strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
				if len(w) >= 3 && strings.ToUpper(w) == w && strings.ContainsFunc(w, unicode.IsLetter) {
					caps[stem(knowledge.Normalize(w))] = true
				}
			}
		}
		for w := range caps {
			df[w]++
		}
		byItem[p.ID] = caps
	}
	out := map[string]map[string]bool{}
	for id, caps := range byItem {
		for w := range caps {
			if n := max(df[w], used[w]); n == 1 || n*25 <= len(kb.Policies) {
				if out[id] == nil {
					out[id] = map[string]bool{}
				}
				out[id][w] = true
			}
		}
	}
	return out
}

// rareWordBonus is what a question's word stem w adds to item id for being a rare acronym
// the item writes.
func (e *snap) rareWordBonus(id, w string) float64 {
	if e.policyRare[id][w] {
		return 5 // half of naming the item (10): above three common words of a title (1.5 each)
	}
	return 0
}
