package mcsimport

import (
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

var fileEdition = regexp.MustCompile(`(?i)MCS(\d{4})[_-]`)

// EditionFromFileName reads the edition from a data-release file name such as
// MCS2026_Commodities_Data.csv.
func EditionFromFileName(name string) (knowledge.Edition, bool) {
	m := fileEdition.FindStringSubmatch(name)
	if m == nil {
		return 0, false
	}
	y, _ := strconv.Atoi(m[1])
	return knowledge.Edition(y), true
}

// Country is a row of tables/countries.csv, as far as the import needs it.
type Country struct {
	ID      string
	Name    string
	Aliases []string
}

// Options says what an import maps to.
type Options struct {
	Edition   knowledge.Edition
	Minerals  []string  // the ids of the knowledge base's mineral records
	Countries []Country // tables/countries.csv
	// AddCountries makes a country the knowledge base does not know a new country (id from
	// its name) instead of an error.
	AddCountries bool
	Mapping      *Mapping // nil for DefaultMapping()
}

// Figure is one row of tables/production.csv.
type Figure struct {
	Mineral, Country, Measure string
	Year                      string // empty for reserves, which carry no year in the tables
	Value                     string // a number without commas, 0 for a dash, NA, W, large, small or >N
	Estimated                 bool
	Unit, Form                string
	SourceURL, Edition, Note  string
	Line                      int // where it came from in the data-release file
}

// ProductionColumns is the header of tables/production.csv.
var ProductionColumns = []string{"mineral", "country", "measure", "year", "value", "estimated", "unit", "form", "secondary", "source_url", "edition", "note"}

// Record returns the figure as a row of tables/production.csv.
func (f Figure) Record() []string {
	return []string{f.Mineral, f.Country, f.Measure, f.Year, f.Value, yes(f.Estimated), f.Unit, f.Form, "", f.SourceURL, f.Edition, f.Note}
}

// Reliance is one row of tables/import_reliance.csv.
type Reliance struct {
	Mineral, Product, Year string
	Value                  string // a percentage, >N, <N, E (net exporter) or NA
	Estimated              bool
	SourceURL, Edition     string
	Line                   int
}

// RelianceColumns is the header of tables/import_reliance.csv.
var RelianceColumns = []string{"mineral", "product", "year", "value", "estimated", "source_url", "edition"}

// Record returns the figure as a row of tables/import_reliance.csv.
func (r Reliance) Record() []string {
	return []string{r.Mineral, r.Product, r.Year, r.Value, yes(r.Estimated), r.SourceURL, r.Edition}
}

func yes(b bool) string {
	if b {
		return "yes"
	}
	return ""
}

// Skip counts rows that were read and deliberately not imported.
type Skip struct {
	Reason string // why, e.g. "no mineral record"
	Name   string // the chapter or section
	Rows   int
}

// Result is what a data-release file holds for the knowledge base.
type Result struct {
	Rows         int        // data rows read
	Production   []Figure   // in table order: mineral, country (United States first, other countries and world last), measure as printed, year
	Reliance     []Reliance // by mineral, product and year
	NewCountries []Country  // countries added with AddCountries, by id
	Skipped      []Skip     // by reason and name
}

// LineError is a problem at a line of the data-release file.
type LineError struct {
	File string
	Line int
	Msg  string
}

func (e LineError) Error() string { return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg) }

// Errors is every problem found in a file, by line. [Read] returns it as its error.
type Errors []LineError

func (es Errors) Error() string {
	lines := make([]string, len(es))
	for i, e := range es {
		lines[i] = e.Error()
	}
	return strings.Join(lines, "\n")
}

// The data release's columns. Others (such as "Is critical mineral 2025") are ignored.
const (
	colChapter   = "MCS chapter"
	colSection   = "Section"
	colCommodity = "Commodity"
	colCountry   = "Country"
	colStatistic = "Statistics"
	colDetail    = "Statistics_detail"
	colUnit      = "Unit"
	colYear      = "Year"
	colValue     = "Value"
	colNotes     = "Notes"
	colOther     = "Other notes" // optional: "(Data in metric tons, cobalt content, unless otherwise specified) -- …"
)

var requiredColumns = []string{colChapter, colSection, colCommodity, colCountry, colStatistic, colDetail, colUnit, colYear, colValue, colNotes}

