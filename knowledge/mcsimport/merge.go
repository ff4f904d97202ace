package mcsimport

import (
	"bytes"
	"cmp"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Table is a knowledge-base table the import writes.
type Table struct {
	File    string   // its path inside the knowledge base
	Columns []string // its header, exactly
}

// The tables an import writes.
var (
	ProductionTable = Table{File: "tables/production.csv", Columns: ProductionColumns}
	RelianceTable   = Table{File: "tables/import_reliance.csv", Columns: RelianceColumns}
	CountriesTable  = Table{File: "tables/countries.csv", Columns: []string{"id", "name", "name_es", "aliases"}}
)

// Merged is a table's new text.
type Merged struct {
	Text     []byte
	Kept     int // rows kept byte for byte
	Replaced int // rows of the edition removed
	Added    int // rows written
}

// ProductionRecords returns figures as rows of tables/production.csv.
func ProductionRecords(fs []Figure) [][]string {
	out := make([][]string, len(fs))
	for i, f := range fs {
		out[i] = f.Record()
	}
	return out
}

// RelianceRecords returns figures as rows of tables/import_reliance.csv.
func RelianceRecords(rs []Reliance) [][]string {
	out := make([][]string, len(rs))
	for i, r := range rs {
		out[i] = r.Record()
	}
	return out
}

// Merge replaces the rows of one edition in a table with rows, and returns the new text.
// Rows of other editions stay as they were, byte for byte and in their order. The new rows of
// a mineral follow its last remaining row (a mineral with none goes where its id falls among
// the table's minerals), in the order given, so importing the same file twice gives the same
// text. A row is of the edition when its edition cell is the edition's title, alone or
// followed by more words ("USGS Mineral Commodity Summaries 2026 (third-party parse)").
// existing may be empty for a new table.
func Merge(existing []byte, t Table, edition string, rows [][]string) (Merged, error) {
	edCol := slices.Index(t.Columns, "edition")
	if edCol < 0 || len(t.Columns) == 0 || t.Columns[0] != "mineral" {
		return Merged{}, fmt.Errorf("merge %s: the table needs a mineral column first and an edition column", t.File)
	}
	for i, r := range rows {
		if len(r) != len(t.Columns) {
			return Merged{}, fmt.Errorf("merge %s: new row %d has %d fields, want %d", t.File, i+1, len(r), len(t.Columns))
		}
	}
	header, recs, err := readRaw(existing, t)
	if err != nil {
		return Merged{}, err
	}
	m := Merged{Added: len(rows)}
	var kept []rawRecord
	for _, r := range recs {
		if sameEdition(r.fields[edCol], edition) {
			m.Replaced++
			continue
		}
		kept = append(kept, r)
	}
	m.Kept = len(kept)

	// Where each mineral's new rows go: before kept[pos] (pos == len(kept): at the end).
	byMineral := make(map[string][][]string)
	var minerals []string
	for _, r := range rows {
		if _, ok := byMineral[r[0]]; !ok {
			minerals = append(minerals, r[0])
		}
		byMineral[r[0]] = append(byMineral[r[0]], r)
	}
	slices.Sort(minerals)
	at := make(map[int][]string)
	for _, mineral := range minerals {
		pos := -1
		for i, r := range kept {
			if r.fields[0] == mineral {
				pos = i + 1 // after its last row
			}
		}
		if pos < 0 {
			pos = slices.IndexFunc(kept, func(r rawRecord) bool { return r.fields[0] > mineral })
		}
		if pos < 0 {
			pos = len(kept)
		}
		at[pos] = append(at[pos], mineral)
	}

	var b bytes.Buffer
	b.Write(header)
	w := csv.NewWriter(&b)
	put := func(pos int) {
		for _, mineral := range at[pos] {
			for _, r := range byMineral[mineral] {
				_ = w.Write(r) // a bytes.Buffer does not fail
			}
		}
		w.Flush()
	}
	for i, r := range kept {
		put(i)
		b.Write(r.raw)
	}
	put(len(kept))
	m.Text = b.Bytes()
	return m, w.Error()
}

// MergeCountries adds countries to the text of tables/countries.csv, each where its id falls
// (the table is kept in id order); existing rows stay byte for byte. The new rows have a name
// and nothing else: a curator adds the Spanish name and aliases.
func MergeCountries(existing []byte, add []Country) (Merged, error) {
	header, recs, err := readRaw(existing, CountriesTable)
	if err != nil {
		return Merged{}, err
	}
	add = slices.Clone(add)
	slices.SortFunc(add, func(a, b Country) int { return cmp.Compare(a.ID, b.ID) })
	var b bytes.Buffer
	b.Write(header)
	w := csv.NewWriter(&b)
	i := 0
	for _, r := range recs {
		for ; i < len(add) && add[i].ID < r.fields[0]; i++ {
			_ = w.Write([]string{add[i].ID, add[i].Name, "", ""})
		}
		w.Flush()
		b.Write(r.raw)
	}
	for ; i < len(add); i++ {
		_ = w.Write([]string{add[i].ID, add[i].Name, "", ""})
	}
	w.Flush()
	return Merged{Text: b.Bytes(), Kept: len(recs), Added: len(add)}, w.Error()
}

// ReadCountries reads the text of tables/countries.csv.
func ReadCountries(data []byte) ([]Country, error) {
	_, recs, err := readRaw(data, CountriesTable)
	if err != nil {
		return nil, err
	}
	out := make([]Country, 0, len(recs))
	for _, r := range recs {
		c := Country{ID: strings.TrimSpace(r.fields[0]), Name: strings.TrimSpace(r.fields[1])}
		for _, a := range strings.Split(r.fields[3], ";") {
			if a = strings.TrimSpace(a); a != "" {
				c.Aliases = append(c.Aliases, a)
			}
		}
		out = append(out, c)
	}
	return out, nil
}

// rawRecord is a table row with its text as it stands in the file.
type rawRecord struct {
	raw    []byte
	fields []string
}

// readRaw splits a table's text into its header line and its rows, checking the header.
// Empty text is a table with no rows.
func readRaw(data []byte, t Table) (header []byte, recs []rawRecord, err error) {
	var hb bytes.Buffer
	hw := csv.NewWriter(&hb)
	_ = hw.Write(t.Columns)
	hw.Flush()
	if len(bytes.TrimSpace(data)) == 0 {
		return hb.Bytes(), nil, nil
	}
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	cols, err := r.Read()
	if err != nil {
		return nil, nil, fmt.Errorf("%s:1: cannot read the header: %w", t.File, err)
	}
	if !slices.Equal(cols, t.Columns) {
		return nil, nil, fmt.Errorf("%s:1: header is %q, want %q", t.File, strings.Join(cols, ","), strings.Join(t.Columns, ","))
	}
	start := r.InputOffset()
	header = withNewline(data[:start])
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return header, recs, nil
		}
		line, _ := r.FieldPos(0)
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				line = pe.StartLine
			}
			return nil, nil, fmt.Errorf("%s:%d: bad CSV: %w", t.File, line, err)
		}
		if len(rec) != len(t.Columns) {
			return nil, nil, fmt.Errorf("%s:%d: row has %d fields, want %d", t.File, line, len(rec), len(t.Columns))
		}
		end := r.InputOffset()
		recs = append(recs, rawRecord{raw: withNewline(data[start:end]), fields: rec})
		start = end
	}
}

func withNewline(b []byte) []byte {
	if len(b) > 0 && b[len(b)-1] != '\n' {
		return append(slices.Clip(b), '\n')
	}
	return b
}

// sameEdition reports whether an edition cell names the edition: the title itself, or the
// title followed by more than a digit or letter ("… 2025 (figures quoted second-hand)").
func sameEdition(cell, title string) bool {
	cell = strings.TrimSpace(cell)
	rest, ok := strings.CutPrefix(cell, title)
	if !ok {
		return false
	}
	r, _ := utf8.DecodeRuneInString(rest)
	return rest == "" || !unicode.IsLetter(r) && !unicode.IsDigit(r)
}
