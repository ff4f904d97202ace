package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// exportMeasure reports whether an item is a country's own measure on exports of minerals:
// an export control, or a regulation, law, decree or tariff whose title or aliases speak of
// exports ("DR Congo caps cobalt exports"), or the suspension of one (the restrictions it
// puts on hold are recorded only through it). A mining quota restricts output, not exports.
func (e *snap) exportMeasure(p *knowledge.Policy, country string) bool {
	return restrictiveKinds[p.Kind] && slices.Contains(p.Countries, country) && e.ownMeasure(p, country) &&
		(p.Kind == "export-control" || e.policyWords(p)[stem("export")] == 2) && !p.Date.Time.After(e.now())
}

// restricting reports whether an export measure still restricts today, as far as the
// knowledge base goes: in force, suspended for now, or due to end with no source saying
// whether it did; a suspension, while it runs, puts restrictions on hold. Ended and not-yet
// measures do not.
func (e *snap) restricting(p *knowledge.Policy) (force, bool) {
	f := e.forceOf(p)
	return f, f == forceOn || f == forceSuspended || f == forceUnknown || f == forceLifted && !p.EndDate.IsZero()
}

// restrictionLine is "date, title", with "(suspended)" or "(fate unknown)" when the measure
// is not simply in force.
func (e *snap) restrictionLine(p *knowledge.Policy, f force) string {
	line := e.lang.Date(p.Date) + ", " + e.policyTitle(p)
	switch f {
	case forceSuspended:
		line += " " + e.t("(suspended for now)")
	case forceUnknown:
		if e.suspensionOf(p) != nil && !e.suspends(p) {
			line += " " + e.t("(its suspension was due to end; whether it did is not known)")
		} else {
			line += e.endNote(p) // "(due to end 10 Nov 2026; whether it did is not known)"
		}
	case forceLifted:
		line += " " + e.f("(restrictions on hold until %s)", e.lang.Date(p.EndDate))
	}
	return line
}

// restrictsWhat answers which countries restrict exports of minerals (of one mineral, when
// it names one), and what a country restricts: "which countries restrict critical mineral
// exports?", "¿qué países restringen las exportaciones de minerales críticos?", "what does
// China restrict?", "¿qué restringe Indonesia?". The measures are the export measures
// recorded (exportMeasure) that still restrict; a country is listed with its newest. A
// country with none is told so, with its mining quotas or caps when it has some. Nil when
// the question is not one of these: a yes/no question ("does China restrict gallium?")
// or one naming an item, a deal or two countries is answered elsewhere.
func (e *snap) restrictsWhat(q Query) *Answer {
	if q.YesNo && len(q.Countries) > 0 || q.Status || q.Cut || q.WhichMinerals || len(q.Policies) > 0 || len(q.Countries) > 1 || len(q.Minerals) > 1 || q.Year > 0 ||
		q.Month > 0 || q.Timeline != "" || asksAgreement(q) {
		return nil
	}
	restrict := slices.ContainsFunc(q.Terms, func(w string) bool { return restrictWords[w] || banWords[w] })
	export := slices.ContainsFunc(q.Terms, func(w string) bool { return strings.HasPrefix(w, "export") })
	for _, w := range q.Terms {
		// Only the words of the question asked: "critical minerals", "exports", "which".
		if !restrictWords[w] && !banWords[w] && !strings.HasPrefix(w, "export") && !restrictorWords[w] {
			return nil
		}
	}
	if len(q.Countries) == 1 && len(q.Minerals) == 0 && restrict {
		return e.countryRestricts(q.Countries[0])
	}
	if len(q.Countries) > 0 || !restrict || !export {
		return nil
	}
	var m *knowledge.Mineral
	if len(q.Minerals) == 1 {
		if mm, ok := e.mineral(q); ok {
			m = mm
		}
	}
	type entry struct {
		country string
		items   []*knowledge.Policy
	}
	var entries []entry
	for _, p := range newestFirst(e.kb.Policies) {
		if m != nil && !slices.ContainsFunc(p.Minerals, func(id string) bool { return id == m.ID || m.Group != "" && id == m.Group }) {
			continue
		}
		for _, c := range p.Countries {
			if _, on := e.restricting(p); !on || !e.exportMeasure(p, c) {
				continue
			}
			i := slices.IndexFunc(entries, func(x entry) bool { return x.country == c })
			if i < 0 {
				entries = append(entries, entry{country: c})
				i = len(entries) - 1
			}
			entries[i].items = append(entries[i].items, p)
		}
	}
	what := e.t("minerals")
	if m != nil {
		what = strings.ToLower(e.mineralName(m))
	}
	if len(entries) == 0 {
		if m == nil {
			return nil
		}
		// "who restricts nickel exports?": none recorded; an item that speaks of
		// restricting them (a deal to lift restrictions) says what is.
		a := &Answer{Intent: IntentPolicy, Title: e.t("No policy item matches")}
		a.Headline = e.f("The knowledge base (updated %s) records no country's export restriction on %s.", e.lang.Date(e.kbUpdated()), what)
		for _, p := range newestFirst(e.kb.Policies) {
			if s := e.restrictSentence(p); s != "" && slices.ContainsFunc(p.Minerals, func(id string) bool { return id == m.ID || m.Group != "" && id == m.Group }) {
				a = e.policyList([]*knowledge.Policy{p}, "Policy items that match")
				a.Headline = sentences(e.f("The knowledge base (updated %s) records no country's export restriction on %s.", e.lang.Date(e.kbUpdated()), what),
					e.lang.Date(p.Date)+" ("+e.policyTitle(p)+"): "+s)
				break
			}
		}
		return a
	}
	var names []string
	var lines []string
	var all []*knowledge.Policy
	for _, en := range entries {
		names = append(names, en.country)
		shown := e.shownOf(en.items)
		f, _ := e.restricting(shown)
		lines = append(lines, e.countryName(en.country)+": "+e.restrictionLine(shown, f))
		all = append(all, en.items...)
	}
	a := e.policyList(all[:min(8, len(all))], "Policy items that match")
	// One sentence: each country is named with its measure.
	a.Headline = e.f("The knowledge base (updated %s) records export restrictions on %s by %s countries, each with its measure in force or else its newest: %s.",
		e.lang.Date(e.kbUpdated()), what, itoa(len(names)), strings.Join(lines, "; "))
	if len(names) == 1 {
		shown := e.shownOf(entries[0].items)
		f, _ := e.restricting(shown)
		a.Headline = e.f("The knowledge base (updated %s) records export restrictions on %s by %s: %s.",
			e.lang.Date(e.kbUpdated()), what, e.countryNames(names), e.restrictionLine(shown, f))
	}
	if q.YesNo {
		a.Headline = e.verdict(true, a.Headline) // "does anyone restrict cobalt exports?"
	}
	return a
}

