package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Who draws up the critical minerals list, and how often: "who decides the US critical
// minerals list?", "how often is the list updated?", "when will the next USGS list come
// out?", "¿quién decide la lista de minerales críticos?". The glossary's entry on critical
// minerals answers: the law that asks USGS for the list, and how often USGS reviews it. The
// date of the next list is not a forecast the bot makes; the review cycle is what it knows.

// ListProcess values.
const (
	processWho  = "who"
	processWhen = "when"
)

// listProcessOf is what a question asks about how the list is made: processWho, processWhen
// or "". The question must name a list.
func listProcessOf(norm []string) string {
	joined := " " + strings.Join(norm, " ") + " "
	has := func(ph string) bool { return strings.Contains(joined, " "+ph+" ") }
	if !slices.ContainsFunc(norm, func(w string) bool { return w == "list" || w == "lists" || w == "lista" || w == "listas" }) {
		return ""
	}
	who := has("who") || has("quien") || has("quienes") || has("which agency") || has("que agencia")
	if who && slices.ContainsFunc(norm, func(w string) bool { return decideWords[w] }) {
		return processWho
	}
	// "When is the list updated?", "when will it come out?": the cycle. "When was the draft
	// list released?" asks a date the lists' views give.
	past := has("was") || has("were") || has("fue") || has("draft") || has("borrador") || has("added") || has("dropped") || has("removed")
	when := has("how often") || has("cada cuanto") || has("con que frecuencia") || has("next") || has("proxima") ||
		(has("when") || has("cuando")) && slices.ContainsFunc(norm, func(w string) bool { return reviewWords[w] })
	if when && !past {
		return processWhen
	}
	return ""
}

// decideWords make a list: "who decides the list", "¿quién elabora la lista?".
var decideWords = set("decides", "decide", "decided", "makes", "make", "made", "chooses", "choose", "picks", "publishes", "publish",
	"sets", "draws", "determines", "compiles", "maintains", "writes", "elabora", "hace", "publica", "define", "determina", "elige",
	"decidio", "responsible", "responsable")

// reviewWords say a list is renewed: "when is the list updated?".
var reviewWords = set("update", "updated", "updates", "review", "reviewed", "revised", "come", "out", "published", "released",
	"actualiza", "actualizada", "revisa", "revisada", "publica", "publicara", "sale")

// listProcess answers who makes the list or how often it is renewed, from the glossary's
// entry on critical minerals: its first sentence (the law, the agency) and its second (the
// review cycle). Nil when the question asks neither, or the glossary lacks the entry.
func (e *snap) listProcess(q Query) *Answer {
	if q.ListProcess == "" || len(q.Minerals) > 0 {
		return nil
	}
	t, ok := e.kb.Term("critical-mineral")
	if !ok {
		return nil
	}
	ss := sentencesOf(firstParagraph(e.summary(t.Definition, t.DefinitionES)))
	if len(ss) < 2 {
		return nil
	}
	a := &Answer{Intent: IntentGlossary, Title: t.Term, Headline: sentences(ss[0], ss[1])}
	if e.lang == Spanish {
		a.Title = t.TermES
	}
	if q.ListProcess == processWhen {
		a.Headline = ss[1] // "USGS reviews the list at least every three years; …"
	}
	a.Sections = append(a.Sections, Section{Text: e.summary(t.Definition, t.DefinitionES)})
	for _, s := range knowledge.Preferred(t.Sources) {
		a.Sources = appendSource(a.Sources, s)
	}
	return a
}
