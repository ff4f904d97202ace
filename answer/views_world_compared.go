package answer

import (
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper AB: "which is bigger, world cobalt or lithium production?": the world totals of the
// minerals named, side by side, rather than each one's top producer.

// maxWorldCompared bounds the minerals whose world totals a headline sets side by side.
const maxWorldCompared = 4

// worldTotalsCompared gives each named mineral's world total from its main table and, for two
// in the same unit and year, which is larger; "" unless every one has a known world total.
func (e *snap) worldTotalsCompared(q Query) string {
	if len(q.Minerals) < 2 || len(q.Minerals) > maxWorldCompared {
		return ""
	}
	ts, ok := e.worldTotalsOf(q, e.kb.PrimaryRanking)
	if !ok {
		return ""
	}
	var parts []string
	for _, t := range ts {
		m, r := t.m, t.r
		parts = append(parts, e.f("%s %s %s (%s, %s, %s)", strings.ToLower(e.mineralName(m)), number(r.World.Value), e.shortUnit(r.Unit),
			e.measure(r.Measure), yearLabel(r.Year, r.World.Estimated), source(r.Edition)))
	}
	head := e.f("World output — %s.", e.and(parts))
	if len(ts) == 2 && e.shortUnit(ts[0].r.Unit) == e.shortUnit(ts[1].r.Unit) && ts[0].r.Year == ts[1].r.Year && ts[0].r.World.Value != ts[1].r.World.Value {
		big, small := ts[0], ts[1]
		if small.r.World.Value > big.r.World.Value {
			big, small = small, big
		}
		head = sentences(e.f("More %s than %s was produced, by the world totals USGS gives.", strings.ToLower(e.mineralName(big.m)), strings.ToLower(e.mineralName(small.m))), head)
	}
	return head
}

// worldTotal is a mineral and the table whose world total a comparison gives.
type worldTotal struct {
	m *knowledge.Mineral
	r knowledge.Ranking
}

// worldTotalsOf are the tables rank gives each mineral q names, in order; false unless every
// one has a known world total (not a "more than").
func (e *snap) worldTotalsOf(q Query, rank func(string) (knowledge.Ranking, bool)) ([]worldTotal, bool) {
	var ts []worldTotal
	for _, id := range q.Minerals {
		m, ok := e.kb.Mineral(id)
		if !ok {
			return nil, false
		}
		r, ok := rank(m.ID)
		if !ok || r.World == nil || !r.World.Known() || r.World.AtLeast {
			return nil, false
		}
		ts = append(ts, worldTotal{m, r})
	}
	return ts, true
}
