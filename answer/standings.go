package answer

import "github.com/mineralbot/mineralbot/knowledge"

// maxStandings is how many of a country's standings its full card lists.
const maxStandings = 40

// A standingsDigest is what a country card takes from the country's standings, worked out
// once per knowledge base: a country that appears in thousands of tables (at scale) is
// walked here, not on every question about it.
type standingsDigest struct {
	// shown are the standings the card lists, as indexes into the country's standings.
	shown []int
	// best is the first standing that counts for the headline, or -1 when none does.
	best int
	// leads are the minerals the country is first in (each once), and rest those it is
	// second or third in and does not lead: the first few of each, and how many in all.
	leads, rest   []int
	nLeads, nRest int
	// edition is the newest edition among all of them.
	edition knowledge.Edition
}

// The headline names at most this many minerals the country leads, and then this many
// others in its top three.
const headlineLeads, headlineRest = 4, 5

// countryDigests digests every country's standings, for all minerals and for the critical
// ones only.
func countryDigests(kb *knowledge.KB) map[string][2]*standingsDigest {
	out := make(map[string][2]*standingsDigest, len(kb.Countries))
	for _, c := range kb.Countries {
		st := kb.CountryStandings(c.ID)
		if len(st) == 0 {
			continue
		}
		out[c.ID] = [2]*standingsDigest{digestStandings(kb, st, false), digestStandings(kb, st, true)}
	}
	return out
}

func digestStandings(kb *knowledge.KB, st []knowledge.Standing, criticalOnly bool) *standingsDigest {
	d := &standingsDigest{best: -1}
	seen := map[string]bool{}
	for i, x := range st {
		m, ok := kb.Mineral(x.Mineral)
		if !ok || criticalOnly && !onList(kb, m, knowledge.USGS2025) {
			continue
		}
		if len(d.shown) < maxStandings {
			d.shown = append(d.shown, i)
		}
		if knowledge.IsCapacity(x.Ranking.Measure) {
			continue
		}
		if d.best < 0 {
			d.best = i
		}
		// A mineral counts once, where it first appears (its best table comes first).
		if x.Share.Rank > 3 || seen[m.ID] {
			continue
		}
		seen[m.ID] = true
		d.edition = max(d.edition, x.Ranking.Edition)
		if x.Share.Rank == 1 {
			if d.nLeads++; len(d.leads) < headlineLeads {
				d.leads = append(d.leads, i)
			}
		} else if d.nRest++; len(d.rest) < headlineRest {
			d.rest = append(d.rest, i)
		}
	}
	return d
}

// standings returns a country's digested standings.
func (e *snap) standings(country string, criticalOnly bool) *standingsDigest {
	d, ok := e.countryStandings[country]
	if !ok {
		return &standingsDigest{best: -1}
	}
	if criticalOnly {
		return d[1]
	}
	return d[0]
}
