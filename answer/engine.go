package answer

import (
	"cmp"
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Engine answers questions from a knowledge base and its index. It is safe for concurrent
// use, and [Engine.SetKnowledge] replaces the knowledge base while it answers.
//
// Every answer is built by a [snap]: the knowledge base, its lexicon and the language,
// pinned when the request starts. Engine itself holds no knowledge base, so no answering
// code can read a stale one.
type Engine struct {
	cur *atomic.Pointer[served]
	// ready is closed once cur is set (at once by New, after a background build by Start).
	ready     chan struct{}
	readyOnce *sync.Once
	ix        Searcher
	now       func() time.Time
}

// snap answers one request: one knowledge base from start to end, in one language.
type snap struct {
	*served
	ix   Searcher
	lang Lang
	now  func() time.Time // the day status answers are about ("ended on …")
}

// today is the engine clock's date, at midnight UTC: what "ends today", "19 days ago" and
// "the next one" are counted from.
func (e *snap) today() time.Time {
	y, m, d := e.now().Date()
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
}

// served is a knowledge base with what the engine derives from it once, at load.
type served struct {
	kb  *knowledge.KB
	lex *lexicon
	// policyWords are each policy item's words, for ranking items against a question.
	policyWords map[string]map[string]int
	// policyNames are each policy item's title, Spanish title and aliases, in that order,
	// normalized and padded with spaces (" section 232 "): one item's name is found in
	// another's by a substring search, without normalizing both for every question.
	policyNames map[string][]string
	// policySentences are each policy item's sentences, as written and as normalized words
	// and stems: what ranking reads of every item's text on every policy question.
	policySentences map[string]policyText
	// prose holds the first paragraph and sentence of every record's text, in both
	// languages, keyed by the text.
	prose map[string]prose
	// names maps a normalized record name that exists in one language only to that
	// language ("antimonio" → es), for DetectLanguage.
	names map[string]Lang
	// notes are rankings' data notes, made on first use (noteKey → string).
	notes *sync.Map
	// derived holds what views derive from the knowledge base alone and keep for its life,
	// made on first use, each under a key type of its own (concKey …).
	derived *sync.Map
	// draft is the newest proposed critical list with proposed changes, or nil.
	draft *knowledge.Policy
	lists map[knowledge.List]listInfo
	// stems are the first five letters of every word the records' text uses: a question
	// none of whose words is among them needs no full-text search.
	stems map[string]bool
	// countryStandings are every country's standings digested, by country id.
	countryStandings map[string][2]*standingsDigest
	// imports are every country's shares of U.S. imports.
	imports importsIndex
	// sectors are the minerals whose uses name each sector, by its label (views_sector.go).
	sectors map[string][]string
	// sectorUses are each sector's minerals with the use that names it, most relevant first
	// (views_used_in.go).
	sectorUses map[string][]sectorUse
	// sectorIdx holds each sector's minerals as a set, and what sectors share (sector_sets.go).
	sectorIdx *sectorIndex
	// glossaryNames are the glossary's names of two words or more, prepared for termIn.
	glossaryNames []glossaryName
	// revisions are each country's figures the newest edition restated (views_revisions.go).
	revisions map[string]*revisionsOf
	// reserveRows are each country's rows in the reserves tables (views_country_reserves.go).
	reserveRows map[string][]heldReserve
	// mcsPublished is the month each USGS edition came out, from the sources (mcs_edition.go).
	mcsPublished map[knowledge.Edition]knowledge.Date
	// yearEstimates count each year's production figures and estimates (Helper W).
	yearEstimates map[int]yearEstimates
	// policyRare are each policy item's rare acronyms (policy_rare.go, Helper W).
	policyRare map[string]map[string]bool
}

func newServed(kb *knowledge.KB) *served {
	// The lexicon (the speller's index is most of the work) builds beside the rest: both only
	// read kb, which is safe for concurrent use.
	lex := make(chan *lexicon, 1)
	go func() { lex <- newLexicon(kb) }()
	kb.WarmUp()
	s := &served{kb: kb, policyWords: indexPolicyWords(kb), policyNames: indexPolicyNames(kb), policySentences: indexPolicySentences(kb), names: nameLanguages(kb), prose: indexProse(kb),
		notes: new(sync.Map), derived: new(sync.Map), draft: draftList(kb), lists: indexLists(kb), stems: indexStems(kb),
		countryStandings: countryDigests(kb), imports: indexImportsFrom(kb), sectors: indexSectors(kb),
		sectorUses: indexSectorUses(kb), revisions: indexRevisions(kb),
		reserveRows: indexCountryReserves(kb), mcsPublished: indexMCSPublished(kb)}
	s.sectorIdx = indexSectorSets(s.sectorUses)
	s.glossaryNames = indexGlossaryNames(kb)
	s.yearEstimates = indexYearEstimates(kb)
	s.policyRare = indexPolicyRare(kb, s.policyWords)
	s.lex = <-lex
	return s
}

// New returns an engine over kb and its index.
func New(kb *knowledge.KB, ix Searcher) (*Engine, error) {
	e, err := newEngine(kb, ix)
	if err != nil {
		return nil, err
	}
	e.SetKnowledge(kb)
	return e, nil
}

// Start is New, but it derives what the engine needs from kb (the speller, rankings, country
// standings) in the background and returns at once, so that a program goes on starting —
// connecting to Slack — meanwhile. Every method waits for that work; the first answer may.
func Start(kb *knowledge.KB, ix Searcher) (*Engine, error) {
	e, err := newEngine(kb, ix)
	if err != nil {
		return nil, err
	}
	go func() {
		// A SetKnowledge that came first (a reload) wins.
		e.cur.CompareAndSwap(nil, newServed(kb))
		e.readyOnce.Do(func() { close(e.ready) })
	}()
	return e, nil
}

func newEngine(kb *knowledge.KB, ix Searcher) (*Engine, error) {
	if kb == nil {
		return nil, errors.New("answer: knowledge base is required")
	}
	if ix == nil {
		return nil, errors.New("answer: index is required")
	}
	return &Engine{cur: new(atomic.Pointer[served]), ready: make(chan struct{}), readyOnce: new(sync.Once), ix: ix, now: time.Now}, nil
}

// SetKnowledge makes the engine answer from kb; swap the index to kb first. Answers under
// way finish with the knowledge base they started with.
func (e *Engine) SetKnowledge(kb *knowledge.KB) {
	e.cur.Store(newServed(kb))
	e.readyOnce.Do(func() { close(e.ready) })
}

// served returns what is being served, once there is something.
func (e *Engine) served() *served {
	if s := e.cur.Load(); s != nil {
		return s
	}
	<-e.ready
	return e.cur.Load()
}

// Knowledge returns the knowledge base being served.
func (e *Engine) Knowledge() *knowledge.KB { return e.served().kb }

// snapshot returns the engine pinned to the current knowledge base and to one language (English
// for a language it does not speak), so that one answer reads one knowledge base from start
// to end, in one language.
func (e *Engine) snapshot(lang Lang) *snap {
	if _, ok := printers[lang]; !ok {
		lang = English
	}
	return &snap{served: e.served(), ix: e.ix, lang: lang, now: e.now}
}

// SetClock sets what the engine takes for now, for tests; call it before answering.
func (e *Engine) SetClock(now func() time.Time) { e.now = now }

// DetectLanguage tells the language of a question, from its words and the record names it
// uses; ok is false when the text gives no sign either way.
func (e *Engine) DetectLanguage(text string) (Lang, bool) {
	if l, ok := detectLanguage(e.served().names, text); ok {
		return l, ok
	}
	return typoLanguage(e.served(), text) // "fluorira": the name it misspells
}

// Parse turns a question into the query the engine would answer, without answering it. The
// chat around a question is taken off first, as Ask and AskAfter do before they parse
// (chat_text.go); the lexicon parses text already cleaned, once.
func (e *Engine) Parse(question string) Query { return e.served().lex.Parse(chatText(question)) }

// maxQuestion bounds the text considered; chat messages can be long.
const maxQuestion = 1000

// Ask answers a question. It returns an error only when search itself fails; a question
// with no match gets an Answer of intent [IntentNotFound] with suggestions.
//
// A question is, in order: a subcommand (its first word: "compare", "country", …); a name,
// alias or symbol (a card); a question the router understands (who produces X, X in Mexico,
// is X critical, …); or words for full-text search.
func (e *Engine) Ask(ctx context.Context, question string, lang Lang) (*Answer, error) {
	s := e.snapshot(lang)
	a, err := s.ask(ctx, question)
	if a != nil {
		a.Question = question
		a.Lang = s.lang
		if a.Headline == "" {
			a.Headline = a.Title
		}
	}
	return a, err
}

// AskAfter answers a question asked in a conversation whose last answer was about prev's
// records: a follow-up that names none of its own ("and reserves?", "¿y en México?") is
// about those. Any other question is answered as by Ask.
func (e *Engine) AskAfter(ctx context.Context, question string, lang Lang, prev Query) (*Answer, error) {
	s := e.snapshot(lang)
	q := chatText(strings.TrimSpace(question)) // Helper X: "thanks! and in Mexico?"
	c, args, isCommand := command(q)
	if l, ok := langAsked(q); ok && hasRecords(prev) {
		// Helper Y: "in Spanish?": the last answer again, in that language.
		ls := e.snapshot(l)
		if a, err := ls.answerQuery(ctx, prev); err == nil && a != nil {
			a.Query, a.Question, a.Lang = prev, question, ls.lang
			if a.Headline == "" {
				a.Headline = a.Title
			}
			return a, nil
		}
	}
	if first, rest, _ := strings.Cut(q, " "); !isCommand && strings.HasPrefix(knowledge.Normalize(first), "compar") {
		args = rest // Helper Y: "compáralo con el oro"
		c, isCommand = Command{Name: "compare"}, len(prev.Minerals) > 0
	}
	if isCommand && c.Name == "compare" && len(prev.Minerals) > 0 {
		// "compare it with tungsten": the conversation's minerals, and the new one; "compare
		// lithium and cobalt" names its own.
		if pq := s.lex.Parse(args); len(pq.Minerals) == 1 || len(pq.Minerals) > 1 && hasAny(strings.Fields(knowledge.Normalize(args)), pronounWords) {
			pq.Minerals = append(slices.Clone(prev.Minerals), pq.Minerals...)
			pq.Minerals = slices.Compact(pq.Minerals)
			if len(pq.Minerals) >= 2 {
				a := s.compareView(pq, pq.Measure)
				a.Query, a.Question, a.Lang = pq, question, s.lang
				return a, nil
			}
		}
	}
	_, prevSector := sectorAsked(prev)
	if q == "" || isCommand || len(prev.Minerals)+len(prev.Countries)+len(prev.Policies) == 0 && !prevSector && len(listOnly(prev)) == 0 {
		return e.Ask(ctx, question, lang)
	}
	pq := s.lex.Parse(q)
	readFollowUp(prev, &pq, q) // Helper Y: "why?", "and the EU?", "who else?" (followup_more.go)
	// Helper AB: carryCountry, "Mexico" then "what about silver?" (followup_supplies.go).
	// Helper AD: compareFollowUp, "compare lithium and cobalt" then "and nickel?" (views_ad.go).
	// "is graphite one of them?" after a sector's answer (followup_sector_more.go); "is
	// antimony included?" after an item's (followup_policy.go).
	member := prevSector && sectorMember(prev, &pq, q) || carryPolicyOn(prev, &pq, q) || listMember(prev, &pq, q)
	if pq.Refusal != "" || !member && len(pq.Minerals)+len(pq.Policies) > 0 && !compareFollowUp(prev, &pq, q) && !carryMeasure(prev, &pq, q) && !carryCountry(prev, &pq, q) {
		return e.Ask(ctx, question, lang)
	}
	if len(prev.Minerals) > 0 && suppliesUS(pq, q) {
		pq.Measure = MeasureImportSources // Helper AB: "who supplies the US?" (followup_supplies.go)
	}
	switch {
	case member:
	case len(pq.Minerals) > 0:
		// Helper Y: "and cobalt?" after "lithium price": the new minerals, the same question.
	case len(prev.Minerals) > 0 && len(pq.Countries) > 0 && usImports(pq):
		// Helper Y: "how much does the US import?": of the previous minerals.
		pq.Minerals = prev.Minerals
	case prevSector && pointsBack(q) && carrySector(prev, &pq):
		// "which minerals are used in batteries?" then "and in Mexico?": the sector, in the
		// new countries (followup_sector.go).
	case prevSector && sectorFollowUp(prev, &pq, q):
		// "who produces them?", "which are critical?": the sector's minerals
		// (followup_sector_more.go).
	case len(prev.Minerals)+len(prev.Countries)+len(prev.Policies) == 0 || ownSector(pq, q) ||
		pq.WhichMinerals && len(pq.Minerals)+len(pq.Countries)+len(pq.Policies) == 0:
		// "what about magnets?" after graphite, "which minerals were added in 2025?" after
		// silver: questions of their own.
		return e.Ask(ctx, question, lang)
	case len(pq.Countries) == 0:
		// "and reserves?": the previous records, the new measure.
		pq.Minerals, pq.Countries, pq.Policies = prev.Minerals, prev.Countries, prev.Policies
		if pq.Measure == MeasureOverview {
			pq.Measure = prev.Measure
			pq.World = pq.World || prev.World // Helper AD: "world silver production" then "and in 2024?"
		}
		if pq.Besides == "" {
			pq.Besides, pq.MoreBesides = prev.Besides, prev.MoreBesides // "outside China" then "and reserves?"
		}
		if importerOnly(prev) && pq.Measure != prev.Measure && pq.Measure != MeasureReliance && pq.Measure != MeasureImportSources {
			// "where does the US import germanium from?" then "who produces it?": the U.S.
			// was the importer, not where to look for producers.
			pq.Countries = nil
		}
	case carryCountryQuestion(prev, &pq, q):
		// "what does Mexico export to the US?" then "what about Canada?" (followup_policy.go).
	case carryPolicy(prev, &pq, q):
		// "section 232" then "does it apply to Mexico?": the items, for the new countries
		// (followup_policy.go).
	case len(prev.Minerals) > 0 && (followUpWords(q) || pq.Most && pq.YesNo && len(pq.Minerals)+len(pq.Policies) == 0):
		// "what about Mexico?": the previous minerals, in the new countries; "is China the
		// largest?", of them.
		pq.Minerals = prev.Minerals
		if prev.Measure == MeasureImportSources && hasAny(strings.Fields(knowledge.Normalize(q)), importSourceWords) {
			// "where does the US import graphite from?" then "is China the top source?"
			pq.Measure = MeasureImportSources
			if !slices.Contains(pq.Countries, "united-states") && slices.Contains(prev.Countries, "united-states") {
				pq.Countries = append(slices.Clone(pq.Countries), "united-states")
			}
		}
		if pq.Measure == MeasureOverview {
			pq.Measure = prev.Measure
		}
	case len(prev.Minerals) > 0 && len(pq.Countries) > 0 && asksHoldings(followWords(q)):
		pq.Minerals = prev.Minerals // Helper AD: "gallium" then "how much does the US have?"
	default:
		return e.Ask(ctx, question, lang) // "what does Mexico produce?" is a question of its own
	}
	holdingsFollowUp(q, &pq) // Helper AB: "how much does it have?" (followup_supplies.go)
	// Helper AD: "did it go up?", "who has the most?" (views_ad.go)
	directionFollowUp(prev, q, &pq)
	a, err := s.answerQuery(ctx, pq)
	if err != nil || a == nil {
		if err == nil {
			return e.Ask(ctx, question, lang)
		}
		return nil, err
	}
	a.Query, a.Question, a.Lang = pq, question, s.lang
	if a.Headline == "" {
		a.Headline = a.Title
	}
	return a, nil
}

// followUpWords reports whether a question reads as a follow-up: short, or opened by "and",
// "what about", "how about", "y", "¿y".
func followUpWords(q string) bool {
	words := strings.Fields(knowledge.Normalize(q))
	if len(words) <= 3 {
		return true
	}
	switch words[0] {
	case "and", "y", "e":
		return true
	case "what", "how":
		return len(words) > 1 && words[1] == "about"
	case "que", "como":
		return len(words) > 1 && (words[1] == "tal" || words[1] == "hay")
	}
	return false
}

func (e *snap) ask(ctx context.Context, question string) (*Answer, error) {
	q := strings.TrimSpace(question)
	if len(q) > maxQuestion {
		q = q[:maxQuestion]
	}
	if q == "" {
		return e.help(Audience{}), nil
	}
	q = chatText(q) // Helper X: "hey, compare…", "silver 🇲🇽" (chat_text.go)
	if c, args, ok := command(q); ok {
		a, err := c.run(e, ctx, args)
		if a != nil && c.Name == "compare" && a.Query.Measure == "" && len(a.Query.Minerals) == 0 {
			// Helper Y: what was compared, for the conversation's follow-ups ("and reserves?").
			a.Query = e.lex.Parse(args)
			a.Query.Compare = true
		}
		if a != nil || err != nil {
			return a, err
		}
		// The first word was not the command ("list all the minerals Mexico is #1 in"): the
		// rest is the question.
		q = args
	}
	if ref, ok := e.kb.Resolve(strings.Trim(q, "?¿!¡. ")); ok {
		// A bare name, alias or symbol: the record's card, without parsing.
		a := e.card(ref)
		a.Query = nameQuery(ref)
		return a, nil
	}
	pq := e.lex.Parse(q)
	a, err := e.answerQuery(ctx, pq)
	if err != nil {
		return nil, err
	}
	if a != nil {
		a.Query = pq
		return a, nil
	}
	// Nothing named that a view speaks to: full-text search is the fallback.
	if len(pq.Rest) == 0 || !e.anyKnown(pq.Rest) {
		// No word the knowledge base uses: not found, without asking the index.
		a := e.notFound(q)
		a.Query = pq
		return a, nil
	}
	// A question's typos in names were corrected by the parser; hits that only forgive typos
	// in other words would be guesses, so the index is not asked for them.
	res, err := e.ix.Search(ctx, strings.Join(pq.Rest, " "), SearchOptions{Size: 6, Exact: true, Lang: e.lang})
	if err != nil {
		return nil, err
	}
	if len(res.Hits) == 0 || res.Fuzzy {
		a := e.notFound(q)
		a.Query = pq
		return a, nil
	}
	a = e.searchAnswer(res)
	a.Query = pq
	return a, nil
}

// nameQuery is the query a bare record name stands for: its overview.
func nameQuery(r knowledge.Ref) Query {
	switch r.Kind {
	case knowledge.KindMineral:
		return Query{Measure: MeasureOverview, Minerals: []string{r.ID}}
	case knowledge.KindCountry:
		return Query{Measure: MeasureOverview, Countries: []string{r.ID}}
	}
	return Query{Measure: MeasurePolicy, Policies: []string{r.ID}}
}

func appendLink(ls []Link, l Link) []Link {
	for _, x := range ls {
		if x.Ref == l.Ref {
			return ls
		}
	}
	return append(ls, l)
}

// Card returns the card of one record.
func (e *Engine) Card(r knowledge.Ref, question string, lang Lang) *Answer {
	s := e.snapshot(lang)
	a := s.card(r)
	a.Question = question
	a.Lang = s.lang
	return a
}

func (e *snap) card(r knowledge.Ref) *Answer {
	switch r.Kind {
	case knowledge.KindMineral:
		if m, ok := e.kb.Mineral(r.ID); ok {
			return e.mineralCard(m, Query{})
		}
	case knowledge.KindCountry:
		if c, ok := e.kb.Country(r.ID); ok {
			return e.countryCard(c, Query{}, false)
		}
	case knowledge.KindPolicy:
		if p, ok := e.kb.Policy(r.ID); ok {
			return e.policyCard(p, Query{})
		}
	}
	return e.notFound("")
}

func (e *snap) searchAnswer(res SearchResult) *Answer {
	a := &Answer{Intent: IntentSearch, Title: e.t("Search results")}
	a.Headline = e.f("No direct answer; %s records mention these words.", itoa(len(res.Hits)))
	if len(res.Hits) == 1 {
		a.Headline = e.t("No direct answer; one record mentions these words.")
	}
	if res.Fuzzy {
		a.Headline = e.t("No direct answer and no exact match; these records are close.")
	}
	for _, h := range res.Hits {
		s := Section{Heading: e.title(h.Ref) + " (" + e.t(string(h.Ref.Kind)) + ")", Snippet: e.snippet(h)}
		a.Sections = append(a.Sections, s)
		a.Related = appendLink(a.Related, Link{Ref: h.Ref, Title: e.title(h.Ref)})
	}
	return a
}

func (e *snap) notFound(question string) *Answer {
	if t := e.termIn(question); t != nil {
		// Helper Q: "price floors for critical minerals": the term's definition (views_defense.go).
		if a, _ := e.glossaryView(context.Background(), Query{Term: t.ID}); a != nil {
			return a
		}
	}
	a := &Answer{Intent: IntentNotFound, Title: e.t("Sorry, I couldn't find that in the knowledge base.")}
	a.Headline = a.Title
	a.Sections = []Section{{Text: e.t("Try a mineral (antimony, fluorspar, plata, Sb), a country (Mexico, Peru) or a policy (section 232, export controls).")}}
	a.DidYouMean = e.suggest(question)
	return a
}

// Help is the help for an audience, generated from the command table: in Slack with the
// bot's own commands, admin-only ones for admins only.
func (e *Engine) Help(lang Lang, in Audience) *Answer {
	s := e.snapshot(lang)
	a := s.help(in)
	a.Lang = s.lang
	return a
}

func (e *snap) help(in Audience) *Answer {
	a := &Answer{Intent: IntentHelp, Title: e.t("Ask me about critical minerals")}
	a.Headline = e.t("I answer questions about critical minerals from the USGS Mineral Commodity Summaries, the critical-minerals lists and dated policy items.")
	a.Sections = append(a.Sections, Section{Items: []string{
		e.t("a mineral: antimony, fluorspar, plata, Sb"),
		e.t("a question: who produces graphite? · is copper critical? · silver in Mexico · ¿qué minerales críticos produce México?"),
	}})
	a.Sections = append(a.Sections, e.commands(in))
	return a
}

// commands lists the commands the audience may run, from the one table.
func (e *snap) commands(in Audience) Section {
	prefix := ""
	if in.Slack {
		prefix = "/mineral "
	}
	var items []string
	for _, c := range Commands() { // not commandTable: its initialisation would be a cycle
		if !c.shows(in) {
			continue
		}
		help := e.t(c.Help)
		if c.Admin {
			help = e.f("%s (admins)", help)
		}
		items = append(items, e.f("%s: %s (e.g. %s)", prefix+e.t(c.Usage), help, prefix+e.t(c.Example)))
	}
	if in.Slack {
		items = append(items, e.t("Mention @mineralbot in a channel, or send me a direct message."))
	}
	return Section{Heading: e.t("Commands"), Items: items}
}

func (e *snap) mineralCard(m *knowledge.Mineral, q Query) *Answer {
	a := &Answer{Intent: IntentMineral, Record: knowledge.Ref{Kind: knowledge.KindMineral, ID: m.ID}}
	a.Title = e.mineralName(m)
	if m.Symbol != "" {
		a.Title += " (" + m.Symbol + ")"
	}
	sub := []string{e.otherName(m)}
	if m.Group != "" {
		if g, ok := e.kb.Mineral(m.Group); ok {
			sub = append(sub, e.f("one of the %s", strings.ToLower(e.mineralName(g))))
		}
	}
	a.Subtitle = strings.Join(sub, " · ")
	a.Sections = append(a.Sections, Section{Text: e.paragraph(e.summary(m.Summary, m.SummaryES)), Detail: true})
	uses := Section{Heading: e.t("Main uses"), Items: e.uses(m)}

	if r, ok := e.kb.PrimaryRanking(m.ID); ok && len(r.Rows) > 0 {
		a.Headline = sentences(e.leadSentence(m, r), e.worldChange(r))
		a.Sections = append(a.Sections, e.producersSection(m, r, 5), uses)
		a.Sources = appendSource(a.Sources, r.Source)
	} else {
		a.Sections = append(a.Sections, uses)
		if m.NoCountryTable != "" {
			a.Sections = append(a.Sections, Section{Heading: e.t("Producers"), Text: e.t(m.NoCountryTable)})
		}
	}
	switch {
	case a.Headline == "":
		a.Headline = e.sentence(e.summary(m.Summary, m.SummaryES))
	case q.Define:
		lead, _, _ := strings.Cut(a.Headline, ". ")
		a.Headline = sentences(e.sentence(e.summary(m.Summary, m.SummaryES)), strings.TrimSuffix(lead, ".")+".")
	}
	if r, ok := e.kb.ReservesRanking(m.ID); ok {
		a.Sections = append(a.Sections, e.reservesSection(r, 3))
	}
	if s, ok := e.usImportSection(m); ok {
		a.Sections = append(a.Sections, s)
	}
	a.Sections = append(a.Sections, e.listsSection(m))
	if ps := e.kb.PoliciesAbout(m.ID); len(ps) > 0 {
		s := Section{Heading: e.t("Policy")}
		for _, p := range ps[:min(5, len(ps))] {
			s.Items = append(s.Items, e.lang.Date(p.Date)+": "+e.policyTitle(p))
		}
		a.Sections = append(a.Sections, s)
	}
	for _, s := range knowledge.Preferred(m.Sources) {
		a.Sources = appendSource(a.Sources, s)
	}
	return a
}

func (e *snap) worldValue(f knowledge.Figure) string {
	switch f.Status {
	case knowledge.Large:
		return e.t("large")
	case knowledge.Small:
		return e.t("small")
	case knowledge.NotAvailable, knowledge.Withheld:
		return e.t("not available")
	}
	v := number(f.Value)
	if f.AtLeast {
		v = e.f("more than %s", v)
	}
	return v
}

// producersSection charts a ranking's leading countries.
func (e *snap) producersSection(m *knowledge.Mineral, r knowledge.Ranking, n int) Section {
	s := Section{Heading: e.f("Top producers: %s, %s", e.measure(r.Measure), yearLabel(r.Year, r.Estimated))}
	if r.HasShares() {
		for _, row := range r.Top(n) {
			s.Bars = append(s.Bars, Bar{Label: e.shareLabel(row), Share: row.Share, Value: figureValue(row)})
		}
		lead := r.Rows[0]
		s.Facts = append(s.Facts,
			Fact{Label: e.t("Largest producer"), Value: e.f("%s, %s of world %s", e.countryName(lead.Country), percent(lead.Share), e.measure(r.Measure))},
			Fact{Label: e.t("Top 3 share"), Value: percent(r.TopShare(3))},
			Fact{Label: e.t("Concentration (HHI)"), Value: e.f("%s, %s", number(float64(int(r.HHI()+0.5))), e.hhiReading(r.HHI()))},
			Fact{Label: e.t("World"), Value: e.worldValue(*r.World) + " (" + e.t(r.Unit) + ")"},
		)
		if mx, ok := r.ShareOf("mexico"); ok && lead.Country != "mexico" {
			s.Facts = append(s.Facts, Fact{Label: e.countryName("mexico"), Value: "#" + strconv.Itoa(mx.Rank) + ", " + percent(mx.Share)})
		}
	} else {
		for _, row := range r.Top(n) {
			s.Facts = append(s.Facts, Fact{Label: e.shareLabel(row), Value: figureValue(row)})
		}
		s.Facts = append(s.Facts, Fact{Label: e.t("Shares"), Value: e.t("USGS gives no world total for this table, so no shares are computed")})
	}
	if m.Group != "" && !strings.HasSuffix(r.Measure, "_"+m.ID) {
		s.Note = e.f("From the %s table; USGS publishes no separate figures for %s.", e.title(knowledge.Ref{Kind: knowledge.KindMineral, ID: m.Group}), strings.ToLower(e.mineralName(m))) + " "
	}
	s.Note += e.dataNote(r)
	return s
}

// shareLabel names a row: the country, and what its figure counts where that differs from
// the rest of the table ("Turkey (refined borates)").
func (e *snap) shareLabel(s knowledge.Share) string {
	if s.Form != "" {
		return e.countryName(s.Country) + " (" + e.t(s.Form) + ")"
	}
	return e.countryName(s.Country)
}

// hhiReading reads a Herfindahl–Hirschman index the way competition authorities band it.
func (e *snap) hhiReading(h float64) string {
	switch {
	case h >= 2500:
		return e.t("highly concentrated")
	case h >= 1500:
		return e.t("moderately concentrated")
	}
	return e.t("unconcentrated")
}

func (e *snap) usImportSection(m *knowledge.Mineral) (Section, bool) {
	s := Section{Heading: e.countryName("united-states")}
	var src knowledge.Source
	// Every product USGS splits reliance into, most reliant first: zinc is 73% reliant for
	// refined metal though a net exporter of ores and concentrates.
	for _, r := range e.latestByProduct(m.ID) {
		label := e.t("Net import reliance")
		if r.Product != "" {
			label += " (" + e.t(r.Product) + ")"
		}
		s.Facts = append(s.Facts, Fact{Label: label + ", " + yearLabel(r.Year, r.Estimated), Value: e.relianceText(r)})
		if src.URL == "" {
			src = r.Source
		}
	}
	if srcs := e.kb.ImportSourcesOf(m.ID); len(srcs) > 0 {
		product := importProduct(srcs, m, nil)
		var parts []string
		for _, x := range srcs {
			if x.Product == product && x.Country != knowledge.Others {
				parts = append(parts, e.countryName(x.Country)+" "+x.Printed+"%")
			}
		}
		label := e.f("Import sources %s", srcs[0].Period)
		if product != "" {
			label += " (" + strings.ToLower(e.t(product)) + ")"
		}
		s.Facts = append(s.Facts, Fact{Label: label, Value: strings.Join(parts, ", ")})
		if src.URL == "" {
			src = srcs[0].Source
		}
	}
	if uses := e.kb.EndUsesOf(m.ID); len(uses) > 0 {
		s.Facts = append(s.Facts, e.endUsesFact(uses))
		if src.URL == "" {
			src = uses[0].Source
		}
	}
	if len(s.Facts) == 0 {
		return s, false
	}
	s.Note = src.Edition
	return s, true
}

// endUsesFact lists U.S. end-use shares: "End uses, 2024e: superalloys 51%, …".
func (e *snap) endUsesFact(uses []knowledge.EndUse) Fact {
	parts := make([]string, len(uses))
	for i, u := range uses {
		parts[i] = e.t(u.Use) + " " + number(u.Percent) + "%"
	}
	label := e.f("End uses, %s", yearLabel(uses[0].Year, uses[0].Estimated))
	if n := uses[0].Note; n != "" && n != "estimated" {
		label += " (" + e.t(strings.TrimPrefix(n, "estimated; ")) + ")"
	}
	return Fact{Label: label, Value: strings.Join(parts, "; ")}
}

// pickProduct chooses which product's import sources to show: the total where USGS gives
// one, else the first.
func pickProduct(srcs []knowledge.ImportSource) string {
	last := ""
	for _, x := range srcs {
		if x.Product == last {
			continue // rows come grouped by product
		}
		last = x.Product
		if hasPrefixFold(last, "total") || hasPrefixFold(last, "all forms") || strings.Contains(last, "ombined total") {
			return x.Product
		}
	}
	return srcs[0].Product
}

// hasPrefixFold is strings.HasPrefix ignoring ASCII case, without allocating.
func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

func (e *snap) listsSection(m *knowledge.Mineral) Section {
	s := Section{Heading: e.t("Critical lists")}
	for _, l := range knowledge.Lists {
		if e.on(m, l) {
			item := e.t(l.Title())
			if l == knowledge.USGS2025 && e.addedIn2025(m) {
				item += " " + e.t("(added in 2025)")
			}
			s.Items = append(s.Items, item)
		}
	}
	if len(s.Items) == 0 {
		s.Items = []string{e.t("not on the USGS 2025, USGS 2022 or EU CRMA lists")}
	}
	return s
}

// countryCard is a country's profile: where it ranks in every table that lists it (only the
// critical minerals when criticalOnly), and the policy that concerns it.
func (e *snap) countryCard(c *knowledge.Country, q Query, criticalOnly bool) *Answer {
	a := &Answer{Intent: IntentCountry, Record: knowledge.Ref{Kind: knowledge.KindCountry, ID: c.ID}}
	a.Title = e.countryName(c.ID)
	a.Subtitle = c.NameES
	if e.lang == Spanish {
		a.Subtitle = c.Name
	}
	if c.Profile != nil {
		a.Sections = append(a.Sections, Section{Text: e.paragraph(e.summary(c.Profile.Summary, c.Profile.SummaryES)), Detail: true})
		for _, s := range knowledge.Preferred(c.Profile.Sources) {
			a.Sources = appendSource(a.Sources, s)
		}
	}
	st := e.kb.CountryStandings(c.ID)
	if len(st) > 0 {
		s := Section{Heading: e.t("Where it ranks (world production)")}
		if criticalOnly {
			s.Heading = e.t("Critical minerals it produces (world rank and share)")
		}
		d := e.standings(c.ID, criticalOnly)
		for _, i := range d.shown {
			x := st[i]
			m, _ := e.kb.Mineral(x.Mineral)
			v := e.f("#%s of %s listed", strconv.Itoa(x.Share.Rank), strconv.Itoa(len(x.Ranking.Rows)))
			if ties := e.tiedWith(*x.Ranking, x.Share); ties != "" {
				v += " (" + ties + ")"
			}
			if x.Share.Share >= 0 {
				v += ", " + percent(x.Share.Share)
			}
			v += " (" + yearLabel(x.Ranking.Year, x.Share.Estimated) + ")"
			label := e.mineralName(m) + ", " + e.measure(x.Ranking.Measure)
			if e.on(m, knowledge.USGS2025) {
				label += " " + e.t("[critical]")
			}
			s.Facts = append(s.Facts, Fact{Label: label, Value: v})
			a.Sources = appendSource(a.Sources, x.Ranking.Source)
		}
		s.Note = e.t("USGS Mineral Commodity Summaries, the newest edition with each table. Ranks among the countries each table lists by name, and shares of the world total, derived by mineralbot.")
		a.Headline = e.countryHeadline(c, st, d)
		if criticalOnly {
			a.Headline = sentences(e.producedOnAsked(c, st, q), a.Headline) // the list asked (list_produced.go)
			if q.Polarity == Negated {
				// "Which critical minerals does the US not produce?": the rest of the list.
				a.Headline = e.notProducedOnAsked(c, st, q) // on the list asked (views_defense.go)
			}
		}
		if q.Top > 0 && len(q.Minerals) == 0 {
			a.Headline = e.topStandings(c, st, q.Top, criticalOnly)
		}
		if asksWhichProduced(q, criticalOnly) {
			a.Headline = e.withProduced(c, st, a.Headline) // produced_all.go
		}
		if q.Measure == MeasureConcentration && q.Top == 0 && len(q.Minerals) == 0 {
			// "which EU strategic raw materials does China dominate?" (views_defense.go)
			if h := e.dominatedOnAsked(c, st, q); h != "" {
				a.Headline = h
			}
		}
		if s, ok := sectorAsked(q); ok && len(q.Minerals) == 0 {
			a.Headline = e.sectorStandings(c.ID, st, s) // "which battery minerals does China dominate?" (views_sector.go)
			// "does Mexico produce any battery minerals?" (views_used_in.go)
			a.Headline = e.sectorProducedVerdict(q, st, s, a.Headline)
		}
		// A reply shows the leading standings; the full card has the first maxStandings.
		const lead = 6
		if len(s.Facts) > lead {
			more := Section{Heading: e.t("More rankings"), Facts: s.Facts[lead:], Note: s.Note, Detail: true}
			s.Facts, s.Note = s.Facts[:lead], ""
			a.Sections = append(a.Sections, s, more)
		} else {
			a.Sections = append(a.Sections, s)
		}
	} else {
		a.Headline = e.f("No production figures for %s in the USGS tables this knowledge base holds.", e.countryAfterIn(c.ID))
	}
	if ps := e.kb.PoliciesIn(c.ID); len(ps) > 0 {
		s := Section{Heading: e.t("Policy")}
		for _, p := range ps[:min(6, len(ps))] {
			s.Items = append(s.Items, e.lang.Date(p.Date)+": "+e.policyTitle(p))
		}
		a.Sections = append(a.Sections, s)
	}
	return a
}

// topStandings answers "in which minerals is Mexico among the top 5 producers?": each mineral
// whose table ranks it within the top n, best rank first.
func (e *snap) topStandings(c *knowledge.Country, st []knowledge.Standing, n int, criticalOnly bool) string {
	names := e.placedMinerals(st, func(x knowledge.Standing, m *knowledge.Mineral) string {
		if x.Share.Rank > n || criticalOnly && !e.on(m, knowledge.USGS2025) {
			return ""
		}
		name := strings.ToLower(e.mineralName(m)) + " (" + e.f("#%s", strconv.Itoa(x.Share.Rank))
		if ties := e.tiedWith(*x.Ranking, x.Share); ties != "" {
			name += ", " + ties
		}
		return name + ")"
	})
	if len(names) == 0 {
		return e.f("%s is not among the top %s producers of any mineral in the USGS tables this knowledge base holds.", e.countryName(c.ID), itoa(n))
	}
	return e.f("%s is among the top %s producers of %s minerals in the USGS tables (newest edition of each): %s.",
		e.countryName(c.ID), itoa(n), itoa(len(names)), e.and(names))
}

// criticalProduced names every mineral of the 2025 U.S. critical list a country's standings
// show it producing, best placed first: "¿qué minerales críticos produce México?" is
// answered by the whole list, not only where it leads.
func (e *snap) criticalProduced(c *knowledge.Country, st []knowledge.Standing) string {
	names := e.placedMinerals(st, func(_ knowledge.Standing, m *knowledge.Mineral) string {
		if !e.on(m, knowledge.USGS2025) {
			return ""
		}
		return strings.ToLower(e.mineralName(m))
	})
	if len(names) == 0 {
		return ""
	}
	return e.f("%s produces %s minerals of the 2025 U.S. critical list, by the USGS tables: %s.", e.countrySubject(c.ID), itoa(len(names)), e.and(names))
}

// criticalNotProduced names the minerals of the 2025 U.S. critical list that no production
// table shows a country producing, and apart from them those whose figure USGS withholds
// (the country produces them; USGS does not say how much). Members of a group table (rare
// earths, platinum-group metals) are named as the group.
func (e *snap) criticalNotProduced(c *knowledge.Country, st []knowledge.Standing) string {
	none, withheld := e.notProducedOn(c, st, knowledge.USGS2025)
	out := e.f("The USGS tables this knowledge base holds show no production in %s of %s minerals of the 2025 U.S. critical list: %s.", e.countryAfterIn(c.ID), itoa(len(none)), e.and(none))
	if len(none) == 0 {
		out = e.f("The USGS tables this knowledge base holds show production in %s of every mineral of the 2025 U.S. critical list they cover.", e.countryAfterIn(c.ID))
	}
	if len(withheld) > 0 {
		out = sentences(out, e.f("USGS withholds the figures for %s more, to avoid disclosing company data: %s.", itoa(len(withheld)), e.and(withheld)))
	}
	return out
}

// notProducedOn names the minerals of list l that no production table shows a country
// producing, and apart from them those whose figure USGS withholds, each sorted; members of
// a group table are named as the group.
func (e *snap) notProducedOn(c *knowledge.Country, st []knowledge.Standing, l knowledge.List) (none, withheld []string) {
	produced := map[string]bool{}
	for _, x := range st {
		produced[x.Mineral] = true
	}
	seen := map[string]bool{}
	for _, m := range e.onListOrGroup(l) {
		table := e.kb.TableOf(m.ID)
		if !e.on(m, l) || produced[table] || seen[table] {
			continue
		}
		seen[table] = true
		name := strings.ToLower(e.mineralName(m))
		if g, ok := e.kb.Mineral(table); ok {
			name = strings.ToLower(e.mineralName(g))
		}
		if r, ok := e.kb.PrimaryRanking(m.ID); ok {
			if f, ok := e.kb.FigureIn(r.Mineral, r.Measure, c.ID, r.Year, r.Edition); ok && f.Status == knowledge.Withheld {
				withheld = append(withheld, name)
				continue
			}
		}
		none = append(none, name)
	}
	slices.Sort(none)
	slices.Sort(withheld)
	return none, withheld
}

// placedMinerals labels each mineral a country's production standings place it in, once
// (at its best-placed table), best rank first; label returns "" to leave one out.
func (e *snap) placedMinerals(st []knowledge.Standing, label func(knowledge.Standing, *knowledge.Mineral) string) []string {
	type placed struct {
		name string
		rank int
	}
	var ps []placed
	seen := map[string]bool{}
	for _, x := range st {
		m, ok := e.kb.Mineral(x.Mineral)
		if !ok || seen[m.ID] || knowledge.IsReserves(x.Ranking.Measure) || knowledge.IsCapacity(x.Ranking.Measure) {
			continue
		}
		if name := label(x, m); name != "" {
			seen[m.ID] = true
			ps = append(ps, placed{name, x.Share.Rank})
		}
	}
	slices.SortStableFunc(ps, func(a, b placed) int { return cmp.Compare(a.rank, b.rank) })
	names := make([]string, len(ps))
	for i, p := range ps {
		names[i] = p.name
	}
	return names
}

// countryHeadline sums up a country's standings: where it leads the world, and how many
// other tables it is in the top three of.
func (e *snap) countryHeadline(c *knowledge.Country, st []knowledge.Standing, d *standingsDigest) string {
	name := e.countrySubject(c.ID)
	if d.best < 0 {
		return e.f("%s produces none of the critical minerals in the USGS tables this knowledge base holds.", name)
	}
	mineral := func(i int) string {
		m, _ := e.kb.Mineral(st[i].Mineral)
		return strings.ToLower(e.mineralName(m))
	}
	var out []string
	if len(d.leads) > 0 {
		var firsts []string
		var items []vintaged
		for _, i := range d.leads {
			label := mineral(i)
			if sh := st[i].Share.Share; sh >= 0 {
				label += " (" + percent(sh) + ")"
			}
			firsts = append(firsts, label)
			items = append(items, vintaged{label, yearLabel(st[i].Ranking.Year, st[i].Share.Estimated), st[i].Ranking.Edition})
		}
		if mixedVintages(items) {
			// Each figure says its own year and edition when the tables' newest differ.
			out = append(out, e.f("%s is the world's largest producer of %s.", name, e.byVintage(items, d.nLeads)))
		} else {
			out = append(out, e.f("%s is the world's largest producer of %s (%s).", name, e.andMore(firsts, d.nLeads), source(d.edition)))
		}
	}
	if len(d.rest) > 0 {
		places := e.places(st, d.rest, d.nRest, mineral)
		mixed := slices.ContainsFunc(d.rest, func(i int) bool { return st[i].Ranking.Edition != st[d.rest[0]].Ranking.Edition })
		if len(out) == 0 && mixed {
			// Ranks from tables of different editions: no one edition labels them.
			out = append(out, e.f("%s is %s in world production (USGS MCS, newest edition of each table).", name, places))
		} else if len(out) == 0 {
			out = append(out, e.f("%s is %s in world production (%s).", name, places, source(d.edition)))
		} else {
			out = append(out, e.f("It is %s.", places))
		}
	}
	if len(out) == 0 {
		best := st[d.best]
		m, _ := e.kb.Mineral(best.Mineral)
		return e.standingSentence(m, *best.Ranking, best.Share)
	}
	return sentences(out...)
}

// places says where a country stands in the minerals it is second or third in, the minerals
// of a rank (and of a tie with the same countries) together: "second for silver and zinc,
// tied for second with Mongolia for fluorspar and third for tin"; total counts them all,
// those not named said as a number ("and 5 more in the top three").
func (e *snap) places(st []knowledge.Standing, rest []int, total int, mineral func(int) string) string {
	type place struct {
		rank     int
		ties     string
		minerals []string
	}
	var ps []place
	for _, i := range rest {
		x := st[i]
		ties := e.tiedCountries(*x.Ranking, x.Share)
		j := slices.IndexFunc(ps, func(p place) bool { return p.rank == x.Share.Rank && p.ties == ties })
		if j < 0 {
			j = len(ps)
			ps = append(ps, place{rank: x.Share.Rank, ties: ties})
		}
		ps[j].minerals = append(ps[j].minerals, mineral(i))
	}
	slices.SortStableFunc(ps, func(a, b place) int { return cmp.Compare(a.rank, b.rank) })
	var out []string
	for _, p := range ps {
		names := e.and(p.minerals)
		switch {
		case p.rank == 2 && p.ties != "":
			out = append(out, e.f("tied for second with %s for %s", p.ties, names))
		case p.rank == 2:
			out = append(out, e.f("second for %s", names))
		case p.ties != "":
			out = append(out, e.f("tied for third with %s for %s", p.ties, names))
		default:
			out = append(out, e.f("third for %s", names))
		}
	}
	if total > len(rest) {
		out = append(out, e.f("%s more in the top three", itoa(total-len(rest))))
	}
	return e.and(out)
}

// andMore lists names, the first of total: "a, b and c", or "a, b, c and 4 more".
func (e *snap) andMore(names []string, total int) string {
	if total <= len(names) {
		return e.and(names)
	}
	return strings.Join(names, ", ") + " " + e.f("and %s more", itoa(total-len(names)))
}

// listMembers returns the members of a group (rare earths, platinum-group metals) that a list
// names one by one: the lists name cerium, dysprosium and the rest, never "rare earths".
func listMembers(kb *knowledge.KB, g *knowledge.Mineral, l knowledge.List) []*knowledge.Mineral {
	var out []*knowledge.Mineral
	for _, id := range g.Members {
		if m, ok := kb.Mineral(id); ok && m.On(l) {
			out = append(out, m)
		}
	}
	return out
}

// onList reports whether a mineral is on a list: itself, or for a group, through its members,
// or for a member, through its group (the EU lists "platinum group metals" as one item).
func onList(kb *knowledge.KB, m *knowledge.Mineral, l knowledge.List) bool {
	if m.On(l) || len(listMembers(kb, m, l)) > 0 {
		return true
	}
	g, ok := kb.Mineral(m.Group)
	return m.Group != "" && ok && g.On(l) // Helper T
}

func (e *snap) on(m *knowledge.Mineral, l knowledge.List) bool { return onList(e.kb, m, l) }

// onListOrGroup are the minerals e.on may count on list l, without walking every record (at
// 100,000 records, "what critical minerals does Peru lack?" took 50 ms doing so): its
// members, the groups they belong to or are counted in, and the members of those on it.
func (e *snap) onListOrGroup(l knowledge.List) []*knowledge.Mineral {
	var ms []*knowledge.Mineral
	seen := map[string]bool{}
	add := func(id string) {
		if m, ok := e.kb.Mineral(id); ok && !seen[id] {
			seen[id] = true
			ms = append(ms, m)
		}
	}
	for _, m := range e.lists[l].members {
		add(m.ID)
		add(m.Group)
		add(e.kb.TableOf(m.ID))
		for _, id := range m.Members {
			add(id)
		}
	}
	return ms
}

func (e *snap) listMembers(g *knowledge.Mineral, l knowledge.List) []*knowledge.Mineral {
	return listMembers(e.kb, g, l)
}

// mineralNames are minerals' names, lower case, in the answer's language.
func (e *snap) mineralNames(ms []*knowledge.Mineral) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = strings.ToLower(e.mineralName(m))
	}
	return out
}

