package answer

import (
	"fmt"
	"strings"
	"unicode"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/message/catalog"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Lang is the language of an answer.
type Lang string

// The languages mineralbot answers in.
const (
	English Lang = "en"
	Spanish Lang = "es"
)

// ParseLang reads "en" or "es" (and locales such as "es-MX", "en_US"); ok is false for any
// other language.
func ParseLang(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	base, _, _ := strings.Cut(strings.ReplaceAll(s, "_", "-"), "-")
	switch base {
	case "en":
		return English, true
	case "es":
		return Spanish, true
	}
	return "", false
}

// catalogue holds the Spanish messages. Keys are the English format strings; a message
// with no Spanish entry is printed in English. Every argument is a %s of text formatted by
// this package: the printer would group the digits of a %d ("2.024").
var catalogue = func() *catalog.Builder {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for en, es := range spanishMessages {
		if err := b.SetString(language.Spanish, en, es); err != nil {
			panic(fmt.Sprintf("answer: Spanish message %q: %v", en, err))
		}
	}
	for en, es := range spanishTerms {
		if _, dup := spanishMessages[en]; !dup {
			if err := b.SetString(language.Spanish, en, es); err != nil {
				panic(fmt.Sprintf("answer: Spanish term %q: %v", en, err))
			}
		}
	}
	return b
}()

var printers = map[Lang]*message.Printer{
	English: message.NewPrinter(language.English, message.Catalog(catalogue)),
	Spanish: message.NewPrinter(language.Spanish, message.Catalog(catalogue)),
}

// Sprintf formats a catalogue message in the language: the English key, translated.
func (l Lang) Sprintf(format string, args ...any) string {
	if l != Spanish {
		// The keys are the English messages, and every argument is a %s: the printer would
		// give the same text, more slowly.
		return fmt.Sprintf(format, args...)
	}
	out := printers[Spanish].Sprintf(format, args...)
	if strings.Contains(out, " el ") {
		// "de el Reino Unido" is "del Reino Unido"; "a el", "al". A name that starts with
		// the article keeps it: "de El Salvador".
		out = strings.ReplaceAll(strings.ReplaceAll(out, " de el ", " del "), " a el ", " al ")
	}
	return out
}

// T translates a message without arguments (a label, a unit, a measure name). Text that is
// not a catalogue key comes back unchanged.
func (l Lang) T(s string) string {
	if l != Spanish || s == "" {
		return s
	}
	if es, ok := spanishMessages[s]; ok {
		return es
	}
	if es, ok := spanishTerms[s]; ok {
		return es
	}
	return s
}

var monthsES = [...]string{"ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"}

// Date formats a date for people: "4 Feb 2026" / "4 feb 2026", or only the month when only
// the month is known ("Aug 2024" / "ago 2024").
func (l Lang) Date(d knowledge.Date) string {
	if d.IsZero() || l != Spanish {
		return d.Human()
	}
	m := monthsES[d.Time.Month()-1]
	if d.Precision == knowledge.Month {
		return fmt.Sprintf("%s %d", m, d.Time.Year())
	}
	return fmt.Sprintf("%d %s %d", d.Time.Day(), m, d.Time.Year())
}

// Spanish and English words that tell the language of a short chat message. Only words
// that are not also common in the other language.
var (
	esWords = set("que", "qué", "quien", "quién", "quienes", "quiénes", "cual", "cuál", "cuales", "cuáles", "como", "cómo",
		"donde", "dónde", "cuanto", "cuánto", "cuanta", "cuánta", "produce", "producen", "productor", "productores",
		"el", "la", "los", "las", "del", "de", "en", "y", "es", "son", "esta", "está", "estan", "están", "para", "sirve", "sirven",
		"por", "con", "un", "una", "mayor", "mayores", "minerales", "mineral", "criticos", "críticos", "critico", "crítico",
		"lista", "listas", "reservas", "produccion", "producción", "importaciones", "dependencia", "política", "politica",
		"hay", "tiene", "tienen", "usos", "uso", "méxico", "eeuu", "ee.uu.", "ee.", "uu.", "estados", "unidos",
		"compara", "comparar", "ayuda", "precio", "hola", "gracias", "sobre", "pais", "país", "paises", "países", "se", "al",
		"acuerdo", "aranceles", "arancel", "exportaciones", "prohibición", "prohibicion", "nuevo", "nuevos", "desde",
		"cambio", "cambió", "entre", "contra", "más", "mas", "principal", "principales", "primero", "segundo", "quien",
		"dónde", "qué", "ha", "han", "fue", "fueron", "lo", "le", "su", "sus", "también", "tambien", "todavía", "todavia", "aún", "aun",
		"vigente", "vigor", "sigue", "buscar", "busca", "gráfica", "grafica", "politicas", "políticas",
		"presupuesto", "cuantos", "cuántos", "cuantas", "cuántas", "semana", "pasada", "vence", "ley", "minera", "mineria", "minería",
		"concesiones", "empresas", "exporta", "importa", "subio", "subió", "bajó", "cuota", "cuotas", "recorte", "inversion", "inversión",
		// Short questions typed without accents: "ultimas noticias seccion 232", "que paso",
		// "tierras raras china 2023 a 2025".
		"ultimas", "últimas", "ultimo", "último", "noticias", "paso", "pasó", "seccion", "sección", "tierras", "raras",
		"suprema", "corte", "organizo", "organizó", "cayo", "cayó", "borrador", "publico", "publicó", "precios", "minimos", "mínimos",
		"espato",
		// Helper S: unaccented lists, trade and price words ("materias primas estrategicas",
		// "cuanto cuesta el zinc", "usa depende de mexico").
		"materias", "primas", "estrategicas", "estrategicos", "estrategica", "fundamentales", "reserva", "depende", "dependen",
		"proveedor", "proveedores", "vende", "venden", "subieron", "bajaron", "cayeron", "accion", "acción", "mundo", "mundial",
		"cuesta", "vale", "costo", "costó") // "vs" and "versus" are written in both languages ("mexico vs peru plata")
	enWords = set("what", "who", "whom", "which", "where", "how", "why", "the", "of", "and", "is", "are", "does", "do",
		"produces", "produce", "producer", "producers", "production", "largest", "biggest", "top", "used", "uses", "use", "for",
		"in", "on", "list", "lists", "critical", "reserves", "imports", "import", "reliance", "policy", "policies", "about",
		"tell", "me", "show", "compare", "with", "price", "hello", "hi", "thanks", "country", "countries",
		"from", "to", "by", "any", "still", "more", "mines", "mined", "mining", "has", "have", "did", "was", "were", "it",
		"its", "or", "an", "much", "many", "supply", "risk", "changed", "change", "since", "between", "after",
		"second", "first", "help", "new", "added", "dropped", "removed", "status", "force", "ban", "tariffs", "export", "controls")
)

// detectLanguage tells whether a chat message is Spanish or English. ok is false when the
// text gives no sign either way (a bare symbol such as "Sb", a number, an ambiguous name):
// then the user's locale, or the configured default, decides.
//
// It weighs Spanish punctuation (¿ ¡), accented letters and ñ, function words of each
// language, and names that exist in one language only (names, from nameLanguages).
func detectLanguage(names map[string]Lang, text string) (Lang, bool) {
	if strings.ContainsAny(text, "¿¡") {
		return Spanish, true
	}
	es, en := 0, 0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '.' && r != '\''
	}) {
		w = strings.Trim(w, ".'")
		if w == "" {
			continue
		}
		if strings.ContainsAny(w, "ñáéíóú") {
			es += 2
		}
		switch inES, inEN := esWords[w], enWords[w]; {
		case inES && !inEN:
			es++
		case inEN && !inES:
			en++
		}
		switch names[knowledge.Normalize(w)] {
		case Spanish:
			es++
		case English:
			en++
		}
	}
	return tally(es, en)
}

