package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper Q: defense-analyst and EU-policy questions — the list a question names, what a
// country dominates on it, and the figures the knowledge base does not hold.

// askedList is the critical list a question names other than the 2025 U.S. one ("which EU
// strategic raw materials…"), or the 2025 U.S. list when it names none or that one.
func askedList(q Query) knowledge.List {
	if slices.Contains(q.Lists, knowledge.USGS2025) {
		return knowledge.USGS2025
	}
	for _, l := range q.Lists {
		return l
	}
	return knowledge.USGS2025
}

// notProducedOnAsked answers "which critical minerals does the US produce none of?" on the
// list the question names: criticalNotProduced for the U.S. list, the same reading of the
// tables for another ("which EU strategic raw materials does the US not produce?").
func (e *snap) notProducedOnAsked(c *knowledge.Country, st []knowledge.Standing, q Query) string {
	l := askedList(q)
	if l == knowledge.USGS2025 {
		return e.criticalNotProduced(c, st)
	}
	none, withheld := e.notProducedOn(c, st, l)
	out := e.f("The USGS tables this knowledge base holds show no production in %s of %s minerals on the %s: %s.", e.countryAfterIn(c.ID), itoa(len(none)), e.listName(l), e.and(none))
	if len(none) == 0 {
		out = e.f("The USGS tables this knowledge base holds show production in %s of every mineral on the %s they cover.", e.countryAfterIn(c.ID), e.listName(l))
	}
	if len(withheld) > 0 {
		out = sentences(out, e.f("USGS withholds the figures for %s more, to avoid disclosing company data: %s.", itoa(len(withheld)), e.and(withheld)))
	}
	return out
}

// dominatedNamed caps the minerals a "which … does China dominate?" headline names.
const dominatedNamed = 8

// dominatedOnAsked answers "which EU strategic raw materials does China dominate?" and "how
// many of the critical minerals does China dominate?": the minerals of the list named where
// the country is the world's largest producer in the newest table, with its share, largest
// first, and how many of them it has more than half of world output in. "" when the
// question names no list (the country's standings answer it).
func (e *snap) dominatedOnAsked(c *knowledge.Country, st []knowledge.Standing, q Query) string {
	if len(q.Lists) == 0 && !hasCue(q, MeasureLists) {
		return ""
	}
	l := askedList(q)
	half := 0
	names := e.placedMinerals(st, func(x knowledge.Standing, m *knowledge.Mineral) string {
		if x.Share.Rank != 1 || !e.on(m, l) {
			return ""
		}
		name := strings.ToLower(e.mineralName(m))
		if x.Share.Share >= 0 {
			name += " (" + percent(x.Share.Share) + ")"
		}
		if x.Share.Share > 0.5 {
			half++
		}
		return name
	})
	if len(names) == 0 {
		return e.f("%s is not the world's largest producer of any mineral on the %s, by the USGS tables this knowledge base holds.", e.countrySubject(c.ID), e.listName(l))
	}
	if len(names) == 1 {
		return e.f("%s is the world's largest producer of one mineral on the %s (USGS MCS, newest edition of each table): %s.", e.countrySubject(c.ID), e.listName(l), names[0])
	}
	out := e.f("%s is the world's largest producer of %s minerals on the %s (USGS MCS, newest edition of each table): %s.",
		e.countrySubject(c.ID), itoa(len(names)), e.listName(l), e.andMore(names[:min(dominatedNamed, len(names))], len(names)))
	if half > 0 {
		out = sentences(out, e.f("It has more than half of world output in %s of them.", itoa(half)))
	}
	return out
}

// gapWords ask for figures the knowledge base does not hold: stockpile inventories and
// supply lead times ("does the US have a tungsten stockpile?", "lead time for gallium").
var gapWords = set("stockpile", "stockpiles", "stockpiled", "stockpiling", "inventory", "inventories",
	"leadtime", "leadtimes", "existencias", "inventario", "inventarios", "acopio")

