package answer

import (
	"math"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper AB: what changed for a mineral, worldwide: after the world total, the top
// producer's change and the largest move among the leading producers, the changes that
// explain the world's ("what changed for fluorspar in MCS 2026?"), rather than a small
// revision of one country's earlier figure.

// maxMoversScanned bounds the producers looked at for the largest move.
const maxMoversScanned = 10

// topProducerMoves says how r's top producer's figure changed from one year to the other
// and, when another of the leading producers moved more, that one's change; "" when the
// top producer's change is not known.
func (e *snap) topProducerMoves(r knowledge.Ranking, from, to int) string {
	if len(r.Rows) == 0 {
		return ""
	}
	top := r.Rows[0].Country
	tc, ok := e.kb.ChangeIn(r.Mineral, r.Measure, top, r.Edition, from, to)
	if !ok || !tc.Known() {
		return ""
	}
	head := e.f("%s, the top producer: %s → %s (%s)", e.countryName(top), number(tc.From.Value), number(tc.To.Value), changePct(tc))
	if tc.From.Value == tc.To.Value {
		head = e.f("%s, the top producer, was unchanged at %s", e.countryName(top), number(tc.To.Value))
	}
	var big knowledge.Change
	bigDelta := math.Abs(tc.To.Value - tc.From.Value)
	for _, row := range r.Top(maxMoversScanned)[1:] {
		c, ok := e.kb.ChangeIn(r.Mineral, r.Measure, row.Country, r.Edition, from, to)
		if !ok || !c.Known() || row.Country == knowledge.Others {
			continue
		}
		if d := math.Abs(c.To.Value - c.From.Value); d > bigDelta {
			big, bigDelta = c, d
		}
	}
	if big.Country == "" {
		return head + "."
	}
	return head + e.f("; the largest move: %s, %s → %s (%s).", e.countryName(big.Country), number(big.From.Value), number(big.To.Value), changePct(big))
}

// changePct is a change's percentage, signed, or "" ("n/a") when the earlier figure is zero.
func changePct(c knowledge.Change) string {
	if pct, ok := c.Percent(); ok {
		return signed(pct)
	}
	return "n/a"
}
