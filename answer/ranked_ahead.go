package answer

import (
	"strconv"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper Z: which countries stand above or below one country in a mineral's table ("which
// countries produce more zinc than Mexico?", "¿qué países producen más plata que México?").

// maxAheadNamed is the most countries such a headline names; the rest are counted.
const maxAheadNamed = 6

// rankedAhead answers a comparative asked of one country without a second ("more zinc than
// Mexico", not "more zinc than Peru"): the countries of its ranking with a larger figure
// ("more") or a smaller one ("less"), then the country's own standing. ok is false unless the
// question is such a comparative and not a yes/no question.
func (e *snap) rankedAhead(q Query, m *knowledge.Mineral, r knowledge.Ranking, row knowledge.Share) (string, bool) {
	if q.YesNo || len(q.Countries) != 1 || (q.Comparative != "more" && q.Comparative != "less") {
		return "", false
	}
	more := q.Comparative == "more"
	var names []string
	total := 0
	for _, x := range r.Rows {
		if more && x.Value > row.Value || !more && x.Value < row.Value {
			total++
			if len(names) < maxAheadNamed+1 {
				names = append(names, e.countryName(x.Country))
			}
		}
	}
	name := strings.ToLower(e.mineralName(m))
	country := e.countryName(row.Country)
	when := "" // reserves have no year
	if r.Year > 0 {
		when = " " + e.f("in %s", yearLabel(r.Year, row.Estimated))
	}
	listed := e.namedAheadOf(names, total)
	measure, src := e.measure(r.Measure), source(r.Edition)
	var lead string
	switch {
	case total == 0 && more:
		lead = e.f("No country ranked above %s in world %s of %s%s (%s).", country, measure, name, when, src)
	case total == 0:
		lead = e.f("No country listed ranked below %s in world %s of %s%s (%s).", country, measure, name, when, src)
	case total == 1 && more:
		lead = e.f("One country ranked above %s in world %s of %s%s: %s (%s).", country, measure, name, when, listed, src)
	case total == 1:
		lead = e.f("One country listed ranked below %s in world %s of %s%s: %s (%s).", country, measure, name, when, listed, src)
	case more:
		lead = e.f("%s countries ranked above %s in world %s of %s%s: %s (%s).", strconv.Itoa(total), country, measure, name, when, listed, src)
	default:
		lead = e.f("%s countries listed ranked below %s in world %s of %s%s: %s (%s).", strconv.Itoa(total), country, measure, name, when, listed, src)
	}
	standing := e.f("%s was #%s of %s, with %s %s", country, strconv.Itoa(row.Rank), strconv.Itoa(len(r.Rows)), figureValue(row), e.t(r.Unit))
	if row.Share >= 0 {
		standing += " (" + e.f("%s of the world", percent(row.Share)) + ")"
	}
	return sentences(lead, standing+"."), true
}

// namedAheadOf names at most maxAheadNamed of total countries, counting the rest.
func (e *snap) namedAheadOf(names []string, total int) string {
	if total <= maxAheadNamed {
		return e.and(names)
	}
	return e.andMore(names[:maxAheadNamed], total)
}
