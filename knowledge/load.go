package knowledge

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
)

// Table files, relative to the knowledge base's root.
const (
	countriesFile     = "tables/countries.csv"
	productionFile    = "tables/production.csv"
	relianceFile      = "tables/import_reliance.csv"
	importSourcesFile = "tables/import_sources.csv"
	endUsesFile       = "tables/end_uses.csv"
	listsFile         = "tables/lists.csv"
)

// Load reads and validates a knowledge base. When anything is wrong it returns the
// knowledge base as far as it could be read together with a [Problems] error listing every
// problem; callers that serve answers must treat any error as fatal.
func Load(fsys fs.FS) (*KB, error) {
	ps := &problems{}
	kb := &KB{keyLines: make(map[string]map[string]int)}
	loadCountries(fsys, kb, ps)
	// A record whose front matter has errors is kept (marked broken) so that its id stays
	// known and references to it do not add a cascade of problems.
	loadRecords(fsys, "minerals", ps, func(file string, data []byte) {
		m := &Mineral{File: file}
		var body string
		body, kb.keyLines[file], m.broken = decodeRecord(file, data, m, ps)
		m.Summary, m.SummaryES = splitLanguages(body)
		kb.Minerals = append(kb.Minerals, m)
	})
	loadRecords(fsys, "policies", ps, func(file string, data []byte) {
		p := &Policy{File: file}
		var body string
		body, kb.keyLines[file], p.broken = decodeRecord(file, data, p, ps)
		p.Summary, p.SummaryES = splitLanguages(body)
		kb.Policies = append(kb.Policies, p)
	})
	loadRecords(fsys, "countries", ps, func(file string, data []byte) {
		p := &Profile{File: file}
		var body string
		body, kb.keyLines[file], p.broken = decodeRecord(file, data, p, ps)
		p.Summary, p.SummaryES = splitLanguages(body)
		kb.profiles = append(kb.profiles, p)
	})
	loadProduction(fsys, kb, ps)
	loadReliance(fsys, kb, ps)
	loadImportSources(fsys, kb, ps)
	loadEndUses(fsys, kb, ps)
	loadLists(fsys, kb, ps)
	kb.link(ps)
	if len(ps.list) > 0 {
		return kb, ps.sorted()
	}
	return kb, nil
}

// loadRecords calls fn for every Markdown file of a folder, in name order.
func loadRecords(fsys fs.FS, dir string, ps *problems, fn func(file string, data []byte)) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			ps.add(dir, 0, "folder is missing")
		} else {
			ps.add(dir, 0, "cannot read folder: %v", err)
		}
		return
	}
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".md" {
			continue
		}
		file := path.Join(dir, e.Name())
		data, err := fs.ReadFile(fsys, file)
		if err != nil {
			ps.add(file, 0, "cannot read: %v", err)
			continue
		}
		fn(file, data)
	}
}

// row is one CSV record with the line it starts on.
type row struct {
	pos    Pos
	fields map[string]string
}

func (r row) get(col string) string { return strings.TrimSpace(r.fields[col]) }

// readTable reads a CSV table whose header must be exactly cols.
func readTable(fsys fs.FS, file string, cols []string, ps *problems) []row {
	f, err := fsys.Open(file)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			ps.add(file, 0, "table is missing")
		} else {
			ps.add(file, 0, "cannot read: %v", err)
		}
		return nil
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1
	header, err := r.Read()
	if err != nil {
		ps.add(file, 1, "cannot read header: %v", err)
		return nil
	}
	if !slices.Equal(header, cols) {
		ps.add(file, 1, "header is %q, want %q", strings.Join(header, ","), strings.Join(cols, ","))
		return nil
	}
	var rows []row
	lastBad := 0
	for {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) && pe.StartLine > lastBad {
				// Report it and read on: encoding/csv resumes at the next record.
				ps.add(file, pe.StartLine, "bad CSV: %v", pe.Err)
				lastBad = pe.StartLine
				continue
			}
			if pe == nil {
				ps.add(file, 0, "bad CSV: %v", err)
			}
			// The reader is stuck on the same record (an unterminated quote runs to the end
			// of the file): nothing more can be read.
			break
		}
		line, _ := r.FieldPos(0)
		if len(rec) != len(cols) {
			ps.add(file, line, "row has %d fields, want %d (%s)", len(rec), len(cols), strings.Join(cols, ","))
			continue
		}
		fields := make(map[string]string, len(cols))
		for i, c := range cols {
			fields[c] = rec[i]
		}
		rows = append(rows, row{pos: Pos{File: file, Line: line}, fields: fields})
	}
	return rows
}

