package answer

import (
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/mineralbot/mineralbot/knowledge"
)

// IntentDigest is the weekly digest.
const IntentDigest Intent = "digest"

// DigestInput is what a digest is built from, besides the knowledge base.
//
// A digest is posted in channels, so it is built from the knowledge base alone: nothing a
// user typed reaches it (questions the bot could not answer go to the admins privately, in
// a [Curation] report).
type DigestInput struct {
	Period   time.Time // the scheduled time of this digest
	Since    time.Time // the previous digest's period: "new" means after it
	Location *time.Location
	Lang     Lang // the channel's language; English when empty
}

// upcomingWindow is how far ahead "coming up" looks.
const upcomingWindow = 30 * 24 * time.Hour

// Digest builds the digest for a period at send time from the knowledge base: policy items
// dated in the period, dates coming up in the next 30 days, records changed since the last
// digest, and a mineral spotlight that rotates by ISO week. A quiet week still gets a short
// digest.
func (e *Engine) Digest(in DigestInput) *Answer {
	s := e.snapshot(in.Lang)
	a := s.digest(in)
	a.Lang = s.lang
	return a
}

func (e *snap) digest(in DigestInput) *Answer {
	loc := in.Location
	if loc == nil {
		loc = time.UTC
	}
	period := in.Period.In(loc)
	a := &Answer{Intent: IntentDigest, Title: e.f("Critical minerals digest, %s", e.lang.Date(dayOf(period)))}
	since := in.Since.In(loc)
	a.Subtitle = e.f("Since %s · from the mineralbot knowledge base", e.lang.Date(dayOf(since))+" "+since.Format("15:04 MST"))

	var news []string
	var upcoming []dated
	for _, p := range e.kb.Policies {
		if within(p.Date, in.Since, in.Period) {
			news = append(news, e.lang.Date(p.Date)+": "+e.policyTitle(p))
			a.Sources = appendSource(a.Sources, p.Sources[0])
		}
		for _, d := range []struct {
			date knowledge.Date
			what string
		}{{p.Date, "%s takes effect"}, {p.Effective, "%s takes effect"}, {p.EndDate, "%s ends"}} {
			if !d.date.IsZero() && d.date.Time.After(in.Period) && !d.date.Time.After(in.Period.Add(upcomingWindow)) {
				upcoming = append(upcoming, dated{d.date, e.f(d.what, e.policyTitle(p))})
			}
		}
	}
	if len(news) > 0 {
		a.Sections = append(a.Sections, Section{Heading: e.t("New in policy"), Items: news})
	}
	if len(upcoming) > 0 {
		slices.SortFunc(upcoming, func(x, y dated) int { return x.date.Time.Compare(y.date.Time) })
		var items []string
		for _, u := range upcoming {
			items = append(items, e.lang.Date(u.date)+": "+u.text)
		}
		a.Sections = append(a.Sections, Section{Heading: e.t("Coming up in the next 30 days"), Items: items})
	}
	// What changed: each updated mineral's figures from its newest edition (how the world
	// total moved, and what the edition revised), and an edition that arrived, as news.
	var changed, figures []string
	editions := map[knowledge.Edition]int{}
	for _, m := range e.kb.Minerals {
		if !within(m.Updated, in.Since, in.Period) {
			continue
		}
		changed = append(changed, e.mineralName(m))
		if news, ed := e.figureNews(m); news != "" {
			editions[ed]++
			if len(figures) < maxFigureNews {
				figures = append(figures, e.mineralName(m)+": "+news)
			}
		}
	}
	for _, p := range e.kb.Policies {
		if within(p.Updated, in.Since, in.Period) && !within(p.Date, in.Since, in.Period) {
			changed = append(changed, e.policyTitle(p))
		}
	}
	if len(changed) > 0 {
		s := Section{Heading: e.t("Updated in the knowledge base"), Text: e.listMore(changed, 20), Items: figures}
		if eds := e.kb.Editions(); len(eds) > 0 && editions[eds[len(eds)-1]] > 0 {
			newest := eds[len(eds)-1]
			s.Text = sentences(e.f("New figures from %s for %s minerals.", newest.Title(), itoa(editions[newest])), s.Text)
		}
		a.Sections = append(a.Sections, s)
	}
	if len(news) == 0 && len(upcoming) == 0 && len(changed) == 0 {
		a.Sections = append(a.Sections, Section{Text: e.t("A quiet week: no new policy items, no dates coming up in the next 30 days, and no changes to the knowledge base.")})
	}
	if m := e.spotlight(in.Period); m != nil {
		s := Section{Heading: e.f("Spotlight: %s", e.mineralName(m)), Text: e.paragraph(e.summary(m.Summary, m.SummaryES))}
		if r, ok := e.kb.PrimaryRanking(m.ID); ok && r.HasShares() {
			s.Facts = e.riskFacts(r)
			s.Note = e.f("Derived by mineralbot from %s", e.dataNote(r))
			a.Sources = appendSource(a.Sources, r.Source)
		} else if m.NoCountryTable != "" {
			s.Note = e.t(m.NoCountryTable)
		}
		if rel, ok := e.kb.LatestReliance(m.ID); ok {
			s.Facts = append(s.Facts, Fact{Label: e.f("U.S. net import reliance, %s", yearLabel(rel.Year, rel.Estimated)), Value: e.relianceText(rel)})
		}
		a.Sections = append(a.Sections, s)
		a.Record = knowledge.Ref{Kind: knowledge.KindMineral, ID: m.ID}
		e.addMineralSources(a, m)
	}
	return a
}