// addedIn2025 reports whether a mineral (or a group, through its members) joined the U.S. list
// in 2025.
func (e *snap) addedIn2025(m *knowledge.Mineral) bool {
	return e.on(m, knowledge.USGS2025) && !e.on(m, knowledge.USGS2022)
}

func (e *snap) policyCard(p *knowledge.Policy, q Query) *Answer {
	a := &Answer{Intent: IntentPolicy, Record: knowledge.Ref{Kind: knowledge.KindPolicy, ID: p.ID}}
	a.Headline = e.policyLead(p, q)
	if h, ok := e.namedItemCovers(p, q, a.Headline); ok {
		a.Headline = h // "what does the US-Mexico action plan cover?" (policy_covers.go)
	}
	a.Title = e.policyTitle(p)
	a.Subtitle = e.when(p) + " · " + e.jurisdiction(p)
	a.Sections = append(a.Sections, Section{Text: e.summary(p.Summary, p.SummaryES)})
	if p.DateNote != "" && e.lang == English {
		a.Sections = append(a.Sections, Section{Heading: e.t("About the dates"), Text: p.DateNote})
	}
	var names []string
	for _, id := range p.Minerals {
		if m, ok := e.kb.Mineral(id); ok {
			names = append(names, e.mineralName(m))
			a.Related = appendLink(a.Related, Link{Ref: knowledge.Ref{Kind: knowledge.KindMineral, ID: id}, Title: e.mineralName(m)})
		}
	}
	if len(names) > 0 {
		a.Sections = append(a.Sections, Section{Heading: e.t("Minerals"), Text: strings.Join(names, ", ")})
	}
	for _, s := range knowledge.Preferred(p.Sources) {
		a.Sources = appendSource(a.Sources, s)
	}
	return a
}

