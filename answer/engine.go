package answer

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/mineralbot/mineralbot/index"
	"github.com/mineralbot/mineralbot/knowledge"
)

// Searcher is the full-text search the engine needs.
type Searcher interface {
	Search(ctx context.Context, text string, opt index.Options) (index.Result, error)
}

// Engine answers questions from a knowledge base and its index. It is safe for concurrent
// use, and [Engine.SetKnowledge] replaces the knowledge base while it answers.
//
// Every answer is built by a [snap]: the knowledge base, its lexicon and the language,
// pinned when the request starts. Engine itself holds no knowledge base, so no answering
// code can read a stale one.
type Engine struct {
	cur *atomic.Pointer[served]
	ix  Searcher
}

// snap answers one request: one knowledge base from start to end, in one language.
type snap struct {
	*served
	ix   Searcher
	lang Lang
}

// served is a knowledge base with what the engine derives from it once, at load.
type served struct {
	kb *knowledge.KB
	// names maps a normalized record name that exists in one language only to that
	// language ("antimonio" → es), for DetectLanguage.
	names map[string]Lang
}

func newServed(kb *knowledge.KB) *served { return &served{kb: kb, names: nameLanguages(kb)} }

// New returns an engine over kb and its index.
func New(kb *knowledge.KB, ix Searcher) (*Engine, error) {
	if kb == nil {
		return nil, errors.New("answer: knowledge base is required")
	}
	if ix == nil {
		return nil, errors.New("answer: index is required")
	}
	e := &Engine{cur: new(atomic.Pointer[served]), ix: ix}
	e.cur.Store(newServed(kb))
	return e, nil
}

// SetKnowledge makes the engine answer from kb; swap the index to kb first. Answers under
// way finish with the knowledge base they started with.
func (e *Engine) SetKnowledge(kb *knowledge.KB) { e.cur.Store(newServed(kb)) }

// Knowledge returns the knowledge base being served.
func (e *Engine) Knowledge() *knowledge.KB { return e.cur.Load().kb }

// snapshot returns the engine pinned to the current knowledge base and to one language (English
// for a language it does not speak), so that one answer reads one knowledge base from start
// to end, in one language.
func (e *Engine) snapshot(lang Lang) *snap {
	if _, ok := printers[lang]; !ok {
		lang = English
	}
	return &snap{served: e.cur.Load(), ix: e.ix, lang: lang}
}

// DetectLanguage tells the language of a question, from its words and the record names it
// uses; ok is false when the text gives no sign either way.
func (e *Engine) DetectLanguage(text string) (Lang, bool) {
	return detectLanguage(e.cur.Load().names, text)
}

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
		a.Lang = s.lang
	}
	return a, err
}

func (e *snap) ask(ctx context.Context, question string) (*Answer, error) {
	q := strings.TrimSpace(question)
	if len(q) > maxQuestion {
		q = q[:maxQuestion]
	}
	if q == "" {
		return e.help(question), nil
	}
	if c, args, ok := command(q); ok {
		return c.run(e, ctx, args, question)
	}
	if ref, ok := e.kb.Resolve(strings.Trim(q, "?¿!¡. ")); ok {
		return e.card(ref, question), nil
	}
	if a, ok, err := e.route(ctx, q); err != nil || ok {
		if a != nil {
			a.Question = question
		}
		return a, err
	}
	res, err := e.ix.Search(ctx, q, index.Options{Size: 6})
	if err != nil {
		return nil, err
	}
	if len(res.Hits) == 0 {
		return e.notFound(question), nil
	}
	top := res.Hits[0]
	if e.namesMatch(top.Ref, q) || res.Fuzzy && len(res.Hits) == 1 || res.Fuzzy && top.Ref.Kind == knowledge.KindMineral {
		a := e.card(top.Ref, question)
		if res.Fuzzy {
			a.DidYouMean = []string{e.title(top.Ref)}
		}
		for _, h := range res.Hits[1:] {
			a.Related = appendLink(a.Related, Link{Ref: h.Ref, Title: e.title(h.Ref)})
		}
		return a, nil
	}
	return e.searchAnswer(question, res), nil
}

