package answer

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Two or three countries compared: "compare Mexico and Peru", "Mexico vs Peru", "¿cómo se
// compara México con Perú?". With no mineral named, what they have in common is the
// minerals they both produce; the answer says, for those, which of them ranks higher in world
// production, and details the table where one of them stands highest.

// maxComparedNamed is how many minerals a headline names for each country; maxComparedCard
// how many tables the card lists.
const maxComparedNamed, maxComparedCard = 5, 25

// comparedWords are the words, besides the countries' names, a production question's
// comparison, and what countriesWords allows, of a comparison of countries: "how does
// Mexico compare to Peru in mining?".
var comparedWords = set("mining", "mineria", "minera", "mineras", "stack", "compares", "differ", "difference", "differences", "diferencia", "diferencias")

// countriesCompared answers a comparison of two or three countries' production, or nil when
// the question is not that (a mineral, item or list named, or a measure other than
// production asked).
func (e *snap) countriesCompared(q Query) *Answer {
	if len(q.Countries) < 2 || len(q.Countries) > 3 || len(q.Minerals)+len(q.Policies)+len(q.Lists) > 0 ||
		q.Measure != MeasureOverview && q.Measure != MeasureProduction || q.Year != 0 || q.FromYear != 0 ||
		q.Importer != "" || q.Timeline != "" || q.ListSet != "" || q.YesNo || q.Comparative != "" || q.Leaders != "" ||
		q.Threshold > 0 || q.Both || !q.Compare {
		return nil
	}
	for _, w := range q.Terms {
		if !countriesWords[w] && !compareWords[w] && !comparedWords[w] {
			return nil // "compare the US-Mexico and US-Japan action plans": about something else
		}
	}
	// Each production table (a ranking, shared by every country in it) in which at least two
	// of the countries stand, with each one's row, one per mineral: the one where the best
	// placed of them stands highest (mine production before refinery production when it is
	// a tie). A table is taken up from the first of the countries that stands in it; a
	// country is in thousands of tables at 100,000 records, and a table lists a few rows.
	byMineral := map[string]sharedTable{}
	for ci, id := range q.Countries {
		for _, st := range e.kb.CountryStandings(id) {
			r := st.Ranking
			if knowledge.IsCapacity(r.Measure) {
				continue
			}
			t, earlier := sharedTable{r: r}, false
			for k := range r.Rows {
				row := &r.Rows[k]
				cj := slices.Index(q.Countries, row.Country)
				if cj < 0 {
					continue
				}
				if cj < ci {
					earlier = true
					break
				}
				t.shares[cj] = row
				if t.n++; t.best == nil || row.Rank < t.best.Rank {
					t.best = row
				}
			}
			if earlier || t.n < 2 {
				continue
			}
			if old, ok := byMineral[r.Mineral]; !ok || compareTables(*t.best, t.r, *old.best, old.r) < 0 {
				byMineral[r.Mineral] = t
			}
		}
	}
	if len(byMineral) == 0 {
		return nil // nothing in common: each one's own standing (countriesOverview) says more
	}
	tables := make([]*sharedTable, 0, len(byMineral))
	for _, t := range byMineral {
		tables = append(tables, &t)
	}
	slices.SortFunc(tables, func(a, b *sharedTable) int { return compareTables(*a.best, a.r, *b.best, b.r) })

	// Which country ranks higher in each; a tie counts for neither.
	higher := map[string][]string{}
	nHigher := map[string]int{}
	edition, mixed := tables[0].r.Edition, false
	for _, t := range tables {
		mixed = mixed || t.r.Edition != edition
		edition = max(edition, t.r.Edition)
		tied := 0
		for _, s := range t.shares {
			if s != nil && s.Rank == t.best.Rank {
				tied++
			}
		}
		if tied > 1 {
			continue
		}
		if nHigher[t.best.Country]++; len(higher[t.best.Country]) < maxComparedNamed {
			higher[t.best.Country] = append(higher[t.best.Country], e.rankingMineral(t.r))
		}
	}
	src := source(edition)
	if mixed {
		src = e.t("USGS MCS, the newest edition of each table")
	}
	var names, parts []string
	for _, id := range q.Countries {
		names = append(names, e.countryName(id))
		if len(higher[id]) == 0 {
			continue
		}
		verb := "%s ranks higher for %s"
		if len(q.Countries) > 2 {
			verb = "%s ranks highest for %s"
		}
		if len(parts) > 0 {
			verb = "%s for %s"
		}
		parts = append(parts, e.f(verb, e.countryAfterIn(id), e.andMore(higher[id], nHigher[id])))
	}
	var first string
	if len(q.Countries) == 2 {
		first = e.f("%s and %s both produce %s minerals in the USGS tables (%s)", e.countrySubject(q.Countries[0]), names[1], itoa(len(tables)), src)
	} else {
		first = e.f("At least two of %s produce each of %s minerals in the USGS tables (%s)", e.countryNames(q.Countries), itoa(len(tables)), src)
	}
	if len(parts) > 0 {
		first += ": " + strings.Join(parts, "; ")
	}
	a := &Answer{Intent: IntentCountry, Title: e.f("%s compared", e.and(names))}
	a.Headline = sentences(first+".", e.comparedIn(tables[0], q.Countries))
	facts := make([]Fact, 0, min(len(tables), maxComparedCard))
	for _, t := range tables[:min(len(tables), maxComparedCard)] {
		facts = append(facts, Fact{Label: e.rankingMineral(t.r), Value: e.standingsOf(t, q.Countries)})
	}
	heading := e.t("Where they rank in world production")
	if len(tables) > maxComparedCard {
		heading = e.f("Where they rank in world production (the first %s of %s)", itoa(maxComparedCard), itoa(len(tables)))
	}
	a.Sections = append(a.Sections, Section{Heading: heading, Facts: facts})
	for _, id := range q.Countries {
		a.Related = appendLink(a.Related, Link{Ref: knowledge.Ref{Kind: knowledge.KindCountry, ID: id}, Title: e.countryName(id)})
	}
	return a
}

