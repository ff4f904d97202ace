package answer

import (
	"cmp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mineralbot/mineralbot/knowledge"
)

// riskFacts are a ranking's supply-risk figures with a plain reading: the top producer's
// share, the top three's, the Herfindahl–Hirschman index and China's share.
func (e *snap) riskFacts(r knowledge.Ranking) []Fact {
	if !r.HasShares() || len(r.Rows) == 0 {
		return nil
	}
	lead := r.Rows[0]
	reading := "%s: %s produces %s of the world's %s"
	if strings.HasPrefix(r.Measure, "mine") {
		reading = "%s: %s mines %s of the world's %s"
	}
	hhi := r.HHI()
	facts := []Fact{
		{Label: e.t("Reading"), Value: e.f(reading, capitalize(e.hhiReading(hhi)), e.countryName(lead.Country), percent(lead.Share), e.measure(r.Measure))},
		{Label: e.t("Top producer"), Value: e.countryName(lead.Country) + ", " + percent(lead.Share)},
		{Label: e.t("Top 3 share"), Value: percent(r.TopShare(3))},
		{Label: e.t("HHI (0-10,000)"), Value: number(float64(int(hhi+0.5))) + " (" + e.hhiReading(hhi) + ")"},
	}
	if cn, ok := r.ShareOf("china"); ok && lead.Country != "china" {
		facts = append(facts, Fact{Label: e.t("China's share"), Value: percent(cn.Share)})
	}
	return facts
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// lowerFirst is a name as it reads inside a sentence: its first letter in lower case unless
// the name opens with an acronym or a symbol ("NdPr oxide", "EU").
func lowerFirst(s string) string {
	r, n := utf8.DecodeRuneInString(s)
	if next, _ := utf8.DecodeRuneInString(s[n:]); n == 0 || unicode.IsUpper(next) {
		return s
	}
	return string(unicode.ToLower(r)) + s[n:]
}

const derivedNote = "Supply-risk figures are derived by mineralbot from the USGS table: shares of the world total; HHI sums the squared percentage shares of the countries listed by name (other countries left out, so it is a lower bound); 2,500 and above reads as highly concentrated, 1,500 to 2,500 as moderately."

func (e *snap) mineralRef(m *knowledge.Mineral) knowledge.Ref {
	return knowledge.Ref{Kind: knowledge.KindMineral, ID: m.ID}
}

// oreNote says, when a question names a mineral by another material ("bauxite", an ore of
// aluminum) and the tables hold a later stage than mining (smelting), that the figures are
// of that stage, not of the material asked. A spelling of the name ("aluminium") is the
// mineral itself.
func (e *snap) oreNote(m *knowledge.Mineral, r knowledge.Ranking, q Query) string {
	w := q.MineralWord
	if w == "" || strings.Contains(r.Measure, "mine") || knowledge.IsReserves(r.Measure) {
		return ""
	}
	for _, n := range []string{m.Name, m.NameES, m.ID, m.Symbol} {
		if n := knowledge.Normalize(n); n != "" && editDistance(w, n, 2) <= 2 {
			return ""
		}
	}
	for _, c := range q.Corrections {
		if knowledge.Normalize(c.To) == w {
			w = strings.ToLower(c.From) // the word as typed: "bauxita" read as "bauxite"
		}
	}
	return e.f("The tables hold %s of %s, not %s mining.", e.measure(r.Measure), strings.ToLower(e.mineralName(m)), w)
}

// stageWords name a stage of production: refining, smelting.
var stageWords = map[string]string{"refined": "refinery", "refinery": "refinery", "refineries": "refinery", "refiner": "refinery",
	"refiners": "refinery", "refining": "refinery", "refinado": "refinery", "refinada": "refinery", "refinador": "refinery",
	"refinadores": "refinery", "refinacion": "refinery", "refineria": "refinery", "refina": "refinery", "refinan": "refinery", "refine": "refinery", "refines": "refinery", "smelter": "smelter", "smelters": "smelter",
	"smelting": "smelter", "smelted": "smelter", "fundicion": "smelter", "metal": "metal", "metallic": "metal",
	"metalico": "metal", "metalica": "metal", "ferrosilicon": "ferrosilicon", "ferrosilicio": "ferrosilicon"}

// stageMeasure returns the measure of a mineral's table for the stage a question names
// ("refined copper" → refinery production), or "".
func stageMeasure(measures []string, q Query) string {
	if q.Stage == "" {
		return ""
	}
	for _, m := range measures {
		if strings.Contains(m, q.Stage) && !knowledge.IsCapacity(m) && !knowledge.IsReserves(m) {
			return m
		}
	}
	return ""
}

// ranking is the ranking a question about who produces a mineral is answered from: the
// stage it names ("refined copper"), else the mineral's primary production measure.
func (e *snap) ranking(m *knowledge.Mineral, q Query) (knowledge.Ranking, bool) {
	if stage := stageMeasure(e.kb.Measures(m.ID), q); stage != "" {
		if r := e.rank(m, stage, 0, q); len(r.Rows) > 0 {
			return r, true
		}
	}
	if ed := askedEdition(q); ed != 0 {
		if r, ok := e.kb.PrimaryRankingIn(m.ID, ed); ok {
			return r, true
		}
	}
	return e.kb.PrimaryRanking(m.ID)
}

// askedEdition is the one edition a question asks for ("según la edición 2025"), or 0.
func askedEdition(q Query) knowledge.Edition {
	if q.Editions {
		return 0
	}
	return q.Edition
}

// rank is a mineral's ranking for a measure: in year (its latest when 0), from the edition
// the question asks for when it asks for one and that edition has the figures, else from the
// newest edition that has them.
func (e *snap) rank(m *knowledge.Mineral, measure string, year int, q Query) knowledge.Ranking {
	if ed := askedEdition(q); ed != 0 {
		y := year
		if y == 0 && !knowledge.IsReserves(measure) {
			y = e.kb.LatestYearIn(m.ID, measure, ed)
		}
		if r := e.kb.RankIn(m.ID, measure, y, ed); len(r.Rows) > 0 {
			return r
		}
	}
	if year == 0 && !knowledge.IsReserves(measure) {
		year = e.kb.LatestYear(m.ID, measure)
	}
	return e.kb.Rank(m.ID, measure, year)
}

// producersAnswer: who produces a mineral, with a chart of the top ten and its concentration.
func (e *snap) producersAnswer(m *knowledge.Mineral, q Query) *Answer {
	a := &Answer{Intent: IntentProducers, Record: e.mineralRef(m), Title: e.f("Who produces %s", strings.ToLower(e.mineralName(m)))}
	if m.Symbol != "" {
		a.Subtitle = e.mineralName(m) + " (" + m.Symbol + ") · " + e.otherName(m)
	}
	r, ok := e.ranking(m, q)
	if !ok {
		text := e.t(m.NoCountryTable)
		if text == "" {
			text = e.f("USGS publishes no production by country for %s in the tables this knowledge base holds.", strings.ToLower(e.mineralName(m)))
		}
		a.Headline = text
		a.Sections = append(a.Sections, Section{Heading: e.t("Producers"), Text: text})
	} else {
		if q.Year != 0 && q.Year != r.Year {
			if other := e.kb.Rank(m.ID, r.Measure, q.Year); len(other.Rows) > 0 {
				r = other
			}
		}
		notes := sentences(e.yearMissing(m, r, q), e.oreNote(m, r, q), e.stageMissing(m, r, q))
		next := e.nextSentence(r, nextCount(r, q))
		world := e.worldSentence(m, r, q)
		if world != "" && (notes != "" || q.CountCountries) {
			// "world copper production 2025": the year's note, the world total and the top
			// producer are the answer; the next producers are in the card.
			next = ""
		}
		a.Headline = sentences(world, e.leadSentence(m, r), next)
		if q.Besides != "" {
			a.Headline = e.besidesSentence(m, r, q.besidesAll())
		}
		if q.CountCountries {
			a.Headline = sentences(e.countSentence(m, r), a.Headline)
		}
		a.Headline = sentences(notes, a.Headline)
		if r.Mineral != m.ID && knowledge.OwnMeasure([]string{r.Measure}, m.ID) == "" {
			// "Who produces dysprosium?": USGS counts the group; the answer says so first.
			if g, ok := e.kb.Mineral(r.Mineral); ok {
				a.Headline = sentences(e.f("USGS gives no figures for %s alone; these are for %s as a whole.",
					strings.ToLower(e.mineralName(m)), strings.ToLower(e.mineralName(g))), a.Headline)
			}
		}
		n := 10
		if q.Top > 0 {
			n = q.Top
		}
		a.Sections = append(a.Sections, e.producersSection(m, r, n))
		a.Sources = appendSource(a.Sources, r.Source)
		for _, measure := range e.kb.Measures(m.ID) {
			if measure == r.Measure || knowledge.IsReserves(measure) || knowledge.IsCapacity(measure) {
				continue
			}
			other := e.kb.Rank(m.ID, measure, e.kb.LatestYear(m.ID, measure))
			if len(other.Rows) > 0 {
				a.Sections = append(a.Sections, e.producersSection(m, other, 5))
			}
		}
	}
	if r, ok := e.kb.ReservesRanking(m.ID); ok {
		a.Sections = append(a.Sections, e.reservesSection(r, 5))
	}
	return a
}

// countSentence says how many countries a ranking's table lists by name, and that USGS lumps
// the rest together where it prints an "other countries" row: "USGS lists 12 countries for
// world mine production of cobalt in 2025e (USGS MCS 2026) and lumps the rest together as
// “other countries”."
func (e *snap) countSentence(m *knowledge.Mineral, r knowledge.Ranking) string {
	name := strings.ToLower(e.mineralName(m))
	if g, ok := e.kb.Mineral(r.Mineral); ok && r.Mineral != m.ID {
		name = strings.ToLower(e.mineralName(g))
	}
	n := len(r.Rows) + len(r.Unknown)
	return e.countTail(e.f("USGS lists %s countries for world %s of %s in %s (%s).", itoa(n), e.measure(r.Measure), name, yearLabel(r.Year, r.Estimated), source(r.Edition)), r)
}

// reservesAnswer: who holds a mineral's reserves, largest first.
func (e *snap) reservesAnswer(m *knowledge.Mineral, q Query) *Answer {
	a := &Answer{Intent: IntentReserves, Record: e.mineralRef(m), Title: e.f("%s reserves by country", e.mineralName(m))}
	r, ok := e.kb.ReservesRanking(m.ID)
	if !ok || len(r.Rows) == 0 {
		a.Headline = e.f("USGS gives no reserves by country for %s in the tables this knowledge base holds.", strings.ToLower(e.mineralName(m)))
		return a
	}
	if head, ok := e.reservesChange(m, r, q); ok {
		a.Headline = head
		a.Sections = append(a.Sections, e.reservesSection(r, 5))
		a.Sources = appendSource(a.Sources, r.Source)
		return a
	}
	lead := r.Rows[0]
	name := e.tableName(m, r)
	if lead.Share >= 0 {
		a.Headline = e.f("%s holds the largest %s reserves: %s, %s of the world's (%s).", e.countrySubject(lead.Country), name, e.amount(lead, r.Unit), percent(lead.Share), source(r.Edition))
	} else {
		a.Headline = e.f("%s holds the largest %s reserves: %s (%s).", e.countrySubject(lead.Country), name, e.amount(lead, r.Unit), source(r.Edition))
	}
	a.Headline = sentences(e.worldSentence(m, r, q), a.Headline)
	if lead.Rank == 1 && len(r.Rows) > 1 && r.Rows[1].Rank == 1 {
		a.Headline = e.f("%s reserves are led by %s, tied at %s each (%s).", capitalize(name), e.and(e.leaders(r)), e.amount(lead, r.Unit), source(r.Edition))
	}
	a.Headline = sentences(a.Headline, e.nextSentence(r, nextCount(r, q)))
	if h := e.besidesReserves(r, name, q.besidesAll()); q.Besides != "" && h != "" {
		a.Headline = h // "rare earth reserves outside China" (views_stage.go)
	}
	if q.CountCountries {
		// "how many countries have lithium reserves?": the count, then who leads.
		a.Headline = sentences(e.reservesCount(name, r), a.Headline)
	}
	n := 8
	if q.Top > 0 {
		n = q.Top
	}
	a.Sections = append(a.Sections, e.reservesSection(r, n))
	a.Sources = appendSource(a.Sources, r.Source)
	return a
}

// besidesSentence names the largest producers other than one country: "Besides Mexico, the
// largest producers of silver in 2025e were Peru (14%) and China (13%) (USGS MCS 2026)."
func (e *snap) besidesSentence(m *knowledge.Mineral, r knowledge.Ranking, besides []string) string {
	var parts []string
	for _, row := range r.Rows {
		if leftOut(besides, row.Country) {
			continue
		}
		p := e.countryAfterIn(row.Country) // "the United States (13%)"
		if row.Share >= 0 {
			p += " (" + percent(row.Share) + ")"
		}
		if parts = append(parts, p); len(parts) == 3 {
			break
		}
	}
	return e.f("Besides %s, the largest producers of %s in %s were %s (%s).", e.besidesNames(besides), strings.ToLower(e.mineralName(m)),
		yearLabel(r.Year, r.Estimated), e.and(parts), source(r.Edition))
}

// leaders are the countries ranked first.
func (e *snap) leaders(r knowledge.Ranking) []string {
	var out []string
	for _, x := range r.Rows {
		if x.Rank == 1 {
			out = append(out, e.countryName(x.Country))
		}
	}
	return out
}

func (e *snap) reservesSection(r knowledge.Ranking, n int) Section {
	s := Section{Heading: e.t("Reserves")}
	for _, row := range r.Top(n) {
		v := "#" + strconv.Itoa(row.Rank) + "  " + figureValue(row)
		if row.Share >= 0 {
			v += " (" + percent(row.Share) + ")"
		}
		s.Facts = append(s.Facts, Fact{Label: e.countryName(row.Country), Value: v})
	}
	if r.World != nil {
		s.Facts = append(s.Facts, Fact{Label: e.t("World"), Value: e.worldValue(*r.World)})
	}
	s.Note = e.dataNote(r)
	return s
}

func (e *snap) addMineralSources(a *Answer, m *knowledge.Mineral) {
	for _, s := range knowledge.Preferred(m.Sources) {
		a.Sources = appendSource(a.Sources, s)
	}
}

// usedMainlyFor says a mineral's first three uses: "Lithium is used mainly for …"; a group's
// name is plural ("Rare-earth elements are used mainly for …").
func (e *snap) usedMainlyFor(m *knowledge.Mineral, uses []string) string {
	main := e.and(lowerAll(uses[:min(3, len(uses))]))
	if len(m.Members) > 0 {
		return e.f("%s are used mainly for %s.", e.mineralName(m), main)
	}
	return e.f("%s is used mainly for %s.", e.mineralName(m), main)
}

// usesAnswer: what a mineral is used for.
func (e *snap) usesAnswer(m *knowledge.Mineral, q Query) *Answer {
	a := &Answer{Intent: IntentUses, Record: e.mineralRef(m), Title: e.f("What %s is used for", strings.ToLower(e.mineralName(m))), Subtitle: e.otherName(m)}
	uses := e.uses(m)
	if len(uses) > 0 {
		a.Headline = e.usedMainlyFor(m, uses)
	}
	if eu := e.kb.EndUsesOf(m.ID); len(eu) > 0 {
		top := slices.MaxFunc(eu, func(a, b knowledge.EndUse) int { return cmpFloat(a.Percent, b.Percent) })
		if u, ok := namedEndUse(eu, q.Terms); ok {
			// "what share of US antimony goes to flame retardants": the share asked comes first.
			a.Headline = sentences(e.f("In the U.S., %s took %s of %s consumption in %s (%s).", e.t(u.Use), number(u.Percent)+"%",
				strings.ToLower(e.mineralName(m)), yearLabel(u.Year, u.Estimated), source(u.Edition)), a.Headline)
		} else {
			a.Headline = sentences(a.Headline, e.f("In the U.S., %s took %s of consumption in %s (%s).", e.t(top.Use), number(top.Percent)+"%", yearLabel(top.Year, top.Estimated), source(top.Edition)))
		}
	}
	if eu := e.kb.EndUsesOf(m.ID); q.UseShare {
		if _, ok := namedEndUse(eu, q.Terms); !ok {
			// "what % of US lithium goes to batteries?": no share for it (views_use_share.go).
			a.Headline = e.noUseShare(m, eu)
			if len(uses) > 0 {
				a.Headline = sentences(a.Headline, e.usedMainlyFor(m, uses))
			}
		}
	}
	a.Sections = append(a.Sections, Section{Heading: e.t("Main uses"), Items: uses})
	if uses := e.kb.EndUsesOf(m.ID); len(uses) > 0 {
		a.Sections = append(a.Sections, Section{Heading: e.countryName("united-states"), Facts: []Fact{e.endUsesFact(uses)}, Note: uses[0].Source.Edition})
		a.Sources = appendSource(a.Sources, uses[0].Source)
	}
	a.Sections = append(a.Sections, Section{Text: e.paragraph(e.summary(m.Summary, m.SummaryES)), Detail: true})
	e.addMineralSources(a, m)
	return a
}

// endUseFiller are words of end uses' names, and of questions about them, that tell no use
// apart.
var endUseFiller = set("and", "other", "others", "products", "product", "uses", "applications", "including", "consumption",
	"otros", "otras", "productos", "usos", "aplicaciones", "incluidos", "incluidas", "consumo")

// namedEndUse is the U.S. end use a question's words name, in English or Spanish ("…goes to
// flame retardants", "…se usa en retardantes de flama"): the use with the most words the
// question has, words compared by their first five letters; of two that match as many, the
// one whose words share more letters with the question's ("photovoltaics", not "photography").
func namedEndUse(uses []knowledge.EndUse, terms []string) (knowledge.EndUse, bool) {
	if u, ok := synonymEndUse(uses, terms); ok {
		return u, true // "solar panels": photovoltaics (use_synonyms.go)
	}
	var asked []string
	for _, t := range terms {
		if len(t) >= 4 && !endUseFiller[t] {
			asked = append(asked, t)
		}
	}
	// shared is how many first letters a word of a use shares with the question's word that
	// shares the most, counted when they share the first five (or the whole of a shorter one).
	shared := func(w string) int {
		most := 0
		for _, t := range asked {
			n := 0
			for n < len(w) && n < len(t) && w[n] == t[n] {
				n++
			}
			if n >= min(5, len(w), len(t)) {
				most = max(most, n)
			}
		}
		return most
	}
	var best knowledge.EndUse
	most := 0
	for _, u := range uses {
		n := 0
		for _, w := range strings.Fields(knowledge.Normalize(u.Use + " " + Spanish.T(u.Use))) {
			if len(w) >= 4 && !endUseFiller[w] {
				if k := shared(w); k > 0 {
					n += 1000 + k // words matched first, then letters shared
				}
			}
		}
		if n > most {
			best, most = u, n
		}
	}
	return best, most > 0
}

func lowerAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		if r, n := utf8.DecodeRuneInString(s); n > 0 && unicode.IsUpper(r) && !(len(s) > n && unicode.IsUpper(rune(s[n]))) {
			s = string(unicode.ToLower(r)) + s[n:]
		}
		out[i] = s
	}
	return out
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// listsAnswer: is a mineral on the list asked about (the USGS 2025 list unless another is
// named), and which lists it is on.
func (e *snap) listsAnswer(m *knowledge.Mineral, q Query) *Answer {
	a := &Answer{Intent: IntentLists, Record: e.mineralRef(m), Title: e.f("%s on the critical lists", e.mineralName(m))}
	l := knowledge.USGS2025
	if len(q.Lists) > 0 {
		l = q.Lists[0]
	}
	name, subject := strings.ToLower(e.mineralName(m)), e.subject(m)
	on := e.on(m, l)
	members := e.listMembers(m, l)
	var onLists []string // every list it is on, itself or through its members
	for _, x := range knowledge.Lists {
		if e.on(m, x) {
			onLists = append(onLists, e.listName(x))
		}
	}
	owners := listOwners(q)
	switch {
	case q.Absent && m.Group == "" && len(m.Members) == 0 && len(owners) <= 1:
		// "Is silver missing from the EU list?": yes when it is not on it.
		a.Headline = e.absentHeadline(m, l, onLists)
	case len(q.Lists) == 0 && !q.YesNo && len(m.Members) == 0:
		// "Which critical lists is copper on?": all of them (or none).
		switch len(onLists) {
		case 0:
			a.Headline = e.f("%s is on none of the critical lists: not on the U.S. lists of 2025 or 2022, nor on the EU CRMA lists.", capitalize(subject))
		case 1:
			a.Headline = e.f("%s is on one critical list: the %s.", capitalize(subject), onLists[0])
		default:
			a.Headline = e.f("%s is on %s lists: %s.", capitalize(subject), strconv.Itoa(len(onLists)), e.and(onLists))
		}
		if e.addedIn2025(m) {
			a.Headline = sentences(a.Headline, e.f("It joined the U.S. list in 2025."))
		}
	case on && !m.On(l) && len(m.Members) > 0 && !q.YesNo:
		// "Which rare earths are on the US list?"
		a.Headline = e.f("The %s names %s of the %s %s one by one: %s.", e.t(l.Title()), strconv.Itoa(len(members)),
			strconv.Itoa(len(m.Members)), name, e.and(e.mineralNames(members)))
	case on && !m.On(l) && len(m.Members) > 0:
		// A group: the list names its members one by one.
		if len(members) == len(m.Members) {
			a.Headline = e.f("Yes — the %s names all %s %s one by one.", e.t(l.Title()), strconv.Itoa(len(members)), name)
		} else {
			a.Headline = e.f("Yes — the %s names %s of the %s %s one by one: %s.", e.t(l.Title()), strconv.Itoa(len(members)),
				strconv.Itoa(len(m.Members)), name, e.and(e.mineralNames(members)))
		}
	case len(m.Members) == 0 && (len(owners) > 1 || !q.YesNo && len(owners) == 1 && len(owners[0]) > 1):
		// "Is graphite on the US and EU lists?", "which EU lists is lithium on?": each
		// owner's lists, every one named.
		a.Headline = e.ownersHeadline(m, owners, q.YesNo)
	case on && !m.On(l) && m.Group != "":
		// Helper T: a member the list names through its group: "is platinum on the EU list?"
		a.Headline = e.f("Yes — %s is on the %s, which names the %s as one item.", subject, e.t(l.Title()), strings.ToLower(e.groupName(m)))
	case q.YesNo && q.AnyList && len(q.Lists) == 0 && len(owners) == 0 && len(m.Members) == 0 && (len(onLists) > 1 || !on):
		// Helper U: "is zinc on any critical list?": every list it is on (lists_any.go).
		a.Headline = e.anyListHeadline(m, onLists)
	case on && l == knowledge.USGS2025 && e.addedIn2025(m):
		a.Headline = e.f("Yes — %s is on the %s; it joined in 2025 (it was not on the 2022 list).", subject, e.t(l.Title()))
	case on && q.Polarity == Still:
		a.Headline = e.f("Yes — %s is still on the %s.", subject, e.t(l.Title()))
	case on:
		a.Headline = e.f("Yes — %s is on the %s.", subject, e.t(l.Title()))
	default:
		a.Headline = e.f("No — %s is not on the %s.", subject, e.t(l.Title()))
		if len(onLists) > 0 {
			a.Headline = sentences(a.Headline, e.f("It is on the %s.", e.and(onLists)))
		}
	}
	a.Headline = plainVerdict(q, a.Headline) // Helper T: "list of PGMs on the EU list" asks no yes/no
	s := Section{Heading: e.t("Critical lists")}
	for _, l := range knowledge.Lists {
		v := e.t("no")
		for _, en := range m.Lists {
			if en.List == l {
				item := e.t(en.Item)
				if strings.EqualFold(en.Item, m.Name) {
					item = strings.ToLower(e.mineralName(m)) // "sí (como cobre)"
				}
				v = e.f("yes (listed as %s)", item)
				a.Sources = appendSource(a.Sources, en.Source)
				break
			}
		}
		if members := e.listMembers(m, l); !m.On(l) && len(members) > 0 {
			v = e.f("yes, one by one: %s", strings.Join(e.mineralNames(members), ", "))
			for _, mm := range members {
				for _, en := range mm.Lists {
					if en.List == l {
						a.Sources = appendSource(a.Sources, en.Source)
					}
				}
			}
		}
		s.Facts = append(s.Facts, Fact{Label: e.t(l.Title()), Value: v})
	}
	a.Sections = append(a.Sections, s)
	return a
}

