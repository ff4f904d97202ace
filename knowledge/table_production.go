package knowledge

import (
	"fmt"
	"io/fs"
)

// tables/production.csv: production, reserves and capacity by country, one row per figure
// and edition.

// productionCols are production.csv's columns, in order.
var productionCols = []string{"mineral", "country", "measure", "year", "value", "estimated", "unit", "form", "secondary", "source_url", "edition", "note"}

func loadProduction(fsys fs.FS, kb *KB, ps *problems) {
	for _, r := range readTable(fsys, productionFile, productionCols, ps) {
		f := Figure{Mineral: r.get("mineral"), Country: r.get("country"), Measure: r.get("measure"),
			Unit: r.get("unit"), Form: r.get("form"), Note: r.get("note"), Pos: r.pos}
		src, ed, ok := r.citation(ps)
		f.Source, f.Edition = src, ed
		y, yok := r.yearIn("year", true, ed, ps)
		f.Year, ok = y, ok && yok
		f.Estimated = r.flag("estimated", ps)
		f.Secondary = r.flag("secondary", ps)
		switch v := r.get("value"); v {
		case "NA":
			f.Status = NotAvailable
		case "W":
			f.Status = Withheld
		case "large":
			f.Status = Large
		case "small":
			f.Status = Small
		case "":
			ps.at(r.pos, "value is required (a number, NA, W, large or small)")
			ok = false
		default:
			n, rel, err := parseNumber(v)
			if err != nil || rel == "<" {
				ps.at(r.pos, "value: %q is not a number, NA, W, large, small or >N", v)
				ok = false
			}
			f.Value, f.AtLeast = n, rel == ">"
		}
		if f.Measure == "" {
			ps.at(r.pos, "measure is required")
			ok = false
		}
		if f.Unit == "" {
			ps.at(r.pos, "unit is required")
			ok = false
		}
		if ok {
			kb.Production = append(kb.Production, f)
		} else {
			kb.incomplete(f.Mineral, f.Measure)
		}
	}
}

// incomplete notes that a row of a mineral's measure was left out for its problems: the
// columns of that measure are not added up, so that one problem does not cascade into a
// wrong sum.
func (kb *KB) incomplete(mineral, measure string) {
	if kb.partial == nil {
		kb.partial = make(map[[2]string]bool)
	}
	kb.partial[[2]string{mineral, measure}] = true
}

// checkProduction checks the minerals and countries the rows name and that each figure
// appears once per edition, indexes the figures by mineral, and checks each table's units and
// sums.
func checkProduction(l *linker) {
	kb := l.kb
	seen := make(map[figureKey]Pos, len(kb.Production))
	valid := make([]bool, len(kb.Production))
	count := make(map[string]int) // valid figures per mineral
	var minerals []string         // in order of first appearance
	for i, f := range kb.Production {
		if !l.mineral(f.Pos, f.Mineral) || !l.country(f.Pos, f.Country) {
			kb.incomplete(f.Mineral, f.Measure)
			continue
		}
		key := figureKey{f.Mineral, f.Country, f.Measure, f.Year, f.Edition}
		if !unique(l, seen, key, f.Pos, func() string { return key.String() }) {
			kb.incomplete(f.Mineral, f.Measure)
			continue
		}
		l.edition(f.Edition)
		valid[i] = true
		if count[f.Mineral] == 0 {
			minerals = append(minerals, f.Mineral)
		}
		count[f.Mineral]++
	}
	// The valid figures are kept once, grouped by mineral (in file order within each), and
	// each mineral's figures are its run of them: at 100,000 records a second copy per
	// mineral was ~90 MB.
	next := make(map[string]int, len(minerals))
	total := 0
	for _, m := range minerals {
		next[m] = total
		total += count[m]
	}
	kept := make([]Figure, total)
	for i, f := range kb.Production {
		if valid[i] {
			kept[next[f.Mineral]] = f
			next[f.Mineral]++
		}
	}
	for _, m := range minerals {
		end := next[m]
		kb.figures[m] = kept[end-count[m] : end : end]
	}
	kb.Production = kept
	for _, t := range countryTables(kept) {
		checkUnits(l, t)
		if !kb.partial[[2]string{t.mineral, t.measure}] {
			checkSum(l, t)
		}
	}
	kb.partial = nil
}

// figureKey names one figure: the same key may appear once per edition.
type figureKey struct {
	mineral, country, measure string
	year                      int
	edition                   Edition
}

func (k figureKey) String() string {
	return fmt.Sprintf("%s %s %s %s (%s)", k.mineral, k.country, k.measure, itoa(k.year), k.edition)
}

// countryTable is one column of a USGS country table: the figures of one mineral, measure
// and year (none for reserves) in one edition, in file order.
type countryTable struct {
	mineral, measure string
	year             int
	edition          Edition
	rows             []Figure
}

// countryTables groups figures into the columns of their country tables, in file order.
func countryTables(figs []Figure) []*countryTable {
	type key struct {
		mineral, measure string
		year             int
		edition          Edition
	}
	index := make(map[key]*countryTable)
	var out []*countryTable
	for _, f := range figs {
		k := key{f.Mineral, f.Measure, f.Year, f.Edition}
		t, ok := index[k]
		if !ok {
			t = &countryTable{mineral: f.Mineral, measure: f.Measure, year: f.Year, edition: f.Edition}
			index[k] = t
			out = append(out, t)
		}
		t.rows = append(t.rows, f)
	}
	return out
}

// checkUnits reports a row whose unit differs from the first row of its column: the figures
// of one column must be comparable, or shares and sums mean nothing.
func checkUnits(l *linker, t *countryTable) {
	first := t.rows[0]
	for _, f := range t.rows[1:] {
		if f.Unit != first.Unit {
			l.ps.at(f.Pos, "unit %q differs from %q at line %d: one table column has one unit", f.Unit, first.Unit, first.Pos.Line)
		}
	}
}
