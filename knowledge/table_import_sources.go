package knowledge

import (
	"fmt"
	"io/fs"
)

// tables/import_sources.csv: each country's share of U.S. imports of a mineral product over
// a period, per edition.

func loadImportSources(fsys fs.FS, kb *KB, ps *problems) {
	cols := []string{"mineral", "product", "country", "share_pct", "period", "source_url", "edition"}
	for _, r := range readTable(fsys, importSourcesFile, cols, ps) {
		x := ImportSource{Mineral: r.get("mineral"), Product: r.get("product"), Country: r.get("country"),
			Printed: r.get("share_pct"), Period: r.get("period"), Pos: r.pos}
		src, ed, ok := r.citation(ps)
		x.Source, x.Edition = src, ed
		n, pok := r.percent("share_pct", true, "a percentage", ps)
		x.Percent, ok = n, ok && pok
		if ok {
			kb.ImportSources = append(kb.ImportSources, x)
		}
	}
}

// checkImportSources checks the minerals and countries the rows name, and that a country
// appears once in a product's list of an edition.
func checkImportSources(l *linker) {
	type key struct {
		mineral, product, country string
		edition                   Edition
	}
	seen := make(map[key]Pos)
	for _, s := range l.kb.ImportSources {
		okM := l.mineral(s.Pos, s.Mineral)
		okC := l.country(s.Pos, s.Country)
		if !okM || !okC {
			continue
		}
		k := key{s.Mineral, s.Product, s.Country, s.Edition}
		unique(l, seen, k, s.Pos, func() string { return fmt.Sprintf("%s %q %s (%s)", s.Mineral, s.Product, s.Country, s.Edition) })
		l.edition(s.Edition)
	}
}
