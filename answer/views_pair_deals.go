package answer

import (
	"slices"

	"github.com/mineralbot/mineralbot/knowledge"
)

// pairAgreements keeps, of ranked items, the agreements between exactly the countries a
// question names, when it names two or more and asks what they signed or agreed: "what did
// the US and Mexico sign in February 2026?" is their action plan, not the ministerial of 54
// countries where it was signed. A yes/no question is not one of these. It returns false
// when there is none, and the ranking stands.
func pairAgreements(q Query, ps []*knowledge.Policy, scores []float64) ([]*knowledge.Policy, []float64, bool) {
	var named []string
	for _, c := range q.Countries {
		if !slices.Contains(named, c) {
			named = append(named, c)
		}
	}
	if len(named) < 2 || q.YesNo || !asksAgreement(q) {
		// "Did Mexico sign a deal with the US?" is left to rank: a statement that nothing was
		// signed answers it.
		return nil, nil, false
	}
	var out []*knowledge.Policy
	var outScores []float64
	for i, p := range ps {
		if p.Kind != "agreement" || len(p.Countries) != len(named) {
			continue
		}
		if slices.ContainsFunc(named, func(c string) bool { return !slices.Contains(p.Countries, c) }) {
			continue
		}
		out, outScores = append(out, p), append(outScores, scores[i])
	}
	return out, outScores, len(out) > 0
}