// Read reads a data-release CSV and returns its rows for the knowledge base. file names the
// input in errors. When anything cannot be mapped it returns an [Errors] listing every problem,
// by line, and no result.
func Read(r io.Reader, file string, opt Options) (*Result, error) {
	if opt.Edition < 1900 || opt.Edition > 2100 {
		return nil, fmt.Errorf("mcsimport: edition %d is not a year", opt.Edition)
	}
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", file, err)
	}
	im := newImporter(file, opt)
	im.read(decode(data))
	if len(im.errs) > 0 {
		slices.SortStableFunc(im.errs, func(a, b LineError) int { return cmp.Compare(a.Line, b.Line) })
		return nil, im.errs
	}
	return im.result(), nil
}

type importer struct {
	file     string
	opt      Options
	mapping  *Mapping
	minerals map[string]bool
	names    map[string]string // folded name or alias → country id
	added    map[string]Country

	res          Result
	errs         Errors
	skips        map[[2]string]int
	seenFigure   map[[4]string]int // mineral, country, measure, year → line
	seenReliance map[[3]string]int
	measureOrder map[[2]string]int // mineral, measure → order of first appearance
}

func newImporter(file string, opt Options) *importer {
	im := &importer{
		file: file, opt: opt, mapping: opt.Mapping,
		minerals: make(map[string]bool), names: make(map[string]string), added: make(map[string]Country),
		skips: make(map[[2]string]int), seenFigure: make(map[[4]string]int), seenReliance: make(map[[3]string]int),
		measureOrder: make(map[[2]string]int),
	}
	if im.mapping == nil {
		im.mapping = DefaultMapping()
	}
	for _, id := range opt.Minerals {
		im.minerals[id] = true
	}
	known := make(map[string]bool)
	for _, c := range opt.Countries {
		known[c.ID] = true
		im.names[knowledge.Normalize(c.ID)] = c.ID
		for _, n := range append([]string{c.Name}, c.Aliases...) {
			if k := knowledge.Normalize(n); k != "" {
				im.names[k] = c.ID
			}
		}
	}
	for name, id := range im.mapping.Countries {
		if known[id] || id == knowledge.World || id == knowledge.Others {
			im.names[name] = id
		}
	}
	return im
}

func (im *importer) errorf(line int, format string, args ...any) {
	im.errs = append(im.errs, LineError{File: im.file, Line: line, Msg: fmt.Sprintf(format, args...)})
}

func (im *importer) skip(reason, name string) { im.skips[[2]string{reason, name}]++ }

func (im *importer) read(text string) {
	cr := csv.NewReader(strings.NewReader(text))
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if err != nil {
		im.errorf(1, "cannot read the header: %v", err)
		return
	}
	col := make(map[string]int, len(header))
	for i, h := range header {
		col[strings.TrimSpace(h)] = i
	}
	var missing []string
	for _, c := range requiredColumns {
		if _, ok := col[c]; !ok {
			missing = append(missing, strconv.Quote(c))
		}
	}
	if len(missing) > 0 {
		im.errorf(1, "missing column %s: want the USGS data-release columns %s", strings.Join(missing, ", "), strings.Join(requiredColumns, ", "))
		return
	}
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			return
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				im.errorf(pe.StartLine, "bad CSV: %v", pe.Err)
			} else {
				im.errorf(0, "bad CSV: %v", err)
			}
			return // encoding/csv cannot be trusted to resync after a quoting error
		}
		line, _ := cr.FieldPos(0)
		if len(rec) != len(header) {
			im.errorf(line, "row has %d fields, the header %d", len(rec), len(header))
			continue
		}
		get := func(c string) string {
			i, ok := col[c]
			if !ok {
				return ""
			}
			return clean(rec[i])
		}
		im.res.Rows++
		im.row(line, get)
	}
}

// clean trims a cell and turns no-break spaces into spaces.
func clean(s string) string { return strings.TrimSpace(strings.ReplaceAll(s, "\u00a0", " ")) }

