package answer

import (
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

const derivedNote = "Supply-risk figures are derived by mineralbot from the USGS table: shares of the world total; HHI sums the squared percentage shares of the countries listed by name (other countries left out, so it is a lower bound); 2,500 and above reads as highly concentrated, 1,500 to 2,500 as moderately."

func (e *snap) mineralRef(m *knowledge.Mineral) knowledge.Ref {
	return knowledge.Ref{Kind: knowledge.KindMineral, ID: m.ID}
}

// producersAnswer: who produces a mineral, with a chart of the top ten and its concentration.
func (e *snap) producersAnswer(m *knowledge.Mineral, q string) *Answer {
	a := &Answer{Intent: IntentProducers, Question: q, Record: e.mineralRef(m), Title: e.f("Who produces %s", strings.ToLower(e.mineralName(m)))}
	if m.Symbol != "" {
		a.Subtitle = e.mineralName(m) + " (" + m.Symbol + ") · " + e.otherName(m)
	}
	r, ok := e.kb.PrimaryRanking(m.ID)
	if !ok {
		text := e.t(m.NoCountryTable)
		if text == "" {
			text = e.f("USGS publishes no production by country for %s in the tables this knowledge base holds.", strings.ToLower(e.mineralName(m)))
		}
		a.Sections = append(a.Sections, Section{Heading: e.t("Producers"), Text: text})
	} else {
		a.Sections = append(a.Sections, e.producersSection(m, r, 10))
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
	e.addMineralSources(a, m)
	return a
}

func (e *snap) reservesSection(r knowledge.Ranking, n int) Section {
	s := Section{Heading: e.t("Reserves")}
	for _, row := range r.Top(n) {
		v := figureValue(row)
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
	for _, s := range m.Sources {
		a.Sources = appendSource(a.Sources, s)
	}
}

// usesAnswer: what a mineral is used for.
func (e *snap) usesAnswer(m *knowledge.Mineral, q string) *Answer {
	a := &Answer{Intent: IntentUses, Question: q, Record: e.mineralRef(m), Title: e.f("What %s is used for", strings.ToLower(e.mineralName(m))), Subtitle: e.otherName(m)}
	a.Sections = append(a.Sections, Section{Heading: e.t("Main uses"), Items: e.uses(m)})
	if uses := e.kb.EndUsesOf(m.ID); len(uses) > 0 {
		a.Sections = append(a.Sections, Section{Heading: e.countryName("united-states"), Facts: []Fact{e.endUsesFact(uses)}, Note: uses[0].Source.Edition})
		a.Sources = appendSource(a.Sources, uses[0].Source)
	}
	a.Sections = append(a.Sections, Section{Text: firstParagraph(e.summary(m.Summary, m.SummaryES))})
	e.addMineralSources(a, m)
	return a
}

// listsAnswer: is a mineral critical, and on which lists.
func (e *snap) listsAnswer(m *knowledge.Mineral, q string) *Answer {
	a := &Answer{Intent: IntentLists, Question: q, Record: e.mineralRef(m)}
	switch {
	case m.AddedIn2025():
		a.Title = e.f("Yes: %s joined the U.S. critical minerals list in 2025", e.mineralName(m))
	case m.On(knowledge.USGS2025):
		a.Title = e.f("Yes: %s is a U.S. critical mineral", e.mineralName(m))
	default:
		a.Title = e.f("%s is not on the U.S. 2025 critical minerals list", e.mineralName(m))
	}
	s := Section{Heading: e.t("Critical lists")}
	for _, l := range knowledge.Lists {
		v := e.t("no")
		for _, en := range m.Lists {
			if en.List == l {
				v = e.f("yes (listed as %s)", en.Item)
				a.Sources = appendSource(a.Sources, en.Source)
				break
			}
		}
		s.Facts = append(s.Facts, Fact{Label: e.t(l.Title()), Value: v})
	}
	a.Sections = append(a.Sections, s)
	return a
}

// riskAnswer: how concentrated a mineral's supply is, and how much the U.S. imports.
func (e *snap) riskAnswer(m *knowledge.Mineral, q string) *Answer {
	a := &Answer{Intent: IntentRisk, Question: q, Record: e.mineralRef(m), Title: e.f("Supply risk: %s", strings.ToLower(e.mineralName(m)))}
	if r, ok := e.kb.PrimaryRanking(m.ID); ok && r.HasShares() {
		a.Sections = append(a.Sections, Section{Heading: e.f("Concentration of %s, %s", e.measure(r.Measure), yearLabel(r.Year, r.Estimated)),
			Facts: e.riskFacts(r), Note: e.t(derivedNote) + " " + e.dataNote(r)})
		a.Sources = appendSource(a.Sources, r.Source)
	} else {
		a.Sections = append(a.Sections, Section{Text: e.f("No world production table with a world total is available for %s, so no concentration figures can be computed.", strings.ToLower(e.mineralName(m)))})
	}
	if s, ok := e.usImportSection(m); ok {
		a.Sections = append(a.Sections, s)
	}
	e.addMineralSources(a, m)
	return a
}

// compare: several minerals side by side.
func (e *snap) compare(q string, ms []knowledge.Ref) *Answer {
	const maxCompare = 6
	a := &Answer{Intent: IntentCompare, Question: q}
	var names []string
	for i, ref := range ms {
		if i == maxCompare {
			a.Sections = append(a.Sections, Section{Text: e.f("…and %s more not compared; name at most %s.", strconv.Itoa(len(ms)-maxCompare), strconv.Itoa(maxCompare))})
			break
		}
		m, ok := e.kb.Mineral(ref.ID)
		if !ok {
			continue
		}
		names = append(names, e.mineralName(m))
		s := Section{Heading: e.mineralName(m)}
		if r, ok := e.kb.PrimaryRanking(m.ID); ok && r.HasShares() {
			lead := r.Rows[0]
			s.Facts = append(s.Facts,
				Fact{Label: e.f("Top producer (%s, %s)", e.measure(r.Measure), yearLabel(r.Year, r.Estimated)), Value: e.countryName(lead.Country) + ", " + percent(lead.Share)},
				Fact{Label: e.t("Top 3 share"), Value: percent(r.TopShare(3))},
				Fact{Label: "HHI", Value: number(float64(int(r.HHI()+0.5))) + " (" + e.hhiReading(r.HHI()) + ")"})
			a.Sources = appendSource(a.Sources, r.Source)
		} else {
			s.Facts = append(s.Facts, Fact{Label: e.t("Producers"), Value: e.t("no country table with a world total")})
		}
		if rel, ok := e.kb.LatestReliance(m.ID); ok {
			s.Facts = append(s.Facts, Fact{Label: e.f("U.S. net import reliance, %s", yearLabel(rel.Year, rel.Estimated)), Value: e.relianceText(rel)})
		}
		var lists []string
		for _, l := range knowledge.Lists {
			if m.On(l) {
				lists = append(lists, string(l))
			}
		}
		if len(lists) == 0 {
			lists = []string{e.t("none")}
		}
		s.Facts = append(s.Facts, Fact{Label: e.t("Lists"), Value: strings.Join(lists, ", ")})
		a.Sections = append(a.Sections, s)
		a.Related = appendLink(a.Related, Link{Ref: ref, Title: e.mineralName(m)})
	}
	a.Title = e.f("Compare %s", strings.Join(names, ", "))
	a.Sections = append(a.Sections, Section{Note: e.t(derivedNote)})
	return a
}

// mineralInCountry: a country's place in one mineral's tables.
func (e *snap) mineralInCountry(q string, mref, cref knowledge.Ref) *Answer {
	m, _ := e.kb.Mineral(mref.ID)
	c, _ := e.kb.Country(cref.ID)
	a := &Answer{Intent: IntentMineralCountry, Question: q, Record: mref, Title: e.f("%s in %s", e.mineralName(m), e.countryName(c.ID))}
	found := false
	for _, measure := range e.kb.Measures(m.ID) {
		year := e.kb.LatestYear(m.ID, measure)
		r := e.kb.Rank(m.ID, measure, year)
		row, ok := r.ShareOf(c.ID)
		if !ok {
			continue
		}
		found = true
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
	if !found {
		a.Sections = append(a.Sections, Section{Text: e.f("The USGS tables this knowledge base holds list no %s figures for %s.", strings.ToLower(e.mineralName(m)), e.countryName(c.ID))})
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
	for _, p := range e.kb.PoliciesIn(c.ID) {
		for _, id := range p.Minerals {
			if id == m.ID || id == m.Group {
				both = append(both, e.lang.Date(p.Date)+": "+e.policyTitle(p))
				break
			}
		}
	}
	if len(both) > 0 {
		a.Sections = append(a.Sections, Section{Heading: e.t("Policy"), Items: both})
	}
	a.Related = appendLink(a.Related, Link{Ref: cref, Title: e.countryName(c.ID)})
	return a
}

// list: the minerals on a critical list.
func (e *snap) list(q, which string) *Answer {
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
		a := &Answer{Intent: IntentList, Question: q, Title: e.t("Added to the U.S. critical minerals list in 2025")}
		var names []string
		for _, m := range e.kb.OnList(knowledge.USGS2025) {
			if m.AddedIn2025() {
				names = append(names, e.mineralName(m))
				a.Related = appendLink(a.Related, Link{Ref: e.mineralRef(m), Title: e.mineralName(m)})
			}
		}
		a.Subtitle = e.f("%s minerals: on the 2025 list and not on the 2022 one (derived from the two lists)", strconv.Itoa(len(names)))
		a.Sections = []Section{{Text: strings.Join(names, ", ")}}
		a.Sources = e.listSources(knowledge.USGS2025, knowledge.USGS2022)
		return a
	default:
		return e.usage("list")
	}
	ms := e.kb.OnList(l)
	a := &Answer{Intent: IntentList, Question: q, Title: e.t(l.Title()), Subtitle: e.f("%s minerals", strconv.Itoa(len(ms)))}
	var names []string
	for _, m := range ms {
		n := e.mineralName(m)
		if l == knowledge.USGS2025 && m.AddedIn2025() {
			n += " " + e.t("(new)")
		}
		names = append(names, n)
	}
	a.Sections = []Section{{Text: strings.Join(names, ", ")}}
	a.Sources = e.listSources(l)
	return a
}

func (e *snap) listSources(ls ...knowledge.List) []knowledge.Source {
	var out []knowledge.Source
	for _, en := range e.kb.ListEntries {
		for _, l := range ls {
			if en.List == l {
				out = appendSource(out, en.Source)
			}
		}
	}
	return out
}

// policyList lists policy items, newest first.
func (e *snap) policyList(q string, ps []*knowledge.Policy, title string) *Answer {
	a := &Answer{Intent: IntentPolicyList, Question: q, Title: e.t(title)}
	s := Section{}
	ps = slices.Clone(ps)
	slices.SortStableFunc(ps, func(x, y *knowledge.Policy) int { return y.Date.Time.Compare(x.Date.Time) })
	for _, p := range ps {
		item := e.lang.Date(p.Date) + ": " + e.policyTitle(p)
		if !p.EndDate.IsZero() {
			item += " " + e.f("(until %s)", e.lang.Date(p.EndDate))
		}
		s.Items = append(s.Items, item)
		a.Related = appendLink(a.Related, Link{Ref: knowledge.Ref{Kind: knowledge.KindPolicy, ID: p.ID}, Title: e.policyTitle(p)})
	}
	a.Sections = []Section{s}
	return a
}