// compareTables orders tables by where the best placed of the countries stands: the higher
// rank first, then the larger share, then mine production first, then by mineral.
func compareTables(a knowledge.Share, ar *knowledge.Ranking, b knowledge.Share, br *knowledge.Ranking) int {
	return cmp.Or(cmp.Compare(a.Rank, b.Rank), cmp.Compare(b.Share, a.Share),
		cmp.Compare(measureOrder(ar.Measure), measureOrder(br.Measure)), cmp.Compare(ar.Mineral, br.Mineral), cmp.Compare(ar.Measure, br.Measure))
}

// measureOrder puts mine production before other production measures.
func measureOrder(measure string) int {
	if measure == "mine_production" {
		return 0
	}
	return 1
}

// rankingMineral is the lower-case name of the mineral (or group) a ranking is of.
func (e *snap) rankingMineral(r *knowledge.Ranking) string {
	if m, ok := e.kb.Mineral(r.Mineral); ok {
		return e.tableName(m, *r)
	}
	return r.Mineral
}

// sharedTable is a production table in which two or three countries compared stand: each
// one's standing, by its place in the question, and the best placed of them.
type sharedTable struct {
	r      *knowledge.Ranking
	shares [3]*knowledge.Share // rows of r; nil where the country does not stand in it
	n      int                 // how many of the countries stand in it
	best   *knowledge.Share
}

// standingsOf says where each of the countries stands in a table: "Mexico #1 (24%) and Peru
// #3 (13%); world mine production, 2025e, USGS MCS 2026".
func (e *snap) standingsOf(t *sharedTable, countries []string) string {
	ranks, year := e.rankedIn(t, countries)
	return e.f("%s; world %s, %s, %s", ranks, e.measure(t.r.Measure), year, source(t.r.Edition))
}

// comparedIn details a table: "In silver: Mexico #1 (24%) and Peru #3 (13%) in world mine
// production (2025e, USGS MCS 2026)."
func (e *snap) comparedIn(t *sharedTable, countries []string) string {
	ranks, year := e.rankedIn(t, countries)
	return e.f("In %s: %s in world %s (%s, %s).", e.rankingMineral(t.r), ranks, e.measure(t.r.Measure), year, source(t.r.Edition))
}

// rankedIn lists the countries' ranks and shares in a table, in the order asked, and the
// table's year ("2025e" when any of their figures is an estimate).
func (e *snap) rankedIn(t *sharedTable, countries []string) (ranks, year string) {
	var out []string
	est := false
	for ci, id := range countries {
		s := t.shares[ci]
		if s == nil {
			continue
		}
		est = est || s.Estimated
		part := e.f("%s #%s", e.countryName(id), strconv.Itoa(s.Rank))
		if s.Share >= 0 {
			part += " (" + percent(s.Share) + ")"
		}
		out = append(out, part)
	}
	return e.and(out), yearLabel(t.r.Year, est)
}