// namesMatch reports whether one of the record's names or aliases appears in the question as
// whole words, or (for a fuzzy match) whether the question is close to a name.
func (e *snap) namesMatch(r knowledge.Ref, q string) bool {
	nq := " " + knowledge.Normalize(q) + " "
	for _, n := range e.kb.Names(r) {
		if n = knowledge.Normalize(n); n != "" && strings.Contains(nq, " "+n+" ") {
			return true
		}
	}
	if r.Kind == knowledge.KindMineral {
		if m, ok := e.kb.Mineral(r.ID); ok && m.Symbol != "" {
			for _, w := range index.Words(q) {
				if w == m.Symbol {
					return true
				}
			}
		}
	}
	return false
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
	a := s.card(r, question)
	a.Lang = s.lang
	return a
}

func (e *snap) card(r knowledge.Ref, question string) *Answer {
	switch r.Kind {
	case knowledge.KindMineral:
		if m, ok := e.kb.Mineral(r.ID); ok {
			return e.mineralCard(m, question)
		}
	case knowledge.KindCountry:
		if c, ok := e.kb.Country(r.ID); ok {
			return e.countryCard(c, question, false)
		}
	case knowledge.KindPolicy:
		if p, ok := e.kb.Policy(r.ID); ok {
			return e.policyCard(p, question)
		}
	}
	return e.notFound(question)
}

func (e *snap) searchAnswer(question string, res index.Result) *Answer {
	a := &Answer{Intent: IntentSearch, Question: question, Title: e.t("Search results")}
	if res.Fuzzy {
		a.Subtitle = e.t("No exact match; these are close.")
	}
	for _, h := range res.Hits {
		s := Section{Heading: e.title(h.Ref) + " (" + e.t(string(h.Ref.Kind)) + ")", Text: e.snippet(h)}
		a.Sections = append(a.Sections, s)
		a.Related = appendLink(a.Related, Link{Ref: h.Ref, Title: e.title(h.Ref)})
	}
	return a
}

func (e *snap) notFound(question string) *Answer {
	a := &Answer{Intent: IntentNotFound, Question: question,
		Title: e.t("Sorry, I couldn't find that in the knowledge base.")}
	a.Sections = []Section{{Text: e.t("Try a mineral (antimony, fluorspar, plata, Sb), a country (Mexico, Peru) or a policy (section 232, export controls).")}}
	a.DidYouMean = e.suggest(question)
	return a
}

func (e *snap) help(question string) *Answer {
	a := &Answer{Intent: IntentHelp, Question: question, Title: e.t("Ask me about critical minerals")}
	a.Sections = append(a.Sections, Section{Items: []string{
		e.t("a mineral: antimony, fluorspar, plata, Sb"),
		e.t("a question: who produces graphite? · is copper critical? · silver in Mexico · ¿qué minerales críticos produce México?"),
	}})
	var items []string
	for _, c := range Commands() {
		items = append(items, e.f("%s: %s (e.g. %s)", e.t(c.Usage), e.t(c.Help), e.t(c.Example)))
	}
	a.Sections = append(a.Sections, Section{Heading: e.t("Commands"), Items: items})
	return a
}

// suggest offers a few mineral names to try when nothing matched: the Mexico-related eight
// first, as they are what users of this bot ask about most.
func (e *snap) suggest(string) []string {
	var out []string
	for _, id := range []string{"antimony", "fluorspar", "silver", "graphite"} {
		if m, ok := e.kb.Mineral(id); ok {
			out = append(out, e.mineralName(m))
		}
	}
	return out
}

