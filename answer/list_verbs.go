package answer

import (
	"strings"
	"unicode"
)

// spanishListVerbs read "salieron de la lista" and "entraron a la lista" as the list verbs
// the parser knows: what left a list was removed ("quitaron"), what entered it was added
// ("agregaron"). Only before a list: "¿cuándo entró en vigor?" and "¿qué salió en la
// edición 2026?" keep their verbs.
func spanishListVerbs(raw, norm []string) {
	for i, w := range norm {
		to, ok := spanishListMoves[w]
		if !ok {
			continue
		}
		// The list follows within three words: "de la lista", "a las listas", "la lista"
		// ("dejaron la lista").
		for j := i + 1; j < len(norm) && j <= i+3; j++ {
			if norm[j] == "lista" || norm[j] == "listas" {
				raw[i], norm[i] = to, to
				break
			}
			if !listMoveJoiners[norm[j]] {
				break
			}
		}
	}
}

// spanishListMoves are verbs of leaving and entering, and the list verb each reads as.
var spanishListMoves = map[string]string{
	"salieron": "quitaron", "salio": "quitaron", "dejaron": "quitaron", "dejo": "quitaron", "salen": "quitaron", "sale": "quitaron",
	"entraron": "agregaron", "entro": "agregaron", "ingresaron": "agregaron", "ingreso": "agregaron", "entran": "agregaron",
	"entra": "agregaron", "ingresan": "agregaron",
}

// listMoveJoiners are the words between such a verb and "lista".
var listMoveJoiners = set("de", "a", "en", "la", "las", "del", "al")

// articleCopula reports whether a Spanish question opens with an article, a noun and a
// copula: "la plata es crítica para la UE?", "el cobre es crítico?" (typed without "¿").
func articleCopula(norm []string) bool {
	return len(norm) > 3 && spanishArticles[norm[0]] && copulas[norm[2]]
}

// spanishArticles are the Spanish definite articles.
var spanishArticles = set("el", "la", "los", "las")

// agreeES makes a Spanish adjective ending in -o agree with a noun, by the noun's article:
// "galio metálico", "plata metálica", "tierras raras metálicas".
func agreeES(noun, adj string) string {
	base, ok := strings.CutSuffix(adj, "o")
	if !ok {
		return adj
	}
	switch spanishArticle(noun) {
	case "la":
		return base + "a"
	case "las":
		return base + "as"
	case "los":
		return base + "os"
	}
	return adj
}

// spanishSellWords say that one country sells to another, as exports do: "¿qué le vende
// México a EE. UU.?", "¿qué minerales le compra EE. UU. a México?".
var spanishSellWords = set("vende", "venden", "vendio", "vendieron", "compra", "compran", "compro", "compraron")

// inlineForm is a price's form as it reads inside a Spanish sentence, in parentheses: its
// first letter in lower case ("productor de EE.UU., cátodo"), unless it opens an acronym
// ("COMEX"). English forms are left as they are.
func (e *snap) inlineForm(form string) string {
	if e.lang != Spanish {
		return form
	}
	r := []rune(form)
	if len(r) > 1 && unicode.IsUpper(r[0]) && !unicode.IsUpper(r[1]) {
		r[0] = unicode.ToLower(r[0])
	}
	return string(r)
}

// afterColon is a sentence as it reads after a colon: in Spanish a leading article goes to
// lower case ("…está muy concentrada: la República Democrática del Congo aportó…"); names
// keep their capitals.
func (e *snap) afterColon(s string) string {
	if e.lang != Spanish {
		return s
	}
	for _, a := range []string{"La ", "El ", "Los ", "Las "} {
		if rest, ok := strings.CutPrefix(s, a); ok {
			return strings.ToLower(a) + rest
		}
	}
	return s
}

// usgsEdition reports whether "USGS" names the publisher of an edition or its figures, not
// its list: "¿qué cambió en la edición 2026 del USGS?", "biggest changes for Mexico in the
// new USGS edition", "what changed in the latest USGS data" name no list.
func usgsEdition(has func(string) bool) bool {
	publication := false
	for _, w := range []string{"edition", "editions", "edicion", "ediciones", "data", "datos", "figures", "cifras",
		"numbers", "numeros", "tables", "tablas", "mcs", "summaries", "summary", "report", "informe"} {
		publication = publication || has(w)
	}
	for _, w := range []string{"list", "lists", "lista", "listas", "critico", "criticos"} {
		if has(w) {
			return false
		}
	}
	return publication
}
