package answer

import (
	"cmp"
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Which minerals a sector uses, and whether a mineral is used in one: "which minerals are
// used in batteries?", "¿qué minerales necesitan los semiconductores?", "which battery
// minerals are on the US list?", "is graphite used in batteries?". The records' uses answer,
// read as views_sector.go reads them: a mineral is a sector's when a use its record lists
// names the sector. The answers say so, and what each record lists.

// sectorUse is one of a sector's minerals: the first of its record's uses that names the
// sector, and whether the mineral is on the USGS 2025 critical minerals list.
type sectorUse struct {
	m        *knowledge.Mineral
	use      int // index in m.Uses (and m.UsesES, which follows it)
	critical bool
}

// namesSector reports whether a use, as a mineral record lists it, names the sector.
func namesSector(s sector, use string) bool {
	use = strings.ToLower(use)
	return slices.ContainsFunc(s.stems, func(st string) bool { return strings.Contains(use, st) })
}

// indexSectorUses maps each sector's label to its minerals, most relevant first: those whose
// record lists the sector's use first among its uses, then those on the USGS 2025 list, then
// by how early the record lists it. Derived once per knowledge base (see served).
func indexSectorUses(kb *knowledge.KB) map[string][]sectorUse {
	out := make(map[string][]sectorUse, len(sectors))
	for _, s := range sectors {
		var us []sectorUse
		for _, m := range kb.Minerals {
			if i := slices.IndexFunc(m.Uses, func(u string) bool { return namesSector(s, u) }); i >= 0 {
				us = append(us, sectorUse{m, i, onList(kb, m, knowledge.USGS2025)})
			}
		}
		slices.SortStableFunc(us, func(a, b sectorUse) int {
			return cmp.Or(cmpTrueFirst(a.use == 0, b.use == 0), cmpTrueFirst(a.critical, b.critical), cmp.Compare(a.use, b.use))
		})
		out[s.label] = us
	}
	return out
}

// cmpTrueFirst orders true before false.
func cmpTrueFirst(a, b bool) int {
	switch {
	case a == b:
		return 0
	case a:
		return -1
	}
	return 1
}

// sectorMisspelt is the sector a question asks for by a word Terms leave out or misspell:
// "EV" (two letters), "bateries", "semiconducters". Only long words are read as misspelt, one
// edit away from a sector's word and with its first and last letters: "imanes" is not
// "images", nor "materias" "baterias", nor "electrica" "electrico".
func sectorMisspelt(q Query) (sector, bool) {
	for _, s := range sectors {
		for _, r := range q.Rest {
			if slices.ContainsFunc(strings.Fields(r), func(w string) bool { return slices.Contains(s.words, w) }) {
				return s, true
			}
		}
	}
	for _, w := range q.Terms {
		if len(w) < minMisspeltSector || sectorQuestionWords[w] || notMisspeltSector[w] {
			continue
		}
		for _, s := range sectors {
			for _, sw := range s.words {
				if len(sw) >= minMisspeltSector && sw[0] == w[0] && sw[len(sw)-1] == w[len(w)-1] && editDistance(w, sw, 1) <= 1 {
					return s, true
				}
			}
		}
	}
	return sector{}, false
}

// minMisspeltSector is the shortest word read as a sector's word misspelt.
const minMisspeltSector = 7

// notMisspeltSector are words of the records one edit from a sector's word: lithium's
// "salares" are salt flats, not "solares"; "redes eléctricas" are grids, not vehicles.
var notMisspeltSector = set("salares", "sonares", "electricas")

// maxSectorNamed is how many of a sector's minerals a headline names; maxSectorCard how many
// its card lists, and maxSectorLinks how many it links.
const (
	maxSectorNamed = 10
	maxSectorCard  = 25
	maxSectorLinks = 8
)

// namedMost names the first maxSectorNamed of names, and how many more: "a, b, … and 12
// more"; one more is named rather than counted.
func (e *snap) namedMost(names []string) string {
	return e.namedOf(names, len(names))
}

// namedOf is namedMost of total names, of which names holds the first (at least
// maxSectorNamed+1 of them, or all).
func (e *snap) namedOf(names []string, total int) string {
	if total <= maxSectorNamed+1 {
		return e.and(names)
	}
	return e.andMore(names[:maxSectorNamed], total)
}

// relatedSectors are sectors whose products are made with another's: an electric vehicle
// runs on batteries, a wind turbine's generator on magnets. A card about the first lists the
// second's minerals too, apart, since those records do not name the first.
var relatedSectors = map[string]string{"electric vehicles": "batteries", "wind turbines": "magnets"}

// sectorQuestionWords are the words, besides a sector's own, of a question about which
// minerals a sector uses: "which minerals are needed for magnets?", "¿qué minerales lleva un
// celular?". A question with another ("EV tax credit", "defense department funding",
// "battery recycling") is about something else.
var sectorQuestionWords = set("use", "uses", "used", "using", "usage", "need", "needs", "needed", "require", "requires", "required",
	"requirement", "requirements", "go", "goes", "going", "gone", "into", "make", "makes", "made", "making", "build", "builds", "built",
	"manufacture", "manufacturing", "contain", "contains", "key", "main", "important", "essential", "critical", "list", "listed",
	"application", "applications", "industry", "industries", "sector", "sectors", "technology", "technologies", "materials",
	"material", "metals", "metal", "raw", "elements", "inputs", "input", "components", "component", "panel", "panels", "cell",
	"cells", "turbine", "turbines", "vehicle", "vehicles", "car", "cars", "engine", "engines", "motor", "motors", "grade",
	"types", "kinds", "kind", "type", "all", "every", "about", "and", "does", "inside", "typical", "modern", "has", "have",
	"usa", "usan", "usado", "usados", "usada", "usadas", "uso", "usos", "utiliza", "utilizan", "necesita", "necesitan",
	"necesario", "necesarios", "requiere", "requieren", "lleva", "llevan", "contiene", "contienen", "van", "fabricar",
	"fabricacion", "hacer", "industria", "industrias", "clave", "criticos", "critico", "criticas", "lista", "aplicaciones",
	"materiales", "materias", "primas", "metales", "elementos", "paneles", "celdas", "celulas", "turbinas", "vehiculos", "coches",
	"autos", "carros", "motores", "sirven", "sirve", "tipos", "todos", "cuales", "celular", "telefono", "computadora", "tiene",
	"tienen", "ion", "iones", "besides", "except", "excluding", "apart", "aside", "other", "others", "ademas", "aparte", "excepto",
	"salvo", "otros",
	// Helper T: "permanent magnets", "EU strategic list", "nuclear power", "steel alloying", "fiber optics".
	"permanent", "strategic", "estrategicos", "estrategicas", "power", "energy", "plants", "plant", "alloying", "alloys", "optic",
	"optics", "optical", "cables", "networks", "converter", "converters")

// ionWords, after "lithium", name lithium-ion batteries.
var ionWords = set("ion", "iones")

// needWords ask what is used or needed, not what is produced.
var needWords = set("use", "uses", "used", "need", "needs", "needed", "require", "requires", "required", "usa", "usan", "necesita",
	"necesitan", "requiere", "requieren", "utiliza", "utilizan")

// onlySectorWords reports whether every word of a question that named nothing is a
// sector's ("magnets for wind turbines" asks for magnets), or one of sectorQuestionWords, or
// one of those misspelt ("usd", "whcih"). A short word Terms leave out but Rest keeps names
// something else ("MP Materials magnets"), unless it is a sector's ("EV").
func onlySectorWords(q Query) bool {
	for _, r := range q.Rest {
		for _, w := range strings.Fields(r) {
			if len(w) <= 2 && !slices.ContainsFunc(sectors, func(s sector) bool { return slices.Contains(s.words, w) }) {
				return false
			}
		}
	}
	for _, w := range q.Terms {
		if sectorQuestionWords[w] || slices.ContainsFunc(sectors, func(s sector) bool { return slices.Contains(s.words, w) }) {
			continue
		}
		if s, ok := sectorMisspelt(Query{Terms: []string{w}}); ok && s.label != "" {
			continue // "bateries"
		}
		if len(w) >= 3 && len(w) <= 6 && slices.ContainsFunc(misspeltFillers, func(f string) bool { return editDistance(w, f, 1) <= 1 }) {
			continue // "usd", "whcih", "wich"
		}
		return false
	}
	return true
}

// misspeltFillers are question words often misspelt in chat, which Terms keep misspelt.
var misspeltFillers = []string{"used", "which", "what", "needed", "usan"}

// sectorView answers a question about what a sector uses, or nil for another view: the
// sector's minerals ("which minerals are used in batteries?"), those on a list ("which battery
// minerals are on the US list?"), or whether one mineral's record names the sector ("is
// graphite used in batteries?").
func (e *snap) sectorView(q Query) *Answer {
	if q.Refusal != "" || len(q.Policies) > 0 || q.UseShare || q.Year != 0 || q.FromYear != 0 || q.Month != 0 || q.Timeline != "" ||
		q.Compare || q.ListSet != "" || q.Leaders != "" || q.Importer != "" || q.Both {
		return nil
	}
	s, ok := sectorAsked(q)
	if !ok || !onlySectorWords(q) {
		return nil
	}
	if s.label == "batteries" && hasAny(q.Terms, ionWords) && slices.Contains(q.Minerals, "lithium") {
		// "lithium-ion batteries", "baterías de iones de litio" name a kind of battery, not
		// lithium.
		q.Minerals = slices.DeleteFunc(slices.Clone(q.Minerals), func(id string) bool { return id == "lithium" })
	}
	onlyUS := !slices.ContainsFunc(q.Countries, func(c string) bool { return c != "united-states" })
	if ss := sectorsAsked(q); len(ss) >= 2 && len(q.Minerals) == 0 && (q.Measure == MeasureOverview || q.Measure == MeasureUses) &&
		(len(q.Countries) == 0 || onlyUS && (hasAny(q.Terms, needWords) || q.Need)) {
		return e.sectorsMinerals(ss) // "which minerals are used in batteries and magnets?" (views_sectors_two.go)
	}
	switch {
	case len(q.Minerals) > 0 && q.WhichMinerals && !q.YesNo && onlyUS && (q.Measure == MeasureUses || q.Measure == MeasureOverview):
		// "what minerals besides lithium go into batteries?": the others.
		if m, ok := e.kb.Mineral(q.Minerals[0]); ok && len(q.Minerals) == 1 && len(m.Members) > 0 {
			if a := e.sectorGroup(m, s); a != nil {
				return a // "which minerals of the rare earths are used in magnets?"
			}
		}
		return e.sectorMinerals(s, q.Minerals...)
	case len(q.Minerals) == 1 && onlyUS && (q.Measure == MeasureUses || q.Measure == MeasureOverview && q.YesNo):
		m, ok := e.kb.Mineral(q.Minerals[0])
		if !ok {
			return nil
		}
		if len(m.Members) > 0 && !q.YesNo {
			// "which rare earths are used in magnets?": the group's members that are.
			if a := e.sectorGroup(m, s); a != nil {
				return a
			}
		}
		return e.usedIn(m, s, q)
	case len(q.Minerals) > 0:
		return nil
	case q.Measure == MeasureLists && onlyUS:
		l := knowledge.USGS2025
		if len(q.Lists) > 0 {
			l = q.Lists[0]
		}
		return e.sectorOnList(s, l, q.Polarity == Negated)
	case (q.Measure == MeasureOverview || q.Measure == MeasureUses) && (len(q.Countries) == 0 || onlyUS && (hasAny(q.Terms, needWords) || q.Need)):
		// "which minerals does the US need for batteries?" is the same question; "battery
		// minerals in the US" asks what it produces (sectorStandings).
		return e.sectorMinerals(s)
	}
	return nil
}

// sectorMinerals is a sector's minerals: how many records name it, those that list it first
// among their uses, the rest, and how many are on the USGS 2025 list; the card lists each with
// the use its record names and its top producer. The minerals besides are left out ("what
// minerals besides lithium go into batteries?"), and the headline says so.
func (e *snap) sectorMinerals(s sector, besides ...string) *Answer {
	label := e.t(s.label)
	us := e.sectorUses[s.label]
	var left []string
	if len(besides) > 0 {
		us = slices.DeleteFunc(slices.Clone(us), func(u sectorUse) bool { return slices.Contains(besides, u.m.ID) })
		for _, id := range besides {
			if m, ok := e.kb.Mineral(id); ok {
				left = append(left, e.ofName(strings.ToLower(e.mineralName(m))))
			}
		}
	}
	a := &Answer{Intent: IntentUses, Title: e.f("Minerals used in %s", label)}
	if len(us) == 0 {
		a.Headline = e.f("No mineral record in the knowledge base lists a use in %s.", label)
		return a
	}
	var first, rest []string
	for _, u := range us[:min(len(us), maxSectorNamed)] {
		if u.use == 0 {
			first = append(first, e.subject(u.m))
		} else {
			rest = append(rest, e.subject(u.m))
		}
	}
	// Helper T: every one named lists it first ("steel"): the names alone, the rest counted.
	plain := len(first) == 0 || len(rest) == 0
	if len(us) > maxSectorNamed {
		rest = append(rest, e.f("%s more", itoa(len(us)-maxSectorNamed)))
	}
	var head string
	switch {
	case len(us) == 1:
		head = e.f("One mineral's record lists a use in %s: %s.", label, strings.ToLower(e.mineralName(us[0].m)))
	case plain:
		head = e.f("The records of %s minerals list a use in %s: %s.", itoa(len(us)), label, e.and(append(first, rest...)))
	case len(first) == 1:
		head = e.f("The records of %s minerals list a use in %s; %s lists it first among its uses, and the others are %s.", itoa(len(us)), label, first[0], e.and(rest))
	default:
		head = e.f("The records of %s minerals list a use in %s; %s list it first among their uses, and the others are %s.", itoa(len(us)), label, e.and(first), e.and(rest))
	}
	crit := 0
	for _, u := range us {
		if u.critical {
			crit++
		}
	}
	l := e.listName(knowledge.USGS2025)
	switch {
	case len(us) == 1 && crit == 1:
		head = sentences(head, e.f("It is on the %s.", l))
	case crit == len(us):
		head = sentences(head, e.f("All of them are on the %s.", l))
	case crit == 1:
		head = sentences(head, e.f("One of them is on the %s.", l))
	case crit > 0:
		head = sentences(head, e.f("%s of them are on the %s.", itoa(crit), l))
	}
	if len(left) > 0 {
		head = e.f("Besides %s, %s", e.and(left), lowerFirst(head))
	}
	a.Headline = head
	e.sectorSections(a, s, us)
	return a
}

// sectorSections adds a sector's minerals to a card, each with the use its record names and
// its top producer, and a related sector's other minerals.
func (e *snap) sectorSections(a *Answer, s sector, us []sectorUse) {
	label := e.t(s.label)
	sec := Section{Heading: e.f("Minerals whose records list a use in %s", label)}
	var off []string
	offCount := 0
	for i, u := range us {
		// The card lists the first maxSectorCard, and links the first few: a knowledge base
		// of 10,000 records named thousands, each a fact and a link.
		if i < maxSectorCard {
			sec.Facts = append(sec.Facts, Fact{Label: e.mineralName(u.m), Value: e.sectorFact(u, a)})
		}
		if i < maxSectorLinks {
			a.Related = appendLink(a.Related, Link{Ref: e.mineralRef(u.m), Title: e.mineralName(u.m)})
		}
		if !u.critical {
			if offCount++; len(off) <= maxSectorNamed {
				off = append(off, strings.ToLower(e.mineralName(u.m))) // the rest only counted
			}
		}
	}

	sec.Note = e.f("Derived from the uses each mineral's record lists: a mineral whose record does not name %s is not counted, even if some of it has that use.", label)
	if len(us) > maxSectorCard {
		sec.Note = sentences(e.f("…and %s more", itoa(len(us)-maxSectorCard))+".", sec.Note)
	}
	a.Sections = append(a.Sections, sec)
	if len(off) > 0 {
		a.Sections = append(a.Sections, Section{Heading: e.f("Not on the %s", e.listName(knowledge.USGS2025)), Text: capitalize(e.namedOf(off, offCount)) + "."})
	}
	if rel, ok := relatedSectors[s.label]; ok {
		in := e.sectorIdx.sets[s.label]
		names, total := e.namesOfUses(e.sectorUses[rel], func(u sectorUse) bool { return !in[u.m.ID] })
		if total > 0 {
			note := e.t("Electric vehicles run on batteries; these records name batteries, not vehicles.")
			if rel == "magnets" {
				note = e.t("Wind turbines' generators use permanent magnets; these records name magnets, not turbines.")
			}
			a.Sections = append(a.Sections, Section{Heading: e.f("Minerals whose records list a use in %s", e.t(rel)), Text: capitalize(e.namedOf(names, total)) + ".", Note: note})
		}
	}
}

// sectorFact is what a sector's card says of one of its minerals: the use its record names,
// and the top producer with its share, year and edition.
func (e *snap) sectorFact(u sectorUse, a *Answer) string {
	v := e.useText(u.m, u.use)
	if r, ok := e.kb.PrimaryRanking(u.m.ID); ok && len(r.Rows) > 0 {
		top := r.Rows[0]
		p := e.countryName(top.Country)
		if top.Share >= 0 {
			p += ", " + percent(top.Share)
		}
		if g, ok := e.kb.Mineral(r.Mineral); ok && r.Mineral != u.m.ID {
			// Lanthanum's figures are the rare-earth elements' table.
			v += " — " + e.f("top producer of %s: %s (%s, %s)", e.ofName(strings.ToLower(e.mineralName(g))), p, yearLabel(r.Year, top.Estimated), source(r.Edition))
		} else {
			v += " — " + e.f("top producer: %s (%s, %s)", p, yearLabel(r.Year, top.Estimated), source(r.Edition))
		}
		a.Sources = appendSource(a.Sources, r.Source)
	}
	return v
}

// useText is a mineral record's use i, in the answer's language.
func (e *snap) useText(m *knowledge.Mineral, i int) string {
	if uses := e.uses(m); i < len(uses) {
		return uses[i]
	}
	return m.Uses[i]
}

// sectorOnList is which of a sector's minerals are on a list: "which battery minerals are on
// the US list?", "what critical minerals are needed for magnets?".
func (e *snap) sectorOnList(s sector, l knowledge.List, notOn bool) *Answer {
	label := e.t(s.label)
	us := e.sectorUses[s.label]
	a := e.sectorMinerals(s)
	if len(us) == 0 {
		return a
	}
	a.Intent = IntentLists
	a.Title = e.f("Minerals used in %s on the %s", label, e.listName(l))
	// Named up to what a headline shows, counted in full.
	on, nOn := e.namesOfUses(us, func(u sectorUse) bool { return onList(e.kb, u.m, l) })
	off, nOff := e.namesOfUses(us, func(u sectorUse) bool { return !onList(e.kb, u.m, l) })
	name := e.listName(l)
	switch {
	case nOn == 0:
		a.Headline = e.f("None of the %s minerals whose records list a use in %s is on the %s.", itoa(len(us)), label, name)
	case nOff == 0:
		a.Headline = e.f("All %s minerals whose records list a use in %s are on the %s: %s.", itoa(len(us)), label, name, e.namedOf(on, nOn))
	case notOn:
		// "which battery minerals are not critical?": those off the list first.
		h := e.f("Of the %s minerals whose records list a use in %s, %s are not on the %s: %s.", itoa(len(us)), label, itoa(nOff), name, e.namedOf(off, nOff))
		if nOff == 1 {
			h = e.f("Of the %s minerals whose records list a use in %s, only one is not on the %s: %s.", itoa(len(us)), label, name, off[0])
		}
		if nOn == 1 {
			a.Headline = sentences(h, e.f("Only %s is on it.", on[0]))
		} else {
			a.Headline = sentences(h, e.f("The other %s are on it.", itoa(nOn)))
		}
	default:
		h := e.f("Of the %s minerals whose records list a use in %s, %s are on the %s: %s.", itoa(len(us)), label, itoa(nOn), name, e.namedOf(on, nOn))
		if nOn == 1 {
			h = e.f("Of the %s minerals whose records list a use in %s, only one is on the %s: %s.", itoa(len(us)), label, name, on[0])
		}
		a.Headline = sentences(h, e.f("Not on it: %s.", e.namedOf(off, nOff)))
	}
	if l != knowledge.USGS2025 {
		// The card's "not on" section is about the USGS list; this answer's list is another.
		a.Sections = slices.DeleteFunc(a.Sections, func(x Section) bool { return x.Heading == e.f("Not on the %s", e.listName(knowledge.USGS2025)) })
	}
	return a
}

// usedIn is whether a mineral's record names a sector among its uses: "is graphite used in
// batteries?", "¿se usa el cobalto en baterías?". A record that does not name it is said
// not to, not that the mineral never goes into it; the card is the mineral's uses.
func (e *snap) usedIn(m *knowledge.Mineral, s sector, q Query) *Answer {
	label := e.t(s.label)
	i := slices.IndexFunc(m.Uses, func(u string) bool { return namesSector(s, u) })
	eu := e.kb.EndUsesOf(m.ID)
	share, hasShare := namedEndUse(eu, q.Terms)
	if i < 0 && hasShare {
		return nil // the end-use table names it: its share answers (usesAnswer)
	}
	a := e.usesAnswer(m, q)
	name := strings.ToLower(e.mineralName(m))
	if i < 0 {
		uses := e.uses(m)
		a.Headline = e.f("The record of %s in the knowledge base lists no use in %s; its main uses are %s.", e.ofName(name), label, e.and(lowerAll(uses[:min(3, len(uses))])))
	} else {
		a.Headline = e.f("The record of %s lists a use in %s: %s.", e.ofName(name), label, lowerAll([]string{e.useText(m, i)})[0])
		if hasShare {
			a.Headline = sentences(a.Headline, e.f("In the U.S., %s took %s of %s consumption in %s (%s).", e.t(share.Use), number(share.Percent)+"%",
				name, yearLabel(share.Year, share.Estimated), source(share.Edition)))
		}
		if q.YesNo {
			a.Headline = e.verdict(true, a.Headline)
		}
	}
	others, nOthers := e.namesOfUses(e.sectorUses[s.label], func(u sectorUse) bool { return u.m.ID != m.ID })
	if nOthers > 0 {
		a.Sections = append(a.Sections, Section{Heading: e.f("Other minerals whose records list a use in %s", label), Text: capitalize(e.namedOf(others, nOthers)) + "."})
	}
	return a
}

// sectorProducedVerdict opens the answer to "does Mexico produce any battery minerals?" with
// its verdict: whether the country is listed as a producer of any of the sector's minerals.
// Other questions' headlines ("is China the top producer of battery minerals?") are returned
// as they are.
func (e *snap) sectorProducedVerdict(q Query, st []knowledge.Standing, s sector, headline string) string {
	if !q.YesNo || q.Measure != MeasureProduction || q.Most || q.Major || q.Rank > 0 || q.Top > 0 || q.Polarity != "" ||
		!hasAny(q.Terms, produceVerbs) || hasAny(q.Terms, rankWords) {
		return headline
	}
	// One pass over the country's standings, each looked up in the sector's set: the
	// sector's minerals times the standings was quadratic at scale.
	in := e.sectorIdx.sets[s.label]
	return e.verdict(slices.ContainsFunc(st, func(x knowledge.Standing) bool { return in[x.Mineral] }), headline)
}

// produceVerbs ask whether a country produces something; rankWords ask where it ranks.
var (
	produceVerbs = set("produce", "produces", "produced", "mine", "mines", "mined", "producir", "produce", "producen", "extrae",
		"extraen", "mina")
	rankWords = set("top", "largest", "biggest", "leading", "leader", "main", "major", "dominant", "mayor", "principal", "lider")
)

// sectorGroup is which members of a group a sector uses: "which rare earths are used in
// magnets?". nil when no member's record names the sector.
func (e *snap) sectorGroup(g *knowledge.Mineral, s sector) *Answer {
	var us []sectorUse
	for _, u := range e.sectorUses[s.label] {
		if slices.Contains(g.Members, u.m.ID) {
			us = append(us, u)
		}
	}
	if len(us) == 0 {
		return nil
	}
	label := e.t(s.label)
	group := strings.ToLower(e.mineralName(g))
	the := "the " + itoa(len(g.Members)) + " " + group
	if e.lang == Spanish {
		the = spanishArticle(group) + " " + itoa(len(g.Members)) + " " + group
	}
	var names []string
	for _, u := range us {
		names = append(names, strings.ToLower(e.mineralName(u.m)))
	}
	a := &Answer{Intent: IntentUses, Title: e.f("Minerals used in %s", label), Record: e.mineralRef(g)}
	a.Headline = e.f("Of %s, the records of %s list a use in %s: %s.", the, itoa(len(us)), label, e.and(names))
	if len(us) == 1 {
		a.Headline = e.f("Of %s, the record of one lists a use in %s: %s.", the, label, names[0])
	}
	if i := slices.IndexFunc(g.Uses, func(u string) bool { return namesSector(s, u) }); i >= 0 {
		a.Headline = sentences(a.Headline, e.f("The group's own record lists %s.", lowerAll([]string{e.useText(g, i)})[0]))
	}
	e.sectorSections(a, s, us)
	return a
}
