package knowledge_test

import (
	"os"
	"testing"

	"github.com/mineralbot/mineralbot/knowledge"
)

func TestLookupTerm(t *testing.T) {
	kb := mustLoad(t, os.DirFS("testdata/valid"))
	for _, tc := range []struct {
		phrase string
		want   string // "" for no term
	}{
		{"HHI", "hhi"},
		{"ihh", "hhi"},
		{"herfindahl hirschman index (hhi)", "hhi"},
		{"Índice de Herfindahl-Hirschman (IHH)", "hhi"},
		{"antimony", ""},
		{"", ""},
	} {
		t.Run(tc.phrase, func(t *testing.T) {
			got, ok := kb.LookupTerm(tc.phrase)
			switch {
			case tc.want == "" && ok:
				t.Errorf("LookupTerm(%q) = %s, want none", tc.phrase, got.ID)
			case tc.want != "" && (!ok || got.ID != tc.want):
				t.Errorf("LookupTerm(%q) = %v, %v; want %s", tc.phrase, got, ok, tc.want)
			}
		})
	}
}

// TestEmbeddedGlossary checks that every embedded term is found by its own names, in both
// languages.
func TestEmbeddedGlossary(t *testing.T) {
	kb := mustLoad(t, knowledge.Embedded())
	if len(kb.Glossary) == 0 {
		t.Fatal("the embedded knowledge base has no glossary")
	}
	for _, term := range kb.Glossary {
		for _, name := range append([]string{term.Term, term.TermES}, term.Aliases...) {
			if got, ok := kb.LookupTerm(name); !ok || got != term {
				t.Errorf("%s: LookupTerm(%q) does not find it", term.File, name)
			}
		}
	}
}
