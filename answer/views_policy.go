package answer

import (
	"cmp"
	"context"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/mineralbot/mineralbot/knowledge"
)

// policyView: the policy items a question is about, most relevant first; for a status
// question ("is it still in force?"), the latest dated item and that nothing later is known.
func (e *snap) policyView(ctx context.Context, q Query) (*Answer, error) {
	if ev := e.namedEvent(q); ev != nil {
		switch {
		case len(q.Countries) > 0 && asksSigned(q):
			return e.signedAt(q, ev), nil // "what did Mexico sign at the ministerial?"
		case asksNext(q) && q.Month == 0 && recurring(ev):
			return e.nextEvent(q, ev), nil // "when is the next critical minerals ministerial?"
		}
	}
	if q.Timeline == LastYear {
		q.Timeline, q.Year = "", e.now().Year()-1 // "what happened last year?" is that calendar year
	}
	if q.Timeline == NextYear {
		q.Timeline, q.Year = Upcoming, e.now().Year()+1 // Helper AA: "what expires next year?", as "… in 2027"
	}
	if q.Partners && len(q.Countries) == 1 && len(q.Policies)+len(q.Minerals) == 0 && q.Month == 0 {
		return e.partnersView(q), nil // "which countries signed agreements with the US in 2026?"
	}
	if month, year, ok := e.periodMonth(q.Timeline); ok && q.Month == 0 && len(q.Policies) == 0 {
		// "what happened last month?", "¿qué vence el próximo mes?": that calendar month.
		q.Month, q.Year = month, year
		return e.monthView(q, nil), nil
	}
	if q.Month > 0 && q.Year == 0 {
		q.Year = e.yearOfMonth(q) // "¿Qué pasa el 4 de diciembre?": this year's
	}
	if q.FromMonth > 0 && q.Year > 0 && len(q.Policies) == 0 {
		// "what happened between March and May 2026": from the first day of the one to the
		// last of the other.
		start := time.Date(q.Year, time.Month(q.FromMonth), 1, 0, 0, 0, 0, time.UTC)
		return e.rangeView(e.concerned(q), q, start, time.Date(q.Year, time.Month(q.Month)+1, 0, 0, 0, 0, 0, time.UTC)), nil
	}
	if a := e.sinceItem(q); a != nil {
		return a, nil // Helper AC: "what changed since the USMCA review?" (since_item.go)
	}
	if q.Since != "" && q.Month > 0 && len(q.Policies) == 0 {
		// "anything after 21 August 2026?": from the day after it (the month after a month
		// named alone) to today.
		return e.sinceView(q), nil
	}
	if q.Month > 0 && e.future(q) && len(q.Policies) == 0 {
		// "What did the US announce on December 15 2026?": that day has not come; what is
		// scheduled for it, or for its month.
		return e.monthView(q, nil), nil
	}
	if a, ok := e.yearDeeds(q); ok {
		return a, nil // "what did the US and China agree in 2025?" (views_pair_year.go)
	}
	if a, ok := e.thisYearTopic(q); ok {
		return a, nil // "what changed in China's export controls this year?" (views_this_year.go)
	}
	if q.Timeline != "" && q.Month == 0 {
		return e.timelineView(q), nil // "what's coming up?"; "… in December 2026" is that month
	}
	if q.Month == 0 && q.Year > 0 && (q.FromYear == 0 || q.FromYear == q.Year) && len(q.Policies)+len(q.Lists) == 0 &&
		asksHappenings(q) && !hasTopic(Query{Minerals: q.Minerals, Rest: datelessTerms(q)}) {
		// "what happened in 2026", "¿qué pasó en 2025?": every item of that calendar year, as
		// "this year" gives the current one; "… in Mexico in 2025", the items concerning it.
		return e.yearView(q), nil
	}
	if a, ok := e.monthDeals(q); ok {
		return a, nil // "agreements signed in February 2026" (views_pair_year.go)
	}
	if q.Month > 0 && q.Year > 0 && len(q.Policies) == 0 {
		if !hasTopic(Query{Minerals: q.Minerals, Rest: datelessTerms(q)}) {
			// "what happened in March 2026", "what happened in Mexico in February 2026":
			// every item of the month (about the country).
			return e.monthView(q, nil), nil
		}
		// "What did the DPA determination in July 2026 cover?": the items that match, of
		// that month.
		ps, scores := e.rankPolicies(q)
		var inMonth []*knowledge.Policy
		var top []float64
		for i, p := range ps {
			if datedIn(p.Date, q) || datedIn(p.Effective, q) || datedIn(p.EndDate, q) {
				inMonth = append(inMonth, p)
				top = append(top, scores[i])
			}
		}
		if pairs, pairScores, ok := pairAgreements(q, inMonth, top); ok {
			// "What did the US and Mexico sign in February 2026?": their agreement, not the
			// meeting where it was signed (views_pair_deals.go).
			inMonth, top = pairs, pairScores
		} else if a, ok := e.noPairAgreementIn(q, inMonth); ok {
			// "… in March 2026": none of theirs that month, and their nearest
			// (views_pair_none.go).
			return a, nil
		}
		switch {
		case len(inMonth) == 0 && len(ps) == 0:
			return e.monthView(q, nil), nil
		case len(inMonth) == 0:
			// "What happened to China's rare earth export controls from October 2025?":
			// the month is part of the topic's name; the topic answers.
		case len(inMonth) > 1 && top[0] == top[1]:
			// "What did Sheinbaum say in February 2026?": every item of the month that
			// matches as well as the best.
			n := 1
			for n < len(inMonth) && top[n] == top[0] {
				n++
			}
			return e.monthView(q, inMonth[:n]), nil
		default:
			a := e.policyCard(inMonth[0], q)
			for _, p := range inMonth[1:min(4, len(inMonth))] {
				a.Related = appendLink(a.Related, Link{Ref: knowledge.Ref{Kind: knowledge.KindPolicy, ID: p.ID}, Title: e.policyTitle(p)})
			}
			return a, nil
		}
	}
	if a := e.measureReach(q); a != nil {
		return a, nil // Helper AC: "does the EU CRMA apply to Mexico?" (measure_reach.go)
	}
	if a := e.controlsReach(q); a != nil {
		return a, nil // Helper AC: "do China's export controls apply to the US?" (controls_reach.go)
	}
	if a := e.tariffApplies(q); a != nil {
		return a, nil // Helper AA: "do the tariffs apply to Mexico?" (tariff_applies.go)
	}
	if a := e.familyTariffs(q); a != nil {
		return a, nil // Helper AA: "section 232 tariffs": each of them (tariff_applies.go)
	}
	if a := e.familyItems(q); a != nil {
		return a, nil // Helper AC: "list the section 232 actions" (family_items.go)
	}
	if a := e.namedItemOn(q); a != nil {
		// "what does the US-Mexico action plan say about antimony?": the item named, which
		// does not list the mineral, and what it says of it.
		return a, nil
	}
	if len(q.Policies) > 0 && e.namedConcerns(q) && !e.ratedElsewhere(q) {
		// A policy named by its title or alias: its card, with what became of it when asked.
		p, _ := e.kb.Policy(q.Policies[0])
		p = e.familyPick(p, q)
		named := p
		if q.Status || asksSuspension(q) {
			// A suspension named ("the suspension of China's export ban") is asked about, or
			// whether one was made ("did China suspend its gallium export ban?").
			p = e.askedInChain(p, q)
		}
		a := e.policyCard(p, q)
		if q.Status {
			a.Headline = e.statusHeadline(p, []*knowledge.Policy{p}, q)
		} else if q.YesNo && p.Suspends == named.ID && !p.Date.Time.After(e.now()) {
			a.Headline = e.verdict(true, a.Headline) // "did China suspend…?": yes, this item
		} else if h, ok := e.itemExists(p, q, a.Headline); ok {
			a.Headline = h // Helper AA: "does the US have a critical minerals stockpile?" (tariff_applies.go)
		}
		if h, ok := e.namedItemSays(p, q); ok {
			// "what does the US-Japan action plan say about neodymium?": its sentences that
			// name it (views_policy_says.go).
			a.Headline = h
		}
		return a, nil
	}
	if a := e.itemsCovering(q); a != nil {
		return a, nil // Helper V: "which deals cover lithium?" (items_covering.go)
	}
	ps, scores := e.rankPolicies(q)
	if len(q.Countries) > 0 && len(q.Policies) == 0 && asksAgreement(q) {
		// "did the US forge a deal with Japan?": an agreement between the countries named is
		// an item that concerns every one of them, made by one of them at least (Mexico's
		// remarks on its own talks are no deal of Japan's), and not a measure one side
		// imposes (a tariff, an export control, a law).
		var both []*knowledge.Policy
		var bothScores []float64
		for i, p := range ps {
			if dealKinds[p.Kind] && !slices.ContainsFunc(q.Countries, func(c string) bool { return !slices.Contains(p.Countries, c) }) &&
				slices.ContainsFunc(q.Countries, func(c string) bool { return e.ownMeasure(p, c) }) &&
				(!namesEU(q) || euJurisdiction(p)) { // Helper AC: "did the US and EU agree on price floors?": the EU a party
				both, bothScores = append(both, p), append(bothScores, scores[i])
			}
		}
		if pairs, pairScores, ok := pairAgreements(q, both, bothScores); ok {
			both, bothScores = pairs, pairScores // "what did the US and Mexico sign?"
		}
		switch {
		case len(both) > 0:
			ps, scores = both, bothScores
		case len(q.Countries) >= 2:
			return e.noAgreement(q), nil
		}
	}
	if len(ps) == 0 && asksTariff(q) && len(q.Minerals) > 0 {
		if a, ok := e.originTariffs(q); ok {
			return a, nil // "tariffs on Mexican copper" (origin_tariffs.go)
		}
		return e.noTariff(q), nil
	}
	if a := e.stockpileExists(q, ps); a != nil {
		return a, nil // Helper AC: "¿EE. UU. tiene reservas estratégicas de minerales?" (stockpile_exists.go)
	}
	if a := e.banSpares(q, ps); a != nil {
		return a, nil // Helper AC: "does China ban graphite exports to the US?" (ban_spares.go)
	}
	if a := e.restrictsNow(q); a != nil {
		// "does China restrict exports of graphite?": its newest measure on it, and whether
		// that is suspended (restricts_now.go).
		return a, nil
	}
	if a := e.noExportMeasure(q, ps); a != nil {
		// "does Indonesia restrict nickel exports?": none of its measures does; what the
		// knowledge base holds on them instead (restricts_none.go).
		return a, nil
	}
	if q.Status && len(q.Minerals) > 0 && slices.ContainsFunc(q.Terms, func(w string) bool { return restrictWords[w] }) &&
		!slices.ContainsFunc(q.Terms, func(w string) bool { return forceWords[w] }) {
		// "Is China still restricting dysprosium?": whether a measure naming it, or its
		// group, is in force today, and which. "Is the DRC cobalt quota still in force?"
		// asks about the item it names, below.
		return e.restrictionStatus(q, ps), nil
	}
	if q.Cut && !q.Status && len(q.Minerals) > 0 {
		// "Is Indonesia cutting nickel output?": the items that cut or cap it, best first;
		// without one, that the knowledge base holds none.
		var cuts []*knowledge.Policy
		var cutScores []float64
		for i, p := range ps {
			if e.cutsOrCaps(p) {
				cuts, cutScores = append(cuts, p), append(cutScores, scores[i])
			}
		}
		if len(cuts) == 0 {
			return e.noCut(q, ps), nil
		}
		ps, scores = cuts, cutScores
	}
	if !q.Cut && len(q.Minerals) > 0 && slices.ContainsFunc(q.Terms, func(w string) bool { return restrictWords[w] }) &&
		!slices.ContainsFunc(ps, func(p *knowledge.Policy) bool { return restrictiveKinds[p.Kind] }) {
		// "Did China restrict copper scrap exports?": no measure that restricts it is
		// recorded; the answer says so rather than searching.
		return e.noRestriction(q, ps), nil
	}
	if len(ps) == 0 && len(q.Minerals) > 0 {
		// "chile lithium court ruling": no item concerns it; figures would not answer.
		return e.noPolicy(q), nil
	}
	if len(ps) == 0 {
		return nil, nil
	}
	// Related items are those that match nearly as well as the best.
	close := 1
	for close < len(ps) && scores[close] >= 0.6*scores[0] {
		close++
	}
	if q.DaysUntil {
		if a, ok := e.daysUntil(q, ps); ok {
			return a, nil // "how many days until the China suspension ends?" (views_days_until.go)
		}
	}
	if both := e.suspensionsMatched(q, ps); len(both) > 1 {
		return e.suspensionsStatus(q, both), nil // "when does the China suspension end?": each of them
	}
	if p := e.countryTariffLead(ps, q); p != nil && p != ps[0] {
		// Helper AA: "Section 232 tariffs on Mexico": the family's tariff that concerns it
		// (tariff_applies.go).
		i := slices.Index(ps, p)
		ps = append([]*knowledge.Policy{p}, slices.Delete(slices.Clone(ps), i, i+1)...)
		scores = append([]float64{scores[i]}, slices.Delete(slices.Clone(scores), i, i+1)...)
	}
	ps, scores = e.leadWithRate(ps, scores, q) // Helper AC: "is the 10% tariff still in force?" (tariff_rate.go)
	top := ps[0]
	if q.Status && e.mentionedOnly(top, q) {
		q.Status = false // Helper AA: "what happened to the IEEPA tariffs?" (tariff_applies.go)
	}
	if q.Status {
		top = e.statusSubject(top, q)
	}
	if len(ps) == 1 || len(q.Policies) > 0 || q.Status {
		a := e.policyCard(top, q)
		if q.Status {
			a.Headline = e.statusHeadline(top, ps[:close], q)
		}
		for _, p := range ps[1:min(4, len(ps))] {
			a.Related = appendLink(a.Related, Link{Ref: knowledge.Ref{Kind: knowledge.KindPolicy, ID: p.ID}, Title: e.policyTitle(p)})
		}
		return a, nil
	}
	a := e.policyList(ps[:min(8, len(ps))], "Policy items that match")
	more := e.t("1 more item matches; the best match comes first.")
	if len(ps) > 2 {
		more = e.f("%s more items match; the best matches come first.", itoa(len(ps)-1))
	}
	lead := e.policyLead(top, q)
	if miss := e.yearMiss(ps, q); miss != "" && fitsHeadline(sentences(miss, lead)) {
		lead = sentences(miss, lead) // Helper V: "ley minera 2023" (policy_year_miss.go)
	}
	if utf8.RuneCountInString(sentences(lead, more)) > maxHeadlineRunes || !fitsHeadline(sentences(lead, more)) {
		// The item's own sentences are long (a proclamation's rates): the card lists the
		// other matches, and the headline stays a chat message.
		more = ""
	}
	a.Headline = sentences(lead, more)
	if h := e.mineralsAcross(ps[:close], q); h != "" {
		a.Headline = h // "which minerals does China restrict exports of?" (views_which_minerals.go)
	}
	return a, nil
}

