package answer

import (
	"context"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper U: "is the cobalt figure an estimate?", "is Mexico's silver production estimated?",
// "¿es una estimación la cifra de plata de México?": a yes/no on whether a figure is a USGS
// estimate, from the "e" the table gives it (the country's figure where a country is named,
// else the table's year), before the figures themselves.

// estimateWords ask whether a figure is an estimate.
var estimateWords = set("estimate", "estimated", "estimates", "estimation", "preliminary", "estimado", "estimada",
	"estimados", "estimadas", "estimacion", "estimaciones", "preliminar", "preliminares")

func (e *snap) estimateAsked(ctx context.Context, q Query) *Answer {
	if !q.YesNo || len(q.Minerals) > 1 || len(q.Countries) > 1 || len(q.Policies) > 0 || q.Define ||
		!hasAny(q.Terms, estimateWords) && !hasAny(q.Rest, estimateWords) {
		return nil
	}
	if len(q.Minerals) == 0 {
		return e.estimatesInGeneral(ctx, q)
	}
	if q.Measure != MeasureOverview && q.Measure != MeasureProduction {
		return nil
	}
	m, r, ok := e.rankingAsked(q) // "is Mexico's 2024 zinc figure an estimate?": 2024's
	if !ok {
		return nil
	}
	name := strings.ToLower(e.mineralName(m))
	what := e.f("world %s of %s", e.measure(r.Measure), name)
	est := r.Estimated
	var verdict string
	if len(q.Countries) == 1 {
		var row *knowledge.Share
		for i := range r.Rows {
			if r.Rows[i].Country == q.Countries[0] {
				row = &r.Rows[i]
				break
			}
		}
		if row == nil {
			return nil
		}
		est = row.Estimated
		fig := e.f("%s's %s figure for %s of %s, %s", e.countryName(row.Country), itoa(r.Year), e.measure(r.Measure), name, e.amount(*row, r.Unit))
		if est {
			verdict = e.f("Yes — USGS gives %s, as an estimate (%s, %s).", fig, yearLabel(r.Year, true), source(r.Edition))
		} else {
			verdict = e.f("No — USGS gives %s, with no estimate mark (%s).", fig, source(r.Edition))
		}
	} else if est {
		verdict = e.f("Yes — USGS's %s figures for %s are estimates (%s, %s).", itoa(r.Year), what, yearLabel(r.Year, true), source(r.Edition))
	} else {
		verdict = e.f("No — USGS's %s figures for %s carry no estimate mark (%s).", itoa(r.Year), what, source(r.Edition))
	}
	plain := q
	plain.YesNo = false
	a, err := views[plain.Measure](e, ctx, plain)
	if err != nil || a == nil {
		return nil
	}
	old := a.Headline
	a.Headline = verdict
	if est {
		a.Headline = sentences(verdict, e.t("An “e” marks a figure USGS estimated because the year's data were not complete when the edition went to press."))
	}
	if old != "" {
		a.Sections = append([]Section{{Heading: e.t("Figures"), Text: old}}, a.Sections...)
	}
	return a
}

// estimatesInGeneral answers "are the 2025 figures estimates?", "¿los datos de 2025 son
// estimados?" with no mineral named: the newest edition's last year is mostly estimates;
// then what the "e" means (the glossary's entry).
func (e *snap) estimatesInGeneral(ctx context.Context, q Query) *Answer {
	eds := e.kb.Editions()
	if len(q.Countries) > 0 || len(eds) == 0 {
		return nil
	}
	newest := eds[len(eds)-1]
	if q.Year != 0 && q.Year != newest.DataYear() {
		return e.estimatesOfYear(ctx, q, newest) // Helper W
	}
	a, err := views[MeasureGlossary](e, ctx, Query{Measure: MeasureGlossary, Term: "estimated"})
	if err != nil || a == nil {
		return nil
	}
	a.Headline = sentences(e.f("Yes — in %s, most %s figures are USGS estimates, marked “e” (%se).", source(newest), itoa(newest.DataYear()), itoa(newest.DataYear())), a.Headline)
	return a
}

// editionAsked answers "is this the 2026 edition?", with nothing else named: which edition
// answers use by default, then where the data comes from.
func (e *snap) editionAsked(ctx context.Context, q Query) *Answer {
	if q.Edition == 0 || !q.YesNo || q.Measure != MeasureOverview || len(q.Minerals)+len(q.Countries)+len(q.Policies)+len(q.Lists) > 0 || q.Year != 0 {
		return nil
	}
	eds := e.kb.Editions()
	if len(eds) == 0 {
		return nil
	}
	newest := eds[len(eds)-1]
	var older []string
	for _, ed := range eds[:len(eds)-1] {
		older = append(older, source(ed))
	}
	a, err := views[MeasureAbout](e, ctx, Query{Measure: MeasureAbout})
	if err != nil || a == nil {
		return nil
	}
	head := e.f("answers use %s, the newest edition held, unless you name another.", source(newest))
	if len(older) > 0 {
		head = sentences(head, e.f("%s is kept to show what changed.", e.and(older)))
	}
	a.Headline = e.verdict(q.Edition == newest, head)
	return a
}
