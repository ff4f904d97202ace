package answer

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// versus is one mineral's part of a comparison of countries across minerals ("how does
// Mexico compare to Peru in silver and zinc?"): the table it comes from and each country's
// place in it.
type versus struct {
	label string // "Mine production, 2025e (USGS MCS 2026)": the table's measure, year and edition
	text  string // "silver — Mexico 24% (#1), Peru 14% (#2)"
}

// versusOf is each country's share and rank in a mineral's main table of the measure (its
// reserves, or its first production table), newest edition, the highest placed first; with
// a fact per country for the mineral's section. It is false when USGS has no such table.
func (e *snap) versusOf(m *knowledge.Mineral, countries []string, reserves bool) (versus, []Fact, bool) {
	r, ok := e.kb.PrimaryRanking(m.ID)
	if reserves {
		r, ok = e.kb.ReservesRanking(m.ID)
	}
	if !ok || len(r.Rows) == 0 {
		return versus{}, nil, false
	}
	type placed struct {
		id  string
		row knowledge.Share
		ok  bool
	}
	ps := make([]placed, len(countries))
	for i, c := range countries {
		row, ok := r.ShareOf(c)
		ps[i] = placed{c, row, ok}
	}
	slices.SortStableFunc(ps, func(a, b placed) int {
		switch {
		case a.ok && b.ok:
			return cmp.Compare(a.row.Rank, b.row.Rank)
		case a.ok:
			return -1
		case b.ok:
			return 1
		}
		return 0
	})
	var parts []string
	var facts []Fact
	for _, p := range ps {
		name := e.countryName(p.id)
		if !p.ok {
			parts = append(parts, e.f("%s not listed", name))
			facts = append(facts, Fact{Label: name, Value: e.t("not in the USGS tables")})
			continue
		}
		v := e.f("#%s of %s", strconv.Itoa(p.row.Rank), strconv.Itoa(len(r.Rows))) + ", " + e.amount(p.row, r.Unit)
		if p.row.Share >= 0 {
			v += " (" + percent(p.row.Share) + ")"
			parts = append(parts, e.f("%s %s (#%s)", name, percent(p.row.Share), strconv.Itoa(p.row.Rank)))
		} else {
			parts = append(parts, e.f("%s #%s", name, strconv.Itoa(p.row.Rank)))
		}
		facts = append(facts, Fact{Label: name, Value: v})
	}
	label := capitalize(e.measure(r.Measure))
	if r.Year > 0 {
		label += ", " + yearLabel(r.Year, r.Estimated)
	}
	label += " (" + source(r.Edition) + ")"
	return versus{label: label, text: strings.ToLower(e.mineralName(m)) + " — " + strings.Join(parts, ", ")}, facts, true
}

// versusHeadline joins the minerals' parts, those from the same table's measure, year and
// edition under one label: "Mine production, 2025e (USGS MCS 2026): silver — Mexico 24% (#1),
// Peru 14% (#2); zinc — …".
func versusHeadline(vs []versus) string {
	var labels []string
	texts := map[string][]string{}
	for _, v := range vs {
		if _, ok := texts[v.label]; !ok {
			labels = append(labels, v.label)
		}
		texts[v.label] = append(texts[v.label], v.text)
	}
	out := make([]string, len(labels))
	for i, l := range labels {
		out[i] = l + ": " + strings.Join(texts[l], "; ") + "."
	}
	return strings.Join(out, " ")
}