// maxHeadlineRunes is the most a headline holds where what it adds is optional (another
// item, a count of matches): about seven lines of a Slack message pane. TestPhrasings holds
// every headline to it.
const maxHeadlineRunes = 560

// policyHeadline: "5 Nov 2025 – 27 Nov 2026: China suspended its ban on gallium, germanium
// and antimony exports to the U.S." — the date and the item's first sentence.
func (e *snap) policyHeadline(p *knowledge.Policy) string {
	return e.dated(p, e.sentence(e.summary(p.Summary, p.SummaryES))) // Helper AC: dated once
}

// policyLead is an item's headline for question q: when q asks about a tariff or a rate
// and the item's first sentence gives none, the sentence that does follows it ("… most
// copper articles pay 50%; …"): the first that names what the question asks the rate of
// (the metal: "steel", "aluminum"), else the first.
func (e *snap) policyLead(p *knowledge.Policy, q Query) string {
	h := e.policyHeadline(p)
	if q.WhichMinerals {
		// "which minerals did China ban to the US?": the item's minerals, then the item.
		var names []string
		for _, id := range p.Minerals {
			if m, ok := e.kb.Mineral(id); ok {
				names = append(names, strings.ToLower(e.mineralName(m)))
			}
		}
		if len(names) > 0 {
			// "Concerned", not "banned": an item's minerals include those it treats
			// otherwise (the 2024 ban put graphite under tougher checks, not a ban); its
			// text, next, says how.
			h = sentences(e.f("Minerals concerned: %s.", e.and(names)), h)
		}
	}
	if q.Amount || q.Who {
		if s := e.amountSentence(p, q); s != "" {
			return sentences(h, s)
		}
	}
	if s := e.deadlineSentence(p, q); s != "" {
		return sentences(h, s)
	}
	if s := e.attendSentence(p, q); s != "" {
		return sentences(h, s) // "which countries attended?": the sentence on who was there
	}
	if !asksRate(q) {
		if s := e.detailSentence(p, q); s != "" {
			if q.YesNo && !q.Status && !q.WhichMinerals && p.Kind == "agreement" {
				// "did the US and Mexico agree on price floors?": a sentence of the
				// agreement says what was agreed. Without one the answer says what the item
				// covers, and no verdict: the text may leave out a term the deal has. A
				// measure's sentence may say the opposite ("can no longer"), so only an
				// agreement's content is affirmed.
				if v, ok := e.dealTermVerdict(p, q, h, s); ok {
					return v // Helper AC: only when the sentence names every word asked (deal_terms.go)
				}
				if !fitsHeadline(sentences(h, s)) {
					return h // Helper AC: a long lead and a long detail are more than a headline
				}
				return sentences(h, s)
			}
			if !fitsHeadline(sentences(h, s)) {
				return h // Helper AC: "¿China aceptó suministrar tierras raras?": a long lead is enough
			}
			return sentences(h, s)
		}
		if q.YesNo && !q.Status && !q.WhichMinerals && p.Kind == "agreement" {
			if v, ok := e.dealTermVerdict(p, q, h, ""); ok {
				return v // Helper AC: "did the US and EU agree on tariffs?": its text does not say (deal_terms.go)
			}
		}
		if s := e.coverSentence(p, q); s != "" && fitsHeadline(sentences(h, s)) { // Helper AC: fits
			return sentences(h, s)
		}
		return h
	}
	t, lang := e.served.policySentences[p.ID], 0
	if e.lang == Spanish && p.SummaryES != "" {
		lang = 1 // as e.summary picks
	}
	all := t.texts[lang]
	i := e.countryRate(t, lang, q) // Helper AA: "what tariffs will Mexico face?": Mexico's rate (tariff_applies.go)
	if i < 0 {
		i = t.rateSentence(lang, e.rateTopics(q))
	}
	if i < 0 {
		i = t.rateSentence(lang, nil)
	}
	if i < 0 && asksTariff(q) && !saysTariff(all[0]) {
		// "what did the USMCA review say about tariffs": an item that sets no rate; the
		// sentence of it that speaks of a tariff or duty, if one does.
		i = slices.IndexFunc(all, saysTariff)
	}
	if i <= 0 {
		if s := e.coverSentence(p, q); s != "" && fitsHeadline(sentences(h, s)) { // Helper AC: fits
			return sentences(h, s) // "does the US-Mexico plan include tariffs?"
		}
		return h
	}
	return sentences(h, all[i])
}

// askedStems are the stems of a question's words that ask no tariff.
func (e *snap) askedStems(q Query) []string {
	var asked []string
	for _, w := range q.Terms {
		if w = stem(w); len(w) > 3 && !slices.Contains(tariffStems, w) && !slices.Contains(asked, w) {
			asked = append(asked, w)
		}
	}
	return asked
}

// tariffElsewhere reports whether, for a question that asks a tariff of an item it names by
// two or more words of its title, another item has a sentence that speaks of a tariff and
// has those words: "did the supreme court strike down tariffs?".
func (e *snap) tariffElsewhere(q Query, titleWords map[string]int) bool {
	var named []string
	for _, w := range e.askedStems(q) {
		if titleWords[w] == 2 {
			named = append(named, w)
		}
	}
	if len(named) < 2 {
		return false
	}
	// Helper V: all but one of three or more: "Supreme Court tariffs ruling" names Mexico's
	// lithium ruling by "supreme", "court" and "ruling"; the sentence on the U.S. Supreme
	// Court striking down tariffs has two of them.
	need := max(2, len(named)-1)
	return slices.ContainsFunc(e.kb.Policies, func(p *knowledge.Policy) bool {
		return e.mentionsTariff(p) && e.tariffWith(p, named, need)
	})
}

// tariffWith reports whether an item has a sentence, English or Spanish, that speaks of a
// tariff and has need of the word stems asked.
func (e *snap) tariffWith(p *knowledge.Policy, asked []string, need int) bool {
	if len(asked) == 0 || need == 0 {
		return false
	}
	for _, s := range e.served.policySentences[p.ID].words {
		if !slices.ContainsFunc(s.stems, func(x string) bool { return slices.Contains(tariffStems, x) }) {
			continue
		}
		n := 0
		for _, w := range asked {
			if slices.Contains(s.stems, w) {
				n++
			}
		}
		if n >= need {
			return true
		}
	}
	return false
}

// sentenceWords is one sentence of an item's text as normalized words, and their stems, and
// whether it gives a rate ("pay 50%").
type sentenceWords struct {
	words, stems []string
	rate         bool
}

// policyText is an item's text split into sentences once per knowledge base: as written,
// English and Spanish (texts), and all of them as normalized words (words).
type policyText struct {
	texts [2][]string
	words []sentenceWords
}

// indexPolicySentences splits every policy item's text into sentences once per knowledge
// base (see served.policySentences).
func indexPolicySentences(kb *knowledge.KB) map[string]policyText {
	out := make(map[string]policyText, len(kb.Policies))
	for _, p := range kb.Policies {
		var t policyText
		for i, text := range []string{p.Summary, p.SummaryES} {
			t.texts[i] = sentencesOf(text)
			for _, s := range t.texts[i] {
				words := strings.Fields(knowledge.Normalize(s))
				stems := make([]string, len(words))
				for j, w := range words {
					stems[j] = stem(w)
				}
				for _, w := range words {
					stems = append(stems, wordForms(w)...) // Helper AA: after the words' own (word_forms.go)
				}
				t.words = append(t.words, sentenceWords{words, stems, givesRate.MatchString(s)})
			}
		}
		out[p.ID] = t
	}
	return out
}

// saysTariff reports whether a sentence speaks of a tariff or duty.
func saysTariff(s string) bool {
	return slices.ContainsFunc(strings.Fields(knowledge.Normalize(s)), func(w string) bool {
		return slices.Contains(tariffStems, stem(w))
	})
}

// ratedElsewhere reports whether a question asks a rate that the item it names does not give
// and another item of its family does: "section 232 rate for steel" names the 2025 order,
// which set none. An item outside the family only shares the topic: "what did the USMCA
// review say about tariffs" asks the review, not a Section 232 duty.
func (e *snap) ratedElsewhere(q Query) bool {
	if !asksRate(q) {
		return false
	}
	topics := e.rateTopics(q)
	if p, ok := e.kb.Policy(q.Policies[0]); !ok || e.statesRate(p, topics) {
		return false
	}
	return slices.ContainsFunc(e.kb.Policies, func(p *knowledge.Policy) bool { return e.namedFamily(q, p) && e.statesRate(p, topics) })
}

// receiveWords ask who received something: "who got money", "¿quién recibió fondos?".
var receiveWords = set("got", "get", "gets", "received", "receive", "receives", "money", "funding", "funds", "funded",
	"recibio", "recibieron", "recibe", "reciben", "obtuvo", "obtuvieron", "dinero", "fondos")

// investWords ask about an investment or funding.
var investWords = set("invest", "invests", "invested", "investing", "investment", "investments", "investor", "investors",
	"fund", "funds", "funded", "funding", "finance", "financed", "financing", "inversion", "inversiones", "invertir",
	"invirtio", "invirtieron", "invierte", "invierten", "invertira", "invertiran", "invertido", "financia", "financio",
	"financiamiento", "financiar", "fondos")

// moneyIn finds a sum of money in a text: "US$400 million", "$2 billion", "dólares".
var moneyIn = regexp.MustCompile(`US\$|\$\s?\d|€\s?\d|\bUSD\b|\b[Dd]ollars?\b|dólares|\bpesos\b|\beuros?\b`)

// statesMoney reports whether an item's title or text gives a sum of money: it is about what
// was invested, funded or spent.
func statesMoney(p *knowledge.Policy) bool {
	return moneyIn.MatchString(p.Title) || moneyIn.MatchString(p.Summary) || moneyIn.MatchString(p.SummaryES)
}

// titleNames reports whether a question names an item by its title's or aliases' words: one
// of its words that ask no topic (a tariff, a rate), tell items apart and are neither a sort
// of act ("proclamation") nor a month is a word of the title, and the item concerns every
// country named ("the US-Mexico plan").
func (e *snap) titleNames(q Query, p *knowledge.Policy, words map[string]int) bool {
	if slices.ContainsFunc(q.Countries, func(c string) bool { return !slices.Contains(p.Countries, c) }) {
		return false
	}
	return slices.ContainsFunc(q.Terms, func(w string) bool {
		return len(w) > 3 && !tariffWords[w] && !rateWords[w] && !genericTitleWords[w] && !statusWords[w] && !endWords[w] &&
			!restrictWords[w] && !liftWords[w] && !instrumentWords[w] && months[w] == 0 && !yearAsked(q, w) && words[stem(w)] == 2
	})
}

// namedFamily reports whether an item's title or aliases contain a name of an item the
// question names: "Section 232 tariffs on steel, aluminum and copper restructured" contains
// "section 232", the 2025 order's alias.
func (e *snap) namedFamily(q Query, p *knowledge.Policy) bool {
	names := e.served.policyNames[p.ID]
	for _, id := range q.Policies {
		if id == p.ID {
			continue
		}
		theirs := e.served.policyNames[id]
		for _, alias := range theirs[min(2, len(theirs)):] { // its aliases
			if slices.ContainsFunc(names, func(n string) bool { return strings.Contains(n, alias) }) {
				return true
			}
		}
	}
	return false
}

// indexPolicyNames pads and normalizes every policy item's names once per knowledge base
// (see served.policyNames).
func indexPolicyNames(kb *knowledge.KB) map[string][]string {
	out := make(map[string][]string, len(kb.Policies))
	for _, p := range kb.Policies {
		names := make([]string, 0, 2+len(p.Aliases))
		for _, n := range append([]string{p.Title, p.TitleES}, p.Aliases...) {
			names = append(names, " "+strings.Join(strings.Fields(knowledge.Normalize(n)), " ")+" ")
		}
		out[p.ID] = names
	}
	return out
}