// riskAnswer: how concentrated a mineral's supply is, and how much the U.S. imports.
func (e *snap) riskAnswer(m *knowledge.Mineral, q Query) *Answer {
	a := &Answer{Intent: IntentRisk, Record: e.mineralRef(m), Title: e.f("Supply risk: %s", strings.ToLower(e.mineralName(m)))}
	if r, ok := e.kb.PrimaryRanking(m.ID); ok && r.HasShares() && len(r.Rows) > 0 {
		a.Headline = e.f("Supply of %s is %s (HHI %s): %s", strings.ToLower(e.mineralName(m)), e.hhiReading(r.HHI()), number(float64(int(r.HHI()+0.5))), e.afterColon(e.leadSentence(m, r)))
		if v := e.dominateVerdict(m, r, q.Countries); q.YesNo && v != "" {
			a.Headline = v // Helper U: "does China dominate graphite?" (views_dominate.go)
		} else if q.YesNo && len(q.Countries) == 0 && asksConcentration(q) {
			a.Headline = e.verdict(r.HHI() >= 1500, a.Headline) // Helper U: "is graphite supply concentrated?"
		}
		a.Sections = append(a.Sections, Section{Heading: e.f("Concentration of %s, %s", e.measure(r.Measure), yearLabel(r.Year, r.Estimated)),
			Facts: e.riskFacts(r), Note: e.t(derivedNote) + " " + e.dataNote(r)})
		a.Sources = appendSource(a.Sources, r.Source)
		if q.Top > 0 {
			e.topAndConcentration(a, m, r, q) // "who are the top 3 graphite producers and how concentrated is it?"
		}
	} else {
		a.Headline = e.f("No world production table with a world total is available for %s, so no concentration figures can be computed.", strings.ToLower(e.mineralName(m)))
	}
	if s, ok := e.usImportSection(m); ok {
		a.Sections = append(a.Sections, s)
	}
	e.addMineralSources(a, m)
	return a
}

