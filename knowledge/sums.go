package knowledge

import (
	"math"
	"strconv"
)

// Sums: where a USGS country table prints a world total, its countries and "other countries"
// add up to it, within the rounding USGS applies. A transcription that shifts a row or loses
// a column breaks the sum, so kb check adds each column up.
//
// The rule, per column (one mineral, measure, year and edition):
//
//   - The allowed difference is the larger of 2% of the world total and the rounding the
//     printed figures imply: one rounding unit of the world total (USGS rounds world totals,
//     to two significant digits at worst) plus half a unit of every figure added up.
//   - A column is skipped when its world total is missing, not a number (NA, W, large) or a
//     lower bound (">2,000,000"), or when any figure is second-hand (quoted from a note, never
//     checked against the chapter's table). Tables whose countries report different forms
//     that do not add up (boron: crude ore, refined borates) print no world total.
//   - Where a country's figure is withheld (W), not available (NA), "large"/"small" or a lower
//     bound, the missing part may be anything: the known figures must then not exceed the
//     total, but may fall short of it. This also covers world totals that leave out a withheld
//     U.S. figure.

// checkSum reports a column whose figures do not add up to its world total.
func checkSum(l *linker, t *countryTable) {
	var world *Figure
	for i, f := range t.rows {
		if f.Country == World {
			world = &t.rows[i]
		}
	}
	if world == nil || !world.Known() || world.AtLeast || world.Value == 0 || world.Secondary {
		return
	}
	var sum, slack float64
	partial := false
	n := 0
	for _, f := range t.rows {
		if f.Country == World {
			continue
		}
		if f.Secondary {
			return
		}
		if !f.Known() || f.AtLeast {
			partial = true
		}
		if f.Known() {
			sum += f.Value
			slack += roundingUnit(f.Value) / 2
			n++
		}
	}
	if n == 0 {
		return
	}
	w := world.Value
	allowed := max(0.02*w, roundingUnit(w)+slack)
	what := t.mineral + " " + MeasureLabel(t.measure)
	if t.year != 0 {
		what += " " + strconv.Itoa(t.year)
	}
	what += " (" + t.edition.String() + ")"
	switch {
	case sum > w+allowed:
		l.ps.at(world.Pos, "sum: %s: the rows add up to %s, more than the world total %s (allowed difference %s): is a row shifted or a column lost?",
			what, num(sum), num(w), num(allowed))
	case !partial && sum < w-allowed:
		l.ps.at(world.Pos, "sum: %s: the rows add up to %s, less than the world total %s (allowed difference %s): is a row shifted or a column lost?",
			what, num(sum), num(w), num(allowed))
	}
}

// roundingUnit is the rounding a printed figure implies: for a whole number, the place of its
// last non-zero digit, but no coarser than two significant digits (USGS prints 62,300 and
// 100,000, the one rounded to hundreds, the other to ten thousands); for a decimal, its last
// decimal place.
func roundingUnit(v float64) float64 {
	if v <= 0 {
		return 0
	}
	if v != math.Trunc(v) {
		s := strconv.FormatFloat(v, 'f', -1, 64)
		for i := range len(s) {
			if s[i] == '.' {
				return math.Pow10(-min(len(s)-i-1, 6))
			}
		}
	}
	unit := 1.0
	for x := int64(v); x%10 == 0 && x > 0; x /= 10 {
		unit *= 10
	}
	coarsest := math.Pow10(int(math.Floor(math.Log10(v))) - 1)
	return max(1, min(unit, coarsest))
}

// num formats a figure for a problem: 103960, 0.5.
func num(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }
