package answer

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Prices across minerals: two or more minerals' USGS annual averages side by side, and the
// largest moves of every mineral's main price from one year to the next.

// massUnit is a unit of mass a price is given per, in kilograms, with the rule that converts
// it into the others.
type massUnit struct {
	kg   float64
	rule string
}

// The exact definitions behind the conversions: 1 metric ton = 1,000 kilograms = 2,204.62262
// pounds, 1 troy ounce = 31.1034768 grams.
const (
	kgPerMetricTon  = 1000
	poundsPerTon    = 2204.62262
	gramsPerTroyOz  = 31.1034768
	metricRule      = "1 metric ton = 1,000 kilograms = 2,204.62262 pounds"
	troyOunceRule   = "1 troy ounce = 31.1034768 grams"
	centsDollarRule = "100 cents = 1 dollar"
)

var massUnits = map[string]massUnit{
	"pound":      {kgPerMetricTon / poundsPerTon, metricRule},
	"kilogram":   {1, metricRule},
	"metric ton": {kgPerMetricTon, metricRule},
	"troy ounce": {gramsPerTroyOz / 1000, troyOunceRule},
}

// priceUnit reads a unit USGS gives a price in, when it is money per a plain unit of mass
// ("cents per pound", "dollars per metric ton"): dollars of the unit's money and kilograms of
// its mass. Units that count something else ("per metric ton unit", "per pound of silicon",
// "at foreign ports") are not read, and compare only with the very same unit.
func priceUnit(unit string) (dollars float64, mass massUnit, ok bool) {
	money, per, found := strings.Cut(unit, " per ")
	if !found {
		return 0, massUnit{}, false
	}
	switch money {
	case "dollars":
		dollars = 1
	case "cents":
		dollars = 0.01
	default:
		return 0, massUnit{}, false
	}
	mass, ok = massUnits[per]
	return dollars, mass, ok
}

// convertPrice converts a price from one unit to another, when both are money per mass. rules
// are the definitions the conversion used.
func convertPrice(v float64, from, to string) (out float64, rules []string, ok bool) {
	if from == to {
		return v, nil, true
	}
	fd, fm, ok1 := priceUnit(from)
	td, tm, ok2 := priceUnit(to)
	if !ok1 || !ok2 {
		return 0, nil, false
	}
	if fd != td {
		rules = append(rules, centsDollarRule)
	}
	if fm.kg != tm.kg {
		for _, r := range []string{fm.rule, tm.rule} {
			if !slices.Contains(rules, r) {
				rules = append(rules, r)
			}
		}
	}
	return v * fd / fm.kg * tm.kg / td, rules, true
}

// converted formats a price the code converted: four significant figures at most, whole
// numbers from 1,000 up.
func converted(v float64) string {
	switch a := math.Abs(v); {
	case a >= 1000:
		return number(math.Round(v))
	case a >= 100:
		return strconv.FormatFloat(v, 'f', 1, 64)
	case a >= 1:
		return strconv.FormatFloat(v, 'f', 2, 64)
	}
	return strconv.FormatFloat(v, 'g', 3, 64)
}

// mainPrice is the price a mineral's price answer leads with: the latest of its own forms
// before a member's or its group's, in the year asked where USGS gives it. priced is the name
// the price is given under, lower case; own is false when the price is another mineral's
// (a group's, for a member without a price of its own).
func (e *snap) mainPrice(m *knowledge.Mineral, year int) (p knowledge.Price, priced string, own, ok bool) {
	prices := e.kb.LatestPrices(m.ID)
	if len(prices) == 0 {
		return knowledge.Price{}, "", false, false
	}
	slices.SortStableFunc(prices, func(a, b knowledge.Price) int {
		return cmp.Compare(boolRank(a.Mineral != m.ID), boolRank(b.Mineral != m.ID))
	})
	p = prices[0]
	if year != 0 {
		for _, x := range e.kb.PricesOf(m.ID) {
			if x.Mineral == p.Mineral && x.Form == p.Form && x.Unit == p.Unit && x.Year == year && x.Known() {
				p = x
			}
		}
	}
	priced = strings.ToLower(e.mineralName(m))
	if pm, found := e.kb.Mineral(p.Mineral); found && p.Mineral != m.ID {
		priced = strings.ToLower(e.mineralName(pm))
	}
	own = p.Mineral == m.ID || slices.Contains(m.Members, p.Mineral)
	return p, priced, own, true
}

