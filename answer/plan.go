package answer

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// view answers a query of one measure. It returns nil when the query's shape is not one it
// answers (no record it can speak to), and the engine falls back to full-text search.
type view func(e *snap, ctx context.Context, q Query) (*Answer, error)

// views is the plan: one view per measure. A new measure is a row here and its view.
var views = map[Measure]view{
	MeasureOverview:      (*snap).overviewView,
	MeasureProduction:    (*snap).productionView,
	MeasureReserves:      (*snap).reservesView,
	MeasureReliance:      (*snap).relianceView,
	MeasureImportSources: (*snap).importSourcesView,
	MeasureUses:          (*snap).usesView,
	MeasurePrice:         (*snap).priceView,
	MeasureLists:         (*snap).listsView,
	MeasureListChanges:   (*snap).listChangesView,
	MeasurePolicy:        (*snap).policyView,
	MeasureConcentration: (*snap).concentrationView,
	MeasureChange:        (*snap).changeView,
	MeasureGlossary:      (*snap).glossaryView,
	MeasureAbout:         (*snap).aboutView,
}

// answerQuery answers a parsed query: an honest refusal, or the view of its measure.
func (e *snap) answerQuery(ctx context.Context, q Query) (*Answer, error) {
	if a := e.listProcess(q); a != nil {
		// "who decides the critical minerals list?", "when will the next list come out?":
		// before the forecast refusal, the review cycle is what is known (list_process.go).
		return a, nil
	}
	if q.Refusal != "" && q.Refusal != RefuseLivePrice {
		return e.refusal(q), nil
	}
	if q.Refusal == RefuseLivePrice && len(q.Minerals) == 0 {
		return e.refusal(q), nil
	}
	// After the refusals: "should I invest where China is over 50%?" is advice asked, not
	// the shares.
	if a := e.countriesOverview(q); a != nil {
		return a, nil // "what do Mexico and Peru produce?" (views_countries.go)
	}
	if a := e.countriesCompared(q); a != nil {
		return a, nil // "Mexico vs Peru" (views_countries_compared.go)
	}
	if a := e.policiesCompared(q); a != nil && (q.Compare || namedTogether(q)) && len(q.Minerals) == 0 {
		return a, nil // "section 232 vs section 301" (views_policies_compared.go)
	}
	if a := e.topSuppliers(q); a != nil {
		return a, nil // Helper AD: "which country supplies the most minerals to the US?" (views_ad.go)
	}
	if a := e.relianceOver(q); a != nil {
		return a, nil // Helper AD: "which minerals is the US more than 75% import reliant on?" (views_ad.go)
	}
	if a := e.sharesOver(q); a != nil {
		return a, nil // "critical minerals where China is over 50%" (views_share_over.go)
	}
	if a := e.whyCritical(ctx, q); a != nil {
		return a, nil // "why is antimony critical?" (why_critical.go)
	}
	if a := e.concMoveAnswer(q); a != nil {
		return a, nil // "has graphite supply become more concentrated?" (views_conc_move.go)
	}
	if a := e.moversAnswer(q); a != nil {
		return a, nil // "which countries increased antimony production?" (views_movers.go)
	}
	if a := e.editionAsked(ctx, q); a != nil {
		return a, nil // "is this the 2026 edition?" (views_estimate.go)
	}
	if a := e.estimateAsked(ctx, q); a != nil {
		return a, nil // "is Mexico's silver figure an estimate?" (views_estimate.go)
	}
	if a := e.pairSigned(ctx, q); a != nil {
		return a, nil // Helper W: "did Mexico sign an agreement with the US?" (views_pair_signed.go)
	}
	if a := e.topAndShare(ctx, q); a != nil {
		return a, nil // Helper W: "top 3 silver producers and Mexico's share" (views_top_share.go)
	}
	if a := e.listsLongest(q); a != nil {
		return a, nil // "what's the longest critical minerals list?" (lists_longest.go)
	}
	if a := e.listSizes(q); a != nil {
		return a, nil // "is the EU list longer than the US list?" (views_list_sizes.go)
	}
	if a := e.mineralEU(q); a != nil {
		return a, nil // "gallium EU": its place on the CRMA lists first (views_mineral_eu.go)
	}
	if a, err := e.policyGlossary(ctx, q); a != nil || err != nil {
		return a, err // "what are the CRMA benchmarks?": the glossary's entry (glossary_policy.go)
	}
	if asksNextMeeting(q) {
		// "When is the next US-China summit?": the last meeting of the two recorded.
		return e.nextMeeting(q), nil
	}
	if a := e.sectorProducers(q); a != nil {
		return a, nil // "who produces battery minerals?" (views_sector_leaders.go)
	}
	if a := e.sectorView(q); a != nil {
		// "which minerals are used in batteries?", "is graphite used in batteries?"
		// (views_used_in.go).
		return a, nil
	}
	if a := e.controlsInForce(q); a != nil {
		return a, nil // Helper W: "what export controls are in force?" (controls_in_force.go)
	}
	if a := e.restrictsWhat(q); a != nil {
		// "which countries restrict critical mineral exports?", "what does China restrict?"
		// (restrictors.go).
		return a, nil
	}
	if len(q.Minerals) == 0 && len(q.Policies) == 0 && q.Measure != MeasureLists && q.Measure != MeasureListChanges && q.Measure != MeasurePolicy {
		// "Who produces helium?": an item of a list with no card of its own. What the
		// knowledge base holds of it is which lists name it. What a list changed, or a
		// policy item, may say more of it ("helium dropped off in 2022").
		if a := e.unheldCommodity(q); a != nil {
			return a, nil // Helper AB: "Mexico wollastonite", "Mexico feldspar" (views_unheld.go)
		}
	}
	if q.SinceItem && q.Measure == MeasureChange && len(q.Policies) == 1 && len(q.Minerals) == 0 {
		q.Measure = MeasurePolicy // Helper AC: "what changed since the USMCA review?" (since_item.go)
	}
	if (q.Measure == MeasureProduction || q.Measure == MeasureOverview) && len(q.Minerals) == 0 && len(q.Policies) == 0 && e.namesPolicyTitle(q) {
		// "Did the US shrink national monuments for mining?": the words of an item's title,
		// not a question about what the country produces.
		q.Measure = MeasurePolicy
	}
	if m, ok := e.mineral(q); ok && q.Measure == MeasureOverview && len(q.Minerals) == 1 && !slices.ContainsFunc(q.Countries, func(c string) bool { return c != "united-states" }) {
		if _, named := namedEndUse(e.kb.EndUsesOf(m.ID), q.Terms); named {
			// "what share of US antimony goes to flame retardants": a U.S. end use's share.
			q.Measure = MeasureUses
		}
	}
	if q.UseShare && len(q.Minerals) == 1 {
		// "what % of US lithium goes to batteries?": the end-use table's share, or that it has
		// none (views_use_share.go).
		q.Measure = MeasureUses
	}
	if a := e.worldExports(q); a != nil {
		// "is Mexico the top exporter of fluorspar?": no world export table; U.S. import
		// sources and production instead (world_exports.go).
		return a, nil
	}
	if q.Leaders != "" {
		// "top producer of each critical mineral", "which country produces the most critical
		// minerals?" (views_leaders.go).
		return e.leadersView(q), nil
	}
	if q.Importer != "" && (q.Measure == MeasureReliance || q.Measure == MeasureImportSources) {
		// "how dependent is Mexico on the US?": the tables hold U.S. imports only
		// (views_importer.go).
		return e.foreignImports(ctx, q)
	}
	v := views[q.Measure]
	if v == nil {
		return nil, nil
	}
	a, err := v(e, ctx, q)
	if a == nil || err != nil {
		return a, err
	}
	// "fluorspar: who, how much, what changed": each measure's answer (multi_ask.go).
	e.listedAnswer(ctx, q, a)
	if q.Forecast {
		e.policyForecast(a) // "will China lift rare earth controls?"
	}
	e.demandNote(a, q)    // "lithium demand growth": production, not demand (demand_note.go)
	e.gapNote(a, q)       // "tungsten stockpile", "lead time": not held (views_defense.go)
	e.euImportNote(a, q)  // "EU dependence on China for magnesium": U.S. trade only (views_defense.go)
	e.leaderVerdict(a, q) // "is Mexico the leader in any mineral?"
	e.useVerdict(a, q)    // "is lithium used in ceramics?" (use_verdict.go)
	e.adNotes(a, q)       // Helper AD: "which country has the most lithium?" (views_ad.go)
	if len(q.Corrections) > 0 && len(a.DidYouMean) == 0 {
		for _, c := range q.Corrections {
			if r, ok := e.kb.Resolve(c.To); ok {
				a.DidYouMean = append(a.DidYouMean, e.title(r))
			}
		}
	}
	return a, nil
}

