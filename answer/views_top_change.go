package answer

import (
	"slices"
	"strconv"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper P: the top producers' figures in two years ("top 5 zinc producers 2025 vs 2024").

// topChange is the first n countries of a mineral's table in the later year, each with its
// figures in both years, and the world's: one sentence. ok is false when the edition gives
// fewer than two of them both years.
func (e *snap) topChange(r knowledge.Ranking, name string, n, from, to int) (string, bool) {
	n = min(n, 10)
	ranked := e.kb.RankIn(r.Mineral, r.Measure, to, r.Edition)
	var parts []string
	for _, row := range ranked.Top(n) {
		c, ok := e.kb.ChangeIn(r.Mineral, r.Measure, row.Country, r.Edition, from, to)
		if !ok || !c.Known() {
			continue
		}
		v := e.countryName(row.Country) + " " + number(c.From.Value) + " → " + number(c.To.Value)
		if pct, ok := c.Percent(); ok {
			v += " (" + signed(pct) + ")"
		}
		parts = append(parts, v)
	}
	if len(parts) < 2 {
		return "", false
	}
	head := e.f("Top %s in world %s of %s, %s → %s (%s; %s): %s.", strconv.Itoa(len(parts)), e.measure(r.Measure), name,
		strconv.Itoa(from), yearLabel(to, ranked.Estimated), e.shortUnit(r.Unit), source(r.Edition), strings.Join(parts, "; "))
	if w, ok := e.kb.ChangeIn(r.Mineral, r.Measure, knowledge.World, r.Edition, from, to); ok && w.Known() {
		if pct, ok := w.Percent(); ok {
			head = sentences(head, e.f("World: %s → %s (%s).", number(w.From.Value), number(w.To.Value), signed(pct)))
		}
	}
	return head, true
}

// topProducerWords and producersAsked ask for the leading producers without a number ("antimony
// top producers 2025 vs 2024", "principales productores de antimonio 2024 vs 2025").
var (
	topProducerWords = set("top", "leading", "largest", "biggest", "main", "principales", "mayores")
	producersAsked   = set("producers", "producer", "productores", "productor", "producing", "productoras")
)

// topAsked is how many leading producers a change question asks for: the number it names, or
// five when it asks for the top producers without one; 0 when it asks for none.
func topAsked(q Query) int {
	if q.Top > 0 {
		return q.Top
	}
	if slices.ContainsFunc(q.Terms, func(w string) bool { return topProducerWords[w] }) &&
		slices.ContainsFunc(q.Terms, func(w string) bool { return producersAsked[w] }) {
		return 5
	}
	return 0
}
