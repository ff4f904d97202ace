package index

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/char/asciifolding"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/lang/es"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	unicodetok "github.com/blevesearch/bleve/v2/analysis/tokenizer/unicode"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/registry"
	"github.com/blevesearch/bleve/v2/search/query"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Names of the analysis components this mapping defines.
const (
	anNames    = "mb_names" // accent-folded, lower-cased words; no stemming
	anEnglish  = "mb_en"    // accent-folded English with stop words and stemming
	anSpanish  = "mb_es"    // accent-folded Spanish with stop words and light stemming
	synNames   = "mb_syn_names"
	synEnglish = "mb_syn_en"
	synonyms   = "mb_synonyms" // the synonym collection
	docType    = "record"

	// Mark and EndMark surround the matched words of a snippet.
	Mark    = "\x02"
	EndMark = "\x03"
)

// Field boosts: a name or alias outweighs a mention in body text.
const (
	boostExact   = 10
	boostSymbol  = 8
	boostNames   = 5
	boostAliases = 3 // a policy's aliases: below a mineral's or country's own names
	boostSpanish = 3
	boostTitle   = 2
	boostBody    = 1
)

// maxQueryWords bounds the work one question can cause.
const maxQueryWords = 24

// document is what is indexed for one record.
type document struct {
	Kind    string   `json:"kind"`
	Exact   []string `json:"exact"` // every name and alias, normalized whole
	Names   []string `json:"names"`
	Aliases []string `json:"aliases"`
	NamesES []string `json:"names_es"`
	Symbol  string   `json:"symbol,omitempty"`
	Title   string   `json:"title,omitempty"`
	Body    string   `json:"body"`
	BodyES  string   `json:"body_es,omitempty"` // the record's Spanish text
}

// Hit is one search result.
type Hit struct {
	Ref   knowledge.Ref
	Score float64
	// Snippet is a fragment of the record's text around the matched words, with each match
	// between [Mark] and [EndMark]; empty when only a name matched.
	Snippet string
}

// Result is the outcome of a search.
type Result struct {
	Hits []Hit
	// Fuzzy is true when exact search found nothing and the hits come from a retry that
	// forgives one typo per word.
	Fuzzy bool
	// Total is the number of matching records, of which Hits holds the best.
	Total uint64
}

// Index searches a knowledge base. It is safe for concurrent use.
type Index struct {
	// ready is closed once the first build has finished; alias, cur and buildErr are set
	// before.
	ready    chan struct{}
	buildErr error
	alias    bleve.IndexAlias
	mu       sync.Mutex    // serializes Swap and Close
	cur      []bleve.Index // the shards the alias searches
	kb       *knowledge.KB // what they hold: snippets are made from its text
	syn      synonymMap    // kb's synonyms, for snippets
	vocab    vocabulary    // the terms of the shards' short fields
	records  int           // how many records they hold
	hl       *highlighter
}

// New builds an index of kb.
func New(kb *knowledge.KB) (*Index, error) {
	ix := Start(kb)
	if err := ix.Wait(context.Background()); err != nil {
		return nil, err
	}
	return ix, nil
}

// Start begins building an index of kb and returns at once. Searches, swaps and Close wait
// for the build to finish, so a program can go on starting (connecting to Slack) meanwhile.
func Start(kb *knowledge.KB) *Index { return StartAfter(kb, nil) }

// StartAfter is Start, but the build begins only once after is closed (at once when it is
// nil): a program that has something more urgent to do first leaves it the CPU.
func StartAfter(kb *knowledge.KB, after <-chan struct{}) *Index {
	ix := &Index{ready: make(chan struct{})}
	go func() {
		defer close(ix.ready)
		if after != nil {
			<-after
		}
		shards, n, groups, vocab, err := build(kb)
		if err == nil {
			if ix.hl, err = newHighlighter(shards[0].Mapping()); err != nil {
				closeAll(shards)
			}
		}
		if err != nil {
			ix.buildErr = err
			return
		}
		ix.alias, ix.cur, ix.kb, ix.syn, ix.vocab, ix.records = bleve.NewIndexAlias(shards...), shards, kb, newSynonymMap(groups), vocab, n
	}()
	return ix
}

// Wait waits until the index built by Start is ready, and returns the build's error.
func (ix *Index) Wait(ctx context.Context) error {
	select {
	case <-ix.ready:
		ix.mu.Lock()
		defer ix.mu.Unlock()
		return ix.buildErr
	case <-ctx.Done():
		return fmt.Errorf("search index still building: %w", ctx.Err())
	}
}

