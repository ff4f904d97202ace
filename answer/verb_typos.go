package answer

// Misspelt question and policy verbs: "wat did teh us and china agre in 2025", "does
// indonesia restict nickel exports". The speller corrects names only; these are read from a
// small fixed vocabulary with the same caution: one edit, the first letter kept, never a
// word of the knowledge base's text or of either language's word lists. A few common typos
// of short function words ("teh", "wat") are read from a fixed table, never by distance.

// functionTypos are common typos of short function words, each read as one word only.
var functionTypos = map[string]string{"teh": "the", "hte": "the", "wat": "what", "waht": "what", "whta": "what", "wht": "what",
	"adn": "and", "whcih": "which", "wich": "which", "whihc": "which", "wihch": "which", "wehre": "where", "qeu": "que", "bna": "ban"}

// typoVerbs are the verbs (and their nouns) a misspelling is read as, English then Spanish,
// each form with the language it belongs to ("" for both).
var typoVerbs = []struct {
	w    string
	lang Lang
}{
	{"restrict", English}, {"restricts", English}, {"restricted", English}, {"restricting", English}, {"restriction", English},
	{"restrictions", English}, {"agree", English}, {"agreed", English}, {"agrees", English}, {"agreement", English},
	{"agreements", English}, {"signed", English}, {"signing", English}, {"banned", English}, {"banning", English},
	{"export", English}, {"exports", English}, {"exported", English}, {"import", English}, {"imports", English},
	{"imported", English}, {"produce", ""}, {"produces", English}, {"produced", English}, {"producing", English},
	{"production", English}, {"producer", English}, {"producers", English}, {"announce", English}, {"announced", English},
	{"suspend", English}, {"suspended", English}, {"suspends", English}, {"limit", English}, {"limits", English}, {"limited", English},
	{"tariff", English}, {"tariffs", English}, {"control", English}, {"controls", English}, {"controlled", English},
	{"happened", English}, {"impose", English}, {"imposed", English}, {"lifted", English},
	{"restringe", Spanish}, {"restringen", Spanish}, {"restringio", Spanish}, {"restriccion", Spanish},
	{"restricciones", Spanish}, {"prohibe", Spanish}, {"prohiben", Spanish}, {"prohibio", Spanish}, {"exporta", Spanish},
	{"exportan", Spanish}, {"exportaciones", Spanish}, {"importa", Spanish}, {"importan", Spanish}, {"producen", Spanish},
	{"produjo", Spanish}, {"firmaron", Spanish}, {"acordaron", Spanish}, {"acuerdo", Spanish}, {"acuerdos", Spanish},
	{"limita", Spanish}, {"limitan", Spanish}, {"arancel", Spanish}, {"aranceles", Spanish},
	// Helper S: the figures' nouns ("reserbas", b for v, "dependensia").
	{"reserves", English}, {"reservas", Spanish}, {"precio", Spanish}, {"precios", Spanish}, {"produccion", Spanish},
	{"dependencia", Spanish}, {"importaciones", Spanish},
}

// verbTypo reads w as the one verb of typoVerbs it is a typo of, or a word of
// functionTypos, if any; lang is the verb's language, or "" when it is either's. A word of
// four letters is read only as a five-letter verb missing a letter ("agre"); shorter words
// only from functionTypos.
func verbTypo(w string) (to string, lang Lang, ok bool) {
	if f, ok := functionTypos[w]; ok {
		return f, "", true
	}
	if len(w) < 4 || enWords[w] || esWords[w] {
		return "", "", false
	}
	if notVerbTypos[w] {
		return "", "", false
	}
	best := -1
	for i, v := range typoVerbs {
		if v.w == w {
			return "", "", false // a verb spelt right
		}
		if v.w[0] != w[0] || len(w) == 4 && len(v.w) != 5 || editDistance(w, v.w, 1) > 1 ||
			len(w) < 7 && len(w) >= len(v.w) && !swapped(w, v.w) {
			// Short words are read only as a letter left out or two swapped ("restict",
			// "improt"): a letter changed or added makes another word too often ("expert").
			continue
		}
		if best >= 0 && !sameStem(typoVerbs[best].w, v.w) {
			return "", "", false // "export…" or "expert…": two verbs as close
		}
		if best < 0 {
			best = i
		}
	}
	if best < 0 {
		return "", "", false
	}
	return typoVerbs[best].w, typoVerbs[best].lang, true
}

// sameStem reports whether two verbs' forms share their first five letters: "agree",
// "agreed" are one verb.
func sameStem(a, b string) bool {
	n := min(5, len(a), len(b))
	return a[:n] == b[:n]
}

// btoi is 1 for true, 0 for false.
func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// notVerbTypos are words one edit from a verb of typoVerbs that are words of their own.
var notVerbTypos = set("exporter", "exporters", "importer", "importers", "expert", "experts", "importe", "agreeing",
	"controller", "controllers", "producto", "productos", "limite", "limites", "acuerda", "acuerdan")

// swapped reports whether a and b differ only by two neighbouring letters swapped.
func swapped(a, b string) bool {
	if len(a) != len(b) {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}
