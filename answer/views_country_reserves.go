package answer

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper P: a country's reserves across minerals ("mexico reserves ranking", "¿cuáles son
// las reservas de México?").

// heldReserve is a country's row in one mineral's reserves table.
type heldReserve struct {
	mineral string // the record the table is named for (a group for its members' table)
	r       knowledge.Ranking
	row     knowledge.Share
}

// indexCountryReserves gathers, once per knowledge base, each country's rows in every
// mineral's reserves table, newest edition of each: best world rank first (then the larger
// share).
func indexCountryReserves(kb *knowledge.KB) map[string][]heldReserve {
	out := map[string][]heldReserve{}
	seen := map[string]bool{}
	for _, m := range kb.Minerals {
		r, ok := kb.ReservesRanking(m.ID)
		if !ok || seen[r.Mineral+"/"+r.Measure] {
			continue
		}
		seen[r.Mineral+"/"+r.Measure] = true
		id := m.ID
		if g, ok := kb.Mineral(r.Mineral); ok {
			id = g.ID
		}
		for _, row := range r.Rows {
			if row.Country != knowledge.Others && row.Country != knowledge.World {
				out[row.Country] = append(out[row.Country], heldReserve{id, r, row})
			}
		}
	}
	for _, hs := range out {
		slices.SortStableFunc(hs, func(a, b heldReserve) int {
			if c := cmp.Compare(a.row.Rank, b.row.Rank); c != 0 {
				return c
			}
			return cmp.Compare(b.row.Share, a.row.Share)
		})
	}
	return out
}

// countryReserves ranks a country's reserves in every mineral's reserves table, newest
// edition of each. ok is false when no table lists the country.
func (e *snap) countryReserves(country string) (*Answer, bool) {
	hs := e.reserveRows[country]
	if len(hs) == 0 {
		return nil, false
	}
	mineralName := func(h heldReserve) string {
		if m, ok := e.kb.Mineral(h.mineral); ok {
			return e.mineralName(m)
		}
		return h.mineral
	}
	name := e.countryName(country)
	a := &Answer{Intent: IntentCountry, Title: e.f("Reserves: %s", name), Record: knowledge.Ref{Kind: knowledge.KindCountry, ID: country}}
	place := func(h heldReserve) string {
		s := e.f("#%s in %s", strconv.Itoa(h.row.Rank), strings.ToLower(mineralName(h)))
		if h.row.Share >= 0 {
			s += " (" + percent(h.row.Share) + ")"
		}
		return s
	}
	var top []string
	for _, h := range hs[:min(5, len(hs))] {
		top = append(top, place(h))
	}
	a.Headline = e.f("In reserves, %s ranks %s in the world (USGS tables, newest edition of each).", e.countryAfterIn(country), e.and(top))
	if len(hs) > 5 {
		a.Headline = sentences(a.Headline, e.f("The tables list its reserves of %s minerals in all.", strconv.Itoa(len(hs))))
	}
	s := Section{Heading: e.t("Reserves (world rank and share)")}
	for _, h := range hs {
		v := e.f("#%s of %s listed", strconv.Itoa(h.row.Rank), strconv.Itoa(len(h.r.Rows))) + ", " + e.amount(h.row, h.r.Unit)
		if h.row.Share >= 0 {
			v += ", " + percent(h.row.Share)
		}
		v += " (" + source(h.r.Edition) + ")"
		s.Facts = append(s.Facts, Fact{Label: mineralName(h), Value: v})
		a.Sources = appendSource(a.Sources, h.r.Source)
	}
	a.Sections = append(a.Sections, s)
	return a, true
}
