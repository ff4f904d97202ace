package answer

import (
	"slices"

	"github.com/mineralbot/mineralbot/knowledge"
)

// datedInYear reports whether a question names a year, and no month or span of years, in
// which the item was dated or took effect: "lithium law 2022" is the 2022 reform.
func datedInYear(p *knowledge.Policy, q Query) bool {
	if q.Year == 0 || q.Month != 0 || q.FromYear != 0 && q.FromYear != q.Year {
		return false
	}
	for _, d := range []knowledge.Date{p.Date, p.Effective} {
		if !d.IsZero() && d.Time.Year() == q.Year {
			return true
		}
	}
	return false
}

// yearAsked reports whether w is the year datedInYear weighs: a mention of it in an item's
// text ("a challenge brought in 2022") is no match for an item of that year.
func yearAsked(q Query, w string) bool {
	return q.Year != 0 && q.Month == 0 && (q.FromYear == 0 || q.FromYear == q.Year) && w == itoa(q.Year)
}

// ofCountriesAsked keeps the items of a family (the items a shared name such as "action
// plan" names) that concern every country the question names, when any does: "¿qué minerales
// cubre el plan de acción EEUU-México?" is the U.S.-Mexico plan, whatever words the U.S.-Japan
// one shares with the question. The first item stays first.
func ofCountriesAsked(family []*knowledge.Policy, q Query) []*knowledge.Policy {
	if len(q.Countries) == 0 {
		return family
	}
	var kept []*knowledge.Policy
	for _, p := range family {
		if !slices.ContainsFunc(q.Countries, func(c string) bool { return !slices.Contains(p.Countries, c) }) {
			kept = append(kept, p)
		}
	}
	if len(kept) == 0 {
		return family
	}
	return kept
}

// tariffItems are the items of ps that speak of a tariff, when the question asks about
// tariffs ("latest news on tariffs"); none when it does not. Export controls are no tariff.
func (e *snap) tariffItems(ps []*knowledge.Policy, q Query) []*knowledge.Policy {
	if !asksTariff(q) {
		return nil
	}
	var out []*knowledge.Policy
	for _, p := range ps {
		if p.Kind != "export-control" && e.mentionsTariff(p) {
			out = append(out, p)
		}
	}
	return out
}