// inUnit is the same form's price in another unit USGS also gives, for the same year: nickel's
// LME cash price per pound as well as per metric ton.
func (e *snap) inUnit(m *knowledge.Mineral, p knowledge.Price, unit string) (knowledge.Price, bool) {
	for _, x := range e.kb.PricesOf(m.ID) {
		if x.Mineral == p.Mineral && x.Form == p.Form && x.Unit == unit && x.Year == p.Year && x.Known() && !x.IsRange() {
			return x, true
		}
	}
	return knowledge.Price{}, false
}

// comparedPrice is one mineral's price in a comparison.
type comparedPrice struct {
	m      *knowledge.Mineral
	priced string
	p      knowledge.Price
	value  float64  // in the comparison's unit
	from   string   // the price as USGS gives it, when converted
	rules  []string // the definitions a conversion used
}

// pricesCompared answers a question about two or more minerals' prices: each one's latest
// USGS annual average, and which is higher where the units are the same or convert exactly.
func (e *snap) pricesCompared(q Query) *Answer {
	a := &Answer{Intent: IntentPrice, Title: e.t("Prices compared: USGS annual averages")}
	var priced []comparedPrice
	var missing []string
	for _, id := range q.Minerals[:min(6, len(q.Minerals))] {
		m, ok := e.kb.Mineral(id)
		if !ok {
			continue
		}
		p, name, own, ok := e.mainPrice(m, q.Year)
		if !ok || !own {
			missing = append(missing, e.ofName(strings.ToLower(e.mineralName(m))))
			continue
		}
		priced = append(priced, comparedPrice{m: m, priced: name, p: p, value: p.Value})
	}
	var none string
	if len(missing) > 0 {
		none = e.f("USGS gives no annual average price of its own for %s in the chapters this knowledge base holds.", e.and(missing))
	}
	if len(priced) == 0 {
		a.Headline = none
		return a
	}
	defer func() {
		for _, c := range priced {
			e.priceSection(a, c.m, c.p, c.priced)
		}
		if len(priced) >= 2 {
			a.Sections[len(a.Sections)-1].Note = e.t("Prices of different products and markets, as USGS describes each: compare them with care.")
		}
	}()
	if len(priced) == 1 {
		c := priced[0]
		a.Headline = sentences(e.f("USGS's annual average for %s (%s) was %s %s in %s (%s).", e.withArticle(c.priced), e.inlineForm(formLabel(e.t(c.p.Form))), printed(c.p.Printed), e.t(c.p.Unit), yearLabel(c.p.Year, c.p.Estimated), source(c.p.Edition)),
			none, e.t("These are annual averages, not market quotes."))
		return a
	}
	// The comparison's unit is the one that needs the fewest conversions; a mineral's price
	// is taken in that unit where USGS gives it so, else converted where the units convert
	// exactly.
	unit := e.comparisonUnit(priced)
	comparable, ranged := true, ""
	for i := range priced {
		c := &priced[i]
		if c.p.IsRange() {
			comparable, ranged = false, c.priced
			break
		}
		if c.p.Unit == unit {
			continue
		}
		if x, ok := e.inUnit(c.m, c.p, unit); ok {
			c.p, c.value = x, x.Value
			continue
		}
		v, rules, ok := convertPrice(c.p.Value, c.p.Unit, unit)
		if !ok {
			comparable = false
			break
		}
		c.value, c.rules = v, rules
		c.from = printed(c.p.Printed) + " " + e.t(c.p.Unit)
	}
	if !comparable {
		var items []string
		for _, c := range priced {
			items = append(items, e.f("%s, %s %s (%s)", e.withArticle(c.priced), printed(c.p.Printed), e.t(c.p.Unit), e.priceDetail(c)))
		}
		why := e.f("USGS gives these prices in units that do not convert into one another, so I do not say which is higher: %s.", e.and(items))
		if ranged != "" {
			why = e.f("USGS gives the price of %s as a range of averages, so I do not say which is higher: %s.", e.ofName(ranged), e.and(items))
		}
		a.Headline = sentences(why, none)
		return a
	}
	cheaper := q.Cheaper
	slices.SortStableFunc(priced, func(x, y comparedPrice) int {
		if cheaper {
			return cmp.Compare(x.value, y.value) // "which is cheaper?": the lowest first
		}
		return cmp.Compare(y.value, x.value)
	})
	var items, rules []string
	for i, c := range priced {
		shown := printed(c.p.Printed)
		if c.from != "" {
			shown = converted(c.value)
		}
		detail := e.priceDetail(c)
		if c.from != "" {
			detail = e.f("%s; converted from %s", detail, c.from)
		}
		if i == 0 {
			items = append(items, shown+" "+e.t(unit)+" ("+detail+")")
		} else {
			items = append(items, e.f("%s %s for %s (%s)", shown, e.t(unit), e.ofName(c.priced), detail))
		}
		for _, r := range c.rules {
			if !slices.Contains(rules, r) {
				rules = append(rules, r)
			}
		}
	}
	top := capitalize(e.withArticle(priced[0].priced))
	if q.YesNo {
		top = e.withArticle(priced[0].priced) // after "Yes —"
	}
	var head string
	switch {
	case len(priced) == 2 && cheaper:
		head = e.f("%s had the lower USGS annual average price: %s, against %s.", top, items[0], items[1])
	case len(priced) == 2:
		head = e.f("%s had the higher USGS annual average price: %s, against %s.", top, items[0], items[1])
	case cheaper:
		head = e.f("%s had the lowest USGS annual average price of the %s: %s, against %s.", top, strconv.Itoa(len(priced)), items[0], e.and(items[1:]))
	default:
		head = e.f("%s had the highest USGS annual average price of the %s: %s, against %s.", top, strconv.Itoa(len(priced)), items[0], e.and(items[1:]))
	}
	if q.YesNo && len(priced) == 2 && len(missing) == 0 && priced[0].value != priced[1].value {
		// "is cobalt more expensive than nickel?", "is silver cheaper than platinum?": is the
		// first mineral named the one the question says.
		head = e.verdict(priced[0].m.ID == q.Minerals[0], head)
	}
	var conv string
	if len(rules) > 0 {
		var rs []string
		for _, r := range rules {
			rs = append(rs, e.t(r))
		}
		conv = e.f("I converted the units myself: %s.", strings.Join(rs, "; "))
	}
	a.Headline = sentences(head, conv, none)
	return a
}

