package answer

import (
	"cmp"
	"slices"
	"strconv"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// relianceMove is how U.S. net import reliance on a mineral's main form moved between two
// years of one edition.
type relianceMove struct {
	m        *knowledge.Mineral
	from, to knowledge.Reliance
	points   float64
}

// asksRelianceMoves reports whether a reliance question that names no mineral asks on which
// minerals reliance rose or fell: "which minerals did the US become more import-reliant on
// in 2025?", "where did US import reliance rise the most?", "biggest changes in US import
// reliance", "¿en qué minerales aumentó la dependencia de importaciones de EE. UU.?".
func asksRelianceMoves(q Query) bool {
	return len(q.Minerals) == 0 && (q.Direction != "" || q.Comparative != "" || hasAny(q.Terms, moveWords) ||
		hasAny(q.Terms, becomeWords) && q.Comparative != "")
}

// becomeWords say a figure came to be: "became more reliant".
var becomeWords = set("become", "became", "becoming", "got", "gotten", "volvio", "volvieron")

// relianceMoves ranks the minerals by how much U.S. net import reliance on their main form
// moved, in percentage points, between the last two years of the newest edition (or the
// year asked and the one before): the largest rises first, or the largest falls when the
// question asks about falls. Only years USGS prints as plain percentages count: "more than
// 75" and "net exporter" have no size to move by.
func (e *snap) relianceMoves(q Query) *Answer {
	a := &Answer{Intent: IntentRelianceRanking, Title: e.t("Change in U.S. net import reliance")}
	moves, ed, year := e.relianceMovesIn(q.Year)
	moves = slices.DeleteFunc(slices.Clone(moves), func(mv relianceMove) bool { return mv.to.Edition != ed || mv.to.Year != year })
	if len(moves) == 0 {
		a.Headline = e.t("The USGS tables this knowledge base holds give no two years of U.S. net import reliance to compare.")
		return a
	}
	slices.SortStableFunc(moves, func(x, y relianceMove) int { return cmp.Compare(y.points, x.points) })
	falling := q.Direction == "down" || q.Comparative == "less"
	estimated := slices.ContainsFunc(moves, func(mv relianceMove) bool { return mv.to.Estimated })
	item := func(mv relianceMove) string {
		return e.f("%s (%s → %s)", strings.ToLower(e.mineralName(mv.m)), mv.from.Printed+"%", mv.to.Printed+"%")
	}
	var rises, falls []string
	for _, mv := range moves {
		if mv.points > 0 && len(rises) < 3 {
			rises = append(rises, item(mv))
		}
	}
	for _, mv := range slices.Backward(moves) {
		if mv.points < 0 && len(falls) < 3 {
			falls = append(falls, item(mv))
		}
	}
	up := e.t("rose for none")
	if len(rises) > 0 {
		up = e.f("rose most for %s", e.and(rises))
	}
	down := e.t("fell for none")
	if len(falls) > 0 {
		down = e.f("fell most for %s", e.and(falls))
	}
	if falling {
		up, down = down, up // "which minerals did the US become less reliant on?": the falls first
	}
	same := 0
	for _, mv := range moves {
		if mv.points == 0 {
			same++
		}
	}
	a.Headline = e.f("From %s to %s (%s), U.S. net import reliance %s; it %s.", strconv.Itoa(year-1), yearLabel(year, estimated), source(ed), up, down)
	a.Headline = sentences(a.Headline, e.f("Of the %s minerals with a percentage for both years, it did not change for %s.", strconv.Itoa(len(moves)), strconv.Itoa(same)))
	s := Section{Heading: e.f("Net import reliance, %s → %s, in percentage points", strconv.Itoa(year-1), yearLabel(year, estimated))}
	if falling {
		slices.Reverse(moves) // the card too
	}
	for _, mv := range moves {
		label := e.mineralName(mv.m)
		if mv.to.Product != "" {
			label += " (" + e.t(mv.to.Product) + ")"
		}
		s.Facts = append(s.Facts, Fact{Label: label, Value: e.f("%s, from %s to %s", signedPoints(mv.points), mv.from.Printed+"%", mv.to.Printed+"%")})
		a.Sources = appendSource(a.Sources, mv.to.Source)
	}
	s.Note = e.t("Computed by mineralbot from the two years USGS prints as percentages; “more than 75” and net exporters are left out.")
	a.Sections = append(a.Sections, s)
	return a
}

// plainPercent reports whether USGS prints a reliance figure as a plain percentage.
func plainPercent(r knowledge.Reliance) bool {
	return r.Printed == strconv.FormatFloat(r.Percent, 'f', -1, 64)
}

// signedPoints is a change in percentage points: "+12", "−3".
func signedPoints(p float64) string {
	s := strconv.FormatFloat(p, 'f', -1, 64)
	if p > 0 {
		return "+" + s
	}
	return strings.Replace(s, "-", "−", 1)
}

// relianceMovesKey keys the moves of the last two years (relianceMovesIn(0)) in e.derived.
type relianceMovesKey struct{}

// relianceMovedIn are relianceMovesIn's results.
type relianceMovedIn struct {
	moves []relianceMove
	ed    knowledge.Edition
	year  int
}

// relianceMovesIn finds how reliance moved on each mineral up to year to (the last year of
// each series for 0), with the newest edition among them and its last year. The newest
// years' moves depend on the knowledge base alone and are found once per load: at 100,000
// records, walking every record took 40 ms a question.
func (e *snap) relianceMovesIn(to int) ([]relianceMove, knowledge.Edition, int) {
	if to == 0 {
		if x, ok := e.derived.Load(relianceMovesKey{}); ok {
			r := x.(relianceMovedIn)
			return r.moves, r.ed, r.year
		}
	}
	var moves []relianceMove
	var ed knowledge.Edition
	seen := map[string]bool{} // a group's series (the rare earths') is its members' too: counted once
	for _, m := range e.kb.Minerals {
		l := e.latestByProduct(m.ID)
		if len(l) == 0 {
			continue
		}
		for _, sr := range e.kb.RelianceSeries(m.ID) {
			if sr.Product != l[0].Product || len(sr.Years) < 2 || seen[sr.Mineral+"/"+sr.Product] {
				continue
			}
			seen[sr.Mineral+"/"+sr.Product] = true
			if g, ok := e.kb.Mineral(sr.Mineral); ok {
				m = g // named for the group whose series it is
			}
			i := len(sr.Years) - 1
			if to != 0 {
				i = slices.IndexFunc(sr.Years, func(r knowledge.Reliance) bool { return r.Year == to })
			}
			if i < 1 {
				continue
			}
			before, now := sr.Years[i-1], sr.Years[i]
			if !plainPercent(before) || !plainPercent(now) {
				continue
			}
			moves = append(moves, relianceMove{m, before, now, now.Percent - before.Percent})
			ed = max(ed, now.Edition)
		}
	}
	// One pair of years: the newest edition's last two, most minerals' (or the year asked).
	year := 0
	for _, mv := range moves {
		if mv.to.Edition == ed {
			year = max(year, mv.to.Year)
		}
	}
	if to == 0 {
		e.derived.Store(relianceMovesKey{}, relianceMovedIn{moves, ed, year})
	}
	return moves, ed, year
}
