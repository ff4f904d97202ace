package answer

import (
	"strconv"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// The minerals in which a country's share of world output passes a threshold: "critical
// minerals where China is over 50%", "which minerals does China produce more than half of?",
// "¿en qué minerales China tiene más del 80%?". Each mineral's newest production table,
// counted once (a group's table as the group).

// overWords open a threshold: "over 50%", "more than half", "más del 50%".
var overWords = set("over", "above", "exceeds", "exceeding", "exceed", "least", "than", "de", "del", "al", "a", "encima")

// notShareWords after a number say it counts something else: "more than 10 minerals".
var notShareWords = set("years", "year", "anos", "ano", "minerals", "mineral", "minerales", "countries", "country", "paises",
	"pais", "tons", "tonnes", "toneladas", "items", "elementos", "times", "veces", "days", "dias", "months", "meses")

// thresholdOf reads a share threshold from a question, as a fraction: "over 50%", "more
// than 80 percent", "at least 90%", "más del 50%", "more than half" (0.5); 0 when there is
// none. The number must follow a word that opens a threshold, and be 1 to 99.
func thresholdOf(norm []string) float64 {
	joined := " " + strings.Join(norm, " ") + " "
	for _, ph := range []string{" more than half ", " over half ", " mas de la mitad ", " above half "} {
		if strings.Contains(joined, ph) {
			return 0.5
		}
	}
	for i := 1; i < len(norm); i++ {
		n, err := strconv.Atoi(strings.TrimSuffix(norm[i], "%"))
		if err != nil || n < 1 || n > 99 || !overWords[norm[i-1]] {
			continue
		}
		if norm[i-1] == "than" && (i < 2 || norm[i-2] != "more" && norm[i-2] != "greater") {
			continue
		}
		if (norm[i-1] == "de" || norm[i-1] == "del" || norm[i-1] == "a" || norm[i-1] == "al") && (i < 2 || norm[i-2] != "mas" && norm[i-2] != "mayor") {
			continue // "más del 50", "mayor al 50"; not "lista de 2025"
		}
		next := ""
		if i+1 < len(norm) {
			next = norm[i+1]
		}
		if !notShareWords[next] { // "over 50%" (the sign is dropped in normalizing), "more than 80 percent"
			return float64(n) / 100
		}
	}
	return 0
}

// sharesOver answers which minerals a country produces more than a share of world output
// of, on the list the question names if it names one, or nil when the question is not that.
func (e *snap) sharesOver(q Query) *Answer {
	if q.Threshold <= 0 || len(q.Countries) != 1 || len(q.Minerals) > 0 {
		return nil
	}
	c, ok := e.kb.Country(q.Countries[0])
	if !ok {
		return nil
	}
	listed := len(q.Lists) > 0 || hasCue(q, MeasureLists)
	l := askedList(q)
	pct := strconv.Itoa(int(q.Threshold*100+0.5)) + "%"
	var facts []Fact
	names := e.placedMinerals(e.kb.CountryStandings(c.ID), func(x knowledge.Standing, m *knowledge.Mineral) string {
		if x.Share.Share <= q.Threshold || listed && !e.on(m, l) {
			return ""
		}
		name := strings.ToLower(e.mineralName(m)) + " (" + percent(x.Share.Share) + ")"
		if len(facts) < 25 {
			facts = append(facts, Fact{Label: e.mineralName(m), Value: percent(x.Share.Share) + ", " + e.measure(x.Ranking.Measure) + ", " +
				yearLabel(x.Ranking.Year, x.Share.Estimated) + " (" + source(x.Ranking.Edition) + ")"})
		}
		return name
	})
	a := &Answer{Intent: IntentCountry, Record: knowledge.Ref{Kind: knowledge.KindCountry, ID: c.ID},
		Title: e.f("Where %s has more than %s of world output", e.countryName(c.ID), pct)}
	scope := e.t("the minerals in the USGS tables")
	if listed {
		scope = e.f("the minerals on the %s", e.listName(l))
	}
	switch len(names) {
	case 0:
		a.Headline = e.f("%s has more than %s of world output of none of %s (USGS MCS, newest edition of each table).", e.countrySubject(c.ID), pct, scope)
	default:
		a.Headline = e.f("%s has more than %s of world output of %s of %s (USGS MCS, newest edition of each table): %s.", e.countrySubject(c.ID), pct,
			itoa(len(names)), scope, e.andMore(names[:min(len(names), maxSectorNamed)], len(names)))
	}
	a.Sections = append(a.Sections, Section{Heading: e.f("Share of world output above %s", pct), Facts: facts,
		Note: e.t("Each mineral's newest production table; shares computed by mineralbot from the USGS figures.")})
	return a
}
