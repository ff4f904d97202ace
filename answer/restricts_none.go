package answer

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/mineralbot/mineralbot/knowledge"
)

// noExportMeasure answers whether a country restricts or bans a mineral's exports when the
// knowledge base holds no measure of that country restricting them ("does Indonesia restrict
// nickel exports?", "¿Indonesia prohíbe exportar níquel?"), though it holds items on the
// country and the mineral: a mining quota, or a trade deal in which the country undertook
// to lift restrictions. Neither is a yes, and the sources read may simply not cover a
// measure, so there is no verdict: the answer says that no such measure is recorded and
// gives the items that are, dated, with the sentence of each that speaks of restricting
// when it has one. Nil when the question is not one of these, when such a measure is
// recorded (restrictsNow and restrictionStatus answer), or when no item concerns both.
func (e *snap) noExportMeasure(q Query, ps []*knowledge.Policy) *Answer {
	if len(q.Minerals) != 1 || len(q.Countries) == 0 || q.Status || q.Cut {
		return nil
	}
	country := q.Countries[0]
	restrict := slices.ContainsFunc(q.Terms, func(w string) bool { return restrictWords[w] || banWords[w] })
	export := slices.ContainsFunc(q.Terms, func(w string) bool { return strings.HasPrefix(w, "export") })
	for _, id := range q.Policies {
		// "is there an Indonesian nickel export ban?" names another country's ban by its
		// alias ("export ban"): it asks about an export restriction. One of the country's
		// own answers elsewhere.
		p, ok := e.kb.Policy(id)
		if !ok || slices.Contains(p.Countries, country) || p.Kind != "export-control" {
			return nil
		}
		restrict, export = true, true
	}
	if !restrict || !export {
		return nil
	}
	m, ok := e.mineral(q)
	if !ok {
		return nil
	}
	hasMineral := func(p *knowledge.Policy) bool {
		return slices.ContainsFunc(p.Minerals, func(id string) bool { return id == m.ID || m.Group != "" && id == m.Group })
	}
	var related []*knowledge.Policy
	for _, p := range e.kb.Policies {
		if !slices.Contains(p.Countries, country) || !hasMineral(p) {
			continue
		}
		if restrictiveKinds[p.Kind] && e.ownMeasure(p, country) &&
			(p.Kind == "export-control" || e.policyWords(p)[stem("export")] == 2) {
			return nil // a measure of its own on the mineral's exports: restrictsNow and the rest
		}
		related = append(related, p)
	}
	if len(related) == 0 {
		return nil // noRestriction says there is none
	}
	related = newestFirst(related)
	none := e.f("No measure by %s restricting exports of %s is in the knowledge base (updated %s).", e.countryName(country), strings.ToLower(e.mineralName(m)), e.lang.Date(e.kbUpdated()))
	var lines []string
	for _, p := range related[:min(2, len(related))] {
		var line string
		switch s := e.restrictSentence(p); {
		case s != "":
			line = e.lang.Date(p.Date) + " (" + e.policyTitle(p) + "): " + strings.TrimSuffix(s, ".")
		case restrictiveKinds[p.Kind] && e.cutsOrCaps(p):
			line = e.f("%s, %s (a limit on output, not on exports)", e.lang.Date(p.Date), e.policyTitle(p))
		case restrictiveKinds[p.Kind]:
			line = e.f("%s, %s (not an export restriction)", e.lang.Date(p.Date), e.policyTitle(p))
		default:
			line = e.lang.Date(p.Date) + ", " + e.policyTitle(p)
		}
		if len(lines) > 0 && utf8.RuneCountInString(sentences(none, e.f("What it holds on them: %s.", strings.Join(append(lines, line), "; ")))) > maxHeadlineRunes {
			break // the card lists it
		}
		lines = append(lines, line)
	}
	a := e.policyList(related[:min(8, len(related))], "Policy items that match")
	a.Headline = sentences(none, e.f("What it holds on them: %s.", strings.Join(lines, "; ")))
	return a
}

// restrictSentence is the first sentence of an item's text, in the answer's language, that
// speaks of restricting exports ("Indonesia undertook to lift its restrictions on exporting
// …"), or "".
func (e *snap) restrictSentence(p *knowledge.Policy) string {
	texts, words := e.itemSentences(p)
	for i, w := range words {
		if slices.ContainsFunc(w.stems, func(s string) bool { return s == "restr" || s == "prohi" }) && slices.Contains(w.stems, "expor") {
			return texts[i]
		}
	}
	return ""
}

// ownMeasure reports whether an item is a country's own measure: its jurisdiction names the
// country, or the item concerns that country alone ("Democratic Republic of the Congo" is
// Congo (Kinshasa)'s).
func (e *snap) ownMeasure(p *knowledge.Policy, country string) bool {
	return strings.Contains(p.Jurisdiction, e.kb.CountryName(country)) || len(p.Countries) == 1 && p.Countries[0] == country
}
