package answer

import (
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// stageNames are the stages a "no such table" note is given for, as the answer names them.
var stageNames = map[string]string{"refinery": "refinery production", "smelter": "smelter production"}

// stageMissing says that the stage a question names has no table for a mineral, and what
// the figures that answer are instead: "who are the biggest cobalt refiners?" is answered
// with mine production, and says so first.
func (e *snap) stageMissing(m *knowledge.Mineral, r knowledge.Ranking, q Query) string {
	name, ok := stageNames[q.Stage]
	if !ok || strings.Contains(r.Measure, q.Stage) || stageMeasure(e.kb.Measures(m.ID), q) != "" {
		return ""
	}
	return e.f("The USGS tables in this knowledge base give no %s of %s by country; these figures are %s.",
		e.t(name), strings.ToLower(e.mineralName(m)), strings.ToLower(e.measure(r.Measure)))
}

// stageNoted puts stageMissing's note before a country's standing in a mineral: "does China
// refine cobalt?" has no refinery table to say yes or no from, so the verdict the mine
// figure gave is not known.
func (e *snap) stageNoted(m *knowledge.Mineral, r knowledge.Ranking, q Query, headline string) string {
	note := e.stageMissing(m, r, q)
	if note == "" {
		return headline
	}
	headline = sentences(note, plainVerdict(Query{}, headline))
	if q.YesNo {
		return e.f("Not known — %s", lowerFirstWord(headline))
	}
	return headline
}

// lowerFirstWord lowers a sentence's first letter after a verdict, "The USGS tables…" →
// "the USGS tables…".
func lowerFirstWord(s string) string {
	if strings.HasPrefix(s, "The ") || strings.HasPrefix(s, "Las ") {
		return strings.ToLower(s[:1]) + s[1:]
	}
	return s
}

// besidesReserves names the largest holders of a mineral's reserves other than one country:
// "rare earth reserves outside China" → "Besides China, the largest rare-earth elements
// reserves are Brazil's (25%), …".
func (e *snap) besidesReserves(r knowledge.Ranking, name string, besides []string) string {
	var parts []string
	for _, row := range r.Rows {
		if leftOut(besides, row.Country) {
			continue
		}
		p := e.countryAfterIn(row.Country) + " (" + e.amount(row, r.Unit)
		if row.Share >= 0 {
			p += ", " + percent(row.Share)
		}
		if parts = append(parts, p+")"); len(parts) == 3 {
			break
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return e.f("Besides %s, the largest %s reserves are held by %s (%s).", e.besidesNames(besides), name, e.and(parts), source(r.Edition))
}
