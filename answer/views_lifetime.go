package answer

import (
	"math"
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// This file answers how long reserves last at the current rate of production: the
// reserves-to-production ratio, world reserves divided by world mine production of the same
// edition and its newest year (a country's, divided by its own). It is a ratio, not a
// forecast, and the answer says so.

// lifetimePhrases ask how long reserves last: "how many years of reserves", "how long will
// they last", "reserves-to-production ratio", "¿para cuántos años alcanzan…?".
var lifetimePhrases = newPhrases("how many years", "how long", "years of reserves", "years of supply", "years left",
	"years remaining", "run out", "runs out", "running out", "reserves to production", "reserve to production",
	"reserves production ratio", "reserves and production ratio", "r p ratio", "rp ratio", "depleted", "exhausted",
	"cuantos anos", "cuanto tiempo", "cuanto duran", "cuanto duraran", "cuanto durarian", "alcanzan", "alcanzaran",
	"alcanzarian", "duran", "duraran", "durarian", "se agotan", "se agotaran", "se agotarian", "agotarse",
	"anos de reservas", "reservas produccion", "reservas a produccion", "relacion reservas", "relacion entre reservas")

// lastLeads are the words before "last" that make it a verb: "will last", "reserves last";
// timeNouns after it make it an adjective: "lithium reserves last year".
var (
	lastLeads = set("will", "would", "could", "reserves", "reserve", "they", "it")
	timeNouns = set("year", "years", "month", "months", "week", "edition", "editions", "decade", "time")
)

// asksLifetime reports whether a question about reserves asks how long they last.
func asksLifetime(norm []string, joined string) bool {
	if lifetimePhrases.any(norm, joined) {
		return true
	}
	for i, w := range norm {
		if (w == "last" || w == "lasts") && i > 0 && lastLeads[norm[i-1]] && (i+1 == len(norm) || !timeNouns[norm[i+1]]) {
			return true // "how long would antimony reserves last", not "last year"
		}
	}
	return false
}

// maxLifetime is the ratio past which the answer says only "more than 1,000 years".
const maxLifetime = 1000

// A lifetimePair is a reserves figure and the production figure of the same edition and
// the newest year that it is divided by.
type lifetimePair struct {
	reserves, production knowledge.Figure
	// found says each was printed (a cell, known or not).
	hasReserves, hasProduction bool
}

// lifetimeMeasures are, for a reserves measure, the production measures it is set against,
// best first: the mine production of the same thing ("reserves_iron_content" against
// "mine_production_iron_content"), then mine production.
func lifetimeMeasures(reserves string, measures []string) []string {
	var out []string
	for _, m := range []string{strings.Replace(reserves, "reserves", "mine_production", 1), "mine_production"} {
		if slices.Contains(measures, m) && !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}

// lifetimeFigures finds, in the newest edition that prints both, a mineral's reserves and its
// mine production in that edition's newest year, of the world or of a country.
func (e *snap) lifetimeFigures(m *knowledge.Mineral, where string) (lifetimePair, knowledge.Edition, bool) {
	measures := e.kb.Measures(m.ID)
	editions := e.kb.Editions()
	slices.Reverse(editions)
	for _, ed := range editions {
		for _, rm := range measures {
			if !knowledge.IsReserves(rm) {
				continue
			}
			world, ok := e.kb.FigureIn(m.ID, rm, knowledge.World, 0, ed)
			if !ok && where == knowledge.World {
				continue
			}
			for _, pm := range lifetimeMeasures(rm, measures) {
				year := e.kb.LatestYearIn(m.ID, pm, ed)
				if year == 0 {
					continue
				}
				if where == knowledge.World {
					p, ok := e.kb.FigureIn(m.ID, pm, where, year, ed)
					if !ok {
						continue
					}
					return lifetimePair{reserves: world, production: p, hasReserves: true, hasProduction: true}, ed, true
				}
				var pair lifetimePair
				pair.reserves, pair.hasReserves = e.kb.FigureIn(m.ID, rm, where, 0, ed)
				pair.production, pair.hasProduction = e.kb.FigureIn(m.ID, pm, where, year, ed)
				if !pair.hasProduction {
					// The cell's year and measure, for saying what is missing.
					pair.production = knowledge.Figure{Mineral: m.ID, Country: where, Measure: pm, Year: year, Edition: ed}
				}
				if !pair.hasReserves {
					pair.reserves = knowledge.Figure{Mineral: m.ID, Country: where, Measure: rm, Edition: ed}
				}
				return pair, ed, true
			}
		}
	}
	return lifetimePair{}, 0, false
}

// unitScale splits a unit into its multiple and what it counts: "thousand metric tons,
// molybdenum content" is 1,000 × "metric tons, molybdenum content".
func unitScale(unit string) (float64, string) {
	u := strings.TrimSpace(unit)
	switch {
	case strings.HasPrefix(u, "thousand "):
		return 1e3, strings.TrimPrefix(u, "thousand ")
	case strings.HasPrefix(u, "million "):
		return 1e6, strings.TrimPrefix(u, "million ")
	}
	return 1, u
}

// figureAmount is a figure with its unit, "more than" for a lower bound: "more than
// 2,000,000 metric tons".
func (e *snap) figureAmount(f knowledge.Figure) string {
	v := number(f.Value) + " " + e.shortUnit(f.Unit)
	if f.AtLeast {
		v = e.f("more than %s", v)
	}
	return v
}

// statusText says what a table cell holds instead of a number.
func (e *snap) statusText(f knowledge.Figure) string {
	switch f.Status {
	case knowledge.Withheld:
		return e.t("withheld to avoid disclosing company data")
	case knowledge.Large:
		return e.t("described only as “large”")
	case knowledge.Small:
		return e.t("described only as “small”")
	}
	return e.t("not available")
}

// lifetimeYears says how many years a ratio is: "about 164 years", "more than 18 years" for
// a lower bound, "less than 5 years" for an upper one.
func (e *snap) lifetimeYears(ratio float64, atLeast, atMost bool) string {
	switch {
	case ratio >= maxLifetime:
		return e.f("more than %s years", number(maxLifetime))
	case atLeast && ratio >= 1:
		return e.f("more than %s years", number(math.Floor(ratio)))
	case atMost && ratio < 1:
		return e.t("less than a year")
	case atMost:
		return e.f("less than %s years", number(math.Ceil(ratio)))
	case ratio < 0.5:
		return e.t("less than a year")
	case math.Round(ratio) == 1:
		return e.t("about a year")
	}
	return e.f("about %s years", number(math.Round(ratio)))
}

// lifetimeAnswer answers how long a mineral's reserves last at the current rate of mine
// production, the world's or, with a country named, that country's.
func (e *snap) lifetimeAnswer(q Query, m *knowledge.Mineral) *Answer {
	where := knowledge.World
	if len(q.Countries) > 0 {
		where = q.Countries[0]
	}
	name := strings.ToLower(e.mineralName(m))
	if g, ok := e.kb.Mineral(e.kb.TableOf(m.ID)); ok && g.ID != m.ID {
		name = strings.ToLower(e.mineralName(g)) // neodymium's reserves are rare earths'
	}
	a := &Answer{Intent: IntentReserves, Record: e.mineralRef(m), Title: e.f("%s reserves-to-production ratio", capitalize(name))}
	if where != knowledge.World {
		a.Title = e.f("%s reserves-to-production ratio in %s", capitalize(name), e.countryAfterIn(where))
	}
	cannot := func(why string) *Answer {
		if where == knowledge.World {
			a.Headline = e.f("The reserves-to-production ratio of %s cannot be computed: %s.", name, why)
		} else {
			a.Headline = e.f("The reserves-to-production ratio of %s in %s cannot be computed: %s.", name, e.countryAfterIn(where), why)
		}
		return a
	}
	pair, ed, ok := e.lifetimeFigures(m, where)
	if !ok {
		return cannot(e.f("no USGS edition this knowledge base holds gives both %s reserves and mine production", name))
	}
	r, p := pair.reserves, pair.production
	year := yearLabel(p.Year, p.Estimated)
	switch {
	case !pair.hasReserves:
		return cannot(e.f("%s lists no %s reserves for %s", source(ed), name, e.countryAfterIn(where)))
	case !r.Known():
		return cannot(e.f("%s gives no figure for the reserves (%s)", source(ed), e.statusText(r)))
	case !pair.hasProduction || p.Known() && p.Value == 0:
		return cannot(e.f("%s records no %s of %s in %s in %s, so there is no rate to divide by", source(ed),
			e.measure(p.Measure), name, e.countryAfterIn(where), year))
	case !p.Known():
		return cannot(e.f("%s gives no figure for the %s of %s (%s)", source(ed), e.measure(p.Measure), year, e.statusText(p)))
	}
	rScale, rUnit := unitScale(r.Unit)
	pScale, pUnit := unitScale(p.Unit)
	switch {
	case rUnit != pUnit || r.Form != p.Form:
		rUnit, pUnit = r.Unit, p.Unit
		if r.Form != "" || p.Form != "" {
			rUnit, pUnit = strings.TrimSpace(r.Unit+", "+r.Form), strings.TrimSpace(p.Unit+", "+p.Form)
		}
		return cannot(e.f("%s counts the reserves in %s and the %s in %s", source(ed), e.t(rUnit), e.measure(p.Measure), e.t(pUnit)))
	case r.AtLeast && p.AtLeast:
		return cannot(e.f("%s gives both the reserves and the %s as lower bounds", source(ed), e.measure(p.Measure)))
	case r.Value <= 0 && where != knowledge.World:
		return cannot(e.f("%s lists no %s reserves for %s", source(ed), name, e.countryAfterIn(where)))
	case r.Value <= 0 || p.Value <= 0:
		return cannot(e.f("no USGS edition this knowledge base holds gives both %s reserves and mine production", name))
	}
	ratio := r.Value * rScale / (p.Value * pScale)
	years := e.lifetimeYears(ratio, r.AtLeast, p.AtLeast)
	if where == knowledge.World {
		a.Headline = e.f("World %s reserves (%s) would last %s at the rate of world %s in %s, %s a year (%s) — a ratio, not a forecast: reserves and production both change.",
			name, e.figureAmount(r), years, e.measure(p.Measure), year, e.figureAmount(p), source(ed))
	} else {
		a.Headline = capitalize(e.f("%s reserves in %s (%s) would last %s at the rate of %s there in %s, %s a year (%s) — a ratio, not a forecast: reserves and production both change.",
			name, e.countryAfterIn(where), e.figureAmount(r), years, e.measure(p.Measure), year, e.figureAmount(p), source(ed)))
	}
	s := Section{Facts: []Fact{
		{Label: e.t("Reserves"), Value: e.figureAmount(r)},
		{Label: capitalize(e.f("%s, %s", e.measure(p.Measure), year)), Value: e.figureAmount(p)},
		{Label: e.t("Reserves ÷ production"), Value: years},
	}}
	s.Note = e.f("%s; the ratio is computed by mineralbot from the two figures, as a rate of use, not a forecast.", ed.Title())
	a.Sections = append(a.Sections, s)
	a.Sources = appendSource(a.Sources, r.Source)
	a.Sources = appendSource(a.Sources, p.Source)
	if where == knowledge.World {
		if rk, ok := e.kb.ReservesRankingIn(m.ID, ed); ok && len(rk.Rows) > 0 && rk.Measure == r.Measure {
			a.Sections = append(a.Sections, e.reservesSection(rk, 5))
		}
	}
	return a
}
