package answer

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper P: what the newest USGS edition revised for one country, across its minerals.

// editionRevisedWords ask what an edition restated ("what did MCS 2026 revise for Mexico?",
// "¿qué revisó el MCS 2026 para México?").
var editionRevisedWords = set("revise", "revises", "revised", "revision", "revisions", "restated", "restate",
	"reviso", "revisa", "revisado", "revisada", "revisados", "revisadas", "revisiones", "corrigio")

// asksRevisions reports whether a question asks what an edition revised.
func asksRevisions(q Query) bool {
	return slices.ContainsFunc(q.Terms, func(w string) bool { return editionRevisedWords[w] }) ||
		slices.ContainsFunc(q.Rest, func(w string) bool { return editionRevisedWords[w] })
}

// countryRevision is one figure of a country the newest edition restated: the latest year it
// restated in the main table of a mineral.
type countryRevision struct {
	mineral string            // the record the table is named for (a group for its members' table)
	r       knowledge.Ranking // the table, for its unit and source
	rv      knowledge.Revision
	pct     float64
	hasPct  bool
}

// revisionsOf are a country's restated figures, the largest (by percent) first, and the
// minerals whose figure for the year before the newest the edition printed unchanged.
type revisionsOf struct {
	revs []countryRevision
	kept []string
}

// indexRevisions gathers, once per knowledge base, each country's figures that MCS 2026
// restated in the main tables of the minerals whose newest figures it gives.
func indexRevisions(kb *knowledge.KB) map[string]*revisionsOf {
	out := map[string]*revisionsOf{}
	of := func(c string) *revisionsOf {
		if out[c] == nil {
			out[c] = &revisionsOf{}
		}
		return out[c]
	}
	seen := map[string]bool{}
	for _, m := range kb.Minerals {
		r, ok := kb.PrimaryRanking(m.ID)
		if !ok || r.Year == 0 || r.Edition != knowledge.MCS2026 || seen[r.Mineral+"/"+r.Measure] {
			continue
		}
		seen[r.Mineral+"/"+r.Measure] = true
		name := m.ID
		if g, ok := kb.Mineral(r.Mineral); ok {
			name = g.ID
		}
		best := map[string]knowledge.Revision{}
		for _, rv := range kb.Revisions(r.Mineral) {
			if rv.Measure != r.Measure || rv.Country == knowledge.World || rv.Country == knowledge.Others ||
				rv.New.Edition != r.Edition || !rv.Old.Known() || !rv.New.Known() {
				continue
			}
			if b, ok := best[rv.Country]; !ok || rv.Year > b.Year { // the latest year it restated
				best[rv.Country] = rv
			}
		}
		for c, rv := range best {
			x := countryRevision{mineral: name, r: r, rv: rv}
			if rv.Old.Value != 0 {
				x.pct, x.hasPct = (rv.New.Value-rv.Old.Value)/rv.Old.Value*100, true
			}
			of(c).revs = append(of(c).revs, x)
		}
		for _, row := range r.Rows {
			if _, revised := best[row.Country]; revised || row.Country == knowledge.Others {
				continue
			}
			// A figure the two editions print alike for the year before the newest.
			y := r.Year - 1
			old, ok1 := kb.FigureIn(r.Mineral, r.Measure, row.Country, y, knowledge.MCS2025)
			cur, ok2 := kb.FigureIn(r.Mineral, r.Measure, row.Country, y, r.Edition)
			if ok1 && ok2 && old.Known() && cur.Known() && old.Value == cur.Value {
				of(row.Country).kept = append(of(row.Country).kept, name)
			}
		}
	}
	key := func(x countryRevision) float64 {
		if !x.hasPct {
			return math.Inf(1)
		}
		return math.Abs(x.pct)
	}
	for _, v := range out {
		slices.SortStableFunc(v.revs, func(a, b countryRevision) int { return cmp.Compare(key(b), key(a)) })
	}
	return out
}

// countryRevisionsView: the figures for a country that the newest edition restated, each
// mineral's main table, the largest revisions (by percent) first; with the minerals whose
// figures it printed as the edition before did.
func (e *snap) countryRevisionsView(q Query) *Answer {
	country := q.Countries[0]
	name := e.countryName(country)
	a := &Answer{Intent: IntentChange, Title: e.f("What USGS revised: %s", name),
		Record: knowledge.Ref{Kind: knowledge.KindCountry, ID: country}}
	idx := e.revisions[country]
	if idx == nil || len(idx.revs) == 0 {
		a.Headline = e.f("%s revised none of %s's production figures in the main tables of the minerals it lists the country in.", source(knowledge.MCS2026), name)
		return a
	}
	mineralName := func(id string) string {
		if m, ok := e.kb.Mineral(id); ok {
			return strings.ToLower(e.mineralName(m))
		}
		return id
	}
	line := func(x countryRevision) string {
		s := e.f("%s %s: %s → %s %s", mineralName(x.mineral), strconv.Itoa(x.rv.Year), number(x.rv.Old.Value), number(x.rv.New.Value), e.shortUnit(x.r.Unit))
		if x.hasPct {
			s += " (" + signed(x.pct) + ")"
		}
		return s
	}
	var top []string
	for _, x := range idx.revs[:min(3, len(idx.revs))] {
		top = append(top, line(x))
	}
	a.Headline = e.f("%s revised %s of %s's production figures from %s; the largest revisions: %s.",
		source(knowledge.MCS2026), strconv.Itoa(len(idx.revs)), name, source(knowledge.MCS2025), e.and(top))
	switch kept := idx.kept; {
	case len(kept) > 0 && len(kept) <= 4:
		var names []string
		for _, id := range kept {
			names = append(names, mineralName(id))
		}
		a.Headline = sentences(a.Headline, e.f("Unchanged: %s.", e.and(names)))
	case len(kept) > 4:
		a.Headline = sentences(a.Headline, e.f("%s other figures are printed unchanged.", strconv.Itoa(len(kept))))
	}
	s := Section{Heading: e.f("Figures revised (%s against %s)", source(knowledge.MCS2026), source(knowledge.MCS2025))}
	for _, x := range idx.revs {
		s.Items = append(s.Items, line(x))
		a.Sources = appendSource(a.Sources, x.r.Source)
	}
	a.Sections = append(a.Sections, s)
	return a
}
