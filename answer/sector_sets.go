package answer

import (
	"strings"
	"sync"

	"github.com/mineralbot/mineralbot/knowledge"
)

// At 100,000 records a sector's uses run to tens of thousands of minerals: a sector answer
// names a few and counts the rest, and what it sets against another sector is looked up in
// sets made once per knowledge base, never rebuilt per question (a three-word search that
// named three sectors took 6.6 ms at the median there, in building maps and names).

// sectorIndex is what the sector answers derive from the knowledge base once: each sector's
// minerals as a set, and the minerals common to sectors asked together, made on first use.
type sectorIndex struct {
	sets   map[string]map[string]bool // sector label → mineral ids its records name
	common sync.Map                   // labels joined → commonSectors
}

// commonSectors are the minerals whose records name every one of some sectors: the first
// few, in the first sector's order, and how many in all.
type commonSectors struct {
	first []*knowledge.Mineral
	total int
}

func indexSectorSets(uses map[string][]sectorUse) *sectorIndex {
	x := &sectorIndex{sets: make(map[string]map[string]bool, len(uses))}
	for label, us := range uses {
		set := make(map[string]bool, len(us))
		for _, u := range us {
			set[u.m.ID] = true
		}
		x.sets[label] = set
	}
	return x
}

// commonTo returns the minerals whose records name every sector of ss: the first keep of
// them and how many.
func (e *snap) commonTo(ss []sector, keep int) commonSectors {
	labels := make([]string, len(ss))
	for i, s := range ss {
		labels[i] = s.label
	}
	key := strings.Join(labels, "\x00")
	if c, ok := e.sectorIdx.common.Load(key); ok && len(c.(commonSectors).first) >= min(keep, c.(commonSectors).total) {
		return c.(commonSectors)
	}
	var c commonSectors
	for _, u := range e.sectorUses[labels[0]] {
		in := true
		for _, l := range labels[1:] {
			if !e.sectorIdx.sets[l][u.m.ID] {
				in = false
				break
			}
		}
		if in {
			if c.total++; len(c.first) < keep {
				c.first = append(c.first, u.m)
			}
		}
	}
	e.sectorIdx.common.Store(key, c)
	return c
}

// namesOfUses are the lower-case names of the first maxSectorNamed+1 of a sector's uses that
// keep accepts (enough for namedOf), and how many it accepts in all: a caller names a few,
// counts the rest, and builds no name it does not show.
func (e *snap) namesOfUses(us []sectorUse, keep func(sectorUse) bool) (names []string, total int) {
	for _, u := range us {
		if !keep(u) {
			continue
		}
		if total++; len(names) <= maxSectorNamed {
			names = append(names, strings.ToLower(e.mineralName(u.m)))
		}
	}
	return names, total
}