// comparisonUnit is the unit, of those USGS gives the compared prices' forms in, into which
// the fewest prices must be converted; the first such, in the order the minerals were named.
func (e *snap) comparisonUnit(priced []comparedPrice) string {
	best, cost := priced[0].p.Unit, len(priced)+1
	for _, c := range priced {
		for _, unit := range priceUnits(e.kb.PricesOf(c.m.ID), c.p) {
			n := 0
			for _, d := range priced {
				if _, ok := e.inUnit(d.m, d.p, unit); ok || d.p.Unit == unit {
					continue
				}
				if _, _, ok := convertPrice(1, d.p.Unit, unit); ok {
					n++
				} else {
					n += len(priced) + 1
				}
			}
			if n < cost {
				best, cost = unit, n
			}
		}
	}
	return best
}

// priceSection adds a mineral's main price series to a card.
func (e *snap) priceSection(a *Answer, m *knowledge.Mineral, p knowledge.Price, priced string) {
	s := Section{Heading: withForm(capitalize(priced), e.t(p.Form)) + " (" + e.t(p.Unit) + ")"}
	var parts []string
	for _, x := range e.kb.PricesOf(m.ID) {
		if x.Mineral == p.Mineral && x.Form == p.Form && x.Unit == p.Unit {
			parts = append(parts, yearLabel(x.Year, x.Estimated)+" "+printed(x.Printed))
		}
	}
	s.Text = strings.Join(parts, " · ")
	a.Sections = append(a.Sections, s)
	a.Sources = appendSource(a.Sources, p.Source)
}