// familyPick is the item a question means when it names one by a name its family shares
// ("section 232" names the 2025 order; six items have it in their titles or aliases): the
// item of the family whose title and aliases (2 a word) or text (1) share the most of the
// question's other words, those not every item of the family has. "When does the section
// 232 equipment relief end?" is the June 2026 item, "section 232 smelter incentive" the
// smelters' one. On a tie the item named stays; a suspension of it is not of its family.
func (e *snap) familyPick(named *knowledge.Policy, q Query) *knowledge.Policy {
	if named == nil || pairChosen(q, named) {
		return named
	}
	family := []*knowledge.Policy{named}
	for _, p := range e.kb.Policies {
		// A suspension is not another item of the family: statusSubject and askedInChain
		// choose between an item and what suspends it.
		if p != named && e.namedFamily(q, p) && p.Suspends != named.ID && named.Suspends != p.ID {
			family = append(family, p)
		}
	}
	family = ofCountriesAsked(family, q) // Helper S: "el plan de acción EEUU-México" is theirs (policy_year.go)
	if p := e.countryTariffLead(family, q); p != nil {
		return p // Helper AA: "Section 232 Mexico" (tariff_applies.go)
	}
	if len(family) == 1 {
		return family[0]
	}
	var asked []string // the question's words, stemmed, that tell the family's items apart
	for _, w := range q.Terms {
		w = stem(w)
		if !slices.Contains(asked, w) && slices.ContainsFunc(family, func(p *knowledge.Policy) bool { return e.policyWords(p)[w] == 0 }) {
			asked = append(asked, w)
		}
	}
	best, top := family[0], -1
	for _, p := range family {
		words, n := e.policyWords(p), 0
		for _, w := range asked {
			n += words[w]
		}
		if n > top {
			best, top = p, n
		}
	}
	return best
}

// asksRate reports whether a question asks about a tariff or a rate: "what is the Section 232
// tariff on aluminum?", "section 232 rate for steel".
func asksRate(q Query) bool {
	return asksTariff(q) || slices.ContainsFunc(q.Terms, func(w string) bool { return rateWords[w] })
}

// rateTopics are the stems of what a question asks the rate of: the names of the minerals it
// names, in English and Spanish, and its other words that ask neither a tariff nor a rate
// ("steel", "equipment").
func (e *snap) rateTopics(q Query) []string {
	var out []string
	for _, id := range q.Minerals {
		if m, ok := e.kb.Mineral(id); ok {
			for _, n := range []string{m.Name, m.NameES} {
				if f := strings.Fields(knowledge.Normalize(n)); len(f) > 0 {
					out = append(out, stem(f[len(f)-1]))
				}
			}
		}
	}
	for _, w := range q.Terms {
		if len(w) > 3 && !tariffWords[w] && !rateWords[w] && !genericTitleWords[w] && !statusWords[w] && !endWords[w] &&
			!slices.Contains(cueMeasures[w], MeasurePolicy) && !slices.Contains(cueMeasures[w], MeasureImportSources) {
			out = append(out, stem(w))
		}
	}
	return out
}

// relateOthers links a's card to the items of ps other than shown, up to eight links in all.
func (e *snap) relateOthers(a *Answer, ps []*knowledge.Policy, shown *knowledge.Policy) {
	for _, p := range ps {
		if p != shown && len(a.Related) < 8 {
			a.Related = appendLink(a.Related, Link{Ref: knowledge.Ref{Kind: knowledge.KindPolicy, ID: p.ID}, Title: e.policyTitle(p)})
		}
	}
}

// in is the text's sentences in one language, English (lang 0) or Spanish (1), and the words
// of each.
func (t policyText) in(lang int) ([]string, []sentenceWords) {
	words := t.words
	if lang == 1 {
		words = words[min(len(t.texts[0]), len(words)):]
	}
	return t.texts[lang], words[:min(len(t.texts[lang]), len(words))]
}

// itemSentences are item p's sentences in the answer's language (English when it has no
// Spanish text), and the words of each.
func (e *snap) itemSentences(p *knowledge.Policy) ([]string, []sentenceWords) {
	lang := 0
	if e.lang == Spanish && p.SummaryES != "" {
		lang = 1
	}
	return e.served.policySentences[p.ID].in(lang)
}

// rateSentence is the index of the first sentence of an item's text, English (lang 0) or
// Spanish (1), that gives a rate ("pay 50%") and names one of topics (any rate, when topics
// is nil); -1 when none does.
func (t policyText) rateSentence(lang int, topics []string) int {
	_, words := t.in(lang)
	for i, s := range words {
		if s.rate && (topics == nil || slices.ContainsFunc(s.stems, func(w string) bool { return slices.Contains(topics, w) })) {
			return i
		}
	}
	return -1
}

// statesRate reports whether an item's text, English or Spanish, gives a rate for one of a
// question's topics (any rate, when the question names none).
func (e *snap) statesRate(p *knowledge.Policy, topics []string) bool {
	if len(topics) == 0 {
		topics = nil
	}
	t := e.served.policySentences[p.ID]
	return t.rateSentence(0, topics) >= 0 || t.rateSentence(1, topics) >= 0
}

// amountSentence is, for a question asking how many or how much, the sentence after an item's
// first that gives a number other than a date and shares the most words with the question
// ("how many countries attended?": "Delegations from 54 countries …"); the earliest of equals.
// A name the question gives ("how much did Sunrise Energy Metals get?") counts before the
// other words, and a sentence with it answers even when the first gives a sum of its own (the
// package's total). A question asking who received what wants the sentence of sums that
// names the most.
func (e *snap) amountSentence(p *knowledge.Policy, q Query) string {
	all := sentencesOf(e.summary(p.Summary, p.SummaryES))
	if len(all) < 2 {
		return ""
	}
	asked := map[string]bool{}
	for _, t := range append(slices.Clip(q.Terms), q.PolicyWords...) {
		if len(t) > 3 {
			asked[stem(t)] = true
		}
	}
	inFirst := properNames(all[0])
	best, bestN, bestNamed := "", -1, 0
	for _, s := range all[1:] {
		if !givesAmount(s) || q.Who && !moneyIn.MatchString(s) {
			continue
		}
		stems := map[string]bool{}
		for _, w := range strings.Fields(knowledge.Normalize(s)) {
			stems[stem(w)] = true
		}
		n := 0
		for t := range asked {
			if stems[t] {
				n++
			}
		}
		named := 0
		for w := range properNames(s) {
			switch {
			case asked[w] && !inFirst[w]:
				named += 10 // a name the question gives, which the first sentence lacks
			case q.Who:
				named++
			}
		}
		if named*100+n > bestNamed*100+bestN {
			best, bestN, bestNamed = s, n, named
		}
	}
	if bestNamed == 0 && givesAmount(all[0]) {
		return "" // the first sentence gives the amount
	}
	return best
}

// countWords are numbers written out, as texts give small counts: "all nine concessions".
var countWords = set("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "dos",
	"tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez", "doce")

// countsAsked reports whether an item's text, English or Spanish, counts something a question
// names: a number that is no date, then within two words one of the question's words ("1,126
// mining concessions", "las nueve concesiones").
func (e *snap) countsAsked(p *knowledge.Policy, q Query) bool {
	asked := map[string]bool{}
	for _, t := range q.Terms {
		if len(t) > 3 {
			asked[stem(t)] = true
		}
	}
	if len(asked) == 0 {
		return false
	}
	for _, s := range e.served.policySentences[p.ID].words {
		words := s.words
		for i, n := range words {
			if !countWords[n] && (n[0] < '0' || n[0] > '9' || !givesAmount(strings.Join(words[max(0, i-1):min(len(words), i+3)], " "))) {
				continue
			}
			for _, x := range s.stems[i+1 : min(len(words), i+3)] {
				if asked[x] {
					return true
				}
			}
		}
	}
	return false
}

// properNames are the stems of a sentence's capitalised words after its first: "Sunrise",
// "Energy", "Metals".
func properNames(s string) map[string]bool {
	out := map[string]bool{}
	for i, w := range strings.Fields(s) {
		w = strings.Trim(w, ".,;:()\"'")
		if i == 0 || w == "" || !unicode.IsUpper([]rune(w)[0]) {
			continue
		}
		for _, n := range strings.Fields(knowledge.Normalize(w)) {
			out[stem(n)] = true
		}
	}
	return out
}

// deadlineWords ask when something was due: "when were comments due?", "¿cuándo vencía el
// plazo?", "fecha límite".
var deadlineWords = set("due", "deadline", "deadlines", "closing", "plazo", "plazos", "limite", "vencia", "vence", "vencio",
	"vencen", "vencieron", "vencimiento")

// deadlineSentence is, for a question asking when something was due, the sentence after an
// item's first that gives a date and says what was due: "Comments were due by 19 March
// 2026". The first sentence answers when it says so itself.
func (e *snap) deadlineSentence(p *knowledge.Policy, q Query) string {
	if !slices.ContainsFunc(q.Terms, func(w string) bool { return deadlineWords[w] }) {
		return ""
	}
	all := sentencesOf(e.summary(p.Summary, p.SummaryES))
	for i, s := range all {
		words := strings.Fields(knowledge.Normalize(s))
		due := slices.ContainsFunc(words, func(w string) bool { return deadlineWords[strings.Trim(w, ".,;:")] }) &&
			!strings.Contains(strings.Join(words, " "), "due to ") // "due to" gives a cause
		if !due ||
			!slices.ContainsFunc(words, func(w string) bool { return months[strings.Trim(w, ".,;:")] > 0 }) {
			continue
		}
		if i == 0 {
			return ""
		}
		return s
	}
	return ""
}

// instrumentWords name the sort of act an item is: a question that names one asks for an
// item of that sort.
var instrumentWords = set("proclamation", "proclamations", "proclamacion", "proclamaciones", "decree", "decrees", "decreto",
	"decretos", "memorandum", "memorando", "determination", "determinacion")

// leadSays reports whether an item's first sentence, which says what the item is, has one of
// the word stems given.
func (e *snap) leadSays(p *knowledge.Policy, stems []string) bool {
	for _, t := range []string{p.Summary, p.SummaryES} {
		for _, w := range strings.Fields(knowledge.Normalize(e.sentence(t))) {
			if slices.Contains(stems, stem(w)) {
				return true
			}
		}
	}
	return false
}

// detailSentence is the sentence of an item's text that answers a detail the question asks
// and the first sentence does not give: "what did the plan say about minimum prices" is
// answered by the sentence on minimum import prices. It counts the question's words that
// are neither in the item's title nor in its first sentence, and needs two of them in one
// sentence, so a word the text happens to share does not add a sentence.
func (e *snap) detailSentence(p *knowledge.Policy, q Query) string {
	all := sentencesOf(e.summary(p.Summary, p.SummaryES))
	if len(all) < 2 {
		return ""
	}
	words := e.policyWords(p)
	first := map[string]bool{}
	for _, w := range strings.Fields(knowledge.Normalize(all[0])) {
		first[stem(w)] = true
	}
	var asked []string
	for _, t := range q.Terms {
		if t = stem(t); len(t) > 3 && words[t] == 1 && !first[t] && !slices.Contains(asked, t) {
			asked = append(asked, t)
		}
	}
	asked = aliasDetail(p, q, first, asked) // Helper V: "did Mexico change its mining law?" (policy_phrases.go)
	if len(asked) < 2 {
		return ""
	}
	best, bestN := "", 1
	for _, s := range all[1:] {
		n := 0
		for _, w := range strings.Fields(knowledge.Normalize(s)) {
			if slices.Contains(asked, stem(w)) {
				n++
			}
		}
		if n > bestN {
			best, bestN = s, n
		}
	}
	return best
}

// coverSentence is, for a yes/no question whether an agreement has a term its text never
// names ("does the US-Mexico plan include tariffs?"), a sentence after its first that says
// what it covers: the answer gives no verdict, as the text may leave a term out.
func (e *snap) coverSentence(p *knowledge.Policy, q Query) string {
	if !q.YesNo || q.Status || p.Kind != "agreement" {
		return ""
	}
	all := sentencesOf(e.summary(p.Summary, p.SummaryES))
	if len(all) < 2 {
		return ""
	}
	words := e.policyWords(p)
	if !slices.ContainsFunc(q.Terms, func(w string) bool {
		return len(w) > 3 && (tariffWords[w] || slices.Contains(q.Rest, w)) && !dealVerbs[w] && words[stem(w)] == 0
	}) {
		return ""
	}
	// A list of what it covers ("Topics include A, B, C and D"), else the second sentence.
	best, commas := all[1], 1
	for _, x := range all[1:] {
		if n := strings.Count(x, ","); n > commas {
			best, commas = x, n
		}
	}
	return best
}

// dealVerbs make a deal ("did the US forge a deal with Japan?"): they ask whether there is
// one, not what it holds.
var dealVerbs = set("forge", "forged", "strike", "struck", "reach", "reached", "seal", "sealed", "make", "made", "close",
	"closed", "cerro", "cerraron", "alcanzo", "alcanzaron", "concreto", "concretaron", "logro", "lograron")

// givesAmount reports whether a sentence holds a number that is not part of a date: not a
// year, nor a day beside a month's name.
func givesAmount(s string) bool {
	words := strings.Fields(knowledge.Normalize(s))
	for i, w := range words {
		if w == "" || w[0] < '0' || w[0] > '9' {
			continue
		}
		n := strings.TrimRight(w, ".,;:)")
		if len(n) == 4 && (strings.HasPrefix(n, "19") || strings.HasPrefix(n, "20")) {
			continue // a year
		}
		if _, month := months[strings.Trim(at(words, i+1), ".,")]; month {
			continue // "4 February"
		}
		if _, month := months[strings.Trim(at(words, i-1), ".,")]; month && len(n) <= 2 {
			continue // "February 4"
		}
		if at(words, i+1) == "de" {
			if _, month := months[strings.Trim(at(words, i+2), ".,")]; month {
				continue // "4 de febrero"
			}
		}
		return true
	}
	return false
}

func at(words []string, i int) string {
	if i < 0 || i >= len(words) {
		return ""
	}
	return words[i]
}

