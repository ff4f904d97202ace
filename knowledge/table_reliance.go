package knowledge

import (
	"fmt"
	"io/fs"
)

// tables/import_reliance.csv: U.S. net import reliance by year, per edition.

func loadReliance(fsys fs.FS, kb *KB, ps *problems) {
	cols := []string{"mineral", "product", "year", "value", "estimated", "source_url", "edition"}
	for _, r := range readTable(fsys, relianceFile, cols, ps) {
		x := Reliance{Mineral: r.get("mineral"), Product: r.get("product"), Printed: r.get("value"), Pos: r.pos}
		src, ed, ok := r.citation(ps)
		x.Source, x.Edition = src, ed
		y, yok := r.yearIn("year", false, ed, ps)
		x.Year, ok = y, ok && yok
		x.Estimated = r.flag("estimated", ps)
		if x.Printed != "E" && x.Printed != "NA" {
			n, pok := r.percent("value", true, "a percentage, E (net exporter) or NA", ps)
			x.Percent, ok = n, ok && pok
		}
		if ok {
			kb.Reliance = append(kb.Reliance, x)
		}
	}
}

// checkReliance checks the minerals the rows name and that each year of a product appears
// once per edition.
func checkReliance(l *linker) {
	type key struct {
		mineral, product string
		year             int
		edition          Edition
	}
	seen := make(map[key]Pos)
	for _, r := range l.kb.Reliance {
		if !l.mineral(r.Pos, r.Mineral) {
			continue
		}
		k := key{r.Mineral, r.Product, r.Year, r.Edition}
		unique(l, seen, k, r.Pos, func() string { return fmt.Sprintf("%s %q %d (%s)", r.Mineral, r.Product, r.Year, r.Edition) })
		l.edition(r.Edition)
	}
}