// priceMove is how one mineral's main price moved from one year to the next.
type priceMove struct {
	name     string
	from, to knowledge.Price
	pct      float64
}

// asksPriceMoves reports whether a price question that names no mineral asks which prices
// moved most: "which mineral's price rose the most in 2025?", "biggest price increases".
func asksPriceMoves(q Query) bool {
	return len(q.Minerals) == 0 && (q.Direction != "" || asksPriceChange(q) || hasAny(q.Terms, moveWords))
}

// fallWords name a price's fall: "the biggest price drops", "mayores bajadas".
var fallWords = set("drops", "falls", "declines", "decreases", "losers", "caidas", "bajadas", "descensos")

// moveWords name a price's move: "the biggest price increases", "mayores subidas de precio".
// "The most expensive mineral" names none: it asks the ranking of price levels.
var moveWords = set("increase", "increases", "rise", "rises", "gain", "gains", "gainer", "gainers", "jump", "jumps",
	"move", "moves", "mover", "movers", "change", "changes", "drop", "drops", "fall", "falls", "decline", "declines",
	"decrease", "decreases", "loser", "losers", "subida", "subidas", "aumento", "aumentos", "alza", "alzas", "caida", "caidas",
	"bajada", "bajadas", "descenso", "descensos", "variacion", "variaciones", "cambio", "cambios")

// priceMoves ranks every mineral's main price (the form its price answer leads with) by how
// much it moved between the year asked, by default the latest of the newest edition, and the
// year before: same form and unit, both years known and neither a range.
func (e *snap) priceMoves(q Query) *Answer {
	a := &Answer{Intent: IntentPrice, Title: e.t("Largest price moves: USGS annual averages")}
	moves, year, eds := e.movesOf(q, a)
	if len(moves) == 0 {
		return a // movesOf says there are none
	}
	n := 3
	if q.Top > 0 {
		n = q.Top
	}
	var rises, falls []string
	for _, mv := range moves {
		if mv.pct >= 0.0005 && len(rises) < n {
			rises = append(rises, e.withArticle(mv.name)+" ("+percent(mv.pct)+")")
		}
	}
	for _, mv := range slices.Backward(moves) {
		if mv.pct <= -0.0005 && len(falls) < n {
			falls = append(falls, e.withArticle(mv.name)+" ("+percent(-mv.pct)+")")
		}
	}
	up := e.t("no price rose")
	if len(rises) > 0 {
		up = e.f("the largest rises were %s", e.and(rises))
	}
	down := e.t("no price fell")
	if len(falls) > 0 {
		down = e.f("the largest falls were %s", e.and(falls))
	}
	if q.Direction == "down" || hasAny(q.Terms, fallWords) {
		up, down = down, up // "which prices fell the most?": the falls first
	}
	head := e.f("Of %s minerals' USGS annual average prices from %s to %s, %s; %s (%s).", strconv.Itoa(len(moves)), strconv.Itoa(year-1), strconv.Itoa(year), up, down, e.editionNames(eds))
	a.Headline = sentences(head, e.t("Each is the mineral's main price series, in one form and unit; these are annual averages, not market quotes."))
	e.movesSection(a, moves, year, eds)
	return a
}

// editionNames names the editions, "USGS MCS 2026".
func (e *snap) editionNames(eds []knowledge.Edition) string {
	var names []string
	for _, ed := range eds {
		names = append(names, source(ed))
	}
	return e.and(names)
}

// movesSection adds the card of every mineral's price move, the largest rise first.
func (e *snap) movesSection(a *Answer, moves []priceMove, year int, eds []knowledge.Edition) {
	span := yearLabel(year-1, false) + "–" + strconv.Itoa(year)
	s := Section{Heading: e.f("Change in the annual average price, %s", span)}
	for _, mv := range moves {
		s.Facts = append(s.Facts, Fact{
			Label: withForm(capitalize(mv.name), e.t(mv.to.Form)),
			Value: e.f("%s, from %s to %s %s (%s to %s)", signed(mv.pct*100), printed(mv.from.Printed), printed(mv.to.Printed), e.t(mv.to.Unit), yearLabel(mv.from.Year, mv.from.Estimated), yearLabel(mv.to.Year, mv.to.Estimated)),
		})
	}
	s.Note = e.f("USGS annual averages; the percentages are computed by mineralbot from the two years' figures (%s).", e.editionNames(eds))
	a.Sections = append(a.Sections, s)
}