func (e *snap) mineralCard(m *knowledge.Mineral, question string) *Answer {
	a := &Answer{Intent: IntentMineral, Question: question, Record: knowledge.Ref{Kind: knowledge.KindMineral, ID: m.ID}}
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
	a.Sections = append(a.Sections, Section{Text: firstParagraph(e.summary(m.Summary, m.SummaryES))})
	a.Sections = append(a.Sections, Section{Heading: e.t("Main uses"), Items: e.uses(m)})

	if r, ok := e.kb.PrimaryRanking(m.ID); ok {
		a.Sections = append(a.Sections, e.producersSection(m, r, 5))
		a.Sources = appendSource(a.Sources, r.Source)
	} else if m.NoCountryTable != "" {
		a.Sections = append(a.Sections, Section{Heading: e.t("Producers"), Text: e.t(m.NoCountryTable)})
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
	for _, s := range m.Sources {
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
	if r, ok := e.kb.LatestReliance(m.ID); ok {
		label := e.t("Net import reliance")
		if r.Product != "" {
			label += " (" + e.t(r.Product) + ")"
		}
		s.Facts = append(s.Facts, Fact{Label: label + ", " + yearLabel(r.Year, r.Estimated), Value: e.relianceText(r)})
		src = r.Source
	}
	if srcs := e.kb.ImportSourcesOf(m.ID); len(srcs) > 0 {
		product := pickProduct(srcs)
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
	for _, x := range srcs {
		p := strings.ToLower(x.Product)
		if strings.HasPrefix(p, "total") || strings.Contains(p, "combined total") || strings.HasPrefix(p, "all forms") {
			return x.Product
		}
	}
	return srcs[0].Product
}

func (e *snap) listsSection(m *knowledge.Mineral) Section {
	s := Section{Heading: e.t("Critical lists")}
	for _, l := range knowledge.Lists {
		if m.On(l) {
			item := e.t(l.Title())
			if l == knowledge.USGS2025 && m.AddedIn2025() {
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
func (e *snap) countryCard(c *knowledge.Country, question string, criticalOnly bool) *Answer {
	a := &Answer{Intent: IntentCountry, Question: question, Record: knowledge.Ref{Kind: knowledge.KindCountry, ID: c.ID}}
	a.Title = e.countryName(c.ID)
	a.Subtitle = c.NameES
	if e.lang == Spanish {
		a.Subtitle = c.Name
	}
	if c.Profile != nil {
		a.Sections = append(a.Sections, Section{Text: firstParagraph(e.summary(c.Profile.Summary, c.Profile.SummaryES))})
		for _, s := range c.Profile.Sources {
			a.Sources = appendSource(a.Sources, s)
		}
	}
	st := e.kb.CountryStandings(c.ID)
	if len(st) > 0 {
		s := Section{Heading: e.t("Where it ranks (world production)")}
		if criticalOnly {
			s.Heading = e.t("Critical minerals it produces (world rank and share)")
		}
		for _, x := range st {
			m, _ := e.kb.Mineral(x.Mineral)
			if criticalOnly && !m.On(knowledge.USGS2025) && !hasCriticalMember(e.kb, m) {
				continue
			}
			v := e.f("#%s of %s listed", strconv.Itoa(x.Share.Rank), strconv.Itoa(len(x.Ranking.Rows)))
			if x.Share.Share >= 0 {
				v += ", " + percent(x.Share.Share)
			}
			v += " (" + yearLabel(x.Ranking.Year, x.Share.Estimated) + ")"
			label := e.mineralName(m) + ", " + e.measure(x.Ranking.Measure)
			if m.On(knowledge.USGS2025) {
				label += " " + e.t("[critical]")
			}
			s.Facts = append(s.Facts, Fact{Label: label, Value: v})
			a.Sources = appendSource(a.Sources, x.Ranking.Source)
		}
		s.Note = e.t("USGS Mineral Commodity Summaries, the newest edition with each table. Ranks among the countries each table lists by name, and shares of the world total, derived by mineralbot.")
		a.Sections = append(a.Sections, s)
	} else {
		a.Sections = append(a.Sections, Section{Text: e.f("No production figures for %s in the USGS tables this knowledge base holds.", e.countryName(c.ID))})
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

// hasCriticalMember reports whether a group (rare earths, PGMs) has a member on the USGS 2025
// list.
func hasCriticalMember(kb *knowledge.KB, g *knowledge.Mineral) bool {
	for _, id := range g.Members {
		if m, ok := kb.Mineral(id); ok && m.On(knowledge.USGS2025) {
			return true
		}
	}
	return false
}

func (e *snap) policyCard(p *knowledge.Policy, question string) *Answer {
	a := &Answer{Intent: IntentPolicy, Question: question, Record: knowledge.Ref{Kind: knowledge.KindPolicy, ID: p.ID}}
	a.Title = e.policyTitle(p)
	when := e.lang.Date(p.Date)
	if !p.EndDate.IsZero() {
		when = e.f("%s until %s", when, e.lang.Date(p.EndDate))
	}
	a.Subtitle = when + " · " + e.jurisdiction(p)
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
	for _, s := range p.Sources {
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

func firstParagraph(md string) string {
	p, _, _ := strings.Cut(strings.TrimSpace(md), "\n\n")
	return strings.Join(strings.Fields(p), " ")
}
