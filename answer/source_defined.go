package answer

import (
	"slices"
)

// Helper S: "what is the MCS?", "¿qué es el USGS?" ask about the source of the figures,
// which the about view describes; all their words are stop words, which read as a greeting.

// sourceNameWords make up the names of the figures' source.
var sourceNameWords = set("usgs", "mcs", "mineral", "commodity", "summaries", "summary", "u", "s", "geological", "survey",
	"servicio", "geologico", "de", "del", "los", "estados", "unidos", "eeuu", "ee", "uu", "the", "el", "la", "los", "las")

// definesSource reports whether a question asks what the figures' source is: a define frame
// ("what is", "qué es") followed by nothing but its name ("the USGS", "el MCS 2026").
func definesSource(norm []string) bool {
	for _, f := range defineFrames {
		if len(norm) <= len(f) || !slices.Equal(norm[:len(f)], f) {
			continue
		}
		rest := norm[len(f):]
		named := false
		for _, w := range rest {
			switch {
			case w == "usgs" || w == "mcs" || w == "summaries":
				named = true
			case sourceNameWords[w] || len(w) == 4 && isNumber(w):
			default:
				return false
			}
		}
		return named
	}
	return false
}
