package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// converter turns extract rows into knowledge-table rows.
type converter struct {
	kb        string
	minerals  map[string]bool   // mineral record ids
	countries map[string]string // normalized name, alias or id → country id
	units     map[[2]string]string
	added     []newCountry
	errs      []string
	log       map[string][]string // chapter → what happened to it, for the report
}

func newConverter(kb string) (*converter, error) {
	c := &converter{kb: kb, minerals: make(map[string]bool), countries: make(map[string]string),
		units: make(map[[2]string]string), log: make(map[string][]string)}
	entries, err := os.ReadDir(filepath.Join(kb, "minerals"))
	if err != nil {
		return nil, err
	}
	for _, e := range entries {
		if id, ok := strings.CutSuffix(e.Name(), ".md"); ok {
			c.minerals[id] = true
		}
	}
	countries, err := readTable(filepath.Join(kb, "tables", "countries.csv"), []string{"id", "name", "name_es", "aliases"})
	if err != nil {
		return nil, err
	}
	for _, r := range countries {
		for _, n := range append([]string{r[0], r[1], r[2]}, strings.Split(r[3], ";")...) {
			if k := knowledge.Normalize(n); k != "" {
				c.countries[k] = r[0]
			}
		}
	}
	// The units of the MCS 2025 rows: a table that continues keeps its unit, so that its
	// figures compare across editions (after a check that the magnitudes agree).
	prod, err := readTable(filepath.Join(kb, "tables", "production.csv"), productionCols)
	if err != nil {
		return nil, err
	}
	for _, r := range prod {
		if ed, _ := knowledge.ParseEdition(r[10]); ed == knowledge.MCS2025 {
			c.units[[2]string{r[0], r[2]}] = r[6]
		}
	}
	return c, nil
}

func (c *converter) errorf(format string, args ...any) {
	c.errs = append(c.errs, fmt.Sprintf(format, args...))
}

// note records what happened to part of a chapter, once.
func (c *converter) note(chapter, format string, args ...any) {
	s := fmt.Sprintf(format, args...)
	if !slices.Contains(c.log[chapter], s) {
		c.log[chapter] = append(c.log[chapter], s)
	}
}

// report prints, per chapter, what was carried over and what was left out.
func (c *converter) report(w io.Writer) {
	var chapters []string
	for ch := range c.log {
		chapters = append(chapters, ch)
	}
	slices.Sort(chapters)
	for _, ch := range chapters {
		fmt.Fprintf(w, "%s:\n", ch)
		for _, s := range c.log[ch] {
			fmt.Fprintf(w, "  %s\n", s)
		}
	}
	for _, nc := range c.added {
		fmt.Fprintf(w, "countries.csv: added %s (%s)\n", nc.id, nc.name)
	}
}

// mineralOf returns the mineral record a chapter's figures belong to, or "" for a chapter the
// knowledge base has no record for.
func (c *converter) mineralOf(chapter string) string {
	if id, ok := chapterMineral[chapter]; ok {
		return id
	}
	if c.minerals[chapter] {
		return chapter
	}
	return ""
}

// countryQualifier splits "Sweden (concentrate)" into the country and what its figure counts.
var countryQualifier = regexp.MustCompile(`^(.+?)\s*\((.+)\)$`)

// country returns the country id of a printed country name and, where the name carries one,
// the form its figure counts. A country the knowledge base lacks is added from newCountries.
func (c *converter) country(name string) (id, form string, ok bool) {
	name = strings.TrimSpace(name)
	if id, ok := countryFix[name]; ok {
		return id, "", true
	}
	if id, ok := c.countries[knowledge.Normalize(name)]; ok {
		return id, "", true
	}
	if m := countryQualifier.FindStringSubmatch(name); m != nil {
		if id, _, ok := c.country(m[1]); ok {
			return id, m[2], true
		}
	}
	if nc, ok := newCountries[name]; ok {
		c.countries[knowledge.Normalize(name)] = nc.id
		c.added = append(c.added, nc)
		return nc.id, "", true
	}
	return "", "", false
}

// magnitude is the leading part of a unit: "thousand metric tons", "kilograms".
var magnitude = regexp.MustCompile(`^(?:thousand |million )?(?:metric tons|kilograms|carats)`)

// unitOf returns the unit of a new figure: the MCS 2025 unit of the same table where there is
// one (checked to name the same magnitude as the extract's unit), else the chapter's "Data in
// …" line.
func (c *converter) unitOf(mineral, measure string, r record) (string, bool) {
	got := magnitude.FindString(strings.ToLower(r.get("unit")))
	if u, ok := c.units[[2]string{mineral, measure}]; ok {
		if want := magnitude.FindString(u); got == "" || got != want {
			c.errorf("line %d: %s %s: unit %q does not match MCS 2025's %q", r.line, mineral, measure, r.get("unit"), u)
			return "", false
		}
		return u, true
	}
	u := strings.TrimPrefix(r.get("unit_note"), "Data in ")
	u = regexp.MustCompile(`,?\s*unless otherwise specif.*$`).ReplaceAllString(u, "")
	if !strings.HasPrefix(u, got) || got == "" {
		c.errorf("line %d: %s %s: no unit (unit %q, note %q)", r.line, mineral, measure, r.get("unit"), r.get("unit_note"))
		return "", false
	}
	return u, true
}

