package answer

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// The intents of questions about the knowledge base's own words and data.
const (
	IntentGlossary Intent = "glossary" // what a term means
	IntentAbout    Intent = "about"    // where the data comes from, and how new it is
)

// defineFrames open a question that asks what a phrase means, longest first; defineEnds
// close one ("what does NIR mean", "what does E stand for"). Words are normalized.
var (
	defineFrames = [][]string{
		strings.Fields("what is the difference between"), strings.Fields("whats the difference between"),
		strings.Fields("what s the difference between"), strings.Fields("cual es la diferencia entre"),
		strings.Fields("que diferencia hay entre"), strings.Fields("difference between"), strings.Fields("diferencia entre"),
		strings.Fields("what is the meaning of"), strings.Fields("what is meant by"), strings.Fields("what is"),
		strings.Fields("whats"), strings.Fields("what s"), strings.Fields("what are"), strings.Fields("what does"),
		strings.Fields("what do"), strings.Fields("definition of"), strings.Fields("meaning of"), strings.Fields("define"),
		strings.Fields("explain"), strings.Fields("que es"), strings.Fields("que son"), strings.Fields("que significa"),
		strings.Fields("que quiere decir"), strings.Fields("definicion de"), strings.Fields("significado de"),
		strings.Fields("explica"), strings.Fields("define"),
	}
	defineEnds = [][]string{
		strings.Fields("stand for"), strings.Fields("stands for"), strings.Fields("mean"), strings.Fields("means"),
		strings.Fields("refer to"), strings.Fields("significa"), strings.Fields("quiere decir"),
	}
	articles = set("a", "an", "the", "el", "la", "los", "las", "un", "una", "lo")
)

// sourcePhrases ask where the data comes from or which edition it is; a list may be named
// with them ("which edition of USGS"). freshPhrases ask how new the data is, and name no
// list ("is the USGS list up to date" asks about the list).
var (
	sourcePhrases = []string{
		"data come from", "data comes from", "your data", "your sources", "your source", "data source", "data sources",
		"which sources", "what sources", "where do you get", "which edition", "what edition", "which editions",
		"what editions", "vienen tus datos", "vienen los datos", "vienen sus datos", "de donde vienen", "de donde salen",
		"tus datos", "tus fuentes", "sus fuentes", "que fuentes", "cuales fuentes", "que edicion", "cual edicion",
		"que ediciones",
		// Helper U: "what year is this data for?", "is this the 2026 edition?".
		"this data", "these data", "this edition", "which mcs", "what mcs", "what year is this", "what year is the data",
		"how old is the data", "how old is this", "estos datos", "esta edicion", "que mcs",
	}
	freshPhrases = []string{
		"up to date", "last updated", "knowledge base updated", "when was it updated", "when was this updated",
		"when were you updated", "how current", "how recent is", "actualizada", "actualizado", "actualizo", "actualizaron",
		"actualizacion", "que tan reciente", "que tan actual",
	}
)

// explained turns a parsed question that asks what a glossary term means ("what does net
// import reliance mean?", "¿qué es el IHH?") or where the data comes from into the query
// that answers it. The whole phrase after the question's frame must be a term: "what is
// antimony" stays a mineral's card, and "what is the HHI of cobalt" its concentration. A
// term that is also an element's symbol is read as the term only when the question asks
// what it means: "what does W mean?" is the withheld mark, "what is W?" tungsten.
func (p *lexicon) explained(q Query, norm []string) Query {
	named := len(q.Minerals)+len(q.Countries)+len(q.Policies) > 0
	if t, meaning, ok := p.definedTerm(norm); ok && (!named || meaning) {
		return Query{Measure: MeasureGlossary, Term: t.ID}
	}
	if t, ok := p.policyTerm(q, norm); ok {
		// "what is section 301?": the law's definition, then its items (see glossaryView).
		return Query{Measure: MeasureGlossary, Term: t.ID, Policies: q.Policies}
	}
	if named {
		return q
	}
	if t, ok := p.kb.LookupTerm(strings.Join(norm, " ")); ok && (q.Measure == MeasureOverview || q.Measure == MeasurePrice) {
		// "price floors", "dpa": a term typed alone, as a mineral's name alone asks its card.
		// A term that cues a view of its own keeps it: "export controls" lists the items,
		// "hhi" ranks the concentration.
		return Query{Measure: MeasureGlossary, Term: t.ID}
	}
	if mq, ok := p.mcsAsked(q, norm); ok {
		return mq // Helper V: "when is the next MCS published?" (mcs_edition.go)
	}
	joined := " " + strings.Join(norm, " ") + " "
	has := func(ph string) bool { return strings.Contains(joined, " "+ph+" ") }
	if slices.ContainsFunc(sourcePhrases, has) || len(q.Lists) == 0 && slices.ContainsFunc(freshPhrases, has) || definesSource(norm) {
		return Query{Measure: MeasureAbout}
	}
	return q
}

