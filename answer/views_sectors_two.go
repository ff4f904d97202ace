package answer

import (
	"slices"
	"strings"
)

// Two or more sectors in one question: "which minerals are used in batteries and magnets?",
// "¿qué minerales se usan en baterías e imanes?". Each sector's minerals, briefly, in one
// sentence, and those common to all; the card has each sector's list (views_used_in.go).

// maxSectorsNamed is how many of each sector's minerals the headline names.
const maxSectorsNamed = 5

// sectorsAsked are the sectors a question's words ask for, when more than one. A sector
// named as the kind of another's product is not one of them: "EV batteries" asks for
// batteries, "wind turbine magnets" for magnets, "computer chips" for semiconductors.
func sectorsAsked(q Query) []sector {
	var ss []sector
	for _, s := range sectors {
		if slices.ContainsFunc(q.Terms, func(w string) bool { return slices.Contains(s.words, w) }) {
			ss = append(ss, s)
		}
	}
	has := func(label string) bool {
		return slices.ContainsFunc(ss, func(s sector) bool { return s.label == label })
	}
	return slices.DeleteFunc(ss, func(s sector) bool {
		rel, ok := relatedSectors[s.label]
		return ok && has(rel) || s.label == "electronics" && has("semiconductors")
	})
}

// sectorsMinerals answers for several sectors at once: how many records list a use in each,
// the first few of them, and the minerals common to all.
func (e *snap) sectorsMinerals(ss []sector) *Answer {
	var labels, clauses []string
	a := &Answer{Intent: IntentUses}
	named := maxSectorsNamed // fewer of each when more sectors are asked, so the headline fits
	switch {
	case len(ss) > 3:
		named = 1
	case len(ss) == 3:
		named = 3
	}
	for _, s := range ss {
		label := e.t(s.label)
		labels = append(labels, label)
		us := e.sectorUses[s.label]
		var names []string
		for _, u := range us[:min(len(us), named)] {
			names = append(names, strings.ToLower(e.mineralName(u.m)))
		}
		if len(us) > named {
			names = append(names, e.f("%s more", itoa(len(us)-named)))
		}
		if len(us) == 0 {
			clauses = append(clauses, e.f("in %s for none", label))
		} else {
			clauses = append(clauses, e.f("in %s for %s minerals (%s)", label, itoa(len(us)), e.and(names)))
		}
		e.sectorSections(a, s, us)
	}
	a.Title = e.f("Minerals used in %s", e.and(labels))
	a.Headline = e.f("The mineral records list a use %s.", e.and(clauses))
	common := e.commonTo(ss, maxSectorsNamed)
	both := e.mineralNames(common.first)
	switch {
	case common.total == 0 && len(ss) == 2:
		a.Headline = sentences(a.Headline, e.t("No mineral's record lists a use in both."))
	case common.total <= maxSectorsNamed && len(ss) == 2:
		a.Headline = sentences(a.Headline, e.f("Listed in both: %s.", e.and(both)))
	case common.total == 0:
		a.Headline = sentences(a.Headline, e.t("No mineral's record lists a use in all of them."))
	case common.total <= maxSectorsNamed:
		a.Headline = sentences(a.Headline, e.f("Listed in all of them: %s.", e.and(both)))
	default:
		a.Headline = sentences(a.Headline, e.f("%s minerals are listed in all of them.", itoa(common.total)))
	}
	return a
}
