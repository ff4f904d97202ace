package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// leadsIn reports whether a yes/no question that names one country and a mineral asks
// whether the country leads the world in it: "does Mexico lead in lead?" (the verb just
// after the country, then "in"), "is Mexico the leader in silver?", "¿es México líder en
// plata?". Such a question is a yes only for the first of the mineral's table, as "is Mexico
// the top producer of silver?" is.
func leadsIn(norm []string, used []bool, q *Query, isMineral func(string) bool) bool {
	if !q.YesNo || len(q.Countries) != 1 || len(q.Minerals) == 0 {
		return false
	}
	for i, w := range norm {
		switch {
		case leaderWords[w]:
			return true
		case (w == "lead" || w == "leads") && leadVerbAt(norm, used, i, isMineral) && norm[i+1] == "in" && i+2 < len(norm):
			return true
		}
	}
	return false
}

// behindLeader is the standing of a country that is not first in a production table, then
// the first: "China ranked #3 of 14 in world mine production of silver in 2025e, with 3,400
// metric tons (13% of the world; USGS MCS 2026); the top producer is Mexico (24%). Down 0.9%
// from 3,430 in 2024."
func (e *snap) behindLeader(m *knowledge.Mineral, r knowledge.Ranking, row knowledge.Share) string {
	out := e.standingSentence(m, r, row)
	i := slices.IndexFunc(r.Rows, func(x knowledge.Share) bool { return x.Rank == 1 })
	if i < 0 || row.Rank == 1 {
		return out
	}
	top := r.Rows[i]
	var change string
	if c, ok := e.kb.ChangeIn(r.Mineral, r.Measure, row.Country, r.Edition, r.Year-1, r.Year); ok && c.Known() {
		change = e.changeSentence(c)
	}
	first, rest := out, ""
	if change != "" && strings.HasSuffix(out, " "+change) {
		first, rest = strings.TrimSuffix(out, " "+change), change
	}
	if !strings.HasSuffix(first, ".") {
		return out
	}
	leader := e.f("the top producer is %s", e.countryAfterIn(top.Country))
	if top.Share >= 0 {
		leader += " (" + percent(top.Share) + ")"
	}
	return sentences(strings.TrimSuffix(first, ".")+"; "+leader+".", rest)
}
