package answer

import (
	"slices"
	"strings"
)

// demandWords ask for demand, or for demand against supply, which the USGS tables here do
// not give: "lithium demand growth", "crecimiento de la demanda de litio", "is there a
// lithium shortage?", "¿hay escasez de cobre?".
var demandWords = set("demand", "demanda", "demandas", "shortage", "shortages", "deficit", "deficits", "surplus", "oversupply",
	"glut", "escasez", "superavit", "sobreoferta", "faltante")

// demandNote says, before a production answer to a question about demand, that the tables
// give production, not demand: the figures that follow are the nearest the knowledge base
// has, not the ones asked for.
func (e *snap) demandNote(a *Answer, q Query) {
	if len(q.Minerals) == 0 || a.Headline == "" || !slices.ContainsFunc(q.Terms, func(w string) bool { return demandWords[w] }) {
		return
	}
	switch q.Measure {
	case MeasureChange, MeasureProduction, MeasureOverview, MeasureConcentration:
		a.Headline = sentences(e.t("The USGS tables in this knowledge base give production, not demand:"), afterColon(a.Headline))
	}
}

// afterColon lowers a sentence's first word after a colon when it is a common word ("World
// mine production…", "La producción…"), not a name ("Australia accounted…").
func afterColon(s string) string {
	first, _, _ := strings.Cut(s, " ")
	switch first {
	case "World", "The", "La", "El", "Las", "Los", "Of", "De": // Helper T: "Of the minerals on …"
		return strings.ToLower(s[:1]) + s[1:]
	}
	return s
}
