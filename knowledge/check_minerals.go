package knowledge

import (
	"cmp"
	"slices"
)

// minerals/<id>.md: one record per mineral or group of minerals.

// checkMinerals checks the mineral records, indexes them with their names and symbols, and
// checks groups against their members.
func checkMinerals(l *linker) {
	kb, ps := l.kb, l.ps
	for _, m := range kb.Minerals {
		pos := Pos{m.File, 1}
		if m.broken {
			// Its problems are reported; keep its id known so that references to it do
			// not add a cascade of "unknown mineral" problems.
			kb.minerals[fileID(m.File)] = m
			continue
		}
		if !checkID(m.ID, m.File, ps) {
			continue
		}
		if _, dup := kb.minerals[m.ID]; dup {
			ps.at(pos, "duplicate mineral id %q", m.ID)
			continue
		}
		kb.minerals[m.ID] = m
		required(ps, pos, "name", m.Name)
		required(ps, pos, "name_es", m.NameES)
		if len(m.Uses) == 0 {
			ps.at(pos, "missing required field \"uses\"")
		}
		if m.Updated.IsZero() {
			ps.at(pos, "missing required field \"updated\"")
		}
		checkSummaries(ps, pos, m.Summary, m.SummaryES)
		if len(m.UsesES) != len(m.Uses) {
			ps.at(kb.at(m.File, "uses"), "uses_es has %d item(s) and uses %d: give each use in Spanish, in the same order", len(m.UsesES), len(m.Uses))
		}
		checkSources(m.Sources, pos, ps)
		ref := Ref{KindMineral, m.ID}
		for _, n := range append([]string{m.Name, m.NameES}, m.Aliases...) {
			l.claim(n, ref, pos)
		}
		if m.Symbol != "" {
			if prev, dup := kb.symbols[m.Symbol]; dup {
				ps.at(kb.at(m.File, "symbol"), "symbol %q is also the symbol of %s", m.Symbol, prev)
			} else {
				kb.symbols[m.Symbol] = m.ID
			}
		}
	}
	for _, m := range kb.Minerals {
		if !m.broken {
			checkGroup(l, m)
		}
	}
	slices.SortFunc(kb.Minerals, func(a, b *Mineral) int { return cmp.Compare(a.ID, b.ID) })
}

// checkGroup checks that a mineral's group lists it, and that its members name it.
func checkGroup(l *linker, m *Mineral) {
	kb, ps := l.kb, l.ps
	if m.Group != "" {
		g, ok := kb.minerals[m.Group]
		switch {
		case !ok:
			ps.at(kb.at(m.File, "group"), "group: unknown mineral %q", m.Group)
		case !slices.Contains(g.Members, m.ID):
			ps.at(kb.at(m.File, "group"), "group: %s does not list %s among its members", m.Group, m.ID)
		}
	}
	for _, id := range m.Members {
		mem, ok := kb.minerals[id]
		switch {
		case !ok:
			ps.at(kb.at(m.File, "members"), "members: unknown mineral %q", id)
		case mem.Group != m.ID:
			ps.at(kb.at(m.File, "members"), "members: %s does not name %s as its group", id, m.ID)
		}
	}
}

// checkMineralFigures reports a mineral with no country table that does not say why. It runs
// after the production table is indexed.
func checkMineralFigures(l *linker) {
	for _, m := range l.kb.Minerals {
		if !m.broken && len(l.kb.FiguresOf(m.ID)) == 0 && m.NoCountryTable == "" {
			l.ps.at(Pos{m.File, 1}, "no figures in %s for %s: add them, or say why in no_country_table", productionFile, m.ID)
		}
	}
}