// namesPolicyTitle reports whether two or more of a question's words, other than the most
// common ones of the domain, are words of one policy item's title or aliases.
func (e *snap) namesPolicyTitle(q Query) bool {
	for _, p := range e.kb.Policies {
		words := e.policyWords(p)
		n := 0
		for _, t := range q.Terms {
			if !genericTitleWords[t] && words[stem(t)] == 2 {
				n++
			}
		}
		if n >= 2 {
			return true
		}
	}
	return false
}

// genericTitleWords are in many items' titles and many questions: they tell no item apart.
var genericTitleWords = set("critical", "mineral", "minerals", "mining", "mine", "mines", "production", "produce", "produces",
	"criticos", "minerales", "mineria", "produccion", "produce", "producen", "metals", "metales", "supply", "chains", "chain",
	"exports", "imports", "world", "largest", "biggest", "top",
	"importaciones", "exportaciones", "importacion", "exportacion") // Helper AA: as "imports"

// first returns the first mineral a query names.
func (e *snap) mineral(q Query) (*knowledge.Mineral, bool) {
	if len(q.Minerals) == 0 {
		return nil, false
	}
	return e.kb.Mineral(q.Minerals[0])
}

func (e *snap) overviewView(ctx context.Context, q Query) (*Answer, error) {
	m, ok := e.mineral(q)
	switch {
	case len(q.Minerals) >= 2:
		return e.compareView(q, MeasureOverview), nil
	case ok && len(q.Countries) >= 2:
		return e.acrossCountries(q, m, MeasureProduction), nil
	case !ok && len(q.Countries) >= 2 && (hasAny(q.Terms, togetherWords) || hasAny(q.Rest, togetherWords)):
		// "Mexico and Peru together": the mineral they add up to most in.
		if a, ok := e.countriesTogether(q); ok {
			return a, nil
		}
		c, _ := e.kb.Country(q.Countries[0])
		return e.countryCard(c, q, false), nil
	case ok && len(q.Countries) == 1:
		return e.mineralInCountry(q, m, q.Countries[0]), nil
	case ok:
		return e.mineralCard(m, q), nil
	case len(q.Policies) > 0:
		p, _ := e.kb.Policy(q.Policies[0])
		return e.policyCard(p, q), nil
	case len(q.Countries) > 0:
		c, _ := e.kb.Country(q.Countries[0])
		return e.countryCard(c, q, false), nil
	}
	return nil, nil
}

