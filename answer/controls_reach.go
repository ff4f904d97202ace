package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper AC: "do China's export controls apply to the US?", "¿los controles de exportación
// de China aplican a EE. UU.?": whether one country's export measures reach another — those
// that name no destination restrict exports to every country, the other included; those
// that name it single it out. Each with whether it still restricts (restrictionLine).
// Suspensions are not measures of their own here: the measure they suspend says so.

// controlsReach answers such a yes/no question, or returns nil. It asks of no mineral (a
// mineral's measures are restrictsNow's) and names no item.
func (e *snap) controlsReach(q Query) *Answer {
	if !q.YesNo || q.Status || q.Cut || len(q.Countries) != 2 || len(q.Minerals) > 0 || len(q.Policies) > 0 ||
		q.Year > 0 || q.Month > 0 || !hasAny(q.Terms, exportWords) && !hasAny(q.Terms, tradeFlowWords) ||
		!hasAny(q.Terms, exportControlWords) && !slices.ContainsFunc(q.Terms, func(w string) bool { return restrictWords[w] }) {
		return nil
	}
	owner, target := q.Countries[0], q.Countries[1]
	mine := e.exportMeasuresOf(owner) // the country asked about comes first: "do China's …"
	if len(mine) == 0 {
		return e.countryRestricts(owner) // "No export restriction by Mexico is in the knowledge base …"
	}
	var general, singled, elsewhere []*knowledge.Policy
	for _, p := range mine {
		if _, on := e.restricting(p); !on || e.suspends(p) {
			continue
		}
		switch {
		case slices.Contains(p.Countries, target):
			singled = append(singled, p)
		case len(p.Countries) == 1:
			general = append(general, p)
		default:
			elsewhere = append(elsewhere, p)
		}
	}
	lines := func(ps []*knowledge.Policy) string {
		var out []string
		for _, p := range ps[:min(2, len(ps))] {
			f, _ := e.restricting(p)
			out = append(out, e.restrictionLine(p, f))
		}
		s := strings.Join(out, "; ")
		if len(ps) > 2 {
			s += "; " + e.f("and %s more", itoa(len(ps)-2))
		}
		return s
	}
	who, to := e.countryName(owner), e.countryAfterIn(target)
	updated := e.lang.Date(e.kbUpdated())
	var parts []string
	switch {
	case len(general) > 0:
		if len(general) == 1 {
			parts = append(parts, e.verdict(true, e.f("One of %s's export measures in the knowledge base (updated %s) names no destination, so it restricts exports to %s as to every country: %s.",
				who, updated, to, lines(general))))
		} else {
			parts = append(parts, e.verdict(true, e.f("%s of %s's export measures in the knowledge base (updated %s) name no destination, so they restrict exports to %s as to every country: %s.",
				itoa(len(general)), who, updated, to, lines(general))))
		}
		if len(singled) > 0 {
			parts = append(parts, e.f("Measures that single out %s: %s.", to, lines(singled)))
		}
	case len(singled) > 0:
		parts = append(parts, e.verdict(true, e.f("%s's export measures in the knowledge base (updated %s) that still restrict single out %s: %s.",
			who, updated, to, lines(singled))))
	case len(elsewhere) > 0:
		parts = append(parts, e.verdict(false, e.f("%s's export measures in the knowledge base (updated %s) that still restrict name other destinations, not %s: %s.",
			who, updated, to, lines(elsewhere))))
	default:
		parts = append(parts, e.verdict(false, e.f("none of %s's export measures in the knowledge base (updated %s) still restricts.", who, updated)))
	}
	h := sentences(parts...)
	if !fitsHeadline(h) {
		h = parts[0]
	}
	a := e.policyList(slices.Concat(singled, general, elsewhere), "Policy items that match")
	if len(a.Sections) == 0 || len(singled)+len(general)+len(elsewhere) == 0 {
		a = e.policyList(mine, "Policy items that match")
	}
	a.Headline = h
	return a
}

// exportMeasuresOf is a country's export measures, newest first.
func (e *snap) exportMeasuresOf(country string) []*knowledge.Policy {
	var out []*knowledge.Policy
	for i := len(e.kb.Policies) - 1; i >= 0; i-- { // the knowledge base holds them oldest first
		if p := e.kb.Policies[i]; e.exportMeasure(p, country) {
			out = append(out, e.kb.Policies[i])
		}
	}
	return out
}
