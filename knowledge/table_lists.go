package knowledge

import (
	"io/fs"
	"slices"
)

// tables/lists.csv: membership of the critical-minerals lists.

func loadLists(fsys fs.FS, kb *KB, ps *problems) {
	cols := []string{"list", "item", "mineral", "source_url", "edition"}
	for _, r := range readTable(fsys, listsFile, cols, ps) {
		e := ListEntry{List: List(r.get("list")), Item: r.get("item"), Mineral: r.get("mineral"), Pos: r.pos}
		src, ok := r.source(ps)
		e.Source = src
		if !slices.Contains(Lists, e.List) {
			ps.at(r.pos, "unknown list %q (known: %s)", e.List, joinLists())
			ok = false
		}
		if e.Item == "" {
			ps.at(r.pos, "item is required")
			ok = false
		}
		if ok {
			kb.ListEntries = append(kb.ListEntries, e)
		}
	}
}

// checkLists joins each list entry to its mineral record. An entry of a U.S. list must name
// one; other lists may name items the knowledge base has no record for.
func checkLists(l *linker) {
	kb, ps := l.kb, l.ps
	for _, e := range kb.ListEntries {
		if e.Mineral == "" {
			if e.List == USGS2025 || e.List == USGS2022 {
				ps.at(e.Pos, "%s entry %q resolves to no mineral record", e.List, e.Item)
			}
			continue
		}
		m, ok := kb.minerals[e.Mineral]
		if !ok {
			ps.at(e.Pos, "%s entry %q names unknown mineral %q", e.List, e.Item, e.Mineral)
			continue
		}
		if !m.On(e.List) {
			m.Lists = append(m.Lists, e)
		}
	}
}
