package answer

import (
	"slices"
	"strconv"

	"github.com/mineralbot/mineralbot/knowledge"
)

// heldYears are the years for which some edition gives a country's (or the world's) figure
// for a measure as a number, in order, each with the figure of the newest edition that does.
func (e *snap) heldYears(r knowledge.Ranking, subject string) ([]int, map[int]knowledge.Figure) {
	newest := map[int]knowledge.Figure{}
	for _, f := range e.kb.FiguresOf(r.Mineral) {
		if f.Measure != r.Measure || f.Country != subject || f.Year == 0 || !f.Known() {
			continue
		}
		if old, ok := newest[f.Year]; !ok || f.Edition > old.Edition {
			newest[f.Year] = f
		}
	}
	var years []int
	for y := range newest {
		years = append(years, y)
	}
	slices.Sort(years)
	return years, newest
}

// asksChangeOnly reports whether a question asks how a figure moved from one year to another
// ("how did lithium production change from 2023 to 2025?") rather than for its years one by
// one ("world lithium production 2023 to 2025", "production trend 2023 to 2025").
func asksChangeOnly(q Query) bool {
	return hasCue(q, MeasureChange) && !hasAny(q.Terms, historyWords) && !hasAny(q.Terms, revisionWords)
}

// spanChange answers a change between two years asked ("from 2021 to 2025") that no one
// edition gives both of. When a year asked is in no edition it says which years the
// knowledge base has, and gives the change over the widest span of them within the years
// asked (all of them, when none is): lithium 2023 → 2025e. The two ends come from one edition
// where one gives both, else each from the newest edition that gives it, each labelled with
// it; the card lists what newer editions revised. It returns false where the view's own
// answer stands: every year asked is held and one edition gives both, or the question asks
// for the years one by one.
func (e *snap) spanChange(a *Answer, q Query, m *knowledge.Mineral, r knowledge.Ranking, name, subject string, from, to int) bool {
	years, newest := e.heldYears(r, subject)
	if len(years) < 2 {
		return false
	}
	var missing []string
	for _, y := range []int{from, to} {
		if _, ok := newest[y]; !ok {
			missing = append(missing, strconv.Itoa(y))
		}
	}
	if len(missing) == 0 && (!asksChangeOnly(q) || e.oneEdition(r, subject, from, to) != 0) {
		return false
	}
	lo, hi := years[0], years[len(years)-1]
	f, t := max(from, lo), min(to, hi)
	if _, ok := newest[f]; !ok || f >= t {
		f, t = lo, hi
	}
	if _, ok := newest[t]; !ok {
		return false
	}
	var lead string
	if len(missing) > 0 {
		notFor := missing[0]
		if len(missing) == 2 {
			notFor = e.f("%s or %s", missing[0], missing[1])
		}
		if subject == knowledge.World {
			lead = e.f("The USGS tables this knowledge base holds give world %s of %s for %s to %s only, not for %s.",
				e.measure(r.Measure), name, strconv.Itoa(lo), strconv.Itoa(hi), notFor)
		} else {
			lead = e.f("The USGS tables this knowledge base holds give %s of %s in %s for %s to %s only, not for %s.",
				e.measure(r.Measure), name, e.countryAfterIn(subject), strconv.Itoa(lo), strconv.Itoa(hi), notFor)
		}
	}
	// The ends: from one edition where one gives both, else each from the newest that has it.
	ed := e.oneEdition(r, subject, f, t)
	fig := func(y int) knowledge.Figure {
		if ed != 0 {
			x, _ := e.kb.FigureIn(r.Mineral, r.Measure, subject, y, ed)
			return x
		}
		return newest[y]
	}
	ff, tf := fig(f), fig(t)
	c := knowledge.Change{Mineral: r.Mineral, Measure: r.Measure, Country: subject, Edition: tf.Edition, From: ff, To: tf}
	pct, ok := c.Percent()
	if !ok {
		return false
	}
	var change string
	switch {
	case ed != 0 && subject == knowledge.World:
		change = e.f("World %s of %s went from %s in %s to %s in %s (%s, %s; %s).", e.measure(r.Measure), name,
			number(ff.Value), yearLabel(f, ff.Estimated), number(tf.Value), yearLabel(t, tf.Estimated), signed(pct), e.shortUnit(r.Unit), source(ed))
	case ed != 0:
		change = e.f("In %s, %s of %s went from %s in %s to %s in %s", e.countryAfterIn(subject), e.measure(r.Measure), name,
			number(ff.Value), yearLabel(f, ff.Estimated), number(tf.Value), yearLabel(t, tf.Estimated)) +
			" (" + e.f("%s, %s; %s", signed(pct), e.shortUnit(r.Unit), source(ed)) + ")."
	case subject == knowledge.World:
		change = e.f("World %s of %s went from %s in %s (%s) to %s in %s (%s), %s (%s).", e.measure(r.Measure), name,
			number(ff.Value), yearLabel(f, ff.Estimated), source(ff.Edition), number(tf.Value), yearLabel(t, tf.Estimated), source(tf.Edition),
			signed(pct), e.shortUnit(r.Unit))
	default:
		change = e.f("In %s, %s of %s went from %s in %s (%s) to %s in %s (%s), %s (%s).", e.countryAfterIn(subject), e.measure(r.Measure), name,
			number(ff.Value), yearLabel(f, ff.Estimated), source(ff.Edition), number(tf.Value), yearLabel(t, tf.Estimated), source(tf.Edition),
			signed(pct), e.shortUnit(r.Unit))
	}
	// The headline is the answer; the years of the span, as the answer takes them, are the
	// card's, with what newer editions revised (addRevisions).
	var sec Section
	if ed != 0 {
		sec = Section{Heading: e.f("%s, %s → %s (%s)", capitalize(e.measure(r.Measure)), strconv.Itoa(f), strconv.Itoa(t), source(ed)),
			Note: e.dataNote(e.kb.RankIn(r.Mineral, r.Measure, t, ed))}
	} else {
		sec = Section{Heading: e.f("%s, %s–%s, newest edition for each year", capitalize(e.measure(r.Measure)), strconv.Itoa(f), strconv.Itoa(t)),
			Note: e.t("Each year is taken from the newest USGS edition that gives it; an older edition's figure for a year a newer one revised is left out.")}
	}
	for y := f; y <= t; y++ {
		x := fig(y)
		if !x.Known() {
			continue
		}
		v := number(x.Value)
		if ed == 0 {
			v += " (" + x.Edition.String() + ")"
		}
		sec.Facts = append(sec.Facts, Fact{Label: yearLabel(y, x.Estimated), Value: v})
		a.Sources = appendSource(a.Sources, x.Source)
	}
	a.Headline = sentences(lead, change)
	if len(q.Countries) == 0 {
		a.Headline = e.directionVerdict(q, c, a.Headline)
	}
	a.Sections = append(a.Sections, sec)
	e.addRevisions(a, q, m, r, name, false)
	return true
}

// oneEdition is the newest edition that gives a country's (or the world's) figure for both
// years as a number, or 0.
func (e *snap) oneEdition(r knowledge.Ranking, subject string, from, to int) knowledge.Edition {
	eds := e.kb.Editions()
	for i := len(eds) - 1; i >= 0; i-- {
		if c, ok := e.kb.ChangeIn(r.Mineral, r.Measure, subject, eds[i], from, to); ok && c.Known() {
			return eds[i]
		}
	}
	return 0
}
