package answer

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper AD: mineral, country and trade questions.
//
//   - "how much of the world's silver do Mexico and Peru produce?": two countries and the
//     world named ask their combined share, as "together" does (asksCombined).
//   - "¿cuánta plata se produce en el mundo?": an amount and "el mundo" ask the world's figure
//     (worldAmount).
//   - "which country has the most lithium?": "has" is production or reserves; production
//     leads and the largest reserves follow (readHoldsMost, holdsMostNote).
//   - "what's the deal with gallium?": an idiom for "tell me about", not an agreement
//     (dealIdiom).
//   - "is more lithium or cobalt mined?": a choice between minerals asks their world totals
//     (mineralsChoice).
//   - "did Mexico produce more fluorspar in 2024?": a yes or no where no one edition prints
//     both years (seriesVerdict).

// worldAmount reports whether a question asks an amount of the world by naming it as a noun
// ("¿cuánto zinc produce el mundo?", "how much silver does the world produce?") or by asking
// how much is produced, naming no producer ("how much lithium was produced in 2024?",
// "¿cuánto litio se produce?").
func worldAmount(norm []string, q Query) bool {
	if !q.Amount || len(q.Minerals) == 0 {
		return false
	}
	if worldWord(norm) {
		return true
	}
	for i := 0; i+1 < len(norm); i++ {
		if passiveAux[norm[i]] && producedWords[norm[i+1]] || i+2 < len(norm) && passiveAux[norm[i]] && producedWords[norm[i+2]] {
			return true // "was produced", "is mined", "se produce", "se produjo"
		}
	}
	return false
}

// passiveAux and producedWords make a passive of producing: "is produced", "se produce".
var (
	passiveAux    = set("is", "was", "are", "were", "gets", "got", "se")
	producedWords = set("produced", "mined", "extracted", "produce", "producen", "produjo", "produjeron", "extrae", "extraen", "extrajo",
		"mina", "minan")
)

// asksCombined reports whether a question on two or more countries' figures asks them added
// up: "together", or an amount or share of the world's ("how much of the world's silver do
// Mexico and Peru produce?", "what share of world silver do they produce?").
func asksCombined(q Query) bool {
	if hasAny(q.Terms, togetherWords) || hasAny(q.Rest, togetherWords) {
		return true
	}
	return len(q.Countries) > 1 && (q.WorldNamed && q.Amount || q.Share) && !q.Compare && q.Comparative == "" && !q.YesNo
}

// holdsMostVerbs and holdsMostWords: "which country has the most lithium?", "¿qué país tiene
// más litio?".
var (
	holdsMostVerbs = set("have", "has", "tiene", "tienen", "posee", "poseen")
	holdsMostWords = set("most", "mas", "largest", "biggest")
)

// readHoldsMost marks a question asking which country "has" the most of one mineral, naming
// no measure: it reads as production, the figure USGS ranks first, and the answer adds who
// holds the largest reserves.
func readHoldsMost(norm []string, q *Query) {
	if len(q.Minerals) != 1 || len(q.Countries) > 0 || q.YesNo || q.Compare || q.Refusal != "" ||
		q.Measure != MeasureOverview && q.Measure != MeasureProduction {
		return
	}
	verb, most, who := false, false, false
	for _, w := range norm {
		switch {
		case holdsMostVerbs[w]:
			verb = true
		case holdsMostWords[w] && verb:
			most = true
		case w == "who" || w == "which" || w == "country" || w == "countries" || w == "quien" || w == "pais" || w == "paises":
			who = true
		}
	}
	if verb && most && who {
		q.HoldsMost, q.Most = true, true
		q.Measure = MeasureProduction
	}
}

// holdsMostNote adds to a production answer asked with "has" who holds the largest reserves.
func (e *snap) holdsMostNote(a *Answer, q Query) {
	if !q.HoldsMost || a == nil || a.Headline == "" {
		return
	}
	m, ok := e.mineral(q)
	if !ok {
		return
	}
	r, ok := e.kb.ReservesRanking(m.ID)
	if !ok || len(r.Rows) < 2 || r.Rows[1].Rank == 1 {
		return
	}
	lead := r.Rows[0]
	var s string
	if lead.Share >= 0 {
		s = e.f("%s holds the largest %s reserves: %s, %s of the world's (%s).", e.countrySubject(lead.Country), e.tableName(m, r),
			e.amount(lead, r.Unit), percent(lead.Share), source(r.Edition))
	} else {
		s = e.f("%s holds the largest %s reserves: %s (%s).", e.countrySubject(lead.Country), e.tableName(m, r),
			e.amount(lead, r.Unit), source(r.Edition))
	}
	h := a.Headline
	if len(sentencesOf(h)) >= 3 {
		h = sentences(sentencesOf(h)[:2]...)
	}
	if fitsHeadline(sentences(h, s)) {
		a.Headline = sentences(h, s)
	}
}

