package answer_test

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// A headline is what a chat window shows of an answer before the card: the direct answer in
// one to three sentences, short enough to read there. maxHeadline is about seven lines of a
// Slack message pane.
const (
	maxSentences = 3
	maxHeadline  = 560
)

// checkHeadlineFits fails t when a headline is longer than three sentences or maxHeadline
// characters.
func checkHeadlineFits(t *testing.T, headline string) {
	t.Helper()
	if n := sentenceCount(headline); n > maxSentences {
		t.Errorf("headline of %d sentences (at most %d; the rest belongs in the card):\n  %s", n, maxSentences, headline)
	}
	if n := utf8.RuneCountInString(headline); n > maxHeadline {
		t.Errorf("headline of %d characters (at most %d; the rest belongs in the card):\n  %s", n, maxHeadline, headline)
	}
}

// abbreviations end with a full stop that ends no sentence: "U.S. imports", "EE. UU. y".
var abbreviations = map[string]bool{"U.S": true, "EE": true, "UU": true, "EE.UU": true, "e.g": true, "i.e": true,
	"etc": true, "No": true, "Mr": true, "Mrs": true, "Dr": true, "St": true, "Jr": true, "vs": true, "n.º": true, "Inc": true, "Co": true}

// sentenceCount counts a text's sentences: a full stop, question or exclamation mark (and
// any closing quote or bracket) followed by a space and a capital letter or an opening mark
// ends one, unless it ends an abbreviation or an initial.
func sentenceCount(s string) int {
	n := 1
	for i := 0; i < len(s); i++ {
		if s[i] != '.' && s[i] != '?' && s[i] != '!' {
			continue
		}
		j := i + 1
		for j < len(s) && strings.ContainsRune(")\"”’»", rune(s[j])) {
			j++
		}
		for _, close := range []string{"”", "’", "»"} {
			j += len(close) * boolInt(strings.HasPrefix(s[j:], close))
		}
		if j >= len(s) || s[j] != ' ' {
			continue
		}
		next, _ := utf8.DecodeRuneInString(s[j+1:])
		if !unicode.IsUpper(next) && !strings.ContainsRune("¿¡“\"«", next) {
			continue
		}
		word := s[strings.LastIndexAny(s[:i], " (")+1 : i]
		if abbreviations[word] || utf8.RuneCountInString(word) == 1 && unicode.IsUpper(rune(word[0])) {
			continue
		}
		n++
	}
	return n
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestSentenceCount(t *testing.T) {
	for _, tt := range []struct {
		text string
		want int
	}{
		{"China accounted for 36% of world mine production of antimony in 2025e (USGS MCS 2026).", 1},
		{"Yes — U.S. imports fell. Next: Russia (29%) and Tajikistan (20%).", 2},
		{"La lista de EE. UU. de 2025 agregó 10. No quitó ninguno: todos están. El borrador “China suspende”. Sí.", 4},
		{"It said “no.” Then it stopped? ¿Qué pasó? Nothing.", 4},
		{"Of 48 minerals, 31 rose (e.g. bismuth). Each is an annual average.", 2},
		{"J. Greer signed it on 4 Feb. 2026.", 1},
	} {
		if got := sentenceCount(tt.text); got != tt.want {
			t.Errorf("sentenceCount(%q) = %d, want %d", tt.text, got, tt.want)
		}
	}
}
