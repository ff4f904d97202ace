package answer

import "slices"

// Helper P: words for a country's share of a market.

// marketShareES reads "cuota de mercado" ("market share") as the share it is: the "cuota"
// of a quota or a cut would otherwise take the question to the policy view ("cuota de
// mercado de México en barita" asks for Mexico's share of barite, not a quota).
func marketShareES(raw, norm []string) {
	for i := 0; i+2 < len(norm); i++ {
		if (norm[i] == "cuota" || norm[i] == "cuotas") && (norm[i+1] == "de" || norm[i+1] == "del") && norm[i+2] == "mercado" {
			raw[i], norm[i] = "participación", "participacion"
		}
	}
}

// exportCueWords are the words of "exports" that also cue policy (export controls): a
// question that names a country's exports to the United States with no other policy word
// asks what the U.S. imports from it ("mexico antimonio exportaciones a eeuu").
var exportCueWords = set("export", "exports", "exported", "exportaciones", "exportacion", "exporta", "exportan")

// policyCuedBesidesExports reports whether a word other than an export word cues policy.
func policyCuedBesidesExports(norm []string, used []bool) bool {
	for i, w := range norm {
		if !used[i] && !exportCueWords[w] && slices.Contains(cueMeasures[w], MeasurePolicy) {
			return true
		}
	}
	return false
}
