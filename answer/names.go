package answer

import (
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// t translates a catalogue message without arguments into the answer's language.
func (e *snap) t(s string) string { return e.lang.T(s) }

// f formats a catalogue message in the answer's language.
func (e *snap) f(format string, args ...any) string { return e.lang.Sprintf(format, args...) }

// mineralName is the mineral's name in the answer's language.
func (e *snap) mineralName(m *knowledge.Mineral) string {
	if e.lang == Spanish && m.NameES != "" {
		return m.NameES
	}
	return m.Name
}

// subject is a mineral's name as a sentence's subject: "lithium"; in Spanish with the article
// a name takes there ("el litio", "la plata", "las tierras raras").
func (e *snap) subject(m *knowledge.Mineral) string {
	return e.withArticle(strings.ToLower(e.mineralName(m)))
}

// withArticle puts the Spanish article before a lower-case name ("la plata"); English names
// of minerals take none.
func (e *snap) withArticle(name string) string {
	if e.lang != Spanish {
		return name
	}
	return spanishArticle(name) + " " + name
}

// ofName is a lower-case name where a sentence puts it after "of": bare in English
// ("lithium"); in Spanish after "de" with its article, "de el" contracted ("del litio", "de
// la plata"), so the Spanish message leaves "de" out.
func (e *snap) ofName(name string) string {
	if e.lang != Spanish {
		return name
	}
	if spanishArticle(name) == "el" {
		return "del " + name
	}
	return "de " + e.withArticle(name)
}

// spanishArticle is the definite article of a Spanish noun phrase, by how its first word
// ends: "las tierras raras", "los metales del grupo del platino", "la plata", "el litio", "el
// níquel". The knowledge base's names follow the rule; none is an exception such as "el día".
func spanishArticle(name string) string {
	first, _, _ := strings.Cut(name, " ")
	switch {
	case strings.HasSuffix(first, "as"):
		return "las"
	case strings.HasSuffix(first, "os") || strings.HasSuffix(first, "es"):
		return "los"
	case strings.HasSuffix(first, "a"):
		return "la"
	}
	return "el"
}

// otherName is the mineral's name in the other language, shown beside the first.
func (e *snap) otherName(m *knowledge.Mineral) string {
	if e.lang == Spanish {
		return m.Name
	}
	return m.NameES
}

// countryName is a country's name in the answer's language.
func (e *snap) countryName(id string) string {
	if c, ok := e.kb.Country(id); ok && e.lang == Spanish && c.NameES != "" {
		return c.NameES
	}
	return e.kb.CountryName(id)
}

// verdict opens a yes/no question's answer with its verdict: "Yes — …", "No — …".
func (e *snap) verdict(yes bool, headline string) string {
	// "Yes — in Mexico, mine production…", "Sí — la dependencia…": a sentence's first word
	// goes lower case after the verdict, unless it is a name.
	if first, rest, ok := strings.Cut(headline, " "); ok && commonOpeners[first] {
		headline = strings.ToLower(first) + " " + rest
	}
	if yes {
		return e.f("Yes — %s", headline)
	}
	return e.f("No — %s", headline)
}

// commonOpeners are the words a headline may begin with that are not names.
var commonOpeners = set("In", "En", "World", "La", "El", "Los", "Las", "The", "Supply", // Helper U: "Supply"
	// Helper AC: policy items' first sentences, which now lead undated ("Yes — on 4 February 2026, …").
	"On", "A", "An", "At", "From", "Following", "Starting", "Two", "Un", "Una", "Dos", "Desde", "Tras",
	"Until", "Taking", "Ended", "Due", "Hasta", "Entra", "Terminó", "Debía")

// countryAfterIn is a country's name after "in": "in the United States", "in the
// Philippines", "in Mexico". Spanish names take the article usage gives them ("en el Reino
// Unido", "en los Países Bajos"; "en Estados Unidos" without); Sprintf contracts "de el" to
// "del".
func (e *snap) countryAfterIn(id string) string {
	name := e.countryName(id)
	if e.lang == Spanish {
		for _, a := range spanishCountryArticles {
			if strings.HasPrefix(name, a.prefix) {
				return a.article + " " + name
			}
		}
		return name
	}
	if e.lang == English && (strings.HasPrefix(name, "United ") || strings.HasSuffix(name, " Republic") ||
		name == "Philippines" || name == "Netherlands" || name == "Bahamas") {
		return "the " + name
	}
	return name
}

// countrySubject is a country's name opening a sentence: "The United States ranked…",
// "El Reino Unido no está…".
func (e *snap) countrySubject(id string) string { return capitalize(e.countryAfterIn(id)) }

// spanishCountryArticles are the Spanish country names that usage gives an article.
var spanishCountryArticles = []struct{ prefix, article string }{
	{"Reino Unido", "el"}, {"Países Bajos", "los"}, {"Emiratos Árabes", "los"}, {"República ", "la"},
}

// countryNames is countries' names joined, as they read after a preposition: "Mexico and
// the United Kingdom".
func (e *snap) countryNames(ids []string) string {
	names := make([]string, len(ids))
	for i, c := range ids {
		names[i] = e.countryAfterIn(c)
	}
	return e.and(names)
}

// policyTitle is a policy item's title in the answer's language.
func (e *snap) policyTitle(p *knowledge.Policy) string {
	if e.lang == Spanish && p.TitleES != "" {
		return p.TitleES
	}
	return p.Title
}

// jurisdiction names a policy's countries in the answer's language.
func (e *snap) jurisdiction(p *knowledge.Policy) string {
	if e.lang != Spanish || len(p.Countries) == 0 {
		return p.Jurisdiction
	}
	names := make([]string, len(p.Countries))
	for i, id := range p.Countries {
		names[i] = e.countryName(id)
	}
	return strings.Join(names, "; ")
}

// summary picks a record's prose in the answer's language.
func (e *snap) summary(en, es string) string {
	if e.lang == Spanish && es != "" {
		return es
	}
	return en
}

// uses are a mineral's uses in the answer's language.
func (e *snap) uses(m *knowledge.Mineral) []string {
	if e.lang == Spanish && len(m.UsesES) > 0 {
		return m.UsesES
	}
	return m.Uses
}

// title is a record's title in the answer's language.
func (e *snap) title(r knowledge.Ref) string {
	switch r.Kind {
	case knowledge.KindMineral:
		if m, ok := e.kb.Mineral(r.ID); ok {
			return e.mineralName(m)
		}
	case knowledge.KindCountry:
		return e.countryName(r.ID)
	case knowledge.KindPolicy:
		if p, ok := e.kb.Policy(r.ID); ok {
			return e.policyTitle(p)
		}
	}
	return e.kb.Title(r)
}

// measure is a table measure's name for people, in the answer's language.
func (e *snap) measure(m string) string { return e.t(knowledge.MeasureLabel(m)) }

// snippet is a search hit's text in the answer's language. The index quotes the text in the
// language asked for, where the words matched; a Spanish answer whose words matched only
// the English text (or a name) shows the start of the record's Spanish text instead.
func (e *snap) snippet(h SearchHit) []Span {
	if e.lang != Spanish || len(h.Snippet) > 0 {
		return h.Snippet
	}
	text := ""
	switch h.Ref.Kind {
	case knowledge.KindMineral:
		if m, ok := e.kb.Mineral(h.Ref.ID); ok && m.SummaryES != "" {
			text = e.sentence(m.SummaryES)
		}
	case knowledge.KindPolicy:
		if p, ok := e.kb.Policy(h.Ref.ID); ok && p.SummaryES != "" {
			text = e.sentence(p.SummaryES)
		}
	case knowledge.KindCountry:
		if c, ok := e.kb.Country(h.Ref.ID); ok && c.Profile != nil && c.Profile.SummaryES != "" {
			text = e.sentence(c.Profile.SummaryES)
		}
	}
	if text == "" {
		return nil
	}
	return []Span{{Text: text}}
}

// firstSentence is the first sentence of a record's prose.
func firstSentence(md string) string {
	p := firstParagraph(md)
	return p[:sentenceEnd(p)]
}

// sentenceEnd is where the first sentence of text ends (len(text) when it is one).
func sentenceEnd(text string) int {
	for from := 0; ; {
		i := strings.Index(text[from:], ". ")
		if i < 0 {
			return len(text)
		}
		i += from
		if !abbreviation(text[:i]) {
			return i + 1
		}
		from = i + 2
	}
}

// sentencesOf splits a record's prose into its sentences.
func sentencesOf(md string) []string {
	text := strings.Join(strings.Fields(md), " ")
	var out []string
	for text != "" {
		n := sentenceEnd(text)
		out = append(out, text[:n])
		text = strings.TrimSpace(text[n:])
	}
	return out
}

// abbreviation reports whether text ends in an abbreviation whose dot ends no sentence:
// "Announcement No", "U.S", "e.g".
func abbreviation(text string) bool {
	word := text[strings.LastIndexAny(text, " (")+1:]
	switch word {
	case "No", "Nos", "no", "núm", "Núm", "Art", "art", "St", "vs", "Mr", "Ms", "Dr", "Inc", "Ltd", "Co", "approx":
		return true
	}
	return strings.Contains(word, ".") // "U.S", "e.g", "EE.UU"
}
