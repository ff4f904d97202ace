package answer

import (
	"slices"
	"strconv"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper S: "¿cuál subió más, la plata o el cobre?", "which price rose more in 2025, silver
// or copper?": how much each of two main prices moved over its last year, not which is dearer.

// twoPriceMoves answers a question naming two minerals and a rise or fall; ok is false when
// either has no main price with a year before it in the same edition.
func (e *snap) twoPriceMoves(q Query) (*Answer, bool) {
	if len(q.Minerals) != 2 || q.Direction == "" {
		return nil, false
	}
	var moves [2]priceMove
	for i, id := range q.Minerals {
		m, ok := e.kb.Mineral(id)
		if !ok {
			return nil, false
		}
		p, name, own, ok := e.mainPrice(m, q.Year)
		if !ok || !own || !p.Known() || p.IsRange() {
			return nil, false
		}
		var from knowledge.Price
		for _, x := range e.kb.PricesOf(p.Mineral) {
			if x.Year == p.Year-1 && x.Form == p.Form && x.Unit == p.Unit && x.Edition == p.Edition && x.Known() && !x.IsRange() {
				from = x
			}
		}
		if from.Value <= 0 {
			return nil, false
		}
		moves[i] = priceMove{name: name, from: from, to: p, pct: (p.Value - from.Value) / from.Value}
	}
	a, b := moves[0], moves[1]
	if a.from.Year != b.from.Year || a.to.Year != b.to.Year {
		return nil, false // the two moves are over different years: each price's own answer
	}
	if q.Direction == "up" && b.pct > a.pct || q.Direction == "down" && b.pct < a.pct {
		a, b = b, a // the one that moved most the way asked first
	}
	var head string
	switch {
	case a.pct == b.pct:
		head = "%s and %s moved alike from %s to %s: %s each, in USGS annual average prices (%s)."
	case q.Direction == "up" && b.pct >= 0:
		head = "%s rose more than %s from %s to %s: %s against %s, in USGS annual average prices (%s)."
	case q.Direction == "up" && a.pct >= 0:
		head = "%s rose and %s fell from %s to %s: %s against %s, in USGS annual average prices (%s)."
	case q.Direction == "up":
		head = "%s fell less than %s from %s to %s: %s against %s, in USGS annual average prices (%s)."
	case b.pct <= 0:
		head = "%s fell more than %s from %s to %s: %s against %s, in USGS annual average prices (%s)."
	case a.pct <= 0:
		head = "%s fell and %s rose from %s to %s: %s against %s, in USGS annual average prices (%s)."
	default:
		head = "%s rose less than %s from %s to %s: %s against %s, in USGS annual average prices (%s)."
	}
	args := []any{capitalize(e.withArticle(strings.ToLower(a.name))), e.withArticle(strings.ToLower(b.name)),
		strconv.Itoa(a.from.Year), yearLabel(a.to.Year, a.to.Estimated), signedPercent(a.pct), signedPercent(b.pct),
		e.editionNames(slices.Compact([]knowledge.Edition{a.to.Edition, b.to.Edition}))}
	if a.pct == b.pct {
		args = slices.Delete(args, 5, 6)
	}
	ans := &Answer{Intent: IntentPrice, Title: e.t("Prices compared: USGS annual averages")}
	ans.Headline = sentences(e.f(head, args...), e.t("These are annual averages, not market quotes."))
	for _, mv := range []priceMove{a, b} {
		if m, ok := e.kb.Mineral(mv.to.Mineral); ok {
			e.priceSection(ans, m, mv.to, mv.name)
		}
	}
	return ans, true
}

// signedPercent is a fraction as a signed percentage rounded as percent rounds it, as the
// one price's answer prints its move: "+34%", "−24%".
func signedPercent(f float64) string {
	switch {
	case f > 0:
		return "+" + percent(f)
	case f < 0:
		return "−" + percent(-f)
	}
	return "0%"
}
