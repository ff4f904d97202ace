package answer

import (
	"cmp"
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper U: which countries' figures of one mineral moved most between the last two years of
// its newest table: "which countries increased antimony production?", "who grew lithium
// output the most?", "which country had the biggest drop in cobalt production?", "who gained
// share in silver?", "¿qué países aumentaron su producción de litio?".

// moverWords say which way a figure moved: true for up, false for down.
var moverWords = map[string]bool{
	"increased": true, "increase": true, "increases": true, "grew": true, "grow": true, "growth": true, "rose": true,
	"gained": true, "gain": true, "gains": true, "expanded": true, "boosted": true,
	"aumentaron": true, "aumento": true, "crecieron": true, "crecio": true, "subieron": true, "ganaron": true, "gano": true,
	"decreased": false, "decrease": false, "fell": false, "drop": false, "dropped": false, "declined": false, "decline": false,
	"cut": false, "lost": false, "shrank": false, "falls": false, "fall": false,
	"cayeron": false, "cayo": false, "bajaron": false, "perdieron": false, "perdio": false, "redujeron": false, "disminuyeron": false,
}

// moverAskers are the phrases that ask which countries.
var moverAskers = []string{"which countries", "which country", "what countries", "which producers", "who", "que paises",
	"que pais", "cuales paises", "quien", "quienes", "which nations"}

// moversOf reads "which countries … increased / fell" and whether it asks of shares.
func moversOf(norm []string, has func(string) bool) (string, bool) {
	if !slices.ContainsFunc(moverAskers, has) {
		return "", false
	}
	dir := ""
	for _, w := range norm {
		up, ok := moverWords[w]
		switch {
		case !ok:
		case dir == "" && up:
			dir = "up"
		case dir == "" && !up:
			dir = "down"
		}
	}
	if dir == "" && (has("changed the most") || has("moved the most") || has("biggest changes") || has("biggest movers")) {
		dir = "both"
	}
	share := has("share") || has("shares") || has("participacion") || has("cuota")
	return dir, dir != "" && share
}

type mover struct {
	country string
	by, pct float64 // the change (in the table's unit, or share points) and in percent
}

// moversAnswer answers a movers question for one mineral, or nil.
func (e *snap) moversAnswer(q Query) *Answer {
	if q.Movers == "" || len(q.Minerals) != 1 || len(q.Countries) > 0 || len(q.Policies) > 0 || q.YesNo {
		return nil
	}
	if q.Measure != MeasureChange && q.Measure != MeasureProduction && q.Measure != MeasureOverview {
		return nil // "who benefits from the increase in lithium prices?" asks prices
	}
	m, r, ok := e.rankingAsked(q) // "which countries increased lithium output in 2024?": 2024's
	if !ok {
		return nil
	}
	prev := e.kb.Rank(r.Mineral, r.Measure, r.Year-1)
	if len(prev.Rows) == 0 || prev.Edition != r.Edition || q.MoversShare && (!r.HasShares() || !prev.HasShares()) {
		return nil
	}
	before := make(map[string]knowledge.Share, len(prev.Rows))
	for _, x := range prev.Rows {
		before[x.Country] = x
	}
	var ms []mover
	for _, x := range r.Rows {
		b, ok := before[x.Country]
		if !ok || x.AtLeast || b.AtLeast || b.Value <= 0 {
			continue
		}
		if q.MoversShare {
			ms = append(ms, mover{x.Country, (x.Share - b.Share) * 100, 0})
		} else {
			// By the amount moved, not the percentage: a small producer doubling its output
			// is not who grew most.
			ms = append(ms, mover{x.Country, x.Value - b.Value, (x.Value - b.Value) / b.Value * 100})
		}
	}
	name := strings.ToLower(e.mineralName(m))
	fmtMove := func(x mover) string {
		if q.MoversShare {
			return e.countryAfterIn(x.country) + " (" + strings.TrimSuffix(signed(x.by), "%") + " pp)"
		}
		by := number(x.by)
		if x.by > 0 {
			by = "+" + by
		} else {
			by = "−" + number(-x.by)
		}
		return e.countryAfterIn(x.country) + " (" + by + ", " + signed(x.pct) + ")"
	}
	pick := func(up bool) []string {
		var out []string
		sorted := slices.Clone(ms)
		slices.SortStableFunc(sorted, func(a, b mover) int {
			if up {
				return cmp.Compare(b.by, a.by)
			}
			return cmp.Compare(a.by, b.by)
		})
		for _, x := range sorted {
			if up && x.by <= 0 || !up && x.by >= 0 {
				break
			}
			if out = append(out, fmtMove(x)); len(out) == 3 {
				break
			}
		}
		return out
	}
	rises, falls := pick(true), pick(false)
	what := e.f("world %s of %s", e.measure(r.Measure), name)
	if q.MoversShare {
		what = e.f("shares of world %s of %s", e.measure(r.Measure), name)
	}
	span := e.f("from %s to %s (%s)", yearLabel(prev.Year, prev.Estimated), yearLabel(r.Year, r.Estimated), source(r.Edition))
	if !q.MoversShare {
		span = e.f("from %s to %s (%s; %s)", yearLabel(prev.Year, prev.Estimated), yearLabel(r.Year, r.Estimated), e.shortUnit(r.Unit), source(r.Edition))
	}
	parts := []string{}
	addRises := func() {
		if len(rises) > 0 {
			parts = append(parts, e.f("the largest rises: %s", e.and(rises)))
		} else {
			parts = append(parts, e.t("no country rose"))
		}
	}
	addFalls := func() {
		if len(falls) > 0 {
			parts = append(parts, e.f("the largest falls: %s", e.and(falls)))
		} else {
			parts = append(parts, e.t("no country fell"))
		}
	}
	if q.Movers == "down" {
		addFalls()
		addRises()
	} else {
		addRises()
		addFalls()
	}
	a := &Answer{Intent: IntentChange, Record: e.mineralRef(m), Title: e.f("%s: who moved", e.mineralName(m)),
		Headline: e.f("In %s, %s: %s.", what, span, strings.Join(parts, "; "))}
	a.Sections = append(a.Sections, e.producersSection(m, r, 10))
	a.Sources = appendSource(a.Sources, r.Source)
	return a
}

// rankingAsked is the first mineral a query names and its primary production table, in the
// year asked when the table has that year, or false when it has no rows.
func (e *snap) rankingAsked(q Query) (*knowledge.Mineral, knowledge.Ranking, bool) {
	m, ok := e.mineral(q)
	if !ok {
		return nil, knowledge.Ranking{}, false
	}
	r, ok := e.kb.PrimaryRanking(m.ID)
	if !ok || len(r.Rows) == 0 {
		return nil, knowledge.Ranking{}, false
	}
	if q.Year != 0 && q.Year != r.Year {
		if other := e.kb.Rank(r.Mineral, r.Measure, q.Year); len(other.Rows) > 0 {
			r = other
		}
	}
	return m, r, true
}
