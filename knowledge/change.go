package knowledge

import (
	"cmp"
	"slices"
)

// Changes over time. A trend compares years within one edition (MCS 2026's 2024 and 2025e);
// comparing one edition's figure with another's for the same year is a revision, not a
// trend, and the two are kept apart: MCS 2025 put China's 2024 antimony output at 60,000 t,
// MCS 2026 at 40,000 t, so "60,000 t in 2024 → 40,000 t in 2025e" would be false.

// Change is how a figure moved between two years of the same edition.
type Change struct {
	Mineral string // the table's mineral (a group id for rare earths and PGMs)
	Measure string
	Country string // a country id, World or Others
	Edition Edition
	From    Figure // the earlier year
	To      Figure // the later year
}

// Known reports whether both figures are numbers, so that the change can be computed.
func (c Change) Known() bool { return c.From.Known() && c.To.Known() }

// Delta returns the change, To minus From; it is 0 unless [Change.Known].
func (c Change) Delta() float64 {
	if !c.Known() {
		return 0
	}
	return c.To.Value - c.From.Value
}

// Percent returns the change in percent of the earlier figure (-7.6 for 119,000 → 110,000).
// ok is false when either figure is not a number or the earlier one is zero.
func (c Change) Percent() (pct float64, ok bool) {
	if !c.Known() || c.From.Value == 0 {
		return 0, false
	}
	return (c.To.Value - c.From.Value) / c.From.Value * 100, true
}

// YearOverYear returns the change of a country's figure (or the world total's, with
// [World]) for a measure between the two latest years of the newest edition that prints both:
// world antimony mine production 2024 → 2025e in MCS 2026. ok is false when no edition has two
// years of it; the figures may still be withheld or not available (see [Change.Known]).
func (kb *KB) YearOverYear(mineral, measure, country string) (Change, bool) {
	years := make(map[Edition][]int)
	for _, f := range kb.FiguresOf(mineral) {
		if f.Measure == measure && f.Country == country && f.Year != 0 {
			years[f.Edition] = append(years[f.Edition], f.Year)
		}
	}
	var best Edition
	for ed, ys := range years {
		if len(ys) >= 2 && ed > best {
			best = ed
		}
	}
	if best == 0 {
		return Change{}, false
	}
	ys := years[best]
	slices.Sort(ys)
	return kb.ChangeIn(mineral, measure, country, best, ys[len(ys)-2], ys[len(ys)-1])
}

// ChangeIn returns the change of a country's figure (or [World]'s) for a measure between two
// years as one edition prints them. ok is false when the edition lacks either year.
func (kb *KB) ChangeIn(mineral, measure, country string, ed Edition, from, to int) (Change, bool) {
	f, ok1 := kb.FigureIn(mineral, measure, country, from, ed)
	t, ok2 := kb.FigureIn(mineral, measure, country, to, ed)
	if !ok1 || !ok2 {
		return Change{}, false
	}
	return Change{Mineral: kb.TableOf(mineral), Measure: measure, Country: country, Edition: ed, From: f, To: t}, true
}

// Revision is a figure that a newer edition printed differently from the edition before it:
// the same country, measure and year, another value (or a number where there was none).
type Revision struct {
	Mineral string // the table's mineral
	Measure string
	Country string
	Year    int
	Old     Figure // as the older edition printed it
	New     Figure // as the newer edition prints it
}

// Delta returns the revision, New minus Old, or 0 unless both are numbers.
func (r Revision) Delta() float64 {
	if !r.Old.Known() || !r.New.Known() {
		return 0
	}
	return r.New.Value - r.Old.Value
}

// Revision returns how the newest edition that prints a country's figure for a measure and
// year revised it from the edition before, if it did: China's 2024 antimony mine production,
// 60,000 t in MCS 2025, 40,000 t in MCS 2026. Reserves, which carry no year, are restated by
// every edition rather than revised, and have no revisions.
func (kb *KB) Revision(mineral, measure, country string, year int) (Revision, bool) {
	if year == 0 {
		return Revision{}, false
	}
	var figs []Figure
	for _, f := range kb.FiguresOf(mineral) {
		if f.Measure == measure && f.Country == country && f.Year == year {
			figs = append(figs, f)
		}
	}
	if len(figs) < 2 {
		return Revision{}, false
	}
	slices.SortFunc(figs, func(a, b Figure) int { return cmp.Compare(a.Edition, b.Edition) })
	old, cur := figs[len(figs)-2], figs[len(figs)-1]
	if !revised(old, cur) {
		return Revision{}, false
	}
	return Revision{Mineral: kb.TableOf(mineral), Measure: measure, Country: country, Year: year, Old: old, New: cur}, true
}

// revised reports whether a newer edition's figure differs from an older one's. Figures in
// different units are not compared.
func revised(old, cur Figure) bool {
	if old.Unit != cur.Unit {
		return false
	}
	return old.Status != cur.Status || old.Value != cur.Value || old.AtLeast != cur.AtLeast
}

// Revisions returns every figure of a mineral's table that the newest edition printing it
// revised, by measure, year and country; with an empty mineral, those of every table.
func (kb *KB) Revisions(mineral string) []Revision {
	var tables []string
	if mineral != "" {
		tables = []string{kb.TableOf(mineral)}
	} else {
		for id := range kb.figures {
			tables = append(tables, id)
		}
		slices.Sort(tables)
	}
	var out []Revision
	for _, t := range tables {
		type key struct {
			measure, country string
			year             int
		}
		var keys []key
		seen := make(map[key]bool)
		for _, f := range kb.figures[t] {
			k := key{f.Measure, f.Country, f.Year}
			if f.Year != 0 && !seen[k] {
				seen[k] = true
				keys = append(keys, k)
			}
		}
		for _, k := range keys {
			if r, ok := kb.Revision(t, k.measure, k.country, k.year); ok {
				out = append(out, r)
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Revision) int {
		return cmp.Or(cmp.Compare(a.Mineral, b.Mineral), cmp.Compare(a.Measure, b.Measure), cmp.Compare(a.Year, b.Year), cmp.Compare(a.Country, b.Country))
	})
	return out
}