// maxFigureNews bounds the figure changes a digest spells out.
const maxFigureNews = 8

// figureNews is a mineral's newest figures as news: "world mine production 119,000 in 2024 →
// 110,000 in 2025e (−7.6%, metric tons; USGS MCS 2026); USGS MCS 2026 revised China's 2024
// figure from 60,000 to 40,000". Empty when its table gives no world total for two years.
func (e *snap) figureNews(m *knowledge.Mineral) (string, knowledge.Edition) {
	r, ok := e.kb.PrimaryRanking(m.ID)
	if !ok || len(r.Rows) == 0 {
		return "", 0
	}
	c, ok := e.kb.ChangeIn(r.Mineral, r.Measure, knowledge.World, r.Edition, r.Year-1, r.Year)
	if !ok || !c.Known() {
		return "", 0
	}
	pct, _ := c.Percent()
	news := e.f("world %s %s in %s → %s in %s (%s, %s; %s)", e.measure(r.Measure), number(c.From.Value), yearLabel(c.From.Year, c.From.Estimated),
		number(c.To.Value), yearLabel(c.To.Year, c.To.Estimated), signed(pct), e.shortUnit(r.Unit), source(r.Edition))
	for _, rv := range e.kb.Revisions(m.ID) {
		if rv.Measure == r.Measure && rv.Country == r.Rows[0].Country && rv.Old.Known() && rv.New.Known() {
			news += "; " + e.f("%s revised %s's %s figure from %s to %s", source(rv.New.Edition), e.countryName(rv.Country), strconv.Itoa(rv.Year), number(rv.Old.Value), number(rv.New.Value))
		}
	}
	return news, r.Edition
}

type dated struct {
	date knowledge.Date
	text string
}

// within reports whether a date falls in (from, to].
func within(d knowledge.Date, from, to time.Time) bool {
	return !d.IsZero() && d.Time.After(from) && !d.Time.After(to)
}

func (e *snap) listMore(items []string, n int) string {
	if len(items) <= n {
		return strings.Join(items, ", ")
	}
	return strings.Join(items[:n], ", ") + " " + e.f("and %s more", strconv.Itoa(len(items)-n))
}

// dayOf is a time's calendar day, as a date known to the day.
func dayOf(t time.Time) knowledge.Date {
	y, m, d := t.Date()
	return knowledge.Date{Time: time.Date(y, m, d, 0, 0, 0, 0, time.UTC), Precision: knowledge.Day}
}

// Spotlight returns the mineral of the week: the USGS 2025 list in name order, one a week,
// counted in ISO weeks (Monday to Sunday) from a fixed Monday, so that every one of the 60
// comes round in 60 weeks, across year ends too.
func (e *Engine) Spotlight(t time.Time) *knowledge.Mineral { return e.snapshot(English).spotlight(t) }

// spotlightEpoch is the Monday that starts ISO week 1 of 2024.
var spotlightEpoch = time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)

func (e *snap) spotlight(t time.Time) *knowledge.Mineral {
	ms := e.kb.OnList(knowledge.USGS2025)
	if len(ms) == 0 {
		return nil
	}
	y, m, d := t.UTC().Date()
	days := int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Sub(spotlightEpoch).Hours() / 24)
	week := days / 7
	if days < 0 {
		week = (days - 6) / 7
	}
	n := len(ms)
	return ms[((week%n)+n)%n]
}
