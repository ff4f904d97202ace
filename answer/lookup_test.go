package answer_test

import (
	"fmt"
	"testing"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/knowledge"
)

// The pickers offer what was typed: names and aliases in both languages, accents and case
// folded, a misspelling corrected, best first, and only records of the picker's kind.
func TestLookup(t *testing.T) {
	e, _ := mustEngine(t)
	for _, tc := range []struct {
		typed string
		kind  knowledge.Kind
		lang  answer.Lang
		first string // the first option's label
		ids   []string
	}{
		{"anti", knowledge.KindMineral, answer.English, "Antimony", []string{"antimony"}},
		{"Sb", knowledge.KindMineral, answer.English, "Antimony · Sb", []string{"antimony"}},
		{"plat", knowledge.KindMineral, answer.Spanish, "Plata", nil},
		{"fluorite", knowledge.KindMineral, answer.English, "Fluorspar · fluorite", []string{"fluorspar"}},
		{"antimny", knowledge.KindMineral, answer.English, "Antimony", []string{"antimony"}},
		{"mexi", knowledge.KindCountry, answer.English, "Mexico", []string{"mexico"}},
		{"MÉXI", knowledge.KindCountry, answer.Spanish, "México", []string{"mexico"}},
		{"chi", knowledge.KindCountry, answer.English, "Chile", []string{"chile", "china"}},
		{"mexico", knowledge.KindMineral, answer.English, "", nil},
		{"<!channel>", knowledge.KindMineral, answer.English, "", nil},
	} {
		t.Run(fmt.Sprint(tc.typed, "/", tc.kind), func(t *testing.T) {
			opts := e.Lookup(tc.typed, tc.kind, tc.lang, 10)
			if len(opts) > 10 {
				t.Fatalf("%d options, want at most 10", len(opts))
			}
			var got []string
			for _, o := range opts {
				got = append(got, o.Label)
				if o.Ref.Kind != tc.kind {
					t.Errorf("%q offered %v, not a %s", tc.typed, o.Ref, tc.kind)
				}
			}
			if tc.first == "" {
				if len(opts) > 0 {
					t.Errorf("%q offered %q, want nothing", tc.typed, got)
				}
				return
			}
			if len(opts) == 0 || opts[0].Label != tc.first {
				t.Fatalf("%q offered %q, want %q first", tc.typed, got, tc.first)
			}
			for i, id := range tc.ids {
				if opts[i].Ref.ID != id {
					t.Errorf("%q offered %v at %d, want %s", tc.typed, opts[i].Ref, i, id)
				}
			}
		})
	}
}
