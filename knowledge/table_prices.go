package knowledge

import (
	"fmt"
	"io/fs"
	"strings"
)

// tables/prices.csv: annual average prices and unit values of mineral products, as the USGS
// chapters' salient statistics give them, per edition.

func loadPrices(fsys fs.FS, kb *KB, ps *problems) {
	cols := []string{"mineral", "form", "unit", "year", "value", "estimated", "source_url", "edition"}
	for _, r := range readTable(fsys, pricesFile, cols, ps) {
		p := Price{Mineral: r.get("mineral"), Form: r.get("form"), Unit: r.get("unit"), Printed: r.get("value"), Pos: r.pos}
		src, ed, ok := r.citation(ps)
		p.Source, p.Edition = src, ed
		y, yok := r.yearIn("year", false, ed, ps)
		p.Year, ok = y, ok && yok
		p.Estimated = r.flag("estimated", ps)
		switch p.Printed {
		case "NA":
			p.Status = NotAvailable
		case "W":
			p.Status = Withheld
		default:
			lo, hi, err := parseRange(p.Printed)
			if err != nil {
				ps.at(r.pos, "value: %q is not a number, a range N-M, NA or W", p.Printed)
				ok = false
			}
			p.Value, p.High = lo, hi
		}
		if p.Unit == "" {
			ps.at(r.pos, "unit is required")
			ok = false
		}
		if ok {
			kb.Prices = append(kb.Prices, p)
		}
	}
}

// parseRange parses a price: "38", "1,100.5", or a range of averages "890-1000".
func parseRange(s string) (lo, hi float64, err error) {
	a, b, isRange := strings.Cut(s, "-")
	lo, rel, err := parseNumber(a)
	if err != nil || rel != "" {
		return 0, 0, fmt.Errorf("%q is not a price", s)
	}
	if !isRange {
		return lo, lo, nil
	}
	hi, rel, err = parseNumber(b)
	if err != nil || rel != "" || hi <= lo {
		return 0, 0, fmt.Errorf("%q is not a range of prices", s)
	}
	return lo, hi, nil
}

// checkPrices checks the minerals the rows name and that a form's year appears once per unit
// and edition (USGS gives some prices in two units: nickel per metric ton and per pound).
func checkPrices(l *linker) {
	type key struct {
		mineral, form, unit string
		year                int
		edition             Edition
	}
	seen := make(map[key]Pos)
	for _, p := range l.kb.Prices {
		if !l.mineral(p.Pos, p.Mineral) {
			continue
		}
		unique(l, seen, key{p.Mineral, p.Form, p.Unit, p.Year, p.Edition}, p.Pos, func() string { return fmt.Sprintf("%s %q in %s %d (%s)", p.Mineral, p.Form, p.Unit, p.Year, p.Edition) })
		l.edition(p.Edition)
	}
}
