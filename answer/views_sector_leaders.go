package answer

import (
	"cmp"
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Who produces a sector's minerals: "who produces battery minerals?", or "who produces
// them?" after a sector's answer. The top producer of each of the sector's minerals that has
// a production table, grouped by country, the country that tops the most first.

// Named in a sector leaders' headline: countries, and minerals of each.
const (
	sectorLeadCountries = 4
	sectorLeadMinerals  = 4
)

// sectorProducerWords are the words, besides a sector's own and sectorQuestionWords, of a
// question asking who produces a sector's minerals or how concentrated their supply is.
var sectorProducerWords = set("who", "produces", "produce", "producing", "produced", "producer", "producers", "production", "top",
	"leading", "leader", "leaders", "lead", "leads", "mine", "mines", "mined", "supply", "supplies", "concentrated", "concentration",
	"hold", "holds", "has", "have", "largest", "biggest", "tiene", "tienen", "mayores",
	"most", "quien", "quienes", "producen", "productor", "productores", "produccion", "principales", "concentrada", "concentradas",
	"concentrado", "concentrados", "concentracion", "suministro", "mas",
	"dominates", "dominate", "dominant", "controls", "control", "domina", "dominan", "controla", "controlan") // Helper AD

// sectorProducers answers who produces a sector's minerals, or which of them has the most
// concentrated supply, for a question that names a sector and nothing else: "who produces
// battery minerals?", "which battery mineral is the most concentrated?", "¿quién produce los
// minerales para baterías?". It returns nil for any other question.
func (e *snap) sectorProducers(q Query) *Answer {
	if len(q.Minerals)+len(q.Countries)+len(q.Policies) > 0 || q.YesNo || q.Year != 0 || q.Compare || q.Leaders != "" && q.Leaders != LeadersMost ||
		q.Refusal != "" || q.Measure != MeasureProduction && q.Measure != MeasureConcentration && q.Measure != MeasureReserves {
		return nil
	}
	s, ok := sectorAsked(q)
	if !ok {
		return nil
	}
	for _, w := range q.Terms {
		if !sectorProducerWords[w] && !sectorQuestionWords[w] && !reserveWords[w] && !slices.Contains(s.words, w) {
			return nil
		}
	}
	switch {
	case q.Measure == MeasureConcentration:
		return e.concentrationRanking(q)
	case q.Leaders == LeadersMost:
		return e.sectorMost(s)
	}
	return e.sectorLeaders(s, q.Measure == MeasureReserves)
}

// sectorMost answers which country produces the most of a sector's minerals: "who produces
// the most battery minerals?". Countries are counted as the list question counts them
// (views_leaders.go), over the sector's minerals; found once per knowledge base.
func (e *snap) sectorMost(s sector) *Answer {
	label := e.t(s.label)
	lead := e.sectorLeadersOf(s, false)
	ls := lead.ls
	var cs []countryCount
	if x, ok := e.derived.Load(sectorMostKey(s.label)); ok {
		cs = x.([]countryCount)
	} else {
		in := e.sectorIdx.sets[s.label]
		leads := leadCounts(ls)
		for _, c := range e.kb.Countries {
			n := len(e.placedMinerals(e.kb.CountryStandings(c.ID), func(_ knowledge.Standing, m *knowledge.Mineral) string {
				if !in[m.ID] {
					return ""
				}
				return m.ID
			}))
			if n > 0 {
				cs = append(cs, countryCount{country: c.ID, leads: leads[c.ID], counts: n})
			}
		}
		e.byCount(cs, func(c countryCount) int { return c.counts })
		e.derived.Store(sectorMostKey(s.label), cs)
	}
	a := &Answer{Intent: IntentLists, Title: e.f("Countries that produce the most minerals used in %s", label)}
	if len(cs) == 0 {
		a.Headline = e.f("None of the minerals whose records list a use in %s has a production table in this knowledge base.", label)
		return a
	}
	a.Sources = slices.Clip(lead.sources)
	src := lead.src
	first := cs[0]
	a.Headline = e.f("Of the minerals whose records list a use in %s, %s produces the most by the USGS tables, %s, and leads world output of %s of them (%s).",
		label, e.countrySubject(first.country), itoa(first.counts), itoa(first.leads), src)
	a.Headline = sentences(a.Headline, e.nextCounted(cs[1:], "%s (%s; top producer of %s)"))
	sec := Section{Heading: e.f("Minerals used in %s each country produces (and tops)", label)}
	for _, c := range cs[:min(len(cs), 15)] {
		v := e.f("%s produced, top producer of %s", itoa(c.counts), itoa(c.leads))
		if c.leads == 0 {
			v = e.f("%s produced", itoa(c.counts))
		}
		sec.Facts = append(sec.Facts, Fact{Label: e.countryName(c.country), Value: v})
	}
	a.Sections = append(a.Sections, sec, e.leadersSection(ls))
	a.Sections[1].Detail = true
	return a
}

// leadShare is the top producer's share of a ranking, or 0 for a table without shares.
func leadShare(x listLeader) float64 {
	if !x.r.HasShares() {
		return 0
	}
	return x.r.Rows[0].Share
}

// sectorLeads are the top producers (or largest reserves holders) of a sector's minerals,
// grouped by country: the countries, those that top the most minerals first, each with its
// minerals, its largest share first; and the sources and edition they cite.
type sectorLeads struct {
	ls      []listLeader
	tops    map[string][]listLeader
	cs      []string
	src     string
	sources []knowledge.Source
}

// Keys of a sector's leads and counts in the engine's derived map.
type (
	sectorLeadsKey struct {
		label    string
		lang     Lang
		reserves bool
	}
	sectorMostKey string
)

// sectorLeadersOf finds a sector's leads on first use and keeps them for the knowledge base's
// life (in the answer's language, which names and orders them): at 100,000 records a sector
// has thousands of minerals.
func (e *snap) sectorLeadersOf(s sector, reserves bool) *sectorLeads {
	key := sectorLeadsKey{s.label, e.lang, reserves}
	rank := e.kb.PrimaryRanking
	if reserves {
		rank = e.kb.ReservesRanking
	}
	if x, ok := e.derived.Load(key); ok {
		return x.(*sectorLeads)
	}
	us := e.sectorUses[s.label]
	ms := make([]*knowledge.Mineral, len(us))
	for i, u := range us {
		ms[i] = u.m
	}
	x := &sectorLeads{ls: e.leadersBy(ms, rank), tops: map[string][]listLeader{}}
	for _, l := range x.ls {
		for _, c := range l.leaders {
			if len(x.tops[c]) == 0 {
				x.cs = append(x.cs, c)
			}
			x.tops[c] = append(x.tops[c], l)
		}
	}
	slices.SortStableFunc(x.cs, func(a, b string) int {
		return cmp.Or(cmp.Compare(len(x.tops[b]), len(x.tops[a])), strings.Compare(e.countryName(a), e.countryName(b)))
	})
	for _, c := range x.cs {
		slices.SortStableFunc(x.tops[c], func(a, b listLeader) int { return cmpFloat(leadShare(b), leadShare(a)) })
	}
	editions := map[knowledge.Edition]bool{}
	seen := map[string]bool{}
	for _, l := range x.ls {
		editions[l.r.Edition] = true
		if !seen[l.r.Source.URL] {
			seen[l.r.Source.URL] = true
			x.sources = appendSource(x.sources, l.r.Source)
		}
	}
	x.src = e.t("USGS MCS, newest edition of each table")
	if len(editions) == 1 && len(x.ls) > 0 {
		x.src = source(x.ls[0].r.Edition)
	}
	e.derived.Store(key, x)
	return x
}

// sectorLeaders is the top producer of each of a sector's minerals, grouped by country; with
// reserves, the holder of the largest reserves of each.
func (e *snap) sectorLeaders(s sector, reserves bool) *Answer {
	label := e.t(s.label)
	x := e.sectorLeadersOf(s, reserves)
	ls, tops, cs, src := x.ls, x.tops, x.cs, x.src
	a := &Answer{Intent: IntentLists, Title: e.f("Top producer of each mineral used in %s", label), Sources: slices.Clip(x.sources)}
	if reserves {
		a.Intent, a.Title = IntentReserves, e.f("Largest reserves of each mineral used in %s", label)
	}
	if len(ls) == 0 {
		a.Headline = e.f("None of the minerals whose records list a use in %s has a production table in this knowledge base.", label)
		if reserves {
			a.Headline = e.f("None of the minerals whose records list a use in %s has a reserves table in this knowledge base.", label)
		}
		return a
	}
	minerals := func(xs []listLeader) string {
		var names []string
		for _, x := range xs[:min(len(xs), sectorLeadMinerals)] {
			n := strings.ToLower(x.name)
			if x.r.HasShares() {
				n += " (" + percent(x.r.Rows[0].Share) + ")"
			}
			names = append(names, n)
		}
		if len(xs) > sectorLeadMinerals {
			names = append(names, e.f("%s more", itoa(len(xs)-sectorLeadMinerals)))
		}
		return e.and(names)
	}
	first := cs[0]
	a.Headline = e.f("Of the %s minerals whose records list a use in %s and have a USGS production table, %s leads world output of %s: %s (%s).",
		itoa(len(ls)), label, e.countrySubject(first), itoa(len(tops[first])), minerals(tops[first]), src)
	if reserves {
		a.Headline = e.f("Of the %s minerals whose records list a use in %s and have a USGS reserves table, %s holds the largest reserves of %s: %s (%s).",
			itoa(len(ls)), label, e.countrySubject(first), itoa(len(tops[first])), minerals(tops[first]), src)
	}
	var next []string
	for _, c := range cs[1:min(len(cs), sectorLeadCountries)] {
		next = append(next, e.f("%s for %s", e.countryName(c), minerals(tops[c])))
	}
	switch rest := len(cs) - sectorLeadCountries; {
	case rest == 1:
		next = append(next, e.t("one more country for the rest"))
	case rest > 1:
		next = append(next, e.f("%s more countries for the rest", itoa(rest)))
	}
	if len(next) > 0 {
		a.Headline = sentences(a.Headline, e.f("Then %s.", e.and(next)))
	}
	a.Sections = append(a.Sections, e.leadersSection(ls))
	return a
}
