package answer

import (
	"github.com/mineralbot/mineralbot/knowledge"
)

// What two or three countries produce: "what do Mexico and Peru produce?", "which minerals
// do Mexico, Chile and Peru produce". Each country's card would answer for it; the question
// asks for all of them, so the answer opens with each one's leading standing, one sentence
// each, and links their cards.

// countriesOverview answers for two or three countries at once, or nil when the question is
// not that: it names no mineral, item or list, asks what they produce (or only names them),
// and does not ask them together ("Mexico and Peru together", views_both.go) or compared.
func (e *snap) countriesOverview(q Query) *Answer {
	if len(q.Countries) < 2 || len(q.Countries) > 3 || len(q.Minerals)+len(q.Policies)+len(q.Lists) > 0 || q.Both || q.Compare ||
		q.Measure != MeasureOverview && q.Measure != MeasureProduction || q.YesNo || q.Leaders != "" || q.Importer != "" ||
		q.Year != 0 || q.Timeline != "" || q.Threshold > 0 || hasAny(q.Terms, togetherWords) || hasAny(q.Rest, togetherWords) {
		return nil
	}
	if _, ok := sectorAsked(q); ok {
		return nil // "battery minerals in Mexico and Peru": the sector's views
	}
	for _, w := range q.Terms {
		if !countriesWords[w] {
			return nil // "when is the next US-China summit?", "US-Mexico deals": about something else
		}
	}
	a := &Answer{Intent: IntentCountry}
	var names []string
	for _, id := range q.Countries {
		c, ok := e.kb.Country(id)
		if !ok {
			return nil
		}
		st := e.kb.CountryStandings(c.ID)
		h := e.countryHeadline(c, st, e.standings(c.ID, false))
		ss := sentencesOf(h)
		if len(ss) == 0 {
			return nil
		}
		a.Headline = sentences(a.Headline, ss[0])
		a.Sections = append(a.Sections, Section{Heading: e.countryName(c.ID), Text: h})
		a.Related = appendLink(a.Related, Link{Ref: knowledge.Ref{Kind: knowledge.KindCountry, ID: c.ID}, Title: e.countryName(c.ID)})
		names = append(names, e.countryName(c.ID))
	}
	a.Title = e.f("What %s produce", e.and(names))
	return a
}

// countriesWords are the words, besides the countries' names, of a question on what they
// produce: "which minerals do Mexico, Chile and Peru produce".
var countriesWords = set("produce", "produces", "produced", "production", "producen", "produccion", "mine", "mines",
	"mined", "minerals", "mineral", "minerales", "metals", "metales", "output", "make", "makes", "extraen", "extrae")