var (
	rateWords = set("rate", "rates", "percent", "percentage", "level", "levels", "tasa", "tasas", "porcentaje", "nivel", "niveles",
		"pay", "pays", "paga", "pagan") // Helper AA: "how much does copper pay under Section 232?"
	givesRate = regexp.MustCompile(`\d\s?%`)
)

// when is an item's date, with its end: "9 Nov 2025 until 27 Nov 2026", or, once the end
// has passed, "9 Nov 2025, ended 27 Nov 2026" — a lapsed measure never reads as in force.
func (e *snap) when(p *knowledge.Policy) string {
	d := e.lang.Date(p.Date)
	if !p.Effective.IsZero() && p.EndDate.IsZero() {
		return e.f("%s, taking effect %s", d, e.lang.Date(p.Effective))
	}
	switch {
	case p.EndDate.IsZero():
		return d
	case e.ended(p) && p.EndScheduled:
		return e.f("%s, due to end %s", d, e.lang.Date(p.EndDate))
	case e.ended(p):
		return e.f("%s, ended %s", d, e.lang.Date(p.EndDate))
	}
	return e.f("%s until %s", d, e.lang.Date(p.EndDate))
}

// endNote is " (until 27 Nov 2026)" or " (ended 27 Nov 2026)" for an item with an end date.
func (e *snap) endNote(p *knowledge.Policy) string {
	switch {
	case p.EndDate.IsZero():
		return ""
	case e.ended(p) && p.EndScheduled:
		return " " + e.f("(due to end %s; whether it did is not known)", e.lang.Date(p.EndDate))
	case e.ended(p):
		return " " + e.f("(ended %s)", e.lang.Date(p.EndDate))
	}
	return " " + e.f("(until %s)", e.lang.Date(p.EndDate))
}

// ended reports whether an item's end date is before today (an item ending today is in
// force until the day is out).
func (e *snap) ended(p *knowledge.Policy) bool {
	if p.EndDate.IsZero() {
		return false
	}
	y, m, d := e.now().Date()
	today := time.Date(y, m, d, 0, 0, 0, 0, p.EndDate.Time.Location())
	return p.EndDate.Time.Before(today)
}

// statusHeadline answers "is it still in force": whether the item has lapsed, the latest
// related item the knowledge base holds, and that nothing later is known.
func (e *snap) statusHeadline(p *knowledge.Policy, related []*knowledge.Policy, q Query) string {
	s, closed := e.statusOf(p, related, q, true)
	if closed {
		return s
	}
	return sentences(s, e.f("Nothing later is in the knowledge base (updated %s).", e.lang.Date(e.kbUpdated())))
}

// status is statusHeadline without saying that nothing later is known.
func (e *snap) status(p *knowledge.Policy, related []*knowledge.Policy, q Query) string {
	s, _ := e.statusOf(p, related, q, false)
	return s
}

// statusOf is status; when closing, the sentence on the latest or earlier item says too that
// nothing later is known (a fourth sentence of its own made the headline too long), and
// closed reports that it did.
func (e *snap) statusOf(p *knowledge.Policy, related []*knowledge.Policy, q Query, closing bool) (status string, closed bool) {
	updated := e.lang.Date(e.kbUpdated())
	yesNo := q.YesNo
	today := e.now()
	latest := p
	for _, x := range related[1:] {
		if x.Date.Time.After(latest.Date.Time) && !x.Date.Time.After(today) && sharesMinerals(x, p) {
			latest = x
		}
	}
	if next := e.successor(p); next != nil && next.Date.Time.After(latest.Date.Time) && !next.Date.Time.After(today) {
		latest = next
	}
	if e.ended(p) && !p.EndScheduled && latest != p && latest.Kind == p.Kind && len(p.Minerals) > 0 && sharesMinerals(latest, p) &&
		(latest.EndDate.IsZero() || !e.ended(latest)) && latest.Suspends != p.ID {
		// "Is the DRC cobalt quota still in force?": the quotas' carry-over ended; the annual
		// cap that came after has not. The item in force answers; the one that ended follows.
		if closing {
			return sentences(e.status(latest, []*knowledge.Policy{latest}, q),
				e.f("The earlier item “%s” ended on %s; nothing later is in the knowledge base (updated %s).", e.policyTitle(p), e.lang.Date(p.EndDate), updated)), true
		}
		return sentences(e.status(latest, []*knowledge.Policy{latest}, q),
			e.f("The earlier item “%s” ended on %s.", e.policyTitle(p), e.lang.Date(p.EndDate))), false
	}
	title := "“" + e.policyTitle(p) + "”"
	y1, m1, d1 := p.EndDate.Time.Date()
	y2, m2, d2 := today.Date()
	susp := e.suspensionOf(p)
	if susp != nil && (p.EndDate.IsZero() || !e.ended(p)) {
		status = e.suspendedStatus(p, susp, yesNo)
		if latest == susp {
			latest = p // told already
		}
	}
	switch {
	case status != "":
	case !p.Effective.IsZero() && p.Effective.Time.After(today) && yesNo:
		status = e.f("Not yet — %s, signed %s, takes effect on %s.", title, e.lang.Date(p.Date), e.lang.Date(p.Effective))
	case !p.Effective.IsZero() && p.Effective.Time.After(today):
		status = e.f("%s, signed %s, takes effect on %s.", title, e.lang.Date(p.Date), e.lang.Date(p.Effective))
	case !p.EndDate.IsZero() && y1 == y2 && m1 == m2 && d1 == d2:
		status = e.f("%s ends today, %s.", title, e.lang.Date(p.EndDate))
	case !p.EndDate.IsZero() && p.EndDate.Time.Before(today) && p.EndScheduled:
		// Neither yes nor no: the end was scheduled, and no source says what happened.
		status = e.f("Not known — %s was due to end on %s; no source in the knowledge base says whether it was extended or lapsed.", title, e.lang.Date(p.EndDate))
	case !p.EndDate.IsZero() && p.EndDate.Time.Before(today) && !yesNo:
		status = e.f("%s ended on %s.", title, e.lang.Date(p.EndDate)) // "When did the Section 122 duty end?"
	case !p.EndDate.IsZero() && p.EndDate.Time.Before(today):
		status = e.f("No — %s ended on %s.", title, e.lang.Date(p.EndDate))
	case !p.EndDate.IsZero() && !yesNo:
		status = e.f("%s runs until %s.", title, e.lang.Date(p.EndDate))
	case !p.EndDate.IsZero():
		status = e.f("Yes — %s runs until %s.", title, e.lang.Date(p.EndDate))
	case asksEnd(q) && e.textSays(p, endInText) != "":
		// "When does the USMCA expire?": the item gives no end date, but its text says when
		// the agreement ends; that sentence answers, with the item it comes from.
		status = sentences(e.textSays(p, endInText), e.f("So says “%s”, %s.", e.policyTitle(p), e.lang.Date(p.Date)))
	case asksForce(q) && e.textSays(p, forceInText) != "":
		// "Is the USMCA still in force?": the item's text says it stays in force.
		status = e.textSays(p, forceInText)
		if yesNo {
			status = e.verdict(true, status)
		}
		status = sentences(status, e.f("So says “%s”, %s.", e.policyTitle(p), e.lang.Date(p.Date)))
	case yesNo && asksForce(q) && e.openEndedInForce(p) && namesItsKind(p, q):
		// "Is the DRC cobalt cap still in force?": yes, as far as the records go (status_open.go).
		status = e.f("Yes — as far as the knowledge base goes (updated %s), %s has applied since %s: it gives it no end date, and no later item in it ends, suspends or replaces it.",
			updated, title, e.lang.Date(inForceSince(p)))
		if latest == p {
			return status, closing
		}
	default:
		// What the item did, rather than only that it has no end: "was the USMCA renewed?"
		status = sentences(e.policyHeadline(p), e.t("The knowledge base gives it no end date."))
	}
	if latest != p {
		item := e.lang.Date(latest.Date) + ", " + e.policyTitle(latest)
		item += e.endNote(latest)
		if closing {
			return sentences(status, e.f("The latest related item (nothing later is in the knowledge base, updated %s): %s.", updated, item)), true
		}
		status = sentences(status, e.f("The latest related item: %s.", item))
	}
	return status, false
}

// asksEnd reports whether a question asks when something ends or expires; asksForce whether
// it asks if it is still in force.
func asksEnd(q Query) bool {
	return slices.ContainsFunc(q.Terms, func(w string) bool { return endWords[w] || textEndWords[w] })
}

func asksForce(q Query) bool {
	return q.Polarity == Still || slices.ContainsFunc(q.Terms, func(w string) bool { return forceWords[w] && !endWords[w] })
}

// textEndWords say in an item's text that something ends or expires; forcePhrases that it is
// in force; notInForce that it is not.
var (
	textEndWords = set("expire", "expires", "expiring", "expiry", "lapse", "lapses", "ends", "terminate", "terminates",
		"termina", "terminan", "terminara", "vence", "vencen", "vencera", "expira", "expiran", "caduca", "caducan")
	forcePhrases = newPhrases("stays in force", "remains in force", "still in force", "stays in effect", "remains in effect",
		"still in effect", "sigue vigente", "sigue en vigor", "continua vigente", "continua en vigor", "permanece vigente",
		"permanece en vigor", "mantiene vigente", "mantiene en vigor")
	// negations before a phrase deny it: "the ban did not stay in force".
	negations = set("not", "no", "never", "nunca", "didnt", "doesnt", "isnt", "longer")
)

// endInText reports whether a sentence's words say when something ends: an end verb and a
// year ("the agreement expires in 2036 if it has not been renewed").
func endInText(words []string, joined string) bool {
	return slices.ContainsFunc(words, func(w string) bool { return textEndWords[w] }) &&
		slices.ContainsFunc(words, func(w string) bool { return len(w) == 4 && isNumber(w) && (w[:2] == "19" || w[:2] == "20") })
}

// forceInText reports whether a sentence's words say something stays in force ("the
// agreement stays in force while…", "el T-MEC sigue vigente"), not denied by the two words
// before.
func forceInText(words []string, joined string) bool {
	for i, w := range words {
		for _, rest := range forcePhrases[w] {
			if !strings.HasPrefix(joined[wordOffset(words, i):], w+" "+rest+" ") {
				continue
			}
			if !negations[at(words, i-1)] && !negations[at(words, i-2)] {
				return true
			}
		}
	}
	return false
}

// textSays is the first sentence of an item's text, in the answer's language, that says what
// says asks; "" when none does.
func (e *snap) textSays(p *knowledge.Policy, says func(words []string, joined string) bool) string {
	for _, s := range sentencesOf(e.summary(p.Summary, p.SummaryES)) {
		words := strings.FieldsFunc(knowledge.Normalize(s), func(r rune) bool { return (r < 'a' || r > 'z') && (r < '0' || r > '9') })
		if says(words, " "+strings.Join(words, " ")+" ") {
			return s
		}
	}
	return ""
}

// suspendedStatus says whether an item is in force given its suspension: suspended while the
// suspension runs; in force again once it ended; not known when it was only due to end.
func (e *snap) suspendedStatus(p, susp *knowledge.Policy, yesNo bool) string {
	title, by := "“"+e.policyTitle(p)+"”", "“"+e.policyTitle(susp)+"”"
	var status string
	switch {
	case susp.EndDate.IsZero():
		status = e.f("%s is suspended since %s, with no end date in the knowledge base: %s.", title, e.lang.Date(susp.Date), by)
	case !e.ended(susp):
		status = e.f("%s is suspended from %s until %s: %s.", title, e.lang.Date(susp.Date), e.lang.Date(susp.EndDate), by)
	case susp.EndScheduled:
		return e.f("Not known — %s was suspended from %s until %s; no source in the knowledge base says whether the suspension was extended or lapsed.",
			title, e.lang.Date(susp.Date), e.lang.Date(susp.EndDate))
	default:
		status = e.f("%s applies again: its suspension (%s) ended on %s.", title, by, e.lang.Date(susp.EndDate))
		if yesNo {
			return e.verdict(true, status)
		}
		return status
	}
	if yesNo {
		return e.verdict(false, status)
	}
	return status
}

// askedInChain picks, from an item and the items that followed it (a ban, its suspension),
// the one whose title the question's other words match best: "is the suspension of the ban
// still in force" is about the suspension. Ties go to the item named.
func (e *snap) askedInChain(p *knowledge.Policy, q Query) *knowledge.Policy {
	best, bestScore := p, e.titleMatch(p, q)
	for x, n := e.successor(p), 0; x != nil && n < 4; x, n = e.successor(x), n+1 {
		if x.Suspends != "" && !asksSuspension(q) {
			continue // its title names what it suspends: "is the ban still in force" is about the ban, and says so
		}
		if s := e.titleMatch(x, q); s > bestScore {
			best, bestScore = x, s
		}
	}
	return best
}

// namedConcerns reports whether the policy item a question names concerns a mineral it names
// (or it names none). "What is the Section 232 tariff on copper?" names the 2025 order on
// processed critical minerals by its alias; the items on copper tariffs answer it.
func (e *snap) namedConcerns(q Query) bool {
	p, ok := e.kb.Policy(q.Policies[0])
	return !ok || len(q.Minerals) == 0 || len(p.Minerals) == 0 && p.Kind == "tariff" ||
		slices.ContainsFunc(q.Minerals, func(m string) bool { return policyHasMineral(e.kb, p, m) })
}

// statusSubject is the item a status question is about: the item that best matches it,
// unless that suspends another and the question does not ask about a suspension. "Is
// China's ban on antimony exports to the U.S. still in force?" is about the ban, whose
// suspension's title names it too; the ban's status accounts for the suspension.
func (e *snap) statusSubject(p *knowledge.Policy, q Query) *knowledge.Policy {
	if p.Suspends == "" || asksSuspension(q) {
		return p
	}
	if s, ok := e.kb.Policy(p.Suspends); ok {
		return s
	}
	return p
}

