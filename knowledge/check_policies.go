package knowledge

import (
	"cmp"
	"slices"
	"strings"
)

// policies/<id>.md: one dated policy or news item.

// checkPolicies checks the policy items and the minerals and countries they name, indexes
// them, and sorts them by date.
func checkPolicies(l *linker) {
	kb, ps := l.kb, l.ps
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
		if !p.Effective.IsZero() && (!p.Effective.Time.After(p.Date.Time) || !p.EndDate.IsZero() && p.EndDate.Time.Before(p.Effective.Time)) {
			ps.at(kb.at(p.File, "effective"), "effective %s must be after date %s and not after end_date", p.Effective, p.Date)
		}
		if p.Updated.IsZero() {
			ps.at(pos, "missing required field \"updated\"")
		}
		if !slices.Contains(PolicyKinds, p.Kind) {
			ps.at(kb.at(p.File, "kind"), "kind %q is not one of %s", p.Kind, strings.Join(PolicyKinds, ", "))
		}
		checkSummaries(ps, pos, p.Summary, p.SummaryES)
		if p.TitleES == "" {
			ps.at(pos, "missing required field \"title_es\": the Spanish title")
		}
		checkSources(p.Sources, pos, ps)
		for _, id := range p.Minerals {
			if _, ok := kb.minerals[id]; !ok {
				ps.at(kb.at(p.File, "minerals"), "minerals: unknown mineral %q", id)
			}
		}
		for _, f := range []struct {
			key string
			ids []string
		}{{"list_adds", p.ListAdds}, {"list_removes", p.ListRemoves}} {
			for _, id := range f.ids {
				if _, ok := kb.minerals[id]; !ok {
					ps.at(kb.at(p.File, f.key), "%s: unknown mineral %q", f.key, id)
				}
			}
			if len(f.ids) > 0 && p.Kind != "list" {
				ps.at(kb.at(p.File, f.key), "%s is for policy items of kind \"list\", not %q", f.key, p.Kind)
			}
		}
		for _, id := range p.Countries {
			if _, ok := kb.countries[id]; !ok {
				ps.at(kb.at(p.File, "countries"), "countries: unknown country %q", id)
			}
		}
		for _, a := range append([]string{p.Title, p.TitleES}, p.Aliases...) {
			l.claim(a, Ref{KindPolicy, p.ID}, pos)
		}
	}
	// What an item suspends is known once every item is indexed.
	for _, p := range kb.Policies {
		if p.Suspends == "" || p.broken {
			continue
		}
		switch s, ok := kb.policies[p.Suspends]; {
		case !ok:
			ps.at(kb.at(p.File, "suspends"), "suspends: unknown policy %q", p.Suspends)
		case s == p:
			ps.at(kb.at(p.File, "suspends"), "suspends: an item cannot suspend itself")
		case !s.Date.IsZero() && p.Date.Time.Before(s.Date.Time):
			ps.at(kb.at(p.File, "suspends"), "suspends: %q is dated %s, after this item (%s)", p.Suspends, s.Date, p.Date)
		}
	}
	slices.SortStableFunc(kb.Policies, func(a, b *Policy) int {
		return cmp.Or(a.Date.Time.Compare(b.Date.Time), cmp.Compare(a.ID, b.ID))
	})
}