// appendSource adds a source unless its URL is listed already.
func appendSource(ss []knowledge.Source, s knowledge.Source) []knowledge.Source {
	if s.URL == "" || slices.ContainsFunc(ss, func(x knowledge.Source) bool { return x.URL == s.URL }) {
		return ss
	}
	return append(ss, s)
}

// indexStems collects the stems of every word of the records' names and text.
func indexStems(kb *knowledge.KB) map[string]bool {
	out := make(map[string]bool, 8192)
	add := func(texts ...string) {
		for _, t := range texts {
			for _, w := range strings.Fields(knowledge.Normalize(t)) {
				out[stem(w)] = true
			}
		}
	}
	for _, m := range kb.Minerals {
		add(m.Summary, m.SummaryES, m.NoCountryTable)
		add(kb.Names(knowledge.Ref{Kind: knowledge.KindMineral, ID: m.ID})...)
		add(m.Uses...)
		add(m.UsesES...)
	}
	for _, p := range kb.Policies {
		add(p.Summary, p.SummaryES)
		add(kb.Names(knowledge.Ref{Kind: knowledge.KindPolicy, ID: p.ID})...)
	}
	for _, c := range kb.Countries {
		add(kb.Names(knowledge.Ref{Kind: knowledge.KindCountry, ID: c.ID})...)
		if c.Profile != nil {
			add(c.Profile.Summary, c.Profile.SummaryES)
		}
	}
	return out
}