// glossaryWords are the words of the glossary's terms and aliases: words the parser knows,
// never corrected to a name.
func glossaryWords(kb *knowledge.KB) []string {
	var out []string
	for _, t := range kb.Glossary {
		for _, n := range append([]string{t.Term, t.TermES}, t.Aliases...) {
			out = append(out, strings.Fields(knowledge.Normalize(strings.ReplaceAll(n, "-", " ")))...)
		}
	}
	return out
}

// definedTerm finds the glossary term a question of the form "what is X" asks about;
// meaning reports whether it asks what X means or stands for.
func (p *lexicon) definedTerm(norm []string) (t *knowledge.Term, meaning bool, ok bool) {
	// "What's HHI?" reads "what hhi": a possessive's "'s" is dropped (see Parse), as in
	// policyTerm.
	for _, f := range append(slices.Clone(defineFrames), []string{"what"}) {
		if len(norm) <= len(f) || !slices.Equal(norm[:len(f)], f) {
			continue
		}
		rest, meaning := norm[len(f):], false
		for _, end := range defineEnds {
			if len(rest) > len(end) && slices.Equal(rest[len(rest)-len(end):], end) {
				rest, meaning = rest[:len(rest)-len(end)], true
				break
			}
		}
		// "What are the critical minerals?" asks for the list, "what are critical
		// minerals?" what they are: an English plural keeps its article. Spanish names a
		// kind with its article: "¿qué son los minerales críticos?" asks what they are, and
		// "¿cuáles son los minerales críticos?" (no frame here) the list.
		plural := slices.Equal(f, []string{"what", "are"})
		for len(rest) > 1 && articles[rest[0]] && !plural {
			rest = rest[1:]
		}
		if len(f) == 1 && strings.HasSuffix(rest[len(rest)-1], "s") {
			continue // "what critical minerals?" asks which, not what one is
		}
		if t, ok := p.kb.LookupTerm(strings.Join(rest, " ")); ok {
			return t, meaning, true
		}
	}
	return nil, false, false
}

// policyTerm finds the glossary term a question of the form "what is X" or "what does X
// mean" asks about when X, the whole phrase after the frame, is a name of a policy item the
// question names rather than a term ("what is section 301?", "¿qué significa la sección
// 232?", "what is the CRMA?"): the one term whose definition opens by naming X, before its
// first "is" ("Section 301 of the Trade Act of 1974 is…", "The Critical Raw Materials Act
// (CRMA), Regulation (EU) 2024/1252, is…"). "Section 232" typed alone stays the item's card,
// and "what is the polysilicon tariff?" the item, as no definition opens with it.
func (p *lexicon) policyTerm(q Query, norm []string) (*knowledge.Term, bool) {
	if len(q.Policies) == 0 || len(q.Minerals)+len(q.Countries) > 0 {
		return nil, false
	}
	names := map[string]bool{} // the names of the items named, normalized
	for _, id := range q.Policies {
		if it, ok := p.kb.Policy(id); ok {
			for _, n := range append([]string{it.Title, it.TitleES}, it.Aliases...) {
				names[strings.Join(strings.Fields(knowledge.Normalize(strings.ReplaceAll(n, "-", " "))), " ")] = true
			}
		}
	}
	var phrase string
	// "What's the CRMA?" reads "what the crma": a possessive's "'s" is dropped (see Parse).
	for _, f := range append(slices.Clone(defineFrames), []string{"what"}) {
		if len(norm) <= len(f) || !slices.Equal(norm[:len(f)], f) {
			continue
		}
		rest := norm[len(f):]
		for _, end := range defineEnds {
			if len(rest) > len(end) && slices.Equal(rest[len(rest)-len(end):], end) {
				rest = rest[:len(rest)-len(end)]
				break
			}
		}
		for len(rest) > 1 && articles[rest[0]] {
			rest = rest[1:]
		}
		if names[strings.Join(rest, " ")] {
			phrase = " " + strings.Join(rest, " ") + " "
			break
		}
	}
	if phrase == "" {
		return nil, false
	}
	var found *knowledge.Term
	for _, t := range p.kb.Glossary {
		if subj := p.subjects[t]; !strings.Contains(subj[0], phrase) && !strings.Contains(subj[1], phrase) {
			continue
		}
		if found != nil {
			return nil, false // two terms open with it: neither is the one asked
		}
		found = t
	}
	return found, found != nil
}

// definitionSubject is what a definition's first sentence defines, normalized: its words
// before the first "is" or "are" ("es", "son").
func definitionSubject(def string) string {
	ss := sentencesOf(firstParagraph(def))
	if len(ss) == 0 {
		return ""
	}
	words := strings.Fields(knowledge.Normalize(strings.ReplaceAll(ss[0], "-", " ")))
	if i := slices.IndexFunc(words, func(w string) bool { return w == "is" || w == "are" || w == "es" || w == "son" }); i >= 0 {
		words = words[:i]
	}
	return strings.Join(words, " ")
}

