package knowledge

import (
	"cmp"
	"fmt"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"
)

// KB is a loaded knowledge base. It is immutable once [Load] returns, and safe for concurrent
// use.
type KB struct {
	Minerals      []*Mineral // by id
	Policies      []*Policy  // by date, then id
	Countries     []*Country // by id
	Production    []Figure   // the valid rows of production.csv, by mineral (file order within one)
	Reliance      []Reliance
	ImportSources []ImportSource
	EndUses       []EndUse
	Prices        []Price
	ListEntries   []ListEntry
	Glossary      []*Term // by id

	profiles   []*Profile
	countryPos []Pos
	keyLines   map[string][]keyLine // file → its front-matter keys' lines

	minerals  map[string]*Mineral
	policies  map[string]*Policy
	countries map[string]*Country
	terms     map[string]*Term // glossary id → term
	termNames map[string]*Term // normalized term or alias → glossary term
	names     map[string]Ref   // normalized name or alias → record
	acronyms  map[string]bool  // normalized keys that only acronyms (USA, UK, DRC) claim
	symbols   map[string]string
	figures   map[string][]Figure      // mineral id → its production rows, every edition
	editions  []Edition                // the editions of the figures, oldest first
	partial   map[[2]string]bool       // while loading: mineral and measure with rows left out
	ranks     cache[rankKey, *Ranking] // computed on first use
	derived   cache[derivedKey, any]   // a mineral's derived rows ([]T), computed on first use

	standingsOnce sync.Once
	standings     map[string][]Standing // country id → its standings (CountryStandings)
}

// Kind is the kind of a record.
type Kind string

// The kinds of record.
const (
	KindMineral Kind = "mineral"
	KindPolicy  Kind = "policy"
	KindCountry Kind = "country"
)

// Ref names one record.
type Ref struct {
	Kind Kind
	ID   string
}

// Mineral returns the mineral with the given id.
func (kb *KB) Mineral(id string) (*Mineral, bool) { m, ok := kb.minerals[id]; return m, ok }

// Policy returns the policy item with the given id.
func (kb *KB) Policy(id string) (*Policy, bool) { p, ok := kb.policies[id]; return p, ok }

// Country returns the country with the given id.
func (kb *KB) Country(id string) (*Country, bool) { c, ok := kb.countries[id]; return c, ok }

// CountryName returns a country's name, or a readable name for the special ids.
func (kb *KB) CountryName(id string) string {
	switch id {
	case World:
		return "World total"
	case Others:
		return "Other countries"
	}
	if c, ok := kb.countries[id]; ok {
		return c.Name
	}
	return id
}

// Resolve finds the record a name, alias or chemical symbol stands for. Names and aliases
// match after [Normalize]; symbols match only exactly ("Sb", never "sb").
func (kb *KB) Resolve(s string) (Ref, bool) {
	s = strings.TrimSpace(s)
	if id, ok := kb.symbols[s]; ok {
		return Ref{KindMineral, id}, true
	}
	r, ok := kb.names[Normalize(s)]
	return r, ok
}

// wordSymbols are element symbols that are also everyday words, capitalized at the start of
// a sentence ("In which…", "As of…", "Be", Spanish "Y", "La potasa…", "Si México…", "Se
// produce…", "Te", "U"): in a sentence they are words; alone they are symbols.
var wordSymbols = map[string]bool{"In": true, "As": true, "Be": true, "Y": true, "I": true, "At": true, "No": true, "He": true, "S": true, "B": true,
	"La": true, "Si": true, "Se": true, "Te": true, "U": true, "Es": true}

// SymbolCandidate reports whether a word of a chat message of n words may be an element
// symbol: one capital and at most one lower-case letter, exactly as symbols are written, and
// not a symbol that is also a common word unless it is the whole message.
func SymbolCandidate(w string, n int) bool {
	if w == "" || len(w) > 2 || w[0] < 'A' || w[0] > 'Z' || (len(w) == 2 && (w[1] < 'a' || w[1] > 'z')) {
		return false
	}
	return n == 1 || !wordSymbols[w]
}

// ResolveInText is Resolve for a phrase found inside a longer message: there, a name that
// only an acronym claims ("USA", "UK") matches only when written in capitals, so that the
// Spanish verb "usa" or the pronoun "us" stay words.
func (kb *KB) ResolveInText(phrase string) (Ref, bool) {
	r, ok := kb.Resolve(phrase)
	if ok && kb.acronyms[Normalize(phrase)] && strings.ToUpper(phrase) != phrase {
		return Ref{}, false
	}
	return r, ok
}

// isAcronym reports whether a name is written as an acronym: capitals, at most five letters,
// dots and spaces aside.
func isAcronym(name string) bool {
	letters := 0
	for _, r := range name {
		switch {
		case r >= 'A' && r <= 'Z':
			letters++
		case r == '.' || r == ' ':
		default:
			return false
		}
	}
	return letters > 0 && letters <= 5
}