// dealIdiom marks "deal" used in "what's the deal with gallium?" when a mineral alone is
// named: the idiom asks about the mineral, not an agreement on it.
func dealIdiom(norm []string, used []bool, q Query) {
	if len(q.Minerals) == 0 || len(q.Countries)+len(q.Policies) > 0 {
		return
	}
	for i := 1; i+1 < len(norm); i++ {
		if norm[i] == "deal" && !used[i] && norm[i-1] == "the" && (norm[i+1] == "with" || norm[i+1] == "about") {
			used[i] = true
		}
	}
}

// mineralsChoice reports whether a question offers minerals to choose between by amount,
// naming no country: "is more lithium or cobalt mined?", "which is produced more, lithium
// or cobalt?". It asks their world totals.
func mineralsChoice(q Query) bool {
	return len(q.Minerals) >= 2 && len(q.Countries) == 0 && q.Comparative == choicePrefix+"more"
}

// seriesVerdict answers yes or no whether a figure rose (or fell) between two years no one
// edition prints both of, from each year's figure in the newest edition that prints it,
// each labelled with it (as spanChange words it): "Yes — in Mexico, mine production of
// fluorspar went from 1,160 in 2023 (USGS MCS 2025) to 1,510 in 2024 (USGS MCS 2026), …".
// The newest edition's revision of the later year follows. ok is false unless the question is a yes/no on a direction with both figures.
func (e *snap) seriesVerdict(q Query, r knowledge.Ranking, name, subject string, from, to int) (string, bool) {
	if !q.YesNo || q.Direction == "" || from >= to {
		return "", false
	}
	newest := func(y int) (knowledge.Figure, bool) {
		eds := e.kb.Editions()
		for i := len(eds) - 1; i >= 0; i-- {
			if f, ok := e.kb.FigureIn(r.Mineral, r.Measure, subject, y, eds[i]); ok && f.Known() {
				return f, true
			}
		}
		return knowledge.Figure{}, false
	}
	f0, ok0 := newest(from)
	f1, ok1 := newest(to)
	if !ok0 || !ok1 {
		return "", false
	}
	c := knowledge.Change{Mineral: r.Mineral, Measure: r.Measure, Country: subject, Edition: f1.Edition, From: f0, To: f1}
	pct, ok := c.Percent()
	if !ok {
		return "", false
	}
	var head string
	if subject == knowledge.World {
		head = e.f("World %s of %s went from %s in %s (%s) to %s in %s (%s), %s (%s).", e.measure(r.Measure), name,
			number(f0.Value), yearLabel(from, f0.Estimated), source(f0.Edition), number(f1.Value), yearLabel(to, f1.Estimated), source(f1.Edition),
			signed(pct), e.shortUnit(r.Unit))
	} else {
		head = e.f("In %s, %s of %s went from %s in %s (%s) to %s in %s (%s), %s (%s).", e.countryAfterIn(subject), e.measure(r.Measure), name,
			number(f0.Value), yearLabel(from, f0.Estimated), source(f0.Edition), number(f1.Value), yearLabel(to, f1.Estimated), source(f1.Edition),
			signed(pct), e.shortUnit(r.Unit))
	}
	head = e.directionVerdict(q, c, head)
	for _, ed := range e.kb.Editions() {
		// The later year as an older edition printed it, when the newest revised it.
		if ed >= f1.Edition {
			continue
		}
		if old, ok := e.kb.FigureIn(r.Mineral, r.Measure, subject, to, ed); ok && old.Known() && old.Value != f1.Value {
			head = sentences(head, e.f("%s revised the %s figure from %s (%s, %s) to %s.", f1.Edition.String(), strconv.Itoa(to),
				number(old.Value), yearLabel(to, old.Estimated), ed.String(), number(f1.Value)))
			break
		}
	}
	return head, true
}

// tablesShow says what the tables show of a country no row of a mineral's tables lists as a
// figure, where the production table prints it at zero ("puts … in the United States at
// zero"), after saying there is no reserves table when reserves were asked. It is "" when
// the table does not print the country.
func (e *snap) tablesShow(m *knowledge.Mineral, country string, q Query) string {
	if !e.printedZero(m, country, q) {
		return "" // not listed at all: the tables list no figures for it, as said
	}
	s, ok := e.notListed(m, country, q)
	if !ok {
		return ""
	}
	if q.Measure == MeasureReserves {
		if r, ok := e.kb.ReservesRanking(m.ID); !ok || len(r.Rows) == 0 {
			s = sentences(e.f("USGS gives no reserves by country for %s in the tables this knowledge base holds.", strings.ToLower(e.mineralName(m))), s)
		}
	}
	return s
}