// anyKnown reports whether a word of the question is used by the knowledge base.
func (e *snap) anyKnown(words []string) bool {
	for _, w := range words {
		if e.stems[stem(w)] {
			return true
		}
	}
	return false
}

// prose is the start of a record's text, as answers quote it.
type prose struct{ paragraph, sentence string }

// indexProse takes the first paragraph and sentence of every record's text once per
// knowledge base.
func indexProse(kb *knowledge.KB) map[string]prose {
	out := make(map[string]prose)
	add := func(texts ...string) {
		for _, t := range texts {
			out[t] = prose{firstParagraph(t), firstSentence(t)}
		}
	}
	for _, m := range kb.Minerals {
		add(m.Summary, m.SummaryES)
	}
	for _, p := range kb.Policies {
		add(p.Summary, p.SummaryES)
	}
	for _, c := range kb.Countries {
		if c.Profile != nil {
			add(c.Profile.Summary, c.Profile.SummaryES)
		}
	}
	return out
}

// paragraph is the first paragraph of a record's text, on one line.
func (e *snap) paragraph(md string) string {
	if p, ok := e.prose[md]; ok {
		return p.paragraph
	}
	return firstParagraph(md)
}

// sentence is the first sentence of a record's text.
func (e *snap) sentence(md string) string {
	if p, ok := e.prose[md]; ok {
		return p.sentence
	}
	return firstSentence(md)
}

func firstParagraph(md string) string {
	p, _, _ := strings.Cut(strings.TrimSpace(md), "\n\n")
	return strings.Join(strings.Fields(p), " ")
}