// movesOf is every mineral's main price move to the year asked, by default the latest of
// the newest edition, from the year before, the largest rise first; the sources go on a,
// and, when there is none, the headline saying so.
func (e *snap) movesOf(q Query, a *Answer) (moves []priceMove, year int, eds []knowledge.Edition) {
	year = q.Year
	if year == 0 {
		var newest knowledge.Edition
		for _, p := range e.kb.Prices {
			newest = max(newest, p.Edition)
		}
		for _, p := range e.kb.Prices {
			if p.Edition == newest {
				year = max(year, p.Year)
			}
		}
	}
	for _, m := range e.kb.Minerals {
		p, name, own, ok := e.mainPrice(m, 0)
		if !ok || !own || p.Mineral != m.ID {
			continue // a group's price is ranked once, under the group
		}
		var from, to knowledge.Price
		for _, x := range e.kb.PricesOf(m.ID) {
			if x.Mineral != p.Mineral || x.Form != p.Form || x.Unit != p.Unit || !x.Known() || x.IsRange() {
				continue
			}
			switch x.Year {
			case year:
				to = x
			case year - 1:
				from = x
			}
		}
		if to.Year == 0 || from.Year == 0 || from.Value <= 0 || from.Edition != to.Edition {
			continue
		}
		moves = append(moves, priceMove{name: name, from: from, to: to, pct: (to.Value - from.Value) / from.Value})
		if !slices.Contains(eds, to.Edition) {
			eds = append(eds, to.Edition)
		}
		a.Sources = appendSource(a.Sources, to.Source)
	}
	slices.SortStableFunc(moves, func(x, y priceMove) int { return cmp.Compare(y.pct, x.pct) })
	if len(moves) == 0 {
		a.Headline = e.f("USGS gives no annual average prices for both %s and the year before in the chapters this knowledge base holds.", strconv.Itoa(year))
	}
	return moves, year, eds
}

// priceDetail is what a compared price is: its form, where it says more than the mineral's
// name, its year and edition.
func (e *snap) priceDetail(c comparedPrice) string {
	d := yearLabel(c.p.Year, c.p.Estimated) + ", " + source(c.p.Edition)
	if !sameName(c.priced, e.t(c.p.Form)) {
		d = formLabel(e.t(c.p.Form)) + "; " + d
	}
	return d
}

// withForm is a name with a price's form in parentheses, unless the form is the name itself
// ("Platinum", for platinum).
func withForm(name, form string) string {
	if sameName(name, form) {
		return name
	}
	return name + " (" + formLabel(form) + ")"
}

func sameName(name, form string) bool {
	return knowledge.Normalize(name) == knowledge.Normalize(form)
}

// expensiveWords name a price level: "the most expensive mineral", "the cheapest", "el más caro".
var expensiveWords = set("expensive", "priciest", "pricier", "pricey", "costliest", "costlier", "cheapest", "cheaper", "cheap",
	"caro", "cara", "caros", "caras", "barato", "barata", "baratos", "baratas")

// dearerWords make a price level a move when a year is named: "which minerals got more
// expensive in 2025?", "pricier in 2025".
var dearerWords = set("expensive", "pricier", "costlier")

// asksPriceRises reports whether a price question that names no mineral asks which prices
// rose, all of them, rather than the largest moves: "which critical minerals got more
// expensive in 2025?", "¿qué minerales subieron de precio en 2025?".
func asksPriceRises(q Query) bool {
	if len(q.Minerals) > 0 || q.Most || q.Top > 0 || q.Cheaper {
		return false
	}
	return q.Direction == "up" && (q.WhichMinerals || hasAny(q.Terms, roseWords)) || q.Year != 0 && hasAny(q.Terms, dearerWords)
}

// roseWords are the plural verbs of a rise, asking which prices rose rather than which rose
// most: "¿qué minerales subieron de precio?" ("subió más" asks the largest).
var roseWords = set("subieron", "aumentaron", "crecieron")

