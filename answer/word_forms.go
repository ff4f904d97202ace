package answer

import "strings"

// Helper AA: a word's other inflections. A stem is a word's first five letters, which joins
// "suspension" and "suspends" but not "rule", "ruled" and "ruling" (stems "rule", "ruled",
// "rulin"): "what did the court rule on tariffs?" missed the item whose text says the Supreme
// Court "ruled" against them. The policy indexes (indexPolicyWords, indexPolicySentences)
// add, for each word of an item, the stems of its regular English inflections, so a question
// in any one form finds text in another. Computed once per knowledge base.

// formSuffixes are the endings stripped to find a word's root, longest first.
var formSuffixes = []string{"ing", "ied", "ies", "ed", "es", "s", "e"}

// wordForms are the stems of the regular inflections of w ("ruled": "rule", "rules", "ruled",
// "rulin"), other than w's own stem; none for short words, whose roots would be ambiguous.
func wordForms(w string) []string {
	if len(w) < 4 || len(w) > 12 || !isASCIILower(w) {
		return nil
	}
	root := ""
	for _, suf := range formSuffixes {
		if strings.HasSuffix(w, suf) {
			root = w[:len(w)-len(suf)]
			if suf == "ied" || suf == "ies" {
				root += "y"
			}
			break
		}
	}
	if len(root) < 3 {
		return nil // "does", "used": too short to tell
	}
	own := stem(w)
	var out []string
	for _, f := range []string{root, root + "e", root + "s", root + "es", root + "ed", root + "ing"} {
		if s := stem(f); s != own && len(f) >= 4 && !containsStr(out, s) {
			out = append(out, s)
		}
	}
	return out
}

func isASCIILower(w string) bool {
	for i := 0; i < len(w); i++ {
		if c := w[i]; c < 'a' || c > 'z' {
			return false
		}
	}
	return true
}

func containsStr(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}

// titleSynonyms are other words people type for a word of an item's title, as stems: a
// title that says "position" answers "Mexico's stance on critical minerals".
var titleSynonyms = map[string][]string{
	"position": {"stanc"},
	"postura":  {"stanc", "posic"},
}
