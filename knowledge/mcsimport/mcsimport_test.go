package mcsimport

import (
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mineralbot/mineralbot/knowledge"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// The sample is rows of the official MCS 2026 data release (MCS2026_Commodities_Data.csv,
// DOI 10.5066/P1WKQ63T), in its column layout and its Windows-1252 encoding, cut down to four
// chapters and a salt row (a chapter with no mineral record). Where the sample leaves countries
// out, its "Other countries" rows absorb them, so that each table still adds up to its world
// total; every other figure is as USGS published it. The salient rows other than net import
// reliance and the Import Sources row follow the release's layout as far as it is known (the
// official rows at hand have none of them); they stand for the sections the import skips.
const sample = "testdata/MCS2026_Commodities_Data_sample.csv"

const content = "../content" // the embedded knowledge base, as a folder

// mustOptions returns import options for the knowledge base in dir.
func mustOptions(tb testing.TB, dir string) Options {
	tb.Helper()
	entries, err := os.ReadDir(filepath.Join(dir, "minerals"))
	if err != nil {
		tb.Fatal(err)
	}
	opt := Options{Edition: 2026}
	for _, e := range entries {
		if id, ok := strings.CutSuffix(e.Name(), ".md"); ok {
			opt.Minerals = append(opt.Minerals, id)
		}
	}
	data, err := os.ReadFile(filepath.Join(dir, "tables", "countries.csv"))
	if err != nil {
		tb.Fatal(err)
	}
	if opt.Countries, err = ReadCountries(data); err != nil {
		tb.Fatal(err)
	}
	return opt
}

func mustRead(tb testing.TB, file string, opt Options) *Result {
	tb.Helper()
	f, err := os.Open(file)
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	res, err := Read(f, filepath.Base(file), opt)
	if err != nil {
		tb.Fatalf("Read %s:\n%v", file, err)
	}
	return res
}

// table renders rows with their header, as the knowledge base's tables hold them.
func table(tb testing.TB, cols []string, rows [][]string) []byte {
	tb.Helper()
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write(cols)
	_ = w.WriteAll(rows)
	if err := w.Error(); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

func golden(t *testing.T, file string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (run with -update to accept):\n--- got\n%s\n--- want\n%s", file, got, want)
	}
}

func TestKBImportGolden(t *testing.T) {
	res := mustRead(t, sample, mustOptions(t, content))
	golden(t, "testdata/production.golden.csv", table(t, ProductionColumns, ProductionRecords(res.Production)))
	golden(t, "testdata/import_reliance.golden.csv", table(t, RelianceColumns, RelianceRecords(res.Reliance)))

	if res.Rows != 36 {
		t.Errorf("Rows = %d, want 36", res.Rows)
	}
	wantSkipped := []Skip{
		{Reason: "no mineral record", Name: "SALT", Rows: 1},
		{Reason: "not a world production table or net import reliance", Name: "Import Sources (2021–24)", Rows: 1},
		{Reason: "not a world production table or net import reliance", Name: "Salient Statistics—United States", Rows: 1},
	}
	if !slices.Equal(res.Skipped, wantSkipped) {
		t.Errorf("Skipped = %+v\nwant      %+v", res.Skipped, wantSkipped)
	}
	if len(res.NewCountries) != 0 {
		t.Errorf("NewCountries = %v, want none", res.NewCountries)
	}
}

// A copy re-saved as UTF-8 (with a byte-order mark, as spreadsheet programs write it) reads
// the same as the Windows-1252 original.
func TestKBImportUTF8(t *testing.T) {
	opt := mustOptions(t, content)
	raw, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	utf := append([]byte("\uFEFF"), decode(raw)...)
	if !bytes.Contains(utf, []byte("Salient Statistics—United States")) {
		t.Fatal("the sample's em dashes did not decode")
	}
	got, err := Read(bytes.NewReader(utf), "utf8.csv", opt)
	if err != nil {
		t.Fatal(err)
	}
	want := mustRead(t, sample, opt)
	if !slices.EqualFunc(ProductionRecords(got.Production), ProductionRecords(want.Production), slices.Equal) ||
		!slices.EqualFunc(got.Reliance, want.Reliance, func(a, b Reliance) bool { return a == b }) {
		t.Error("the UTF-8 copy reads differently")
	}
}

func TestKBImportBadRows(t *testing.T) {
	// Each file in testdata/bad is the header and a few rows in the official layout.
	tests := []struct {
		file string
		opt  func(*Options)
		want string
	}{
		{file: "bad_value.csv", want: `bad_value.csv:3: value "about 5,000" is not a number, a dash, W, NA, XX, Large, Small, >N or "Less than ½ unit"`},
		{file: "unknown_country.csv", want: `unknown_country.csv:2: unknown country "Atlantis": add it to tables/countries.csv (as a name or an alias), or import with -add-countries`},
		{file: "missing_column.csv", want: `missing_column.csv:1: missing column "Value": want the USGS data-release columns MCS chapter, Section, Commodity, Country, Statistics, Statistics_detail, Unit, Year, Value, Notes`},
		{file: "bad_year.csv", want: `bad_year.csv:2: year "2025p" is not a year (want YYYY, or YYYYe for an estimate)`},
		{file: "duplicate.csv", want: `duplicate.csv:3: duplicate figure: cobalt china mine_production 2025 is also at line 2`},
		{file: "future_year.csv", opt: func(o *Options) { o.Edition = 2025 }, want: `future_year.csv:2: year 2025 is not before the 2025 edition: is -edition right?` + "\n" +
			`future_year.csv:3: year 2026 is not before the 2025 edition: is -edition right?`},
		{file: "bad_reliance.csv", want: `bad_reliance.csv:2: net import reliance "25–50" is not a percentage, >N, <N, E (net exporter), NA or a dash`},
		{file: "short_row.csv", want: `short_row.csv:3: row has 9 fields, the header 12`},
		{file: "several.csv", want: `several.csv:2: value "n/a" is not a number, a dash, W, NA, XX, Large, Small, >N or "Less than ½ unit"` + "\n" +
			`several.csv:4: unknown country "Narnia": add it to tables/countries.csv (as a name or an alias), or import with -add-countries` + "\n" +
			`several.csv:5: year "" is not a year (want YYYY, or YYYYe for an estimate)`},
	}
	base := mustOptions(t, content)
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			opt := base
			if tt.opt != nil {
				tt.opt(&opt)
			}
			f, err := os.Open(filepath.Join("testdata", "bad", tt.file))
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			res, err := Read(f, tt.file, opt)
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("Read = %+v, %v; want Errors", res, err)
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

func TestKBImportAddCountries(t *testing.T) {
	opt := mustOptions(t, content)
	opt.AddCountries = true
	res := mustRead(t, "testdata/bad/unknown_country.csv", opt)
	if want := []Country{{ID: "atlantis", Name: "Atlantis"}}; !slices.EqualFunc(res.NewCountries, want, func(a, b Country) bool {
		return a.ID == b.ID && a.Name == b.Name
	}) {
		t.Fatalf("NewCountries = %+v, want %+v", res.NewCountries, want)
	}
	if res.Production[0].Country != "atlantis" {
		t.Errorf("figure country = %q", res.Production[0].Country)
	}
	existing := "id,name,name_es,aliases\nargentina,Argentina,Argentina,\nbrazil,Brasil,Brasil,\"Brazil;Brasil\"\n"
	m, err := MergeCountries([]byte(existing), append(res.NewCountries, Country{ID: "zanzibar", Name: "Zanzibar"}))
	if err != nil {
		t.Fatal(err)
	}
	want := "id,name,name_es,aliases\nargentina,Argentina,Argentina,\natlantis,Atlantis,,\nbrazil,Brasil,Brasil,\"Brazil;Brasil\"\nzanzibar,Zanzibar,,\n"
	if string(m.Text) != want {
		t.Errorf("countries:\n%s\nwant:\n%s", m.Text, want)
	}
}

func TestKBImportValues(t *testing.T) {
	figures := []struct {
		in, want, note string
		estimated      bool
		skip           string
	}{
		{in: "226,000", want: "226000"},
		{in: "1,700,000", want: "1700000"},
		{in: "0.5", want: "0.5"},
		{in: "—", want: "0"},
		{in: "–", want: "0"},
		{in: "W", want: "W"},
		{in: "NA", want: "NA"},
		{in: "Large", want: "large"},
		{in: "Small", want: "small"},
		{in: ">85,000,000", want: ">85000000"},
		{in: "e5,500", want: "5500", estimated: true},
		{in: "Less than ½ unit", want: "small", note: "less than ½ unit"},
		{in: "XX", skip: "not applicable (XX)"},
	}
	for _, tt := range figures {
		t.Run("figure "+tt.in, func(t *testing.T) {
			v, err := parseFigureValue(tt.in)
			if err != nil {
				t.Fatal(err)
			}
			if v.value != tt.want || v.note != tt.note || v.estimated != tt.estimated || v.skip != tt.skip {
				t.Errorf("parseFigureValue(%q) = %+v", tt.in, v)
			}
		})
	}
	for _, in := range []string{"", "1,23", "12,3456", "<5", "~100", "1–2", "10 (5)", "1e5"} {
		if v, err := parseFigureValue(in); err == nil {
			t.Errorf("parseFigureValue(%q) = %+v, want an error", in, v)
		}
	}
	reliance := map[string]string{"79": "79", ">50": ">50", "<25": "<25", "E": "E", "NA": "NA", "100": "100", "—": "0", "67%": "67"}
	for in, want := range reliance {
		if v, err := parseRelianceValue(in); err != nil || v.value != want {
			t.Errorf("parseRelianceValue(%q) = %+v, %v; want %q", in, v, err, want)
		}
	}
	for _, in := range []string{"101", ">150", "25–50", "", "X"} {
		if v, err := parseRelianceValue(in); err == nil {
			t.Errorf("parseRelianceValue(%q) = %+v, want an error", in, v)
		}
	}
	if v, _ := parseRelianceValue("W"); v.skip == "" {
		t.Error(`parseRelianceValue("W") is not skipped`)
	}

	years := []struct {
		in        string
		year      int
		estimated bool
	}{{"2025", 2025, false}, {"2025e", 2025, true}, {"2025_estimated", 2025, true}, {"2024(e)", 2024, true}}
	for _, tt := range years {
		y, e, err := parseYear(tt.in)
		if err != nil || y != tt.year || e != tt.estimated {
			t.Errorf("parseYear(%q) = %d, %v, %v", tt.in, y, e, err)
		}
	}
	for _, in := range []string{"2021–24", "25", "2025p", "1850"} {
		if _, _, err := parseYear(in); err == nil {
			t.Errorf("parseYear(%q): want an error", in)
		}
	}

	units := []struct{ unit, other, want string }{
		{"metric tons", "(Data in metric tons, cobalt content, unless otherwise specified) -- Significant revisions…", "metric tons, cobalt content"},
		{"metric tons", "(Data in metric tons, rare-earth-oxide (REO) equivalent, unless otherwise specified)", "metric tons, rare-earth-oxide (REO) equivalent"},
		{"kilograms", "(Data in kilograms, gallium content, unless otherwise specified)", "kilograms, gallium content"},
		{"thousand metric tons", "(Data in metric tons, cobalt content, unless otherwise specified)", "thousand metric tons"},
		{"metric tons", "", "metric tons"},
		{"", "(Data in million carats, unless otherwise specified)", "million carats"},
	}
	for _, tt := range units {
		if got := unitOf(tt.unit, tt.other); got != tt.want {
			t.Errorf("unitOf(%q, %q) = %q, want %q", tt.unit, tt.other, got, tt.want)
		}
	}

	products := map[string]string{
		"Net import reliance as a percentage of apparent consumption":                       "",
		"Net import reliance as a percentage of apparent consumption: Compounds and metals": "compounds and metals",
		"Net import reliance as a percentage of apparent consumption: TiO2 pigment":         "TiO2 pigment",
		"Net import reliance as a percentage of apparent consumption, refined tin":          "",
	}
	for in, want := range products {
		if got := relianceProduct(in); got != want {
			t.Errorf("relianceProduct(%q) = %q, want %q", in, got, want)
		}
	}

	m := DefaultMapping()
	measures := []struct {
		ch           Chapter
		detail, stat string
		want         string
	}{
		{Chapter{Mineral: "cobalt"}, "Mine production: rounded", "Production", "mine_production"},
		{Chapter{Mineral: "cobalt"}, "Reserves: rounded", "Reserves", "reserves"},
		{Chapter{Mineral: "iron-ore"}, "Mine production, iron content", "Production", "mine_production_iron_content"},
		{Chapter{Mineral: "gallium"}, "Primary production: rounded", "Production", "primary_low_purity_production"},
		{Chapter{Mineral: "magnesium", MeasurePrefix: "magnesite_"}, "Mine production", "Production", "magnesite_mine_production"},
		{Chapter{Mineral: "cobalt"}, "", "Capacity", "capacity"},
	}
	for _, tt := range measures {
		if got := m.measure(tt.ch, tt.detail, tt.stat); got != tt.want {
			t.Errorf("measure(%s, %q, %q) = %q, want %q", tt.ch.Mineral, tt.detail, tt.stat, got, tt.want)
		}
	}

	if e, ok := EditionFromFileName("MCS2026_Commodities_Data.csv"); !ok || e != 2026 {
		t.Errorf("EditionFromFileName = %d, %v", e, ok)
	}
	if got := knowledge.MCS2026.ChapterURL("platinum-group"); got != "https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-platinum-group.pdf" {
		t.Errorf("URL = %s", got)
	}
}

func TestKBImportMerge(t *testing.T) {
	const ed = "USGS Mineral Commodity Summaries 2026"
	existing := strings.Join([]string{
		"mineral,product,year,value,estimated,source_url,edition",
		"antimony,,2024,85,yes,https://e.org/a,USGS Mineral Commodity Summaries 2025",
		"antimony,,2025,91,yes,https://e.org/a,USGS Mineral Commodity Summaries 2026",
		"cobalt,,2024,76,yes,https://e.org/c,USGS Mineral Commodity Summaries 2025",
		`cobalt,"refined, all forms",2024,80,,https://e.org/c,"USGS Mineral Commodity Summaries 2025 (figures quoted second-hand)"`,
		"cobalt,,2025,70,yes,https://e.org/c,USGS Mineral Commodity Summaries 2026 (third-party parse)",
		"zinc,,2024,73,,https://e.org/z,USGS Mineral Commodity Summaries 2025",
		"zinc,,2023,77,,https://e.org/z,USGS Mineral Commodity Summaries 20260",
	}, "\n") // no final newline: the last row gets one
	rows := [][]string{
		{"bismuth", "", "2025", "92", "yes", "https://e.org/b", ed},
		{"cobalt", "", "2025", "79", "yes", "https://e.org/c", ed},
		{"tin", "", "2025", "77", "yes", "https://e.org/t", ed},
		{"zirconium", "", "2025", "<25", "yes", "https://e.org/zr", ed},
	}
	m, err := Merge([]byte(existing), RelianceTable, ed, rows)
	if err != nil {
		t.Fatal(err)
	}
	want := strings.Join([]string{
		"mineral,product,year,value,estimated,source_url,edition",
		"antimony,,2024,85,yes,https://e.org/a,USGS Mineral Commodity Summaries 2025",
		"bismuth,,2025,92,yes,https://e.org/b,USGS Mineral Commodity Summaries 2026",
		"cobalt,,2024,76,yes,https://e.org/c,USGS Mineral Commodity Summaries 2025",
		`cobalt,"refined, all forms",2024,80,,https://e.org/c,"USGS Mineral Commodity Summaries 2025 (figures quoted second-hand)"`,
		"cobalt,,2025,79,yes,https://e.org/c,USGS Mineral Commodity Summaries 2026",
		"tin,,2025,77,yes,https://e.org/t,USGS Mineral Commodity Summaries 2026",
		"zinc,,2024,73,,https://e.org/z,USGS Mineral Commodity Summaries 2025",
		"zinc,,2023,77,,https://e.org/z,USGS Mineral Commodity Summaries 20260",
		"zirconium,,2025,<25,yes,https://e.org/zr,USGS Mineral Commodity Summaries 2026",
		"",
	}, "\n")
	if string(m.Text) != want {
		t.Errorf("merged:\n%s\nwant:\n%s", m.Text, want)
	}
	if m.Replaced != 2 || m.Kept != 5 || m.Added != 4 {
		t.Errorf("Replaced %d, Kept %d, Added %d; want 2, 5, 4", m.Replaced, m.Kept, m.Added)
	}
	again, err := Merge(m.Text, RelianceTable, ed, rows)
	if err != nil || !bytes.Equal(again.Text, m.Text) {
		t.Errorf("a second import changed the table (%v):\n%s", err, again.Text)
	}

	empty, err := Merge(nil, RelianceTable, ed, rows[:1])
	if err != nil || string(empty.Text) != "mineral,product,year,value,estimated,source_url,edition\nbismuth,,2025,92,yes,https://e.org/b,USGS Mineral Commodity Summaries 2026\n" {
		t.Errorf("new table: %q, %v", empty.Text, err)
	}
	if _, err := Merge([]byte("mineral,year\nx,1\n"), RelianceTable, ed, rows); err == nil ||
		err.Error() != `tables/import_reliance.csv:1: header is "mineral,year", want "mineral,product,year,value,estimated,source_url,edition"` {
		t.Errorf("wrong header: %v", err)
	}
}

// TestKBImportRoundTrip imports the sample into a copy of the knowledge base, loads it with
// knowledge.Load and finds the figures there with the 2026 edition, next to the 2025 ones.
func TestKBImportRoundTrip(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(content)); err != nil {
		t.Fatal(err)
	}
	res := mustRead(t, sample, mustOptions(t, dir))
	for i := range 2 { // the second import must change nothing
		for _, tb := range []struct {
			t    Table
			rows [][]string
		}{{ProductionTable, ProductionRecords(res.Production)}, {RelianceTable, RelianceRecords(res.Reliance)}} {
			path := filepath.Join(dir, tb.t.File)
			old, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			m, err := Merge(old, tb.t, knowledge.MCS2026.Title(), tb.rows)
			if err != nil {
				t.Fatal(err)
			}
			if i == 1 && !bytes.Equal(m.Text, old) {
				t.Errorf("importing twice changed %s", tb.t.File)
			}
			if err := os.WriteFile(path, m.Text, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	assertUntouched(t, dir, ProductionTable.File, RelianceTable.File)

	kb, err := knowledge.Load(os.DirFS(dir))
	if err != nil {
		t.Fatalf("the imported knowledge base does not load:\n%v", err)
	}

	const ed2026, ed2025 = "USGS Mineral Commodity Summaries 2026", "USGS Mineral Commodity Summaries 2025"
	figure := func(mineral, country, measure string, year int, edition string) knowledge.Figure {
		t.Helper()
		for _, f := range kb.Production {
			if f.Mineral == mineral && f.Country == country && f.Measure == measure && f.Year == year && f.Source.Edition == edition {
				return f
			}
		}
		t.Fatalf("no %s figure for %s %s %s %d", edition, mineral, country, measure, year)
		return knowledge.Figure{}
	}
	if f := figure("cobalt", "congo-kinshasa", "mine_production", 2025, ed2026); f.Value != 230000 || !f.Estimated || f.Unit != "metric tons, cobalt content" ||
		f.Source.URL != "https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-cobalt.pdf" {
		t.Errorf("cobalt, Congo (Kinshasa), 2025: %+v", f)
	}
	if f := figure("cobalt", "congo-kinshasa", "mine_production", 2024, ed2026); f.Value != 226000 {
		t.Errorf("cobalt, Congo (Kinshasa), 2024 in MCS 2026: %+v", f)
	}
	figure("cobalt", "congo-kinshasa", "mine_production", 2024, ed2025) // the 2025 edition's figure stays
	if f := figure("cobalt", knowledge.World, "reserves", 0, ed2026); f.Value != 12000000 || f.Estimated {
		t.Errorf("cobalt world reserves: %+v", f)
	}
	if f := figure("gallium", "united-states", "primary_low_purity_production", 2025, ed2026); f.Value != 0 || !f.Known() {
		t.Errorf("gallium, United States (a dash): %+v", f)
	}
	if f := figure("gallium", "china", "production_capacity", 2025, ed2026); f.Value != 1600000 || !f.Estimated {
		t.Errorf("gallium capacity, China: %+v", f)
	}
	if f := figure("lithium", "united-states", "mine_production", 2024, ed2026); f.Status != knowledge.Withheld {
		t.Errorf("lithium, United States (W): %+v", f)
	}
	if f := figure("lithium", "chile", "mine_production", 2024, ed2026); f.Value != 48900 || f.Estimated {
		t.Errorf("lithium, Chile (reported, not estimated): %+v", f)
	}
	if f := figure("rare-earths", "burma", "reserves", 0, ed2026); f.Status != knowledge.NotAvailable {
		t.Errorf("rare earths, Burma reserves (NA): %+v", f)
	}
	if f := figure("rare-earths", knowledge.World, "reserves", 0, ed2026); f.Value != 85000000 || !f.AtLeast {
		t.Errorf("rare earths, world reserves (>85,000,000): %+v", f)
	}

	reliance := func(mineral, product string, year int) knowledge.Reliance {
		t.Helper()
		for _, r := range kb.Reliance {
			if r.Mineral == mineral && r.Product == product && r.Year == year && r.Source.Edition == ed2026 {
				return r
			}
		}
		t.Fatalf("no 2026 net import reliance for %s %q %d", mineral, product, year)
		return knowledge.Reliance{}
	}
	if r := reliance("cobalt", "", 2025); r.Printed != "79" || !r.Estimated {
		t.Errorf("cobalt reliance 2025: %+v", r)
	}
	if r := reliance("cobalt", "", 2024); r.Printed != "74" || r.Estimated {
		t.Errorf("cobalt reliance 2024: %+v", r)
	}
	if r := reliance("lithium", "", 2025); r.Printed != ">50" {
		t.Errorf("lithium reliance 2025: %+v", r)
	}
	if r := reliance("rare-earths", "compounds and metals", 2025); r.Percent != 67 {
		t.Errorf("rare earths reliance 2025: %+v", r)
	}
	if r := reliance("rare-earths", "mineral concentrates", 2025); !r.NetExporter() {
		t.Errorf("rare earths concentrates 2025: %+v", r)
	}
}

// assertUntouched checks that every file of the copy in dir, except the given ones, is as in
// the knowledge base it was copied from.
func assertUntouched(t *testing.T, dir string, except ...string) {
	t.Helper()
	err := filepath.WalkDir(content, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(content, path)
		if slices.Contains(except, filepath.ToSlash(rel)) {
			return nil
		}
		want, _ := os.ReadFile(path)
		got, err := os.ReadFile(filepath.Join(dir, rel))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("%s changed (%v)", rel, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}
