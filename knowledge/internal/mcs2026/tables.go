package main

import (
	"cmp"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Edition and chapter URLs of what this program writes.
var edition = knowledge.MCS2026.Title()

func chapterURL(slug string) string { return knowledge.MCS2026.ChapterURL(slug) }

// record is one input row, by column name, with its line.
type record struct {
	line int
	f    map[string]string
}

func (r record) get(col string) string { return strings.TrimSpace(r.f[col]) }

// readCSV reads a CSV file with a header into records.
func readCSV(path string) ([]record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	cr := csv.NewReader(f)
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("read %s: empty", path)
	}
	var out []record
	for i, row := range rows[1:] {
		m := make(map[string]string, len(row))
		for j, col := range rows[0] {
			if j < len(row) {
				m[col] = row[j]
			}
		}
		out = append(out, record{line: i + 2, f: m})
	}
	return out, nil
}

// tables holds the MCS 2026 rows to write, each in its table's column order.
type tables struct {
	production, reliance, sources, endUses, prices [][]string
}

// The knowledge tables' columns.
var (
	productionCols = []string{"mineral", "country", "measure", "year", "value", "estimated", "unit", "form", "secondary", "source_url", "edition", "note"}
	relianceCols   = []string{"mineral", "product", "year", "value", "estimated", "source_url", "edition"}
	sourcesCols    = []string{"mineral", "product", "country", "share_pct", "period", "source_url", "edition"}
	endUsesCols    = []string{"mineral", "use", "share_pct", "year", "estimated", "source_url", "edition", "note"}
	pricesCols     = []string{"mineral", "form", "unit", "year", "value", "estimated", "source_url", "edition"}
)

// write merges the MCS 2026 rows into the knowledge tables and adds new countries.
func (c *converter) write(t tables) error {
	for _, x := range []struct {
		file string
		cols []string
		rows [][]string
	}{
		{"production.csv", productionCols, t.production},
		{"import_reliance.csv", relianceCols, t.reliance},
		{"import_sources.csv", sourcesCols, t.sources},
		{"end_uses.csv", endUsesCols, t.endUses},
		{"prices.csv", pricesCols, t.prices},
	} {
		if err := merge(filepath.Join(c.kb, "tables", x.file), x.cols, x.rows); err != nil {
			return err
		}
	}
	return c.writeCountries()
}

// merge rewrites a table: its rows of other editions stay in place, its MCS 2026 rows are
// replaced by rows, and each mineral's new rows follow its last old row (a mineral new to the
// table goes at the end).
func merge(path string, cols []string, rows [][]string) error {
	old, err := readTable(path, cols)
	if err != nil {
		return err
	}
	ed := slices.Index(cols, "edition")
	var kept [][]string
	for _, r := range old {
		if e, ok := knowledge.ParseEdition(r[ed]); !ok || e != knowledge.MCS2026 {
			kept = append(kept, r)
		}
	}
	byMineral := make(map[string][][]string)
	var order []string
	for _, r := range rows {
		if _, ok := byMineral[r[0]]; !ok {
			order = append(order, r[0])
		}
		byMineral[r[0]] = append(byMineral[r[0]], r)
	}
	last := make(map[string]int)
	for i, r := range kept {
		last[r[0]] = i
	}
	var out [][]string
	for i, r := range kept {
		out = append(out, r)
		if last[r[0]] == i {
			out = append(out, byMineral[r[0]]...)
			delete(byMineral, r[0])
		}
	}
	for _, m := range order {
		out = append(out, byMineral[m]...)
	}
	return writeTable(path, cols, out)
}

// readTable reads a knowledge table, which must have exactly cols, or nothing when the file
// does not exist yet.
func readTable(path string, cols []string) ([][]string, error) {
	f, err := os.Open(path)
	if os.IsNotExist(err) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", path, err)
	}
	if len(rows) == 0 || !slices.Equal(rows[0], cols) {
		return nil, fmt.Errorf("read %s: header is not %s", path, strings.Join(cols, ","))
	}
	return rows[1:], nil
}

func writeTable(path string, cols []string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	w.Write(cols)
	w.WriteAll(rows)
	if err := w.Error(); err != nil {
		f.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return f.Close()
}

// writeCountries adds the countries the new rows use to countries.csv, keeping it sorted by
// id and every curated column of the existing rows.
func (c *converter) writeCountries() error {
	if len(c.added) == 0 {
		return nil
	}
	path := filepath.Join(c.kb, "tables", "countries.csv")
	cols := []string{"id", "name", "name_es", "aliases"}
	rows, err := readTable(path, cols)
	if err != nil {
		return err
	}
	for _, nc := range c.added {
		rows = append(rows, []string{nc.id, nc.name, nc.nameES, ""})
	}
	slices.SortStableFunc(rows, func(a, b []string) int { return cmp.Compare(a[0], b[0]) })
	return writeTable(path, cols, rows)
}
