package answer

import (
	"context"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper W: "are the 2023 figures estimated?", "¿los datos de 2024 son estimados?" — a year
// before the newest edition's last: how many of that year's production figures still carry
// USGS's "e", in the newest edition whose tables hold the year, counted once at load.

// yearEstimates counts one year's production figures in one edition.
type yearEstimates struct {
	edition   knowledge.Edition
	figures   int
	estimated int
	prices    bool // counted from the price series: the production tables do not hold the year
}

// indexYearEstimates counts, for every year the production tables hold, its figures and
// its estimates in the newest edition that prints the year.
func indexYearEstimates(kb *knowledge.KB) map[int]yearEstimates {
	out := map[int]yearEstimates{}
	seen := map[string]bool{}
	for _, m := range kb.Minerals {
		t := kb.TableOf(m.ID)
		if seen[t] {
			continue
		}
		seen[t] = true
		for _, f := range kb.FiguresOf(m.ID) {
			if f.Year == 0 || !f.Known() {
				continue
			}
			c := out[f.Year]
			if f.Edition < c.edition {
				continue
			}
			if f.Edition > c.edition {
				c = yearEstimates{edition: f.Edition}
			}
			c.figures++
			if f.Estimated {
				c.estimated++
			}
			out[f.Year] = c
		}
	}
	// A year the production tables no longer hold ("2022") is still in the editions' five
	// years of salient statistics: its prices say whether it is estimated.
	prices := map[int]yearEstimates{}
	type priceKey struct {
		mineral, form, unit string
		year                int
		edition             knowledge.Edition
	}
	counted := map[priceKey]bool{} // a group lists its members' prices too
	for _, m := range kb.Minerals {
		for _, pr := range kb.PricesOf(m.ID) {
			k := priceKey{pr.Mineral, pr.Form, pr.Unit, pr.Year, pr.Edition}
			if _, held := out[pr.Year]; held || !pr.Known() || counted[k] {
				continue
			}
			counted[k] = true
			c := prices[pr.Year]
			if pr.Edition < c.edition {
				continue
			}
			if pr.Edition > c.edition {
				c = yearEstimates{edition: pr.Edition, prices: true}
			}
			c.figures++
			if pr.Estimated {
				c.estimated++
			}
			prices[pr.Year] = c
		}
	}
	for y, c := range prices {
		out[y] = c
	}
	return out
}

// estimatesOfYear answers whether a year's figures other than the newest are estimates.
func (e *snap) estimatesOfYear(ctx context.Context, q Query, newest knowledge.Edition) *Answer {
	c, ok := e.yearEstimates[q.Year]
	if !ok || c.figures == 0 {
		return nil
	}
	a, err := views[MeasureGlossary](e, ctx, Query{Measure: MeasureGlossary, Term: "estimated"})
	if err != nil || a == nil {
		return nil
	}
	y := itoa(q.Year)
	var head string
	switch {
	case c.prices && c.estimated == 0:
		head = e.f("No — the production tables no longer hold %s, and none of the %s annual average prices for it in %s carries an “e”.", y, itoa(c.figures), source(c.edition))
	case c.prices:
		return nil
	case c.estimated == 0:
		head = e.f("No — none of the %s production figures for %s in %s carries an “e”: they are reported data.", itoa(c.figures), y, source(c.edition))
	case c.estimated*2 < c.figures:
		head = e.f("Mostly no — %s of the %s production figures for %s in %s carry an “e” (estimate); the rest are reported data.", itoa(c.estimated), itoa(c.figures), y, source(c.edition))
	default:
		head = e.f("Mostly yes — %s of the %s production figures for %s in %s carry an “e” (estimate).", itoa(c.estimated), itoa(c.figures), y, source(c.edition))
	}
	a.Headline = sentences(head, e.f("USGS estimates mostly the year just ended when an edition goes to press (%se in %s) and replaces those estimates with reported data in later editions.", itoa(newest.DataYear()), source(newest)))
	return a
}