// asksSuspension reports whether a question asks about a suspension or a pause.
func asksSuspension(q Query) bool {
	for _, w := range q.Terms {
		if strings.HasPrefix(w, "suspen") || strings.HasPrefix(w, "paus") || w == "truce" || w == "tregua" {
			return true
		}
	}
	return false
}

// suspensionOf is the latest item, dated by today, that suspends p, if any.
func (e *snap) suspensionOf(p *knowledge.Policy) *knowledge.Policy {
	var last *knowledge.Policy
	for _, x := range e.kb.Policies {
		if x.Suspends == p.ID && !x.Date.Time.After(e.now()) && (last == nil || x.Date.Time.After(last.Date.Time)) {
			last = x
		}
	}
	return last
}

// statusWords ask about an item's status, and name none.
var statusWords = set("still", "force", "effect", "status", "active", "valid", "expired", "lapsed", "vigente", "vigor", "sigue", "todavia", "estado")

// titleMatch counts the question's words found in an item's title and aliases.
func (e *snap) titleMatch(p *knowledge.Policy, q Query) int {
	words := e.policyWords(p)
	n := 0
	for _, w := range q.Terms {
		if statusWords[w] {
			continue // "in force" asks the status; it does not name "forced-labor tariffs"
		}
		if words[stem(w)] == 2 {
			n++
		}
	}
	return n
}

// successor is the later item that concerns most of what an item concerns (at least half its
// minerals and one of its countries): the suspension of a ban, the next step of a plan.
func (e *snap) successor(p *knowledge.Policy) *knowledge.Policy {
	var best *knowledge.Policy
	bestN := 0
	for _, x := range e.kb.Policies {
		if !x.Date.Time.After(p.Date.Time) || x == p {
			continue
		}
		n := 0
		for _, m := range p.Minerals {
			if slices.Contains(x.Minerals, m) {
				n++
			}
		}
		country := false
		for _, c := range p.Countries {
			country = country || slices.Contains(x.Countries, c)
		}
		if !country || 2*n < len(p.Minerals) || len(p.Minerals) == 0 && (x.Kind != p.Kind || !allIn(p.Countries, x.Countries)) {
			continue
		}
		if x.Suspends != p.ID && !e.sharesTitleWord(p, x) {
			continue // the next step of a tariff names it, not a roundtable that names one of its metals
		}
		if n > bestN || n == bestN && best != nil && x.Date.Time.After(best.Date.Time) || best == nil {
			best, bestN = x, n
		}
	}
	return best
}

// sharesTitleWord reports whether two items' titles or aliases share a word that tells items
// apart: "Section 232 tariffs … restructured" and "Section 232 metals tariffs eased for
// equipment" do; it and "White House mining roundtable" do not.
func (e *snap) sharesTitleWord(p, x *knowledge.Policy) bool {
	words := e.policyWords(x)
	for _, t := range append([]string{p.Title, p.TitleES}, p.Aliases...) {
		for _, w := range strings.Fields(knowledge.Normalize(t)) {
			w = strings.Trim(w, ".,:;()\"'")
			if len(w) > 2 && !stopWords[w] && !genericTitleWords[w] && words[stem(w)] == 2 {
				return true
			}
		}
	}
	return false
}

func allIn(xs, ys []string) bool {
	for _, x := range xs {
		if !slices.Contains(ys, x) {
			return false
		}
	}
	return true
}

func sharesMinerals(a, b *knowledge.Policy) bool {
	for _, m := range a.Minerals {
		if slices.Contains(b.Minerals, m) {
			return true
		}
	}
	return len(a.Minerals) == 0 && len(b.Minerals) == 0
}

// kbUpdated is the newest "updated" date of the policy items.
func (e *snap) kbUpdated() knowledge.Date {
	var d knowledge.Date
	for _, p := range e.kb.Policies {
		if p.Updated.Time.After(d.Time) {
			d = p.Updated
		}
	}
	return d
}

// rankPolicies scores every policy item against a query: records named (the policy itself
// most, then its minerals and countries) and the question's other words in its title,
// aliases and text. Items that match nothing the question names are left out.
func (e *snap) rankPolicies(q Query) ([]*knowledge.Policy, []float64) {
	type scored struct {
		p     *knowledge.Policy
		score float64
		named bool // named by its title's words, in a question that asks a rate
	}
	var out []scored
	tariff := asksTariff(q)
	rate, topics := asksRate(q), e.rateTopics(q)
	invest := slices.ContainsFunc(q.Terms, func(w string) bool { return investWords[w] })
	// "which minerals did China ban to the US?" asks what the ban did: a restriction's verb
	// and none of lifting it, and not whether it still holds.
	imposed := !q.Status && slices.ContainsFunc(q.Terms, func(w string) bool { return restrictWords[w] }) &&
		!slices.ContainsFunc(q.Terms, func(w string) bool { return liftWords[w] })
	var instruments []string
	for _, w := range q.Terms {
		if instrumentWords[w] {
			instruments = append(instruments, stem(w))
		}
	}
	phrases, kinds := termPhrases(q.Terms), askedKinds(q.Terms) // Helper V: "ley minera" (policy_phrases.go)
	for _, p := range e.kb.Policies {
		s := 0.0
		if slices.Contains(q.Policies, p.ID) && (len(q.Minerals) == 0 || e.namedConcerns(q)) && (!rate || e.statesRate(p, topics)) {
			// "section 232 rate for steel" names the 2025 order by its alias; it sets no rate.
			s += 10
		} else if rate && len(q.Policies) > 0 && e.namedFamily(q, p) && e.statesRate(p, topics) {
			// The items whose names contain the name asked ("section 232 metals") and give
			// the rate answer for it.
			s += 5
		}
		words := e.policyWords(p)
		for _, m := range q.Minerals {
			if slices.Contains(p.Minerals, m) {
				s += 3
				if e.leadNames(p, words, m) {
					// An item about the mineral in particular, whose headline names it:
					// "Any policy news on cobalt?" leads with the DRC's cobalt quota, not a
					// monument order listing cobalt among eleven minerals.
					s++
				}
			} else if mm, ok := e.kb.Mineral(m); ok && mm.Group != "" && slices.Contains(p.Minerals, mm.Group) {
				s += 2
			}
		}
		for _, c := range q.Countries {
			if slices.Contains(p.Countries, c) {
				s += 2
			}
		}
		if namesEU(q) && euJurisdiction(p) {
			s += 2 // "what did the US and EU agree": the EU is no country record, but a party
		}
		if p.Kind == "agreement" && asksAgreement(q) && !slices.ContainsFunc(q.Terms, func(w string) bool { return signWords[w] }) {
			// "what did Mexico and the US agree": an agreement before a meeting. Whether
			// something was signed is what a statement may deny, so that one is left to rank.
			s += 1
		}
		for _, w := range q.Terms {
			if month, ok := months[w]; ok && q.Month == 0 && len(w) > 3 && !p.Date.IsZero() && int(p.Date.Time.Month()) == month {
				// "the April proclamation": a month named with no date is the item's, as a
				// word of its title would be.
				s += 1.5
			}
			if yearAsked(q, w) {
				continue // the item's date answers it (datedInYear), not its text's mention
			}
			w = stem(w)
			if words[w] == 2 {
				s += 1.5
			} else if words[w] == 1 {
				s += 0.5
			}
			s += e.rareWordBonus(p.ID, w) // Helper W: "ieepa" (policy_rare.go)
		}
		s += phraseScore(words, phrases)
		if s > 0 && slices.Contains(kinds, p.Kind) {
			s++ // "ley minera": the law, before a remark on changing it
		}
		if s == 0 {
			continue
		}
		if datedInYear(p, q) {
			// "lithium law 2022", "ley de litio 2022": a year named with no month is the
			// item's, as a word of its title would be; not a later ruling that mentions it.
			s += 1.5
		}
		if len(instruments) > 0 && e.leadSays(p, instruments) {
			// "what did the July proclamation do": an item that is a proclamation, not one
			// whose text mentions another.
			s++
		}
		if imposed && p.Suspends != "" && s > 1 {
			// The measure itself before the item that suspends it, which shares its words.
			s--
		}
		if invest && statesMoney(p) {
			// "Did the US invest in rare earths?": an item that says what was put in, before a
			// summit that chartered a board of investment.
			s += 3
		}
		if asked := e.askedStems(q); tariff && e.tariffWith(p, asked, min(2, len(asked))) {
			// "did the supreme court strike down tariffs?": an item with a sentence that
			// speaks of tariffs and of what the question asks of them, not one about another
			// court ruling that mentions a duty elsewhere.
			s += 2
		}
		if rate && e.statesRate(p, topics) {
			// "What is the Section 232 tariff on aluminum?": the item that gives the rate, not
			// one that only concerns the metal.
			s += 2
		}
		// "¿el plan méxico eeuu incluye aranceles?" names an item by its title's words and
		// asks a topic of it; that item is kept, and ranks first (below).
		// An item whose title has the question's words but which never speaks of a tariff
		// is not named when another item's sentence has both: "did the supreme court strike
		// down tariffs?" is not Mexico's Supreme Court ruling on lithium.
		// An export control is no tariff, whatever its title shares with the question: "the
		// tariff on Chinese lithium-ion batteries" does not name China's controls on battery
		// materials.
		named := rate && (slices.Contains(q.Policies, p.ID) || e.titleNames(q, p, words) &&
			(!tariff || p.Kind != "export-control" && (e.mentionsTariff(p) || !e.tariffElsewhere(q, words))))
		if tariff && !named && (p.Kind == "export-control" || !e.mentionsTariff(p)) {
			continue // "tariffs on graphite": an export ban on graphite is not one
		}
		// Every mineral and country named must be one the item concerns, when any is.
		if len(q.Minerals) > 0 && !slices.ContainsFunc(q.Minerals, func(m string) bool { return policyHasMineral(e.kb, p, m) }) &&
			(len(q.Policies) == 0 || !e.namedConcerns(q)) {
			continue
		}
		if len(q.Countries) > 0 && len(p.Countries) > 0 && !slices.ContainsFunc(q.Countries, func(c string) bool { return slices.Contains(p.Countries, c) }) &&
			!e.namedAbroad(q, p) && !e.topicAbroad(q, p, words) { // Helper Z: "section 232 tariffs on Mexico" (named_abroad.go); Helper AA: "tariff on Mexican steel"
			continue // "… lithium in Chile?": not Mexico's lithium law
		}
		if namesEU(q) && len(q.Countries) == 0 && !euJurisdiction(p) {
			continue // "what has the EU done on graphite": not China's export controls
		}
		out = append(out, scored{p, s, named})
	}
	// Best first; among equals, newest first. kb.Policies is in date order already, so a
	// stable sort by score keeps the tie order if the slice is walked newest first.
	slices.Reverse(out)
	slices.SortStableFunc(out, func(a, b scored) int { return cmp.Compare(b.score, a.score) })
	if q.Amount {
		// "how many mining concessions did Mexico cancel?": the items that count what is
		// asked ("1,126 mining concessions", "all nine mining concessions") answer it,
		// newest first: a later count takes in or replaces an earlier one.
		counted := make(map[*knowledge.Policy]bool, len(out)) // once per item, not per comparison
		for _, x := range out {
			counted[x.p] = e.countsAsked(x.p, q)
		}
		slices.SortStableFunc(out, func(a, b scored) int {
			ca, cb := counted[a.p], counted[b.p]
			switch {
			case ca && cb:
				return b.p.Date.Time.Compare(a.p.Date.Time)
			case ca:
				return -1
			case cb:
				return 1
			}
			return 0
		})
	}
	// A question that names an item and asks a tariff or rate of it asks that item first; an
	// item that only gives a rate on the topic follows.
	slices.SortStableFunc(out, func(a, b scored) int {
		switch {
		case a.named && !b.named:
			return -1
		case b.named && !a.named:
			return 1
		}
		return 0
	})
	ps := make([]*knowledge.Policy, len(out))
	scores := make([]float64, len(out))
	for i, x := range out {
		ps[i], scores[i] = x.p, x.score
	}
	return ps, scores
}

// namesEU reports whether a question names the EU (which the parser reads as its lists).
func namesEU(q Query) bool {
	return slices.ContainsFunc(q.Lists, func(l knowledge.List) bool { return slices.Contains(euLists, l) })
}

// euJurisdiction reports whether the European Union is a party to an item: it has no
// country record, so only the item's jurisdiction names it.
func euJurisdiction(p *knowledge.Policy) bool {
	return strings.Contains(p.Jurisdiction, "European Union")
}

// tariffWords ask about tariffs or duties; tariffStems are how an item's text says it is one.
var (
	tariffWords = set("tariff", "tariffs", "duty", "duties", "arancel", "aranceles", "tarifa", "tarifas", "levy", "levies")
	tariffStems = []string{"tarif", "duty", "dutie", "aranc", "levy", "levie", "dumpi"}
)

// generalTariffKinds are the kinds of item that, naming no mineral, may set tariffs on any:
// a tariff, or the investigation or order that leads to one (a meeting that mentions
// tariffs does not).
var generalTariffKinds = []string{"tariff", "investigation", "decree"}

func asksTariff(q Query) bool {
	return slices.ContainsFunc(q.Terms, func(w string) bool { return tariffWords[w] })
}

// mentionsTariff reports whether an item's title or text speaks of a tariff or duty.
func (e *snap) mentionsTariff(p *knowledge.Policy) bool {
	words := e.policyWords(p)
	return slices.ContainsFunc(tariffStems, func(s string) bool { return words[s] > 0 })
}