func (e *snap) productionView(ctx context.Context, q Query) (*Answer, error) {
	m, ok := e.mineral(q)
	switch {
	case len(q.Minerals) >= 2:
		return e.compareView(q, MeasureProduction), nil
	case ok && len(q.Countries) >= 2:
		return e.acrossCountries(q, m, MeasureProduction), nil
	case !ok && len(q.Countries) >= 2 && (hasAny(q.Terms, togetherWords) || hasAny(q.Rest, togetherWords)):
		// "Mexico and Peru together": the mineral they add up to most in.
		if a, ok := e.countriesTogether(q); ok {
			return a, nil
		}
		c, _ := e.kb.Country(q.Countries[0])
		return e.countryCard(c, q, false), nil
	case ok && len(q.Countries) == 1:
		return e.mineralInCountry(q, m, q.Countries[0]), nil
	case ok && (q.Rank > 0 || q.After != ""):
		return e.rankView(q, m, false), nil
	case ok:
		return e.producersAnswer(m, q), nil
	case len(q.Countries) > 0:
		c, _ := e.kb.Country(q.Countries[0])
		return e.countryCard(c, q, slices.Contains(q.Rest, "critical") || hasCue(q, MeasureLists)), nil
	}
	return nil, nil
}

func (e *snap) reservesView(ctx context.Context, q Query) (*Answer, error) {
	m, ok := e.mineral(q)
	switch {
	case ok && q.Lifetime && len(q.Minerals) == 1 && len(q.Countries) <= 1:
		// "how long will lithium reserves last?": reserves over production, a ratio.
		return e.lifetimeAnswer(q, m), nil
	case ok && q.Lifetime && len(q.Minerals) == 1:
		// "how long will Chile's and Australia's lithium reserves last?": each one's ratio
		// (lifetime_each.go).
		return e.lifetimeEach(q, m), nil
	case len(q.Minerals) >= 2:
		return e.compareView(q, MeasureReserves), nil
	case ok && len(q.Countries) >= 2:
		return e.acrossCountries(q, m, MeasureReserves), nil
	case ok && len(q.Countries) == 1:
		return e.mineralInCountry(q, m, q.Countries[0]), nil
	case ok && (q.Rank > 0 || q.After != ""):
		return e.rankView(q, m, true), nil
	case ok:
		return e.reservesAnswer(m, q), nil
	case len(q.Countries) == 1 && len(q.Minerals) == 0:
		if a, ok := e.countryReserves(q.Countries[0]); ok {
			return a, nil // "mexico reserves ranking" (views_country_reserves.go)
		}
		c, _ := e.kb.Country(q.Countries[0])
		return e.countryCard(c, q, false), nil
	case len(q.Countries) > 0:
		c, _ := e.kb.Country(q.Countries[0])
		return e.countryCard(c, q, false), nil
	}
	return nil, nil
}

