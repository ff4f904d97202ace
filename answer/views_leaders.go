package answer

import (
	"cmp"
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// The leading producer of each mineral of a critical list, and the countries that produce
// the most of them: "top producer of each critical mineral", "who leads each critical
// mineral?", "which country produces the most critical minerals?", "¿qué país produce más
// minerales críticos?". The USGS production tables answer both, each mineral's newest
// edition, as the country standings rank them.

// The questions about a whole list's producers (Query.Leaders).
const (
	LeadersEach = "each" // the top producer of each mineral of the list
	LeadersMost = "most" // the countries that produce the most of the list's minerals
)

// eachWords ask about every member of a set: "each", "every", "cada".
var eachWords = set("each", "every", "cada")

// producerWords ask who leads: "top producer", "who leads", "el mayor productor".
var producerWords = set("top", "lead", "leads", "leader", "leaders", "leading", "largest", "biggest", "main", "producer", "producers",
	"mayor", "mayores", "productor", "productores", "lider", "lidera", "lideres", "principal", "principales", "primer")

// nationWords ask which country: "which country", "¿qué país?".
var nationWords = set("country", "countries", "nation", "nations", "pais", "paises")

// mineralsWords are minerals in the plural, counted: "the most critical minerals".
var mineralsWords = set("minerals", "metals", "minerales", "metales")

// mostCountWords ask for the most of them: "the most", "más".
var mostCountWords = set("most", "mas")

// leadersAsked reports which question about a whole list's producers a question asks (see
// LeadersEach and LeadersMost), or "": one that names no mineral, country or policy, and
// asks for each mineral's top producer, or which country produces the most minerals.
func leadersAsked(norm []string, q *Query) string {
	if len(q.Minerals)+len(q.Countries)+len(q.Policies) > 0 || q.After != "" || q.Besides != "" {
		return ""
	}
	mineralWord := hasAny(norm, mineralsWords) || hasAny(norm, set("mineral", "metal", "material", "materials", "materias"))
	produce := hasAny(norm, producerWords) || slices.ContainsFunc(norm, func(w string) bool { return slices.Contains(outputWords, w) })
	switch {
	case hasAny(norm, eachWords) && produce && mineralWord:
		return LeadersEach
	case (hasAny(norm, nationWords) || len(norm) > 0 && norm[0] == "who") && produce && hasAny(norm, mostCountWords) &&
		(hasAny(norm, mineralsWords) || hasAny(norm, pluralMaterialWords)):
		return LeadersMost
	case hasAny(norm, nationWords) && hasAny(norm, reserveWords) && hasAny(norm, mostCountWords) && mineralWord:
		return LeadersReserves // "which country has the most critical minerals reserves?" (views_reserves_leaders.go)
	}
	return ""
}

// pluralMaterialWords name a list's items as the EU does: "which country produces the most EU
// strategic raw materials?" (Helper T).
var pluralMaterialWords = set("materials", "materias", "metals", "metales")

// listLeader is the ranking of one mineral of a list (one per table and measure: the
// rare-earth elements share theirs), what it is called, and the countries that top it.
type listLeader struct {
	name    string
	r       knowledge.Ranking
	leaders []string
}

// listLeaders are the top producers of every mineral of a list that has a production table:
// each mineral's primary ranking (its newest edition), a table that members of a group share
// counted once, under the group's name, or a member's when the measure is its own.
func (e *snap) listLeaders(l knowledge.List) []listLeader {
	var ms []*knowledge.Mineral
	for _, m := range e.kb.Minerals {
		if m.On(l) {
			ms = append(ms, m)
		}
	}
	return e.leadersAmong(ms)
}

// leadersAmong are the top producers of each of the minerals ms that has a production table,
// as listLeaders counts them, in the order of their names.
func (e *snap) leadersAmong(ms []*knowledge.Mineral) []listLeader {
	return e.leadersBy(ms, e.kb.PrimaryRanking)
}

// leadersBy are the countries that top the ranking rank gives each of the minerals ms, as
// leadersAmong counts them.
func (e *snap) leadersBy(ms []*knowledge.Mineral, rank func(string) (knowledge.Ranking, bool)) []listLeader {
	seen := map[string]bool{}
	var out []listLeader
	for _, m := range ms {
		r, ok := rank(m.ID)
		if !ok || len(r.Rows) == 0 || seen[r.Mineral+"/"+r.Measure] {
			continue
		}
		seen[r.Mineral+"/"+r.Measure] = true
		name := e.mineralName(m)
		if g, ok := e.kb.Mineral(r.Mineral); ok && r.Mineral != m.ID {
			name = e.mineralName(g)
			for _, id := range g.Members {
				if knowledge.OwnMeasure([]string{r.Measure}, id) != "" {
					if x, ok := e.kb.Mineral(id); ok {
						name = e.mineralName(x)
					}
				}
			}
		}
		x := listLeader{name: name, r: r}
		for _, row := range r.Rows {
			if row.Rank == 1 {
				x.leaders = append(x.leaders, row.Country)
			}
		}
		out = append(out, x)
	}
	slices.SortFunc(out, func(a, b listLeader) int {
		return strings.Compare(knowledge.Normalize(a.name), knowledge.Normalize(b.name))
	})
	return out
}

// countryCount is a country and how many of a list's minerals it tops or produces.
type countryCount struct {
	country       string
	leads, counts int
}

// leadCounts counts, per country, the minerals it tops.
func leadCounts(ls []listLeader) map[string]int {
	n := map[string]int{}
	for _, x := range ls {
		for _, c := range x.leaders {
			n[c]++
		}
	}
	return n
}

// byCount orders countries by a count, most first, then by the minerals they top, then by
// name.
func (e *snap) byCount(cs []countryCount, count func(countryCount) int) {
	slices.SortStableFunc(cs, func(a, b countryCount) int {
		return cmp.Or(cmp.Compare(count(b), count(a)), cmp.Compare(b.leads, a.leads),
			strings.Compare(e.countryName(a.country), e.countryName(b.country)))
	})
}

// leadersList is the list a question about a list's producers asks about: the one it names,
// or the current U.S. list.
func leadersList(q Query) knowledge.List {
	if len(q.Lists) > 0 {
		return q.Lists[0]
	}
	return knowledge.USGS2025
}

// leadersView answers a question about a whole list's producers.
func (e *snap) leadersView(q Query) *Answer {
	l := leadersList(q)
	if q.Leaders == LeadersReserves {
		return e.reservesLeaders(l)
	}
	ls := e.listLeaders(l)
	a := &Answer{Intent: IntentLists, Title: e.f("Top producer of each mineral of the %s", e.listName(l))}
	if len(ls) == 0 {
		a.Headline = e.f("No mineral of the %s has a production table in this knowledge base.", e.listName(l))
		return a
	}
	leads := leadCounts(ls)
	var cs []countryCount
	if q.Leaders == LeadersMost {
		for _, c := range e.kb.Countries {
			if n := len(e.producedOn(c.ID, l)); n > 0 {
				cs = append(cs, countryCount{country: c.ID, leads: leads[c.ID], counts: n})
			}
		}
		e.byCount(cs, func(c countryCount) int { return c.counts })
	} else {
		for c, n := range leads {
			cs = append(cs, countryCount{country: c, leads: n, counts: n})
		}
		e.byCount(cs, func(c countryCount) int { return c.leads })
	}
	if len(cs) == 0 {
		a.Headline = e.f("No mineral of the %s has a production table in this knowledge base.", e.listName(l))
		return a
	}
	editions := map[knowledge.Edition]bool{}
	for _, x := range ls {
		editions[x.r.Edition] = true
		a.Sources = appendSource(a.Sources, x.r.Source)
	}
	src := e.t("USGS MCS, newest edition of each table")
	if len(editions) == 1 {
		src = source(ls[0].r.Edition)
	}
	const named = 3 // countries the headline names after the first
	var next []string
	for _, c := range cs[1:min(len(cs), 1+named)] {
		if q.Leaders == LeadersMost {
			next = append(next, e.f("%s (%s; top producer of %s)", e.countryName(c.country), itoa(c.counts), itoa(c.leads)))
		} else {
			next = append(next, e.countryName(c.country)+" ("+itoa(c.leads)+")")
		}
	}
	first := cs[0]
	if q.Leaders == LeadersMost {
		a.Title = e.f("Countries that produce the most minerals of the %s", e.listName(l))
		a.Headline = e.f("%s produces the most minerals of the %s, by the USGS tables: %s, and is the top producer of %s of them (%s).",
			e.countrySubject(first.country), e.listName(l), itoa(first.counts), itoa(first.leads), src)
		if len(next) > 0 {
			a.Headline = sentences(a.Headline, e.f("Next: %s.", e.and(next)))
		}
		s := Section{Heading: e.t("Minerals of the list each country produces (and tops)")}
		for _, c := range cs[:min(len(cs), 15)] {
			v := e.f("%s produced, top producer of %s", itoa(c.counts), itoa(c.leads))
			if c.leads == 0 {
				v = e.f("%s produced", itoa(c.counts))
			}
			s.Facts = append(s.Facts, Fact{Label: e.countryName(c.country), Value: v})
		}
		s.Note = e.t("Minerals counted once each (a group the USGS tables put together, such as the rare-earth elements, as one), in the newest edition of each table; ranks derived by mineralbot.")
		a.Sections = append(a.Sections, s, e.leadersSection(ls))
		a.Sections[1].Detail = true
		return a
	}
	a.Headline = e.f("%s is the top producer of %s of the %s minerals of the %s with USGS production figures (%s).",
		e.countrySubject(first.country), itoa(first.leads), itoa(len(ls)), e.listName(l), src)
	if len(next) > 0 {
		a.Headline = sentences(a.Headline, e.f("Next: %s.", e.and(next)))
	}
	a.Sections = append(a.Sections, e.leadersSection(ls))
	s := Section{Heading: e.t("Minerals topped, by country")}
	for _, c := range cs {
		s.Facts = append(s.Facts, Fact{Label: e.countryName(c.country), Value: itoa(c.leads)})
	}
	a.Sections = append(a.Sections, s)
	return a
}

// maxLeaderFacts is the most minerals a leaders' card lists (a critical list has fewer).
const maxLeaderFacts = 60

// leadersSection is one line per mineral: its top producer, the share and the year.
func (e *snap) leadersSection(ls []listLeader) Section {
	s := Section{Heading: e.t("Top producer of each mineral")}
	for i, x := range ls {
		if i == maxLeaderFacts {
			// A sector of a large knowledge base has thousands: the card names the first.
			s.Facts = append(s.Facts, Fact{Label: "…", Value: e.f("%s more", itoa(len(ls)-i))})
			break
		}
		names := make([]string, len(x.leaders))
		for i, c := range x.leaders {
			names[i] = e.countryName(c)
		}
		lead := x.r.Rows[0]
		v := e.and(names)
		if len(names) > 1 {
			v = e.f("%s (tied)", v)
		}
		if x.r.HasShares() {
			v = e.f("%s, %s of world %s", v, percent(lead.Share), e.measure(x.r.Measure))
		} else {
			v += ", " + e.amount(lead, x.r.Unit)
		}
		v += " (" + yearLabel(x.r.Year, x.r.Estimated) + ", " + x.r.Edition.String() + ")"
		s.Facts = append(s.Facts, Fact{Label: x.name, Value: v})
	}
	s.Note = e.t("USGS Mineral Commodity Summaries, the newest edition with each table; a group the tables put together (the rare-earth elements) is one line. Ranks and shares derived by mineralbot.")
	return s
}

// producedOn are the minerals of a list a country's production standings show it producing,
// each once (as its table: a group for its members), as the country card counts them.
func (e *snap) producedOn(country string, l knowledge.List) []string {
	return e.placedMinerals(e.kb.CountryStandings(country), func(_ knowledge.Standing, m *knowledge.Mineral) string {
		if !e.on(m, l) {
			return ""
		}
		return m.ID
	})
}
