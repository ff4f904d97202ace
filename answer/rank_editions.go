package answer

import (
	"strconv"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper Z: how a country's place in a world ranking moved between editions ("how did
// Mexico's silver rank change between MCS 2025 and MCS 2026?", "¿cómo cambió la posición de
// México en plata?"): its rank in the newest edition's latest year against its rank in the
// edition before, each ranked within its own edition's table.

// placeWords ask for a place in a ranking rather than an amount.
var placeWords = set("rank", "ranks", "ranked", "ranking", "rankings", "position", "positions", "place", "standing",
	"posicion", "posiciones", "lugar", "lugares", "puesto", "puestos", "clasificacion")

// rankAcrossEditions is the sentence that answers a rank-change question for one country: its
// rank and count in r (the newest edition's table) and in the same measure's latest year of
// the edition before. ok is false unless the question asks a place, names one country, and
// both editions list it by name.
func (e *snap) rankAcrossEditions(q Query, r knowledge.Ranking, name string) (lead string, now, then int, ok bool) {
	if len(q.Countries) != 1 || !hasAny(q.Terms, placeWords) || r.Edition == 0 {
		return "", 0, 0, false
	}
	var prev knowledge.Edition
	for _, ed := range e.kb.Editions() {
		if ed < r.Edition {
			prev = ed
		}
	}
	if prev == 0 {
		return "", 0, 0, false
	}
	old := e.kb.RankIn(r.Mineral, r.Measure, e.kb.LatestYearIn(r.Mineral, r.Measure, prev), prev)
	country := q.Countries[0]
	cur, ok1 := rowOf(r, country)
	was, ok2 := rowOf(old, country)
	if !ok1 || !ok2 {
		return "", 0, 0, false
	}
	tie := ""
	if t := e.tiedWith(r, cur); t != "" {
		tie = " (" + t + ")"
	}
	is := e.f("%s ranked #%s of %s%s in world %s of %s in %s (%s)", e.countryName(country), strconv.Itoa(cur.Rank),
		strconv.Itoa(len(r.Rows)), tie, e.measure(r.Measure), name, yearLabel(r.Year, cur.Estimated), source(r.Edition))
	was2 := e.f("#%s of %s in %s (%s)", strconv.Itoa(was.Rank), strconv.Itoa(len(old.Rows)), yearLabel(old.Year, was.Estimated), source(prev))
	switch {
	case cur.Rank < was.Rank:
		return e.f("%s, up from %s.", is, was2), cur.Rank, was.Rank, true
	case cur.Rank > was.Rank:
		return e.f("%s, down from %s.", is, was2), cur.Rank, was.Rank, true
	}
	return e.f("%s, the same place as %s.", is, was2), cur.Rank, was.Rank, true
}

// rowOf is a country's row in a ranking.
func rowOf(r knowledge.Ranking, country string) (knowledge.Share, bool) {
	for _, row := range r.Rows {
		if row.Country == country {
			return row, true
		}
	}
	return knowledge.Share{}, false
}

// leadRankChange puts the rank-change sentence before a change answer's headline, or in its
// place when both would not fit a chat message. A yes/no question ("did Mexico's zinc rank
// rise?") is answered of the rank, and the tonnage's own verdict is dropped.
func (e *snap) leadRankChange(a *Answer, q Query, r knowledge.Ranking, name string) {
	lead, now, then, ok := e.rankAcrossEditions(q, r, name)
	if !ok {
		return
	}
	if q.YesNo {
		for _, v := range []string{e.f("Yes — %s", ""), e.f("No — %s", "")} {
			if i := strings.Index(a.Headline, v); i >= 0 {
				a.Headline = a.Headline[:i] + capitalize(a.Headline[i+len(v):])
				break
			}
		}
		switch q.Direction {
		case "up":
			lead = e.verdict(now < then, lead)
		case "down":
			lead = e.verdict(now > then, lead)
		default:
			lead = e.verdict(now != then, lead)
		}
	}
	if h := sentences(lead, a.Headline); fitsHeadline(h) {
		a.Headline = h
		return
	}
	if first := sentencesOf(a.Headline); len(first) > 0 && fitsHeadline(sentences(lead, first[len(first)-1])) {
		a.Headline = sentences(lead, first[len(first)-1])
		return
	}
	a.Headline = lead
}
