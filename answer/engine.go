package answer

import (
	"context"
	"errors"
	"fmt"
	"slices"
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
type Engine struct {
	cur *atomic.Pointer[knowledge.KB] // shared by the engine and its snapshots
	kb  *knowledge.KB                 // a snapshot's knowledge base
	ix  Searcher
}

// New returns an engine over kb and its index.
func New(kb *knowledge.KB, ix Searcher) (*Engine, error) {
	if kb == nil {
		return nil, errors.New("answer: knowledge base is required")
	}
	if ix == nil {
		return nil, errors.New("answer: index is required")
	}
	e := &Engine{cur: new(atomic.Pointer[knowledge.KB]), kb: kb, ix: ix}
	e.cur.Store(kb)
	return e, nil
}

// SetKnowledge makes the engine answer from kb; swap the index to kb first. Answers under
// way finish with the knowledge base they started with.
func (e *Engine) SetKnowledge(kb *knowledge.KB) { e.cur.Store(kb) }

// Knowledge returns the knowledge base being served.
func (e *Engine) Knowledge() *knowledge.KB { return e.cur.Load() }

// snapshot returns the engine pinned to the current knowledge base, so that one answer reads
// one knowledge base from start to end.
func (e *Engine) snapshot() *Engine { return &Engine{cur: e.cur, kb: e.cur.Load(), ix: e.ix} }

// maxQuestion bounds the text considered; chat messages can be long.
const maxQuestion = 1000

// Ask answers a question. It returns an error only when search itself fails; a question
// with no match gets an Answer of intent [IntentNotFound] with suggestions.
//
// A question is, in order: a subcommand (its first word: "compare", "country", …); a name,
// alias or symbol (a card); a question the router understands (who produces X, X in Mexico,
// is X critical, …); or words for full-text search.
func (e *Engine) Ask(ctx context.Context, question string) (*Answer, error) {
	return e.snapshot().ask(ctx, question)
}

func (e *Engine) ask(ctx context.Context, question string) (*Answer, error) {
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
			a.DidYouMean = []string{e.kb.Title(top.Ref)}
		}
		for _, h := range res.Hits[1:] {
			a.Related = appendLink(a.Related, Link{Ref: h.Ref, Title: e.kb.Title(h.Ref)})
		}
		return a, nil
	}
	return e.searchAnswer(question, res), nil
}