// concRow is a mineral and its main production table, for the concentration ranking.
type concRow struct {
	m *knowledge.Mineral
	r knowledge.Ranking
}

// concKey names a concentration ranking: of a list's minerals, of a sector's, or ("", "") of
// every mineral.
type concKey struct {
	list   knowledge.List
	sector string
}

// concentrationRows are the minerals whose main production table has shares, of list l or
// sector (every one for neither), each table once, the highest HHI first. They depend on the
// knowledge base alone, so they are ranked once per load: at 100,000 records ranking them
// took half a second a question.
func (e *snap) concentrationRows(l knowledge.List, sector string) []concRow {
	key := concKey{l, sector}
	if rows, ok := e.derived.Load(key); ok {
		return rows.([]concRow)
	}
	ms := e.kb.Minerals
	if sector != "" {
		// "which battery mineral is the most concentrated?": that sector's only.
		ms = nil
		for _, u := range e.sectorUses[sector] {
			ms = append(ms, u.m)
		}
	}
	var rows []concRow
	seen := map[string]int{} // a table's measure → its row
	for _, m := range ms {
		r, ok := e.kb.PrimaryRanking(m.ID)
		if !ok || !r.HasShares() || len(r.Rows) == 0 || l != "" && !e.on(m, l) {
			continue // Helper Q: "concentration of EU strategic materials": that list's only
		}
		key := r.Mineral + "/" + r.Measure
		if i, dup := seen[key]; dup {
			if m.ID == r.Mineral {
				rows[i].m = m // the group names its own table
			}
			continue
		}
		seen[key] = len(rows)
		rows = append(rows, concRow{m, r})
	}
	slices.SortStableFunc(rows, func(x, y concRow) int { return cmpFloat(y.r.HHI(), x.r.HHI()) })
	e.derived.Store(key, rows)
	return rows
}