// value converts a printed table cell: "1,270" → 1270, "—" → 0, ">2,000,000" → >2000000, W,
// NA, Small, Large, and "( )" (a footnote marker alone: the figure is included in the world
// total) → NA with a note. ok is false for "XX" (not applicable) and anything unreadable.
func value(raw string) (v, note string, ok bool) {
	raw = strings.TrimSpace(raw)
	switch raw {
	case "—", "-", "–":
		return "0", "", true
	case "NA", "W":
		return raw, "", true
	case "Small", "Large":
		return strings.ToLower(raw), "", true
	case "( )", "()":
		return "NA", "included in the world total", true
	case "XX", "":
		return "", "", false
	}
	v = strings.ReplaceAll(raw, ",", "")
	if !regexp.MustCompile(`^>?\d+(\.\d+)?$`).MatchString(v) {
		return "", "", false
	}
	return v, "", true
}

// accepted reports whether a flagged production row is carried over, and why.
func accepted(r record, chapter, measure string) (bool, string) {
	if r.get("parse_issue") == "" {
		return true, ""
	}
	if r.get("official_check") == "match" {
		return true, "flagged, but matches the official USGS data release"
	}
	if why, ok := cleared[[2]string{chapter, measure}]; ok {
		return true, "flagged, carried over: " + why
	}
	return false, ""
}

// production converts the world production and reserves extract.
func (c *converter) production(rows []record) [][]string {
	var out [][]string
	for _, r := range rows {
		ch, measure := r.get("commodity"), r.get("measure")
		mineral := c.mineralOf(ch)
		if mineral == "" {
			c.note(ch, "production: left out (no mineral record in the knowledge base)")
			continue
		}
		if m, ok := measureMap[[2]string{ch, measure}]; ok {
			measure = m
		}
		ok, why := accepted(r, ch, r.get("measure"))
		if !ok {
			c.note(ch, "production: %s left out, MCS 2025 stays (parse_issue: %s)", measure, short(r.get("parse_issue")))
			continue
		}
		if why != "" {
			c.note(ch, "production: %s %s", measure, why)
		}
		v, note, ok := value(r.get("value_raw"))
		if !ok {
			if r.get("value_raw") != "XX" {
				c.errorf("line %d: %s %s: value %q", r.line, ch, r.get("country"), r.get("value_raw"))
			}
			continue
		}
		var id, form string
		switch r.get("row_type") {
		case "world_total":
			id = knowledge.World
		case "other_countries":
			id = knowledge.Others
		default:
			var found bool
			if id, form, found = c.country(r.get("country")); !found {
				c.errorf("line %d: unknown country %q: add it to newCountries", r.line, r.get("country"))
				continue
			}
		}
		unit, ok := c.unitOf(mineral, measure, r)
		if !ok {
			continue
		}
		c.note(ch, "production: %s carried over", measure)
		out = append(out, []string{mineral, id, measure, r.get("year"), v, yes(r.get("estimated") == "yes"), unit, form, "",
			chapterURL(ch), edition, note})
	}
	return out
}