// Swap builds an index of kb and puts it in place of the current one. Searches running
// meanwhile finish on the old index; those that start after Swap returns see the new one. On
// error the current index keeps serving.
func (ix *Index) Swap(kb *knowledge.KB) error {
	shards, n, groups, vocab, err := build(kb)
	if err != nil {
		return err
	}
	<-ix.ready
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.buildErr != nil {
		// The first build failed: this one takes its place.
		hl, err := newHighlighter(shards[0].Mapping())
		if err != nil {
			closeAll(shards)
			return err
		}
		ix.alias, ix.cur, ix.kb, ix.syn, ix.vocab, ix.records, ix.hl, ix.buildErr = bleve.NewIndexAlias(shards...), shards, kb, newSynonymMap(groups), vocab, n, hl, nil
		return nil
	}
	old := ix.cur
	// The alias holds its lock for the length of every search, so once Swap returns no
	// search is still reading the old index and it can be closed.
	ix.alias.Swap(shards, old)
	ix.cur, ix.kb, ix.syn, ix.vocab, ix.records = shards, kb, newSynonymMap(groups), vocab, n
	return closeAll(old)
}

// Close releases the index.
func (ix *Index) Close() error {
	<-ix.ready
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.buildErr != nil {
		return nil // nothing was built
	}
	return errors.Join(ix.alias.Close(), closeAll(ix.cur))
}

func closeAll(shards []bleve.Index) error {
	var errs []error
	for _, sh := range shards {
		errs = append(errs, sh.Close())
	}
	return errors.Join(errs...)
}

// Count returns the number of records indexed.
func (ix *Index) Count() (uint64, error) {
	if err := ix.Wait(context.Background()); err != nil {
		return 0, err
	}
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return uint64(ix.records), nil
}

// current is the alias searches go through (set once, or by a Swap after a failed build),
// and the knowledge base it holds with its synonyms and the vocabulary of its short fields.
func (ix *Index) current() (bleve.IndexAlias, *knowledge.KB, synonymMap, vocabulary) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.alias, ix.kb, ix.syn, ix.vocab
}

// foldName is bleve's accent folding with a short cut for text that has no accents.
// bleve's filter turns every input into runes and back, allocating 16 bytes per byte of
// text: at 100,000 records that was half a gigabyte of garbage, nearly all of it for text
// that was plain ASCII already and came back unchanged.
const foldName = "mb_fold"

type foldFilter struct{ slow analysis.CharFilter }

func (f foldFilter) Filter(input []byte) []byte {
	for _, c := range input {
		if c >= utf8.RuneSelf {
			return f.slow.Filter(input)
		}
	}
	return input
}

func init() {
	registry.RegisterCharFilter(foldName, func(map[string]any, *registry.Cache) (analysis.CharFilter, error) {
		return foldFilter{asciifolding.New()}, nil
	})
}

func buildMapping() (*mapping.IndexMappingImpl, error) {
	m := bleve.NewIndexMapping()
	analyzers := map[string][]string{
		anNames:   {lowercase.Name},
		anEnglish: {en.PossessiveName, lowercase.Name, en.StopName, en.SnowballStemmerName},
		anSpanish: {lowercase.Name, es.StopName, es.LightStemmerName},
	}
	for name, filters := range analyzers {
		err := m.AddCustomAnalyzer(name, map[string]any{
			"type":          custom.Name,
			"char_filters":  []string{foldName},
			"tokenizer":     unicodetok.Name,
			"token_filters": filters,
		})
		if err != nil {
			return nil, fmt.Errorf("analyzer %s: %w", name, err)
		}
	}
	for name, an := range map[string]string{synNames: anNames, synEnglish: anEnglish} {
		if err := m.AddSynonymSource(name, map[string]any{"collection": synonyms, "analyzer": an}); err != nil {
			return nil, fmt.Errorf("synonym source %s: %w", name, err)
		}
	}
	// Nothing is stored and no word positions are kept: hits are shown from the knowledge
	// base, and snippets are highlighted from its text (see highlighter).
	text := func(analyzer, synonymSource string) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.SynonymSource = synonymSource
		f.Store = false
		f.IncludeTermVectors = false
		f.IncludeInAll = false
		f.DocValues = false // nothing sorts or facets on a field
		return f
	}
	kw := bleve.NewTextFieldMapping()
	kw.Analyzer = keyword.Name
	kw.IncludeInAll = false
	kw.IncludeTermVectors = false
	kw.Store = false
	kw.DocValues = false

	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("kind", kw)
	doc.AddFieldMappingsAt("symbol", kw)
	doc.AddFieldMappingsAt("exact", kw)
	doc.AddFieldMappingsAt("names", text(anNames, synNames))
	doc.AddFieldMappingsAt("aliases", text(anNames, synNames))
	doc.AddFieldMappingsAt("names_es", text(anSpanish, ""))
	doc.AddFieldMappingsAt("title", text(anEnglish, synEnglish))
	doc.AddFieldMappingsAt("body", text(anEnglish, synEnglish))
	doc.AddFieldMappingsAt("body_es", text(anSpanish, ""))
	// No field is in _all, but bleve still builds the composite field and walks every token
	// to find that out: a sixth of the indexing time at 100,000 records. Disabled outright.
	doc.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	m.AddDocumentMapping(docType, doc)
	m.DefaultMapping = doc
	m.TypeField = "_type"
	m.DefaultType = docType
	m.DefaultAnalyzer = anEnglish
	m.IndexDynamic = false
	m.StoreDynamic = false
	m.DocValuesDynamic = false
	return m, nil
}