func (im *importer) row(line int, get func(string) string) {
	section := get(colSection)
	var reliance bool
	switch {
	case hasPrefixFold(section, "World"):
	case hasPrefixFold(section, "Salient Statistics") &&
		(strings.EqualFold(get(colStatistic), "Net import reliance") || hasPrefixFold(get(colDetail), "Net import reliance")):
		reliance = true
	default:
		im.skip("not a world production table or net import reliance", sectionName(section))
		return
	}
	chapter, ok := im.mapping.chapter(get(colChapter), im.minerals)
	if !ok {
		im.skip("no mineral record", get(colChapter))
		return
	}
	year, yearEstimated, err := parseYear(get(colYear))
	if err != nil {
		im.errorf(line, "%v", err)
		return
	}
	if year >= int(im.opt.Edition) { // MCS 2026 reports years up to 2025
		im.errorf(line, "year %d is not before the %d edition: is -edition right?", year, int(im.opt.Edition))
		return
	}
	estimated := yearEstimated || estimatedNote(get(colNotes))
	if reliance {
		im.reliance(line, chapter, get, year, estimated)
		return
	}
	im.figure(line, chapter, get, year, estimated)
}

func (im *importer) figure(line int, ch Chapter, get func(string) string, year int, estimated bool) {
	measure := im.mapping.measure(ch, get(colDetail), get(colStatistic))
	if measure == "" {
		im.errorf(line, "no Statistics or Statistics_detail to name the measure")
		return
	}
	v, err := parseFigureValue(get(colValue))
	if err != nil {
		im.errorf(line, "%v", err)
		return
	}
	if v.skip != "" {
		im.skip(v.skip, get(colChapter))
		return
	}
	country, form, ok := im.country(get(colCountry))
	if !ok {
		if get(colCountry) == "" {
			im.errorf(line, "country is empty")
			return
		}
		if !im.opt.AddCountries {
			im.errorf(line, "unknown country %q: add it to tables/countries.csv (as a name or an alias), or import with -add-countries", get(colCountry))
			return
		}
		country = im.addCountry(get(colCountry))
		if country == "" {
			im.errorf(line, "country %q has no letters to make an id of", get(colCountry))
			return
		}
	}
	y := strconv.Itoa(year)
	if strings.Contains(measure, "reserves") {
		y = "" // reserves carry no year in the tables (the release labels them with the edition's data year)
	}
	key := [4]string{ch.Mineral, country, measure, y}
	if prev, dup := im.seenFigure[key]; dup {
		im.errorf(line, "duplicate figure: %s %s %s %s is also at line %d", ch.Mineral, country, measure, cmp.Or(y, "(no year)"), prev)
		return
	}
	im.seenFigure[key] = line
	mk := [2]string{ch.Mineral, measure}
	if _, ok := im.measureOrder[mk]; !ok {
		im.measureOrder[mk] = len(im.measureOrder)
	}
	unit := unitOf(get(colUnit), get(colOther))
	if unit == "" {
		im.errorf(line, "unit is empty")
		return
	}
	im.res.Production = append(im.res.Production, Figure{
		Mineral: ch.Mineral, Country: country, Measure: measure, Year: y, Value: v.value,
		Estimated: estimated || v.estimated, Unit: unit, Form: form,
		SourceURL: im.opt.Edition.ChapterURL(ch.Slug), Edition: im.opt.Edition.Title(), Note: v.note, Line: line,
	})
}

func (im *importer) reliance(line int, ch Chapter, get func(string) string, year int, estimated bool) {
	if c := get(colCountry); c != "" && !strings.EqualFold(c, "United States") {
		im.errorf(line, "net import reliance of %q: want the United States", c)
		return
	}
	v, err := parseRelianceValue(get(colValue))
	if err != nil {
		im.errorf(line, "%v", err)
		return
	}
	if v.skip != "" {
		im.skip(v.skip, get(colChapter))
		return
	}
	product := cmp.Or(relianceProduct(get(colDetail)), ch.Product)
	y := strconv.Itoa(year)
	key := [3]string{ch.Mineral, product, y}
	if prev, dup := im.seenReliance[key]; dup {
		im.errorf(line, "duplicate net import reliance: %s %q %s is also at line %d", ch.Mineral, product, y, prev)
		return
	}
	im.seenReliance[key] = line
	im.res.Reliance = append(im.res.Reliance, Reliance{
		Mineral: ch.Mineral, Product: product, Year: y, Value: v.value, Estimated: estimated || v.estimated,
		SourceURL: im.opt.Edition.ChapterURL(ch.Slug), Edition: im.opt.Edition.Title(), Line: line,
	})
}

