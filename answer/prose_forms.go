package answer

import "strings"

// Helper W: "¿aplican los aranceles a México?" — "aplican" is not in the knowledge base's
// text, but "aplica" and "aplicar" are: an inflected form of a word the text uses is a word
// too, not a misspelt name ("african").

// inflectionFamilies are the endings one verb or noun may take in English or Spanish: a word
// is a form of a text's word when both are one stem with endings of one family.
var inflectionFamilies = [][]string{
	{"a", "an", "as", "ar", "ado", "ada", "ados", "adas", "ando", "aron", "aba", "aban", "arse", "arlo", "o", "e", "en"}, // -ar verbs
	{"e", "en", "es", "er", "ir", "ido", "ida", "idos", "idas", "iendo", "ieron", "io", "o", "a", "an"},                  // -er, -ir verbs
	{"", "s", "es", "ed", "ing", "d"}, // English
}

// proseForm reports whether w is a word of the knowledge base's text or an inflection of one.
func (p *lexicon) proseForm(w string) bool {
	if p.prose[w] {
		return true
	}
	for _, fam := range inflectionFamilies {
		for _, suf := range fam {
			stem, ok := strings.CutSuffix(w, suf)
			if !ok || len(stem) < minCorrect {
				continue
			}
			for _, other := range fam {
				if other != suf && p.prose[stem+other] {
					return true
				}
			}
		}
	}
	return false
}