// A knowledge base of over splitAt records is indexed as several shards, searched together
// through an index alias; none holds more than maxShard records, because a shard is built in
// one batch, and a batch holds the analysis of all its records at once (at 100,000 records,
// two shards of 50,000 took the heap past 2.5 GB). Shards are built one per two cores: bleve
// analyses a batch's records on every core already, so on two cores a second shard at a time
// built no faster (32 s either way at 100,000 records) and held 450 MB more at its peak.
// Up to splitAt records a knowledge base is one shard, searched without the alias's
// goroutine per shard: at 10,000 records one shard built as fast as two of 5,000, and the
// p99 of a three-word search fell from 5.3–6.6 ms to 4.7–4.8 ms. The real knowledge base (a
// few hundred records) is one shard, so its scores are exactly bleve's.
var splitAt, maxShard = 12_000, 10_000

func build(kb *knowledge.KB) ([]bleve.Index, int, [][]string, vocabulary, error) {
	count := documentCount(kb)
	groups := synonymGroups(kb)
	n, workers := 1, 1
	if count > splitAt {
		workers = max(1, runtime.GOMAXPROCS(0)/2)
		n = max(workers, (count+maxShard-1)/maxShard)
	}
	shards := make([]bleve.Index, n)
	errs := make([]error, n)
	next := make(chan int, n)
	for i := range n {
		next <- i
	}
	close(next)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				shards[i], errs[i] = buildShard(kb, i, n, count, groups)
			}
		})
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		for _, sh := range shards {
			if sh != nil {
				sh.Close()
			}
		}
		return nil, 0, nil, nil, err
	}
	vocab, err := newVocabulary(shards)
	if err != nil {
		closeAll(shards)
		return nil, 0, nil, nil, err
	}
	return shards, count, groups, vocab, nil
}

// buildShard indexes records first, first+step, … (of count), and every synonym group, into
// a new in-memory index. Each record's document is made as it is added: the batch keeps its
// own copy of the text, so the documents of a whole shard are never held at once.
func buildShard(kb *knowledge.KB, first, step, count int, groups [][]string) (bleve.Index, error) {
	m, err := buildMapping()
	if err != nil {
		return nil, fmt.Errorf("index mapping: %w", err)
	}
	idx, err := bleve.NewUsing("", m, scorch.Name, scorch.Name, nil)
	if err != nil {
		return nil, fmt.Errorf("new index: %w", err)
	}
	b := idx.NewBatch()
	for i := first; i < count; i += step {
		id, doc := documentAt(kb, i)
		if err := b.Index(id, doc); err != nil {
			idx.Close()
			return nil, err
		}
	}
	for i, group := range groups {
		def := &bleve.SynonymDefinition{Synonyms: group}
		if err := b.IndexSynonym(fmt.Sprintf("syn-%d", i), synonyms, def); err != nil {
			idx.Close()
			return nil, fmt.Errorf("synonyms %v: %w", group, err)
		}
	}
	if err := idx.Batch(b); err != nil {
		idx.Close()
		return nil, fmt.Errorf("index records: %w", err)
	}
	return idx, nil
}

// documentCount is the number of records indexed: minerals, then policies, then countries.
func documentCount(kb *knowledge.KB) int {
	return len(kb.Minerals) + len(kb.Policies) + len(kb.Countries)
}