// noTariff answers a question about tariffs on minerals no tariff item concerns: that the
// knowledge base holds none on them in particular, the tariff items that name no mineral
// (they may cover them), and the items it holds about them.
func (e *snap) noTariff(q Query) *Answer {
	var names []string
	for _, id := range q.Minerals {
		if m, ok := e.kb.Mineral(id); ok {
			names = append(names, strings.ToLower(e.mineralName(m)))
		}
	}
	var general, about []*knowledge.Policy
	for _, p := range newestFirst(e.kb.Policies) {
		switch {
		case len(p.Minerals) == 0 && slices.Contains(generalTariffKinds, p.Kind) && e.mentionsTariff(p):
			general = append(general, p)
		case slices.ContainsFunc(q.Minerals, func(m string) bool { return policyHasMineral(e.kb, p, m) }) && e.concerns(p, Query{Countries: q.Countries}):
			about = append(about, p)
		}
	}
	items := append(general, about...)
	a := e.policyList(items[:min(8, len(items))], "Policy items that match")
	a.Headline = e.f("No tariff or duty on %s in particular is in the knowledge base (updated %s).", e.and(names), e.lang.Date(e.kbUpdated()))
	switch {
	case len(general) > 0:
		a.Headline = sentences(a.Headline, e.f("The newest tariff item that names no mineral: %s.", e.lang.Date(general[0].Date)+", "+e.policyTitle(general[0])))
	case len(about) > 0:
		a.Headline = sentences(a.Headline, e.f("Its newest item about it: %s.", e.lang.Date(about[0].Date)+", "+e.policyTitle(about[0])))
	}
	return a
}

// agreeWords ask what was agreed or signed.
var agreeWords = set("agree", "agreed", "agrees", "agreement", "acordaron", "acuerdo", "acordo", "acordado", "acordada",
	"pactaron", "pacto", "pactado", "convinieron", "convino",
	"acepto", "aceptaron", "aceptado") // Helper AC: "¿China aceptó suministrar tierras raras?"

// dealWords name a deal loosely ("did the US forge a deal with Japan?").
var dealWords = set("deal", "deals", "pact", "pacts", "accord", "accords", "agreements", "acuerdos", "pacto", "pactos", "trato",
	"tratos", "convenio", "convenios", "memorando", "memorandum", "memorandos", "mou")

// liftWords suspend, pause or lift a measure: a question with one asks about the suspension,
// not the measure suspended.
var liftWords = set("suspend", "suspends", "suspended", "suspending", "suspension", "suspensions", "pause", "paused", "pauses",
	"lift", "lifts", "lifted", "lifting", "eased", "resumed", "suspende", "suspenden", "suspendio", "suspendieron",
	"suspendido", "suspendida", "suspensiones", "pausa", "pauso", "levanta", "levanto", "levantaron", "levantada",
	"levantado", "reanudo", "reanudaron")

// signWords ask what was signed; between two countries or more, that is a deal ("what did
// the UK sign with the US?", "¿qué firmaron México y EE. UU.?").
var signWords = set("sign", "signed", "signs", "firmo", "firmaron", "firmado", "firmada", "firma", "firmaran", "firmara")

// dealKinds are the kinds of item that may record a deal between countries.
var dealKinds = set("agreement", "announcement", "meeting", "program")

// asksAgreement reports whether q asks about an agreement or a deal.
func asksAgreement(q Query) bool {
	return slices.ContainsFunc(q.Terms, func(w string) bool {
		return agreeWords[w] || dealWords[w] || len(q.Countries) >= 2 && signWords[w]
	})
}

// stem is a word's first five letters: enough to match "suspension" with "suspends" and
// "agreed" with "agreement" without a stemmer per language.
func stem(w string) string {
	n := 0
	for i := range w {
		if n == 5 {
			return w[:i]
		}
		n++
	}
	return w
}

func policyHasMineral(kb *knowledge.KB, p *knowledge.Policy, id string) bool {
	if slices.Contains(p.Minerals, id) {
		return true
	}
	m, ok := kb.Mineral(id)
	return ok && m.Group != "" && slices.Contains(p.Minerals, m.Group)
}

// policyWords are a policy item's words: 2 for its titles and aliases, 1 for its text.
func (e *snap) policyWords(p *knowledge.Policy) map[string]int {
	return e.served.policyWords[p.ID]
}

// indexPolicyWords collects every policy item's words once per knowledge base.
func indexPolicyWords(kb *knowledge.KB) map[string]map[string]int {
	out := make(map[string]map[string]int, len(kb.Policies))
	for _, p := range kb.Policies {
		w := map[string]int{}
		// The kind ("export-control") counts as text: every item of the kind has it, so it
		// ranks them against other kinds, not the suspension of a control above the control.
		for _, t := range []string{p.Summary, p.SummaryES, p.Kind} {
			for _, x := range strings.Fields(knowledge.Normalize(t)) {
				w[stem(x)] = max(w[stem(x)], 1)
			}
		}
		for _, t := range append([]string{p.Title, p.TitleES}, p.Aliases...) {
			for _, x := range strings.Fields(knowledge.Normalize(t)) {
				w[stem(x)] = 2
				for _, f := range append(wordForms(x), titleSynonyms[x]...) { // Helper AA: "ruling" is asked as "rule" (word_forms.go)
					w[f] = 2
				}
			}
			for _, x := range acronyms(t) {
				w[stem(x)] = 2
			}
			addPhrases(w, t, 2) // Helper V (policy_phrases.go)
		}
		out[p.ID] = w
	}
	return out
}

// acronyms are the initials of each run of three or more capitalised words in a title, which
// people type for it: "dpa" of "Defense Production Act determination on …".
func acronyms(title string) []string {
	var out []string
	run := ""
	for _, w := range append(strings.Fields(title), "") {
		if r := []rune(w); len(r) > 0 && unicode.IsUpper(r[0]) {
			run += string(unicode.ToLower(r[0]))
			continue
		}
		if len(run) >= 3 {
			out = append(out, run)
		}
		run = ""
	}
	return out
}

// leadNames reports whether an item's title, aliases (words, from policyWords) or first
// sentence, the one its headline shows, name mineral m, in English or Spanish.
func (e *snap) leadNames(p *knowledge.Policy, words map[string]int, m string) bool {
	mn, ok := e.kb.Mineral(m)
	if !ok {
		return false
	}
	var lead []string
	for _, t := range []string{p.Summary, p.SummaryES} {
		lead = append(lead, strings.Fields(knowledge.Normalize(e.sentence(t)))...)
	}
	for _, n := range []string{mn.Name, mn.NameES} {
		f := strings.Fields(knowledge.Normalize(n))
		if len(f) == 0 {
			continue
		}
		w := stem(f[len(f)-1])
		if words[w] == 2 || slices.ContainsFunc(lead, func(x string) bool { return stem(x) == w }) {
			return true
		}
	}
	return false
}

func itoa(n int) string { return strconv.Itoa(n) }

// concerns reports whether an item is about every country and about a mineral the query
// names (any item, when it names none), and, when it names items, is one of them or of their
// family ("latest news on section 232": every Section 232 item, not only the 2025 order).
func (e *snap) concerns(p *knowledge.Policy, q Query) bool {
	if len(q.Policies) > 0 && !slices.Contains(q.Policies, p.ID) && !e.namedFamily(q, p) {
		return false
	}
	for _, c := range q.Countries {
		if !slices.Contains(p.Countries, c) {
			return false
		}
	}
	if namesEU(q) && len(q.Countries) == 0 && !euJurisdiction(p) {
		return false // "EU news this month": the EU's items, as rankPolicies reads it
	}
	return len(q.Minerals) == 0 || slices.ContainsFunc(q.Minerals, func(m string) bool { return policyHasMineral(e.kb, p, m) })
}

// concerned is the items the query concerns, oldest first.
func (e *snap) concerned(q Query) []*knowledge.Policy {
	var ps []*knowledge.Policy
	for _, p := range e.kb.Policies {
		if e.concerns(p, q) {
			ps = append(ps, p)
		}
	}
	return ps
}

// datedIn reports whether a date falls in the month and year a question names.
func datedIn(d knowledge.Date, q Query) bool {
	return !d.IsZero() && d.Time.Year() == q.Year && int(d.Time.Month()) == q.Month
}

// happenWords ask what happened, and name no topic.
var happenWords = set("happened", "happen", "happens", "happening", "effect", "effective", "taking", "takes", "take", "anything", "occurred", "paso", "pasado", "sucedio", "ocurrio", "hubo", "news", "noticias",
	"started", "starts", "start", "began", "begins", "ended", "ends", "end", "expires", "expire", "expired", "scheduled", "due",
	"vence", "vencen", "vencio", "termina", "terminan", "termino", "empieza", "empezo", "inicia", "comienza", "comenzo", "previsto",
	"week", "weeks", "semana", "first", "last", "early", "late", "mid", "policy", "policies", "event", "events", "politica", "politicas",
	"eventos", "items", "dated")

// datelessTerms are q's words less its date, and "critical" (every item's subject); what asks
// for news is left to hasTopic.
func datelessTerms(q Query) []string {
	var asked []string
	for _, w := range q.Terms {
		if _, month := months[w]; !month && !isNumber(w) && !slices.Equal(cueMeasures[w], []Measure{MeasureLists}) {
			asked = append(asked, w)
		}
	}
	return asked
}

// asksHappenings reports whether q asks what happened, is happening or is news ("what
// happened", "¿qué pasó?", "news"), not about a topic that a date only narrows.
func asksHappenings(q Query) bool {
	return slices.ContainsFunc(q.Terms, func(w string) bool { return pastWords[w] || happeningWords[w] })
}

// asksPast reports whether q asks what happened, in the past tense ("what happened", "¿qué
// pasó?"): not what is scheduled.
func asksPast(q Query) bool {
	return slices.ContainsFunc(q.Terms, func(w string) bool { return pastWords[w] })
}

// pastWords ask what has happened; news is what has.
var pastWords = set("happened", "occurred", "paso", "sucedio", "ocurrio", "hubo", "news", "noticias")

// happeningWords ask what happens, beside the pastWords.
var happeningWords = set("happen", "happens", "happening")

// hasTopic reports whether a question names something besides a date: a mineral, a country,
// or a word the parser does not know ("DPA determination", "Sheinbaum").
func hasTopic(q Query) bool {
	if len(q.Minerals)+len(q.Countries) > 0 {
		return true
	}
	for _, w := range q.Rest {
		if !happenWords[w] {
			return true
		}
	}
	return false
}

// yearOfMonth is the year of a month named without one: this year's, unless the question
// asks what is to come and the month (or its day) is past ("¿qué vence en enero?" in
// November: next January), or what happened and the month is still to come ("what happened
// in December?" in November: last December).
func (e *snap) yearOfMonth(q Query) int {
	today := e.today()
	y := today.Year()
	first := time.Date(y, time.Month(q.Month), 1, 0, 0, 0, 0, time.UTC)
	switch {
	case q.Tense == "future" && q.Day > 0 && time.Date(y, time.Month(q.Month), q.Day, 0, 0, 0, 0, time.UTC).Before(today):
		return y + 1
	case q.Tense == "future" && q.Day == 0 && first.AddDate(0, 1, 0).Before(today.AddDate(0, 0, 1)):
		return y + 1 // the month is over
	case q.Tense == "past" && q.Day > 0 && time.Date(y, time.Month(q.Month), q.Day, 0, 0, 0, 0, time.UTC).After(today):
		return y - 1
	case q.Tense == "past" && q.Day == 0 && first.After(today):
		return y - 1
	}
	return y
}

// future reports whether the day (or month) a question names is after today.
func (e *snap) future(q Query) bool {
	today := e.today()
	if q.Day > 0 {
		return time.Date(q.Year, time.Month(q.Month), q.Day, 0, 0, 0, 0, time.UTC).After(today)
	}
	return time.Date(q.Year, time.Month(q.Month), 1, 0, 0, 0, 0, time.UTC).After(today)
}