// concentrationRanking answers which mineral's supply is most concentrated: every production
// table with a world total, by the Herfindahl–Hirschman index of its producers' shares (the
// measure the supply-risk cards give), highest first. A group's members that USGS counts only
// with it (the rare-earth elements) are the group's one table.
func (e *snap) concentrationRanking(q Query) *Answer {
	sec, inSector := sectorAsked(q)
	var l knowledge.List
	if len(q.Lists) > 0 {
		l = askedList(q)
	}
	rows := e.concentrationRows(l, sec.label)
	a := &Answer{Intent: IntentRisk, Title: e.t("Supply concentration by mineral")}
	if len(rows) == 0 {
		a.Headline = e.t("No production table with a world total is available, so no concentration figures can be computed.")
		return a
	}
	hhi := func(r knowledge.Ranking) string { return number(float64(int(r.HHI() + 0.5))) }
	top := rows[0]
	n := 3
	if q.Top > 0 {
		n = min(q.Top, 10) - 1
	}
	var next []string
	for _, x := range rows[1:min(n+1, len(rows))] {
		next = append(next, e.f("%s (HHI %s)", strings.ToLower(e.mineralName(x.m)), hhi(x.r)))
	}
	a.Headline = sentences(
		e.f("By the Herfindahl–Hirschman index (HHI) of producers' shares, the most concentrated supply is that of %s: HHI %s of 10,000.",
			strings.ToLower(e.mineralName(top.m)), hhi(top.r)),
		e.leadSentence(top.m, top.r))
	if len(next) > 0 {
		a.Headline = sentences(a.Headline, e.f("Next: %s.", e.and(next)))
	}
	if len(q.Lists) > 0 {
		a.Headline = sentences(e.f("Among the minerals on the %s:", e.listName(askedList(q))), lowerFirst(a.Headline))
	}
	if inSector {
		a.Headline = sentences(e.f("Among the minerals whose records list a use in %s:", e.t(sec.label)), lowerFirst(a.Headline))
	}
	s := Section{Heading: e.t("HHI of each mineral's main production table (0-10,000)"), Note: e.t(derivedNote)}
	for _, x := range rows[:min(10, len(rows))] {
		lead := x.r.Rows[0]
		s.Facts = append(s.Facts, Fact{Label: e.mineralName(x.m),
			Value: hhi(x.r) + "; " + e.countryName(lead.Country) + " " + percent(lead.Share) + ", " + yearLabel(x.r.Year, x.r.Estimated)})
		a.Sources = appendSource(a.Sources, x.r.Source)
	}
	a.Sections = append(a.Sections, s)
	return a
}

// compareView: several minerals side by side, on the measure asked (the overview compares
// top producer, concentration, U.S. reliance and lists).
func (e *snap) compareView(q Query, measure Measure) *Answer {
	if a := e.producersOfAll(q); a != nil && measure != MeasureUses && measure != MeasureReserves {
		return a // "which countries produce both lithium and cobalt?" (views_both.go)
	}
	const maxCompare = 6
	a := &Answer{Intent: IntentCompare}
	var names, heads, inCountry []string
	var vs []versus // two countries or more: each one's place in each mineral
	for i, id := range q.Minerals {
		if i == maxCompare {
			a.Sections = append(a.Sections, Section{Text: e.f("…and %s more not compared; name at most %s.", strconv.Itoa(len(q.Minerals)-maxCompare), strconv.Itoa(maxCompare))})
			break
		}
		m, ok := e.kb.Mineral(id)
		if !ok {
			continue
		}
		names = append(names, e.mineralName(m))
		s := Section{Heading: e.mineralName(m)}
		switch measure {
		case MeasureReserves:
			if r, ok := e.kb.ReservesRanking(m.ID); ok && len(r.Rows) > 0 {
				lead := r.Rows[0]
				v := e.countryName(lead.Country) + ", " + e.amount(lead, r.Unit)
				if lead.Share >= 0 {
					v += " (" + percent(lead.Share) + ")"
				}
				s.Facts = append(s.Facts, Fact{Label: e.t("Largest reserves"), Value: v})
				if r.World != nil {
					s.Facts = append(s.Facts, Fact{Label: e.t("World"), Value: e.worldValue(*r.World) + " " + e.shortUnit(r.Unit)})
				}
				heads = append(heads, e.f("%s: %s", e.mineralName(m), v))
				a.Sources = appendSource(a.Sources, r.Source)
			} else {
				s.Facts = append(s.Facts, Fact{Label: e.t("Reserves"), Value: e.t("not available")})
				heads = append(heads, e.f("%s: %s", e.mineralName(m), e.t("not available")))
			}
		case MeasureUses:
			uses := e.uses(m)
			s.Items = uses
			if len(uses) > 0 {
				heads = append(heads, e.f("%s: %s", e.mineralName(m), strings.ToLower(uses[0])))
			}
		default:
			if r, ok := e.kb.PrimaryRanking(m.ID); ok && r.HasShares() && len(r.Rows) > 0 {
				lead := r.Rows[0]
				s.Facts = append(s.Facts,
					Fact{Label: e.f("Top producer (%s, %s)", e.measure(r.Measure), yearLabel(r.Year, r.Estimated)), Value: e.countryName(lead.Country) + ", " + percent(lead.Share)},
					Fact{Label: e.t("Top 3 share"), Value: percent(r.TopShare(3))},
					Fact{Label: e.t("HHI"), Value: number(float64(int(r.HHI()+0.5))) + " (" + e.hhiReading(r.HHI()) + ")"})
				a.Sources = appendSource(a.Sources, r.Source)
				heads = append(heads, e.f("%s: %s %s", e.mineralName(m), e.countryName(lead.Country), percent(lead.Share)))
			} else {
				s.Facts = append(s.Facts, Fact{Label: e.t("Producers"), Value: e.t("no country table with a world total")})
				heads = append(heads, e.f("%s: %s", e.mineralName(m), e.t("no USGS country table"))) // Helper AB
			}
		}
		if len(q.Countries) == 1 && measure != MeasureUses {
			// "compare zinc and lead production in Mexico": that country's place in each.
			c := q.Countries[0]
			if r, row, ok := e.countryRow(m, c, measure == MeasureReserves, 0); ok {
				v := e.f("#%s of %s", strconv.Itoa(row.Rank), strconv.Itoa(len(r.Rows))) + ", " + e.amount(row, r.Unit)
				if row.Share >= 0 {
					v += " (" + percent(row.Share) + ")"
				}
				if r.Year > 0 {
					v += ", " + yearLabel(r.Year, row.Estimated)
				}
				inCountry = append(inCountry, e.f("%s: %s", e.mineralName(m), v))
				s.Facts = append(s.Facts, Fact{Label: e.countryName(c), Value: v})
			} else {
				inCountry = append(inCountry, e.f("%s: %s", e.mineralName(m), e.t("not in the USGS tables")))
			}
		}
		if len(q.Countries) >= 2 && measure != MeasureUses {
			// "how does Mexico compare to Peru in silver and zinc?"
			if v, facts, ok := e.versusOf(m, q.Countries, measure == MeasureReserves); ok {
				vs = append(vs, v)
				s.Facts = append(s.Facts, facts...)
			}
		}
		if rel, ok := e.kb.LatestReliance(m.ID); ok && measure != MeasureUses {
			s.Facts = append(s.Facts, Fact{Label: e.f("U.S. net import reliance, %s", yearLabel(rel.Year, rel.Estimated)), Value: e.relianceText(rel)})
		}
		var lists []string
		for _, l := range knowledge.Lists {
			if e.on(m, l) {
				lists = append(lists, string(l))
			}
		}
		if len(lists) == 0 {
			lists = []string{e.t("none")}
		}
		s.Facts = append(s.Facts, Fact{Label: e.t("Lists"), Value: strings.Join(lists, ", ")})
		a.Sections = append(a.Sections, s)
		a.Related = appendLink(a.Related, Link{Ref: knowledge.Ref{Kind: knowledge.KindMineral, ID: id}, Title: e.mineralName(m)})
	}
	a.Title = e.f("Compare %s", strings.Join(names, ", "))
	switch measure {
	case MeasureReserves:
		a.Headline = e.f("Largest reserves — %s.", strings.Join(heads, "; "))
		if h := e.worldReservesCompared(q); h != "" {
			a.Headline = h // Helper AD: "are there more lithium or cobalt reserves?" (views_ad.go)
		}
	case MeasureUses:
		a.Headline = e.f("Main use — %s.", strings.Join(heads, "; "))
	default:
		if len(heads) > 0 {
			a.Headline = e.f("Top producer's share of world output — %s.", strings.Join(heads, "; "))
		}
		if q.World && len(q.Countries) == 0 || mineralsChoice(q) { // Helper AD: "is more lithium or cobalt mined?"
			if h := e.worldTotalsCompared(q); h != "" {
				a.Headline = h // Helper AB: "which is bigger, world cobalt or lithium production?" (views_world_compared.go)
			}
		}
		if asksConcentration(q) {
			if h := e.concentrationCompared(q); h != "" {
				a.Headline = h // "how concentrated is graphite vs lithium supply?" (views_concentration.go)
			}
		}
		a.Sections = append(a.Sections, Section{Note: e.t(derivedNote)})
	}
	if len(inCountry) > 0 {
		a.Headline = e.f("In %s — %s.", e.countryAfterIn(q.Countries[0]), strings.Join(inCountry, "; "))
	}
	if len(vs) > 0 {
		a.Headline = versusHeadline(vs)
	}
	if a.Headline == "" {
		a.Headline = a.Title + "."
	}
	return a
}

