package answer

import (
	"cmp"
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// changesView: how production moved across minerals between the last two years of the
// newest edition, in one country ("what changed for Mexico since last year?") or in the
// world ("what changed in 2025?"). Each mineral's figures are its main table's; minerals
// whose newest figures are in an older edition are left out, and counted, rather than mixed
// into one comparison.
func (e *snap) changesView(q Query) *Answer {
	subject := knowledge.World
	if len(q.Countries) > 0 {
		subject = q.Countries[0]
	}
	editions := e.kb.Editions()
	slices.Reverse(editions)
	all, newest := e.movedIn(subject, askedEdition(q), q.Year)
	place := e.t("Worldwide")
	if subject != knowledge.World {
		place = e.f("In %s", e.countryAfterIn(subject))
	}
	a := &Answer{Intent: IntentChange, Title: e.t("What changed in production")}
	if subject != knowledge.World {
		a.Title = e.f("What changed in production: %s", e.countryName(subject))
		a.Record = knowledge.Ref{Kind: knowledge.KindCountry, ID: subject}
	}
	var ms []moved
	older := 0
	for _, x := range all {
		if x.c.Edition == newest {
			ms = append(ms, x)
		} else {
			older++
		}
	}
	if len(ms) == 0 && q.Year != 0 {
		// "what changed in mexico in 2019": the year asked and the one before, not any two.
		a.Headline = e.f("The USGS tables this knowledge base holds give no production figures for both %s and %s for %s.", itoa(q.Year-1), itoa(q.Year), e.placeName(subject))
		lo, hi := 0, 0
		for _, ed := range editions {
			for _, m := range e.kb.Minerals {
				if r, ok := e.kb.PrimaryRankingIn(m.ID, ed); ok && r.Year != 0 {
					if _, ok := e.kb.ChangeIn(r.Mineral, r.Measure, subject, ed, r.Year-1, r.Year); ok {
						if lo == 0 || r.Year-1 < lo {
							lo = r.Year - 1
						}
						hi = max(hi, r.Year)
					}
				}
			}
		}
		if hi != 0 {
			// "what changed in mexico since 2022": the years there are to ask about.
			a.Headline = sentences(a.Headline, e.f("They cover %s to %s.", itoa(lo), itoa(hi)))
		}
		return a
	}
	if len(ms) == 0 {
		a.Headline = e.f("The USGS tables this knowledge base holds give no production figures for two years running for %s.", e.placeName(subject))
		return a
	}
	// The pair of years most of them share: the edition's last two.
	to := ms[0].to
	toEstimated := false
	for _, x := range ms {
		to = max(to, x.to)
	}
	ms = slices.DeleteFunc(ms, func(x moved) bool { return x.to != to })
	for _, x := range ms {
		toEstimated = toEstimated || x.c.To.Estimated
	}
	slices.SortStableFunc(ms, func(x, y moved) int { return cmp.Compare(y.pct, x.pct) })
	label := func(x moved) string {
		return strings.ToLower(e.mineralName(x.m)) + " (" + signed(x.pct) + ")"
	}
	var ups, downs, flat []string
	for _, x := range ms {
		if x.pct >= 0.05 && len(ups) < 3 {
			ups = append(ups, label(x))
		}
		if x.pct > -0.05 && x.pct < 0.05 {
			flat = append(flat, strings.ToLower(e.mineralName(x.m)))
		}
	}
	for i := len(ms) - 1; i >= 0 && ms[i].pct <= -0.05 && len(downs) < 3; i-- {
		downs = append(downs, label(ms[i]))
	}
	var parts []string
	if len(ups) > 0 {
		parts = append(parts, e.f("the largest rises: %s", e.and(ups)))
	} else {
		parts = append(parts, e.t("none rose"))
	}
	if len(downs) > 0 {
		parts = append(parts, e.f("the largest falls: %s", e.and(downs)))
	} else {
		parts = append(parts, e.t("none fell"))
	}
	from := yearLabel(to-1, ms[0].c.From.Estimated)
	a.Headline = e.f("%s, from %s to %s (%s), across %s minerals: %s.", place, from, yearLabel(to, toEstimated),
		source(newest), itoa(len(ms)), strings.Join(parts, "; "))
	switch {
	case len(flat) > 3:
		a.Headline = sentences(a.Headline, capitalize(e.f("%s did not change", itoa(len(flat))))+".") // "10 did not change."
	case len(flat) > 0:
		a.Headline = sentences(a.Headline, e.f("Unchanged: %s.", e.and(flat)))
	}

	s := Section{Heading: e.f("Production, %s → %s (%s)", itoa(to-1), yearLabel(to, toEstimated), source(newest))}
	for _, x := range ms {
		s.Facts = append(s.Facts, Fact{
			Label: e.mineralName(x.m) + ", " + e.measure(x.r.Measure),
			Value: number(x.c.From.Value) + " → " + number(x.c.To.Value) + " " + e.shortUnit(x.r.Unit) + " (" + signed(x.pct) + ")",
		})
		a.Sources = appendSource(a.Sources, x.r.Source)
	}
	if older > 0 {
		s.Note = e.f("%s more minerals have their newest figures in an older edition and are not compared here.", itoa(older))
	}
	if subject == knowledge.World {
		s.Note = strings.TrimSpace(s.Note + " " + e.t("World totals as USGS prints them; shares and changes are computed by mineralbot."))
	}
	a.Sections = append(a.Sections, s)
	return a
}

// placeName is a country's name, or "the world".
func (e *snap) placeName(subject string) string {
	if subject == knowledge.World {
		return e.t("the world")
	}
	return e.countryAfterIn(subject)
}

// moved is how a mineral's main table moved between two years, for changesView.
type moved struct {
	m   *knowledge.Mineral
	r   knowledge.Ranking // the mineral's main table, for its measure and unit
	c   knowledge.Change
	to  int
	pct float64
}

// movedKey keys movedIn's results for the last two years in e.derived.
type movedKey struct {
	subject string
	edition knowledge.Edition
}

type movedAll struct {
	all    []moved
	newest knowledge.Edition
}

// movedIn is how each mineral's production moved in subject (a country, or the world) between
// the last two years of its newest edition (of edition, if not 0), or year and the one before,
// and the newest edition among them. The last two years' moves depend on the knowledge base
// alone and are found once per load: at 100,000 records, "what's new in the 2025 edition?"
// walked every record in 240 ms a question.
func (e *snap) movedIn(subject string, edition knowledge.Edition, year int) ([]moved, knowledge.Edition) {
	// Only the editions the knowledge base holds are kept: a question can name any.
	keep := year == 0 && (edition == 0 || slices.Contains(e.kb.Editions(), edition))
	if keep {
		if x, ok := e.derived.Load(movedKey{subject, edition}); ok {
			r := x.(movedAll)
			return r.all, r.newest
		}
	}
	editions := e.kb.Editions()
	slices.Reverse(editions)
	var all []moved
	var newest knowledge.Edition
	seen := map[string]bool{}
	for _, m := range e.kb.Minerals {
		r, ok := e.kb.PrimaryRanking(m.ID)
		if edition != 0 {
			r, ok = e.kb.PrimaryRankingIn(m.ID, edition) // "what changed in the 2025 edition"
		}
		if !ok || r.Year == 0 || seen[r.Mineral+"/"+r.Measure] {
			continue
		}
		if g, ok := e.kb.Mineral(r.Mineral); ok {
			// A group's table (rare-earth elements) is named for the group, not for the
			// first of its members.
			m = g
		}
		// The last two years of its newest edition, or the year asked and the one before,
		// from the newest edition that prints both.
		c, ok := e.kb.ChangeIn(r.Mineral, r.Measure, subject, r.Edition, r.Year-1, r.Year)
		to := r.Year
		if year != 0 {
			to, ok = year, false
			for _, ed := range editions {
				if c, ok = e.kb.ChangeIn(r.Mineral, r.Measure, subject, ed, to-1, to); ok {
					break
				}
			}
		}
		pct, known := c.Percent()
		if !ok || !known {
			continue
		}
		seen[r.Mineral+"/"+r.Measure] = true
		if c.Edition != r.Edition {
			if rr, ok := e.kb.PrimaryRankingIn(m.ID, c.Edition); ok {
				r.Source = rr.Source
			}
		}
		all = append(all, moved{m, r, c, to, pct})
		newest = max(newest, c.Edition)
	}
	if keep {
		e.derived.Store(movedKey{subject, edition}, movedAll{all, newest})
	}
	return all, newest
}