// namesMatch reports whether one of the record's names or aliases appears in the question as
// whole words, or (for a fuzzy match) whether the question is close to a name.
func (e *Engine) namesMatch(r knowledge.Ref, q string) bool {
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
func (e *Engine) Card(r knowledge.Ref, question string) *Answer {
	return e.snapshot().card(r, question)
}

func (e *Engine) card(r knowledge.Ref, question string) *Answer {
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

func (e *Engine) searchAnswer(question string, res index.Result) *Answer {
	a := &Answer{Intent: IntentSearch, Question: question, Title: "Search results"}
	if res.Fuzzy {
		a.Subtitle = "No exact match; these are close."
	}
	for _, h := range res.Hits {
		s := Section{Heading: e.kb.Title(h.Ref) + " (" + string(h.Ref.Kind) + ")", Text: h.Snippet}
		a.Sections = append(a.Sections, s)
		a.Related = appendLink(a.Related, Link{Ref: h.Ref, Title: e.kb.Title(h.Ref)})
	}
	return a
}

func (e *Engine) notFound(question string) *Answer {
	a := &Answer{Intent: IntentNotFound, Question: question,
		Title: "Sorry, I couldn't find that in the knowledge base."}
	a.Sections = []Section{{Text: "Try a mineral (antimony, fluorspar, plata, Sb), a country (Mexico, Peru) or a policy (section 232, export controls)."}}
	a.DidYouMean = e.suggest(question)
	return a
}

func (e *Engine) help(question string) *Answer {
	a := &Answer{Intent: IntentHelp, Question: question, Title: "Ask me about critical minerals"}
	a.Sections = append(a.Sections, Section{Items: []string{
		"a mineral: antimony, fluorspar, plata, Sb",
		"a question: who produces graphite? · is copper critical? · silver in Mexico · ¿qué minerales críticos produce México?",
	}})
	var items []string
	for _, c := range Commands() {
		items = append(items, fmt.Sprintf("%s: %s (e.g. %s)", c.Usage, c.Help, c.Example))
	}
	a.Sections = append(a.Sections, Section{Heading: "Commands", Items: items})
	return a
}

// suggest offers a few mineral names to try when nothing matched: the Mexico-related eight
// first, as they are what users of this bot ask about most.
func (e *Engine) suggest(string) []string {
	var out []string
	for _, id := range []string{"antimony", "fluorspar", "silver", "graphite"} {
		if m, ok := e.kb.Mineral(id); ok {
			out = append(out, m.Name)
		}
	}
	return out
}

func (e *Engine) mineralCard(m *knowledge.Mineral, question string) *Answer {
	a := &Answer{Intent: IntentMineral, Question: question, Record: knowledge.Ref{Kind: knowledge.KindMineral, ID: m.ID}}
	a.Title = m.Name
	if m.Symbol != "" {
		a.Title += " (" + m.Symbol + ")"
	}
	sub := []string{m.NameES}
	if m.Group != "" {
		if g, ok := e.kb.Mineral(m.Group); ok {
			sub = append(sub, "one of the "+strings.ToLower(g.Name))
		}
	}
	a.Subtitle = strings.Join(sub, " · ")
	a.Sections = append(a.Sections, Section{Text: firstParagraph(m.Summary)})
	a.Sections = append(a.Sections, Section{Heading: "Main uses", Items: m.Uses})

	if r, ok := e.kb.PrimaryRanking(m.ID); ok {
		a.Sections = append(a.Sections, producersSection(e.kb, m, r, 5))
		a.Sources = appendSource(a.Sources, r.Source)
	} else if m.NoCountryTable != "" {
		a.Sections = append(a.Sections, Section{Heading: "Producers", Text: m.NoCountryTable})
	}
	if r, ok := e.kb.ReservesRanking(m.ID); ok {
		a.Sections = append(a.Sections, e.reservesSection(r, 3))
	}
	if s, ok := e.usImportSection(m); ok {
		a.Sections = append(a.Sections, s)
	}
	a.Sections = append(a.Sections, listsSection(m))
	if ps := e.kb.PoliciesAbout(m.ID); len(ps) > 0 {
		s := Section{Heading: "Policy"}
		for _, p := range ps[:min(5, len(ps))] {
			s.Items = append(s.Items, p.Date.Human()+": "+p.Title)
		}
		a.Sections = append(a.Sections, s)
	}
	for _, s := range m.Sources {
		a.Sources = appendSource(a.Sources, s)
	}
	return a
}

func worldValue(f knowledge.Figure) string {
	switch f.Status {
	case knowledge.Large:
		return "large"
	case knowledge.Small:
		return "small"
	case knowledge.NotAvailable, knowledge.Withheld:
		return "not available"
	}
	v := number(f.Value)
	if f.AtLeast {
		v = "more than " + v
	}
	return v
}

// producersSection charts a ranking's leading countries.
func producersSection(kb *knowledge.KB, m *knowledge.Mineral, r knowledge.Ranking, n int) Section {
	s := Section{Heading: "Top producers: " + knowledge.MeasureLabel(r.Measure) + ", " + yearLabel(r.Year, r.Estimated)}
	if r.HasShares() {
		for _, row := range r.Top(n) {
			s.Bars = append(s.Bars, Bar{Label: shareLabel(kb, row), Share: row.Share, Value: figureValue(row)})
		}
		lead := r.Rows[0]
		s.Facts = append(s.Facts,
			Fact{Label: "Largest producer", Value: fmt.Sprintf("%s, %s of world %s", kb.CountryName(lead.Country), percent(lead.Share), knowledge.MeasureLabel(r.Measure))},
			Fact{Label: "Top 3 share", Value: percent(r.TopShare(3))},
			Fact{Label: "Concentration (HHI)", Value: fmt.Sprintf("%s, %s", number(float64(int(r.HHI()+0.5))), hhiReading(r.HHI()))},
			Fact{Label: "World", Value: worldValue(*r.World) + " (" + r.Unit + ")"},
		)
		if mx, ok := r.ShareOf("mexico"); ok && lead.Country != "mexico" {
			s.Facts = append(s.Facts, Fact{Label: "Mexico", Value: fmt.Sprintf("#%d, %s", mx.Rank, percent(mx.Share))})
		}
	} else {
		for _, row := range r.Top(n) {
			s.Facts = append(s.Facts, Fact{Label: shareLabel(kb, row), Value: figureValue(row)})
		}
		s.Facts = append(s.Facts, Fact{Label: "Shares", Value: "USGS gives no world total for this table, so no shares are computed"})
	}
	if m.Group != "" && !strings.HasSuffix(r.Measure, "_"+m.ID) {
		s.Note = "From the " + kb.Title(knowledge.Ref{Kind: knowledge.KindMineral, ID: m.Group}) + " table; USGS publishes no separate figures for " + strings.ToLower(m.Name) + ". "
	}
	s.Note += dataNote(r)
	return s
}

// shareLabel names a row: the country, and what its figure counts where that differs from
// the rest of the table ("Turkey (refined borates)").
func shareLabel(kb *knowledge.KB, s knowledge.Share) string {
	if s.Form != "" {
		return kb.CountryName(s.Country) + " (" + s.Form + ")"
	}
	return kb.CountryName(s.Country)
}

// hhiReading reads a Herfindahl–Hirschman index the way competition authorities band it.
func hhiReading(h float64) string {
	switch {
	case h >= 2500:
		return "highly concentrated"
	case h >= 1500:
		return "moderately concentrated"
	}
	return "unconcentrated"
}

func (e *Engine) usImportSection(m *knowledge.Mineral) (Section, bool) {
	s := Section{Heading: "United States"}
	var src knowledge.Source
	if r, ok := e.kb.LatestReliance(m.ID); ok {
		label := "Net import reliance"
		if r.Product != "" {
			label += " (" + r.Product + ")"
		}
		s.Facts = append(s.Facts, Fact{Label: label + ", " + yearLabel(r.Year, r.Estimated), Value: relianceText(r)})
		src = r.Source
	}
	if srcs := e.kb.ImportSourcesOf(m.ID); len(srcs) > 0 {
		product := pickProduct(srcs)
		var parts []string
		for _, x := range srcs {
			if x.Product == product && x.Country != knowledge.Others {
				parts = append(parts, e.kb.CountryName(x.Country)+" "+x.Printed+"%")
			}
		}
		label := "Import sources " + srcs[0].Period
		if product != "" {
			label += " (" + strings.ToLower(product) + ")"
		}
		s.Facts = append(s.Facts, Fact{Label: label, Value: strings.Join(parts, ", ")})
		if src.URL == "" {
			src = srcs[0].Source
		}
	}
	if uses := e.kb.EndUsesOf(m.ID); len(uses) > 0 {
		s.Facts = append(s.Facts, endUsesFact(uses))
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
func endUsesFact(uses []knowledge.EndUse) Fact {
	parts := make([]string, len(uses))
	for i, u := range uses {
		parts[i] = fmt.Sprintf("%s %s%%", u.Use, number(u.Percent))
	}
	label := "End uses, " + yearLabel(uses[0].Year, uses[0].Estimated)
	if n := uses[0].Note; n != "" && n != "estimated" {
		label += " (" + strings.TrimPrefix(n, "estimated; ") + ")"
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

func listsSection(m *knowledge.Mineral) Section {
	s := Section{Heading: "Critical lists"}
	for _, l := range knowledge.Lists {
		if m.On(l) {
			item := l.Title()
			if l == knowledge.USGS2025 && m.AddedIn2025() {
				item += " (added in 2025)"
			}
			s.Items = append(s.Items, item)
		}
	}
	if len(s.Items) == 0 {
		s.Items = []string{"not on the USGS 2025, USGS 2022 or EU CRMA lists"}
	}
	return s
}

// countryCard is a country's profile: where it ranks in every table that lists it (only the
// critical minerals when criticalOnly), and the policy that concerns it.
func (e *Engine) countryCard(c *knowledge.Country, question string, criticalOnly bool) *Answer {
	a := &Answer{Intent: IntentCountry, Question: question, Record: knowledge.Ref{Kind: knowledge.KindCountry, ID: c.ID}}
	a.Title = c.Name
	a.Subtitle = c.NameES
	if c.Profile != nil {
		a.Sections = append(a.Sections, Section{Text: firstParagraph(c.Profile.Summary)})
		for _, s := range c.Profile.Sources {
			a.Sources = appendSource(a.Sources, s)
		}
	}
	st := e.kb.CountryStandings(c.ID)
	if len(st) > 0 {
		s := Section{Heading: "Where it ranks (world production)"}
		if criticalOnly {
			s.Heading = "Critical minerals it produces (world rank and share)"
		}
		for _, x := range st {
			m, _ := e.kb.Mineral(x.Mineral)
			if criticalOnly && !m.On(knowledge.USGS2025) && !hasCriticalMember(e.kb, m) {
				continue
			}
			v := fmt.Sprintf("#%d of %d listed", x.Share.Rank, len(x.Ranking.Rows))
			if x.Share.Share >= 0 {
				v += ", " + percent(x.Share.Share)
			}
			v += " (" + yearLabel(x.Ranking.Year, x.Share.Estimated) + ")"
			label := m.Name + ", " + knowledge.MeasureLabel(x.Ranking.Measure)
			if m.On(knowledge.USGS2025) {
				label += " [critical]"
			}
			s.Facts = append(s.Facts, Fact{Label: label, Value: v})
			a.Sources = appendSource(a.Sources, x.Ranking.Source)
		}
		s.Note = "USGS Mineral Commodity Summaries 2025. Ranks among the countries each table lists by name, and shares of the world total, derived by mineralbot."
		a.Sections = append(a.Sections, s)
	} else {
		a.Sections = append(a.Sections, Section{Text: "No production figures for " + c.Name + " in the USGS tables this knowledge base holds."})
	}
	if ps := e.kb.PoliciesIn(c.ID); len(ps) > 0 {
		s := Section{Heading: "Policy"}
		for _, p := range ps[:min(6, len(ps))] {
			s.Items = append(s.Items, p.Date.Human()+": "+p.Title)
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

func (e *Engine) policyCard(p *knowledge.Policy, question string) *Answer {
	a := &Answer{Intent: IntentPolicy, Question: question, Record: knowledge.Ref{Kind: knowledge.KindPolicy, ID: p.ID}}
	a.Title = p.Title
	when := p.Date.Human()
	if !p.EndDate.IsZero() {
		when += " until " + p.EndDate.Human()
	}
	a.Subtitle = when + " · " + p.Jurisdiction
	a.Sections = append(a.Sections, Section{Text: p.Summary})
	if p.DateNote != "" {
		a.Sections = append(a.Sections, Section{Heading: "About the dates", Text: p.DateNote})
	}
	var names []string
	for _, id := range p.Minerals {
		if m, ok := e.kb.Mineral(id); ok {
			names = append(names, m.Name)
			a.Related = appendLink(a.Related, Link{Ref: knowledge.Ref{Kind: knowledge.KindMineral, ID: id}, Title: m.Name})
		}
	}
	if len(names) > 0 {
		a.Sections = append(a.Sections, Section{Heading: "Minerals", Text: strings.Join(names, ", ")})
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