// printedZero reports whether a mineral's first production table prints a country's figure as
// zero, in the year notListed reads.
func (e *snap) printedZero(m *knowledge.Mineral, country string, q Query) bool {
	for _, measure := range e.kb.Measures(m.ID) {
		if knowledge.IsReserves(measure) || knowledge.IsCapacity(measure) {
			continue
		}
		r := e.rank(m, measure, 0, q)
		if q.Year != 0 && q.Year != r.Year {
			r = e.kb.RankIn(r.Mineral, measure, q.Year, r.Edition)
		}
		f, ok := e.kb.FigureIn(r.Mineral, measure, country, r.Year, r.Edition)
		return len(r.Rows) > 0 && ok && f.Known() && f.Value == 0
	}
	return false
}

// directionFollowUp makes a follow-up that asks which way a figure moved ("did it go up?",
// "¿subió?") after a production question ask how it changed, not the standing again; "who
// has the most?" after a mineral is read as the question asked in full.
func directionFollowUp(prev Query, q string, pq *Query) {
	readHoldsMost(followWords(q), pq)
	if prev.Measure == MeasurePrice && pq.Measure == MeasureChange && pq.Direction != "" {
		pq.Measure = MeasurePrice // "precio del antimonio" then "¿por qué subió?": the price's move
		return
	}
	if pq.Direction == "" || len(pq.Minerals) == 0 || pq.Measure != MeasureProduction && pq.Measure != MeasureOverview {
		return
	}
	pq.Measure = MeasureChange
}

// compareFollowUp reads a follow-up that names only other minerals after a comparison of
// minerals ("compare lithium and cobalt" then "and nickel?") as the comparison with them
// added: the same measure, and the world totals where those were asked.
func compareFollowUp(prev Query, pq *Query, q string) bool {
	if !prev.Compare || len(prev.Minerals) < 2 || len(prev.Countries) > 0 || len(pq.Minerals) == 0 ||
		len(pq.Countries)+len(pq.Policies) > 0 || pq.Measure != MeasureOverview || pq.Compare || pq.Why || pq.Define ||
		pq.Refusal != "" || !followUpWords(q) {
		return false
	}
	ms := append([]string(nil), prev.Minerals...)
	seen := make(map[string]bool, len(ms))
	for _, id := range ms {
		seen[id] = true
	}
	for _, id := range pq.Minerals {
		if !seen[id] {
			seen[id] = true
			ms = append(ms, id)
		}
	}
	pq.Minerals, pq.Compare, pq.Measure = ms, true, prev.Measure
	pq.World = pq.World || prev.World
	if strings.HasPrefix(prev.Comparative, choicePrefix) {
		pq.Comparative = prev.Comparative
	}
	if len(pq.Lists) == 0 {
		pq.Lists = prev.Lists
	}
	return true
}

// carryCombined keeps a question on several countries' combined share combined when a
// follow-up names another mineral: "how much of the world's silver do Mexico and Peru
// produce?" then "and zinc?".
func carryCombined(prev Query, pq *Query) {
	if len(prev.Countries) < 2 || !asksCombined(prev) {
		return
	}
	pq.WorldNamed, pq.Amount, pq.Share = prev.WorldNamed, prev.Amount, prev.Share
	if !hasAny(pq.Terms, togetherWords) {
		for _, w := range prev.Terms {
			if togetherWords[w] {
				pq.Terms = append(pq.Terms, w)
				break
			}
		}
	}
}

// Trade verbs a question may use for U.S. imports and exports in place of "import" and
// "export": "which minerals does the US get from Mexico?", "what does the US export?".
var (
	getFromVerbs = set("get", "gets", "got", "buy", "buys", "bought", "purchase", "purchases", "purchased", "source", "sources",
		"sourced", "receive", "receives", "received", "obtain", "obtains", "come", "comes", "compra", "compran", "obtiene",
		"obtienen", "recibe", "reciben", "llega", "llegan", "vienen", "viene", "consigue")
	adFromWords = set("from", "de", "desde", "a")
	exportVerbs = set("export", "exports", "exported", "exporting", "exporta", "exportan", "exporto")
	importVerbs = set("import", "imports", "imported", "importa", "importan", "importo", "imported")
)