// documentAt returns the id and what is indexed of the i-th record (see documentCount).
func documentAt(kb *knowledge.KB, i int) (string, document) {
	exact := func(r knowledge.Ref) []string {
		var out []string
		for _, n := range kb.Names(r) {
			if n = knowledge.Normalize(n); n != "" {
				out = append(out, n)
			}
		}
		return out
	}
	if i < len(kb.Minerals) {
		mn := kb.Minerals[i]
		ref := knowledge.Ref{Kind: knowledge.KindMineral, ID: mn.ID}
		return docID(ref), document{Kind: string(knowledge.KindMineral), Names: append([]string{mn.Name}, mn.Aliases...),
			NamesES: []string{mn.NameES}, Symbol: mn.Symbol, Body: mineralText(mn, false), BodyES: mineralText(mn, true), Exact: exact(ref)}
	}
	if i -= len(kb.Minerals); i < len(kb.Policies) {
		p := kb.Policies[i]
		ref := knowledge.Ref{Kind: knowledge.KindPolicy, ID: p.ID}
		d := document{Kind: string(knowledge.KindPolicy), Aliases: p.Aliases, Title: p.Title, Body: p.Summary, BodyES: p.SummaryES, Exact: exact(ref)}
		if p.TitleES != "" {
			d.NamesES = []string{p.TitleES}
		}
		return docID(ref), d
	}
	c := kb.Countries[i-len(kb.Policies)]
	ref := knowledge.Ref{Kind: knowledge.KindCountry, ID: c.ID}
	d := document{Kind: string(knowledge.KindCountry), Names: append([]string{c.Name}, c.Aliases...), Exact: exact(ref)}
	if c.NameES != "" {
		d.NamesES = []string{c.NameES}
	}
	if c.Profile != nil {
		d.Body, d.BodyES = c.Profile.Summary, c.Profile.SummaryES
	}
	return docID(ref), d
}

// body returns the English or Spanish text indexed as a record's body ("" when kb has no
// such record).
func body(kb *knowledge.KB, r knowledge.Ref, spanish bool) string {
	pick := func(en, es string) string {
		if spanish {
			return es
		}
		return en
	}
	switch r.Kind {
	case knowledge.KindMineral:
		if mn, ok := kb.Mineral(r.ID); ok {
			return mineralText(mn, spanish)
		}
	case knowledge.KindPolicy:
		if p, ok := kb.Policy(r.ID); ok {
			return pick(p.Summary, p.SummaryES)
		}
	case knowledge.KindCountry:
		if c, ok := kb.Country(r.ID); ok && c.Profile != nil {
			return pick(c.Profile.Summary, c.Profile.SummaryES)
		}
	}
	return ""
}

// mineralText is a mineral's summary and uses, in English or Spanish.
func mineralText(mn *knowledge.Mineral, spanish bool) string {
	if spanish {
		if len(mn.UsesES) == 0 {
			return mn.SummaryES
		}
		return mn.SummaryES + "\n\nUsos: " + strings.Join(mn.UsesES, "; ")
	}
	en := mn.Summary + "\n\nUses: " + strings.Join(mn.Uses, "; ")
	if mn.NoCountryTable != "" {
		en += "\n\n" + mn.NoCountryTable
	}
	return en
}

// synonymGroups returns, for every mineral, its one-word names (English, Spanish and aliases)
// as a group of equivalent terms: fluorspar = fluorite = fluorita, baryte = barite, plata =
// silver. They come from the knowledge base, so a curator adds a synonym by adding an alias.
func synonymGroups(kb *knowledge.KB) [][]string {
	var groups [][]string
	for _, m := range kb.Minerals {
		var g []string
		for _, n := range append([]string{m.Name, m.NameES}, m.Aliases...) {
			n = knowledge.Normalize(n)
			if n != "" && !strings.Contains(n, " ") && !contains(g, n) {
				g = append(g, n)
			}
		}
		if len(g) > 1 {
			groups = append(groups, g)
		}
	}
	return groups
}

// synonymMap maps each word of a synonym group to its group.
type synonymMap map[string][]string

func newSynonymMap(groups [][]string) synonymMap {
	m := synonymMap{}
	for _, g := range groups {
		for _, w := range g {
			m[w] = g
		}
	}
	return m
}

func contains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

func docID(r knowledge.Ref) string { return string(r.Kind) + "/" + r.ID }

func parseDocID(id string) (knowledge.Ref, bool) {
	kind, rid, ok := strings.Cut(id, "/")
	return knowledge.Ref{Kind: knowledge.Kind(kind), ID: rid}, ok
}

// Options narrow a search.
type Options struct {
	Size int            // hits to return; 5 when zero
	Kind knowledge.Kind // only records of this kind, when set
	// Exact skips the retry that forgives a typo per word when nothing matched.
	Exact bool
	// Spanish takes snippets from the records' Spanish text rather than their English: an
	// answer quotes its records in its own language.
	Spanish bool
}

