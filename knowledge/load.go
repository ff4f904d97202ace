package knowledge

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
)

// Table files, relative to the knowledge base's root.
const (
	countriesFile     = "tables/countries.csv"
	productionFile    = "tables/production.csv"
	relianceFile      = "tables/import_reliance.csv"
	importSourcesFile = "tables/import_sources.csv"
	endUsesFile       = "tables/end_uses.csv"
	pricesFile        = "tables/prices.csv"
	listsFile         = "tables/lists.csv"
)

// Load reads and validates a knowledge base. When anything is wrong it returns the
// knowledge base as far as it could be read together with a [Problems] error listing every
// problem; callers that serve answers must treat any error as fatal.
func Load(fsys fs.FS) (*KB, error) {
	ps := &problems{}
	kb := &KB{keyLines: make(map[string][]keyLine)}
	loadCountries(fsys, kb, ps)
	// A record whose front matter has errors is kept (marked broken) so that its id stays
	// known and references to it do not add a cascade of problems.
	// The tables load while the records decode: they fill other fields of kb, and report
	// into their own problems.
	var tablePs problems
	var tables sync.WaitGroup
	tables.Go(func() {
		for _, t := range figureTables() {
			t.load(fsys, kb, &tablePs)
		}
		loadLists(fsys, kb, &tablePs)
	})
	loadRecords(fsys, "minerals", ps, func(file string, data []byte, ps *problems) func() {
		m := &Mineral{File: file}
		body, lines, broken := decodeRecord(file, data, m, ps)
		m.broken = broken
		m.Summary, m.SummaryES = splitLanguages(body)
		return func() { kb.keyLines[file] = lines; kb.Minerals = append(kb.Minerals, m) }
	})
	loadRecords(fsys, "policies", ps, func(file string, data []byte, ps *problems) func() {
		p := &Policy{File: file}
		body, lines, broken := decodeRecord(file, data, p, ps)
		p.broken = broken
		p.Summary, p.SummaryES = splitLanguages(body)
		return func() { kb.keyLines[file] = lines; kb.Policies = append(kb.Policies, p) }
	})
	loadRecords(fsys, "countries", ps, func(file string, data []byte, ps *problems) func() {
		p := &Profile{File: file}
		body, lines, broken := decodeRecord(file, data, p, ps)
		p.broken = broken
		p.Summary, p.SummaryES = splitLanguages(body)
		return func() { kb.keyLines[file] = lines; kb.profiles = append(kb.profiles, p) }
	})
	if _, err := fs.Stat(fsys, "glossary"); err == nil {
		// The glossary is optional: a knowledge base without one answers no "what is X".
		loadRecords(fsys, "glossary", ps, func(file string, data []byte, ps *problems) func() {
			t := &Term{File: file}
			body, lines, broken := decodeRecord(file, data, t, ps)
			t.broken = broken
			t.Definition, t.DefinitionES = splitLanguages(body)
			return func() { kb.keyLines[file] = lines; kb.Glossary = append(kb.Glossary, t) }
		})
	}
	tables.Wait()
	ps.list = append(ps.list, tablePs.list...)
	kb.link(ps)
	if len(ps.list) > 0 {
		return kb, ps.sorted()
	}
	return kb, nil
}

// MaxFileBytes is the largest knowledge file the loader reads (the largest real table is
// about 0.5 MB): a file pasted by mistake, or a damaged one, is refused before it is read
// rather than held in memory by a load that then fails. A program loading a far larger
// knowledge base (the 100,000-record benchmark) raises it before loading.
var MaxFileBytes int64 = 16 << 20

func tooLarge(size int64) string {
	return fmt.Sprintf("file is %.1f MiB, over the %d MiB limit for one knowledge file", float64(size)/(1<<20), MaxFileBytes>>20)
}

// readLimited reads a file of at most MaxFileBytes.
func readLimited(fsys fs.FS, file string) ([]byte, error) {
	f, err := fsys.Open(file)
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	defer f.Close()
	if info, err := f.Stat(); err == nil && info.Size() > MaxFileBytes {
		return nil, errors.New(tooLarge(info.Size()))
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxFileBytes+1))
	if err != nil {
		return nil, fmt.Errorf("cannot read: %w", err)
	}
	if int64(len(data)) > MaxFileBytes {
		return nil, errors.New(tooLarge(int64(len(data))))
	}
	return data, nil
}