// countryRow is a country's row in a mineral's ranking for a measure, in the newest edition
// (or the year asked for).
func (e *snap) countryRow(m *knowledge.Mineral, country string, reserves bool, year int) (knowledge.Ranking, knowledge.Share, bool) {
	for _, measure := range e.kb.Measures(m.ID) {
		if knowledge.IsReserves(measure) != reserves || knowledge.IsCapacity(measure) {
			continue
		}
		// The year asked where the table has it, else its latest: "Chile vs Peru copper
		// production 2025" is mine production of 2024e, not the refinery table's 2025e.
		r := e.kb.Rank(m.ID, measure, e.kb.LatestYear(m.ID, measure))
		if year != 0 && !reserves {
			if ry := e.kb.Rank(m.ID, measure, year); len(ry.Rows) > 0 {
				r = ry
			}
		}
		if row, ok := r.ShareOf(country); ok {
			return r, row, true
		}
	}
	return knowledge.Ranking{}, knowledge.Share{}, false
}

// yearMissing says plainly that the tables give no figure for the year a question asks,
// before an answer that gives the latest year there is: "The tables give no mine production
// of copper for 2025; the latest year they give is 2024e (USGS MCS 2025)." It is "" when the
// ranking is of the year asked, or the question asks no single year.
func (e *snap) yearMissing(m *knowledge.Mineral, r knowledge.Ranking, q Query) string {
	if q.Year == 0 || q.FromYear != 0 || r.Year == 0 || r.Year == q.Year || knowledge.IsReserves(r.Measure) {
		return ""
	}
	what := e.measure(r.Measure)
	if e.measureNames(m, what) { // "palladium mine production"
		return e.f("The tables give no %s for %s; the latest year they give is %s (%s).", what, strconv.Itoa(q.Year), yearLabel(r.Year, r.Estimated), source(r.Edition))
	}
	name := e.tableName(m, r)
	return e.f("The tables give no %s of %s for %s; the latest year they give is %s (%s).", what, name, strconv.Itoa(q.Year), yearLabel(r.Year, r.Estimated), source(r.Edition))
}

// worldSentence gives a ranking's world total when the question asks for it ("world
// production of antimony 2025"), else "".
func (e *snap) worldSentence(m *knowledge.Mineral, r knowledge.Ranking, q Query) string {
	if !q.World || r.World == nil || !r.World.Known() {
		return ""
	}
	name := strings.ToLower(e.mineralName(m))
	if g, ok := e.kb.Mineral(r.Mineral); ok && g.ID != m.ID {
		name = strings.ToLower(e.mineralName(g))
	}
	w := *r.World
	w.Unit = r.Unit // the table's unit, as the rows are written in
	v := e.figureAmount(w)
	if knowledge.IsReserves(r.Measure) {
		return capitalize(e.f("world %s reserves: %s (%s).", name, v, source(r.Edition)))
	}
	return capitalize(e.f("world %s of %s: %s in %s (%s).", e.measure(r.Measure), name, v, yearLabel(r.Year, r.World.Estimated), source(r.Edition)))
}

// reservesChange answers how reserves moved ("did US lithium reserves go up?", "how much did
// world cobalt reserves change"): reserves carry no year, so the change is between the
// editions that give them, the older's figure against the newer's, world or the country
// asked. ok is false when the question asks no change or an edition lacks the figure.
func (e *snap) reservesChange(m *knowledge.Mineral, r knowledge.Ranking, q Query) (string, bool) {
	asksChange := q.Direction != "" || q.Editions || slices.ContainsFunc(q.Terms, func(w string) bool {
		return slices.Contains(cueMeasures[w], MeasureChange)
	})
	if !asksChange || r.Edition != knowledge.MCS2026 {
		return "", false
	}
	where := knowledge.World
	if len(q.Countries) > 0 {
		where = q.Countries[0]
	}
	old, ok1 := e.kb.FigureIn(r.Mineral, r.Measure, where, 0, knowledge.MCS2025)
	cur, ok2 := e.kb.FigureIn(r.Mineral, r.Measure, where, 0, knowledge.MCS2026)
	if !ok1 || !ok2 || !old.Known() || !cur.Known() || old.Value <= 0 {
		return "", false
	}
	pct := (cur.Value - old.Value) / old.Value * 100
	name := e.tableName(m, r)
	// A figure USGS prints as a lower bound (">4,700,000") keeps its mark.
	value := func(f knowledge.Figure) string {
		if f.AtLeast {
			return ">" + number(f.Value)
		}
		return number(f.Value)
	}
	figures := []any{value(old), source(old.Edition), value(cur), source(cur.Edition), signed(pct), e.shortUnit(r.Unit)}
	body := e.f("world %s reserves: %s in %s, %s in %s (%s, %s).", append([]any{name}, figures...)...)
	if where != knowledge.World {
		body = e.f("%s reserves, %s: %s in %s, %s in %s (%s, %s).", append([]any{name, e.countryName(where)}, figures...)...)
	}
	if q.YesNo && q.Direction != "" {
		return e.verdict(q.Direction == "up" && pct > 0.05 || q.Direction == "down" && pct < -0.05, body), true
	}
	return capitalize(body), true
}

// measureNames reports whether a measure's label names the mineral itself ("platinum mine
// production"), so that a sentence does not name it again.
func (e *snap) measureNames(m *knowledge.Mineral, measure string) bool {
	return strings.Contains(strings.ToLower(measure), strings.ToLower(e.mineralName(m)))
}

// tableName is the lower-cased name of what a ranking's figures count: the mineral's own, or
// its group's where USGS gives only the group's (neodymium's production and reserves are the
// rare-earth elements', platinum's reserves the platinum-group metals').
func (e *snap) tableName(m *knowledge.Mineral, r knowledge.Ranking) string {
	if g, ok := e.kb.Mineral(r.Mineral); ok && g.ID != m.ID {
		return strings.ToLower(e.mineralName(g))
	}
	return strings.ToLower(e.mineralName(m))
}

// standingSentence says where a country stands in a ranking: "Mexico ranked #3 in world mine
// production of antimony in 2025e, with 6,300 metric tons (5.7% of the world; USGS MCS 2026)."
func (e *snap) standingSentence(m *knowledge.Mineral, r knowledge.Ranking, row knowledge.Share) string {
	name := e.tableName(m, r)
	share := ""
	if row.Share >= 0 {
		share = percent(row.Share) + " " + e.t("of the world") + "; "
	}
	rank := e.f("#%s of %s", strconv.Itoa(row.Rank), strconv.Itoa(len(r.Rows)))
	if ties := e.tiedWith(r, row); ties != "" {
		rank += " (" + ties + ")"
	}
	if knowledge.IsReserves(r.Measure) {
		return e.f("%s holds %s of %s reserves, %s (%s%s).", e.countrySubject(row.Country), e.amount(row, r.Unit), name,
			rank, share, source(r.Edition))
	}
	measure := e.measure(r.Measure)
	var out string
	if e.measureNames(m, measure) {
		// "palladium mine production", not "palladium mine production of palladium"
		out = e.f("%s ranked %s in world %s in %s, with %s (%s%s).", e.countrySubject(row.Country), rank,
			measure, yearLabel(r.Year, row.Estimated), e.amount(row, r.Unit), share, source(r.Edition))
	} else {
		out = e.f("%s ranked %s in world %s of %s in %s, with %s (%s%s).", e.countrySubject(row.Country), rank,
			measure, name, yearLabel(r.Year, row.Estimated), e.amount(row, r.Unit), share, source(r.Edition))
	}
	// The change from the year before, as the same edition prints it.
	if c, ok := e.kb.ChangeIn(r.Mineral, r.Measure, row.Country, r.Edition, r.Year-1, r.Year); ok && c.Known() {
		out = sentences(out, e.changeSentence(c))
	}
	return out
}

// changeSentence says how a figure moved from the year before: "Up 1.6% from 6,200 in 2024."
func (e *snap) changeSentence(c knowledge.Change) string {
	pct, ok := c.Percent()
	from := yearLabel(c.From.Year, c.From.Estimated)
	switch {
	case !ok:
		return ""
	case pct > 0.05:
		return e.f("Up %s from %s in %s.", strconv.FormatFloat(pct, 'f', 1, 64)+"%", number(c.From.Value), from)
	case pct < -0.05:
		return e.f("Down %s from %s in %s.", strconv.FormatFloat(-pct, 'f', 1, 64)+"%", number(c.From.Value), from)
	}
	return e.f("Unchanged from %s.", from)
}

// policiesOn are the policy items about a mineral (or its group) in a country, newest first.
func (e *snap) policiesOn(m *knowledge.Mineral, country string) []*knowledge.Policy {
	var out []*knowledge.Policy
	for _, p := range e.kb.PoliciesIn(country) {
		if slices.ContainsFunc(p.Minerals, func(id string) bool { return id == m.ID || m.Group != "" && id == m.Group }) {
			out = append(out, p)
		}
	}
	return out
}

