package answer

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mineralbot/mineralbot/knowledge"
)

// yearDeeds answers what a country, or two, did or agreed in a calendar year, when the
// question names nothing else: "what did the US and China agree in 2025?", "US-China deals
// in 2025", "what did China do in 2025?", "¿qué hizo EE. UU. en 2025?", "what policy changes
// happened in 2024?". A mineral named is a topic: the best match of the year answers it.
// The year narrows the items: a country's are its items of that year, newest first
// (yearView, which names the nearest when there are none). Two countries asked
// what they agreed get their agreements of the year; without one, that none is recorded and
// the items of the year that concern them all, or, without any, their agreement nearest the
// year (views_pair_none.go).
func (e *snap) yearDeeds(q Query) (*Answer, bool) {
	if q.Timeline == ThisYear && q.Year == 0 && len(q.Countries) >= 2 && asksAgreement(q) {
		// "us-mexico agreements this year": this calendar year's, as one named.
		q.Year, q.Timeline = e.now().Year(), ""
	}
	if q.Year == 0 || q.Month > 0 || q.FromYear != 0 && q.FromYear != q.Year || q.Timeline != "" || q.Status ||
		len(q.Policies)+len(q.Lists)+len(q.Minerals) > 0 {
		return nil, false
	}
	for _, w := range datelessTerms(q) {
		if !yearDeedWords[w] && !happenWords[w] && !yearWords[w] {
			return nil, false // a topic besides the date: "section 232 tariffs in 2025"
		}
	}
	var named []string
	for _, c := range q.Countries {
		if !slices.Contains(named, c) {
			named = append(named, c)
		}
	}
	if len(named) == 1 && asksAgreement(q) {
		// Helper V: "what agreements did the US sign in 2026?": its agreements of the year, by
		// partner, as "which countries signed agreements with the US in 2026?" (views_partners.go).
		q.Partners = true
		return e.partnersView(q), true
	}
	if len(named) < 2 || !asksAgreement(q) {
		return e.yearView(q), true
	}
	start, end := time.Date(q.Year, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(q.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	var inYear, deals []*knowledge.Policy
	for _, p := range e.concerned(q) {
		if p.Date.IsZero() || p.Date.Time.Year() != q.Year {
			continue
		}
		inYear = append(inYear, p)
		if dealKinds[p.Kind] && slices.ContainsFunc(named, func(c string) bool { return e.ownMeasure(p, c) }) {
			deals = append(deals, p)
		}
	}
	if pairs, _, ok := pairAgreements(Query{Countries: named, Terms: q.Terms}, deals, make([]float64, len(deals))); ok {
		deals = pairs // the agreements between exactly them, not the meeting where they were signed
	}
	switch {
	case len(deals) == 1:
		return e.policyCard(deals[0], q), true
	case len(deals) > 1:
		return e.rangeView(deals, q, start, end), true
	case len(inYear) == 0:
		nq := q
		nq.YesNo = false
		if a, ok := e.noPairAgreementIn(nq, nil); ok {
			return a, true // their agreement nearest the year, or that they have none
		}
		return e.yearView(q), true
	}
	inYear = newestFirst(inYear)
	var lines []string
	for _, p := range inYear[:min(3, len(inYear))] {
		lines = append(lines, e.lang.Date(p.Date)+", "+e.policyTitle(p))
	}
	list := strings.Join(lines, "; ")
	if len(inYear) > 3 {
		list += "; " + e.f("and %s more", itoa(len(inYear)-3))
	}
	a := e.policyList(inYear, "Policy items")
	a.Headline = e.f("No agreement between %s dated %s is in the knowledge base (updated %s); its items of that year concerning them, newest first: %s.",
		e.countryNames(named), strconv.Itoa(q.Year), e.lang.Date(e.kbUpdated()), list)
	return a, true
}

// yearDeedWords ask what was done, agreed or signed, and name no topic: "what did the US do in
// 2025?", "US-China deals in 2025", "¿qué acordaron en 2025?".
var yearDeedWords = set("do", "did", "does", "done", "doing", "agree", "agreed", "agrees", "agreement", "agreements", "deal", "deals",
	"sign", "signed", "signs", "pact", "pacts", "change", "changes", "changed", "critical", "minerals", "mineral", "on",
	"hizo", "hicieron", "hecho", "ha", "han", "acordaron", "acordo", "acuerdo", "acuerdos", "firmo", "firmaron", "firmado",
	"pacto", "pactos", "pactaron", "cambio", "cambios", "minerales", "criticos", "sobre", "announce", "announced", "anuncio",
	"anunciaron", "between", "entre", "and", "with", "con", "reach", "reached", "strike", "struck", "make", "made", "trade",
	"comercial", "comerciales", "alcanzaron", "lograron", "cerraron")

// nearestEvents is "The nearest: …" for a period with no item: of ps, the latest event
// before from and the first after to (an item dated, taking effect or ending; only dated,
// when datedOnly), with what it is, so that "what happened in October 2026?" is not a dead
// end. "" without either.
func (e *snap) nearestEvents(ps []*knowledge.Policy, from, to time.Time, datedOnly bool) string {
	type event struct {
		at   knowledge.Date
		what string
	}
	var before, after *event
	for _, p := range ps {
		for _, ev := range []event{
			{p.Date, e.policyTitle(p)},
			{p.Effective, e.f("taking effect: %s", e.policyTitle(p))},
			{p.EndDate, e.f("end of: %s", e.policyTitle(p))},
		} {
			if ev.at.IsZero() || datedOnly && ev.at != p.Date {
				continue
			}
			if ev.at == p.EndDate && p.EndScheduled {
				ev.what = e.f("scheduled end of: %s", e.policyTitle(p))
			}
			switch t := ev.at.Time; {
			case t.Before(from) && (before == nil || t.After(before.at.Time)):
				before = &ev
			case t.After(to) && (after == nil || t.Before(after.at.Time)):
				after = &ev
			}
		}
	}
	var near []string
	for _, ev := range []*event{before, after} {
		if ev != nil {
			near = append(near, e.lang.Date(ev.at)+", "+ev.what)
		}
	}
	switch len(near) {
	case 0:
		return ""
	case 1:
		return e.f("The nearest item: %s.", near[0])
	}
	return e.f("The nearest: %s.", strings.Join(near, "; "))
}

// monthDeals answers which agreements were signed in a month, when the question names no
// country ("agreements signed in February 2026", "¿qué acuerdos se firmaron en febrero de
// 2026?"): the agreements dated in it, not the best match of the month's items (a remark
// that nothing was signed). Two countries named are pairAgreements'. False when the month
// holds no agreement, and the month's items answer.
func (e *snap) monthDeals(q Query) (*Answer, bool) {
	if q.Month == 0 || q.Year == 0 || q.Day > 0 || len(q.Countries)+len(q.Policies)+len(q.Minerals)+len(q.Lists) > 0 || q.YesNo ||
		!asksAgreement(q) {
		return nil, false
	}
	for _, w := range datelessTerms(q) {
		if !yearDeedWords[w] && !happenWords[w] && !dealNouns[w] {
			return nil, false
		}
	}
	var deals, all []*knowledge.Policy
	for _, p := range e.kb.Policies {
		if p.Kind != "agreement" {
			continue
		}
		all = append(all, p)
		if datedIn(p.Date, q) {
			deals = append(deals, p)
		}
	}
	if len(deals) > 0 {
		return e.monthView(q, deals), true
	}
	// "what agreements were signed in October 2026?": none; the agreements either side.
	from := time.Date(q.Year, time.Month(q.Month), 1, 0, 0, 0, 0, time.UTC)
	month := e.lang.Date(knowledge.Date{Time: from, Precision: knowledge.Month})
	a := &Answer{Intent: IntentPolicy, Title: e.t("No policy item matches")}
	a.Headline = sentences(e.f("No agreement in the knowledge base is dated %s (updated %s).", month, e.lang.Date(e.kbUpdated())),
		e.nearestEvents(all, from, from.AddDate(0, 1, -1), true))
	return a, true
}

// dealNouns are the other words of "which agreements were signed", "¿qué acuerdos se
// firmaron?".
var dealNouns = set("which", "were", "was", "se", "agreements", "agreement", "acuerdos", "acuerdo", "deals", "deal", "mous",
	"mou", "memorandums", "memoranda", "memorandos", "convenios", "tratados", "treaties")

// listsAsPolicyYear reports whether a question the parser took for one about the critical
// minerals lists asks what happened in a year: "what happened in critical minerals in
// 2023?", "critical minerals policy in 2023". "Critical minerals" is every item's subject,
// not a list asked for; the year's items answer (yearView).
func listsAsPolicyYear(q Query) bool {
	if q.Year == 0 || q.Month > 0 || len(q.Lists)+len(q.Minerals)+len(q.Countries)+len(q.Policies) > 0 || len(q.Rest) > 0 {
		return false
	}
	asked := false
	for _, w := range datelessTerms(q) {
		switch {
		case pastWords[w] || happeningWords[w] || policyWords[w]:
			asked = true
		case !happenWords[w] && !yearDeedWords[w]:
			return false
		}
	}
	return asked
}

// policyWords name policy as the subject: "critical minerals policy".
var policyWords = set("policy", "policies", "politica", "politicas")