// readTrade reads U.S. trade asked in other words: minerals the U.S. gets (buys, receives)
// from a country are its imports from there; minerals the U.S. exports are those it is a net
// exporter of, the only export figure USGS gives. It leaves a question naming a measure alone.
func readTrade(norm []string, q *Query) {
	if q.Measure != MeasureOverview && q.Measure != MeasureProduction || q.Refusal != "" || len(q.Policies) > 0 ||
		!slices.Contains(q.Countries, "united-states") || hasAny(norm, importVerbs) {
		return
	}
	switch {
	case len(q.Countries) == 2 && hasAny(norm, getFromVerbs) && hasAny(norm, adFromWords) && q.Countries[0] == "united-states":
		q.Measure = MeasureImportSources // "which minerals does the US get from Mexico?"
	case len(q.Countries) == 1 && hasAny(norm, getFromVerbs) && hasAny(norm, set("where", "donde")):
		q.Measure = MeasureImportSources // "where does the US get it?"
	case len(q.Countries) == 1 && hasAny(norm, exportVerbs):
		// "which minerals does the US export?": the net exporters; "does the US export zinc?":
		// its net trade, form by form, without a verdict one form could belie.
		q.Measure = MeasureReliance
		if len(q.Minerals) == 0 {
			q.Terms = append(q.Terms, "exporter")
		}
	}
}

