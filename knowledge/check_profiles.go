package knowledge

// countries/<id>.md: a written country profile, joined to its row of tables/countries.csv.

// checkProfiles checks the written country profiles and joins each to its country.
func checkProfiles(l *linker) {
	kb, ps := l.kb, l.ps
	for _, p := range kb.profiles {
		pos := Pos{p.File, 1}
		if p.broken {
			continue
		}
		checkID(p.ID, p.File, ps)
		checkSummaries(ps, pos, p.Summary, p.SummaryES)
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
}
