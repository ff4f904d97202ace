package answer

import (
	"context"
	"strings"

	"github.com/mineralbot/mineralbot/index"
	"github.com/mineralbot/mineralbot/knowledge"
)

// Searcher is the full-text search the engine falls back on when a question names nothing
// its views answer, in the engine's own terms.
type Searcher interface {
	Search(ctx context.Context, text string, opt SearchOptions) (SearchResult, error)
}

// SearchOptions narrow a search.
type SearchOptions struct {
	Size int            // hits to return
	Kind knowledge.Kind // only records of this kind, when set
	// Exact skips the retry that forgives typos, for callers that would not use its hits.
	Exact bool
	// Lang is the language of the snippets (English when empty).
	Lang Lang
}

// SearchResult is what a search found, best first.
type SearchResult struct {
	Hits []SearchHit
	// Fuzzy is true when nothing matched exactly and the hits forgive typos.
	Fuzzy bool
}

// SearchHit is one record a search found, with the words around the match.
type SearchHit struct {
	Ref     knowledge.Ref
	Score   float64
	Snippet []Span // empty when only a name matched
}

// Span is a piece of a snippet; Match marks the words that matched the question, which
// renderers emphasise in their own way.
type Span struct {
	Text  string
	Match bool
}

// FromIndex adapts the bleve index to a [Searcher].
func FromIndex(ix *index.Index) Searcher { return indexSearcher{ix} }

type indexSearcher struct{ ix *index.Index }

func (s indexSearcher) Search(ctx context.Context, text string, opt SearchOptions) (SearchResult, error) {
	res, err := s.ix.Search(ctx, text, index.Options{Size: opt.Size, Kind: opt.Kind, Exact: opt.Exact, Spanish: opt.Lang == Spanish})
	if err != nil {
		return SearchResult{}, err
	}
	out := SearchResult{Fuzzy: res.Fuzzy, Hits: make([]SearchHit, len(res.Hits))}
	for i, h := range res.Hits {
		out.Hits[i] = SearchHit{Ref: h.Ref, Score: h.Score, Snippet: spans(h.Snippet)}
	}
	return out, nil
}

// spans splits a snippet marked by the index into plain and matched pieces.
func spans(marked string) []Span {
	var out []Span
	for marked != "" {
		i := strings.Index(marked, index.Mark)
		if i < 0 {
			out = append(out, Span{Text: marked})
			break
		}
		if i > 0 {
			out = append(out, Span{Text: marked[:i]})
		}
		marked = marked[i+len(index.Mark):]
		j := strings.Index(marked, index.EndMark)
		if j < 0 {
			j = len(marked)
		}
		out = append(out, Span{Text: marked[:j], Match: true})
		marked = strings.TrimPrefix(marked[j:], index.EndMark)
	}
	return out
}

// SpanText is a snippet's text without emphasis.
func SpanText(ss []Span) string {
	var b strings.Builder
	for _, s := range ss {
		b.WriteString(s.Text)
	}
	return b.String()
}