// percentSign reports whether a question writes "%" for a share rather than after a number:
// "what % of US cobalt is imported?".
func percentSign(text string) bool {
	for i := strings.IndexByte(text, '%'); i >= 0; {
		j := i - 1
		for j >= 0 && text[j] == ' ' {
			j--
		}
		if j < 0 || text[j] < '0' || text[j] > '9' {
			return true
		}
		k := strings.IndexByte(text[i+1:], '%')
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

// maxRelianceOverNamed bounds the minerals a headline names of those over a reliance
// threshold; the rest are counted.
const maxRelianceOverNamed = 10

// relianceOver answers which minerals the U.S. relied on net imports for more than a share
// of: "which minerals is the US more than 75% import reliant on?", "which minerals are over
// 90% imported?". Each mineral's main form, in the latest year USGS gives; a figure printed
// as a bound (">50") counts when the bound is at least the threshold. nil unless the
// question sets a threshold on U.S. import reliance and names no mineral.
func (e *snap) relianceOver(q Query) *Answer {
	if q.Threshold <= 0 || q.Threshold > 1 || len(q.Minerals) > 0 || q.Measure != MeasureReliance && q.Measure != MeasureImportSources {
		return nil
	}
	for _, c := range q.Countries {
		if c != "united-states" {
			return nil
		}
	}
	if _, ok := sectorAsked(q); ok {
		return nil
	}
	t := q.Threshold * 100
	pct := strconv.Itoa(int(t+0.5)) + "%"
	type row struct {
		m *knowledge.Mineral
		r knowledge.Reliance
	}
	var rows []row
	for _, m := range e.kb.Minerals {
		l := e.latestByProduct(m.ID)
		if len(l) == 0 || l[0].NetExporter() || l[0].Printed == "NA" || l[0].Printed == "W" || strings.HasPrefix(l[0].Printed, "<") {
			continue
		}
		r := l[0]
		if r.Percent > t || strings.HasPrefix(r.Printed, ">") && r.Percent >= t {
			rows = append(rows, row{m, r})
		}
	}
	slices.SortStableFunc(rows, func(a, b row) int {
		if a.r.Percent != b.r.Percent {
			if a.r.Percent > b.r.Percent {
				return -1
			}
			return 1
		}
		return 0
	})
	a := &Answer{Intent: IntentRelianceRanking, Title: e.f("U.S. net import reliance over %s", pct)}
	var items []vintaged
	s := Section{Heading: e.t("Net import reliance, latest year")}
	for i, x := range rows {
		name := strings.ToLower(e.mineralName(x.m))
		if x.r.Product != "" {
			name += " (" + e.t(x.r.Product) + ")"
		}
		if i < maxRelianceOverNamed {
			items = append(items, vintaged{name + " (" + e.relianceText(x.r) + ")", yearLabel(x.r.Year, x.r.Estimated), x.r.Edition})
		}
		if i < 25 {
			s.Facts = append(s.Facts, Fact{Label: capitalize(name), Value: e.relianceText(x.r) + ", " + yearLabel(x.r.Year, x.r.Estimated) + " (" + source(x.r.Edition) + ")"})
		}
	}
	switch len(rows) {
	case 0:
		a.Headline = e.f("USGS gives no mineral for which the U.S. relied on net imports for more than %s of its apparent consumption.", pct)
	case 1:
		a.Headline = e.f("The U.S. relied on net imports for more than %s of its apparent consumption of 1 mineral, in the latest year USGS gives: %s.", pct, e.byVintage(items, 1))
	default:
		a.Headline = e.f("The U.S. relied on net imports for more than %s of its apparent consumption of %s minerals, in the latest year USGS gives for each: %s.",
			pct, strconv.Itoa(len(rows)), e.byVintage(items, len(rows)))
	}
	if len(rows) > 0 {
		a.Sections = append(a.Sections, s)
	}
	return a
}

// adNotes are Helper AD's additions to a view's answer, in turn.
func (e *snap) adNotes(a *Answer, q Query) {
	e.holdsMostNote(a, q)
	e.listLeadVerdict(a, q)
	e.relianceCompared(a, q)
	e.whyMoveNote(a, q)
	e.amountGap(a, q)
}

// whyMoveNote says, after the figures of a move asked "why?" of ("why did the antimony price
// go up?"), that they give the move and not its causes.
func (e *snap) whyMoveNote(a *Answer, q Query) {
	if a == nil || !q.Why || q.Measure != MeasurePrice && q.Measure != MeasureChange || a.Headline == "" {
		return
	}
	h := sentencesOf(a.Headline)
	head := sentences(h[:min(2, len(h))]...)
	if s := sentences(head, e.t("The USGS figures in this knowledge base give the move, not its causes.")); fitsHeadline(s) {
		a.Headline = s
	}
}

// maxListLeadsNamed bounds the minerals a list-lead verdict names.
const maxListLeadsNamed = 4

// listLeadVerdict answers whether a country leads world production of any mineral on a
// critical list ("is Mexico a leader in any critical mineral?", "does Peru lead in any
// critical mineral?") from the minerals it leads that are on the list, not from every one it
// leads: the verdict and the minerals first, what it produces of the list after.
func (e *snap) listLeadVerdict(a *Answer, q Query) {
	if a == nil || len(q.Countries) != 1 || len(q.Minerals) != 0 || q.Measure != MeasureLists || q.Leaders != "" ||
		!q.Most && !hasAny(q.Terms, leaderWords) && !hasAny(q.Terms, set("lead", "leads", "encabeza", "lidera")) {
		return
	}
	l := askedList(q)
	c := q.Countries[0]
	var items []vintaged
	n := 0
	// The list's minerals' top producers as "which country produces the most critical
	// minerals?" counts them (views_leaders.go), so the two answers agree.
	type lead struct {
		x     listLeader
		share float64
	}
	var leads []lead
	for _, x := range e.listLeaders(l) {
		if slices.Contains(x.leaders, c) {
			row, _ := x.r.ShareOf(c)
			leads = append(leads, lead{x, row.Share})
		}
	}
	slices.SortStableFunc(leads, func(a, b lead) int { return cmp.Compare(b.share, a.share) }) // largest share first
	n = len(leads)
	for _, ld := range leads[:min(len(leads), maxListLeadsNamed)] {
		name := strings.ToLower(ld.x.name)
		if ld.share >= 0 {
			name += " (" + percent(ld.share) + ")"
		}
		items = append(items, vintaged{name, yearLabel(ld.x.r.Year, ld.x.r.Estimated), ld.x.r.Edition})
	}
	var head string
	if n == 0 {
		head = e.f("%s leads world production of none of the minerals on the %s (USGS tables, newest edition of each).",
			e.countrySubject(q.Countries[0]), e.listName(l))
	} else {
		head = e.f("%s is the world's largest producer of %s on the %s: %s.", e.countrySubject(q.Countries[0]),
			e.mineralCount(n), e.listName(l), e.byVintage(items, n))
	}
	if q.YesNo {
		head = e.verdict(n > 0, head) // "is Mexico a leader in any critical mineral?"
	}
	rest := strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(a.Headline, e.verdict(true, "")), e.verdict(false, "")), " ")
	if strings.HasPrefix(rest, e.countrySubject(q.Countries[0])) { // what the view said of the country, not of the list
		if s := sentencesOf(rest); len(s) > 0 && fitsHeadline(sentences(head, s[0])) {
			head = sentences(head, s[0]) // what it produces of the list
		}
	}
	a.Headline = head
}

// mineralCount is "1 mineral" or "N minerals".
func (e *snap) mineralCount(n int) string {
	if n == 1 {
		return e.t("1 mineral")
	}
	return e.f("%s minerals", strconv.Itoa(n))
}