func (e *snap) concentrationView(ctx context.Context, q Query) (*Answer, error) {
	m, ok := e.mineral(q)
	switch {
	case len(q.Minerals) >= 2:
		return e.compareView(q, MeasureConcentration), nil
	case ok:
		return e.riskAnswer(m, q), nil
	case len(q.Countries) > 0:
		c, _ := e.kb.Country(q.Countries[0])
		return e.countryCard(c, q, false), nil
	case len(q.Policies) == 0:
		// "which mineral is most concentrated?": every mineral's, by HHI.
		return e.concentrationRanking(q), nil
	}
	return nil, nil
}

func (e *snap) usesView(ctx context.Context, q Query) (*Answer, error) {
	switch m, ok := e.mineral(q); {
	case len(q.Minerals) >= 2:
		return e.compareView(q, MeasureUses), nil
	case ok:
		return e.usesAnswer(m, q), nil
	}
	return nil, nil
}

// hasCue reports whether a query's words that named nothing include a cue of a measure.
func hasCue(q Query, m Measure) bool {
	for _, w := range q.Terms {
		if slices.Contains(cueMeasures[w], m) {
			return true
		}
	}
	return false
}

// source is the short name of a figure's edition for a headline: "USGS MCS 2026".
func source(ed knowledge.Edition) string { return "USGS " + ed.String() }

// rankText is a row's rank, with the countries that share it: "#2", "#2, tied with Mongolia".
func (e *snap) rankText(r knowledge.Ranking, row knowledge.Share) string {
	s := e.f("#%s", strconv.Itoa(row.Rank)) // "n.º 2" in Spanish
	if ties := e.tiedWith(r, row); ties != "" {
		s += ", " + ties
	}
	return s
}

// tiedWith names the countries that share a row's rank: "tied with Mongolia", or "".
func (e *snap) tiedWith(r knowledge.Ranking, row knowledge.Share) string {
	ties := e.tiedCountries(r, row)
	if ties == "" {
		return ""
	}
	return e.f("tied with %s", ties)
}

// tiedCountries names the other countries a row shares its rank with ("Mongolia"), or "".
func (e *snap) tiedCountries(r knowledge.Ranking, row knowledge.Share) string {
	var ties []string
	for _, x := range r.Rows {
		if x.Rank == row.Rank && x.Country != row.Country {
			ties = append(ties, e.countryName(x.Country))
		}
	}
	return e.and(ties)
}

// and joins names: "A", "A and B", "A, B and C".
func (e *snap) and(names []string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return names[0]
	}
	return e.f("%s and %s", strings.Join(names[:len(names)-1], ", "), names[len(names)-1])
}

// shortUnit is a unit without what it counts: "metric tons" of "metric tons, antimony content".
func (e *snap) shortUnit(unit string) string {
	u, _, _ := strings.Cut(unit, ",")
	return e.t(strings.TrimSpace(u))
}