// short cuts a parse_issue to its first sentence, for the report.
func short(s string) string {
	if i := strings.Index(s, ". "); i > 0 {
		s = s[:i]
	}
	return s
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

// salientYears are the year columns of the salient extract.
var salientYears = []struct {
	col, year string
	estimated bool
}{
	{"value_2021", "2021", false}, {"value_2022", "2022", false}, {"value_2023", "2023", false},
	{"value_2024", "2024", false}, {"value_2025e", "2025", true},
}

// reliance converts the U.S. net import reliance rows, 2021–2025e.
func (c *converter) reliance(rows []record) [][]string {
	perChapter := make(map[string]int)
	for _, r := range rows {
		if r.get("item") == "net_import_reliance_pct" {
			perChapter[r.get("commodity")]++
		}
	}
	var out [][]string
	for _, r := range rows {
		if r.get("item") != "net_import_reliance_pct" {
			continue
		}
		ch, form := r.get("commodity"), r.get("form")
		mineral := c.mineralOf(ch)
		if mineral == "" {
			c.note(ch, "reliance: left out (no mineral record in the knowledge base)")
			continue
		}
		product := ""
		if perChapter[ch] > 1 {
			product = strings.ToLower(form)
		}
		if m, ok := relianceForms[[2]string{ch, form}]; ok {
			mineral, product = m[0], m[1]
		}
		for _, y := range salientYears {
			v := strings.ReplaceAll(r.get(y.col), " ", "")
			if v == "" {
				c.errorf("line %d: %s reliance %s is empty", r.line, ch, y.year)
				continue
			}
			out = append(out, []string{mineral, product, y.year, v, yes(y.estimated), chapterURL(ch), edition})
		}
		c.note(ch, "reliance: %s %q 2021-2025e carried over", mineral, product)
	}
	return out
}

// importSources converts the per-country import shares, 2021–24.
func (c *converter) importSources(rows []record) [][]string {
	var out [][]string
	for _, r := range rows {
		if r.get("item") != "import_source_share" {
			continue
		}
		ch, cat := r.get("commodity"), r.get("category")
		mineral := c.mineralOf(ch)
		if mineral == "" {
			c.note(ch, "import sources: left out (no mineral record in the knowledge base)")
			continue
		}
		if why, skip := skipSources[[2]string{ch, cat}]; skip {
			c.note(ch, "import sources %q: left out, %s", cat, why)
			continue
		}
		if ch == "zirconium-hafnium" && strings.HasPrefix(cat, "Hafnium") {
			mineral = "hafnium"
		}
		id, _, ok := c.country(r.get("country"))
		if !ok {
			c.errorf("line %d: unknown country %q in import sources: add it to newCountries", r.line, r.get("country"))
			continue
		}
		out = append(out, []string{mineral, cat, id, r.get("share_pct"), "2021-2024", chapterURL(ch), edition})
		c.note(ch, "import sources %q carried over", cat)
	}
	return out
}

// endUses returns the hand-read end-use shares of the MCS 2026 chapters (see endUses2026).
func (c *converter) endUses() [][]string {
	var out [][]string
	for _, e := range endUses2026 {
		for _, u := range e.uses {
			out = append(out, []string{e.mineral, u.use, u.pct, "2025", yes(e.estimated), chapterURL(e.chapter), edition, e.note})
		}
		c.note(e.chapter, "end uses: shares read off the chapter's text: %d", len(e.uses))
	}
	return out
}

// priceUnitProduct splits a unit cell that carries the product after the unit, as the
// extract's stacked salient tables do ("dollars per kilogram Titanium sponge metal").
var priceUnitProduct = regexp.MustCompile(`^((?:cents|dollars) per (?:kilogram|metric ton|pound|carat))\s+([A-Z].*)$`)

// prices converts the annual average prices, 2021–2025e.
func (c *converter) prices(rows []record) [][]string {
	var out [][]string
	for _, r := range rows {
		if r.get("item") != "price" {
			continue
		}
		ch := r.get("commodity")
		mineral := c.mineralOf(ch)
		if mineral == "" {
			c.note(ch, "prices: left out (no mineral record in the knowledge base)")
			continue
		}
		form, unit := priceForm(r.get("label"), r.get("unit"))
		if m := priceUnitProduct.FindStringSubmatch(r.get("unit")); m != nil {
			unit, form = m[1], m[2]
		}
		unit = strings.ToLower(unit[:min(1, len(unit))]) + unit[min(1, len(unit)):]
		if m, ok := priceMineral(ch, form); ok {
			mineral = m
		}
		if unit == "" || form == "" && !strings.Contains(r.get("label"), "Price,") {
			c.errorf("line %d: %s price: no unit or form in %q", r.line, ch, r.get("label"))
			continue
		}
		for _, y := range salientYears {
			v := strings.NewReplacer(",", "", "–", "-", " ", "").Replace(r.get(y.col))
			if v == "" {
				continue
			}
			out = append(out, []string{mineral, form, unit, y.year, v, yes(y.estimated), chapterURL(ch), edition})
		}
		c.note(ch, "prices: %s %q (%s) carried over", mineral, form, unit)
	}
	return out
}

// priceForm reads a price label ("Price, average unit value of imports, dollars per metric
// ton: Acid grade") into the form the prices table shows ("Acid grade (average unit value of
// imports)") and the unit as USGS gives it.
func priceForm(label, unit string) (form, u string) {
	rest := strings.TrimSpace(strings.TrimPrefix(label, "Price"))
	rest = strings.TrimLeft(rest, ",: ")
	basis, product, _ := strings.Cut(rest, ": ")
	strip := func(s string) string {
		s = strings.TrimSpace(s)
		if i := strings.LastIndex(strings.ToLower(s), strings.ToLower(unit)); unit != "" && i >= 0 {
			s = strings.TrimRight(strings.TrimSpace(s[:i]), ",")
		}
		return s
	}
	basis, product = strip(basis), strip(product)
	switch {
	case basis == "":
		return product, unit
	case product == "":
		return basis, unit
	}
	return product + " (" + basis + ")", unit
}
