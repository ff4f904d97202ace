package answer

import (
	"cmp"
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// A sector is a kind of product that a question narrows minerals to: "which battery minerals
// is the US most import-reliant on?". The minerals of a sector are those whose records list
// a use naming it (see sectorMinerals); the words that ask for it are the question's.
type sector struct {
	label string   // what the answer calls it: "batteries"
	words []string // question words, accent-folded, that ask for it
	stems []string // what a use in a mineral record says when it is one of the sector's
}

var sectors = []sector{
	{"batteries", []string{"battery", "batteries", "bateria", "baterias"}, []string{"batter"}},
	{"semiconductors", []string{"semiconductor", "semiconductors", "chip", "chips", "chipmaking", "semiconductores",
		"microchip", "microchips", "chipmaker", "chipmakers", "microelectronics", "wafer", "wafers"}, []string{"semicond", "chips"}},
	{"magnets", []string{"magnet", "magnets", "iman", "imanes"}, []string{"magnets"}}, // not "magnetic resonance"
	{"defense", []string{"defense", "defence", "military", "defensa", "militar", "militares", "weapon", "weapons", "missile", "missiles",
		"munitions", "ammunition", "armaments", "armas"}, []string{"defen", "military", "weapon", "armour", "armor", "ammunition"}},
	{"solar cells", []string{"solar", "solares", "photovoltaic", "photovoltaics", "fotovoltaica", "fotovoltaicas", "fotovoltaicos", "pv"}, []string{"solar", "photovoltaic"}},
	// After batteries and magnets: "EV batteries" asks for batteries, "wind turbine magnets"
	// for magnets (views_used_in.go).
	{"electric vehicles", []string{"ev", "evs", "electric", "electricos", "electrico"}, []string{"electric vehicle", "electric-vehicle", "electric transport", "hybrid car"}},
	{"wind turbines", []string{"wind", "eolica", "eolicas", "eolico", "eolicos", "aerogenerador", "aerogeneradores"}, []string{"wind turbine", "wind-turbine"}},
	// "Planes" is left out: in Spanish it is plans.
	{"aerospace", []string{"aerospace", "aircraft", "airplane", "airplanes", "jet", "jets", "aviation", "airliners", "aeroespacial",
		"aviones", "aeronaves", "aviacion", "aeronautica"}, []string{"aircraft", "aerospace", "jet engine", "jet-engine", "gas turbine", "gas-turbine", "airframe"}},
	// Helper T: steel, nuclear reactors, fiber optics, fertilizers, catalysts and superalloys,
	// each as the records' uses name it.
	{"steel", []string{"steel", "steels", "steelmaking", "steelmakers", "stainless", "acero", "aceros", "siderurgia"}, []string{"steel"}},
	{"nuclear reactors", []string{"nuclear", "reactor", "reactors", "reactores", "nucleares"}, []string{"nuclear", "reactor"}},
	{"fiber optics", []string{"fiber", "fibre", "fiberoptic", "fibreoptic", "telecom", "telecoms", "telecommunications", "fibra",
		"telecomunicaciones"}, []string{"optical fiber", "fiber-optic", "fibre-optic", "fiber amplifier", "optical telecom"}},
	{"fertilizers", []string{"fertilizer", "fertilizers", "fertiliser", "fertilisers", "fertilizante", "fertilizantes"}, []string{"fertiliz"}},
	{"catalysts", []string{"catalyst", "catalysts", "catalytic", "catalizador", "catalizadores"}, []string{"catalys", "catalytic"}},
	{"superalloys", []string{"superalloy", "superalloys", "superaleacion", "superaleaciones"}, []string{"superalloy"}},
	// Last: "computer chips" asks for semiconductors. A phone is electronics; the answer says
	// electronics.
	{"electronics", []string{"electronics", "electronic", "electronica", "electronicos", "phone", "phones", "smartphone", "smartphones",
		"cellphones", "laptops", "computers", "computer", "celular", "celulares", "telefonos", "computadoras"}, []string{"electronic"}},
}

// sectorAsked is the sector a question's words ask for, if any.
func sectorAsked(q Query) (sector, bool) {
	for _, s := range sectors {
		if slices.ContainsFunc(q.Terms, func(w string) bool { return slices.Contains(s.words, w) }) {
			return s, true
		}
	}
	return sectorMisspelt(q) // "bateries", or "EV", too short for Terms (views_used_in.go)
}

// indexSectors maps each sector's label to the ids of the minerals whose uses name it, in
// the knowledge base's order: derived once per knowledge base (see served).
func indexSectors(kb *knowledge.KB) map[string][]string {
	out := make(map[string][]string, len(sectors))
	for _, s := range sectors {
		for _, m := range kb.Minerals {
			if slices.ContainsFunc(m.Uses, func(u string) bool { return namesSector(s, u) }) {
				out[s.label] = append(out[s.label], m.ID)
			}
		}
	}
	return out
}

// sectorReliance is the U.S. net import reliance ranking narrowed to a sector's minerals:
// "which battery minerals is the US most import-reliant on?". The headline names the most
// reliant (up to five, and every one at 100%), each with its figure, year and edition.
func (e *snap) sectorReliance(s sector) *Answer {
	label := e.t(s.label)
	a := &Answer{Intent: IntentRelianceRanking, Title: e.f("U.S. net import reliance for minerals used in %s", label)}
	rows := e.sectorRelianceRows(s)
	if len(rows) == 0 {
		a.Headline = e.f("The USGS tables in this knowledge base give no U.S. net import reliance for the minerals used in %s.", label)
		return a
	}
	items := e.relianceItems(rows)
	a.Headline = e.f("Of the minerals whose records list a use in %s, the U.S. relied most on net imports for %s.", label, e.byVintage(items, len(items)))
	sec := e.relianceSection(a, rows)
	sec.Note = sentences(sec.Note, e.f("Minerals counted: those whose uses, as the knowledge base records them, name %s.", label))
	a.Sections = append(a.Sections, sec)
	return a
}

// sectorRelianceKey keys a sector's reliance rows in e.derived.
type sectorRelianceKey string

// sectorRelianceRows are the reliance rows of a sector's minerals, found once per load: at
// 100,000 records a sector has thousands of minerals.
func (e *snap) sectorRelianceRows(s sector) []relianceRow {
	if x, ok := e.derived.Load(sectorRelianceKey(s.label)); ok {
		return x.([]relianceRow)
	}
	var ms []*knowledge.Mineral // in the knowledge base's order, which breaks ties
	for _, id := range e.sectors[s.label] {
		if m, ok := e.kb.Mineral(id); ok {
			ms = append(ms, m)
		}
	}
	rows := e.relianceRows(ms)
	e.derived.Store(sectorRelianceKey(s.label), rows)
	return rows
}

// sectorImportsFrom is what the U.S. imports from a country of a sector's minerals: "US
// reliance on China for battery minerals". Each share names its period and edition; where
// the country is the largest source, the answer says so.
func (e *snap) sectorImportsFrom(country string, s sector) *Answer {
	label := e.t(s.label)
	a := e.importsFrom(country)
	in := e.sectorIdx.sets[s.label]
	items, facts, total := e.importsOfGroup(country, func(m *knowledge.Mineral) bool { return in[m.ID] })
	if total == 0 {
		a.Headline = e.f("%s is not among the U.S. import sources the USGS chapters in this knowledge base list for the minerals whose records list a use in %s.", e.countrySubject(country), label)
		return a
	}
	a.Title = e.f("U.S. imports from %s of minerals used in %s", e.countryName(country), label)
	a.Headline = e.f("Of the minerals whose records list a use in %s, %s supplied U.S. imports of %s: %s.", label, e.countryAfterIn(country), itoa(total), e.byVintage(items, total))
	a.Sections = append([]Section{{Heading: e.t("Share of U.S. imports"), Facts: facts}}, a.Sections...)
	return a
}

// maxSectorStandings is how many of a sector's minerals a country's headline names.
const maxSectorStandings = 6

// sectorStandings is where a country ranks in world production of a sector's minerals:
// "which battery minerals does China dominate?". Its first place first, then by share.
func (e *snap) sectorStandings(country string, st []knowledge.Standing, s sector) string {
	label := e.t(s.label)
	in, seen := e.sectorIdx.sets[s.label], map[string]bool{}
	var picked []knowledge.Standing
	for _, x := range st {
		if !in[x.Mineral] || seen[x.Mineral] {
			continue
		}
		seen[x.Mineral] = true
		picked = append(picked, x)
	}
	if len(picked) == 0 {
		return e.f("%s is not listed as a producer of any of the minerals whose records list a use in %s.", e.countrySubject(country), label)
	}
	slices.SortStableFunc(picked, func(a, b knowledge.Standing) int { return cmp.Compare(a.Share.Rank, b.Share.Rank) })
	var items []vintaged
	for _, x := range picked[:min(len(picked), maxSectorStandings)] {
		name := x.Mineral
		if m, ok := e.kb.Mineral(x.Mineral); ok {
			name = strings.ToLower(e.mineralName(m))
		}
		v := e.f("#%s in %s", itoa(x.Share.Rank), name)
		if x.Share.Share >= 0 {
			v += " (" + percent(x.Share.Share) + ")"
		}
		items = append(items, vintaged{v, yearLabel(x.Ranking.Year, x.Share.Estimated), x.Ranking.Edition})
	}
	return e.f("In world production of the minerals whose records list a use in %s, %s ranks %s.", label, e.countryAfterIn(country), e.byVintage(items, len(picked)))
}
