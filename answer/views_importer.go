package answer

import (
	"context"
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Another country's imports: "how dependent is Mexico on the US?", "what does China import
// from the US?", "¿qué importa China de EE. UU.?". The trade tables (import sources and net
// import reliance) cover U.S. imports only; the answer says so, and gives what they hold that
// is closest: what the U.S. imports from that country.

// subjectBefore are the words a country asked about as an importer follows: an auxiliary
// ("how dependent is Mexico", "what does China import") or, in Spanish, the verb it follows
// ("¿cuánto depende México…?", "¿qué importa China…?").
var subjectBefore = set("is", "does", "do", "did", "are", "was", "has", "have", "will", "would", "es", "esta", "era", "fue",
	"importa", "importan", "depende", "dependen", "compra", "compran")

// fromWords put what follows as the country imported from or relied on: "on the US", "from
// the US".
var fromWords = set("on", "upon", "from")

// importingWords say a country imports or relies on imports.
var importingWords = set("import", "imports", "imported", "importing", "importer", "importers", "depend", "depends", "dependent",
	"dependence", "reliant", "rely", "relies", "reliance", "importa", "importan", "importaciones", "depende", "dependen",
	"dependiente", "dependencia", "importador")

// supplyWords ask where imports come from, which are the U.S.'s: "is China the largest source
// of gallium imports?".
var supplyWords = set("source", "sources", "supplier", "suppliers", "supplies", "supply", "provider", "providers", "origin",
	"fuente", "fuentes", "proveedor", "proveedores", "origen")

// countryAt is a country a question names, and the word it starts at.
type countryAt struct {
	id       string
	pos, end int // the words of its name: norm[pos:end]
}

// countriesAt finds the countries among the words that named something, in order.
func (p *lexicon) countriesAt(norm []string, used []bool) []countryAt {
	var out []countryAt
	for i := 0; i < len(norm); i++ {
		if !used[i] {
			continue
		}
		for n := min(maxNameWords, len(norm)-i); n >= 1; n-- {
			if slices.Contains(used[i:i+n], false) {
				continue
			}
			if name, ok := p.known[strings.Join(norm[i:i+n], " ")]; ok && name.ref.Kind == knowledge.KindCountry {
				out = append(out, countryAt{name.ref.ID, i, i + n})
				i += n - 1
				break
			}
		}
	}
	return out
}

// wordBefore is the word before the i-th, articles skipped, and where it is (-1 for none).
func wordBefore(norm []string, i int) (string, int) {
	for j := i - 1; j >= 0; j-- {
		switch norm[j] {
		case "the", "el", "la", "los", "las":
			continue
		}
		return norm[j], j
	}
	return "", -1
}

// foreignImporter is the country, other than the U.S., a question asks the imports or import
// reliance of: named as the subject ("how dependent is Mexico on the US?", "what does China
// import from the US?", "¿qué tan dependiente es México de EE. UU.?"), with the U.S., if named,
// as what it imports from or relies on. "" for a question about U.S. imports ("how
// dependent is the US on China?", "what does the US import from Mexico?", "is China the
// largest source of US gallium imports?").
func (p *lexicon) foreignImporter(norm []string, used []bool, q *Query) string {
	if q.Measure != MeasureReliance && q.Measure != MeasureImportSources || len(q.Policies) > 0 || hasAny(norm, supplyWords) {
		return ""
	}
	cs := p.countriesAt(norm, used)
	i := slices.IndexFunc(cs, func(c countryAt) bool { return c.id != "united-states" })
	if i < 0 {
		return ""
	}
	c := cs[i]
	us := slices.IndexFunc(cs, func(c countryAt) bool { return c.id == "united-states" })
	switch w, _ := wordBefore(norm, c.pos); {
	case c.pos > 0 && !subjectBefore[w]:
		return ""
	case c.pos == 0 && (c.end == len(norm) || !importingWords[norm[c.end]]):
		// "Mexico depends on the US", "China's imports from the US"; "china gallium imports"
		// is terse for U.S. imports of gallium from China.
		return ""
	case c.pos == 0 && us < 0 && (norm[c.end] == "imports" || norm[c.end] == "import"):
		// "China imports", with no U.S. named, is as terse for U.S. imports from China.
		return ""
	}
	if us < 0 {
		if !hasAny(norm, importingWords) {
			return ""
		}
		return c.id
	}
	if cs[us].pos < c.pos {
		return ""
	}
	switch w, j := wordBefore(norm, cs[us].pos); {
	case fromWords[w]:
		return c.id
	case (w == "de" || w == "del" || w == "desde") && j > 0 && (j == c.end || subjectBefore[norm[j-1]]):
		// "¿… México de EE. UU.?", "¿… depende de EE. UU.?"; not "¿… las importaciones de
		// EE. UU.?".
		return c.id
	}
	return ""
}

// foreignImports answers a question about another country's imports: the trade tables cover
// U.S. imports only, and the closest they hold is what the U.S. imports from that country.
func (e *snap) foreignImports(ctx context.Context, q Query) (*Answer, error) {
	c := q.Importer
	notice := e.f("The knowledge base's trade tables cover U.S. imports only: they hold no figures on the imports or import reliance of %s.", e.countryAfterIn(c))
	q.Importer = ""
	q.Countries = []string{"united-states", c}
	v := views[q.Measure]
	if v == nil {
		return &Answer{Intent: IntentCountry, Title: e.t("U.S. imports only"), Headline: notice}, nil
	}
	a, err := v(e, ctx, q)
	if err != nil || a == nil {
		return &Answer{Intent: IntentCountry, Title: e.t("U.S. imports only"), Headline: notice}, err
	}
	a.Headline = sentences(notice, e.t("The closest they hold is the other way round:"), a.Headline)
	return a, nil
}
