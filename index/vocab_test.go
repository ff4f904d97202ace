package index

import (
	"context"
	"slices"
	"testing"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Leaving out the short fields that hold none of a question's words must not change what a
// search finds, nor its order: a left-out field had nothing to match.
func TestVocabularyLeavesResultsAsTheyWere(t *testing.T) {
	_, ix := embeddedIndex(t)
	questions := []string{
		"antimony", "fluorite", "baryte", "plata", "fluorita", "Sb", "section 232", "US-Mexico action plan",
		"flame retardants", "battery magnets", "litio en México", "imanes permanentes", "antimoney",
		"critical minerals ministerial", "export controls gallium", "who produces fluorspar", "Perú",
	}
	search := func(q string, opt Options) []Hit {
		res, err := ix.Search(context.Background(), q, opt)
		if err != nil {
			t.Fatalf("%q: %v", q, err)
		}
		return res.Hits
	}
	refs := func(hits []Hit) []knowledge.Ref {
		var out []knowledge.Ref
		for _, h := range hits {
			out = append(out, h.Ref)
		}
		return out
	}
	for _, spanish := range []bool{false, true} {
		opt := Options{Size: 8, Spanish: spanish}
		for _, q := range questions {
			pruned := search(q, opt)
			ix.mu.Lock()
			vocab := ix.vocab
			ix.vocab = nil // every field searched
			ix.mu.Unlock()
			all := search(q, opt)
			ix.mu.Lock()
			ix.vocab = vocab
			ix.mu.Unlock()
			if !slices.Equal(refs(pruned), refs(all)) {
				t.Errorf("%q (spanish %v): with the vocabulary %v, searching every field %v", q, spanish, refs(pruned), refs(all))
			}
			if len(all) == 0 {
				t.Errorf("%q (spanish %v): nothing found; the question should find something", q, spanish)
			}
		}
	}
}

func TestVocabularyMayMatch(t *testing.T) {
	_, ix := embeddedIndex(t)
	_, _, syn, vocab := ix.current()
	tests := []struct {
		field string
		words []string
		want  bool
	}{
		{"names", []string{"antimony"}, true},
		{"names", []string{"Antimony"}, true},
		{"names", []string{"fluorite"}, true}, // an alias, and a synonym of fluorspar
		{"names", []string{"flame", "retardants"}, false},
		{"names_es", []string{"plata"}, true},
		{"names_es", []string{"silver"}, true}, // plata's synonym
		{"names_es", []string{"retardants"}, false},
		{"title", []string{"section", "232"}, true},
		{"title", []string{"zebras"}, false},
		{"body", []string{"magnets"}, true},
		{"body", []string{"zebras"}, false},
		{"exact", []string{"anything"}, true}, // not in the vocabulary: always searched
	}
	for _, tt := range tests {
		if got := vocab.mayMatch(tt.field, tt.words, syn); got != tt.want {
			t.Errorf("mayMatch(%s, %q) = %v, want %v", tt.field, tt.words, got, tt.want)
		}
	}
}

// embeddedIndex loads the embedded knowledge base and indexes it, or fails the test.
func embeddedIndex(t *testing.T) (*knowledge.KB, *Index) {
	t.Helper()
	kb, err := knowledge.Load(knowledge.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	ix, err := New(kb)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	return kb, ix
}