// carryYesNo keeps what a yes/no question asked of the place ("the biggest", "the second",
// "in the top 3", "a major producer") when a follow-up asks it of another mineral: "is
// Mexico the biggest silver producer?" then "and zinc?" is whether it is the biggest there.
func carryYesNo(prev Query, pq *Query) {
	if !prev.YesNo {
		return
	}
	pq.Most = pq.Most || prev.Most
	pq.Major = pq.Major || prev.Major
	if pq.Rank == 0 {
		pq.Rank = prev.Rank
	}
	if pq.Top == 0 {
		pq.Top = prev.Top
	}
	if pq.Comparative == "" {
		pq.Comparative = prev.Comparative
	}
	if pq.Direction == "" {
		pq.Direction = prev.Direction
	}
}

// sectorWhoWords ask which country: "which country dominates battery minerals?".
var sectorWhoWords = set("who", "country", "countries", "nation", "nations", "quien", "quienes", "pais", "paises")

// readSectorWho reads a question asking which country dominates or controls a sector's
// minerals as who leads their production, not which of them is the most concentrated.
func readSectorWho(norm []string, q *Query) {
	readGotCheaper(norm, q) // and "which minerals got cheaper?"
	if q.Measure != MeasureConcentration || len(q.Minerals)+len(q.Countries)+len(q.Policies) > 0 || !hasAny(norm, sectorWhoWords) {
		return
	}
	if _, ok := sectorAsked(*q); ok {
		q.Measure = MeasureProduction
	}
}

// relianceCompared puts first, for two minerals' U.S. net import reliance compared, which
// the U.S. relied on more, where their figures settle it: two plain percentages, or a bound
// ("more than 50%") against a plain figure no higher than it.
func (e *snap) relianceCompared(a *Answer, q Query) {
	if q.Measure != MeasureReliance || len(q.Minerals) != 2 || !q.Compare && q.Comparative == "" || q.YesNo {
		return
	}
	for _, c := range q.Countries {
		if c != "united-states" {
			return
		}
	}
	type fig struct {
		m *knowledge.Mineral
		r knowledge.Reliance
	}
	var fs []fig
	for _, id := range q.Minerals {
		m, ok := e.kb.Mineral(id)
		if !ok {
			return
		}
		l := e.latestByProduct(m.ID)
		if len(l) == 0 || l[0].NetExporter() || l[0].Printed == "NA" || l[0].Printed == "W" || strings.HasPrefix(l[0].Printed, "<") {
			return
		}
		fs = append(fs, fig{m, l[0]})
	}
	x, y := fs[0], fs[1]
	bx, by := strings.HasPrefix(x.r.Printed, ">"), strings.HasPrefix(y.r.Printed, ">")
	var more, less fig
	switch {
	case bx && by:
		return
	case !bx && !by && x.r.Percent == y.r.Percent:
		if fitsHeadline(sentences(e.f("The U.S. relied on net imports for the same share of %s and %s.", strings.ToLower(e.mineralName(x.m)),
			strings.ToLower(e.mineralName(y.m))), a.Headline)) {
			a.Headline = sentences(e.f("The U.S. relied on net imports for the same share of %s and %s.", strings.ToLower(e.mineralName(x.m)),
				strings.ToLower(e.mineralName(y.m))), a.Headline)
		}
		return
	case !bx && !by:
		more, less = x, y
		if y.r.Percent > x.r.Percent {
			more, less = y, x
		}
	case bx && y.r.Percent <= x.r.Percent:
		more, less = x, y
	case by && x.r.Percent <= y.r.Percent:
		more, less = y, x
	default:
		return // "more than 50%" against 79%: not settled
	}
	head := e.f("The U.S. relied more on net imports for %s (%s) than for %s (%s).", strings.ToLower(e.mineralName(more.m)), e.relianceText(more.r),
		strings.ToLower(e.mineralName(less.m)), e.relianceText(less.r))
	if fitsHeadline(sentences(head, a.Headline)) {
		a.Headline = sentences(head, a.Headline)
	}
}

// becameWords say a price became what follows: "which minerals got cheaper in 2025?" asks
// which prices fell, not which are the cheapest.
var becameWords = set("got", "get", "gets", "getting", "became", "become", "becoming", "went", "turned", "grew", "volvieron")

// readGotCheaper reads "which minerals got cheaper?" as which prices fell, largest first.
func readGotCheaper(norm []string, q *Query) {
	if q.Measure != MeasurePrice || len(q.Minerals) > 1 || q.Direction != "" {
		return
	}
	switch {
	case hasAny(norm, set("abarataron", "abarato", "abaratado")) || q.Cheaper && hasAny(norm, becameWords):
		q.Cheaper, q.Direction = false, "down" // "which minerals got cheaper?", "did lithium get cheaper?"
	case hasAny(norm, set("encarecieron", "encarecio")):
		q.Direction = "up"
	}
}

