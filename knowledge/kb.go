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
	Production    []Figure
	Reliance      []Reliance
	ImportSources []ImportSource
	EndUses       []EndUse
	ListEntries   []ListEntry

	profiles   []*Profile
	countryPos []Pos
	keyLines   map[string]map[string]int // file → front-matter key → line

	minerals  map[string]*Mineral
	policies  map[string]*Policy
	countries map[string]*Country
	names     map[string]Ref  // normalized name or alias → record
	acronyms  map[string]bool // normalized keys that only acronyms (USA, UK, DRC) claim
	symbols   map[string]string
	figures   map[string][]Figure // mineral id → its production rows
	ranks     sync.Map            // rankKey → Ranking, computed on first use
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

// wordSymbols are element symbols that are also everyday words ("In which…", "As of…",
// "Be", Spanish "Y"): in a sentence they are words; alone they are symbols.
var wordSymbols = map[string]bool{"In": true, "As": true, "Be": true, "Y": true, "I": true, "At": true, "No": true, "He": true, "S": true, "B": true}

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
	return len(kb.Production) + len(kb.Reliance) + len(kb.ImportSources) + len(kb.EndUses)
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

// at returns the position of a front-matter key in a record file, or of its first line.
func (kb *KB) at(file, key string) Pos {
	if l, ok := kb.keyLines[file][key]; ok {
		return Pos{file, l}
	}
	return Pos{file, 1}
}

