package answer_test

import (
	"testing"

	"github.com/mineralbot/mineralbot/answer"
)

// Helper W: an inflected form of a word the knowledge base's text uses ("aplican", from
// "aplicado", "aplicarse") is a word, not a misspelt name ("african"); typos of names are
// still corrected.
func TestInflectedWordsAreNotMisspeltNames(t *testing.T) {
	for q, want := range map[string]int{
		"¿aplican los aranceles a México?":    0,
		"¿se aplican aranceles al antimonio?": 0,
		"lithum":                              1,
		"galium exports":                      1,
	} {
		a := askIn(t, q, answer.Spanish)
		if got := len(a.Query.Corrections); got != want {
			t.Errorf("%q: corrections %v, want %d", q, a.Query.Corrections, want)
		}
	}
}