// source reads and checks a row's source_url and edition.
func (r row) source(ps *problems) (Source, bool) {
	s := Source{URL: r.get("source_url"), Edition: r.get("edition")}
	if s.URL == "" || s.Edition == "" {
		ps.at(r.pos, "figure without a source: source_url and edition are required")
		return s, false
	}
	if err := checkURL(s.URL); err != nil {
		ps.at(r.pos, "source_url: %v", err)
		return s, false
	}
	return s, true
}

func checkURL(s string) error {
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		return fmt.Errorf("%q is not an http(s) URL", s)
	}
	return nil
}

func (r row) flag(col string, ps *problems) bool {
	switch r.get(col) {
	case "":
		return false
	case "yes":
		return true
	}
	ps.at(r.pos, "%s: %q must be empty or \"yes\"", col, r.get(col))
	return false
}

func (r row) year(col string, optional bool, ps *problems) (int, bool) {
	s := r.get(col)
	if s == "" {
		if !optional {
			ps.at(r.pos, "%s is required", col)
			return 0, false
		}
		return 0, true
	}
	y, err := strconv.Atoi(s)
	if err != nil || y < 1900 || y > 2100 {
		ps.at(r.pos, "%s: %q is not a year", col, s)
		return 0, false
	}
	return y, true
}

// percent reads a percentage column: 0 to 100, with a leading ">" or "<" where USGS prints
// one and withRelation allows it. want describes what the column takes, for the problem.
func (r row) percent(col string, withRelation bool, want string, ps *problems) (float64, bool) {
	v := r.get(col)
	n, rel, err := parseNumber(v)
	if err != nil || n > 100 || rel != "" && !withRelation {
		ps.at(r.pos, "%s: %q is not %s", col, v, want)
		return 0, false
	}
	return n, true
}

// parseNumber parses "1234", "12.5", or with a leading ">" or "<" kept as the relation.
func parseNumber(s string) (v float64, rel string, err error) {
	if strings.HasPrefix(s, ">") || strings.HasPrefix(s, "<") {
		rel, s = s[:1], s[1:]
	}
	v, err = strconv.ParseFloat(strings.ReplaceAll(s, ",", ""), 64)
	if err != nil || v < 0 {
		return 0, "", fmt.Errorf("%q is not a number", rel+s)
	}
	return v, rel, nil
}

func loadCountries(fsys fs.FS, kb *KB, ps *problems) {
	for _, r := range readTable(fsys, countriesFile, []string{"id", "name", "name_es", "aliases"}, ps) {
		c := &Country{ID: r.get("id"), Name: r.get("name"), NameES: r.get("name_es")}
		for _, a := range strings.Split(r.get("aliases"), ";") {
			if a = strings.TrimSpace(a); a != "" {
				c.Aliases = append(c.Aliases, a)
			}
		}
		if !validID(c.ID) {
			ps.at(r.pos, "id %q must be a lower-case slug (a-z, 0-9, -)", c.ID)
			continue
		}
		if c.ID == World || c.ID == Others {
			ps.at(r.pos, "id %q is reserved for the production table", c.ID)
			continue
		}
		if c.Name == "" {
			ps.at(r.pos, "name is required")
		}
		kb.Countries = append(kb.Countries, c)
		kb.countryPos = append(kb.countryPos, r.pos)
	}
}

func loadProduction(fsys fs.FS, kb *KB, ps *problems) {
	cols := []string{"mineral", "country", "measure", "year", "value", "estimated", "unit", "form", "secondary", "source_url", "edition", "note"}
	for _, r := range readTable(fsys, productionFile, cols, ps) {
		f := Figure{Mineral: r.get("mineral"), Country: r.get("country"), Measure: r.get("measure"),
			Unit: r.get("unit"), Form: r.get("form"), Note: r.get("note"), Pos: r.pos}
		ok := true
		src, sok := r.source(ps)
		f.Source, ok = src, ok && sok
		y, yok := r.year("year", true, ps)
		f.Year, ok = y, ok && yok
		f.Estimated = r.flag("estimated", ps)
		f.Secondary = r.flag("secondary", ps)
		switch v := r.get("value"); v {
		case "NA":
			f.Status = NotAvailable
		case "W":
			f.Status = Withheld
		case "large":
			f.Status = Large
		case "small":
			f.Status = Small
		case "":
			ps.at(r.pos, "value is required (a number, NA, W, large or small)")
			ok = false
		default:
			n, rel, err := parseNumber(v)
			if err != nil || rel == "<" {
				ps.at(r.pos, "value: %q is not a number, NA, W, large, small or >N", v)
				ok = false
			}
			f.Value, f.AtLeast = n, rel == ">"
		}
		if f.Measure == "" {
			ps.at(r.pos, "measure is required")
			ok = false
		}
		if f.Unit == "" {
			ps.at(r.pos, "unit is required")
			ok = false
		}
		if ok {
			kb.Production = append(kb.Production, f)
		}
	}
}

