package knowledge

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// foldTable maps accented Latin letters to their plain form, enough for English and Spanish
// names of minerals and countries (México, Perú, níquel, Türkiye, Côte d’Ivoire).
var foldTable = map[rune]string{
	'á': "a", 'à': "a", 'â': "a", 'ä': "a", 'ã': "a", 'å': "a",
	'é': "e", 'è': "e", 'ê': "e", 'ë': "e",
	'í': "i", 'ì': "i", 'î': "i", 'ï': "i",
	'ó': "o", 'ò': "o", 'ô': "o", 'ö': "o", 'õ': "o",
	'ú': "u", 'ù': "u", 'û': "u", 'ü': "u",
	'ñ': "n", 'ç': "c", 'ý': "y", 'ÿ': "y", 'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o",
	'’': "", '\'': "", '‘': "",
}

// Normalize folds a name for lookups: lower case, accents removed, apostrophes dropped, and
// every run of other non-letter, non-digit characters turned into one space. "México" and
// "mexico", "Côte d’Ivoire" and "cote divoire" normalize alike.
func Normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if r < utf8.RuneSelf {
			// ASCII, most of what people type: no table lookups.
			switch {
			case r >= 'A' && r <= 'Z':
				b.WriteByte(byte(r) + 'a' - 'A')
				space = false
			case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
				b.WriteByte(byte(r))
				space = false
			case r == '\'':
			default:
				if !space && b.Len() > 0 {
					b.WriteByte(' ')
					space = true
				}
			}
			continue
		}
		r = unicode.ToLower(r)
		if f, ok := foldTable[r]; ok {
			b.WriteString(f)
			space = false
			continue
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
			space = false
			continue
		}
		if !space && b.Len() > 0 {
			b.WriteByte(' ')
			space = true
		}
	}
	return strings.TrimRight(b.String(), " ")
}
