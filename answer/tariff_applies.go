package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper AA: whether a tariff applies to goods from a country ("do the tariffs apply to
// Mexico?", "¿aplican los aranceles a México?", "does the steel tariff apply to Mexico?",
// "are Mexican goods exempt from the tariffs?"), and which item of a named family of tariffs
// concerns a country ("Section 232 tariffs on Mexico").

// applyWords ask whether a measure reaches something; exemptWords whether it spares it.
var (
	applyWords = set("apply", "applies", "applied", "applying", "affect", "affects", "affected", "hit", "hits",
		"cover", "covers", "covered", "subject", "pay", "pays", "hitting", "affecting", "covering", "aplica", "aplican", "aplicara", "aplicaran",
		"aplico", "aplicaron", "afecta", "afectan", "afecto", "afectaron", "cubre", "cubren", "alcanza", "alcanzan",
		"sujeto", "sujetos", "sujeta", "sujetas", "paga", "pagan", "pagara", "pagaran")
	exemptWords = set("exempt", "exempted", "exemption", "exemptions", "spared", "excluded", "exento", "exentos",
		"exenta", "exentas", "exencion", "exenciones", "excluido", "excluidos", "excluida", "excluidas", "libre", "libres")
	// What an item's sentence says of goods from a country: that they pay, are spared, or are
	// spared on a condition ("that comply with the USMCA").
	paySentenceWords    = set("pay", "pays", "paying", "pagaran", "pagan", "paga", "pagar", "pagara")
	exemptSentenceWords = set("exempt", "exempted", "exemption", "exemptions", "spared", "excluded", "exentos",
		"exento", "exenta", "exentas", "exenciones", "exencion", "excluidos", "excluidas")
	conditionWords = set("comply", "complies", "compliant", "qualify", "qualifying", "qualifies", "cumplen", "cumple",
		"califiquen", "califican")
)

// How an item's text treats goods from a country.
const (
	standingNone    = iota // the text says nothing of the country's goods
	standingPays           // they pay ("Goods from Mexico … are to pay 10%")
	standingExempt         // they are spared
	standingDepends        // they are spared on a condition
)

// countryForms are the normalized names a text may give country id: its English and Spanish
// names and aliases ("mexican", "mexicanos").
func (e *snap) countryForms(id string) []string {
	c, ok := e.kb.Country(id)
	if !ok {
		return nil
	}
	var out []string
	for _, n := range append([]string{c.Name, c.NameES}, c.Aliases...) {
		if n = knowledge.Normalize(n); len(n) > 2 && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	return out
}

// namesIn reports whether normalized words name a country by one of its forms.
func namesIn(words []string, forms []string) bool {
	joined := ""
	for _, f := range forms {
		if !strings.Contains(f, " ") {
			if slices.Contains(words, f) {
				return true
			}
			continue
		}
		if joined == "" {
			joined = " " + strings.Join(words, " ") + " "
		}
		if strings.Contains(joined, " "+f+" ") {
			return true
		}
	}
	return false
}

// standing is how item p's text, in the answer's language, treats goods from a country named
// by forms, and the first sentence that says so ("" for standingNone, or when it is the
// item's first sentence, which its headline shows already).
func (e *snap) standing(p *knowledge.Policy, forms []string) (got int, said, unsure string) {
	texts, words := e.itemSentences(p)
	for i, w := range words {
		s := texts[i]
		if !namesIn(w.words, forms) {
			continue
		}
		if unsure == "" && (slices.Contains(w.words, "whether") || slices.Contains(w.words, "si") &&
			slices.ContainsFunc(w.words, func(x string) bool { return x == "puede" || x == "posible" || x == "sabe" || x == "decir" })) {
			unsure = s // "… cannot say … whether USMCA-compliant Mexican goods are spared"
			continue
		}
		st := standingNone
		switch {
		case slices.ContainsFunc(w.words, func(x string) bool { return exemptSentenceWords[x] }):
			st = standingExempt
			if slices.ContainsFunc(w.words, func(x string) bool { return conditionWords[x] }) {
				st = standingDepends
			}
		case w.rate || slices.ContainsFunc(w.words, func(x string) bool { return paySentenceWords[x] }):
			st = standingPays
		}
		if st != standingNone && got == standingNone {
			got, said = st, s
			if i == 0 {
				said = ""
			}
		}
	}
	return got, said, unsure
}

// tradedCountry is the one country a question names that a U.S. tariff could reach: not the
// United States itself. ok is false for none or several.
func tradedCountry(q Query) (string, bool) {
	var out []string
	for _, c := range q.Countries {
		if c != "united-states" {
			out = append(out, c)
		}
	}
	if len(out) != 1 {
		return "", false
	}
	return out[0], true
}

// importersTariff reports whether p is a tariff that country c's goods could pay: a tariff
// item, dated by now, not c's own measure.
func (e *snap) importersTariff(p *knowledge.Policy, c string) bool {
	return p.Kind == "tariff" && !p.Date.Time.After(e.now()) && !strings.Contains(p.Jurisdiction, e.kb.CountryName(c))
}

// singlesOutOthers reports whether a tariff names trading partners and c is not one of them
// (duties on Moroccan phosphate are no duty on Mexico's goods).
func singlesOutOthers(p *knowledge.Policy, c string) bool {
	return !slices.Contains(p.Countries, c) && slices.ContainsFunc(p.Countries, func(x string) bool { return x != "united-states" })
}

// tariffApplies answers a yes/no question whether tariffs apply to, or spare, goods from one
// country. A question with a topic ("steel", "Section 232") asks the tariff item that matches
// it best; one without asks the tariffs in force, the newest that says how it treats the
// country's goods first. A tariff that names no trading partner applies to goods from every
// country; the verdict says the knowledge base records no exemption. nil when the question
// asks something else.
func (e *snap) tariffApplies(q Query) *Answer {
	c, ok := tradedCountry(q)
	if !ok || !q.YesNo || q.Status || q.WhichMinerals || !asksTariff(q) && !e.namesTariffItem(q) {
		return nil
	}
	exempt := slices.ContainsFunc(q.Terms, func(w string) bool { return exemptWords[w] })
	if !exempt && !slices.ContainsFunc(q.Terms, func(w string) bool { return applyWords[w] }) {
		return nil
	}
	forms := e.countryForms(c)
	for _, id := range q.Policies {
		if p, ok := e.kb.Policy(id); ok && p.Kind == "tariff" && singlesOutOthers(p, c) && !namesIn(e.itemWords(p), forms) {
			// "does the Section 301 tariff apply to China?": the item names the economies it
			// sets rates for, and the country is not one the knowledge base records.
			a := e.policyCard(p, q)
			note := e.f("The knowledge base does not record whether goods from %s are among those this item covers.", e.countryName(c))
			if first, rest, ok := strings.Cut(note, " "); ok && commonOpeners[first] {
				note = strings.ToLower(first) + " " + rest // after the dash, as verdict does
			}
			a.Headline = e.f("Not known — %s", sentences(note, e.policyHeadline(p)))
			if !fitsHeadline(a.Headline) {
				a.Headline = e.f("Not known — %s", note)
			}
			return a
		}
	}
	// The question's topic: its words that ask neither a tariff nor whether it applies.
	tq := q
	tq.Countries, tq.YesNo, tq.Terms = nil, false, nil
	topic := len(q.Policies)+len(q.Minerals) > 0
	for _, w := range q.Terms {
		if !applyWords[w] && !exemptWords[w] {
			tq.Terms = append(tq.Terms, w)
			if !tariffWords[w] && len(w) > 2 {
				topic = true
			}
		}
	}
	var cands []*knowledge.Policy
	if topic {
		ps, scores := e.rankPolicies(tq)
		top := -1.0
		for i, p := range ps {
			if !e.importersTariff(p, c) || singlesOutOthers(p, c) ||
				len(q.Policies) > 0 && !slices.Contains(q.Policies, p.ID) && !e.namedFamily(q, p) { // Helper AC: "… exempt from section 232?": that family's
				continue
			}
			if top < 0 {
				top = scores[i]
			} else if scores[i] < top {
				break // the items that match as well as the best
			}
			cands = append(cands, p)
			if len(cands) == 8 {
				break
			}
		}
	} else {
		for i := len(e.kb.Policies) - 1; i >= 0; i-- { // kb.Policies is in date order: newest last
			p := e.kb.Policies[i]
			if e.importersTariff(p, c) && !singlesOutOthers(p, c) {
				cands = append(cands, p)
				if len(cands) == 50 {
					break
				}
			}
		}
	}
	if len(cands) == 0 && len(q.Policies) > 0 {
		// Helper AC: "is Mexico exempt from section 232?" names the family and no tariff word:
		// the family's tariff items, newest first.
		for i := len(e.kb.Policies) - 1; i >= 0 && len(cands) < 8; i-- {
			if p := e.kb.Policies[i]; e.importersTariff(p, c) && !singlesOutOthers(p, c) && (slices.Contains(q.Policies, p.ID) || e.namedFamily(q, p)) {
				cands = append(cands, p)
			}
		}
	}
	if len(cands) == 0 {
		return nil
	}
	// The lead: an item in force before one that ended; one whose text says how it treats the
	// country's goods before one that applies to all; else the first (best match, newest).
	best, bestRank, st, said, unsure := cands[0], -1, standingNone, "", ""
	for _, p := range cands {
		s, line, doubt := e.standing(p, forms)
		rank := 0
		if !e.ended(p) && !p.Effective.Time.After(e.now()) {
			rank += 4 // in force today
		}
		if s != standingNone {
			rank += 2
		} else if namesIn(e.itemWords(p), forms) {
			rank++ // "For Mexico, … the copper rates matter directly"
		}
		if rank > bestRank {
			best, bestRank, st, said, unsure = p, rank, s, line, doubt
		}
	}
	yes := (st == standingNone || st == standingPays) != exempt
	lead := sentences(e.policyHeadline(best), said)
	var h string
	switch {
	case exempt && unsure != "":
		// "are Mexican goods exempt?": the item's text says it cannot tell.
		h = e.f("Not known — %s", afterDash(sentences(lead, unsure)))
		if !fitsHeadline(h) {
			h = e.f("Not known — %s", afterDash(e.dated(best, unsure)))
		}
		st = standingDepends // the fallback below keeps no verdict
	case st == standingDepends:
		h = e.f("It depends — %s", afterDash(lead))
	case st == standingNone:
		// A tariff on imports that names no partner: goods from everywhere pay it.
		note := e.f("It applies to imports from every country; the knowledge base records no exemption for %s.", e.countryName(c))
		h = e.verdict(yes, sentences(lead, note))
		if l := e.policyLead(best, q); l != e.policyHeadline(best) && fitsHeadline(e.verdict(yes, sentences(l, note))) {
			h = e.verdict(yes, sentences(l, note)) // with the rate the item sets
		}
	default:
		h = e.verdict(yes, lead)
	}
	if !fitsHeadline(h) {
		// The item's first sentence is long: the sentence on the country's goods, dated, or
		// else the first sentence alone.
		short := e.policyHeadline(best)
		if said != "" && fitsHeadline(e.dated(best, said)+" ") {
			short = e.dated(best, said)
		}
		h = e.verdict(yes, short)
		if st == standingDepends {
			h = e.f("It depends — %s", afterDash(short))
		}
		if exempt && unsure != "" {
			h = e.f("Not known — %s", afterDash(e.dated(best, unsure)))
		}
	}
	a := e.policyCard(best, q)
	a.Headline = h
	e.relateOthers(a, cands, best)
	return a
}

// namesTariffItem reports whether a question names a tariff item, or an item of a family that
// has one ("section 122 tariff", whose words the item's name takes; "Section 232").
func (e *snap) namesTariffItem(q Query) bool {
	for _, id := range q.Policies {
		if p, ok := e.kb.Policy(id); ok && p.Kind == "tariff" {
			return true
		}
	}
	return len(q.Policies) > 0 && slices.ContainsFunc(e.kb.Policies, func(p *knowledge.Policy) bool {
		return p.Kind == "tariff" && e.namedFamily(q, p)
	})
}

// countryTariffLead is, for a question that names a family of tariff items and a trading
// partner ("Section 232 tariffs on Mexico", "sección 232 China"), the family's tariff item
// that concerns the partner: the newest whose text names it, else the newest of the family.
// The 2025 order that opened the Section 232 inquiry names Mexico too, but it set no tariff;
// the April 2026 rates are what Mexico's goods pay. nil when the question names a mineral or
// no family, when a word of it tells the family's items apart, or when the family has no
// tariff item.
func (e *snap) countryTariffLead(ps []*knowledge.Policy, q Query) *knowledge.Policy {
	c, ok := tradedCountry(q)
	if !ok || len(q.Policies) == 0 || len(q.Minerals) > 0 || q.Status {
		return nil
	}
	named, ok := e.kb.Policy(q.Policies[0])
	if !ok {
		return nil
	}
	var family []*knowledge.Policy
	for _, p := range ps {
		if (p == named || e.namedFamily(q, p)) && e.importersTariff(p, c) && !singlesOutOthers(p, c) {
			family = append(family, p)
		}
	}
	if len(family) == 0 {
		return nil
	}
	// A word of the question that one item of the family has and another lacks ("equipment",
	// "polysilicon") picks that item; the rank already says which.
	for _, w := range q.Terms {
		w = stem(w)
		if tariffWords[w] || slices.Contains(tariffStems, w) || len(w) < 4 {
			continue
		}
		has := 0
		for _, p := range family {
			if e.policyWords(p)[w] == 2 {
				has++
			}
		}
		if has > 0 && has < len(family) {
			return nil
		}
	}
	forms := e.countryForms(c)
	newest := newestFirst(family)
	for _, p := range newest {
		t := e.served.policySentences[p.ID]
		if slices.ContainsFunc(t.words, func(s sentenceWords) bool { return namesIn(s.words, forms) }) {
			return p
		}
	}
	return newest[0]
}

// stanceWords ask a country's stance ("Mexico's stance on critical minerals"); the parser
// keeps them as words, not misspellings.
var stanceWords = set("stance", "stances", "postura", "posturas", "position", "posicion")

// standingKinds are the kinds of item that are a standing thing one may have: a programme, a
// law, a tariff. A statement that names a change ("Mexico will not change its mining law")
// is not one: "did Mexico change its mining law?" asks something else.
var standingKinds = set("program", "agreement", "tariff", "regulation", "law")

// existWords ask whether something exists: "is there…", "does … exist".
var existWords = set("exist", "exists", "existe", "existen", "real", "there", "hay", "tiene", "tienen") // Helper AC: "tiene"

// itemExists is the verdict on a yes/no question that names an item by its name and asks
// nothing else of it ("does the US have a critical minerals stockpile?", "is there a
// strategic reserve?"): yes, with the item, when it has begun and not ended; no, with its end,
// when it has ended. ok is false for any other question, and for an item not yet begun.
func (e *snap) itemExists(p *knowledge.Policy, q Query, headline string) (string, bool) {
	if !q.YesNo || q.Status || q.Tense != "" || !standingKinds[p.Kind] || len(q.Policies) != 1 || len(q.Minerals) > 0 || p.Date.Time.After(e.now()) ||
		slices.ContainsFunc(q.Terms, func(w string) bool { return !existWords[w] }) ||
		slices.ContainsFunc(q.Countries, func(c string) bool { return !e.ownMeasure(p, c) && !slices.Contains(p.Countries, c) }) {
		return "", false // "does Mexico have a critical minerals stockpile?": not the U.S.'s
	}
	return e.verdict(!e.ended(p), headline), true
}

// mentionedOnly reports whether a status question ("what happened to the IEEPA tariffs?")
// asks about something an item's text mentions, not the item itself: its title and aliases
// have none of the question's words, and its text has them. The item's lead then answers; its
// own status would not.
func (e *snap) mentionedOnly(p *knowledge.Policy, q Query) bool {
	if len(q.Policies) > 0 || len(q.Minerals) > 0 {
		return false
	}
	words := e.policyWords(p)
	n := 0
	for _, w := range q.Terms {
		if len(w) <= 3 || happenWords[w] || statusWords[w] || tariffWords[w] || genericTitleWords[w] {
			continue
		}
		switch words[stem(w)] {
		case 2:
			return false
		case 1:
			n++
		default:
			return false
		}
	}
	return n > 0
}

// itemWords are an item's text, English and Spanish, as normalized words.
func (e *snap) itemWords(p *knowledge.Policy) []string {
	var out []string
	for _, s := range e.served.policySentences[p.ID].words {
		out = append(out, s.words...)
	}
	return out
}

// topicAbroad reports whether an importer's tariff that singles out no trading partner is
// named by a word of its title that the question asks the tariff of ("the tariff on Mexican
// steel", "arancel al acero de México"): it applies to goods from the country named as from
// any other, so the country does not rule it out.
func (e *snap) topicAbroad(q Query, p *knowledge.Policy, words map[string]int) bool {
	if p.Kind != "tariff" || len(p.Countries) > 1 || !asksTariff(q) {
		return false
	}
	c, ok := tradedCountry(q)
	if !ok || len(q.Countries) != 1 || slices.Contains(p.Countries, c) || strings.Contains(p.Jurisdiction, e.kb.CountryName(c)) {
		return false
	}
	return e.titleNames(Query{Terms: q.Terms}, p, words)
}

// countryRate is the index, among an item's sentences in language lang, of the first that
// gives a rate and names the one trading partner q names ("Goods from Mexico … are to pay
// 10%"), or -1: a question about that country's goods asks its rate, not another's.
func (e *snap) countryRate(t policyText, lang int, q Query) int {
	c, ok := tradedCountry(q)
	if !ok {
		return -1
	}
	forms := e.countryForms(c)
	_, words := t.in(lang)
	for i, s := range words {
		if s.rate && namesIn(s.words, forms) {
			return i
		}
	}
	return -1
}

// familyListWords may accompany a family's name in a question asking for all its tariffs:
// "the current Section 232 tariffs", "list the Section 232 actions".
var familyListWords = set("current", "list", "all", "actions", "measures", "existing", "active", "which", "what",
	"vigentes", "actuales", "todos", "todas", "lista", "medidas", "cuales", "hay")

// familyTariffs answers a question that names a family of tariff items by an item that is no
// tariff (the order that opened the Section 232 inquiry) and asks its tariffs and nothing else ("section 232 tariffs", "¿qué aranceles de la sección 232 hay?"): the
// family's tariff items, newest first, rather than the order that opened the inquiry. nil
// when the question asks more, or the family has fewer than two tariff items.
func (e *snap) familyTariffs(q Query) *Answer {
	if len(q.Policies) == 0 || len(q.Countries)+len(q.Minerals) > 0 || q.YesNo || q.Status || q.Month != 0 || q.Year != 0 ||
		!asksTariff(q) || slices.ContainsFunc(q.Terms, func(w string) bool { return !tariffWords[w] && !familyListWords[w] }) {
		return nil
	}
	named, ok := e.kb.Policy(q.Policies[0])
	if !ok || named.Kind == "tariff" {
		return nil // "Section 232 metals tariffs" names the tariff itself
	}
	var family []*knowledge.Policy
	for i := len(e.kb.Policies) - 1; i >= 0; i-- { // newest first
		p := e.kb.Policies[i]
		if p.Kind == "tariff" && (p == named || e.namedFamily(q, p)) {
			family = append(family, p)
		}
	}
	if len(family) < 2 {
		return nil
	}
	var label []string
	for _, w := range q.PolicyWords {
		if !tariffWords[w] {
			label = append(label, w)
		}
	}
	if len(label) == 0 {
		return nil
	}
	name := strings.Join(label, " ")
	for _, alias := range named.Aliases {
		if knowledge.Normalize(alias) == name {
			name = alias // as the record writes it: "sección 232"
			break
		}
	}
	a, list := e.familyList(family, e.when)
	a.Headline = e.f("%s tariff items under %s, newest first: %s.", itoa(len(family)), capitalize(name), list)
	if !fitsHeadline(a.Headline) {
		return nil
	}
	return a
}