// Names returns every name and alias of a record, its own name first.
func (kb *KB) Names(r Ref) []string {
	switch r.Kind {
	case KindMineral:
		if m, ok := kb.minerals[r.ID]; ok {
			return append([]string{m.Name, m.NameES}, m.Aliases...)
		}
	case KindCountry:
		if c, ok := kb.countries[r.ID]; ok {
			return append([]string{c.Name, c.NameES}, c.Aliases...)
		}
	case KindPolicy:
		if p, ok := kb.policies[r.ID]; ok {
			return append([]string{p.Title, p.TitleES}, p.Aliases...)
		}
	}
	return nil
}

// Title returns a record's display name.
func (kb *KB) Title(r Ref) string {
	if n := kb.Names(r); len(n) > 0 {
		return n[0]
	}
	return r.ID
}

// Figures counts the figures in the tables.
func (kb *KB) Figures() int {
	return len(kb.Production) + len(kb.Reliance) + len(kb.ImportSources) + len(kb.EndUses) + len(kb.Prices)
}

// OnList returns the minerals on a list, by name.
func (kb *KB) OnList(l List) []*Mineral {
	var out []*Mineral
	for _, m := range kb.Minerals {
		if m.On(l) {
			out = append(out, m)
		}
	}
	slices.SortFunc(out, func(a, b *Mineral) int { return cmp.Compare(a.Name, b.Name) })
	return out
}

// PoliciesAbout returns the policy items that concern a mineral (or its group), newest first.
func (kb *KB) PoliciesAbout(mineral string) []*Policy {
	ids := []string{mineral}
	if m, ok := kb.minerals[mineral]; ok && m.Group != "" {
		ids = append(ids, m.Group)
	}
	var out []*Policy
	for _, p := range kb.Policies {
		for _, id := range ids {
			if slices.Contains(p.Minerals, id) {
				out = append(out, p)
				break
			}
		}
	}
	slices.Reverse(out)
	return out
}

// PoliciesIn returns the policy items that concern a country, newest first.
func (kb *KB) PoliciesIn(country string) []*Policy {
	var out []*Policy
	for _, p := range kb.Policies {
		if slices.Contains(p.Countries, country) {
			out = append(out, p)
		}
	}
	slices.Reverse(out)
	return out
}

// keyLine is the line of a front-matter key. A record has a dozen keys at most: a slice of
// them takes half the memory of a map.
type keyLine struct {
	key  string
	line int
}

// at returns the position of a front-matter key in a record file, or of its first line.
func (kb *KB) at(file, key string) Pos {
	for _, kl := range kb.keyLines[file] {
		if kl.key == key {
			return Pos{file, kl.line}
		}
	}
	return Pos{file, 1}
}

// link checks the records against each other and builds the lookup maps. Each kind of record
// and each table has its own checker (check_*.go, table_*.go); they run in an order where
// what a checker looks up is already indexed: countries, then the records that name them,
// then the tables that name both.
func (kb *KB) link(ps *problems) {
	// Sized for the records up front: at 100,000 records growing these maps was a sixth of
	// linking.
	records := len(kb.Minerals) + len(kb.Policies) + len(kb.Countries)
	kb.minerals = make(map[string]*Mineral, len(kb.Minerals))
	kb.policies = make(map[string]*Policy, len(kb.Policies))
	kb.countries = make(map[string]*Country, len(kb.Countries))
	kb.names = make(map[string]Ref, 2*records)
	kb.acronyms = make(map[string]bool)
	kb.symbols = make(map[string]string)
	kb.figures = make(map[string][]Figure)
	l := &linker{kb: kb, ps: ps, namePos: make(map[string]Pos, 2*records)}

	checkCountries(l)
	checkProfiles(l)
	checkMinerals(l)
	checkPolicies(l)
	for _, t := range figureTables() {
		t.check(l)
	}
	checkMineralFigures(l)
	checkLists(l)
	checkGlossary(l)
	kb.editions = l.editions()
}

// linker carries what the checkers share while a knowledge base is linked.
type linker struct {
	kb      *KB
	ps      *problems
	namePos map[string]Pos   // normalized name → where it was first used
	seen    map[Edition]bool // the editions of the figures checked
}

// claim records a name or alias of a record, reporting one that another record already uses.
func (l *linker) claim(name string, r Ref, where Pos) {
	kb := l.kb
	n := Normalize(name)
	if n == "" {
		return
	}
	if prev, ok := kb.names[n]; ok {
		if prev != r {
			l.ps.at(where, "name or alias %q is also used by %s %s (%s)", name, prev.Kind, prev.ID, l.namePos[n].String())
		}
		if kb.acronyms[n] && !isAcronym(name) {
			delete(kb.acronyms, n)
		}
		return
	}
	kb.names[n] = r
	if isAcronym(name) {
		kb.acronyms[n] = true
	}
	l.namePos[n] = where
}

