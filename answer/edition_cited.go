package answer

import "github.com/mineralbot/mineralbot/knowledge"

// editionCiteWords come before a source a figure is taken from: "según el USGS 2025",
// "according to USGS 2025", "per the USGS 2026", "de acuerdo con el USGS 2025".
var editionCiteWords = set("segun", "to", "per", "con", "from")

// editionListWords name a list: "según la lista del USGS 2025" cites the list, not an
// edition of the Mineral Commodity Summaries.
var editionListWords = set("list", "lists", "lista", "listas", "critical", "critico", "critica", "criticos", "criticas")

// citesUSGSEdition reports whether the year at norm[i] names the edition a figure is taken
// from: "la producción de zinc de México en 2024 según el USGS 2025" asks 2024's figure as
// the 2025 edition gave it, not the USGS 2025 critical minerals list.
func citesUSGSEdition(norm []string, i int) bool {
	if i < 2 || norm[i-1] != "usgs" {
		return false
	}
	switch knowledge.Edition(atoiOr0(norm[i])) {
	case knowledge.MCS2025, knowledge.MCS2026:
	default:
		return false
	}
	for _, w := range norm {
		if editionListWords[w] {
			return false
		}
	}
	j := i - 2
	if (norm[j] == "el" || norm[j] == "the" || norm[j] == "del") && j > 0 {
		j--
	}
	return editionCiteWords[norm[j]]
}

func atoiOr0(s string) int {
	n := 0
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0
		}
		n = n*10 + int(r-'0')
	}
	return n
}