// countryRestricts answers what a country restricts: its export measures that still
// restrict, newest first; without one, that none is recorded, and its caps on output.
func (e *snap) countryRestricts(country string) *Answer {
	var items, caps []*knowledge.Policy
	for _, p := range newestFirst(e.kb.Policies) {
		if _, on := e.restricting(p); on && e.exportMeasure(p, country) {
			items = append(items, p)
		} else if restrictiveKinds[p.Kind] && e.ownMeasure(p, country) && slices.Contains(p.Countries, country) && e.cutsOrCaps(p) && !e.ended(p) {
			caps = append(caps, p)
		}
	}
	who := e.countryNames([]string{country})
	updated := e.lang.Date(e.kbUpdated())
	if len(items) == 0 && len(caps) == 0 {
		a := &Answer{Intent: IntentPolicy, Title: e.t("No policy item matches")}
		a.Headline = e.f("No export restriction by %s is in the knowledge base (updated %s).", who, updated)
		return a
	}
	if len(items) == 0 {
		var lines []string
		for _, p := range caps[:min(3, len(caps))] {
			lines = append(lines, e.lang.Date(p.Date)+", "+e.policyTitle(p))
		}
		a := e.policyList(caps, "Policy items that match")
		a.Headline = sentences(e.f("No export restriction by %s is in the knowledge base (updated %s).", who, updated),
			e.f("It records limits on output: %s.", strings.Join(lines, "; ")))
		return a
	}
	var lines []string
	for _, p := range items[:min(3, len(items))] {
		f, _ := e.restricting(p)
		lines = append(lines, e.restrictionLine(p, f))
	}
	list := strings.Join(lines, "; ")
	if len(items) > 3 {
		list += "; " + e.f("and %s more", itoa(len(items)-3))
	}
	a := e.policyList(append(items, caps...), "Policy items that match")
	a.Headline = e.f("Export measures by %s in the knowledge base (updated %s), newest first: %s.", who, updated, list)
	return a
}

// restrictorWords are the other words of "which countries restrict critical mineral
// exports?", "what does China restrict?", "¿qué países restringen …?".
var restrictorWords = set("which", "what", "who", "countries", "country", "nations", "governments", "critical", "mineral",
	"minerals", "does", "do", "have", "has", "on", "of", "any", "paises", "pais", "gobiernos", "criticos", "minerales",
	"las", "los", "de", "sobre", "que", "cuales", "quien", "quienes", "tiene", "tienen", "anyone", "anybody", "someone",
	"alguien", "algun", "alguno")

// shownOf is the measure a country's restrictions are shown by: the newest in force, when one
// is (a suspended ban is not the whole story), else the newest.
func (e *snap) shownOf(items []*knowledge.Policy) *knowledge.Policy {
	if i := slices.IndexFunc(items, func(p *knowledge.Policy) bool { f, _ := e.restricting(p); return f == forceOn }); i >= 0 {
		return items[i]
	}
	return items[0]
}
