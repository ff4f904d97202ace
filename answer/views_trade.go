package answer

import (
	"cmp"
	"context"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// U.S. trade views: net import reliance, import sources, and USGS annual average prices.

func (e *snap) relianceView(ctx context.Context, q Query) (*Answer, error) {
	if c := relianceSupplier(q); c != "" {
		// "How dependent is the US on China?", "how reliant are we on China?": what it
		// imports from China (views_supplier.go).
		if s, ok := sectorAsked(q); ok {
			return e.sectorImportsFrom(c, s), nil // "… for battery minerals?" (views_sector.go)
		}
		if len(q.Lists) == 1 {
			return e.listImportsFrom(c, q.Lists[0]), nil // Helper T (views_list_reliance.go)
		}
		return e.importsFrom(c), nil
	}
	if len(q.Minerals) == 0 {
		if hasAny(q.Terms, exporterWords) || hasAny(q.Terms, sufficientWords) {
			// "which minerals is the US a net exporter of?", "is the US self-sufficient in
			// any critical mineral?", "which minerals does the US export more than it imports?"
			return e.netExporters(), nil
		}
		return e.relianceRanking(q), nil
	}
	if len(q.Minerals) >= 2 {
		// "lithium vs cobalt US import reliance": each one's first sentence, in turn.
		var first *Answer
		var heads []string
		for _, id := range q.Minerals[:min(3, len(q.Minerals))] {
			m, ok := e.kb.Mineral(id)
			if !ok {
				continue
			}
			a := e.relianceAnswer(m, q)
			heads = append(heads, firstSentence(a.Headline))
			if first == nil {
				first = a
				continue
			}
			first.Sections = append(first.Sections, a.Sections...)
			for _, src := range a.Sources {
				first.Sources = appendSource(first.Sources, src)
			}
		}
		if first != nil {
			first.Headline = sentences(heads...)
			return first, nil
		}
	}
	m, _ := e.mineral(q)
	return e.relianceAnswer(m, q), nil
}

// formNamed reports whether a question's words name a product form: "ore" or "concentrates"
// for "Ores and concentrates", "refined" for "Refined zinc", "metal" for "Compounds and
// metals".
func formNamed(product string, terms []string) bool {
	p := knowledge.Normalize(product)
	for _, w := range terms {
		w = strings.TrimSuffix(w, "s")
		if len(w) >= 3 && (strings.Contains(p, w) || w == "ore" && strings.Contains(p, "concentrate")) {
			return true
		}
	}
	return false
}

// boolRank orders false before true.
func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Words of yes/no questions about the U.S.'s trade position.
var (
	exporterWords   = set("exporter", "exportador")
	importerWords   = set("importer", "importador")
	sufficientWords = set("sufficient", "selfsufficient", "autosuficiente", "autosuficientes", "autosuficiencia", "selfsufficiency")
	exportWords     = set("export", "exports", "exported", "exporta", "exportan", "exporto")
)

// overTime are words that ask for a series rather than the latest figure.
var overTime = set("time", "trend", "history", "historical", "since", "years", "series", "evolution", "tendencia", "historia", "evolucion", "anos")

func hasAny(words []string, s map[string]bool) bool {
	for _, w := range words {
		if s[w] {
			return true
		}
	}
	return false
}

// latestByProduct is each product's newest reliance figure, most reliant first.
func (e *snap) latestByProduct(id string) []knowledge.Reliance {
	var out []knowledge.Reliance
	for _, r := range e.kb.RelianceOf(id) {
		i := slices.IndexFunc(out, func(x knowledge.Reliance) bool { return x.Product == r.Product })
		switch {
		case i < 0:
			out = append(out, r)
		case r.Year > out[i].Year:
			out[i] = r
		}
	}
	slices.SortStableFunc(out, func(a, b knowledge.Reliance) int { return cmp.Compare(relianceOrder(b), relianceOrder(a)) })
	return out
}

// relianceAsked is each form's figure for the year or edition a question names, in the
// order of latest: the year's figure from the newest edition that gives it (only the named
// edition's, if one is named), else the nearest year's; for an edition alone, its latest
// year. note says when the year asked, or the edition, has no figure for the main form.
// Questions over time or about a change keep the latest figures (nil), or with an edition
// named, that edition's latest: its series follows (see relianceSeries).
func (e *snap) relianceAsked(m *knowledge.Mineral, q Query, latest []knowledge.Reliance) ([]knowledge.Reliance, string) {
	year := q.Year
	if q.FromYear != 0 || q.Direction != "" || hasCue(q, MeasureChange) || hasAny(q.Terms, overTime) {
		year = 0
		if q.Edition == 0 {
			return nil, ""
		}
	}
	if year == 0 && q.Edition == 0 || q.Editions {
		return nil, ""
	}
	name := strings.ToLower(e.mineralName(m))
	eds := e.kb.Editions()
	if q.Edition != 0 {
		eds = []knowledge.Edition{q.Edition}
	}
	var rows []knowledge.Reliance
	for _, ed := range slices.Backward(eds) {
		rows = append(rows, e.kb.RelianceIn(m.ID, ed)...) // newest edition first
	}
	if len(rows) == 0 {
		return nil, e.f("%s gives no U.S. net import reliance for %s; this is the latest figure.", source(q.Edition), name)
	}
	dist := func(r knowledge.Reliance) int {
		if year == 0 {
			return -r.Year // the edition's latest year
		}
		return 2*max(r.Year-year, year-r.Year) - boolRank(r.Year > year) // nearer, then later
	}
	var out []knowledge.Reliance
	for _, r := range rows {
		i := slices.IndexFunc(out, func(x knowledge.Reliance) bool { return x.Product == r.Product })
		switch {
		case i < 0:
			out = append(out, r)
		case dist(r) < dist(out[i]):
			out[i] = r
		}
	}
	order := func(r knowledge.Reliance) int {
		if i := slices.IndexFunc(latest, func(x knowledge.Reliance) bool { return x.Product == r.Product }); i >= 0 {
			return i
		}
		return len(latest)
	}
	slices.SortStableFunc(out, func(a, b knowledge.Reliance) int { return cmp.Compare(order(a), order(b)) })
	if year != 0 && out[0].Year != year {
		return out, e.f("The tables give no U.S. net import reliance for %s in %s; the nearest year they give is %s.", name, strconv.Itoa(year), yearLabel(out[0].Year, out[0].Estimated))
	}
	return out, ""
}

// relianceSeries is a mineral's reliance series from the edition named ("over time in the
// 2025 edition"), or from the newest edition of each chapter when none is named or the one
// named has none.
func (e *snap) relianceSeries(m *knowledge.Mineral, ed knowledge.Edition) []knowledge.RelianceSeries {
	if ed != 0 {
		if s := e.kb.RelianceSeriesIn(m.ID, ed); len(s) > 0 {
			return s
		}
	}
	return e.kb.RelianceSeries(m.ID)
}

// relianceOrder ranks a reliance figure: net exporters and unknowns last.
func relianceOrder(r knowledge.Reliance) float64 {
	switch {
	case r.NetExporter():
		return -1
	case r.Printed == "NA" || r.Printed == "W":
		return -2
	}
	return r.Percent
}

// relianceSentence: "The U.S. relied on imports for 85% of its antimony consumption in 2025e
// (USGS MCS 2026)."
func (e *snap) relianceSentence(m *knowledge.Mineral, r knowledge.Reliance) string {
	name := strings.ToLower(e.mineralName(m))
	if r.Product != "" {
		name = e.productName(m, r.Product)
	}
	switch {
	case r.NetExporter():
		return e.f("The U.S. was a net exporter of %s in %s (%s).", name, yearLabel(r.Year, r.Estimated), source(r.Edition))
	case r.Printed == "NA" || r.Printed == "W":
		return e.f("USGS gives no U.S. net import reliance figure for %s in %s (%s).", name, yearLabel(r.Year, r.Estimated), source(r.Edition))
	}
	share := e.relianceText(r)
	if e.lang == Spanish {
		// "para el 100%", "para más del 50%": Spanish puts the article inside the amount.
		switch {
		case strings.HasPrefix(share, "más de "), strings.HasPrefix(share, "menos de "):
			share = strings.Replace(share, " de ", " del ", 1)
		default:
			share = "el " + share
		}
	}
	return e.f("The U.S. relied on net imports for %s of its apparent consumption of %s in %s (%s).", share, name, yearLabel(r.Year, r.Estimated), source(r.Edition))
}

// relianceAnswer: one mineral's U.S. net import reliance, latest and over the years.
func (e *snap) relianceAnswer(m *knowledge.Mineral, q Query) *Answer {
	a := &Answer{Intent: IntentRisk, Record: e.mineralRef(m), Title: e.f("U.S. net import reliance: %s", strings.ToLower(e.mineralName(m)))}
	latest := e.latestByProduct(m.ID)
	if len(latest) == 0 {
		a.Headline = e.f("USGS gives no U.S. net import reliance for %s in the chapters this knowledge base holds.", strings.ToLower(e.mineralName(m)))
		return a
	}
	a.Headline = e.relianceSentence(m, latest[0])
	if asked, note := e.relianceAsked(m, q, latest); len(asked) > 0 || note != "" {
		// "cobalt import reliance in 2021", "… in MCS 2025": that year's or edition's figures.
		if len(asked) > 0 {
			latest = asked
		}
		a.Headline = sentences(note, e.relianceSentence(m, latest[0]))
	}
	main := latest[0] // the form the headline speaks of
	if q.YesNo {
		// "Is the US a net importer of molybdenum?", "…self-sufficient in rare earths?", "¿es
		// EE.UU. exportador neto de boro?": the newest figure of the main form answers, or of
		// the form the question names ("zinc ore", "rare earth concentrates").
		r := latest[0]
		for _, x := range latest {
			if formNamed(x.Product, q.Terms) {
				r, main = x, x
				a.Headline = e.relianceSentence(m, x)
				break
			}
		}
		var yes, asked bool
		switch {
		case hasAny(q.Terms, exporterWords):
			yes, asked = r.NetExporter(), true
		case hasAny(q.Terms, importerWords):
			yes, asked = !r.NetExporter() && r.Printed != "NA" && r.Printed != "0", true
		case hasAny(q.Terms, sufficientWords):
			yes, asked = r.NetExporter() || r.Printed == "0", true
		}
		if asked && r.Printed != "NA" {
			a.Headline = e.verdict(yes, a.Headline)
		}
		if !asked && (q.Direction != "" || q.YesNo && hasAny(q.Terms, relianceChangeWords)) {
			// "Did US import reliance on rare earths go up in 2025?": the year before against it.
			// Helper U: "did it change?" is yes when the two years differ (views_dominate.go).
			for _, sr := range e.relianceSeries(m, q.Edition) {
				if sr.Product != r.Product || len(sr.Years) < 2 {
					continue
				}
				i := len(sr.Years) - 1
				if q.Year != 0 {
					i = slices.IndexFunc(sr.Years, func(x knowledge.Reliance) bool { return x.Year == q.Year })
				}
				if i < 1 {
					break
				}
				before, now := sr.Years[i-1], sr.Years[i]
				if before.Printed != strconv.FormatFloat(before.Percent, 'f', -1, 64) || now.Printed != strconv.FormatFloat(now.Percent, 'f', -1, 64) {
					break // "E", ">75", "NA": no direction to read
				}
				up := now.Percent > before.Percent
				yes := q.Direction == "up" && up || q.Direction == "down" && now.Percent < before.Percent || q.Direction == "" && now.Percent != before.Percent
				a.Headline = e.verdict(yes, e.f("U.S. net import reliance for %s went from %s in %s to %s in %s (%s).",
					strings.ToLower(e.mineralName(m)), before.Printed+"%", yearLabel(before.Year, before.Estimated),
					now.Printed+"%", yearLabel(now.Year, now.Estimated), source(now.Edition)))
				break
			}
		}
	}
	var about []string
	if srcs := e.kb.ImportSourcesOf(m.ID); len(srcs) > 0 {
		// "How dependent is the US on China for gallium": that country's share of imports and
		// its place among the sources come first, as what the question is about.
		for _, c := range q.Countries {
			if c != "united-states" {
				about = append(about, e.countrySourceText(srcs, m, importProduct(srcs, m, q.Terms), c, q))
			}
		}
	}
	if len(latest) > 1 && len(about) == 0 {
		// The other forms' figures; after a country's share of imports they would make the
		// headline a fourth sentence, and the card gives every form's series.
		var others []string
		for _, r := range latest {
			if r != main {
				others = append(others, e.productName(m, r.Product)+": "+e.relianceText(r))
			}
		}
		a.Headline = sentences(a.Headline, e.f("Other forms: %s.", strings.Join(others, "; ")))
	}
	if len(about) > 0 {
		a.Headline = sentences(append(about, a.Headline)...)
	}
	if series := e.relianceSeries(m, q.Edition); len(series) > 0 && (q.FromYear != 0 || hasCue(q, MeasureChange) || hasAny(q.Terms, overTime)) {
		// "US import reliance on gallium over time": the series, in one edition.
		for _, sr := range series {
			if sr.Product != latest[0].Product {
				continue
			}
			var parts []string
			for _, r := range sr.Years {
				parts = append(parts, yearLabel(r.Year, r.Estimated)+" "+e.relianceText(r))
			}
			if len(sr.Years) > 0 {
				a.Headline = sentences(a.Headline, e.f("Over the years (%s): %s.", source(sr.Years[0].Edition), strings.Join(parts, ", ")))
			}
		}
	}
	for _, series := range e.relianceSeries(m, q.Edition) {
		s := Section{Heading: e.t("Net import reliance")}
		if series.Product != "" {
			s.Heading += " (" + e.t(series.Product) + ")"
		}
		var parts []string
		for _, r := range series.Years {
			parts = append(parts, yearLabel(r.Year, r.Estimated)+" "+e.relianceText(r))
		}
		s.Text = strings.Join(parts, " → ")
		if len(series.Years) > 0 {
			s.Note = series.Years[0].Source.Edition
			a.Sources = appendSource(a.Sources, series.Years[0].Source)
		}
		a.Sections = append(a.Sections, s)
	}
	if s, ok := e.importSourcesSection(m, "", q); ok {
		a.Sections = append(a.Sections, s)
	}
	return a
}

// relianceRanking: the minerals the U.S. relies on most, "100% import reliant" first.
func (e *snap) relianceRanking(q Query) *Answer {
	if s, ok := sectorAsked(q); ok {
		return e.sectorReliance(s) // "which battery minerals is the US most import-reliant on?" (views_sector.go)
	}
	if asksRelianceMoves(q) {
		return e.relianceMoves(q) // "where did US import reliance rise the most?" (views_reliance_moves.go)
	}
	if len(q.Lists) == 1 {
		return e.listReliance(q.Lists[0]) // Helper T: "US reliance on EU strategic raw materials" (views_list_reliance.go)
	}
	a := &Answer{Intent: IntentRelianceRanking, Title: e.t("U.S. net import reliance, most reliant first")}
	type row struct {
		m *knowledge.Mineral
		r knowledge.Reliance
	}
	var rows []row
	for _, m := range e.kb.Minerals {
		if l := e.latestByProduct(m.ID); len(l) > 0 && !l[0].NetExporter() && l[0].Printed != "NA" && l[0].Printed != "W" {
			rows = append(rows, row{m, l[0]})
		}
	}
	slices.SortStableFunc(rows, func(a, b row) int { return cmp.Compare(b.r.Percent, a.r.Percent) })
	var full []string
	var items []vintaged
	year, ed := 0, knowledge.Edition(0)
	for _, x := range rows {
		if x.r.Percent >= 100 && !strings.HasPrefix(x.r.Printed, ">") {
			name := strings.ToLower(e.mineralName(x.m))
			if x.r.Product != "" {
				name += " (" + e.t(x.r.Product) + ")" // "titanium (sponge metal)": the figure is the product's
			}
			full = append(full, name)
			items = append(items, vintaged{full[len(full)-1], yearLabel(x.r.Year, x.r.Estimated), x.r.Edition})
			year, ed = max(year, x.r.Year), max(ed, x.r.Edition)
		}
	}
	if mixedVintages(items) {
		// A mineral whose newest table is an older edition says so, with its own year.
		a.Headline = e.f("The U.S. was %s net import reliant for %s minerals in the latest year USGS gives for each: %s.", "100%", strconv.Itoa(len(full)), e.byVintage(items, len(items)))
	} else {
		a.Headline = e.f("The U.S. was %s net import reliant for %s minerals in the latest year USGS gives (%s, %s): %s.", "100%", strconv.Itoa(len(full)), yearLabel(year, true), source(ed), strings.Join(full, ", "))
	}
	s := Section{Heading: e.t("Net import reliance, latest year")}
	for _, x := range rows[:min(15, len(rows))] {
		label := e.mineralName(x.m)
		if x.r.Product != "" {
			label += " (" + e.t(x.r.Product) + ")"
		}
		s.Facts = append(s.Facts, Fact{Label: label, Value: e.relianceText(x.r) + ", " + yearLabel(x.r.Year, x.r.Estimated)})
	}
	if len(rows) > 15 {
		s.Note = e.f("…and %s more", strconv.Itoa(len(rows)-15))
	}
	a.Sections = append(a.Sections, s)
	return a
}

// netExporters: the minerals, or their products where USGS splits them, that the U.S. was a
// net exporter of in the latest year of net import reliance the tables give.
func (e *snap) netExporters() *Answer {
	a := &Answer{Intent: IntentRelianceRanking, Title: e.t("U.S. net exports, latest year")}
	var rows []knowledge.Reliance
	year := 0
	for _, m := range e.kb.Minerals {
		for _, r := range e.latestByProduct(m.ID) {
			year = max(year, r.Year)
			if r.NetExporter() {
				rows = append(rows, r)
			}
		}
	}
	rows = slices.DeleteFunc(rows, func(r knowledge.Reliance) bool { return r.Year != year })
	var names []string
	s := Section{Heading: e.t("Net exporter")}
	for _, r := range rows {
		name := r.Mineral
		if m, ok := e.kb.Mineral(r.Mineral); ok {
			name = strings.ToLower(e.mineralName(m))
		}
		if r.Product != "" {
			name += " (" + e.t(r.Product) + ")" // "zinc (Ores and concentrates)": USGS's product
		}
		if !slices.Contains(names, name) {
			names = append(names, name)
			s.Facts = append(s.Facts, Fact{Label: capitalize(name), Value: yearLabel(r.Year, r.Estimated)})
			a.Sources = appendSource(a.Sources, r.Source)
		}
	}
	if len(names) == 0 {
		a.Headline = e.t("The tables give no mineral the U.S. was a net exporter of.")
		return a
	}
	a.Headline = e.f("The U.S. was a net exporter of %s minerals or products in %s, the latest year USGS gives (%s): %s.",
		strconv.Itoa(len(names)), yearLabel(rows[0].Year, rows[0].Estimated), source(rows[0].Edition), e.and(names))
	a.Sections = append(a.Sections, s)
	return a
}

func (e *snap) importSourcesView(ctx context.Context, q Query) (*Answer, error) {
	m, ok := e.mineral(q)
	if !ok {
		for _, c := range q.Countries {
			if c != "united-states" {
				if s, ok := sectorAsked(q); ok {
					return e.sectorImportsFrom(c, s), nil // "battery minerals imported from China" (views_sector.go)
				}
				if len(q.Lists) == 1 {
					return e.listImportsFrom(c, q.Lists[0]), nil // Helper T: "EU strategic raw materials imported from China"
				}
				return e.importsFrom(c), nil
			}
		}
		if hasAny(q.Terms, exportWords) {
			// "Which minerals does the US export more than it imports?": the net exports.
			return e.netExporters(), nil
		}
		return e.relianceRanking(q), nil
	}
	a := &Answer{Intent: IntentRisk, Record: e.mineralRef(m), Title: e.f("Where U.S. imports of %s come from", strings.ToLower(e.mineralName(m)))}
	country := ""
	for _, c := range q.Countries {
		if c != "united-states" {
			country = c
		}
	}
	s, ok := e.importSourcesSection(m, country, q)
	if !ok {
		a.Headline = e.f("USGS gives no U.S. import sources for %s in the chapters this knowledge base holds.", strings.ToLower(e.mineralName(m)))
		return a, nil
	}
	a.Headline, s.Text = s.Text, ""
	if h, ok := e.twoSourcesCompared(m, q); ok {
		a.Headline = h // "who sells more fluorspar to the US, China or Mexico?" (sources_two.go)
	}
	if country != "" {
		// The country's shares of the other products go in the card: "is Mexico a big
		// supplier of US zinc?" is answered by refined zinc and the reliance on imports.
		srcs := e.kb.ImportSourcesOf(m.ID)
		s.Text = e.otherSourceForms(srcs, importProduct(srcs, m, q.Terms), country)
	}
	var reliance string
	if l := e.latestByProduct(m.ID); len(l) > 0 {
		reliance = e.relianceSentence(m, l[0])
	}
	if note, product := e.othersSources(m, q.Terms); note != "" {
		// "iridium import sources": the figures are palladium's, and the answer says so;
		// the reliance on imports follows in the card, the headline having said enough.
		a.Title = e.f("Where U.S. imports of %s come from", product)
		a.Headline = sentences(note, a.Headline)
		s.Text, reliance = sentences(s.Text, reliance), ""
	}
	a.Headline = sentences(a.Headline, reliance)
	a.Sections = append(a.Sections, s)
	for _, x := range e.kb.ImportSourcesOf(m.ID) {
		a.Sources = appendSource(a.Sources, x.Source)
		break
	}
	return a, nil
}

// othersSources says, when USGS gives U.S. import sources for a mineral only as its group's
// products and none of them is the mineral (iridium: the platinum-group chapter gives
// palladium's and platinum's), which products it gives them for and which the figures are
// for; "" when the figures are the mineral's own.
func (e *snap) othersSources(m *knowledge.Mineral, terms []string) (note, product string) {
	srcs := e.kb.ImportSourcesOf(m.ID)
	own := slices.ContainsFunc(srcs, func(x knowledge.ImportSource) bool {
		return x.Mineral == m.ID || knowledge.Normalize(x.Product) == knowledge.Normalize(m.Name)
	})
	if len(srcs) == 0 || own {
		return "", ""
	}
	product = strings.ToLower(e.t(importProduct(srcs, m, terms)))
	var products []string
	for _, x := range srcs {
		if p := strings.ToLower(e.t(x.Product)); p != "" && !slices.Contains(products, p) {
			products = append(products, p)
		}
	}
	group := srcs[0].Mineral
	if g, ok := e.kb.Mineral(group); ok {
		group = strings.ToLower(e.mineralName(g))
	}
	name := strings.ToLower(e.mineralName(m))
	if len(products) <= 1 {
		return e.f("USGS gives no U.S. import sources for %s itself; its chapter on %s gives them for %s, which the figures are for.", name, group, product), product
	}
	return e.f("USGS gives no U.S. import sources for %s itself; its chapter on %s gives them only for %s, and the figures are for %s.", name, group, e.and(products), product), product
}

// importProduct chooses which product's import sources answer for a mineral: the product
// that is the mineral itself where the rows are its group's (platinum's in the
// platinum-group table, not palladium's), else the form the question's terms name ("cobalt
// metal imports"), else refined metal where USGS splits by stage, else the total, else the
// first.
func importProduct(srcs []knowledge.ImportSource, m *knowledge.Mineral, terms []string) string {
	for _, x := range srcs {
		if p := knowledge.Normalize(x.Product); p != "" && (p == knowledge.Normalize(m.Name) || p == knowledge.Normalize(m.ID)) {
			return x.Product
		}
	}
	last := ""
	for _, x := range srcs {
		if x.Product != last && x.Product != "" && formNamed(x.Product, terms) {
			return x.Product
		}
		last = x.Product
	}
	last = ""
	for _, x := range srcs {
		if x.Product == last {
			continue // rows come grouped by product
		}
		if last = x.Product; hasPrefixFold(last, "refined") {
			return last
		}
	}
	return pickProduct(srcs)
}

// importSourcesSection lists where U.S. imports of a mineral came from; its Text is the
// headline sentence. With a country, the sentence is about that country (see countrySourceText).
func (e *snap) importSourcesSection(m *knowledge.Mineral, country string, q Query) (Section, bool) {
	srcs := e.kb.ImportSourcesOf(m.ID)
	if len(srcs) == 0 {
		return Section{}, false
	}
	product := importProduct(srcs, m, q.Terms)
	what := strings.ToLower(e.mineralName(m))
	if product != "" {
		what = e.productName(m, product)
	}
	s := Section{Heading: e.f("Import sources %s", srcs[0].Period) + " (" + what + ")", Note: srcs[0].Source.Edition}
	var top []knowledge.ImportSource
	for _, x := range srcs {
		if x.Product == product && x.Country != knowledge.Others {
			top = append(top, x)
			s.Facts = append(s.Facts, Fact{Label: e.countryName(x.Country), Value: x.Printed + "%"})
		}
	}
	if len(top) == 0 {
		return Section{}, false
	}
	if country != "" {
		s.Text = e.countrySourceText(srcs, m, product, country, q)
		return s, true
	}
	if t := e.besidesSources(top, what, q.besidesAll()); q.Besides != "" && t != "" {
		s.Text = t // "who supplies the US with tungsten besides China?" (views_supplier.go)
		return s, true
	}
	s.Text = e.f("%s supplied %s of U.S. imports of %s in %s (%s).", capitalize(e.countryAfterIn(top[0].Country)), top[0].Printed+"%", what, top[0].Period, source(top[0].Edition))
	if len(top) > 1 {
		var next []string
		for _, x := range top[1:min(3, len(top))] {
			next = append(next, e.countryName(x.Country)+" ("+x.Printed+"%)")
		}
		s.Text = sentences(s.Text, e.f("Next: %s.", e.and(next)))
	}
	return s, true
}

// countrySourceText is a country's share of U.S. imports of the product chosen for the
// mineral and its place among the sources. The product is not chosen by the country:
// Mexico's 43% of copper scrap does not answer for copper, whose refined imports came mostly
// from Chile. "Is it the top source?" is a yes for the first; "a big (major, main,
// important) source?" for the first majorRank, as with producers. otherSourceForms gives its
// shares of the other products.
func (e *snap) countrySourceText(srcs []knowledge.ImportSource, m *knowledge.Mineral, product, country string, q Query) string {
	what := strings.ToLower(e.mineralName(m))
	if product != "" {
		what = e.productName(m, product)
	}
	var text string
	for _, x := range srcs {
		if x.Country != country || x.Product != product {
			continue
		}
		rank, ahead := importRank(srcs, x)
		text = e.f("%s supplied %s of U.S. imports of %s in %s (%s).", capitalize(e.countryAfterIn(country)), x.Printed+"%", what, x.Period, source(x.Edition))
		if rank == 1 {
			text = sentences(text, e.t("It was the largest source of these imports."))
		} else {
			text = sentences(text, e.f("It ranked #%s among the sources, after %s.", strconv.Itoa(rank), e.and(e.sourceNames(ahead))))
		}
		switch {
		case q.Most:
			// "is Mexico the top source of US copper imports?": its rank says.
			text = e.verdict(rank == 1, text)
		case q.Major && q.YesNo:
			// "is Mexico a big supplier of US zinc?": near the top, as a major producer is.
			text = e.verdict(rank <= majorRank, text)
		case q.YesNo && q.Measure == MeasureReliance:
			// Helper U: "does the US depend on Mexico for fluorspar?": a top source is a yes.
			text = e.verdict(rank <= majorRank, text)
		case q.YesNo && q.Measure == MeasureImportSources:
			// Helper U: "does the US import silver from Mexico?": a listed source is a yes.
			text = e.verdict(true, text)
		}
	}
	if text == "" {
		text = e.f("%s is not among the sources USGS lists for U.S. imports of %s.", capitalize(e.countryAfterIn(country)), what)
		if q.Most || q.YesNo && (q.Major || q.Measure == MeasureReliance || q.Measure == MeasureImportSources) {
			// "is Brazil a big supplier of US zinc?": not a source at all is a no.
			text = e.verdict(false, text)
		}
	}
	return text
}

// otherSourceForms is a country's share of U.S. imports of a mineral's products other than
// the one chosen, and its place among their sources: "Other forms: waste and scrap: 33%, #2,
// after Canada (64%)." It is "" when USGS gives it none.
func (e *snap) otherSourceForms(srcs []knowledge.ImportSource, product, country string) string {
	var others []string
	for _, x := range srcs {
		if x.Country == country && x.Product != product {
			rank, ahead := importRank(srcs, x)
			others = append(others, strings.ToLower(e.t(x.Product))+": "+x.Printed+"%, "+e.rankAfter(rank, ahead))
		}
	}
	if len(others) == 0 {
		return ""
	}
	return e.f("Other forms: %s.", strings.Join(others, "; "))
}

// importRank is a source's place among the countries that supplied the same product, and
// the countries with larger shares.
func importRank(srcs []knowledge.ImportSource, x knowledge.ImportSource) (int, []knowledge.ImportSource) {
	var ahead []knowledge.ImportSource
	for _, y := range srcs {
		if y.Product == x.Product && y.Country != knowledge.Others && y.Percent > x.Percent {
			ahead = append(ahead, y)
		}
	}
	return len(ahead) + 1, ahead
}

// rankAfter is a source's place with the ones ahead of it: "#2, after Canada (57%)".
func (e *snap) rankAfter(rank int, ahead []knowledge.ImportSource) string {
	if len(ahead) == 0 {
		return e.f("#%s", strconv.Itoa(rank))
	}
	return e.f("#%s, after %s", strconv.Itoa(rank), e.and(e.sourceNames(ahead)))
}

// sourceNames are sources' countries with their shares: "Canada (57%)".
func (e *snap) sourceNames(xs []knowledge.ImportSource) []string {
	var names []string
	for _, y := range xs {
		names = append(names, e.countryName(y.Country)+" ("+y.Printed+"%)")
	}
	return names
}

// importsFrom: what the U.S. imports from a country, by its share of each mineral's imports.
func (e *snap) importsFrom(country string) *Answer {
	a := &Answer{Intent: IntentCountry, Record: knowledge.Ref{Kind: knowledge.KindCountry, ID: country}, Title: e.f("U.S. imports from %s", e.countryName(country))}
	rows, total := e.importsFromRows(country) // views_reliance_on.go
	if len(rows) == 0 {
		a.Headline = e.f("%s is not among the U.S. import sources the USGS chapters in this knowledge base list.", e.countryName(country))
		return a
	}
	s := Section{Heading: e.t("Share of U.S. imports")}
	for _, r := range rows {
		v := r.x.Printed + "% (" + r.x.Period + ")"
		if r.rank == 1 {
			v += ", " + e.t("largest source")
		}
		s.Facts = append(s.Facts, Fact{Label: e.mineralName(r.m), Value: v})
		a.Sources = appendSource(a.Sources, r.x.Source)
	}
	a.Headline = e.importsFromHeadline(country, rows, total)
	a.Sections = append(a.Sections, s)
	return a
}

func (e *snap) priceView(ctx context.Context, q Query) (*Answer, error) {
	if a, ok := e.twoPriceMoves(q); ok {
		return a, nil // "¿cuál subió más, la plata o el cobre?" (price_moves_two.go)
	}
	switch {
	case len(q.Minerals) >= 2:
		return e.pricesCompared(q), nil // "which is more expensive, cobalt or nickel?"
	case asksPriceRises(q):
		return e.priceRises(q), nil // "which critical minerals got more expensive in 2025?"
	case asksPriceLevels(q):
		return e.priceLevels(q), nil // "what is the most expensive mineral?"
	case asksPriceMoves(q):
		return e.priceMoves(q), nil // "which mineral's price rose the most in 2025?"
	}
	m, ok := e.mineral(q)
	if !ok {
		return nil, nil
	}
	a := &Answer{Intent: IntentPrice, Record: e.mineralRef(m), Title: e.f("Price of %s: USGS annual averages", e.ofName(strings.ToLower(e.mineralName(m))))}
	live := ""
	if q.Refusal == RefuseLivePrice {
		live = e.t("I have no live or current market prices.")
	}
	prices := e.kb.LatestPrices(m.ID)
	if len(prices) == 0 {
		a.Headline = sentences(live, e.f("USGS gives no annual average price for %s in the chapters this knowledge base holds.", e.ofName(strings.ToLower(e.mineralName(m)))))
		return a, nil
	}
	// The mineral's own prices first: a group's (NdPr oxide, mischmetal) before its members'
	// (lanthanum oxide, the cheapest of them).
	slices.SortStableFunc(prices, func(a, b knowledge.Price) int {
		return cmp.Compare(boolRank(a.Mineral != m.ID), boolRank(b.Mineral != m.ID))
	})
	p := prices[0]
	if q.Year != 0 {
		// The year asked for, where USGS gives it, in the latest price's unit (nickel's is
		// also given per pound).
		for _, x := range e.kb.PricesOf(m.ID) {
			if x.Mineral == p.Mineral && x.Form == p.Form && x.Unit == p.Unit && x.Year == q.Year && x.Known() {
				p = x
			}
		}
	}
	priced := strings.ToLower(e.mineralName(m))
	var instead string
	if mm, ok := e.kb.Mineral(p.Mineral); ok && slices.Contains(m.Members, p.Mineral) {
		priced = strings.ToLower(e.mineralName(mm)) // a member's price, named as the member's
	}
	if p.Mineral != m.ID && !slices.Contains(m.Members, p.Mineral) {
		// Dysprosium has no price of its own: the group's (mischmetal, NdPr oxide) is not
		// dysprosium's, and is given as the group's, after saying so.
		if g, ok := e.kb.Mineral(p.Mineral); ok {
			priced = strings.ToLower(e.mineralName(g))
		}
		instead = e.f("USGS gives no annual average price for %s itself; these are its prices for %s.", strings.ToLower(e.mineralName(m)), priced)
	}
	head := e.f("USGS's annual average for %s (%s) was %s %s in %s (%s).", e.withArticle(priced), e.inlineForm(formLabel(e.t(p.Form))), printed(p.Printed), e.t(p.Unit), yearLabel(p.Year, p.Estimated), source(p.Edition))
	before := p.Year - 1
	if q.FromYear != 0 && q.FromYear < p.Year {
		before = q.FromYear // "was silver more expensive in 2025 than in 2021?"
	}
	for _, x := range e.kb.PricesOf(m.ID) {
		if x.Mineral == p.Mineral && x.Form == p.Form && x.Unit == p.Unit && x.Year == before && x.Known() && !p.IsRange() && !x.IsRange() {
			head = strings.TrimSuffix(head, ".") + "; " + e.f("it was %s in %s.", printed(x.Printed), yearLabel(x.Year, x.Estimated))
			if asksPriceChange(q) && x.Value > 0 {
				head = e.priceChange(priced, x, p, q)
			}
		}
	}
	a.Headline = sentences(live, instead, head, e.t("These are annual averages, not market quotes."))
	all := e.kb.PricesOf(m.ID)
sections:
	for _, lp := range prices {
		for _, unit := range priceUnits(all, lp) {
			s := Section{Heading: capitalize(e.t(lp.Form)) + " (" + e.t(unit) + ")"}
			var parts []string
			for _, x := range all {
				if x.Mineral == lp.Mineral && x.Form == lp.Form && x.Unit == unit {
					parts = append(parts, yearLabel(x.Year, x.Estimated)+" "+printed(x.Printed))
				}
			}
			s.Text = strings.Join(parts, " · ")
			s.Note = lp.Source.Edition
			a.Sections = append(a.Sections, s)
			a.Sources = appendSource(a.Sources, lp.Source)
			if len(a.Sections) == 3 {
				break sections
			}
		}
	}
	return a, nil
}

// priceUnits are the units a form of a price is given in, the latest price's first: USGS
// gives nickel's LME cash price in dollars per metric ton and per pound, and a row of years
// carries one unit.
func priceUnits(all []knowledge.Price, lp knowledge.Price) []string {
	units := []string{lp.Unit}
	for _, x := range all {
		if x.Mineral == lp.Mineral && x.Form == lp.Form && !slices.Contains(units, x.Unit) {
			units = append(units, x.Unit)
		}
	}
	return units
}

// asksPriceChange reports whether a price question asks how the price moved: "how much did
// the antimony price change?", "did nickel prices fall?", "¿cuánto subió el precio?".
func asksPriceChange(q Query) bool {
	return q.Direction != "" || hasCue(q, MeasureChange) && !slices.ContainsFunc(q.Terms, func(w string) bool { return historyWords[w] })
}

// historyWords ask for a price's years, not its last move: "cobalt price history".
var historyWords = set("history", "historical", "historico", "trend", "trends", "tendencia", "evolution", "evolucion")

// priceChange leads with how an annual average price moved from one year to another, the
// percentage computed from the two: "USGS's annual average price of antimony (metal,
// average) rose 144% from 10.24 in 2024 to 25 dollars per pound in 2025e (USGS MCS 2026)."
// A yes/no question about a direction gets its verdict first.
func (e *snap) priceChange(priced string, from, to knowledge.Price, q Query) string {
	pct := (to.Value - from.Value) / from.Value * 100
	moved := e.f("rose %s", percent(pct/100))
	switch {
	case math.Abs(pct) < 0.05:
		moved = e.t("did not change")
	case pct < 0:
		moved = e.f("fell %s", percent(-pct/100))
	}
	h := e.f("USGS's annual average price of %s (%s) %s from %s in %s to %s %s in %s (%s).", e.ofName(priced), formLabel(e.t(to.Form)), moved,
		printed(from.Printed), yearLabel(from.Year, from.Estimated), printed(to.Printed), e.t(to.Unit), yearLabel(to.Year, to.Estimated), source(to.Edition))
	if !q.YesNo || q.Direction == "" {
		return h
	}
	return e.verdict(q.Direction == "up" && pct >= 0.05 || q.Direction == "down" && pct <= -0.05, h)
}

// genericForms are the products USGS names without the mineral ("Refined metal", "Ores and
// concentrates"): alone in a sentence they do not say what was imported.
var genericForms = []string{"metal", "ore", "ores", "concentrate", "concentrates", "oxide", "unwrought", "waste and scrap",
	"compounds", "mineral concentrates", "sponge metal"}

// productName is an import product's name in the answer's language, lower case, with the
// mineral's name where the product names only a form: "refined zinc" for "Refined metal",
// "antimony ore and concentrates", "zinc refinado", "mineral y concentrados de antimonio".
// A product that names the mineral ("Refined copper") or a total is left as it is.
func (e *snap) productName(m *knowledge.Mineral, product string) string {
	shown := strings.ToLower(e.t(product))
	p := knowledge.Normalize(product)
	for _, n := range []string{m.Name, m.ID} {
		if strings.Contains(p, knowledge.Normalize(n)) {
			return shown
		}
	}
	name := strings.ToLower(e.mineralName(m))
	if strings.HasPrefix(p, "total ") || strings.HasSuffix(p, " total") {
		// "Total metal and oxide", "combined total": the mineral's, all forms counted.
		return name + " (" + shown + ")"
	}
	if p == "refined metal" {
		if e.lang != Spanish {
			return "refined " + name
		}
		refined := "refinado"
		switch spanishArticle(name) {
		case "la":
			refined = "refinada"
		case "las":
			refined = "refinadas"
		case "los":
			refined = "refinados"
		}
		return name + " " + refined
	}
	if !slices.ContainsFunc(genericForms, func(f string) bool { return p == f || strings.HasPrefix(p, f+" ") }) {
		return shown
	}
	if e.lang == Spanish && p == "metal" {
		return name + " " + agreeES(name, "metálico") // "galio metálico", not "forma metálica de galio"
	}
	if e.lang == Spanish {
		return shown + " de " + name
	}
	return e.attributive(m) + " " + shown
}
