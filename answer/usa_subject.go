package answer

// Helper S: a bare "usa" beside a verb of trade is the country, not Spanish "uses".

// usaSubject reports whether a lower-case "usa" at norm[i] is the subject or object of a
// verb of trade next to it: "¿de dónde saca usa el antimonio?", "usa depende de México",
// "¿cuánto zinc importa usa?". Spanish "usa" (uses) never follows or precedes another
// finite verb.
func usaSubject(norm []string, i int) bool {
	return i > 0 && (getVerbs[norm[i-1]] || usaVerbs[norm[i-1]]) || i+1 < len(norm) && (getVerbs[norm[i+1]] || usaVerbs[norm[i+1]])
}

// usaVerbs are verbs of trade and need, beside getVerbs, whose subject a bare "usa" is.
var usaVerbs = set("depende", "dependio", "importo", "exporta", "exporto", "necesita", "consume", "produce", "produjo")
