package index_test

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/mineralbot/mineralbot/index"
	"github.com/mineralbot/mineralbot/knowledge"
)

func mustKB(tb testing.TB) *knowledge.KB {
	tb.Helper()
	kb, err := knowledge.Load(knowledge.Embedded())
	if err != nil {
		tb.Fatalf("load embedded knowledge base: %v", err)
	}
	return kb
}

func mustIndex(tb testing.TB, kb *knowledge.KB) *index.Index {
	tb.Helper()
	ix, err := index.New(kb)
	if err != nil {
		tb.Fatalf("index.New: %v", err)
	}
	tb.Cleanup(func() { ix.Close() })
	return ix
}

func TestSearchTopHit(t *testing.T) {
	ix := mustIndex(t, mustKB(t))
	tests := []struct {
		query string
		want  string // kind/id of the top hit
		fuzzy bool
	}{
		{"antimony", "mineral/antimony", false},
		{"Antimony", "mineral/antimony", false},
		{"who produces fluorspar", "mineral/fluorspar", false},
		{"fluorite", "mineral/fluorspar", false},
		{"baryte", "mineral/barite", false},
		{"plata", "mineral/silver", false},
		{"antimonio", "mineral/antimony", false},
		{"litio en México", "mineral/lithium", false},
		{"grafito", "mineral/graphite", false},
		{"stibnite", "mineral/antimony", false},
		{"Sb", "mineral/antimony", false},
		{"Ag", "mineral/silver", false},
		{"W", "mineral/tungsten", false},
		{"what is Nd used for", "mineral/neodymium", false},
		{"antimoney", "mineral/antimony", true},
		{"flourspar", "mineral/fluorspar", true},
		{"México", "country/mexico", false},
		{"mexico", "country/mexico", false},
		{"Perú", "country/peru", false},
		{"section 232", "policy/section-232-order-2025", false},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			res, err := ix.Search(context.Background(), tt.query, index.Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Hits) == 0 {
				t.Fatalf("no hits")
			}
			got := string(res.Hits[0].Ref.Kind) + "/" + res.Hits[0].Ref.ID
			if got != tt.want {
				t.Errorf("top hit %s, want %s (hits: %v)", got, tt.want, res.Hits)
			}
			if res.Fuzzy != tt.fuzzy {
				t.Errorf("Fuzzy = %v, want %v", res.Fuzzy, tt.fuzzy)
			}
		})
	}
}

// Symbols match only exactly: "sb" is no symbol, and "In" or "As" opening a sentence is a word.
func TestSymbolsOnlyExact(t *testing.T) {
	ix := mustIndex(t, mustKB(t))
	for _, q := range []string{"sb", "In which country", "As of 2024"} {
		res, err := ix.Search(context.Background(), q, index.Options{})
		if err != nil {
			t.Fatal(err)
		}
		for _, h := range res.Hits {
			if h.Ref.ID == "antimony" || h.Ref.ID == "indium" || h.Ref.ID == "arsenic" {
				t.Errorf("%q found %s by its symbol", q, h.Ref.ID)
			}
		}
	}
}

// Query syntax in chat text is searched as words, never parsed.
func TestQuerySyntaxIsText(t *testing.T) {
	ix := mustIndex(t, mustKB(t))
	for _, q := range []string{`antimony AND ((( title:`, `+silver -"gold`, `name:*`, `~~~`, strings.Repeat("junk ", 800)} {
		if _, err := ix.Search(context.Background(), q, index.Options{}); err != nil {
			t.Errorf("Search(%.40q): %v", q, err)
		}
	}
	res, _ := ix.Search(context.Background(), `antimony AND ((( title:`, index.Options{})
	if len(res.Hits) == 0 || res.Hits[0].Ref.ID != "antimony" {
		t.Errorf("antimony with query syntax around it: got %v", res.Hits)
	}
}