// amount is a figure with its unit: "6,300 metric tons".
func (e *snap) amount(row knowledge.Share, unit string) string {
	return figureValue(row) + " " + e.shortUnit(unit)
}

// leadSentence says who leads a ranking: "China accounted for 36% of world mine production
// of antimony in 2025e (USGS MCS 2026)."
func (e *snap) leadSentence(m *knowledge.Mineral, r knowledge.Ranking) string {
	lead := r.Rows[0]
	var leaders []string
	for _, x := range r.Rows {
		if x.Rank == 1 {
			leaders = append(leaders, e.countryAfterIn(x.Country))
		}
	}
	leaders[0] = capitalize(leaders[0]) // the sentence's first word
	name := strings.ToLower(e.mineralName(m))
	if r.Mineral != m.ID {
		if g, ok := e.kb.Mineral(r.Mineral); ok {
			name = strings.ToLower(e.mineralName(g))
		}
	}
	if !r.HasShares() {
		return e.f("%s led world %s of %s in %s with %s (%s); USGS gives no world total, so no shares.",
			e.and(leaders), e.measure(r.Measure), name, yearLabel(r.Year, r.Estimated), e.amount(lead, r.Unit), source(r.Edition))
	}
	if len(leaders) > 1 {
		return e.f("%s tied for first in world %s of %s in %s, with %s each (%s).",
			e.and(leaders), e.measure(r.Measure), name, yearLabel(r.Year, r.Estimated), percent(lead.Share), source(r.Edition))
	}
	if strings.Contains(e.measure(r.Measure), strings.ToLower(e.mineralName(m))) {
		// The measure names the mineral already: "palladium mine production".
		return e.f("%s accounted for %s of world %s in %s (%s).",
			leaders[0], percent(lead.Share), e.measure(r.Measure), yearLabel(r.Year, r.Estimated), source(r.Edition))
	}
	return e.f("%s accounted for %s of world %s of %s in %s (%s).",
		leaders[0], percent(lead.Share), e.measure(r.Measure), name, yearLabel(r.Year, r.Estimated), source(r.Edition))
}

// nextCount is how many countries the headline names after the leader: two, or the rest of
// the top N asked ("top 5 cobalt producers": the leader and four more), up to ten in all.
func nextCount(r knowledge.Ranking, q Query) int {
	if q.Top <= 0 {
		return 2
	}
	leaders := 0
	for _, row := range r.Rows {
		if row.Rank == 1 {
			leaders++
		}
	}
	return max(0, min(q.Top, 10)-max(leaders, 1))
}

// nextSentence names the producers after the leader: "Next: Russia (15%) and Tajikistan (13%)."
func (e *snap) nextSentence(r knowledge.Ranking, n int) string {
	var parts []string
	for _, row := range r.Rows {
		if row.Rank == 1 {
			continue
		}
		if len(parts) == n {
			break
		}
		p := e.countryName(row.Country)
		if row.Share >= 0 {
			p += " (" + percent(row.Share) + ")"
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 {
		return ""
	}
	return e.f("Next: %s.", e.and(parts))
}

// worldChange says how the world total moved between the two latest years of the ranking's
// edition: "World total: 119,000 in 2024 → 110,000 in 2025e (metric tons)."
func (e *snap) worldChange(r knowledge.Ranking) string {
	c, ok := e.kb.ChangeIn(r.Mineral, r.Measure, knowledge.World, r.Edition, r.Year-1, r.Year)
	if !ok || !c.Known() {
		return ""
	}
	pct, _ := c.Percent()
	return e.f("World total: %s in %s → %s in %s (%s, %s).", number(c.From.Value), yearLabel(c.From.Year, c.From.Estimated),
		number(c.To.Value), yearLabel(c.To.Year, c.To.Estimated), signed(pct), e.shortUnit(r.Unit))
}

// signed formats a percentage change: "+4.2%", "−7.6%".
func signed(pct float64) string {
	s := strconv.FormatFloat(pct, 'f', 1, 64)
	switch {
	case pct > 0:
		return "+" + s + "%"
	case pct < 0:
		return "−" + s[1:] + "%"
	}
	return "0%"
}

// sentences joins the non-empty sentences of a headline.
func sentences(ss ...string) string {
	var out []string
	for _, s := range ss {
		if s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, " ")
}