// country maps a USGS country label to an id, with the form a qualifier gives ("Turkey,
// refined borates", "United States (crude ore)").
func (im *importer) country(label string) (id, form string, ok bool) {
	if id, ok := im.names[knowledge.Normalize(label)]; ok {
		return id, "", true
	}
	if name, q, found := splitQualifier(label); found {
		if id, ok := im.names[knowledge.Normalize(name)]; ok {
			return id, q, true
		}
	}
	if c, ok := im.added[knowledge.Normalize(label)]; ok {
		return c.ID, "", true
	}
	return "", "", false
}

var qualifier = regexp.MustCompile(`^\s*([^,(]+?)\s*(?:,\s*(.+?)|\((.+)\))\s*$`)

func splitQualifier(label string) (name, q string, ok bool) {
	m := qualifier.FindStringSubmatch(label)
	if m == nil {
		return "", "", false
	}
	return m[1], cmp.Or(m[2], m[3]), true
}

func (im *importer) addCountry(label string) string {
	id := strings.ReplaceAll(knowledge.Normalize(label), " ", "-")
	if id == "" {
		return ""
	}
	im.added[knowledge.Normalize(label)] = Country{ID: id, Name: label}
	im.names[knowledge.Normalize(label)] = id
	return id
}

func (im *importer) result() *Result {
	res := im.res
	countryRank := func(id string) int {
		switch id {
		case "united-states":
			return 0
		case knowledge.Others:
			return 2
		case knowledge.World:
			return 3
		}
		return 1
	}
	slices.SortStableFunc(res.Production, func(a, b Figure) int {
		return cmp.Or(
			cmp.Compare(a.Mineral, b.Mineral),
			cmp.Compare(countryRank(a.Country), countryRank(b.Country)),
			cmp.Compare(a.Country, b.Country),
			cmp.Compare(im.measureOrder[[2]string{a.Mineral, a.Measure}], im.measureOrder[[2]string{b.Mineral, b.Measure}]),
			cmp.Compare(a.Year, b.Year),
		)
	})
	slices.SortStableFunc(res.Reliance, func(a, b Reliance) int {
		return cmp.Or(cmp.Compare(a.Mineral, b.Mineral), cmp.Compare(a.Product, b.Product), cmp.Compare(a.Year, b.Year))
	})
	for _, c := range im.added {
		res.NewCountries = append(res.NewCountries, c)
	}
	slices.SortFunc(res.NewCountries, func(a, b Country) int { return cmp.Compare(a.ID, b.ID) })
	for k, n := range im.skips {
		res.Skipped = append(res.Skipped, Skip{Reason: k[0], Name: k[1], Rows: n})
	}
	slices.SortFunc(res.Skipped, func(a, b Skip) int {
		return cmp.Or(cmp.Compare(a.Reason, b.Reason), cmp.Compare(a.Name, b.Name))
	})
	return &res
}

// sectionName names a section in the skip report.
func sectionName(s string) string {
	if s == "" {
		return "(no section)"
	}
	return s
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
}

var yearRe = regexp.MustCompile(`^(\d{4})(?:\s*(e|E|_estimated|\(e\)))?$`)

// parseYear reads "2025", or an estimate marked in the year: "2025e", "2025_estimated".
func parseYear(s string) (year int, estimated bool, err error) {
	m := yearRe.FindStringSubmatch(s)
	if m == nil {
		return 0, false, fmt.Errorf("year %q is not a year (want YYYY, or YYYYe for an estimate)", s)
	}
	y, _ := strconv.Atoi(m[1])
	if y < 1900 || y > 2100 {
		return 0, false, fmt.Errorf("year %q is not a year (want YYYY, or YYYYe for an estimate)", s)
	}
	return y, m[2] != "", nil
}

// estimatedNote reports whether a Notes cell marks an estimate: the release writes
// "Estimated." (or "Estimated from …") as one of its " -- "-separated notes.
func estimatedNote(notes string) bool {
	for _, n := range strings.Split(notes, " -- ") {
		if strings.HasPrefix(strings.TrimSpace(n), "Estimated") {
			return true
		}
	}
	return false
}

// unitOf returns a figure's unit: the Unit column, made specific by the chapter's "Data in"
// line where that line starts with the same unit ("metric tons" → "metric tons, cobalt
// content").
func unitOf(unit, other string) string {
	if full, ok := dataIn(other); ok && (unit == "" || strings.EqualFold(full, unit) || hasPrefixFold(full, unit+",")) {
		return full
	}
	return unit
}