func loadReliance(fsys fs.FS, kb *KB, ps *problems) {
	cols := []string{"mineral", "product", "year", "value", "estimated", "source_url", "edition"}
	for _, r := range readTable(fsys, relianceFile, cols, ps) {
		x := Reliance{Mineral: r.get("mineral"), Product: r.get("product"), Printed: r.get("value"), Pos: r.pos}
		src, ok := r.source(ps)
		x.Source = src
		y, yok := r.year("year", false, ps)
		x.Year, ok = y, ok && yok
		x.Estimated = r.flag("estimated", ps)
		if x.Printed != "E" && x.Printed != "NA" {
			n, pok := r.percent("value", true, "a percentage, E (net exporter) or NA", ps)
			x.Percent, ok = n, ok && pok
		}
		if ok {
			kb.Reliance = append(kb.Reliance, x)
		}
	}
}

func loadImportSources(fsys fs.FS, kb *KB, ps *problems) {
	cols := []string{"mineral", "product", "country", "share_pct", "period", "source_url", "edition"}
	for _, r := range readTable(fsys, importSourcesFile, cols, ps) {
		x := ImportSource{Mineral: r.get("mineral"), Product: r.get("product"), Country: r.get("country"),
			Printed: r.get("share_pct"), Period: r.get("period"), Pos: r.pos}
		src, ok := r.source(ps)
		x.Source = src
		n, pok := r.percent("share_pct", true, "a percentage", ps)
		x.Percent, ok = n, ok && pok
		if ok {
			kb.ImportSources = append(kb.ImportSources, x)
		}
	}
}

func loadEndUses(fsys fs.FS, kb *KB, ps *problems) {
	cols := []string{"mineral", "use", "share_pct", "year", "estimated", "source_url", "edition", "note"}
	for _, r := range readTable(fsys, endUsesFile, cols, ps) {
		x := EndUse{Mineral: r.get("mineral"), Use: r.get("use"), Note: r.get("note"), Pos: r.pos}
		src, ok := r.source(ps)
		x.Source = src
		y, yok := r.year("year", false, ps)
		x.Year, ok = y, ok && yok
		x.Estimated = r.flag("estimated", ps)
		n, pok := r.percent("share_pct", false, "a percentage", ps)
		x.Percent, ok = n, ok && pok
		if x.Use == "" {
			ps.at(r.pos, "use is required")
			ok = false
		}
		if ok {
			kb.EndUses = append(kb.EndUses, x)
		}
	}
}

func loadLists(fsys fs.FS, kb *KB, ps *problems) {
	cols := []string{"list", "item", "mineral", "source_url", "edition"}
	for _, r := range readTable(fsys, listsFile, cols, ps) {
		e := ListEntry{List: List(r.get("list")), Item: r.get("item"), Mineral: r.get("mineral"), Pos: r.pos}
		src, ok := r.source(ps)
		e.Source = src
		if !slices.Contains(Lists, e.List) {
			ps.at(r.pos, "unknown list %q (known: %s)", e.List, joinLists())
			ok = false
		}
		if e.Item == "" {
			ps.at(r.pos, "item is required")
			ok = false
		}
		if ok {
			kb.ListEntries = append(kb.ListEntries, e)
		}
	}
}

func joinLists() string {
	s := make([]string, len(Lists))
	for i, l := range Lists {
		s[i] = string(l)
	}
	return strings.Join(s, ", ")
}

func validID(id string) bool {
	if id == "" || id[0] == '-' || id[len(id)-1] == '-' {
		return false
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-') {
			return false
		}
	}
	return true
}
