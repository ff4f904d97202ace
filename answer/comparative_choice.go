package answer

import "slices"

// Helper R: a choice between two countries ("who produces more silver, Mexico or Peru?",
// "¿quién produce más plata, México o Perú?", "¿produce más cobre Chile o Perú?") asks
// which of the two, not yes or no: the answer is the one named first (comparativeVerdict).

// choicePrefix marks Query.Comparative for a choice: "choice-more", "choice-less".
const choicePrefix = "choice-"

// choiceOf is "choice-more" or "choice-less" when a more or less word is followed by "or"
// ("o") and not by "than" ("que"): the question offers two to choose from. "More or less"
// ("más o menos") is no choice.
func choiceOf(norm []string) string {
	for i, w := range norm {
		if !moreWords[w] && !lessWords[w] {
			continue
		}
		rest := norm[i+1:]
		if len(rest) > 1 && (rest[0] == "or" || rest[0] == "o") && (moreWords[rest[1]] || lessWords[rest[1]]) {
			return "" // "more or less"
		}
		if slices.Contains(rest, "than") || slices.Contains(rest, "que") {
			return ""
		}
		before := norm[:i] // Helper S: "¿Perú o México, quién tiene más reservas de zinc?"
		if slices.Contains(rest, "or") || slices.Contains(rest, "o") ||
			(slices.Contains(before, "or") || slices.Contains(before, "o")) && slices.ContainsFunc(before, choiceWhWords.has) {
			if moreWords[w] {
				return choicePrefix + "more"
			}
			return choicePrefix + "less"
		}
	}
	return ""
}

// choiceWhWords ask which of two named before them: "Peru or Mexico, who has more?".
var choiceWhWords = wordSet{"who": true, "which": true, "quien": true, "cual": true, "quienes": true, "cuales": true}

// wordSet is a set of words with a method value to test them.
type wordSet map[string]bool

func (s wordSet) has(w string) bool { return s[w] }