// dataIn returns the unit of a chapter's "(Data in metric tons, rare-earth-oxide (REO)
// equivalent, unless otherwise specified)" line.
func dataIn(other string) (string, bool) {
	s := strings.TrimPrefix(strings.TrimSpace(other), "(")
	s, ok := strings.CutPrefix(s, "Data in ")
	if !ok {
		return "", false
	}
	if i := strings.Index(s, ", unless otherwise"); i >= 0 {
		return strings.TrimSpace(s[:i]), true
	}
	depth := 0
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return strings.TrimSpace(s[:i]), true
			}
			depth--
		}
	}
	return "", false
}

// relianceProduct returns the product of a net-import-reliance row from its detail: what
// follows the colon ("…: Compounds and metals" → "compounds and metals"). What follows a
// comma ("…, refined tin") is the basis of the whole commodity's figure, not a product.
func relianceProduct(detail string) string {
	_, p, ok := strings.Cut(detail, ":")
	if !ok {
		return ""
	}
	p = strings.TrimSpace(p)
	first, _, _ := strings.Cut(p, " ")
	if len(first) > 0 && first[0] >= 'A' && first[0] <= 'Z' && strings.ToLower(first[1:]) == first[1:] && !strings.ContainsAny(first, "0123456789") {
		p = strings.ToLower(p[:1]) + p[1:] // "Refined zinc" → "refined zinc"; "TiO2 pigment" stays
	}
	return p
}

// value is a parsed Value cell.
type value struct {
	value     string
	estimated bool   // printed with a leading "e"
	note      string // what the knowledge base cannot say in value
	skip      string // why the row is not imported, if it is not
}

var numberRe = regexp.MustCompile(`^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$`)

// number reads "1,234" or "12.5" and returns it without commas.
func number(s string) (string, bool) {
	if !numberRe.MatchString(s) {
		return "", false
	}
	return strings.ReplaceAll(s, ",", ""), true
}

func isDash(s string) bool {
	switch s {
	case "—", "–", "-", "--", "−":
		return true
	}
	return false
}

// parseFigureValue reads a production, reserves or capacity cell.
func parseFigureValue(s string) (value, error) {
	switch {
	case s == "":
		return value{}, errors.New("value is empty")
	case isDash(s):
		return value{value: "0"}, nil // USGS prints a dash for zero
	case s == "W", s == "NA":
		return value{value: s}, nil
	case strings.EqualFold(s, "large"), strings.EqualFold(s, "small"):
		return value{value: strings.ToLower(s)}, nil
	case s == "XX":
		return value{skip: "not applicable (XX)"}, nil
	case strings.EqualFold(s, "Less than ½ unit"), strings.EqualFold(s, "Less than 1/2 unit"):
		return value{value: "small", note: "less than ½ unit"}, nil
	case strings.HasPrefix(s, ">"):
		if n, ok := number(strings.TrimSpace(s[1:])); ok {
			return value{value: ">" + n}, nil
		}
	case strings.HasPrefix(s, "e"):
		if n, ok := number(s[1:]); ok {
			return value{value: n, estimated: true}, nil
		}
	default:
		if n, ok := number(s); ok {
			return value{value: n}, nil
		}
	}
	return value{}, fmt.Errorf("value %q is not a number, a dash, W, NA, XX, Large, Small, >N or \"Less than ½ unit\"", s)
}

// parseRelianceValue reads a net-import-reliance cell.
func parseRelianceValue(s string) (value, error) {
	switch {
	case s == "E", s == "NA":
		return value{value: s}, nil
	case isDash(s):
		return value{value: "0"}, nil
	case s == "W":
		return value{skip: "net import reliance withheld (W)"}, nil
	case strings.HasPrefix(s, ">"), strings.HasPrefix(s, "<"):
		if n, ok := number(strings.TrimSpace(s[1:])); ok && percent(n) {
			return value{value: s[:1] + n}, nil
		}
	case strings.HasPrefix(s, "e"):
		if n, ok := number(s[1:]); ok && percent(n) {
			return value{value: n, estimated: true}, nil
		}
	default:
		if n, ok := number(strings.TrimSuffix(s, "%")); ok && percent(n) {
			return value{value: n}, nil
		}
	}
	return value{}, fmt.Errorf("net import reliance %q is not a percentage, >N, <N, E (net exporter), NA or a dash", s)
}

func percent(n string) bool {
	f, err := strconv.ParseFloat(n, 64)
	return err == nil && f >= 0 && f <= 100
}