// Search finds the records that best match free text. The text is never parsed as query
// syntax: "antimony AND ((( title:" is searched as the words it contains. When the exact
// search finds nothing it retries forgiving one typo per word.
func (ix *Index) Search(ctx context.Context, text string, opt Options) (Result, error) {
	words := Words(text)
	if len(words) == 0 {
		return Result{}, nil
	}
	if err := ix.Wait(ctx); err != nil {
		return Result{}, err
	}
	if opt.Size <= 0 {
		opt.Size = 5
	}
	// The records' Spanish text is searched for a Spanish answer, and for an English one only
	// when nothing else matched: an English question rarely needs it ("imanes" does), and
	// searching it cost a large knowledge base a third more per search.
	res, err := ix.search(ctx, words, opt, 0, opt.Spanish)
	if err == nil && len(res.Hits) == 0 && !opt.Spanish {
		res, err = ix.search(ctx, words, opt, 0, true)
	}
	if err != nil || len(res.Hits) > 0 || opt.Exact {
		return res, err
	}
	res, err = ix.search(ctx, words, opt, 1, false)
	res.Fuzzy = true
	return res, err
}

func (ix *Index) search(ctx context.Context, words []string, opt Options, fuzziness int, spanishText bool) (Result, error) {
	text := strings.Join(words, " ")
	match := func(field string, boost float64) query.Query {
		q := bleve.NewMatchQuery(text)
		q.SetField(field)
		q.SetBoost(boost)
		q.Fuzziness = fuzziness
		return q
	}
	alias, kb, syn, vocab := ix.current()
	whole := bleve.NewTermQuery(knowledge.Normalize(text))
	whole.SetField("exact")
	whole.SetBoost(boostExact)
	parts := []query.Query{whole}
	for _, f := range []struct {
		field string
		boost float64
	}{{"names", boostNames}, {"aliases", boostAliases}, {"names_es", boostSpanish}, {"title", boostTitle}} {
		// A misspelt word matches terms the field does not hold as typed.
		if fuzziness > 0 || vocab.mayMatch(f.field, words, syn) {
			parts = append(parts, match(f.field, f.boost))
		}
	}
	if fuzziness == 0 {
		// Typos are forgiven in names only: fuzzy matching every word of every record's
		// text is what made a misspelt question cost milliseconds.
		if vocab.mayMatch("body", words, syn) {
			parts = append(parts, match("body", boostBody))
		}
		if spanishText && vocab.mayMatch("body_es", words, syn) {
			parts = append(parts, match("body_es", boostBody))
		}
		if len(parts) == 1 && !slices.ContainsFunc(words, func(w string) bool { return knowledge.SymbolCandidate(w, len(words)) }) {
			// No field holds any of the words, so neither can the exact names (every name's
			// words are in the names' fields): nothing to search. A misspelt or unknown
			// question goes straight to the search that forgives typos.
			return Result{}, nil
		}
	}
	for _, w := range words {
		if knowledge.SymbolCandidate(w, len(words)) {
			q := bleve.NewTermQuery(w)
			q.SetField("symbol")
			q.SetBoost(boostSymbol)
			parts = append(parts, q)
		}
	}
	var q query.Query = bleve.NewDisjunctionQuery(parts...)
	if opt.Kind != "" {
		k := bleve.NewTermQuery(string(opt.Kind))
		k.SetField("kind")
		q = bleve.NewConjunctionQuery(q, k)
	}
	sr, err := alias.SearchInContext(ctx, bleve.NewSearchRequestOptions(q, opt.Size, 0, false))
	if err != nil {
		return Result{}, fmt.Errorf("search %q: %w", text, err)
	}
	out := Result{Total: sr.Total}
	an := ix.hl.analyzer(opt.Spanish)
	var marked *terms // the query's, analyzed at the first hit with text
	for _, h := range sr.Hits {
		ref, ok := parseDocID(h.ID)
		if !ok {
			continue
		}
		hit := Hit{Ref: ref, Score: h.Score}
		if text := body(kb, ref, opt.Spanish); text != "" {
			if marked == nil {
				t := queryTerms(an, words, syn)
				marked = &t
			}
			hit.Snippet = mark(an, text, *marked)
		}
		out.Hits = append(out.Hits, hit)
	}
	return out, nil
}

// Words splits chat text into at most maxQueryWords words, dropping punctuation and query
// syntax characters.
func Words(text string) []string {
	f := strings.FieldsFunc(text, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '\'' || r == '’')
	})
	out := f[:0]
	for _, w := range f {
		w = strings.Trim(w, "-'’")
		if w != "" {
			out = append(out, w)
		}
		if len(out) == maxQueryWords {
			break
		}
	}
	return out
}