// politeAsk reports whether a question opens by asking to be told or shown something ("¿me
// puedes decir…?", "¿podrías darme…?", "could you show me…"): it asks for what follows, not
// yes or no.
func politeAsk(norm []string) bool {
	i := 0
	if i < len(norm) && (norm[i] == "me" || norm[i] == "nos") {
		i++
	}
	if i >= len(norm) || !set("puedes", "podrias", "puede", "podria", "pueden", "podrian", "can", "could", "would", "will")[norm[i]] {
		return false
	}
	for _, w := range norm[i+1 : min(i+4, len(norm))] {
		if politeVerbs[w] {
			return true
		}
	}
	return false
}

// politeVerbs are the verbs of asking to be told: "decir", "tell", "darme", "show".
var politeVerbs = set("decir", "decirme", "decirnos", "dar", "darme", "darnos", "mostrar", "mostrarme", "explicar", "explicarme",
	"indicar", "indicarme", "informar", "informarme", "tell", "show", "give", "explain", "list")

// worldReservesCompared sets minerals' world reserves side by side, and for two in the same
// unit says which is larger, when the question asks the world's or offers the minerals to
// choose between: "are there more lithium or cobalt reserves?". "" otherwise, or when a
// mineral has no known world total.
func (e *snap) worldReservesCompared(q Query) string {
	if !q.World && !mineralsChoice(q) || len(q.Countries) > 0 || len(q.Minerals) < 2 || len(q.Minerals) > maxWorldCompared {
		return ""
	}
	ts, ok := e.worldTotalsOf(q, e.kb.ReservesRanking)
	if !ok {
		return ""
	}
	var parts []string
	for _, t := range ts {
		parts = append(parts, strings.ToLower(e.mineralName(t.m))+" "+number(t.r.World.Value)+" "+e.shortUnit(t.r.Unit)+" ("+source(t.r.Edition)+")")
	}
	head := e.f("World reserves — %s.", e.and(parts))
	if len(ts) == 2 && e.shortUnit(ts[0].r.Unit) == e.shortUnit(ts[1].r.Unit) && ts[0].r.World.Value != ts[1].r.World.Value {
		big, small := ts[0], ts[1]
		if small.r.World.Value > big.r.World.Value {
			big, small = small, big
		}
		head = sentences(e.f("World reserves of %s are larger than those of %s, by the totals USGS gives.", strings.ToLower(e.mineralName(big.m)),
			strings.ToLower(e.mineralName(small.m))), head)
	}
	return head
}

// amountGap puts first, for "how much more silver does Mexico produce than Peru?", the
// difference between the two countries' figures in the one table both are in: "Mexico
// produced 2,700 metric tons more silver than Peru in 2025e (USGS MCS 2026)."
func (e *snap) amountGap(a *Answer, q Query) {
	if a == nil || !q.Amount || q.Comparative != "more" && q.Comparative != "less" || len(q.Countries) != 2 || len(q.Minerals) != 1 || q.Year != 0 ||
		q.Measure != MeasureProduction && q.Measure != MeasureReserves && q.Measure != MeasureOverview {
		return
	}
	m, ok := e.mineral(q)
	if !ok {
		return
	}
	reserves := q.Measure == MeasureReserves
	r1, x, ok1 := e.countryRow(m, q.Countries[0], reserves, 0)
	r2, y, ok2 := e.countryRow(m, q.Countries[1], reserves, 0)
	if !ok1 || !ok2 || r1.Measure != r2.Measure || r1.Year != r2.Year || r1.Edition != r2.Edition || x.AtLeast || y.AtLeast || x.Form != "" || y.Form != "" {
		return
	}
	big, small, bigID, smallID := x, y, q.Countries[0], q.Countries[1]
	if y.Value > x.Value {
		big, small, bigID, smallID = y, x, q.Countries[1], q.Countries[0]
	}
	if big.Value == small.Value {
		return
	}
	gap := number(big.Value-small.Value) + " " + e.shortUnit(r1.Unit)
	name := strings.ToLower(e.mineralName(m))
	var head string
	if reserves {
		head = e.f("%s holds %s more %s reserves than %s (%s).", e.countrySubject(bigID), gap, name, e.countryAfterIn(smallID), source(r1.Edition))
	} else {
		head = e.f("%s produced %s more %s than %s in %s (%s).", e.countrySubject(bigID), gap, name, e.countryAfterIn(smallID),
			yearLabel(r1.Year, r1.Estimated), source(r1.Edition))
	}
	if s := sentences(head, a.Headline); fitsHeadline(s) {
		a.Headline = s
	}
}