// gapNote says, before a figures answer to a question about stockpiles or lead times, that
// the knowledge base holds neither, and that what follows is what it does hold; a yes or no
// verdict on some other figure ("No — production is zero") is dropped, since it does not
// answer the question asked.
func (e *snap) gapNote(a *Answer, q Query) {
	if len(q.Minerals) == 0 || a.Headline == "" {
		return
	}
	if !slices.ContainsFunc(q.Terms, func(w string) bool { return gapWords[w] }) && !stockpileTerms(q.Terms) {
		return
	}
	switch q.Measure {
	case MeasureChange, MeasureProduction, MeasureOverview, MeasureConcentration, MeasureReliance, MeasureImportSources, MeasureReserves:
	default:
		return
	}
	h := a.Headline
	for _, p := range []string{"Yes — ", "No — ", "Sí — "} {
		h = strings.TrimPrefix(h, p)
	}
	note := e.t("This knowledge base holds no stockpile inventories or supply lead times; what it has is USGS production, reserves, U.S. import and price figures:")
	a.Headline = sentences(note, afterColon(h))
}

// termIn finds the glossary term whose name or alias, of two words or more, a question
// holds ("price floors for critical minerals", "price floor US EU") when nothing else
// answered it: the term's definition is the nearest answer the knowledge base has. Words
// are compared without a plural "s"; the longest name held wins, then the first written.
// The names are prepared once per load (indexGlossaryNames): preparing them here was most of
// a not-found answer's time (100 µs of 190).
func (e *snap) termIn(question string) *knowledge.Term {
	q := glossaryPhrase(question)
	var best *knowledge.Term
	bestWords, bestAt := 0, 0
	for _, n := range e.glossaryNames {
		// The longest name held wins, then the one written first.
		if at := strings.Index(q, n.phrase); at >= 0 && (n.words > bestWords || n.words == bestWords && at < bestAt) {
			best, bestWords, bestAt = n.term, n.words, at
		}
	}
	return best
}

// glossaryName is a glossary term's name or alias of two words or more, as termIn compares
// it.
type glossaryName struct {
	term   *knowledge.Term
	phrase string // glossaryPhrase of the name
	words  int
}

// indexGlossaryNames prepares the names termIn looks for, in the glossary's order.
func indexGlossaryNames(kb *knowledge.KB) []glossaryName {
	var out []glossaryName
	for _, t := range kb.Glossary {
		for _, n := range append([]string{t.Term, t.TermES}, t.Aliases...) {
			p := glossaryPhrase(n)
			if words := strings.Count(p, " ") - 1; words >= 2 {
				out = append(out, glossaryName{t, p, words})
			}
		}
	}
	return out
}

// glossaryPhrase is text as termIn compares it: normalized words, hyphens as spaces, a
// plural "s" dropped from words of four letters or more, with a space at each end.
func glossaryPhrase(s string) string {
	ws := strings.Fields(knowledge.Normalize(strings.ReplaceAll(s, "-", " ")))
	for i, w := range ws {
		if len(w) > 3 {
			ws[i] = strings.TrimSuffix(w, "s")
		}
	}
	return " " + strings.Join(ws, " ") + " "
}

// euImportNote says, before a U.S. trade answer to a question about the European Union's
// imports ("EU dependence on China for magnesium", "how dependent is the EU on China for
// rare earths?"), that the trade tables cover U.S. imports only: the parser reads "EU" as
// the EU list, and the figures that follow are the U.S.'s. A question that names a list
// ("is gallium on the EU critical list?") is left alone.
func (e *snap) euImportNote(a *Answer, q Query) {
	if a.Headline == "" || q.Measure != MeasureReliance && q.Measure != MeasureImportSources || q.Importer != "" {
		return
	}
	eu := slices.ContainsFunc(q.Lists, func(l knowledge.List) bool { return l != knowledge.USGS2025 && l != knowledge.USGS2022 })
	listed := hasCue(q, MeasureLists) || slices.ContainsFunc(q.Terms, func(w string) bool { return w == "list" || w == "lists" || w == "lista" || w == "listas" })
	if !eu || listed && (slices.Contains(q.Countries, "united-states") || len(q.Countries) == 0) {
		// Helper T: a list named beside the U.S. ("US reliance on EU strategic raw materials")
		// or beside no country is the minerals asked about; beside another country ("which
		// critical minerals does the EU import from China?") the EU is the importer.
		return
	}
	// The notice and the U.S. answer's first two sentences: a headline holds three at most.
	us := sentencesOf(a.Headline)
	a.Headline = sentences(e.f("The knowledge base's trade tables cover U.S. imports only: they hold no figures on the imports or import reliance of %s.", e.t("the European Union")),
		e.t("What they hold for the U.S.:"), afterColon(strings.Join(us[:min(2, len(us))], " ")))
}
