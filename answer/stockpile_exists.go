package answer

import (
	"slices"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper AC: "¿EE. UU. tiene reservas estratégicas de minerales?", "does the US have a
// strategic minerals reserve?": a yes/no question whether a country has a stockpile, which
// names no item (the plural, or words no alias has), gets the verdict itemExists gives when
// one is named — from the best match when that is the country's own stockpile item (its
// title or aliases say "stockpile" or "reserve").

// stockpileTitleStems are how a stockpile item's names say what it is.
var stockpileTitleStems = []string{stem("stockpile"), stem("reserve"), stem("reserva"), stem("acopio")}

// stockpileWordsAsked are the words of a question that ask about a stockpile, beside the
// Spanish "reserva(s) estratégica(s)" stockpileTerms reads.
var stockpileWordsAsked = set("stockpile", "stockpiles", "stockpiling", "acopio")

func (e *snap) stockpileExists(q Query, ps []*knowledge.Policy) *Answer {
	if !q.YesNo || q.Status || q.Tense != "" || len(q.Policies) > 0 || len(q.Minerals) > 0 || len(q.Countries) != 1 || len(ps) == 0 ||
		!stockpileTerms(q.Terms) && !hasAny(q.Terms, stockpileWordsAsked) && !(hasAny(q.Terms, strategicWords) && slices.Contains(q.Terms, "reserve")) {
		return nil
	}
	p := ps[0]
	words := e.policyWords(p)
	if !standingKinds[p.Kind] || p.Date.Time.After(e.now()) || !e.ownMeasure(p, q.Countries[0]) && !slices.Contains(p.Countries, q.Countries[0]) ||
		!slices.ContainsFunc(stockpileTitleStems, func(s string) bool { return words[s] == 2 }) {
		return nil
	}
	a := e.policyCard(p, q)
	a.Headline = e.verdict(!e.ended(p), e.policyLead(p, q))
	return a
}