// link checks the records against each other and builds the lookup maps.
func (kb *KB) link(ps *problems) {
	kb.minerals = make(map[string]*Mineral)
	kb.policies = make(map[string]*Policy)
	kb.countries = make(map[string]*Country)
	kb.names = make(map[string]Ref)
	kb.acronyms = make(map[string]bool)
	kb.symbols = make(map[string]string)
	kb.figures = make(map[string][]Figure)
	namePos := make(map[string]string) // normalized name → where it was first used

	claim := func(name string, r Ref, where Pos) {
		n := Normalize(name)
		if n == "" {
			return
		}
		if prev, ok := kb.names[n]; ok {
			if prev != r {
				ps.at(where, "name or alias %q is also used by %s %s (%s)", name, prev.Kind, prev.ID, namePos[n])
			}
			kb.acronyms[n] = kb.acronyms[n] && isAcronym(name)
			return
		}
		kb.names[n] = r
		kb.acronyms[n] = isAcronym(name)
		namePos[n] = where.String()
	}

	for i, c := range kb.Countries {
		pos := kb.countryPos[i]
		if _, dup := kb.countries[c.ID]; dup {
			ps.at(pos, "duplicate country id %q", c.ID)
			continue
		}
		kb.countries[c.ID] = c
		for _, n := range append([]string{c.Name, c.NameES}, c.Aliases...) {
			claim(n, Ref{KindCountry, c.ID}, pos)
		}
	}
	for _, p := range kb.profiles {
		pos := Pos{p.File, 1}
		if p.broken {
			continue
		}
		checkID(p.ID, p.File, ps)
		checkSources(p.Sources, pos, ps)
		if p.Updated.IsZero() {
			ps.at(pos, "missing required field \"updated\"")
		}
		c, ok := kb.countries[p.ID]
		if !ok {
			if p.ID != "" {
				ps.at(pos, "unknown country %q: add it to %s first", p.ID, countriesFile)
			}
			continue
		}
		if c.Profile != nil {
			ps.at(pos, "duplicate profile for country %q", p.ID)
			continue
		}
		c.Profile = p
	}

	for _, m := range kb.Minerals {
		pos := Pos{m.File, 1}
		if m.broken {
			// Its problems are reported; keep its id known so that references to it do
			// not add a cascade of "unknown mineral" problems.
			kb.minerals[fileID(m.File)] = m
			continue
		}
		if !checkID(m.ID, m.File, ps) {
			continue
		}
		if _, dup := kb.minerals[m.ID]; dup {
			ps.at(pos, "duplicate mineral id %q", m.ID)
			continue
		}
		kb.minerals[m.ID] = m
		required(ps, pos, "name", m.Name)
		required(ps, pos, "name_es", m.NameES)
		if len(m.Uses) == 0 {
			ps.at(pos, "missing required field \"uses\"")
		}
		if m.Updated.IsZero() {
			ps.at(pos, "missing required field \"updated\"")
		}
		if m.Summary == "" {
			ps.at(pos, "the record has no summary: write it below the front matter")
		}
		checkSources(m.Sources, pos, ps)
		ref := Ref{KindMineral, m.ID}
		for _, n := range append([]string{m.Name, m.NameES}, m.Aliases...) {
			claim(n, ref, pos)
		}
		if m.Symbol != "" {
			if prev, dup := kb.symbols[m.Symbol]; dup {
				ps.at(kb.at(m.File, "symbol"), "symbol %q is also the symbol of %s", m.Symbol, prev)
			} else {
				kb.symbols[m.Symbol] = m.ID
			}
		}
	}
	for _, m := range kb.Minerals {
		if m.broken {
			continue
		}
		if m.Group != "" {
			g, ok := kb.minerals[m.Group]
			switch {
			case !ok:
				ps.at(kb.at(m.File, "group"), "group: unknown mineral %q", m.Group)
			case !slices.Contains(g.Members, m.ID):
				ps.at(kb.at(m.File, "group"), "group: %s does not list %s among its members", m.Group, m.ID)
			}
		}
		for _, id := range m.Members {
			mem, ok := kb.minerals[id]
			switch {
			case !ok:
				ps.at(kb.at(m.File, "members"), "members: unknown mineral %q", id)
			case mem.Group != m.ID:
				ps.at(kb.at(m.File, "members"), "members: %s does not name %s as its group", id, m.ID)
			}
		}
	}
	slices.SortFunc(kb.Minerals, func(a, b *Mineral) int { return cmp.Compare(a.ID, b.ID) })

	for _, p := range kb.Policies {
		pos := Pos{p.File, 1}
		if p.broken {
			kb.policies[fileID(p.File)] = p
			continue
		}
		if !checkID(p.ID, p.File, ps) {
			continue
		}
		if _, dup := kb.policies[p.ID]; dup {
			ps.at(pos, "duplicate policy id %q", p.ID)
			continue
		}
		kb.policies[p.ID] = p
		required(ps, pos, "title", p.Title)
		required(ps, pos, "jurisdiction", p.Jurisdiction)
		if p.Date.IsZero() {
			ps.at(pos, "missing required field \"date\"")
		}
		if !p.EndDate.IsZero() && p.EndDate.Time.Before(p.Date.Time) {
			ps.at(kb.at(p.File, "end_date"), "end_date %s is before date %s", p.EndDate, p.Date)
		}
		if p.Updated.IsZero() {
			ps.at(pos, "missing required field \"updated\"")
		}
		if !slices.Contains(PolicyKinds, p.Kind) {
			ps.at(kb.at(p.File, "kind"), "kind %q is not one of %s", p.Kind, strings.Join(PolicyKinds, ", "))
		}
		if p.Summary == "" {
			ps.at(pos, "the record has no summary: write it below the front matter")
		}
		checkSources(p.Sources, pos, ps)
		for _, id := range p.Minerals {
			if _, ok := kb.minerals[id]; !ok {
				ps.at(kb.at(p.File, "minerals"), "minerals: unknown mineral %q", id)
			}
		}
		for _, id := range p.Countries {
			if _, ok := kb.countries[id]; !ok {
				ps.at(kb.at(p.File, "countries"), "countries: unknown country %q", id)
			}
		}
		for _, a := range append([]string{p.Title, p.TitleES}, p.Aliases...) {
			claim(a, Ref{KindPolicy, p.ID}, pos)
		}
	}
	slices.SortStableFunc(kb.Policies, func(a, b *Policy) int {
		return cmp.Or(a.Date.Time.Compare(b.Date.Time), cmp.Compare(a.ID, b.ID))
	})

	knownCountry := func(id string) bool {
		_, ok := kb.countries[id]
		return ok || id == World || id == Others
	}
	seen := make(map[[4]string]Pos)
	for _, f := range kb.Production {
		if _, ok := kb.minerals[f.Mineral]; !ok {
			ps.at(f.Pos, "unknown mineral %q", f.Mineral)
			continue
		}
		if !knownCountry(f.Country) {
			ps.at(f.Pos, "unknown country %q: add it to %s", f.Country, countriesFile)
			continue
		}
		key := [4]string{f.Mineral, f.Country, f.Measure, itoa(f.Year)}
		if prev, dup := seen[key]; dup {
			ps.at(f.Pos, "duplicate figure: %s %s %s %s is also at line %d", f.Mineral, f.Country, f.Measure, itoa(f.Year), prev.Line)
			continue
		}
		seen[key] = f.Pos
		kb.figures[f.Mineral] = append(kb.figures[f.Mineral], f)
	}
	for _, r := range kb.Reliance {
		if _, ok := kb.minerals[r.Mineral]; !ok {
			ps.at(r.Pos, "unknown mineral %q", r.Mineral)
		}
	}
	for _, s := range kb.ImportSources {
		if _, ok := kb.minerals[s.Mineral]; !ok {
			ps.at(s.Pos, "unknown mineral %q", s.Mineral)
		}
		if !knownCountry(s.Country) {
			ps.at(s.Pos, "unknown country %q: add it to %s", s.Country, countriesFile)
		}
	}
	for _, u := range kb.EndUses {
		if _, ok := kb.minerals[u.Mineral]; !ok {
			ps.at(u.Pos, "unknown mineral %q", u.Mineral)
		}
	}
	for _, m := range kb.Minerals {
		if !m.broken && len(kb.FiguresOf(m.ID)) == 0 && m.NoCountryTable == "" {
			ps.at(Pos{m.File, 1}, "no figures in %s for %s: add them, or say why in no_country_table", productionFile, m.ID)
		}
	}
	for _, e := range kb.ListEntries {
		if e.Mineral == "" {
			if e.List == USGS2025 || e.List == USGS2022 {
				ps.at(e.Pos, "%s entry %q resolves to no mineral record", e.List, e.Item)
			}
			continue
		}
		m, ok := kb.minerals[e.Mineral]
		if !ok {
			ps.at(e.Pos, "%s entry %q names unknown mineral %q", e.List, e.Item, e.Mineral)
			continue
		}
		if !m.On(e.List) {
			m.Lists = append(m.Lists, e)
		}
	}
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
// minerals present), 19 policies, 92 country profiles (1 written), 2293 figures". Every
// country of the tables has a profile generated from them; some also have a written one.
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
	return fmt.Sprintf("%d minerals (%d of %d USGS 2025 critical minerals present), %d policies, %d country profile%s (%d written), %d figures",
		len(kb.Minerals), usgs, entries, len(kb.Policies), len(kb.Countries), plural(len(kb.Countries)), len(kb.profiles), kb.Figures())
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