// supplierCount is a country's count of the chapters it is the largest source of U.S.
// imports in, and of those it is a source in at all.
type supplierCount struct {
	country          string
	largest, sources int
}

// rankSuppliers orders the countries of the import-sources index by the chapters they are the
// largest source in, then by those they are a source in; derived once per load.
func rankSuppliers(rows map[string][]importFrom) []supplierCount {
	var out []supplierCount
	for c, rs := range rows {
		if c == knowledge.Others || c == knowledge.World {
			continue
		}
		n := 0
		for _, r := range rs {
			if r.rank == 1 {
				n++
			}
		}
		out = append(out, supplierCount{c, n, len(rs)})
	}
	slices.SortFunc(out, func(a, b supplierCount) int {
		if a.largest != b.largest {
			return b.largest - a.largest
		}
		if a.sources != b.sources {
			return b.sources - a.sources
		}
		return strings.Compare(a.country, b.country)
	})
	return out
}

// supplierWords name a supplier of imports; supplierAskWords ask which one.
var (
	supplierWords    = set("supplier", "suppliers", "supplies", "supply", "source", "sources", "proveedor", "proveedores", "abastece", "suministra", "provee", "surte")
	supplierAskWords = set("who", "which", "what", "top", "main", "biggest", "largest", "quien", "quienes", "que", "cual", "cuales", "principal", "principales", "mayor", "mayores")
	supplierPlaces   = set("country", "countries", "nation", "nations", "pais", "paises")
)

// readTopSuppliers marks a question asking which countries supply the U.S. with the most
// minerals, naming no mineral: "which country supplies the most minerals to the US?", "top
// sources of US mineral imports", "which countries does the US import the most minerals
// from?".
func readTopSuppliers(norm []string, q *Query) {
	if len(q.Minerals)+len(q.Policies) > 0 || q.Threshold > 0 || q.Refusal != "" || q.YesNo {
		return
	}
	for _, c := range q.Countries {
		if c != "united-states" {
			return
		}
	}
	if !hasAny(norm, supplierAskWords) {
		return
	}
	sup := hasAny(norm, supplierWords)
	importFrom := hasAny(norm, importVerbs) && hasAny(norm, set("from", "de")) && hasAny(norm, supplierPlaces)
	if sup && (hasAny(norm, supplierPlaces) || hasAny(norm, set("who", "quien", "top", "main", "principales", "principal"))) || importFrom {
		if _, ok := sectorAsked(*q); ok {
			return
		}
		q.TopSuppliers, q.Measure = true, MeasureImportSources
	}
}

// maxSuppliersNamed bounds the countries the headline names after the first.
const maxSuppliersNamed = 4

// topSuppliers answers which countries supply the U.S. with the most minerals: by the
// chapters each is the largest source of U.S. imports in (the product each chapter's
// answers speak of), of those that give sources.
func (e *snap) topSuppliers(q Query) *Answer {
	if !q.TopSuppliers || len(q.Minerals) > 0 {
		return nil // "cobalt" then "who supplies the US?" asks cobalt's sources
	}
	ix := e.served.imports
	if len(ix.largest) == 0 || ix.largest[0].largest == 0 {
		return nil
	}
	top := ix.largest[0]
	a := &Answer{Intent: IntentRelianceRanking, Title: e.t("Largest sources of U.S. mineral imports")}
	var next []string
	s := Section{Heading: e.t("Largest source of U.S. imports, by chapter")}
	for i, c := range ix.largest {
		if c.largest == 0 {
			break
		}
		if i > 0 && len(next) < maxSuppliersNamed {
			next = append(next, e.countryName(c.country)+" ("+itoa(c.largest)+")")
		}
		if i < 25 {
			s.Facts = append(s.Facts, Fact{Label: e.countryName(c.country), Value: e.f("largest source for %s of the %s minerals it supplies", itoa(c.largest), itoa(c.sources))})
		}
	}
	head := e.f("%s is the largest source of U.S. imports of %s minerals, of the %s the USGS chapters give sources for (USGS MCS, newest edition of each chapter).",
		e.countrySubject(top.country), itoa(top.largest), itoa(ix.chapters))
	if len(next) > 0 {
		head = sentences(head, e.f("Next: %s.", e.and(next)))
	}
	a.Headline = head
	a.Sections = append(a.Sections, s)
	return a
}