// loadRecords decodes every Markdown file of a folder with decode, on every core, each with
// its own problems; then, in name order, it collects the problems and calls the function
// decode returned, which adds the record to the knowledge base.
func loadRecords(fsys fs.FS, dir string, ps *problems, decode func(file string, data []byte, ps *problems) func()) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			ps.add(dir, 0, "folder is missing")
		} else {
			ps.add(dir, 0, "cannot read folder: %v", err)
		}
		return
	}
	type job struct {
		file  string
		ps    problems
		apply func()
	}
	var jobs []*job
	for _, e := range entries {
		if e.IsDir() || path.Ext(e.Name()) != ".md" {
			continue
		}
		jobs = append(jobs, &job{file: path.Join(dir, e.Name())})
	}
	// Each worker reads its files too: at 100,000 records, reading them one after another
	// took two seconds before any decoding began.
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(jobs)) {
		wg.Go(func() {
			for i := next.Add(1) - 1; i < int64(len(jobs)); i = next.Add(1) - 1 {
				j := jobs[i]
				data, err := readLimited(fsys, j.file)
				if err != nil {
					j.ps.add(j.file, 0, "%v", err)
					continue
				}
				j.apply = decode(j.file, data, &j.ps)
			}
		})
	}
	wg.Wait()
	for _, j := range jobs {
		ps.list = append(ps.list, j.ps.list...)
		if j.apply != nil {
			j.apply()
		}
	}
}

// row is one CSV record with the line it starts on.
type row struct {
	pos    Pos
	cols   map[string]int // column name → index in fields, shared by a table's rows
	fields []string
}

func (r row) get(col string) string {
	if i, ok := r.cols[col]; ok {
		return strings.TrimSpace(r.fields[i])
	}
	return ""
}

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
	if info, err := f.Stat(); err == nil && info.Size() > MaxFileBytes {
		ps.add(file, 0, "%s", tooLarge(info.Size()))
		return nil
	}
	r := csv.NewReader(io.LimitReader(f, MaxFileBytes+1))
	r.FieldsPerRecord = -1
	r.ReuseRecord = true
	header, err := r.Read()
	if err != nil {
		ps.add(file, 1, "cannot read header: %v", err)
		return nil
	}
	if !slices.Equal(header, cols) {
		ps.add(file, 1, "header is %q, want %q", strings.Join(header, ","), strings.Join(cols, ","))
		return nil
	}
	colIndex := make(map[string]int, len(cols))
	for i, c := range cols {
		colIndex[c] = i
	}
	// A table repeats the same few sources, editions, units and countries on every row:
	// rows share one copy of each value instead of each holding its whole line.
	interned := map[string]string{}
	intern := func(s string) string {
		if v, ok := interned[s]; ok {
			return v
		}
		s = strings.Clone(s)
		interned[s] = s
		return s
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
		fields := make([]string, len(rec))
		for i, v := range rec {
			fields[i] = intern(v)
		}
		rows = append(rows, row{pos: Pos{File: file, Line: line}, cols: colIndex, fields: fields})
	}
	return rows
}

// source reads and checks a row's source_url and edition, for tables whose edition is not an
// MCS edition (lists.csv); figures use [row.citation].
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

// mcsURL finds the edition of a USGS Mineral Commodity Summaries chapter URL
// (https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-antimony.pdf).
var mcsURL = regexp.MustCompile(`/periodicals/mcs(\d{4})/`)

// citation reads and checks a figure's source_url and edition: both are required, the edition
// must name an edition of the USGS Mineral Commodity Summaries, and a USGS chapter URL must be
// a chapter of that edition.
func (r row) citation(ps *problems) (Source, Edition, bool) {
	s := Source{URL: r.get("source_url"), Edition: r.get("edition")}
	key := [2]string{s.URL, s.Edition}
	if ed, ok := ps.goodCitations[key]; ok {
		return s, ed, true
	}
	if s.URL == "" && s.Edition == "" {
		ps.at(r.pos, "figure without a source: source_url and edition are required")
		return s, 0, false
	}
	if s.Edition == "" {
		ps.at(r.pos, "figure without an edition: edition is required (e.g. %q)", MCS2026.Title())
		return s, 0, false
	}
	ed, ok := ParseEdition(s.Edition)
	if !ok {
		ps.at(r.pos, "edition %q names no edition of the USGS Mineral Commodity Summaries (e.g. %q)", s.Edition, MCS2026.Title())
		return s, 0, false
	}
	if s.URL == "" {
		ps.at(r.pos, "figure without a source: source_url is required (%s)", ed)
		return s, ed, false
	}
	if err := checkURL(s.URL); err != nil {
		ps.at(r.pos, "source_url: %v", err)
		return s, ed, false
	}
	if m := mcsURL.FindStringSubmatch(s.URL); m != nil && m[1] != strconv.Itoa(int(ed)) {
		ps.at(r.pos, "source_url is a chapter of MCS %s, but edition is %s", m[1], ed)
		return s, ed, false
	}
	if ps.goodCitations == nil {
		ps.goodCitations = map[[2]string]Edition{}
	}
	ps.goodCitations[key] = ed
	return s, ed, true
}

// yearIn reads a year column of a figure of edition ed: the year must be one the edition
// covers. A year is optional only for reserves, which carry none.
func (r row) yearIn(col string, optional bool, ed Edition, ps *problems) (int, bool) {
	y, ok := r.year(col, optional, ps)
	if !ok || y == 0 || ed == 0 {
		return y, ok
	}
	if y > ed.DataYear() || y < ed.FirstYear() {
		ps.at(r.pos, "%s: %d is outside the years %s covers (%d-%d)", col, y, ed, ed.FirstYear(), ed.DataYear())
		return y, false
	}
	return y, true
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