// tally is the language with more votes, if either has more.
func tally(es, en int) (Lang, bool) {
	switch {
	case es > en:
		return Spanish, true
	case en > es:
		return English, true
	}
	return "", false
}

// nameLanguages maps each normalized one-word record name that exists in one language only
// to that language: "antimonio" is Spanish, "antimony" English; "zinc" and "mexico", the
// same in both, are left out.
func nameLanguages(kb *knowledge.KB) map[string]Lang {
	in := map[string][2]bool{} // [es, en]
	add := func(name string, lang int) {
		if n := knowledge.Normalize(name); n != "" && !strings.Contains(n, " ") {
			v := in[n]
			v[lang] = true
			in[n] = v
		}
	}
	for _, m := range kb.Minerals {
		add(m.NameES, 0)
		add(m.Name, 1)
		for _, a := range m.Aliases {
			// An ore's English "-ite" is Spanish "-ita": "celestita" (Helper R).
			if n := knowledge.Normalize(a); strings.HasSuffix(n, "ite") && !strings.Contains(n, " ") {
				add(strings.TrimSuffix(n, "e")+"a", 0)
			}
		}
	}
	for _, c := range kb.Countries {
		add(c.NameES, 0)
		add(c.Name, 1)
	}
	for _, en := range kb.ListEntries {
		// List items without a card: "helio" is Spanish, "helium" English.
		if en.Mineral == "" {
			add(Spanish.T(en.Item), 0)
			add(en.Item, 1)
		}
	}
	out := make(map[string]Lang, len(in))
	for n, v := range in {
		switch {
		case v[0] && !v[1]:
			out[n] = Spanish
		case v[1] && !v[0]:
			out[n] = English
		}
	}
	return out
}