func TestSnippetsHighlightMatches(t *testing.T) {
	ix := mustIndex(t, mustKB(t))
	res, err := ix.Search(context.Background(), "flame retardants", index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || !strings.Contains(res.Hits[0].Snippet, index.Mark) {
		t.Fatalf("want a highlighted snippet, got %+v", res.Hits)
	}
}

// Marks fall on whole words, also after accented letters (bleve's own highlighter, given
// accent-folded positions, marked "rechargeabl[e batteri]es" after a "Bogotá"), and a synonym
// is marked where the record uses it.
func TestSnippetsMarkWholeWords(t *testing.T) {
	ix := mustIndex(t, mustKB(t))
	for _, tc := range []struct{ q, id, marked string }{
		{"batteries electric vehicles", "lithium", "batteries electric vehicles"},
		{"México", "mexico-pacific-alliance-presidency-2026", "Mexico"},
		{"fluorite", "mexico", "fluorspar"}, // a synonym: fluorspar = fluorite
	} {
		res, err := ix.Search(context.Background(), tc.q, index.Options{Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		var snippet string
		for _, h := range res.Hits {
			if h.Ref.ID == tc.id {
				snippet = h.Snippet
			}
		}
		if snippet == "" {
			t.Errorf("%q: no snippet for %s in %+v", tc.q, tc.id, res.Hits)
			continue
		}
		rest, words := snippet, map[string]bool{}
		for {
			before, after, ok := strings.Cut(rest, index.Mark)
			if !ok {
				break
			}
			word, tail, _ := strings.Cut(after, index.EndMark)
			if last := []rune(before); len(last) > 0 && unicode.IsLetter(last[len(last)-1]) {
				t.Errorf("%q: a mark starts inside a word: %q", tc.q, snippet)
			}
			if next := []rune(tail); len(next) > 0 && unicode.IsLetter(next[0]) {
				t.Errorf("%q: a mark ends inside a word: %q", tc.q, snippet)
			}
			words[word] = true
			rest = tail
		}
		for _, w := range strings.Fields(tc.marked) {
			if !words[w] {
				t.Errorf("%q: %q is not marked in %q", tc.q, w, snippet)
			}
		}
	}
}

// Searches keep working, and see a complete index, while the index is rebuilt and swapped.
func TestSwapWhileSearching(t *testing.T) {
	kb := mustKB(t)
	ix := mustIndex(t, kb)
	want, _ := ix.Count()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	errs := make(chan error, 4)
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				res, err := ix.Search(ctx, "silver", index.Options{})
				if err != nil && ctx.Err() == nil {
					errs <- err
					return
				}
				if err == nil && (len(res.Hits) == 0 || res.Hits[0].Ref.ID != "silver") {
					errs <- errTopHit(res)
					return
				}
			}
		}()
	}
	for range 5 {
		if err := ix.Swap(kb); err != nil {
			t.Fatal(err)
		}
	}
	cancel()
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	if got, _ := ix.Count(); got != want {
		t.Errorf("after swaps the index has %d records, want %d", got, want)
	}
}

type errTopHit index.Result

func (e errTopHit) Error() string { return "silver not the top hit during swap" }

func BenchmarkBuild(b *testing.B) {
	kb := mustKB(b)
	for b.Loop() {
		ix, err := index.New(kb)
		if err != nil {
			b.Fatal(err)
		}
		ix.Close()
	}
}

func BenchmarkSearch(b *testing.B) {
	ix := mustIndex(b, mustKB(b))
	ctx := context.Background()
	for _, q := range []string{"antimony", "who produces fluorspar", "flame retardants", "antimoney"} {
		b.Run(strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			for b.Loop() {
				if _, err := ix.Search(ctx, q, index.Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// An index started in the background answers searches once built: a search made meanwhile
// waits for it, or for its own context.
func TestStartSearchesWaitForTheBuild(t *testing.T) {
	kb := mustKB(t)
	ix := index.Start(kb)
	defer ix.Close()
	// A search whose context ends first returns (it does not wait out the build), saying why.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ix.Search(ctx, "antimony", index.Options{}); err != nil && !strings.Contains(err.Error(), "search index still building") {
		t.Errorf("a cancelled search during the build: %v", err)
	}
	res, err := ix.Search(context.Background(), "antimony", index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Hits) == 0 || res.Hits[0].Ref.ID != "antimony" {
		t.Fatalf("hits %+v, want antimony first", res.Hits)
	}
	if n, err := ix.Count(); err != nil || n == 0 {
		t.Errorf("Count = %d, %v", n, err)
	}
}

// A Spanish search finds the records' Spanish text ("imanes" is in no name: it matched Irán,
// fuzzily, before the Spanish text was indexed), and a Spanish answer quotes it.
func TestSpanishSearchFindsSpanishText(t *testing.T) {
	ix := mustIndex(t, mustKB(t))
	res, err := ix.Search(context.Background(), "imanes", index.Options{Spanish: true})
	if err != nil {
		t.Fatal(err)
	}
	if res.Fuzzy || len(res.Hits) == 0 || res.Hits[0].Ref.ID != "neodymium" {
		t.Fatalf("imanes: got %+v (fuzzy %v), want neodymium first", res.Hits, res.Fuzzy)
	}
	if !strings.Contains(res.Hits[0].Snippet, index.Mark+"imanes"+index.EndMark) {
		t.Errorf("imanes: snippet %q does not mark imanes", res.Hits[0].Snippet)
	}
	// For an English answer too (the question's language could not be told), without a
	// Spanish snippet in it.
	res, err = ix.Search(context.Background(), "imanes", index.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Fuzzy || len(res.Hits) == 0 || res.Hits[0].Ref.ID != "neodymium" || res.Hits[0].Snippet != "" {
		t.Errorf("imanes for an English answer: got %+v (fuzzy %v), want neodymium first, no snippet", res.Hits, res.Fuzzy)
	}
}

// StartAfter builds only once it is told to: a search before then waits (here, until its
// context ends), and one after finds what Start's would.
func TestStartAfterWaitsForItsSignal(t *testing.T) {
	start := make(chan struct{})
	ix := index.StartAfter(mustKB(t), start)
	defer ix.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	if _, err := ix.Search(ctx, "antimony", index.Options{}); err == nil {
		t.Fatal("a search answered before the build was allowed to start")
	}
	close(start)
	res, err := ix.Search(context.Background(), "antimony", index.Options{})
	if err != nil || len(res.Hits) == 0 || res.Hits[0].Ref.ID != "antimony" {
		t.Fatalf("after the signal: %v, %+v", err, res.Hits)
	}
}