// asksPriceLevels reports whether a price question that names no mineral asks which is the
// most or least expensive: "what is the most expensive mineral?", "¿cuál es el más barato?".
func asksPriceLevels(q Query) bool {
	return len(q.Minerals) == 0 && q.Direction == "" && !asksPriceRises(q) && hasAny(q.Terms, expensiveWords)
}

// maxNamedRises is how many of the minerals whose price rose a headline names: 31 of 48
// rose from 2024 to 2025, a headline of 680 characters when it named them all.
const maxNamedRises = 8

// priceRises lists every mineral whose main price rose from the year before to the year
// asked: the price-move view, with the rises named in the headline.
func (e *snap) priceRises(q Query) *Answer {
	a := &Answer{Intent: IntentPrice, Title: e.t("Price rises: USGS annual averages")}
	moves, year, eds := e.movesOf(q, a)
	if len(moves) == 0 {
		return a // movesOf says there are none
	}
	var rose []string
	fell, same := 0, 0
	for _, mv := range moves {
		switch {
		case mv.pct >= 0.0005:
			rose = append(rose, e.withArticle(mv.name))
		case mv.pct <= -0.0005:
			fell++
		default:
			same++
		}
	}
	var head string
	if len(rose) == 0 {
		head = e.f("None of %s minerals' main USGS annual average prices rose from %s to %s (%s).", strconv.Itoa(len(moves)), strconv.Itoa(year-1), strconv.Itoa(year), e.editionNames(eds))
	} else {
		// Every one is in the card; the headline names the largest, to stay a chat message.
		named := e.andMore(rose[:min(len(rose), maxNamedRises)], len(rose))
		head = e.f("Of %s minerals' main USGS annual average prices, %s rose from %s to %s, the largest rise first: %s (%s).", strconv.Itoa(len(moves)), strconv.Itoa(len(rose)), strconv.Itoa(year-1), strconv.Itoa(year), named, e.editionNames(eds))
	}
	var others []string
	switch {
	case fell == 1:
		others = append(others, e.t("1 fell"))
	case fell > 1:
		others = append(others, e.f("%s fell", strconv.Itoa(fell)))
	}
	switch {
	case same == 1:
		others = append(others, e.t("1 did not change"))
	case same > 1:
		others = append(others, e.f("%s did not change", strconv.Itoa(same)))
	}
	var rest string
	if len(others) > 0 {
		rest = capitalize(e.and(others)) + "."
	}
	a.Headline = sentences(head, rest, e.t("Each is the mineral's main price series, in one form and unit; these are annual averages, not market quotes."))
	e.movesSection(a, moves, year, eds)
	return a
}

// levelPrice is one mineral's main price, in dollars per kilogram where it converts.
type levelPrice struct {
	comparedPrice
	perKg float64
}