// monthView answers "what happened in March 2026": the items dated in that month, and those
// that ended or were due to end in it, oldest first; of only, when it is given.
func (e *snap) monthView(q Query, only []*knowledge.Policy) *Answer {
	var dayLabel, dayNote string // the day asked, when it has items; or that it has none
	var dated, starting, ending []*knowledge.Policy
	for _, p := range e.concerned(q) {
		if only != nil && !slices.Contains(only, p) {
			continue
		}
		switch {
		case datedIn(p.Date, q):
			dated = append(dated, p)
		case datedIn(p.Effective, q):
			starting = append(starting, p)
		case datedIn(p.EndDate, q):
			ending = append(ending, p)
		}
	}
	dated, starting, ending, onlyNote := e.monthAsked(q, dated, starting, ending) // Helper AC: "what ends in December?" (month_asked.go)
	if q.Day > 0 {
		// "What happened on 4 February 2026?": that day's items, when there are any.
		onDay := func(ps []*knowledge.Policy, date func(*knowledge.Policy) knowledge.Date) []*knowledge.Policy {
			var out []*knowledge.Policy
			for _, p := range ps {
				if d := date(p); d.Precision != knowledge.Month && d.Time.Day() == q.Day {
					out = append(out, p)
				}
			}
			return out
		}
		d, en := onDay(dated, func(p *knowledge.Policy) knowledge.Date { return p.Date }), onDay(ending, func(p *knowledge.Policy) knowledge.Date { return p.EndDate })
		st := onDay(starting, func(p *knowledge.Policy) knowledge.Date { return p.Effective })
		day := e.lang.Date(knowledge.Date{Time: time.Date(q.Year, time.Month(q.Month), q.Day, 0, 0, 0, 0, time.UTC)})
		if len(d)+len(st)+len(en) > 0 {
			dated, starting, ending, dayLabel = d, st, en, day
		} else if e.future(q) {
			dayNote = e.f("%s is still to come: nothing in the knowledge base is scheduled for that day.", day)
		} else {
			dayNote = e.f("Nothing in the knowledge base is dated %s.", day)
		}
	}
	if len(dated) == 1 && len(starting)+len(ending) == 0 && onlyNote == "" {
		// "What did China ban in December 2024?": the one item, as its card.
		return e.policyCard(dated[0], q)
	}
	month := e.lang.Date(knowledge.Date{Time: time.Date(q.Year, time.Month(q.Month), 1, 0, 0, 0, 0, time.UTC), Precision: knowledge.Month})
	if dayLabel != "" {
		month = dayLabel
	}
	var lines []string
	for _, p := range dated {
		line := e.policyTitle(p)
		if dayLabel == "" {
			line = e.lang.Date(p.Date) + ", " + line
		}
		lines = append(lines, line)
	}
	for _, p := range starting {
		start := e.f("taking effect: %s", e.policyTitle(p))
		if dayLabel == "" {
			start = e.lang.Date(p.Effective) + ", " + start
		}
		lines = append(lines, start)
	}
	for _, p := range ending {
		end := e.f("end of: %s", e.policyTitle(p))
		if p.EndScheduled {
			end = e.f("scheduled end of: %s", e.policyTitle(p))
		}
		if dayLabel == "" {
			end = e.lang.Date(p.EndDate) + ", " + end
		}
		lines = append(lines, end)
	}
	a := e.policyList(slices.Concat(dated, starting, ending), "Policy items")
	a.Title = e.f("%s in the knowledge base", month)
	switch {
	case len(lines) == 0:
		a.Headline = e.f("Nothing in the knowledge base is dated %s (updated %s).", month, e.lang.Date(e.kbUpdated()))
		if q.Day == 0 && only == nil {
			// "what happened in October 2026?": the items either side (views_pair_year.go)
			from := time.Date(q.Year, time.Month(q.Month), 1, 0, 0, 0, 0, time.UTC)
			a.Headline = sentences(a.Headline, e.nearestEvents(e.concerned(q), from, from.AddDate(0, 1, -1), false))
		}
	case dayLabel != "" && len(lines) <= 3:
		a.Headline = e.f("On %s: %s.", month, strings.Join(lines, "; "))
	case dayLabel != "":
		a.Headline = e.f("On %s: %s; and %s more.", month, strings.Join(lines[:3], "; "), itoa(len(lines)-3))
	case len(lines) <= 3:
		a.Headline = e.f("In %s: %s.", month, strings.Join(lines, "; "))
	default:
		a.Headline = e.f("In %s: %s; and %s more.", month, strings.Join(lines[:3], "; "), itoa(len(lines)-3))
	}
	a.Headline = sentences(dayNote, onlyNote, a.Headline)
	return a
}

// pastWeek answers "what happened last week?": what ps dated, started or ended in the seven
// days to today, oldest first.
func (e *snap) pastWeek(ps []*knowledge.Policy, q Query) *Answer {
	y, m, d := e.now().Date()
	end := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	return e.rangeView(ps, q, end.AddDate(0, 0, -7), end)
}

// periodDays is the first and last day of a period of days or weeks named relative to today
// ("yesterday", "this week", "next week"); weeks run Monday to Sunday.
func (e *snap) periodDays(t Timeline) (from, to time.Time, ok bool) {
	today := e.today()
	y := today.Year()
	monday := today.AddDate(0, 0, -((int(today.Weekday()) + 6) % 7))
	switch t {
	case Yesterday:
		return today.AddDate(0, 0, -1), today.AddDate(0, 0, -1), true
	case Today:
		return today, today, true
	case ThisWeek:
		return monday, monday.AddDate(0, 0, 6), true
	case NextWeek:
		return monday.AddDate(0, 0, 7), monday.AddDate(0, 0, 13), true
	case ThisYear:
		return time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), true
	}
	return time.Time{}, time.Time{}, false
}

// periodMonth is the month and year of a month named relative to today ("last month",
// "este mes", "next month").
func (e *snap) periodMonth(t Timeline) (month, year int, ok bool) {
	y, m, _ := e.now().Date()
	first := time.Date(y, m, 1, 0, 0, 0, 0, time.UTC)
	switch t {
	case LastMonth:
		first = first.AddDate(0, -1, 0)
	case ThisMonth:
	case NextMonth:
		first = first.AddDate(0, 1, 0)
	default:
		return 0, 0, false
	}
	return int(first.Month()), first.Year(), true
}

