package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// producersOfAll answers which countries produce every mineral named: the countries each
// mineral's main production table lists by name, with their share of each, largest total
// share first. nil when the question does not ask it.
func (e *snap) producersOfAll(q Query) *Answer {
	if len(q.Minerals) < 2 || len(q.Countries) > 0 || !q.Both {
		return nil
	}
	var rs []knowledge.Ranking
	var names []string
	for _, id := range q.Minerals {
		m, ok := e.kb.Mineral(id)
		if !ok {
			return nil
		}
		r, ok := e.kb.PrimaryRanking(id)
		if !ok || len(r.Rows) == 0 {
			return nil
		}
		rs = append(rs, r)
		names = append(names, strings.ToLower(e.mineralName(m)))
	}
	type common struct {
		id    string
		parts []string
		total float64
	}
	var cs []common
	for _, row := range rs[0].Rows {
		c := common{id: row.Country}
		for i, r := range rs {
			x, ok := r.ShareOf(row.Country)
			if !ok {
				c.parts = nil
				break
			}
			p := names[i] + " #" + itoa(x.Rank)
			if x.Share >= 0 {
				p += ", " + percent(x.Share)
				c.total += x.Share
			}
			c.parts = append(c.parts, p)
		}
		if c.parts != nil {
			cs = append(cs, c)
		}
	}
	a := &Answer{Intent: IntentCompare, Title: e.f("Countries that produce %s", e.and(names))}
	if len(cs) == 0 {
		a.Headline = e.f("No country is listed by name in the USGS production tables of every one of %s (%s).", e.and(names), source(rs[0].Edition))
		return a
	}
	slices.SortStableFunc(cs, func(a, b common) int {
		switch {
		case a.total > b.total:
			return -1
		case a.total < b.total:
			return 1
		}
		return 0
	})
	var items []string
	s := Section{Heading: e.t("Countries listed in every table")}
	for _, c := range cs {
		items = append(items, e.countryAfterIn(c.id)+" ("+strings.Join(c.parts, "; ")+")")
		s.Facts = append(s.Facts, Fact{Label: e.countryName(c.id), Value: strings.Join(c.parts, "; ")})
	}
	var years []string
	for i, r := range rs {
		years = append(years, names[i]+" "+yearLabel(r.Year, r.Estimated)+", "+source(r.Edition))
		a.Sources = appendSource(a.Sources, r.Source)
	}
	if !slices.ContainsFunc(rs, func(r knowledge.Ranking) bool {
		return r.Year != rs[0].Year || r.Estimated != rs[0].Estimated || r.Edition != rs[0].Edition
	}) {
		years = []string{yearLabel(rs[0].Year, rs[0].Estimated) + ", " + source(rs[0].Edition)} // one vintage for all
	}
	named := e.andMore(items[:min(len(items), 5)], len(items))
	if len(names) == 2 {
		a.Headline = e.f("%s countries are listed as producers of both %s and %s: %s (%s).", itoa(len(cs)), names[0], names[1], named, strings.Join(years, "; "))
	} else {
		a.Headline = e.f("%s countries are listed as producers of every one of %s: %s (%s).", itoa(len(cs)), e.and(names), named, strings.Join(years, "; "))
	}
	a.Sections = append(a.Sections, s)
	return a
}
