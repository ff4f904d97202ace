package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

const (
	kbContent    = "../../knowledge/content"
	importSample = "../../knowledge/mcsimport/testdata/MCS2026_Commodities_Data_sample.csv"
	importBad    = "../../knowledge/mcsimport/testdata/bad"
)

// mustCopyKB copies the embedded knowledge base's folder to a temporary directory.
func mustCopyKB(tb testing.TB) string {
	tb.Helper()
	dir := tb.TempDir()
	if err := os.CopyFS(dir, os.DirFS(kbContent)); err != nil {
		tb.Fatal(err)
	}
	return dir
}

func mustReadFile(tb testing.TB, path string) []byte {
	tb.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	return data
}

// TestKBImportCmd runs "mineralbot kb import" end to end on a copy of the knowledge base,
// twice: the second run replaces the rows of the first and changes nothing.
func TestKBImportCmd(t *testing.T) {
	dir := mustCopyKB(t)
	production := filepath.Join(dir, "tables", "production.csv")
	reliance := filepath.Join(dir, "tables", "import_reliance.csv")

	code, out, stderr := runCmd(t, "kb", "import", "-kb", dir, importSample)
	if code != 0 {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", code, out, stderr)
	}
	want := regexp.MustCompile(`^MCS2026_Commodities_Data_sample.csv: 36 rows, USGS Mineral Commodity Summaries 2026
tables/production.csv: 28 rows for cobalt, gallium, lithium, rare-earths \(replaced \d+ rows? of the edition, kept \d+\)
tables/import_reliance.csv: 5 rows for cobalt, lithium, rare-earths \(replaced \d+ rows? of the edition, kept \d+\)
skipped 3 rows:
  1 row of SALT: no mineral record
  1 row of Import Sources \(2021–24\): not a world production table or net import reliance
  1 row of Salient Statistics—United States: not a world production table or net import reliance
` + regexp.QuoteMeta(dir) + `: \d+ minerals.*
$`)
	if !want.MatchString(out) {
		t.Errorf("stdout:\n%s", out)
	}
	if stderr != "" {
		t.Errorf("stderr: %s", stderr)
	}

	// Every row of the package's golden file is in the table, and the 2025 edition's rows
	// are all still there.
	after := mustReadFile(t, production)
	golden := mustReadFile(t, "../../knowledge/mcsimport/testdata/production.golden.csv")
	for _, line := range strings.Split(strings.TrimSpace(string(golden)), "\n")[1:] {
		if !bytes.Contains(after, []byte(line+"\n")) {
			t.Errorf("production.csv lacks %s", line)
		}
	}
	for _, line := range strings.SplitAfter(string(mustReadFile(t, filepath.Join(kbContent, "tables", "production.csv"))), "\n") {
		if strings.Contains(line, "Mineral Commodity Summaries 2025") && !bytes.Contains(after, []byte(line)) {
			t.Errorf("an MCS 2025 row was lost: %s", line)
		}
	}

	relianceAfter := mustReadFile(t, reliance)
	code, out, stderr = runCmd(t, "kb", "import", "-edition", "2026", "-kb", dir, importSample)
	if code != 0 {
		t.Fatalf("second import: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(out, "tables/production.csv: 28 rows for cobalt, gallium, lithium, rare-earths (replaced 28 rows of the edition") {
		t.Errorf("second import, stdout:\n%s", out)
	}
	if !bytes.Equal(mustReadFile(t, production), after) || !bytes.Equal(mustReadFile(t, reliance), relianceAfter) {
		t.Error("importing the same file twice changed the tables")
	}
}

func TestKBImportCmdErrors(t *testing.T) {
	tests := []struct {
		name       string
		args       []string // after "kb import -kb DIR"
		code       int
		stderr     string // a line of stderr
		wantChange bool   // whether a table may have changed
	}{
		{name: "bad row", args: []string{"-edition", "2026", importBad + "/bad_value.csv"}, code: 1,
			stderr: `bad_value.csv:3: value "about 5,000" is not a number, a dash, W, NA, XX, Large, Small, >N or "Less than ½ unit"`},
		{name: "unknown country", args: []string{"-edition", "2026", importBad + "/unknown_country.csv"}, code: 1,
			stderr: `unknown_country.csv:2: unknown country "Atlantis": add it to tables/countries.csv (as a name or an alias), or import with -add-countries`},
		{name: "no edition", args: []string{importBad + "/bad_value.csv"}, code: 2,
			stderr: "mineralbot: kb import: the file name does not say the edition (MCS2026_…): pass -edition YEAR"},
		{name: "edition mismatch", args: []string{"-edition", "2025", importSample}, code: 2,
			stderr: "mineralbot: kb import: -edition 2025, but the file name says MCS2026"},
		{name: "no file", args: nil, code: 2, stderr: "mineralbot: kb import: want one FILE.csv (flags before it)"},
		{name: "missing file", args: []string{"no/such/MCS2026_x.csv"}, code: 1, stderr: "mineralbot: kb import: open no/such/MCS2026_x.csv: no such file or directory"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := mustCopyKB(t)
			code, _, stderr := runCmd(t, append([]string{"kb", "import", "-kb", dir}, tt.args...)...)
			if code != tt.code {
				t.Errorf("exit %d, want %d; stderr:\n%s", code, tt.code, stderr)
			}
			if !strings.Contains(stderr, tt.stderr+"\n") {
				t.Errorf("stderr lacks %q:\n%s", tt.stderr, stderr)
			}
			for _, f := range []string{"production.csv", "import_reliance.csv", "countries.csv"} {
				if !bytes.Equal(mustReadFile(t, filepath.Join(dir, "tables", f)), mustReadFile(t, filepath.Join(kbContent, "tables", f))) {
					t.Errorf("%s changed", f)
				}
			}
		})
	}
}

// With -add-countries a country the knowledge base lacks is added to countries.csv, in id
// order, with its USGS name.
func TestKBImportCmdAddCountries(t *testing.T) {
	dir := mustCopyKB(t)
	code, out, stderr := runCmd(t, "kb", "import", "-edition", "2026", "-add-countries", "-kb", dir, importBad+"/unknown_country.csv")
	if code != 0 {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.Contains(out, "tables/countries.csv: added atlantis (give them a Spanish name and aliases)\n") {
		t.Errorf("stdout:\n%s", out)
	}
	countries := string(mustReadFile(t, filepath.Join(dir, "tables", "countries.csv")))
	if !strings.Contains(countries, "\natlantis,Atlantis,,\naustralia,") {
		t.Errorf("countries.csv:\n%s", countries)
	}
}

// A knowledge base that does not validate after the import exits 1 with its problems, and
// keeps the written tables so that their file:line can be read.
func TestKBImportCmdInvalidAfter(t *testing.T) {
	dir := mustCopyKB(t)
	broken := "---\nid: zz-broken\n---\n"
	if err := os.WriteFile(filepath.Join(dir, "policies", "zz-broken.md"), []byte(broken), 0o644); err != nil {
		t.Fatal(err)
	}
	code, _, stderr := runCmd(t, "kb", "import", "-kb", dir, importSample)
	if code != 1 {
		t.Fatalf("exit %d, want 1\n%s", code, stderr)
	}
	if !strings.Contains(stderr, "policies/zz-broken.md:") || !strings.Contains(stderr, "after the import; the tables are written (git checkout undoes them)\n") {
		t.Errorf("stderr:\n%s", stderr)
	}
	if !bytes.Contains(mustReadFile(t, filepath.Join(dir, "tables", "production.csv")), []byte("USGS Mineral Commodity Summaries 2026")) {
		t.Error("the tables were not written")
	}
}