// yearView answers what happened in a calendar year, in the countries named if any; when
// no item concerning them is dated that year, it says so and names the nearest items before
// and after it.
func (e *snap) yearView(q Query) *Answer {
	ps := e.concerned(q)
	start, end := time.Date(q.Year, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(q.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	a := e.rangeView(ps, q, start, end)
	if len(q.Countries) == 0 || len(a.Related) > 0 {
		return a
	}
	a.Headline = e.f("No item in the knowledge base (updated %s) concerning %s is dated %s.", e.lang.Date(e.kbUpdated()), e.countryNames(q.Countries), strconv.Itoa(q.Year))
	var before, after *knowledge.Policy
	for _, p := range ps {
		switch {
		case p.Date.IsZero():
		case p.Date.Time.Before(start) && (before == nil || p.Date.Time.After(before.Date.Time)):
			before = p
		case p.Date.Time.After(end) && (after == nil || p.Date.Time.Before(after.Date.Time)):
			after = p
		}
	}
	var near []string
	for _, p := range []*knowledge.Policy{before, after} {
		if p != nil {
			near = append(near, e.lang.Date(p.Date)+", "+e.policyTitle(p))
		}
	}
	if len(near) > 0 {
		nearest := e.f("The nearest: %s.", strings.Join(near, "; "))
		if len(near) == 1 {
			nearest = e.f("The nearest item: %s.", near[0]) // "el más cercano", not "los"
		}
		a.Headline = sentences(a.Headline, nearest)
		a.Sections = []Section{{Heading: e.t("Policy items"), Items: near}}
	}
	return a
}

// rangeView answers a question about the days from start to end: what ps dated, started or
// ended in them, oldest first; only what ends or only what starts when q asks only that.
// Without any, it says that nothing in the knowledge base is dated (or scheduled, for days
// still to come) in them.
func (e *snap) rangeView(ps []*knowledge.Policy, q Query, start, end time.Time) *Answer {
	// A whole calendar year ("what happened this year?", "… in 2026?") has too many items
	// for the headline to start in January: the newest come first.
	wholeYear := start.Year() == end.Year() && start.YearDay() == 1 && end.Month() == time.December && end.Day() == 31
	if y, m, d := e.now().Date(); asksPast(q) {
		// What happened is what is past: an end date still scheduled has not happened.
		if today := time.Date(y, m, d, 0, 0, 0, 0, time.UTC); end.After(today) && !start.After(today) {
			end = today
		}
	}
	in := func(t knowledge.Date) bool {
		if t.IsZero() || t.Time.Before(start) {
			return false
		}
		if t.Precision == knowledge.Month {
			// A date known to the month is in the days only when its whole month is ("what
			// happened in 2025?" has "Dec 2024"'s neighbours, "last week" none of them).
			return !t.Time.AddDate(0, 1, -1).After(end)
		}
		return !t.Time.After(end)
	}
	startsAsked := slices.ContainsFunc(q.Terms, func(w string) bool { return startWords[w] })
	endsAsked := slices.ContainsFunc(q.Terms, func(w string) bool { return endWords[w] })
	onlyEnds, onlyStarts := endsAsked && !startsAsked, startsAsked && !endsAsked
	type event struct {
		p    *knowledge.Policy
		at   knowledge.Date
		what string
	}
	var events []event
	for _, p := range ps {
		switch {
		case in(p.Date) && !onlyEnds && !onlyStarts:
			events = append(events, event{p, p.Date, e.policyTitle(p)})
		case in(p.Effective) && !onlyEnds:
			events = append(events, event{p, p.Effective, e.f("taking effect: %s", e.policyTitle(p))})
		case in(p.EndDate) && p.EndScheduled && !onlyStarts:
			events = append(events, event{p, p.EndDate, e.f("scheduled end of: %s", e.policyTitle(p))})
		case in(p.EndDate) && !onlyStarts:
			events = append(events, event{p, p.EndDate, e.f("end of: %s", e.policyTitle(p))})
		}
	}
	slices.SortStableFunc(events, func(x, y event) int { return x.at.Time.Compare(y.at.Time) })
	if wholeYear {
		slices.Reverse(events)
	}
	oneDay := start.Equal(end)
	var items []*knowledge.Policy
	var lines []string
	for _, ev := range events {
		items = append(items, ev.p)
		if oneDay {
			lines = append(lines, ev.what)
		} else {
			lines = append(lines, e.lang.Date(ev.at)+", "+ev.what)
		}
	}
	a := e.policyList(items, "Policy items")
	from, to := e.lang.Date(knowledge.Date{Time: start}), e.lang.Date(knowledge.Date{Time: end})
	y, m, d := e.now().Date()
	toCome := start.After(time.Date(y, m, d, 0, 0, 0, 0, time.UTC))
	updated := e.lang.Date(e.kbUpdated())
	if oneDay {
		a.Title = e.f("%s in the knowledge base", from)
	} else {
		a.Title = e.f("%s to %s in the knowledge base", from, to)
	}
	switch {
	case len(lines) == 0 && oneDay:
		a.Headline = e.f("Nothing in the knowledge base is dated %s (updated %s).", from, updated)
	case len(lines) == 0 && toCome:
		a.Headline = e.f("Nothing in the knowledge base is scheduled for %s to %s (updated %s).", from, to, updated)
	case len(lines) == 0:
		a.Headline = e.f("Nothing in the knowledge base is dated %s to %s (updated %s).", from, to, updated)
		if !wholeYear { // a whole year's nearest items are given by its caller
			e.newestOnTopic(a, ps, q, end) // "what should I know this week about Mexico?" (range_newest.go)
		}
	case oneDay && len(lines) <= 3:
		a.Headline = e.f("On %s: %s.", from, strings.Join(lines, "; "))
	case oneDay:
		a.Headline = e.f("On %s: %s; and %s more.", from, strings.Join(lines[:3], "; "), itoa(len(lines)-3))
	case wholeYear && len(q.Countries) > 0 && len(lines) <= 3:
		a.Headline = e.f("Items concerning %s, %s to %s, newest first: %s.", e.countryNames(q.Countries), from, to, strings.Join(lines, "; "))
	case wholeYear && len(q.Countries) > 0:
		a.Headline = e.f("Items concerning %s, %s to %s, newest first: %s; and %s more.", e.countryNames(q.Countries), from, to, strings.Join(lines[:3], "; "), itoa(len(lines)-3))
	case wholeYear && len(lines) <= 3:
		a.Headline = e.f("%s to %s, newest first: %s.", from, to, strings.Join(lines, "; "))
	case wholeYear:
		a.Headline = e.f("%s to %s, newest first: %s; and %s more.", from, to, strings.Join(lines[:3], "; "), itoa(len(lines)-3))
	case len(lines) <= 3:
		a.Headline = e.f("%s to %s: %s.", from, to, strings.Join(lines, "; "))
	default:
		a.Headline = e.f("%s to %s: %s; and %s more.", from, to, strings.Join(lines[:3], "; "), itoa(len(lines)-3))
	}
	return a
}

// sinceView answers a question about what came since or after a date: what the items about
// the question's records dated, started or ended from then to today, oldest first. A start
// still to come asks what is scheduled: the year from it.
func (e *snap) sinceView(q Query) *Answer {
	start := time.Date(q.Year, time.Month(q.Month), max(q.Day, 1), 0, 0, 0, 0, time.UTC)
	switch {
	case q.Since == SinceAfter && q.Day > 0:
		start = start.AddDate(0, 0, 1)
	case q.Since == SinceAfter:
		start = start.AddDate(0, 1, 0)
	}
	y, m, d := e.now().Date()
	end := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if start.After(end) {
		end = start.AddDate(1, 0, -1)
	}
	return e.rangeView(e.concerned(q), q, start, end)
}

// upcomingDays is how far ahead "what ends soon" looks.
const upcomingDays = 400

// timelineView answers "what's new" (the newest items) and "what ends soon" (the end dates
// from today on, soonest first).
func (e *snap) timelineView(q Query) *Answer {
	today := e.now()
	ps := e.concerned(q)
	if q.Timeline == PastWeek {
		return e.pastWeek(ps, q)
	}
	if from, to, ok := e.periodDays(q.Timeline); ok {
		// "what happened yesterday?", "what's coming next week?": that day or week.
		return e.rangeView(ps, q, from, to)
	}
	if q.Timeline == Latest {
		if len(ps) == 0 && len(q.Minerals) > 0 {
			return e.noPolicy(q) // "latest news on fluorspar": none, said so, not an empty list (Helper P)
		}
		tariffs := e.tariffItems(ps, q) // "últimas noticias de aranceles" (policy_year.go)
		if len(tariffs) > 0 {
			ps = tariffs
		}
		ps = newestFirst(ps)[:min(5, len(ps))]
		a := e.policyList(ps, "Newest policy items")
		var lines []string
		for _, p := range ps[:min(3, len(ps))] {
			lines = append(lines, e.lang.Date(p.Date)+", "+e.policyTitle(p))
		}
		newest := "The newest items in the knowledge base (updated %s): %s."
		if len(q.Minerals)+len(q.Countries)+len(q.Policies) > 0 || namesEU(q) || len(tariffs) > 0 {
			// "what's the latest on china rare earth controls": the newest items on that.
			newest = "The newest items on this in the knowledge base (updated %s): %s."
		}
		a.Headline = e.f(newest, e.lang.Date(e.kbUpdated()), strings.Join(lines, "; "))
		return a
	}
	// What ends, and, unless only ends are asked about, what takes effect.
	type event struct {
		p     *knowledge.Policy
		at    knowledge.Date
		start bool
	}
	var next []event
	y, m, d := today.Date()
	start := time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
	if slices.ContainsFunc(q.Terms, func(w string) bool { return w == "week" || w == "semana" }) {
		start = start.AddDate(0, 0, -6) // "what expired this week?": the week so far, and on
	}
	soon := func(t knowledge.Date) bool {
		return !t.IsZero() && !t.Time.Before(start) && t.Time.Before(start.AddDate(0, 0, upcomingDays))
	}
	if yearFrom, yearTo, ok := upcomingYear(q, start); ok {
		// "which deadlines are coming up in 2027?": that year's, from today on (quarters.go).
		soon = func(t knowledge.Date) bool { return !t.IsZero() && !t.Time.Before(yearFrom) && t.Time.Before(yearTo) }
	}
	starts := !slices.ContainsFunc(q.Terms, func(w string) bool { return endWords[w] })
	ends := !slices.ContainsFunc(q.Terms, func(w string) bool { return startWords[w] }) || !starts
	for _, p := range ps {
		if ends && soon(p.EndDate) {
			next = append(next, event{p, p.EndDate, false})
		}
		if starts && soon(p.Effective) {
			next = append(next, event{p, p.Effective, true})
		}
	}
	slices.SortStableFunc(next, func(x, y event) int { return x.at.Time.Compare(y.at.Time) })
	var items []*knowledge.Policy
	for _, ev := range next {
		items = append(items, ev.p)
	}
	a := e.policyList(items, "Coming up")
	if len(next) == 0 && q.Year > 0 {
		a.Headline = e.f("No item in the knowledge base takes effect or ends in %s from today on (updated %s).", itoa(q.Year), e.lang.Date(e.kbUpdated()))
		return a
	}
	if len(next) == 0 {
		a.Headline = e.nothingComing(q, starts)
		return a
	}
	var lines []string
	anyStart := false
	for _, ev := range next[:min(3, len(next))] {
		when := e.lang.Date(ev.at)
		if ev.at.Time.Equal(start) {
			when = e.f("today, %s", when)
		}
		what := e.policyTitle(ev.p)
		if ev.start {
			what, anyStart = e.f("%s (taking effect)", what), true
		} else if starts {
			what = e.f("%s (ending)", what)
		}
		lines = append(lines, when+": "+what)
	}
	if anyStart || starts {
		a.Headline = e.f("Coming up: %s.", strings.Join(lines, "; "))
	} else {
		a.Title = e.t("Coming to an end")
		a.Headline = e.f("Ending next: %s.", strings.Join(lines, "; "))
	}
	return a
}

// startWords ask what starts, not what ends.
var startWords = set("effect", "effective", "start", "starts", "begin", "begins", "vigor", "empieza", "empiezan", "inicia", "comienza")

// endWords ask what ends, not what starts.
var endWords = set("end", "ends", "ended", "ending", "expire", "expires", "expired", "expiring", "expiry", "lapse", "lapses", "lapsed",
	"vence", "vencen", "vencer", "vencio", "termino",
	"termina", "terminan", "terminar")

// forceWords ask whether a named item is in force: "is the quota still in force?".
var forceWords = set("force", "effect", "status", "active", "valid", "expired", "lapsed", "vigente", "vigor", "estado")

// restrictiveKinds are the kinds of item that restrict trade or output.
var restrictiveKinds = set("export-control", "regulation", "tariff", "law", "decree")

// force is whether a measure restricts today.
type force int

// The forces, in the order a status answer prefers them: a measure in force answers first.
const (
	forceOn        force = iota // in force today
	forceUnknown                // due to end, or its suspension due to end, and no source says what happened
	forceSuspended              // a measure suspended today: its status names the suspension
	forceLifted                 // a suspension of restrictions, running today: they are on hold
	forceNotYet                 // signed, not yet in effect
	forceEnded                  // ended
)

// forceOf says whether a measure restricts today.
func (e *snap) forceOf(p *knowledge.Policy) force {
	switch {
	case !p.Effective.IsZero() && p.Effective.Time.After(e.now()):
		return forceNotYet
	case e.ended(p) && p.EndScheduled:
		return forceUnknown
	case e.ended(p):
		return forceEnded
	case e.suspends(p):
		return forceLifted
	}
	if s := e.suspensionOf(p); s != nil {
		switch {
		case !e.ended(s):
			return forceSuspended
		case s.EndScheduled:
			return forceUnknown
		}
	}
	return forceOn
}

// suspends reports whether an item suspends restrictions rather than imposing them: it names
// the item it suspends, or its title says so ("China suspends its October 2025 export
// controls…").
func (e *snap) suspends(p *knowledge.Policy) bool {
	return p.Suspends != "" || e.policyWords(p)["suspe"] == 2
}

// restrictionStatus answers whether a restriction on a mineral still holds ("is China still
// restricting dysprosium?", "¿sigue China prohibiendo las exportaciones de antimonio?") from
// the measures that name it or its group: one in force today answers first, then one whose
// fate is unknown, then one on hold, suspended or ended. It says which item, and when the
// item names only the mineral's group. Production figures never answer it.
func (e *snap) restrictionStatus(q Query, ps []*knowledge.Policy) *Answer {
	// "Is China still banning antimony exports to the US?" asks about a ban when the
	// knowledge base holds one: a licensing rule on the same mineral does not answer it.
	bansOnly := slices.ContainsFunc(q.Terms, func(w string) bool { return banWords[w] }) &&
		slices.ContainsFunc(ps, func(p *knowledge.Policy) bool { return restrictiveKinds[p.Kind] && e.isBan(p) })
	var best *knowledge.Policy
	bestForce := forceEnded + 1
	for _, p := range ps {
		if !restrictiveKinds[p.Kind] || p.Date.Time.After(e.now()) || bansOnly && !e.isBan(p) {
			continue
		}
		// Among equals, a measure before the suspension of one: the ban's own status names
		// its suspension.
		if f := e.forceOf(p); f < bestForce || f == bestForce && e.suspends(best) && !e.suspends(p) {
			best, bestForce = p, f
		}
	}
	m, _ := e.mineral(q)
	name := strings.ToLower(e.mineralName(m))
	if best == nil {
		return e.noRestriction(q, ps)
	}
	title := "“" + e.policyTitle(best) + "”"
	var status string
	switch bestForce {
	case forceOn:
		if best.EndDate.IsZero() {
			status = e.f("%s has been in force since %s; the knowledge base gives it no end date.", title, e.lang.Date(best.Date))
		} else {
			status = e.f("%s runs until %s.", title, e.lang.Date(best.EndDate))
		}
		if q.YesNo {
			status = e.verdict(true, status)
		}
	case forceLifted:
		if best.EndDate.IsZero() {
			status = e.f("the measure is on hold: %s, since %s, with no end date in the knowledge base.", title, e.lang.Date(best.Date))
		} else {
			status = e.f("the measure is on hold: %s runs from %s until %s.", title, e.lang.Date(best.Date), e.lang.Date(best.EndDate))
		}
		if q.YesNo {
			status = e.verdict(false, status)
		} else {
			status = capitalize(status)
		}
	default:
		status = e.status(best, []*knowledge.Policy{best}, q)
	}
	if m != nil && !slices.Contains(best.Minerals, m.ID) && m.Group != "" {
		if g, ok := e.kb.Mineral(m.Group); ok {
			status = sentences(status, e.f("The item names %s as a whole, not %s in particular.", strings.ToLower(e.mineralName(g)), name))
		}
	}
	a := e.policyCard(best, q)
	a.Headline = sentences(status, e.f("Nothing later is in the knowledge base (updated %s).", e.lang.Date(e.kbUpdated())))
	e.relateOthers(a, ps, best)
	return a
}

// noRestriction answers a question about a restriction on a mineral that no item records ("did
// China restrict copper scrap exports?"): that the knowledge base holds none, naming the
// mineral with the words that qualify it ("copper scrap"), and the items it holds that match.
func (e *snap) noRestriction(q Query, ps []*knowledge.Policy) *Answer {
	m, _ := e.mineral(q)
	name := strings.ToLower(e.mineralName(m))
	var qual []string
	for _, w := range q.Rest {
		if len(w) > 2 && !tradeFlowWords[w] && !genericTitleWords[w] && !restrictWords[w] && !stopWords[w] {
			qual = append(qual, w)
		}
	}
	if len(qual) > 0 {
		if e.lang == Spanish {
			name = strings.Join(qual, " ") + " de " + name // "chatarra de cobre"
		} else {
			name += " " + strings.Join(qual, " ") // "copper scrap"
		}
	}
	headline := e.f("No measure restricting %s is in the knowledge base (updated %s).", name, e.lang.Date(e.kbUpdated()))
	if len(q.Countries) > 0 {
		headline = e.f("No measure by %s restricting %s is in the knowledge base (updated %s).", e.countryName(q.Countries[0]), name, e.lang.Date(e.kbUpdated()))
	}
	a := &Answer{Intent: IntentPolicy, Title: e.t("No policy item matches")}
	if len(ps) > 0 {
		a = e.policyList(ps[:min(8, len(ps))], "Policy items that match")
	}
	a.Headline = headline
	return a
}

// tradeFlowWords name the trade a measure restricts, not what it restricts: "copper scrap
// exports" is about copper scrap.
var tradeFlowWords = set("export", "exports", "exported", "exporting", "import", "imports", "imported", "importing", "trade",
	"shipments", "sales", "exportacion", "exportaciones", "importacion", "importaciones", "exporta", "exportan", "importa",
	"importan", "comercio", "envios", "ventas")

// banWords ask about a ban; banStems are how an item's title or aliases say it is one.
var (
	banWords = set("ban", "bans", "banned", "banning", "embargo", "embargoes", "embargos", "prohibe", "prohiben", "prohibiendo",
		"prohibido", "prohibida", "prohibidos", "prohibidas", "prohibio", "prohibicion")
	banStems = []string{"ban", "bans", "banne", "prohi", "embar"}
)

// isBan reports whether an item's title or aliases call it a ban, or the suspension of one.
func (e *snap) isBan(p *knowledge.Policy) bool {
	words := e.policyWords(p)
	return slices.ContainsFunc(banStems, func(s string) bool { return words[s] == 2 })
}

// cutsOrCaps reports whether an item's title or aliases say it cuts, reduces, limits or caps
// something, or sets a quota ("Indonesia cuts its 2026 nickel-ore mining quotas"); an item
// whose text only mentions a reduction in passing does not.
func (e *snap) cutsOrCaps(p *knowledge.Policy) bool {
	words := e.policyWords(p)
	return slices.ContainsFunc(cutStems, func(s string) bool { return words[s] == 2 })
}

// noAgreement says that no item in the knowledge base concerns every country a question
// about an agreement between them names.
func (e *snap) noAgreement(q Query) *Answer {
	return &Answer{Intent: IntentPolicy, Title: e.t("No policy item matches"),
		Headline: e.f("No item in the knowledge base (updated %s) records a deal or agreement between %s.", e.lang.Date(e.kbUpdated()), e.countryNames(q.Countries))}
}

// noPolicy says that no policy item concerns the mineral (in the country) a question asks
// about.
func (e *snap) noPolicy(q Query) *Answer {
	m, _ := e.mineral(q)
	name := e.subject(m)
	headline := e.f("No policy item on %s is in the knowledge base (updated %s).", name, e.lang.Date(e.kbUpdated()))
	switch {
	case len(q.Countries) > 0:
		headline = e.f("No policy item on %s in %s is in the knowledge base (updated %s).", name, e.countryAfterIn(q.Countries[0]), e.lang.Date(e.kbUpdated()))
	case namesEU(q):
		// "What has the EU done on graphite?": what the knowledge base holds of the EU on a
		// mineral is its place on the CRMA lists.
		headline = sentences(e.f("No European Union policy item on %s is in the knowledge base (updated %s); what it holds is the mineral's place on the EU's CRMA lists.", name, e.lang.Date(e.kbUpdated())),
			e.ownersHeadline(m, [][]knowledge.List{euLists}, false))
	}
	return &Answer{Intent: IntentPolicy, Title: e.t("No policy item matches"), Headline: headline}
}

// noCut answers a question about a cut no item records ("Is Chile cutting copper output?"):
// that the knowledge base holds none, and the items it holds about the mineral.
func (e *snap) noCut(q Query, ps []*knowledge.Policy) *Answer {
	m, _ := e.mineral(q)
	name := strings.ToLower(e.mineralName(m))
	headline := e.f("No cut or quota on %s is in the knowledge base (updated %s).", name, e.lang.Date(e.kbUpdated()))
	if len(q.Countries) > 0 {
		headline = e.f("No cut or quota on %s in %s is in the knowledge base (updated %s).", name, e.countryAfterIn(q.Countries[0]), e.lang.Date(e.kbUpdated()))
	}
	headline = sentences(headline, e.t("USGS figures are annual and say nothing of plans."))
	if len(ps) == 0 {
		return &Answer{Intent: IntentPolicy, Title: e.t("No policy item matches"), Headline: headline}
	}
	a := e.policyList(ps[:min(8, len(ps))], "Policy items that match")
	a.Headline = sentences(headline, e.f("Its newest item about it: %s.", e.lang.Date(newestFirst(ps)[0].Date)+", "+e.policyTitle(newestFirst(ps)[0])))
	return a
}
