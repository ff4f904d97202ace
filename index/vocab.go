package index

import (
	"fmt"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"

	"github.com/mineralbot/mineralbot/knowledge"
)

// A vocabulary is the set of terms the index holds in each of its text fields. A question
// none of whose words (or their synonyms) a field holds cannot match in it, and its search
// leaves that field out. Every field searched adds a searcher that the search steps through
// for every matching record: at 10,000 records a three-word question that matched only in
// the records' text spent two fifths of its time stepping through four name fields that
// held none of its words. And a question no field holds (a misspelling, a word the
// knowledge base never uses) is not searched at all before the search that forgives typos.
type vocabulary map[string]fieldVocabulary

type fieldVocabulary struct {
	an    analysis.Analyzer
	terms map[string]struct{}
}

// vocabularyFields are the fields a vocabulary holds, with their analyzers.
var vocabularyFields = []struct{ field, analyzer string }{
	{"names", anNames}, {"aliases", anNames}, {"names_es", anSpanish}, {"title", anEnglish},
	{"body", anEnglish}, {"body_es", anSpanish},
}

// newVocabulary reads the fields' terms from the shards' dictionaries.
func newVocabulary(shards []bleve.Index) (vocabulary, error) {
	m := shards[0].Mapping()
	v := vocabulary{}
	for _, f := range vocabularyFields {
		an := m.AnalyzerNamed(f.analyzer)
		if an == nil {
			return nil, fmt.Errorf("vocabulary of %s: no analyzer %s", f.field, f.analyzer)
		}
		terms := map[string]struct{}{}
		for _, sh := range shards {
			if err := eachTerm(sh, f.field, func(t string) { terms[t] = struct{}{} }); err != nil {
				return nil, fmt.Errorf("vocabulary of %s: %w", f.field, err)
			}
		}
		v[f.field] = fieldVocabulary{an, terms}
	}
	return v, nil
}

func eachTerm(idx bleve.Index, field string, fn func(string)) error {
	d, err := idx.FieldDict(field)
	if err != nil {
		return err
	}
	defer d.Close()
	for {
		e, err := d.Next()
		if err != nil {
			return err
		}
		if e == nil {
			return nil
		}
		fn(e.Term)
	}
}

// mayMatch reports whether field may match any of words: whether it holds one of them, or
// of their synonyms, as its analyzer reads them. It is true for a field the vocabulary does
// not hold.
func (v vocabulary) mayMatch(field string, words []string, syn synonymMap) bool {
	fv, ok := v[field]
	if !ok {
		return true
	}
	holds := func(text string) bool {
		for _, t := range fv.an.Analyze([]byte(text)) {
			if _, ok := fv.terms[string(t.Term)]; ok {
				return true
			}
		}
		return false
	}
	for _, w := range words {
		if holds(w) {
			return true
		}
		for _, s := range syn[knowledge.Normalize(w)] {
			if holds(s) {
				return true
			}
		}
	}
	return false
}
