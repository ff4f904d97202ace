package answer

import (
	"context"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// IntentChart is a chart of one mineral's figures.
const IntentChart Intent = "chart"

// ChartKinds are what /mineral chart draws.
var ChartKinds = []string{"production", "reserves", "trend"}

// chartKinds are the words a chart command may end with, in both languages.
var chartKinds = map[string]string{
	"production": "production", "producers": "production", "producción": "production", "produccion": "production", "productores": "production",
	"reserves": "reserves", "reservas": "reserves",
	"trend": "trend", "reliance": "trend", "imports": "trend", "tendencia": "trend", "dependencia": "trend", "importaciones": "trend",
}

// cmdChart is "chart <mineral> [production | reserves | trend]"; production when no kind is
// given.
func (e *snap) cmdChart(ctx context.Context, args string) (*Answer, error) {
	kind := "production"
	words := strings.Fields(args)
	if n := len(words); n > 0 {
		if k, ok := chartKinds[strings.ToLower(words[n-1])]; ok {
			kind, words = k, words[:n-1]
		}
	}
	if len(words) == 0 {
		return e.usage("chart"), nil
	}
	return e.chart(strings.Join(words, " "), kind), nil
}

// Chart returns the figures of a chart of a mineral: the shares of its producers or of its
// reserves (Bars), or the U.S. net import reliance over the years (Series). The Answer says
// in its headline why there is nothing to draw when there is not.
func (e *Engine) Chart(ctx context.Context, mineral, kind string, lang Lang) *Answer {
	s := e.snapshot(lang)
	a := s.chart(mineral, kind)
	a.Lang = s.lang
	return a
}

func (s *snap) chart(mineral, kind string) *Answer {
	q := s.lex.Parse(mineral)
	a := &Answer{Intent: IntentChart}
	if len(q.Minerals) == 0 {
		a.Intent = IntentNotFound
		a.Title = s.f("Sorry, I don't know a mineral called %s.", "“"+mineral+"”")
		a.Headline = a.Title
		return a
	}
	m, _ := s.kb.Mineral(q.Minerals[0])
	a.Record = knowledge.Ref{Kind: knowledge.KindMineral, ID: m.ID}
	name := strings.ToLower(s.mineralName(m))
	switch kind {
	case "reserves":
		r, ok := s.kb.ReservesRanking(m.ID)
		if !ok || !r.HasShares() || len(r.Rows) == 0 {
			a.Headline = s.f("USGS gives no reserves by country for %s in the tables this knowledge base holds.", name)
			break
		}
		a.Title = s.f("%s reserves by country", s.mineralName(m))
		a.Headline = s.reservesAnswer(m, q).Headline
		sec := Section{Heading: s.f("%s reserves, share of the world (%s)", s.mineralName(m), source(r.Edition)), Note: s.dataNote(r)}
		for _, row := range r.Top(8) {
			sec.Bars = append(sec.Bars, Bar{Label: s.shareLabel(row), Share: row.Share, Value: figureValue(row)})
		}
		a.Sections = append(a.Sections, sec)
		a.Sources = appendSource(a.Sources, r.Source)
	case "trend":
		latest := s.latestByProduct(m.ID)
		series := s.kb.RelianceSeries(m.ID)
		if len(latest) == 0 || len(series) == 0 {
			a.Headline = s.f("USGS gives no U.S. net import reliance for %s in the chapters this knowledge base holds.", name)
			break
		}
		a.Title = s.f("U.S. net import reliance: %s", name)
		a.Headline = s.relianceSentence(m, latest[0])
		for _, sr := range series {
			if sr.Product != latest[0].Product {
				continue
			}
			sec := Section{Heading: s.f("U.S. net import reliance on %s, %% (%s)", name, source(sr.Edition)), SeriesName: s.t("Import reliance, %")}
			if sr.Product != "" {
				sec.Heading = s.f("U.S. net import reliance on %s, %% (%s)", strings.ToLower(s.t(sr.Product)), source(sr.Edition))
			}
			for _, r := range sr.Years {
				if r.NetExporter() || r.Printed == "NA" || r.Printed == "W" {
					sec.Text = s.t("Net exporter years and years without a figure are left out.")
					continue // no number to draw
				}
				sec.Series = append(sec.Series, Point{Label: yearLabel(r.Year, r.Estimated), Value: r.Percent})
			}
			a.Sections = append(a.Sections, sec)
			a.Sources = appendSource(a.Sources, sr.Source)
		}
	default: // production
		r, ok := s.kb.PrimaryRanking(m.ID)
		if !ok || !r.HasShares() || len(r.Rows) == 0 {
			a.Headline = s.f("USGS publishes no production by country for %s in the tables this knowledge base holds.", name)
			break
		}
		a.Title = s.f("Who produces %s", name)
		a.Headline = s.leadSentence(m, r)
		a.Sections = append(a.Sections, s.producersSection(m, r, 8))
		a.Sources = appendSource(a.Sources, r.Source)
	}
	if a.Title == "" {
		a.Title = s.mineralName(m)
	}
	return a
}