// glossaryView answers what a term means: the headline is the definition's opening, the
// card the whole entry with its sources.
func (e *snap) glossaryView(_ context.Context, q Query) (*Answer, error) {
	t, ok := e.kb.Term(q.Term)
	if !ok {
		return nil, nil
	}
	def := e.summary(t.Definition, t.DefinitionES)
	a := &Answer{Intent: IntentGlossary, Title: t.Term, Headline: definitionLead(def)}
	if e.lang == Spanish {
		a.Title = t.TermES
	}
	a.Sections = append(a.Sections, Section{Text: def})
	if items := e.termItems(q); len(items) > 0 {
		a.Sections = append(a.Sections, e.termPolicies(items))
		for _, p := range items {
			a.Related = appendLink(a.Related, Link{Ref: knowledge.Ref{Kind: knowledge.KindPolicy, ID: p.ID}, Title: e.policyTitle(p)})
		}
	}
	for _, s := range knowledge.Preferred(t.Sources) {
		a.Sources = appendSource(a.Sources, s)
	}
	return a, nil
}

// termItems are the policy items a question about a term names ("what is section 232?"),
// and the newest of the items whose names contain one of theirs (every Section 232 item),
// five in all, newest first.
func (e *snap) termItems(q Query) []*knowledge.Policy {
	var named, family []*knowledge.Policy
	for _, p := range e.kb.Policies {
		switch {
		case slices.Contains(q.Policies, p.ID):
			named = append(named, p)
		case e.namedFamily(q, p):
			family = append(family, p)
		}
	}
	family = newestFirst(family)
	return newestFirst(append(named, family[:max(0, min(len(family), 5-len(named)))]...))
}

// termPolicies is the card's section of a term's items (termItems), dated, as a mineral's
// card lists its items.
func (e *snap) termPolicies(items []*knowledge.Policy) Section {
	s := Section{Heading: e.t("Policy")}
	for _, p := range items {
		s.Items = append(s.Items, e.lang.Date(p.Date)+": "+e.policyTitle(p)+e.endNote(p))
	}
	return s
}

// definitionLead is the first sentence of a definition, and the second too when the first
// is short.
func definitionLead(def string) string {
	ss := sentencesOf(firstParagraph(def))
	if len(ss) == 0 {
		return ""
	}
	if len(ss) > 1 && len(ss[0]) < 120 {
		return ss[0] + " " + ss[1]
	}
	return ss[0]
}

// aboutView says where the knowledge base's data comes from and how new it is, all of it
// read from the knowledge base: the USGS editions of its figures, the critical lists it
// holds, its dated policy items and when it was last updated.
func (e *snap) aboutView(_ context.Context, q Query) (*Answer, error) {
	if a := e.mcsView(q); a != nil && q.Term == mcsTerm {
		return a, nil // Helper V: the publication itself (mcs_edition.go)
	}
	kb := e.kb
	var eds []string
	for _, ed := range kb.Editions() {
		eds = append(eds, ed.String())
	}
	var lists []string
	var srcs []knowledge.Source
	for _, l := range knowledge.Lists {
		i := slices.IndexFunc(kb.ListEntries, func(en knowledge.ListEntry) bool { return en.List == l })
		if i < 0 {
			continue
		}
		lists = append(lists, e.listName(l))
		srcs = appendSource(srcs, kb.ListEntries[i].Source)
	}
	updated := e.lang.Date(e.kbUpdated())
	var ss []string
	if len(eds) > 0 {
		ss = append(ss, e.f("The figures come from the USGS Mineral Commodity Summaries, %s.", e.and(eds)))
	}
	if len(lists) > 0 {
		ss = append(ss, e.f("The critical lists held: %s.", strings.Join(lists, "; ")))
	}
	if n := len(kb.Policies); n > 0 {
		first, last := kb.Policies[0].Date, kb.Policies[n-1].Date
		ss = append(ss, e.f("The %s dated policy items run from %s to %s, and the knowledge base was updated %s.",
			strconv.Itoa(n), e.lang.Date(first), e.lang.Date(last), updated))
	} else {
		ss = append(ss, e.f("The knowledge base was updated %s.", updated))
	}
	a := &Answer{Intent: IntentAbout, Title: e.t("Where the data comes from"), Headline: strings.Join(ss, " ")}
	var facts []Fact
	if len(eds) > 0 {
		facts = append(facts, Fact{Label: e.t("USGS editions"), Value: strings.Join(eds, ", ")})
	}
	if len(lists) > 0 {
		facts = append(facts, Fact{Label: e.t("Critical lists"), Value: strings.Join(lists, "; ")})
	}
	facts = append(facts,
		Fact{Label: e.t("Figures"), Value: strconv.Itoa(kb.Figures())},
		Fact{Label: e.t("Policy items"), Value: strconv.Itoa(len(kb.Policies))},
		Fact{Label: e.t("Updated"), Value: updated})
	a.Sections = append(a.Sections, Section{Facts: facts,
		Note: e.t("Every figure names the USGS edition it comes from; answers use the newest edition that has it.")})
	a.Sources = srcs
	return a, nil
}
