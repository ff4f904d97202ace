package knowledge

import (
	"io/fs"
	"strings"
)

// tables/countries.csv: every country the tables and records name.

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

// checkCountries indexes the countries and claims their names.
func checkCountries(l *linker) {
	kb := l.kb
	for i, c := range kb.Countries {
		pos := kb.countryPos[i]
		if _, dup := kb.countries[c.ID]; dup {
			l.ps.at(pos, "duplicate country id %q", c.ID)
			continue
		}
		kb.countries[c.ID] = c
		for _, n := range append([]string{c.Name, c.NameES}, c.Aliases...) {
			l.claim(n, Ref{KindCountry, c.ID}, pos)
		}
	}
}