// itemCount is "1 item", "3 items".
func (e *snap) itemCount(n int) string {
	if n == 1 {
		return e.t("1 item")
	}
	return e.f("%s items", strconv.Itoa(n))
}

// notListed says that the newest production table of a mineral does not list a country
// among its producers, for the year asked when that edition prints it ("does Mexico produce
// lithium in 2025?"); ok is false when there is no such table with rows.
func (e *snap) notListed(m *knowledge.Mineral, country string, q Query) (string, bool) {
	if m.NoCountryTable != "" {
		return "", false
	}
	for _, measure := range e.kb.Measures(m.ID) {
		if knowledge.IsReserves(measure) || knowledge.IsCapacity(measure) {
			continue
		}
		r := e.rank(m, measure, 0, q)
		if len(r.Rows) == 0 {
			return "", false
		}
		if q.Year != 0 && q.Year != r.Year {
			// An earlier year the same edition prints; a year it does not print, no verdict.
			if r = e.kb.RankIn(r.Mineral, measure, q.Year, r.Edition); len(r.Rows) == 0 {
				return "", false
			}
		}
		if f, ok := e.kb.FigureIn(r.Mineral, measure, country, r.Year, r.Edition); ok && f.Known() && f.Value == 0 {
			// The U.S. row of the graphite table: printed, and zero.
			return e.f("%s puts %s of %s in %s at zero in %s.", source(r.Edition), e.measure(measure), strings.ToLower(e.mineralName(m)),
				e.countryAfterIn(country), yearLabel(r.Year, r.Estimated)), true
		}
		return e.f("%s does not list %s among the %s countries with %s of %s in %s.", source(r.Edition), e.countryAfterIn(country),
			strconv.Itoa(len(r.Rows)), e.measure(measure), strings.ToLower(e.mineralName(m)), yearLabel(r.Year, r.Estimated)), true
	}
	return "", false
}

// mineralInCountry: a country's place in one mineral's tables.
func (e *snap) mineralInCountry(q Query, m *knowledge.Mineral, country string) *Answer {
	c, _ := e.kb.Country(country)
	a := &Answer{Intent: IntentMineralCountry, Record: e.mineralRef(m), Title: e.f("%s in %s", e.mineralName(m), e.countryAfterIn(c.ID))}
	// The headline is the first row of the measure asked (production, or reserves), else the
	// first row of the other.
	reserves := q.Measure == MeasureReserves
	type standing struct {
		r   knowledge.Ranking
		row knowledge.Share
	}
	var asked, other *standing
	found := false
	measures := e.kb.Measures(m.ID)
	lead := stageMeasure(measures, q)
	if lead == "" {
		lead = knowledge.OwnMeasure(measures, m.ID) // platinum's own row of the PGM table
	}
	if lead != "" {
		// "Is Chile the biggest copper refiner?": the refinery table answers first.
		measures = append([]string{lead}, slices.DeleteFunc(slices.Clone(measures), func(x string) bool { return x == lead })...)
	}
	if q.Year != 0 && !reserves {
		// The year asked, in the first production table only: "Mexico copper production
		// 2025" is mine production, of its latest year, even where only the refinery table
		// has 2025.
		if i := slices.IndexFunc(measures, func(x string) bool { return !knowledge.IsReserves(x) && !knowledge.IsCapacity(x) }); i >= 0 {
			r := e.rank(m, measures[i], q.Year, q)
			if row, ok := r.ShareOf(c.ID); ok {
				asked = &standing{r, row}
			}
		}
	}
	for _, measure := range measures {
		r := e.rank(m, measure, 0, q)
		year := r.Year
		row, ok := r.ShareOf(c.ID)
		if !ok {
			continue
		}
		found = true
		if !knowledge.IsCapacity(measure) {
			switch {
			case knowledge.IsReserves(measure) == reserves && asked == nil:
				asked = &standing{r, row}
			case knowledge.IsReserves(measure) != reserves && other == nil:
				other = &standing{r, row}
			}
		}
		v := figureValue(row) + " " + e.t(r.Unit)
		if row.Share >= 0 {
			v += ", " + e.f("%s of the world", percent(row.Share))
		}
		v += ", " + e.f("#%s of %s countries listed", strconv.Itoa(row.Rank), strconv.Itoa(len(r.Rows)))
		label := capitalize(e.measure(measure))
		if year > 0 {
			label += ", " + yearLabel(year, row.Estimated)
		}
		a.Sections = append(a.Sections, Section{Facts: []Fact{{Label: label, Value: v}}, Note: e.dataNote(r)})
		a.Sources = appendSource(a.Sources, r.Source)
	}
	var unknown string // "United States: USGS withholds its mine production of lithium …"
	var status knowledge.Status
	if asked == nil {
		unknown, status = e.unknownFigure(m, c.ID, reserves)
	}
	switch {
	case asked != nil:
		a.Headline = e.standingSentence(m, asked.r, asked.row)
	case unknown != "" && other != nil:
		a.Headline = sentences(unknown, e.standingSentence(m, other.r, other.row))
	case unknown != "":
		a.Headline = unknown
	case other != nil:
		a.Headline = e.standingSentence(m, other.r, other.row)
	}
	if asked != nil {
		if h, ok := e.rankedAhead(q, m, asked.r, asked.row); ok {
			a.Headline = h // Helper Z: "which countries produce more zinc than Mexico?" (ranked_ahead.go)
		}
	}
	if !found && unknown == "" {
		a.Headline = e.f("The USGS tables this knowledge base holds list no %s figures for %s.", strings.ToLower(e.mineralName(m)), e.countryAfterIn(c.ID))
		if h := e.tablesShow(m, c.ID, q); h != "" {
			a.Headline = h // Helper AD: "how much gallium does the US have?" (views_ad.go)
		}
		if m.NoCountryTable != "" && e.lang == English {
			// "what % of global germanium does China make": what the chapter says instead.
			a.Headline = sentences(a.Headline, e.sentence(m.NoCountryTable))
		}
	}
	changed := false
	notProduced := false // a no: the newest production table leaves the country out
	if reserves && asked != nil {
		// "did US lithium reserves go up?": the two editions' figures.
		if head, ok := e.reservesChange(m, asked.r, q); ok {
			a.Headline, changed = head, true
		}
	}
	if q.YesNo && !changed && (!reserves || q.Rank > 0 || q.Top > 0 || q.Major || q.Most) {
		// "Is Mexico the largest silver producer?", "¿México produce grafito?", "Is
		// Argentina in the top 3 for lithium reserves?"
		yes := asked != nil
		if yes {
			rank := asked.row.Rank
			switch {
			case q.Rank > 0: // "the second largest"
				yes = rank == q.Rank
			case q.Top > 0: // "among the top 3"
				yes = rank <= q.Top
			case q.Major: // "a major producer", "one of the biggest"
				yes = rank <= majorRank
			case q.Most: // "the largest"
				yes = rank == 1
			}
		}
		switch ranked := q.Rank > 0 || q.Top > 0 || q.Major || q.Most; {
		case asked == nil && status == knowledge.Withheld && !ranked:
			// A withheld figure is a production USGS will not print: "does the US produce
			// lithium?" is yes.
			a.Headline = e.verdict(true, a.Headline)
		case asked == nil && unknown != "":
			// Where a withheld or missing figure would rank, no one can say.
			a.Headline = e.f("Not known — %s", a.Headline)
		case !found && unknown == "" && !ranked && q.Direction == "":
			// "Does Mexico produce lithium (in 2025)?": the newest production table has rows
			// but none for the country, a no; what the knowledge base holds on the mineral
			// there after.
			if head, ok := e.notListed(m, c.ID, q); ok {
				a.Headline = e.verdict(false, head)
				notProduced = true
			}
		case !found && unknown == "":
			// No table lists the country: a verdict would answer what the tables cannot, and
			// "No —" would read as "production did not rise".
		case !yes && q.Most && asked != nil && !knowledge.IsReserves(asked.r.Measure):
			// "is China the top producer of silver?": no, and who is (leads_in.go).
			a.Headline = e.verdict(false, e.behindLeader(m, asked.r, asked.row))
		default:
			a.Headline = e.verdict(yes, a.Headline)
		}
	}
	if asked != nil && !reserves {
		// "¿cuánto cobre produjo Chile en 2025?" where the newest table ends in 2024e.
		a.Headline = sentences(e.yearMissing(m, asked.r, q), a.Headline)
		a.Headline = e.stageNoted(m, asked.r, q, a.Headline) // "does China refine cobalt?" (views_stage.go)
	}
	for _, x := range e.kb.ImportSourcesOf(m.ID) {
		if x.Country == c.ID {
			label := e.f("Share of U.S. imports %s", x.Period)
			if x.Product != "" {
				label += " (" + strings.ToLower(e.t(x.Product)) + ")"
			}
			a.Sections = append(a.Sections, Section{Facts: []Fact{{Label: label, Value: x.Printed + "%"}}})
			a.Sources = appendSource(a.Sources, x.Source)
		}
	}
	var both []string
	on := e.policiesOn(m, c.ID)
	for _, p := range on {
		both = append(both, e.lang.Date(p.Date)+": "+e.policyTitle(p))
	}
	if len(on) > 0 && (notProduced || !found && unknown == "") {
		// The verdict first, then that the knowledge base has items on it, the newest named.
		// Where no table lists the country ("¿qué pasa con el litio en México?"), the same
		// after the missing figures: the items are what the knowledge base holds on it.
		more := e.f("The knowledge base has %s on %s in %s; the newest is “%s” (%s).", e.itemCount(len(on)), e.subject(m),
			e.countryAfterIn(c.ID), e.policyTitle(on[0]), e.lang.Date(on[0].Date))
		a.Headline = sentences(a.Headline, more)
	}
	if len(both) > 0 {
		a.Sections = append(a.Sections, Section{Heading: e.t("Policy"), Items: both})
	}
	a.Related = appendLink(a.Related, Link{Ref: knowledge.Ref{Kind: knowledge.KindCountry, ID: c.ID}, Title: e.countryName(c.ID)})
	return a
}

