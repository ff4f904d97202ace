package answer

import (
	"cmp"
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// partnerAsks ask for the other party of a deal: "which countries", "who", "¿con qué
// países…?", "¿con quién…?".
var partnerAsks = newPhrases("which countries", "what countries", "which nations", "what nations", "which partners",
	"what partners", "who", "whom", "que paises", "cuales paises", "que naciones", "con quien", "con quienes", "quienes")

// partnerWith join a deal to its other party: "signed agreements with the US", "acuerdos con
// México", "the US's partners".
var partnerWith = set("with", "con", "partners", "partner", "socios", "socio")

// asksPartners reports whether a question asks which countries a country concluded
// agreements with: a partnerAsk, a word that joins the other party, and one that names a
// deal or its signing ("who has the US signed critical minerals deals with?").
func asksPartners(norm []string, joined string) bool {
	if !partnerAsks.any(norm, joined) {
		return false
	}
	with, deal := false, false
	for _, w := range norm {
		with = with || partnerWith[w]
		deal = deal || signWords[w] || agreeWords[w] || dealWords[w]
	}
	return with && deal
}

// multilateral reports whether an item's jurisdiction makes it multilateral or plurilateral:
// "United States (host); multilateral". Its countries are those it names, not the parties
// of bilateral deals with each other.
func multilateral(p *knowledge.Policy) bool {
	j := strings.ToLower(p.Jurisdiction)
	return strings.Contains(j, "multilateral") || strings.Contains(j, "plurilateral")
}

// parties are an item's parties other than the country c: its other countries, then the
// parties its jurisdiction names that are no country record (the European Union).
func (e *snap) parties(p *knowledge.Policy, c string) []string {
	var out []string
	for _, id := range p.Countries {
		if id != c {
			out = append(out, e.countryAfterIn(id))
		}
	}
	for _, j := range strings.Split(p.Jurisdiction, ";") {
		j = strings.TrimSpace(parenInTitle.ReplaceAllString(j, ""))
		if j == "" || j == e.kb.CountryName(c) ||
			slices.ContainsFunc(p.Countries, func(id string) bool { return e.kb.CountryName(id) == j }) {
			continue
		}
		if j == "European Union" {
			out = append(out, e.t("the European Union"))
		} else {
			out = append(out, j)
		}
	}
	return out
}

// partnersView answers which countries a country concluded agreements with ("which countries
// signed agreements with the US in 2026?"): the items of kind agreement that concern it,
// dated in the year asked (or any year), and their other parties, by date (then name). Items
// whose jurisdiction is multilateral are not read as a bilateral deal with each country they
// list: they are named apart, and the card says what the country signed there when it was
// the host and the item's text says so ("Washington signed 11 new bilateral … frameworks … with partners
// including …"). A plurilateral agreement only proposed (an announcement of a consultation)
// is no agreement concluded, and is left out.
func (e *snap) partnersView(q Query) *Answer {
	c := q.Countries[0]
	name := e.kb.CountryName(c)
	concerns := func(p *knowledge.Policy) bool {
		return slices.Contains(p.Countries, c) || strings.Contains(p.Jurisdiction, name)
	}
	var deals, multi []*knowledge.Policy
	for _, p := range e.kb.Policies {
		if p.Date.IsZero() || q.Year > 0 && p.Date.Time.Year() != q.Year || !concerns(p) {
			continue
		}
		switch {
		case multilateral(p) && (p.Kind == "agreement" || p.Kind == "meeting"):
			multi = append(multi, p)
		case p.Kind == "agreement" && !multilateral(p) && len(e.parties(p, c)) > 0:
			deals = append(deals, p)
		}
	}
	byDate := func(x, y *knowledge.Policy) int {
		return cmp.Or(x.Date.Time.Compare(y.Date.Time), cmp.Compare(x.ID, y.ID)) // the same in either language
	}
	slices.SortStableFunc(deals, byDate)
	slices.SortStableFunc(multi, byDate)

	who := e.countryAfterIn(c)
	a := e.policyList(append(slices.Clone(deals), multi...), e.f("Agreements of %s", who))
	if q.Year > 0 {
		a.Title = e.f("Agreements of %s in %s", who, itoa(q.Year))
	}
	// Each partner once, at the date of its first agreement; a partner of two deals is
	// named at the first.
	var partners []string
	seen := map[string]bool{}
	for _, p := range deals {
		var named []string
		for _, x := range e.parties(p, c) {
			if !seen[x] {
				seen[x] = true
				named = append(named, x)
			}
		}
		slices.Sort(named)
		for _, x := range named {
			partners = append(partners, x+" ("+e.lang.Date(p.Date)+")")
		}
	}
	var lead string
	switch {
	case len(partners) == 0 && q.Year > 0:
		lead = e.f("The knowledge base (updated %s) records no agreement of %s with another country in %s.", e.lang.Date(e.kbUpdated()), who, itoa(q.Year))
	case len(partners) == 0:
		lead = e.f("The knowledge base (updated %s) records no agreement of %s with another country.", e.lang.Date(e.kbUpdated()), who)
	case len(partners) == 1 && q.Year > 0:
		lead = e.f("In %s %s concluded an agreement with one partner: %s.", itoa(q.Year), who, partners[0])
	case len(partners) == 1:
		lead = e.f("The knowledge base records an agreement of %s with one partner: %s.", who, partners[0])
	case q.Year > 0:
		lead = e.f("In %s %s concluded agreements with %s partners, by date: %s.", itoa(q.Year), who, itoa(len(partners)), e.and(partners))
	default:
		lead = e.f("The knowledge base records agreements of %s with %s partners, by date: %s.", who, itoa(len(partners)), e.and(partners))
	}
	lead = capitalize(lead)
	if len(multi) == 0 {
		a.Headline = lead
		return a
	}
	var items []string
	var signed string
	for _, p := range multi {
		items = append(items, e.policyTitle(p)+" ("+e.lang.Date(p.Date)+")")
		if signed == "" && strings.HasPrefix(p.Jurisdiction, name) {
			if s := e.signSentence(p); s != "" {
				signed = e.policyTitle(p) + ": " + s // "… Ministerial 2026 (Washington): Washington signed 11 …"
			}
		}
	}
	more := e.f("Multilateral items, not counted as bilateral deals: %s.", e.and(items))
	if len(deals) == 0 {
		more = e.f("Multilateral items it took part in: %s.", e.and(items))
	}
	a.Headline = sentences(lead, more)
	if signed != "" {
		// What the host signed there names many more partners: the card's, not the headline's.
		a.Sections = append([]Section{{Text: signed}}, a.Sections...)
	}
	return a
}

// signSentence is the first sentence of an item's text, in the answer's language, that says
// what was signed, after its first; "" when none does.
func (e *snap) signSentence(p *knowledge.Policy) string {
	all := sentencesOf(e.summary(p.Summary, p.SummaryES))
	for _, s := range all[min(1, len(all)):] {
		for _, w := range strings.Fields(knowledge.Normalize(s)) {
			if signWords[strings.Trim(w, ".,;:()")] {
				return s
			}
		}
	}
	return ""
}
