package answer_test

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/knowledge"
)

// A list's card is titled as a title, in either language: the Spanish names of lists are
// written to sit inside a sentence ("está en la lista de …") and start lower-case.
func TestListTitlesAreCapitalized(t *testing.T) {
	for _, lang := range []answer.Lang{answer.English, answer.Spanish} {
		for _, l := range knowledge.Lists {
			a := askIn(t, "list "+string(l), lang)
			if a.Intent != answer.IntentList {
				t.Fatalf("list %s (%s): intent %s, want a list", l, lang, a.Intent)
			}
			if r, _ := utf8.DecodeRuneInString(a.Title); !unicode.IsUpper(r) {
				t.Errorf("list %s (%s): title %q does not start with a capital", l, lang, a.Title)
			}
		}
	}
}
