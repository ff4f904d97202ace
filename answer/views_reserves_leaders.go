package answer

import "github.com/mineralbot/mineralbot/knowledge"

// LeadersReserves asks which countries hold reserves of the most minerals of a list: "which
// country has the most critical minerals reserves?", "¿qué país tiene más reservas de
// minerales críticos?" (see leadersAsked).
const LeadersReserves = "reserves"

// reserveWords name reserves in a question about a whole list.
var reserveWords = set("reserve", "reserves", "reserva", "reservas")

// reservesLeaders answers which countries hold reserves of the most minerals of a list, and
// how many of them each holds the largest of: each mineral's reserves table (its newest
// edition), a table the members of a group share counted once. Countries are counted where
// the table lists a figure for them; a count is not a size: the minerals differ.
func (e *snap) reservesLeaders(l knowledge.List) *Answer {
	a := &Answer{Intent: IntentLists, Title: e.f("Countries that hold reserves of the most minerals of the %s", e.listName(l))}
	seen := map[string]bool{}
	held, largest := map[string]int{}, map[string]int{}
	tables := 0
	for _, m := range e.kb.Minerals {
		if !m.On(l) {
			continue
		}
		r, ok := e.kb.ReservesRanking(m.ID)
		if !ok || len(r.Rows) == 0 || seen[r.Mineral] {
			continue
		}
		seen[r.Mineral] = true
		tables++
		for _, row := range r.Rows {
			held[row.Country]++
			if row.Rank == 1 {
				largest[row.Country]++
			}
		}
		a.Sources = appendSource(a.Sources, r.Source)
	}
	if len(held) == 0 {
		a.Headline = e.f("No mineral of the %s has a reserves table in this knowledge base.", e.listName(l))
		return a
	}
	var cs []countryCount
	for c, n := range held {
		cs = append(cs, countryCount{country: c, leads: largest[c], counts: n})
	}
	e.byCount(cs, func(c countryCount) int { return c.counts })
	first := cs[0]
	a.Headline = e.f("%s is listed with reserves of the most minerals of the %s: %s of the %s reserves tables, and holds the largest reserves of %s of them (USGS MCS, newest edition of each table).",
		e.countrySubject(first.country), e.listName(l), itoa(first.counts), itoa(tables), itoa(first.leads))
	a.Headline = sentences(a.Headline, e.nextCounted(cs[1:], "%s (%s; largest of %s)"))
	s := Section{Heading: e.t("Reserves tables that list each country (and where its reserves are the largest)")}
	for _, c := range cs[:min(len(cs), 15)] {
		v := e.f("%s listed, largest of %s", itoa(c.counts), itoa(c.leads))
		if c.leads == 0 {
			v = e.f("%s listed", itoa(c.counts))
		}
		s.Facts = append(s.Facts, Fact{Label: e.countryName(c.country), Value: v})
	}
	s.Note = e.t("Counts of tables, not sizes: a country listed for a mineral holds some of its reserves, as USGS estimates them.")
	a.Sections = append(a.Sections, s)
	return a
}

// nextCounted names the first three of cs after the first, each with its count, and with
// withLeads (name, count, leads) where it leads some: "Next: Russia (9), Australia (8; top
// producer of 1) and Brazil (6)."; "" when there are none.
func (e *snap) nextCounted(cs []countryCount, withLeads string) string {
	var next []string
	for _, c := range cs[:min(len(cs), 3)] {
		if c.leads == 0 {
			next = append(next, e.countryName(c.country)+" ("+itoa(c.counts)+")")
		} else {
			next = append(next, e.f(withLeads, e.countryName(c.country), itoa(c.counts), itoa(c.leads)))
		}
	}
	if len(next) == 0 {
		return ""
	}
	return e.f("Next: %s.", e.and(next))
}