// knownCountry reports whether a table may name a country id: a country of countries.csv,
// the world total or "other countries".
func (l *linker) knownCountry(id string) bool {
	_, ok := l.kb.countries[id]
	return ok || id == World || id == Others
}

// mineral reports whether a table row names a known mineral, reporting it if not.
func (l *linker) mineral(pos Pos, id string) bool {
	if _, ok := l.kb.minerals[id]; !ok {
		l.ps.at(pos, "unknown mineral %q", id)
		return false
	}
	return true
}

// country reports whether a table row names a known country, reporting it if not.
func (l *linker) country(pos Pos, id string) bool {
	if !l.knownCountry(id) {
		l.ps.at(pos, "unknown country %q: add it to %s", id, countriesFile)
		return false
	}
	return true
}

// unique reports whether key is the first of its kind in a table, reporting a duplicate.
// what describes the key for the problem; it is called only when there is one.
func unique[K comparable](l *linker, seen map[K]Pos, key K, pos Pos, what func() string) bool {
	if prev, dup := seen[key]; dup {
		l.ps.at(pos, "duplicate figure: %s is also at line %d", what(), prev.Line)
		return false
	}
	seen[key] = pos
	return true
}

// edition notes that the knowledge base holds figures of an edition.
func (l *linker) edition(ed Edition) {
	if l.seen == nil {
		l.seen = make(map[Edition]bool)
	}
	l.seen[ed] = true
}

func (l *linker) editions() []Edition {
	var out []Edition
	for ed := range l.seen {
		out = append(out, ed)
	}
	slices.Sort(out)
	return out
}

// fileID is the id a record file must have: its name without ".md".
func fileID(file string) string { return strings.TrimSuffix(path.Base(file), ".md") }

func checkID(id, file string, ps *problems) bool {
	pos := Pos{file, 1}
	want := fileID(file)
	switch {
	case id == "":
		ps.at(pos, "missing required field \"id\"")
		return false
	case !validID(id):
		ps.at(pos, "id %q must be a lower-case slug (a-z, 0-9, -)", id)
		return false
	case id != want:
		ps.at(pos, "id %q does not match the file name (want %q)", id, want)
		return false
	}
	return true
}

func required(ps *problems, pos Pos, field, v string) {
	if strings.TrimSpace(v) == "" {
		ps.at(pos, "missing required field %q", field)
	}
}

// checkSummaries checks that a record has its prose in both languages: English below the
// front matter, Spanish after a line "## Español".
func checkSummaries(ps *problems, pos Pos, en, es string) {
	if en == "" {
		ps.at(pos, "the record has no summary: write it below the front matter")
	}
	if es == "" {
		ps.at(pos, "the record has no Spanish summary: add a line \"## Español\" after the English text, then the Spanish")
	}
}

func checkSources(srcs []Source, pos Pos, ps *problems) {
	if len(srcs) == 0 {
		ps.at(pos, "missing required field \"sources\"")
	}
	for i, s := range srcs {
		if s.URL == "" || s.Edition == "" {
			ps.at(pos, "sources[%d]: url and edition are required", i)
			continue
		}
		if err := checkURL(s.URL); err != nil {
			ps.at(pos, "sources[%d]: %v", i, err)
		}
	}
}

func itoa(y int) string {
	if y == 0 {
		return ""
	}
	return strconv.Itoa(y)
}

// Summarize describes a knowledge base in one line: "67 minerals (60 of 60 USGS 2025 critical
// minerals present), 19 policies, 92 country profiles (1 written), 2293 figures (MCS 2025,
// MCS 2026)". Every country of the tables has a profile generated from them; some also have a
// written one.
func Summarize(kb *KB) string {
	usgs := 0
	entries := 0
	for _, e := range kb.ListEntries {
		if e.List == USGS2025 {
			entries++
			if _, ok := kb.minerals[e.Mineral]; ok {
				usgs++
			}
		}
	}
	eds := make([]string, len(kb.editions))
	for i, ed := range kb.editions {
		eds[i] = ed.String()
	}
	s := fmt.Sprintf("%d minerals (%d of %d USGS 2025 critical minerals present), %d policies, %d country profile%s (%d written), %d figures",
		len(kb.Minerals), usgs, entries, len(kb.Policies), len(kb.Countries), plural(len(kb.Countries)), len(kb.profiles), kb.Figures())
	if len(eds) > 0 {
		s += " (" + strings.Join(eds, ", ") + ")"
	}
	return s
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