// priceLevels ranks every mineral's main price (the form its price answer leads with, the
// latest year or the year asked) in dollars per kilogram, where its unit converts exactly;
// the others are named as left out.
func (e *snap) priceLevels(q Query) *Answer {
	const perKg = "dollars per kilogram"
	a := &Answer{Intent: IntentPrice, Title: e.t("Prices ranked: USGS annual averages in dollars per kilogram")}
	var ranked []levelPrice
	var left []string
	var rules []string
	for _, m := range e.kb.Minerals {
		p, name, own, ok := e.mainPrice(m, q.Year)
		if !ok || !own || p.Mineral != m.ID || !p.Known() {
			continue // a group's price is ranked once, under the group
		}
		if q.Year != 0 && p.Year != q.Year {
			continue
		}
		v, rs, ok := convertPrice(p.Value, p.Unit, perKg)
		if !ok || p.IsRange() {
			left = append(left, e.f("%s: %s %s", withForm(capitalize(name), e.t(p.Form)), printed(p.Printed), e.t(p.Unit)))
			continue
		}
		for _, r := range rs {
			if !slices.Contains(rules, r) {
				rules = append(rules, r)
			}
		}
		ranked = append(ranked, levelPrice{comparedPrice{m: m, priced: name, p: p, value: p.Value, rules: rs}, v})
		a.Sources = appendSource(a.Sources, p.Source)
	}
	if len(ranked) == 0 {
		a.Headline = e.t("USGS gives no annual average prices in units that convert to dollars per kilogram in the chapters this knowledge base holds.")
		return a
	}
	cheap := q.Cheaper || hasAny(q.Terms, set("cheapest", "cheap", "barato", "barata", "baratos", "baratas"))
	slices.SortStableFunc(ranked, func(x, y levelPrice) int {
		if cheap {
			return cmp.Compare(x.perKg, y.perKg)
		}
		return cmp.Compare(y.perKg, x.perKg)
	})
	n := 3
	if q.Top > 0 {
		n = q.Top
	}
	// The year and edition are said once when the prices named share them.
	shown := ranked[:min(n, len(ranked))]
	when := func(c levelPrice) string { return yearLabel(c.p.Year, c.p.Estimated) + ", " + source(c.p.Edition) }
	shared := !slices.ContainsFunc(shown, func(c levelPrice) bool { return when(c) != when(shown[0]) })
	var top []string
	for _, c := range shown {
		top = append(top, e.levelItem(c, !shared))
	}
	list := e.and(top)
	if shared {
		list += "; " + when(shown[0])
	}
	head := e.f("Of %s minerals whose main USGS price converts to dollars per kilogram, the highest annual averages were %s.", strconv.Itoa(len(ranked)), list)
	if cheap {
		head = e.f("Of %s minerals whose main USGS price converts to dollars per kilogram, the lowest annual averages were %s.", strconv.Itoa(len(ranked)), list)
	}
	forms := e.t("These are USGS annual averages of different products and markets (the form of each is named), not market quotes.")
	// The prices left out (units that do not convert) are named in the card's last section.
	a.Headline = sentences(head, forms)
	s := Section{Heading: e.t("Annual average price in dollars per kilogram")}
	for _, c := range ranked {
		v := e.f("%s dollars per kilogram (%s %s; %s, %s)", converted(c.perKg), printed(c.p.Printed), e.t(c.p.Unit), yearLabel(c.p.Year, c.p.Estimated), source(c.p.Edition))
		if c.p.Unit == perKg {
			v = e.f("%s dollars per kilogram (%s, %s)", printed(c.p.Printed), yearLabel(c.p.Year, c.p.Estimated), source(c.p.Edition))
		}
		s.Facts = append(s.Facts, Fact{Label: withForm(capitalize(c.priced), e.t(c.p.Form)), Value: v})
	}
	var rs []string
	for _, r := range rules {
		rs = append(rs, e.t(r))
	}
	s.Note = e.t("Converted by mineralbot from the units USGS gives; each is a different product or market.")
	if len(rs) > 0 {
		s.Note = e.f("Converted by mineralbot from the units USGS gives (%s); each is a different product or market.", strings.Join(rs, "; "))
	}
	a.Sections = append(a.Sections, s)
	if len(left) > 0 {
		a.Sections = append(a.Sections, Section{
			Heading: e.t("Left out: units that do not convert to dollars per kilogram"),
			Text:    strings.Join(left, " · "),
		})
	}
	return a
}

// levelItem is a ranked price in a headline: the mineral, its price per kilogram and the
// price as USGS gives it, with its form and, when dated, its year and edition.
func (e *snap) levelItem(c levelPrice, dated bool) string {
	var detail []string
	if c.p.Unit != "dollars per kilogram" {
		detail = append(detail, printed(c.p.Printed)+" "+e.t(c.p.Unit))
	}
	if !sameName(c.priced, e.t(c.p.Form)) {
		detail = append(detail, formLabel(e.t(c.p.Form)))
	}
	if dated {
		detail = append(detail, yearLabel(c.p.Year, c.p.Estimated)+", "+source(c.p.Edition))
	}
	perKg := converted(c.perKg)
	if c.p.Unit == "dollars per kilogram" {
		perKg = printed(c.p.Printed)
	}
	item := e.f("%s at %s dollars per kilogram", e.withArticle(c.priced), perKg)
	if len(detail) > 0 {
		item += " (" + strings.Join(detail, "; ") + ")"
	}
	return item
}