// unknownFigure says that USGS prints no number for a country's production (or reserves) of
// a mineral in its newest table, where the table lists the country as withheld (W) or not
// available (NA): the answer to "US lithium production" is that, not the country's reserves.
func (e *snap) unknownFigure(m *knowledge.Mineral, country string, reserves bool) (string, knowledge.Status) {
	for _, measure := range e.kb.Measures(m.ID) {
		if knowledge.IsReserves(measure) != reserves || knowledge.IsCapacity(measure) {
			continue
		}
		year := e.kb.LatestYear(m.ID, measure)
		f, ok := e.kb.FigureIn(m.ID, measure, country, year, e.kb.LatestEdition(m.ID, measure))
		if !ok {
			continue
		}
		if reserves && f.Status != knowledge.Number {
			return e.f("%s: USGS gives no figure (%s) for its %s reserves (%s).", e.countryName(country), string(f.Status), strings.ToLower(e.mineralName(m)), source(f.Edition)), f.Status
		}
		args := []any{e.countryName(country), e.measure(measure), strings.ToLower(e.mineralName(m)), yearLabel(year, f.Estimated), source(f.Edition)}
		switch f.Status {
		case knowledge.Withheld:
			return e.f("%s: USGS withholds its %s of %s for %s, to avoid disclosing company data (%s).", args...), f.Status
		case knowledge.NotAvailable:
			return e.f("%s: USGS gives no figure (NA) for its %s of %s for %s (%s).", args...), f.Status
		}
	}
	return "", knowledge.Number
}

// acrossCountries: one mineral in two or more countries.
func (e *snap) acrossCountries(q Query, m *knowledge.Mineral, measure Measure) *Answer {
	reserves := measure == MeasureReserves || q.Measure == MeasureReserves
	var names []string
	for _, c := range q.Countries {
		names = append(names, e.countryName(c))
	}
	a := &Answer{Intent: IntentMineralCountry, Record: e.mineralRef(m), Title: e.f("%s in %s", e.mineralName(m), e.and(names))}
	var parts []string
	s := Section{}
	var r0 knowledge.Ranking
	// "Mexico and Peru together": the rows' sum, where every country is in the one table
	// with a plain figure and a share.
	var sum, share float64
	summable := len(q.Countries) > 1
	var compared []comparedRow
	var missing []string
	for _, c := range q.Countries {
		r, row, ok := e.countryRow(m, c, reserves, q.Year)
		if ok {
			compared = append(compared, comparedRow{c, r, row})
		}
		if !ok {
			missing = append(missing, c) // Helper AB
			parts = append(parts, e.notListedPart(m, c, reserves))
			s.Facts = append(s.Facts, Fact{Label: e.countryName(c), Value: e.t("not listed")})
			summable = false
			continue
		}
		if r0.Measure == "" {
			r0 = r
		}
		if r.Measure != r0.Measure || r.Year != r0.Year || r.Edition != r0.Edition || row.AtLeast || row.Share < 0 || row.Form != "" {
			summable = false
		}
		sum, share = sum+row.Value, share+row.Share
		v := e.amount(row, r.Unit)
		if row.Share >= 0 {
			v += ", " + percent(row.Share)
		}
		v += ", " + e.rankText(r, row)
		parts = append(parts, e.countryName(c)+" "+v)
		s.Facts = append(s.Facts, Fact{Label: e.countryName(c), Value: v})
		a.Sources = appendSource(a.Sources, r.Source)
	}
	if r0.Measure == "" {
		said, absent := e.missingCountries(q, m, reserves, missing, 2) // Helper AB (views_across_missing.go)
		a.Headline = e.withNoCountryTable(m, sentences(append(said, e.noFiguresFor(m, absent))...))
		return a
	}
	what := e.measure(r0.Measure)
	if r0.Year != 0 {
		what += ", " + yearLabel(r0.Year, r0.Estimated)
	}
	a.Headline = sentences(e.yearMissing(m, r0, q), e.comparativeVerdict(q, m, compared, reserves),
		e.f("%s, %s (%s): %s.", e.mineralName(m), what, source(r0.Edition), strings.Join(parts, "; ")))
	if summable && asksCombined(q) { // Helper AD: "how much of the world's silver do Mexico and Peru produce?"
		var together string
		if reserves {
			together = e.f("Together, %s hold %s of the world's %s reserves: %s (%s).", e.countryNames(q.Countries), percent(share),
				strings.ToLower(e.mineralName(m)), number(sum)+" "+e.shortUnit(r0.Unit), source(r0.Edition))
		} else {
			together = e.f("Together, %s accounted for %s of world %s of %s in %s: %s (%s).", e.countryNames(q.Countries), percent(share),
				e.measure(r0.Measure), strings.ToLower(e.mineralName(m)), yearLabel(r0.Year, r0.Estimated), number(sum)+" "+e.shortUnit(r0.Unit), source(r0.Edition))
		}
		a.Headline = sentences(together, a.Headline)
	}
	s.Heading = capitalize(what)
	s.Note = e.dataNote(r0)
	a.Sections = append(a.Sections, s)
	return a
}

// togetherWords ask for countries' figures added up: "Mexico and Peru together".
var togetherWords = set("together", "combined", "combine", "jointly", "sum", "total", "juntos", "juntas", "conjunto", "sumados",
	"sumadas", "combinados", "combinada", "suman")

// countriesTogether: "Mexico and Peru together", naming no mineral: the countries added up in
// the mineral they hold the largest combined share of, among those every one of them
// produces, and the next ones. It reports false when they share none.
func (e *snap) countriesTogether(q Query) (*Answer, bool) {
	type pick struct {
		m     *knowledge.Mineral
		share float64
	}
	var ps []pick
	seen := map[string]bool{}
	for _, m := range e.kb.Minerals {
		var share float64
		var r0 knowledge.Ranking
		all := true
		for _, c := range q.Countries {
			r, row, ok := e.countryRow(m, c, false, q.Year)
			if !ok || row.Share < 0 || row.AtLeast || row.Form != "" || r0.Measure != "" && (r.Measure != r0.Measure || r.Year != r0.Year) {
				all = false
				break
			}
			r0, share = r, share+row.Share
		}
		if !all || seen[r0.Mineral+"/"+r0.Measure] {
			continue
		}
		seen[r0.Mineral+"/"+r0.Measure] = true
		ps = append(ps, pick{m, share})
	}
	if len(ps) == 0 {
		return nil, false
	}
	slices.SortStableFunc(ps, func(a, b pick) int { return cmp.Compare(b.share, a.share) })
	one := q
	one.Minerals = []string{ps[0].m.ID}
	a := e.acrossCountries(one, ps[0].m, MeasureProduction)
	var next []string
	for _, p := range ps[1:min(len(ps), 4)] {
		next = append(next, strings.ToLower(e.mineralName(p.m))+" ("+percent(p.share)+")")
	}
	lead := e.f("Of the %s minerals that %s each produce, their largest combined share is in %s.", itoa(len(ps)), e.countryNames(q.Countries), strings.ToLower(e.mineralName(ps[0].m)))
	if len(next) > 0 {
		lead = e.f("Of the %s minerals that %s each produce, their largest combined share is in %s; next: %s.", itoa(len(ps)), e.countryNames(q.Countries), strings.ToLower(e.mineralName(ps[0].m)), e.and(next))
	}
	a.Headline = sentences(lead, a.Headline)
	return a, true
}

// rankView: who is #N, or who comes after a country, in a mineral's production or reserves.
func (e *snap) rankView(q Query, m *knowledge.Mineral, reserves bool) *Answer {
	a := &Answer{Intent: IntentProducers, Record: e.mineralRef(m), Title: e.f("Who produces %s", strings.ToLower(e.mineralName(m)))}
	r, ok := e.kb.PrimaryRanking(m.ID)
	if reserves {
		r, ok = e.kb.ReservesRanking(m.ID)
		a.Title = e.f("%s reserves by country", e.mineralName(m))
	}
	if !ok || len(r.Rows) == 0 {
		return e.producersAnswer(m, q)
	}
	rank := q.Rank
	if q.After != "" {
		ref, ok := r.ShareOf(q.After)
		if !ok {
			a.Headline = e.f("%s is not among the countries USGS lists for %s.", e.countryName(q.After), strings.ToLower(e.mineralName(m)))
			a.Sections = append(a.Sections, e.producersSection(m, r, 5))
			return a
		}
		rank = nextRank(r, ref.Rank)
	}
	var at []knowledge.Share
	for _, x := range r.Rows {
		if x.Rank == rank {
			at = append(at, x)
		}
	}
	if len(at) == 0 {
		// A rank inside a tie ("#3" where two share #2) belongs to the tie.
		for _, x := range r.Rows {
			if x.Rank < rank && x.Rank+countAt(r, x.Rank) > rank {
				at = append(at, x)
			}
		}
	}
	if len(at) == 0 {
		a.Headline = e.f("USGS lists only %s countries for %s.", strconv.Itoa(len(r.Rows)), strings.ToLower(e.mineralName(m)))
	} else {
		a.Headline = e.standingSentence(m, r, at[0])
		if q.After != "" {
			a.Headline = sentences(e.f("After %s comes %s.", e.countryName(q.After), e.countryName(at[0].Country)), a.Headline)
		}
	}
	if reserves {
		a.Sections = append(a.Sections, e.reservesSection(r, max(5, rank+1)))
	} else {
		a.Sections = append(a.Sections, e.producersSection(m, r, max(5, rank+1)))
	}
	a.Sources = appendSource(a.Sources, r.Source)
	return a
}

