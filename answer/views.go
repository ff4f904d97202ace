package answer

import (
	"fmt"
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// riskFacts are a ranking's supply-risk figures with a plain reading: the top producer's
// share, the top three's, the Herfindahl–Hirschman index and China's share.
func riskFacts(kb *knowledge.KB, r knowledge.Ranking) []Fact {
	if !r.HasShares() || len(r.Rows) == 0 {
		return nil
	}
	lead := r.Rows[0]
	verb := "mines"
	if !strings.HasPrefix(r.Measure, "mine") {
		verb = "produces"
	}
	hhi := r.HHI()
	facts := []Fact{
		{Label: "Reading", Value: fmt.Sprintf("%s: %s %s %s of the world's %s", capitalize(hhiReading(hhi)), kb.CountryName(lead.Country), verb, percent(lead.Share), knowledge.MeasureLabel(r.Measure))},
		{Label: "Top producer", Value: fmt.Sprintf("%s, %s", kb.CountryName(lead.Country), percent(lead.Share))},
		{Label: "Top 3 share", Value: percent(r.TopShare(3))},
		{Label: "HHI (0-10,000)", Value: fmt.Sprintf("%s (%s)", number(float64(int(hhi+0.5))), hhiReading(hhi))},
	}
	if cn, ok := r.ShareOf("china"); ok && lead.Country != "china" {
		facts = append(facts, Fact{Label: "China's share", Value: percent(cn.Share)})
	}
	return facts
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

const derivedNote = "Supply-risk figures are derived by mineralbot from the USGS table: shares of the world total; HHI sums the squared percentage shares of the countries listed by name (other countries left out, so it is a lower bound); 2,500 and above reads as highly concentrated, 1,500 to 2,500 as moderately."

func (e *Engine) mineralRef(m *knowledge.Mineral) knowledge.Ref {
	return knowledge.Ref{Kind: knowledge.KindMineral, ID: m.ID}
}

// producersAnswer: who produces a mineral, with a chart of the top ten and its concentration.
func (e *Engine) producersAnswer(m *knowledge.Mineral, q string) *Answer {
	a := &Answer{Intent: IntentProducers, Question: q, Record: e.mineralRef(m), Title: "Who produces " + strings.ToLower(m.Name)}
	if m.Symbol != "" {
		a.Subtitle = m.Name + " (" + m.Symbol + ") · " + m.NameES
	}
	r, ok := e.kb.PrimaryRanking(m.ID)
	if !ok {
		text := m.NoCountryTable
		if text == "" {
			text = "USGS publishes no production by country for " + strings.ToLower(m.Name) + " in the tables this knowledge base holds."
		}
		a.Sections = append(a.Sections, Section{Heading: "Producers", Text: text})
	} else {
		a.Sections = append(a.Sections, producersSection(e.kb, m, r, 10))
		a.Sources = appendSource(a.Sources, r.Source)
		for _, measure := range e.kb.Measures(m.ID) {
			if measure == r.Measure || knowledge.IsReserves(measure) || knowledge.IsCapacity(measure) {
				continue
			}
			other := e.kb.Rank(m.ID, measure, e.kb.LatestYear(m.ID, measure))
			if len(other.Rows) > 0 {
				a.Sections = append(a.Sections, producersSection(e.kb, m, other, 5))
			}
		}
	}
	if r, ok := e.kb.ReservesRanking(m.ID); ok {
		a.Sections = append(a.Sections, e.reservesSection(r, 5))
	}
	e.addMineralSources(a, m)
	return a
}

func (e *Engine) reservesSection(r knowledge.Ranking, n int) Section {
	s := Section{Heading: "Reserves"}
	for _, row := range r.Top(n) {
		v := figureValue(row)
		if row.Share >= 0 {
			v += " (" + percent(row.Share) + ")"
		}
		s.Facts = append(s.Facts, Fact{Label: e.kb.CountryName(row.Country), Value: v})
	}
	if r.World != nil {
		s.Facts = append(s.Facts, Fact{Label: "World", Value: worldValue(*r.World)})
	}
	s.Note = dataNote(r)
	return s
}

func (e *Engine) addMineralSources(a *Answer, m *knowledge.Mineral) {
	for _, s := range m.Sources {
		a.Sources = appendSource(a.Sources, s)
	}
}

// usesAnswer: what a mineral is used for.
func (e *Engine) usesAnswer(m *knowledge.Mineral, q string) *Answer {
	a := &Answer{Intent: IntentUses, Question: q, Record: e.mineralRef(m), Title: "What " + strings.ToLower(m.Name) + " is used for", Subtitle: m.NameES}
	a.Sections = append(a.Sections, Section{Heading: "Main uses", Items: m.Uses})
	if uses := e.kb.EndUsesOf(m.ID); len(uses) > 0 {
		a.Sections = append(a.Sections, Section{Heading: "United States", Facts: []Fact{endUsesFact(uses)}, Note: uses[0].Source.Edition})
		a.Sources = appendSource(a.Sources, uses[0].Source)
	}
	a.Sections = append(a.Sections, Section{Text: firstParagraph(m.Summary)})
	e.addMineralSources(a, m)
	return a
}

// listsAnswer: is a mineral critical, and on which lists.
func (e *Engine) listsAnswer(m *knowledge.Mineral, q string) *Answer {
	a := &Answer{Intent: IntentLists, Question: q, Record: e.mineralRef(m)}
	switch {
	case m.AddedIn2025():
		a.Title = fmt.Sprintf("Yes: %s joined the U.S. critical minerals list in 2025", m.Name)
	case m.On(knowledge.USGS2025):
		a.Title = fmt.Sprintf("Yes: %s is a U.S. critical mineral", m.Name)
	default:
		a.Title = fmt.Sprintf("%s is not on the U.S. 2025 critical minerals list", m.Name)
	}
	s := Section{Heading: "Critical lists"}
	for _, l := range knowledge.Lists {
		v := "no"
		for _, en := range m.Lists {
			if en.List == l {
				v = "yes (listed as " + en.Item + ")"
				a.Sources = appendSource(a.Sources, en.Source)
				break
			}
		}
		s.Facts = append(s.Facts, Fact{Label: l.Title(), Value: v})
	}
	a.Sections = append(a.Sections, s)
	return a
}

// riskAnswer: how concentrated a mineral's supply is, and how much the U.S. imports.
func (e *Engine) riskAnswer(m *knowledge.Mineral, q string) *Answer {
	a := &Answer{Intent: IntentRisk, Question: q, Record: e.mineralRef(m), Title: "Supply risk: " + strings.ToLower(m.Name)}
	if r, ok := e.kb.PrimaryRanking(m.ID); ok && r.HasShares() {
		a.Sections = append(a.Sections, Section{Heading: "Concentration of " + knowledge.MeasureLabel(r.Measure) + ", " + yearLabel(r.Year, r.Estimated),
			Facts: riskFacts(e.kb, r), Note: derivedNote + " " + dataNote(r)})
		a.Sources = appendSource(a.Sources, r.Source)
	} else {
		a.Sections = append(a.Sections, Section{Text: "No world production table with a world total is available for " + strings.ToLower(m.Name) + ", so no concentration figures can be computed."})
	}
	if s, ok := e.usImportSection(m); ok {
		a.Sections = append(a.Sections, s)
	}
	e.addMineralSources(a, m)
	return a
}

// compare: several minerals side by side.
func (e *Engine) compare(q string, ms []knowledge.Ref) *Answer {
	const maxCompare = 6
	a := &Answer{Intent: IntentCompare, Question: q}
	var names []string
	for i, ref := range ms {
		if i == maxCompare {
			a.Sections = append(a.Sections, Section{Text: fmt.Sprintf("…and %d more not compared; name at most %d.", len(ms)-maxCompare, maxCompare)})
			break
		}
		m, ok := e.kb.Mineral(ref.ID)
		if !ok {
			continue
		}
		names = append(names, m.Name)
		s := Section{Heading: m.Name}
		if r, ok := e.kb.PrimaryRanking(m.ID); ok && r.HasShares() {
			lead := r.Rows[0]
			s.Facts = append(s.Facts,
				Fact{Label: "Top producer (" + knowledge.MeasureLabel(r.Measure) + ", " + yearLabel(r.Year, r.Estimated) + ")", Value: e.kb.CountryName(lead.Country) + ", " + percent(lead.Share)},
				Fact{Label: "Top 3 share", Value: percent(r.TopShare(3))},
				Fact{Label: "HHI", Value: fmt.Sprintf("%s (%s)", number(float64(int(r.HHI()+0.5))), hhiReading(r.HHI()))})
			a.Sources = appendSource(a.Sources, r.Source)
		} else {
			s.Facts = append(s.Facts, Fact{Label: "Producers", Value: "no country table with a world total"})
		}
		if rel, ok := e.kb.LatestReliance(m.ID); ok {
			s.Facts = append(s.Facts, Fact{Label: "U.S. net import reliance, " + yearLabel(rel.Year, rel.Estimated), Value: relianceText(rel)})
		}
		var lists []string
		for _, l := range knowledge.Lists {
			if m.On(l) {
				lists = append(lists, string(l))
			}
		}
		if len(lists) == 0 {
			lists = []string{"none"}
		}
		s.Facts = append(s.Facts, Fact{Label: "Lists", Value: strings.Join(lists, ", ")})
		a.Sections = append(a.Sections, s)
		a.Related = appendLink(a.Related, Link{Ref: ref, Title: m.Name})
	}
	a.Title = "Compare " + strings.Join(names, ", ")
	a.Sections = append(a.Sections, Section{Note: derivedNote})
	return a
}

// mineralInCountry: a country's place in one mineral's tables.
func (e *Engine) mineralInCountry(q string, mref, cref knowledge.Ref) *Answer {
	m, _ := e.kb.Mineral(mref.ID)
	c, _ := e.kb.Country(cref.ID)
	a := &Answer{Intent: IntentMineralCountry, Question: q, Record: mref, Title: m.Name + " in " + c.Name}
	found := false
	for _, measure := range e.kb.Measures(m.ID) {
		year := e.kb.LatestYear(m.ID, measure)
		r := e.kb.Rank(m.ID, measure, year)
		row, ok := r.ShareOf(c.ID)
		if !ok {
			continue
		}
		found = true
		v := fmt.Sprintf("%s %s", figureValue(row), r.Unit)
		if row.Share >= 0 {
			v += fmt.Sprintf(", %s of the world", percent(row.Share))
		}
		v += fmt.Sprintf(", #%d of %d countries listed", row.Rank, len(r.Rows))
		label := capitalize(knowledge.MeasureLabel(measure))
		if year > 0 {
			label += ", " + yearLabel(year, row.Estimated)
		}
		a.Sections = append(a.Sections, Section{Facts: []Fact{{Label: label, Value: v}}, Note: dataNote(r)})
		a.Sources = appendSource(a.Sources, r.Source)
	}
	if !found {
		a.Sections = append(a.Sections, Section{Text: fmt.Sprintf("The USGS tables this knowledge base holds list no %s figures for %s.", strings.ToLower(m.Name), c.Name)})
	}
	for _, x := range e.kb.ImportSourcesOf(m.ID) {
		if x.Country == c.ID {
			label := "Share of U.S. imports " + x.Period
			if x.Product != "" {
				label += " (" + strings.ToLower(x.Product) + ")"
			}
			a.Sections = append(a.Sections, Section{Facts: []Fact{{Label: label, Value: x.Printed + "%"}}})
			a.Sources = appendSource(a.Sources, x.Source)
		}
	}
	var both []string
	for _, p := range e.kb.PoliciesIn(c.ID) {
		for _, id := range p.Minerals {
			if id == m.ID || id == m.Group {
				both = append(both, p.Date.Human()+": "+p.Title)
				break
			}
		}
	}
	if len(both) > 0 {
		a.Sections = append(a.Sections, Section{Heading: "Policy", Items: both})
	}
	a.Related = appendLink(a.Related, Link{Ref: cref, Title: c.Name})
	return a
}

// list: the minerals on a critical list.
func (e *Engine) list(q, which string) *Answer {
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
		a := &Answer{Intent: IntentList, Question: q, Title: "Added to the U.S. critical minerals list in 2025"}
		var names []string
		for _, m := range e.kb.OnList(knowledge.USGS2025) {
			if m.AddedIn2025() {
				names = append(names, m.Name)
				a.Related = appendLink(a.Related, Link{Ref: e.mineralRef(m), Title: m.Name})
			}
		}
		a.Subtitle = fmt.Sprintf("%d minerals: on the 2025 list and not on the 2022 one (derived from the two lists)", len(names))
		a.Sections = []Section{{Text: strings.Join(names, ", ")}}
		a.Sources = e.listSources(knowledge.USGS2025, knowledge.USGS2022)
		return a
	default:
		return e.usage("list")
	}
	ms := e.kb.OnList(l)
	a := &Answer{Intent: IntentList, Question: q, Title: l.Title(), Subtitle: fmt.Sprintf("%d minerals", len(ms))}
	var names []string
	for _, m := range ms {
		n := m.Name
		if l == knowledge.USGS2025 && m.AddedIn2025() {
			n += " (new)"
		}
		names = append(names, n)
	}
	a.Sections = []Section{{Text: strings.Join(names, ", ")}}
	a.Sources = e.listSources(l)
	return a
}

func (e *Engine) listSources(ls ...knowledge.List) []knowledge.Source {
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
func (e *Engine) policyList(q string, ps []*knowledge.Policy, title string) *Answer {
	a := &Answer{Intent: IntentPolicyList, Question: q, Title: title}
	s := Section{}
	ps = slices.Clone(ps)
	slices.SortStableFunc(ps, func(x, y *knowledge.Policy) int { return y.Date.Time.Compare(x.Date.Time) })
	for _, p := range ps {
		item := p.Date.Human() + ": " + p.Title
		if !p.EndDate.IsZero() {
			item += " (until " + p.EndDate.Human() + ")"
		}
		s.Items = append(s.Items, item)
		a.Related = appendLink(a.Related, Link{Ref: knowledge.Ref{Kind: knowledge.KindPolicy, ID: p.ID}, Title: p.Title})
	}
	a.Sections = []Section{s}
	return a
}
