package answer

import (
	"context"
	"math"
	"strconv"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// changeView: how a mineral's production moved between two years of one edition, and which
// figures the newest edition revised. It never mixes editions into one trend.
// revisionWords ask whether a figure was revised between editions.
var revisionWords = set("revised", "revision", "revisions", "revise", "restated", "revisado", "revisada", "revisaron", "reviso", "revision", "revisiones")

// directionVerdict puts Yes or No before a change's headline when a yes/no question asks
// which way it moved ("did Mexico's silver production go up in 2025?").
func (e *snap) directionVerdict(q Query, c knowledge.Change, headline string) string {
	pct, ok := c.Percent()
	if !q.YesNo || q.Direction == "" || !ok {
		return headline
	}
	return e.verdict(q.Direction == "up" && pct > 0.05 || q.Direction == "down" && pct < -0.05, headline)
}

// shareChange is how a country's share of the world's figure moved between two years of
// one edition, in percentage points, with a sentence saying so, when the question asks
// about a share; ok is false where it does not, or where either year has no share to give.
// The shares are the rankings' own, so they match the cards.
func (e *snap) shareChange(q Query, r knowledge.Ranking, name, country string, from, to int) (string, float64, bool) {
	if !q.Share {
		return "", 0, false
	}
	rf, rt := e.kb.RankIn(r.Mineral, r.Measure, from, r.Edition), e.kb.RankIn(r.Mineral, r.Measure, to, r.Edition)
	sf, ok1 := rf.ShareOf(country)
	st, ok2 := rt.ShareOf(country)
	if !ok1 || !ok2 || !rf.HasShares() || !rt.HasShares() {
		return "", 0, false
	}
	// In points as the shares are shown (rounded), so that "82% to 79%" reads as 3 points.
	pts := math.Round((shown(st.Share)-shown(sf.Share))*10) / 10
	change := e.t("unchanged")
	if pts != 0 {
		format := "%s percentage points"
		if math.Abs(pts) == 1 {
			format = "%s percentage point"
		}
		change = e.f(format, strings.Replace(strconv.FormatFloat(pts, 'f', -1, 64), "-", "−", 1))
		if pts > 0 {
			change = "+" + change
		}
	}
	return e.f("%s's share of world %s of %s went from %s in %s to %s in %s (%s; %s).", e.countryName(country), e.measure(r.Measure),
		name, percent(sf.Share), yearLabel(from, sf.Estimated),
		percent(st.Share), yearLabel(to, st.Estimated), change, source(r.Edition)), pts, true
}

// shown is a share in percent as [percent] writes it.
func shown(share float64) float64 {
	p := share * 100
	if p < 9.95 {
		return math.Round(p*10) / 10
	}
	return math.Round(p)
}

func (e *snap) changeView(ctx context.Context, q Query) (*Answer, error) {
	m, ok := e.mineral(q)
	if !ok {
		if len(q.Minerals) == 0 && len(q.Policies) == 0 && len(q.Countries) <= 1 {
			if len(q.Countries) == 1 && asksRevisions(q) {
				// "What did MCS 2026 revise for Mexico?" (views_revisions.go)
				return e.countryRevisionsView(q), nil
			}
			if len(q.Lists) > 0 || hasCue(q, MeasureLists) {
				// "What changed on the critical minerals list?": the lists compared.
				return e.listChangesView(ctx, q)
			}
			// "What changed for Mexico since last year?": across its minerals.
			return e.changesView(q), nil
		}
		return nil, nil
	}
	a := &Answer{Intent: IntentChange, Record: e.mineralRef(m), Title: e.f("How %s changed", strings.ToLower(e.mineralName(m)))}
	r, ok := e.ranking(m, q)
	if !ok || len(r.Rows) == 0 {
		a.Headline = e.f("USGS publishes no production by country for %s in the tables this knowledge base holds.", strings.ToLower(e.mineralName(m)))
		return a, nil
	}
	from, to := r.Year-1, r.Year
	if q.YesNo && q.Direction != "" && q.FromYear == 0 && q.Year != 0 && q.Year < r.Year {
		from, to = q.Year-1, q.Year // Helper AD: "did world lithium production rise in 2024?"
	}
	if q.FromYear != 0 && q.Year != 0 {
		from, to = q.FromYear, q.Year
	} else if q.FromYear != 0 && q.FromYear < to {
		from = q.FromYear // "since 2021": to the newest year held
	}
	name := strings.ToLower(e.mineralName(m))
	subject := knowledge.World
	if len(q.Countries) > 0 {
		subject = q.Countries[0]
	}
	if _, ok := e.kb.ChangeIn(r.Mineral, r.Measure, subject, r.Edition, from, to); !ok && !q.Editions && from < to && q.FromYear != 0 &&
		e.spanChange(a, q, m, r, name, subject, from, to) {
		// "how did lithium production change from 2021 to 2025?": the years held, and the
		// change over the widest span of them.
		return a, nil
	}
	if _, ok := e.kb.ChangeIn(r.Mineral, r.Measure, subject, r.Edition, from, to); !ok && !q.Editions && from < to {
		// "Mexico silver 2023 2024 2025": no one edition prints every year asked; each year
		// comes from the newest edition that prints it, labelled with it.
		if head, secs, srcs, ok := e.editionSeries(r, name, subject, from, to); ok {
			a.Headline = head
			if v, ok := e.seriesVerdict(q, r, name, subject, from, to); ok {
				a.Headline = v // Helper AD: "did Mexico produce more fluorspar in 2024?" (views_ad.go)
			}
			a.Sections = append(a.Sections, secs...)
			for _, src := range srcs {
				a.Sources = appendSource(a.Sources, src)
			}
			e.addRevisions(a, q, m, r, name, false)
			return a, nil
		}
	}
	world, wok := e.kb.ChangeIn(r.Mineral, r.Measure, knowledge.World, r.Edition, from, to)
	if wok && world.Known() {
		pct, _ := world.Percent()
		a.Headline = e.f("World %s of %s went from %s in %s to %s in %s (%s, %s; %s).", e.measure(r.Measure), name,
			number(world.From.Value), yearLabel(from, world.From.Estimated), number(world.To.Value), yearLabel(to, world.To.Estimated),
			signed(pct), e.shortUnit(r.Unit), source(r.Edition))
	} else {
		a.Headline = e.f("%s does not give world %s of %s for both %s and %s.", source(r.Edition), e.measure(r.Measure), name, strconv.Itoa(from), strconv.Itoa(to))
	}
	if wok && world.Known() && len(q.Countries) == 0 {
		a.Headline = e.directionVerdict(q, world, a.Headline)
	}
	if n := topAsked(q); len(q.Countries) == 0 && n > 0 {
		if head, ok := e.topChange(r, name, n, from, to); ok {
			a.Headline = head // "top 5 zinc producers 2025 vs 2024" (views_top_change.go)
		}
	}
	moves := "" // Helper AB: the top producer's change and the largest move (views_change_top.go)
	if len(q.Countries) == 0 && topAsked(q) == 0 && !q.YesNo && wok && world.Known() {
		moves = e.topProducerMoves(r, from, to)
	}
	if len(q.Countries) > 0 {
		// "¿Cuánto bajó la producción de plomo de México?": that country's change first, the
		// world's after it.
		country := q.Countries[0]
		if c, ok := e.kb.ChangeIn(r.Mineral, r.Measure, country, r.Edition, from, to); ok && c.Known() {
			head := e.f("In %s, %s of %s went from %s in %s to %s in %s", e.countryAfterIn(country), e.measure(r.Measure), name,
				number(c.From.Value), yearLabel(from, c.From.Estimated), number(c.To.Value), yearLabel(to, c.To.Estimated))
			if pct, ok := c.Percent(); ok {
				head += " (" + e.f("%s, %s; %s", signed(pct), e.shortUnit(r.Unit), source(r.Edition)) + ")."
			} else {
				head += " (" + e.f("%s; %s", e.shortUnit(r.Unit), source(r.Edition)) + ")."
			}
			if wok && world.Known() {
				pct, _ := world.Percent()
				// A clause of the country's sentence: with the share's and a revision's, a
				// sentence of its own made four.
				head = strings.TrimSuffix(head, ".") + e.f("; world: %s → %s (%s).", number(world.From.Value), number(world.To.Value), signed(pct))
			}
			a.Headline = e.directionVerdict(q, c, head)
			if lead, pts, ok := e.shareChange(q, r, name, country, from, to); ok {
				// "How did China's share of tungsten change?": the share first, the tonnage
				// after it.
				a.Headline = sentences(lead, head)
				if q.YesNo && q.Direction != "" {
					a.Headline = e.verdict(q.Direction == "up" && pts > 0 || q.Direction == "down" && pts < 0, a.Headline)
				}
			}
		} else {
			a.Headline = sentences(e.f("%s gives no %s of %s for %s in both %s and %s.", source(r.Edition), e.measure(r.Measure), name,
				e.countryName(country), strconv.Itoa(from), strconv.Itoa(to)), a.Headline)
		}
	}
	s := Section{Heading: e.f("%s, %s → %s (%s)", capitalize(e.measure(r.Measure)), strconv.Itoa(from), strconv.Itoa(to), source(r.Edition))}
	for _, row := range r.Top(5) {
		c, ok := e.kb.ChangeIn(r.Mineral, r.Measure, row.Country, r.Edition, from, to)
		if !ok || !c.Known() {
			continue
		}
		v := number(c.From.Value) + " → " + number(c.To.Value)
		if pct, ok := c.Percent(); ok {
			v += " (" + signed(pct) + ")"
		}
		s.Facts = append(s.Facts, Fact{Label: e.countryName(row.Country), Value: v})
	}
	s.Note = e.dataNote(r)
	a.Sections = append(a.Sections, s)
	a.Sources = appendSource(a.Sources, r.Source)
	e.addRevisions(a, q, m, r, name, true)
	if moves != "" && fitsHeadline(sentences(a.Headline, moves)) {
		a.Headline = sentences(a.Headline, moves) // after the world's change and a revision that explains it
	}
	e.leadRankChange(a, q, r, name) // Helper Z: "how did Mexico's silver rank change?" (rank_editions.go)
	return a, nil
}

// seriesPoint is one year of a series drawn from several editions.
type seriesPoint struct {
	year int
	fig  knowledge.Figure
}

// editionSeries is a country's (or the world's) figure for each year from one to another, each
// year from the newest edition that prints it as a number: MCS 2025's 2023, MCS 2026's 2024 and
// 2025e. ok is false unless it spans more than one edition and has a number for every year.
func (e *snap) editionSeries(r knowledge.Ranking, name, subject string, from, to int) (string, []Section, []knowledge.Source, bool) {
	eds := e.kb.Editions()
	var points []seriesPoint
	used := map[knowledge.Edition]bool{}
	for y := from; y <= to; y++ {
		found := false
		for i := len(eds) - 1; i >= 0 && !found; i-- {
			if f, ok := e.kb.FigureIn(r.Mineral, r.Measure, subject, y, eds[i]); ok && f.Known() {
				points = append(points, seriesPoint{y, f})
				used[eds[i]] = true
				found = true
			}
		}
		if !found {
			return "", nil, nil, false
		}
	}
	if len(used) < 2 {
		return "", nil, nil, false
	}
	var parts, revised []string
	var srcs []knowledge.Source
	sec := Section{Heading: e.f("%s, %s–%s, newest edition for each year", capitalize(e.measure(r.Measure)), strconv.Itoa(from), strconv.Itoa(to))}
	for _, p := range points {
		v := number(p.fig.Value)
		edition := " (" + p.fig.Edition.String() + ")"
		parts = append(parts, yearLabel(p.year, p.fig.Estimated)+": "+v+edition)
		sec.Facts = append(sec.Facts, Fact{Label: yearLabel(p.year, p.fig.Estimated), Value: v + edition})
		srcs = append(srcs, p.fig.Source)
		for _, ed := range eds {
			// The year as the edition before the one used printed it, when it differs.
			if ed >= p.fig.Edition {
				continue
			}
			if old, ok := e.kb.FigureIn(r.Mineral, r.Measure, subject, p.year, ed); ok && old.Known() && old.Value != p.fig.Value {
				revised = append(revised, e.f("%s revised the %s figure from %s (%s, %s) to %s.", p.fig.Edition.String(), strconv.Itoa(p.year),
					number(old.Value), yearLabel(p.year, old.Estimated), ed.String(), v))
			}
		}
	}
	sec.Note = e.t("Each year is taken from the newest USGS edition that gives it; an older edition's figure for a year a newer one revised is left out.")
	var head string
	if subject == knowledge.World {
		head = e.f("World %s of %s, each year from the newest USGS edition that gives it (%s): %s.", e.measure(r.Measure), name,
			e.shortUnit(r.Unit), strings.Join(parts, "; "))
	} else {
		head = e.f("%s of %s in %s, each year from the newest USGS edition that gives it (%s): %s.", capitalize(e.measure(r.Measure)), name,
			e.countryAfterIn(subject), e.shortUnit(r.Unit), strings.Join(parts, "; "))
	}
	return sentences(append([]string{head}, revised...)...), []Section{sec}, srcs, true
}

// addRevisions appends to a change's answer the figures the newest edition revised: a
// sentence on the one asked about (or a count) after the headline, or before it when the
// question asks about revisions, and a section listing them.
func (e *snap) addRevisions(a *Answer, q Query, m *knowledge.Mineral, r knowledge.Ranking, name string, withLead bool) {
	// Revisions: the newest edition restating an earlier year.
	var revs []string
	lead := ""
	material := false          // the revision that leads moved its figure by a tenth or more
	asked := r.Rows[0].Country // the country whose revision leads: the one asked about, or the top
	if len(q.Countries) > 0 {
		asked = q.Countries[0]
	}
	for _, rv := range e.kb.Revisions(m.ID) {
		if rv.Measure != r.Measure || !rv.Old.Known() || !rv.New.Known() || rv.Country == knowledge.Others {
			continue
		}
		line := e.f("%s, %s: %s in %s, %s in %s", e.countryName(rv.Country), strconv.Itoa(rv.Year), number(rv.Old.Value), rv.Old.Edition.String(), number(rv.New.Value), rv.New.Edition.String())
		revs = append(revs, line)
		if lead == "" && rv.Country == asked {
			lead = e.f("%s revised %s's %s figure from %s to %s.", source(rv.New.Edition), e.countryName(rv.Country), strconv.Itoa(rv.Year), number(rv.Old.Value), number(rv.New.Value))
			material = rv.Old.Value != 0 && math.Abs(rv.New.Value-rv.Old.Value) >= math.Abs(rv.Old.Value)/10
		}
	}
	if lead == "" && q.Editions && len(q.Countries) > 0 && r.Edition == knowledge.MCS2026 {
		// "Did China's share change between the 2025 and 2026 editions?": the year both
		// editions give, unrevised.
		y := r.Year - 1
		old, ok1 := e.kb.FigureIn(r.Mineral, r.Measure, asked, y, knowledge.MCS2025)
		cur, ok2 := e.kb.FigureIn(r.Mineral, r.Measure, asked, y, knowledge.MCS2026)
		if ok1 && ok2 && old.Known() && cur.Known() && old.Value == cur.Value {
			lead = e.f("%s kept %s's %s figure from %s: %s.", source(r.Edition), e.countryName(asked), strconv.Itoa(y), source(old.Edition), number(cur.Value))
		}
	}
	counted := false // the lead is only how many figures were revised, none of them the one asked about
	if lead == "" && len(revs) > 0 {
		lead, counted = e.f("%s revised %s earlier figures of this table.", source(r.Edition), strconv.Itoa(len(revs))), true
	}
	if q.Editions && len(revs) == 0 {
		lead = e.f("%s revised none of the earlier figures for %s.", source(r.Edition), name)
	}
	switch {
	case !withLead:
		// A series across editions has said what was revised of the years it gives.
	case lead != "" && (q.Editions || hasAny(q.Terms, revisionWords)):
		// "Was China's antimony output revised?", "did it change between the 2025 and 2026
		// editions?": the revision is the answer. Helper AB: "what changed for fluorspar in
		// MCS 2026?" only names the edition: the world's and the producers' changes lead,
		// and a revision follows as below (a small one is the card's).
		a.Headline = sentences(lead, a.Headline)
	case len(q.Countries) > 0 && !counted || material:
		// The country asked about, or a top producer's revision large enough to explain part
		// of the world's change (China's antimony, 60,000 → 40,000). A count of other
		// countries' revisions is the card's.
		a.Headline = sentences(a.Headline, lead)
	default:
		// A small revision of one country's figure, or a count of them, is the card's
		// section below, not the world change's headline.
	}
	if len(revs) > 0 {
		a.Sections = append(a.Sections, Section{Heading: e.t("Revised between editions"), Items: revs[:min(8, len(revs))],
			Note: e.t("Each edition revises earlier years; compare years within one edition, not across them.")})
	}
}