// nextRank is the rank that follows a rank and those tied with it.
func nextRank(r knowledge.Ranking, rank int) int { return rank + countAt(r, rank) }

func countAt(r knowledge.Ranking, rank int) int {
	n := 0
	for _, x := range r.Rows {
		if x.Rank == rank {
			n++
		}
	}
	return n
}

// list: the minerals on a critical list. The EU lists count items as the regulation's
// annexes write them (groups such as "heavy rare earth elements" once), members without a
// card of their own (helium, feldspar) included.
func (e *snap) list(which string) *Answer {
	which = strings.ToLower(strings.TrimSpace(which))
	var l knowledge.List
	switch which {
	case "", "usgs", "usgs-2025", "us", "2025":
		l = knowledge.USGS2025
	case "usgs-2022", "2022":
		l = knowledge.USGS2022
	case "eu", "eu-critical", "eu-crma", "eu-crma-critical", "crma":
		l = knowledge.EUCRMACritical
	case "eu-strategic", "eu-crma-strategic", "strategic":
		l = knowledge.EUCRMAStrategic
	case "new-in-2025", "new", "added", "2025-additions":
		return e.listChange(true)
	case "removed-in-2025", "removed", "dropped":
		return e.listChange(false)
	default:
		return e.usage("list")
	}
	items := e.listItems(l)
	a := &Answer{Intent: IntentList, Title: capitalize(e.t(l.Title())), Subtitle: e.f("%s items", strconv.Itoa(len(items)))}
	a.Headline = e.f("%s: %s items.", capitalize(e.t(l.Title())), strconv.Itoa(len(items)))
	var names []string
	for _, it := range items {
		n := it.name
		if l == knowledge.USGS2025 && it.mineral != nil && it.mineral.AddedIn2025() {
			n += " " + e.t("(new)")
		}
		names = append(names, n)
		if it.mineral != nil {
			a.Related = appendLink(a.Related, Link{Ref: e.mineralRef(it.mineral), Title: e.mineralName(it.mineral)})
		}
	}
	if len(names) <= maxNamedItems {
		// A short list is named in the headline: "which minerals are strategic in the EU?"
		lower := make([]string, len(names))
		for i, n := range names {
			lower[i] = lowerFirst(n)
		}
		a.Headline = e.f("%s: %s items: %s.", capitalize(e.t(l.Title())), strconv.Itoa(len(items)), e.and(lower))
	}
	a.Sections = []Section{{Text: strings.Join(names, ", ")}}
	a.Sources = e.listSources(l)
	return a
}

// maxNamedItems is the longest list a headline names item by item.
const maxNamedItems = 20

type listItem struct {
	name    string
	mineral *knowledge.Mineral // nil for an item without a card
}

// listItems are a list's items as the list writes them: one per distinct item, named by its
// mineral's card where the item is one mineral, else as printed.
func (e *snap) listItems(l knowledge.List) []listItem {
	var out []listItem
	seen := map[string]int{}
	for _, en := range e.kb.ListEntries {
		if en.List != l {
			continue
		}
		if i, ok := seen[en.Item]; ok {
			out[i].mineral = nil // a group item: named as printed
			out[i].name = capitalize(e.t(en.Item))
			continue
		}
		seen[en.Item] = len(out)
		it := listItem{name: capitalize(e.t(en.Item))}
		if m, ok := e.kb.Mineral(en.Mineral); ok {
			it.mineral = m
			// Named by its card, unless the list names a form of it ("phosphorus" and
			// "phosphate rock" are two items of one card).
			if !slices.ContainsFunc(e.kb.ListEntries, func(x knowledge.ListEntry) bool {
				return x.List == l && x.Mineral == m.ID && x.Item != en.Item
			}) {
				it.name = e.mineralName(m)
			}
		}
		out = append(out, it)
	}
	slices.SortStableFunc(out, func(a, b listItem) int { return strings.Compare(strings.ToLower(a.name), strings.ToLower(b.name)) })
	return out
}

// listChange: the minerals the 2025 list added to the 2022 one, or dropped from it.
func (e *snap) listChange(added bool) *Answer {
	a := &Answer{Intent: IntentList}
	var names, lower []string // as in the card, and inside a sentence
	from, to := knowledge.USGS2022, knowledge.USGS2025
	if !added {
		from, to = to, from
	}
	for _, m := range e.lists[to].members {
		if !m.On(from) {
			names = append(names, e.mineralName(m))
			lower = append(lower, strings.ToLower(e.mineralName(m)))
			a.Related = appendLink(a.Related, Link{Ref: e.mineralRef(m), Title: e.mineralName(m)})
		}
	}
	if added {
		a.Title = e.t("Added to the U.S. critical minerals list in 2025")
		a.Headline = e.f("The 2025 U.S. list added %s minerals that were not on the 2022 list: %s.", strconv.Itoa(len(names)), e.and(lower))
	} else {
		a.Title = e.t("Dropped from the U.S. critical minerals list in 2025")
		a.Headline = e.f("%s minerals on the 2022 U.S. list are not on the 2025 one: %s.", strconv.Itoa(len(names)), e.and(lower))
		if len(names) == 0 {
			a.Headline = e.t("None: every mineral on the 2022 U.S. list is on the 2025 one.")
		}
	}
	if d := e.draftList(); d != nil {
		a.Headline = sentences(a.Headline, e.draftSentence(d))
	}
	a.Subtitle = e.t("derived from the two lists")
	a.Sections = []Section{{Text: strings.Join(names, ", ")}}
	a.Sources = e.listSources(knowledge.USGS2025, knowledge.USGS2022)
	return a
}

// draftList is the newest proposed list with proposed changes, if any.
func (e *snap) draftList() *knowledge.Policy { return e.draft }

func draftList(kb *knowledge.KB) *knowledge.Policy {
	var d *knowledge.Policy
	for _, p := range kb.Policies {
		if p.Kind == "list" && len(p.ListAdds)+len(p.ListRemoves) > 0 {
			d = p
		}
	}
	return d
}

// draftSentence says what a draft list proposed: "The August 2025 draft had proposed adding
// 6 (copper, …) and removing arsenic and tellurium."
func (e *snap) draftSentence(d *knowledge.Policy) string {
	names := func(ids []string) string {
		var out []string
		for _, id := range ids {
			if m, ok := e.kb.Mineral(id); ok {
				out = append(out, strings.ToLower(e.mineralName(m)))
			}
		}
		return e.and(out)
	}
	return e.f("The %s draft had proposed adding %s and removing %s.", e.lang.Date(knowledge.Date{Time: d.Date.Time, Precision: knowledge.Month}), names(d.ListAdds), names(d.ListRemoves))
}

// listSources are the sources of lists' entries, in list order.
func (e *snap) listSources(ls ...knowledge.List) []knowledge.Source {
	var out []knowledge.Source
	for _, l := range ls {
		for _, s := range e.lists[l].sources {
			out = appendSource(out, s)
		}
	}
	return out
}

// listInfo is what answers use of a list, derived once per knowledge base.
type listInfo struct {
	members []*knowledge.Mineral // kb.OnList
	sources []knowledge.Source   // its entries' sources, each once
	items   int                  // its distinct items as printed (Helper U: lists_longest.go)
}

func indexLists(kb *knowledge.KB) map[knowledge.List]listInfo {
	out := make(map[knowledge.List]listInfo, len(knowledge.Lists))
	for _, l := range knowledge.Lists {
		info := listInfo{members: kb.OnList(l)}
		items := map[string]bool{}
		for _, en := range kb.ListEntries {
			if en.List == l {
				info.sources = appendSource(info.sources, en.Source)
				items[en.Item] = true
			}
		}
		info.items = len(items)
		out[l] = info
	}
	return out
}

// policyList lists policy items, in the order given.
func (e *snap) policyList(ps []*knowledge.Policy, title string) *Answer {
	a := &Answer{Intent: IntentPolicyList, Title: e.t(title)}
	s := Section{}
	for _, p := range ps {
		item := e.lang.Date(p.Date) + ": " + e.policyTitle(p)
		item += e.endNote(p)
		s.Items = append(s.Items, item)
		a.Related = appendLink(a.Related, Link{Ref: knowledge.Ref{Kind: knowledge.KindPolicy, ID: p.ID}, Title: e.policyTitle(p)})
	}
	a.Sections = []Section{s}
	return a
}

// newestFirst sorts policy items by date, newest first.
func newestFirst(ps []*knowledge.Policy) []*knowledge.Policy {
	ps = slices.Clone(ps)
	slices.SortStableFunc(ps, func(x, y *knowledge.Policy) int { return y.Date.Time.Compare(x.Date.Time) })
	return ps
}
