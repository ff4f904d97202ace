package answer

import (
	"strings"
	"unicode"

	"github.com/mineralbot/mineralbot/knowledge"
)

// typoLanguage tells a question's language from its misspelt record names and Spanish chat
// shorthand, when its words gave no sign either way: "fluorira" is "fluorita" one letter off,
// so Spanish; "antimoney" is English; "q produce mexico" writes "qué" as "q" (a word of its
// own: "Q3" is a quarter). Each word the parser does not know is read as the speller reads
// it, and the name it corrects to counts for the language that name exists in only.
func typoLanguage(sv *served, text string) (Lang, bool) {
	if sv == nil || sv.lex == nil || sv.lex.spell == nil {
		return "", false
	}
	es, en, lookups := 0, 0, 0
	for _, w := range strings.FieldsFunc(strings.ToLower(text), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		switch inES, inEN := esWords[w], enWords[w]; {
		case spanishShorthand[w]:
			es++
			continue
		case inES && !inEN:
			es++ // the word as split here: "what's" is "what" and "s"
			continue
		case inEN && !inES:
			en++
			continue
		}
		w = knowledge.Normalize(w)
		if w == "" || sv.lex.vocab[w] {
			continue
		}
		if lookups++; lookups > maxTypoLookups {
			break // a long text of unknown words costs no more than a question
		}
		c, ok := sv.lex.spell.correct(w)
		if !ok {
			if _, l, ok := verbTypo(w); ok && !sv.lex.prose[w] {
				// "restinge", "acordarn": a misspelt verb of one language (verb_typos.go).
				es, en = es+btoi(l == Spanish), en+btoi(l == English)
			}
			continue
		}
		if sv.names[c] == "" || sameDistanceOtherLanguage(sv, w, c) {
			continue
		}
		switch sv.names[c] {
		case Spanish:
			es++
		case English:
			en++
		}
	}
	return tally(es, en)
}

// maxTypoLookups bounds the words typoLanguage reads through the speller: it runs on every
// message whose words told no language, and a 400-word text of unknown words took 2.2 ms.
const maxTypoLookups = 8

// spanishShorthand are Spanish chat abbreviations: "q" (qué), "xq" and "pq" (por qué).
var spanishShorthand = set("q", "xq", "pq", "porq")

// sameDistanceOtherLanguage reports whether w, read as the name word c, is as close to a
// name of the same record in the other language: "antimoni" is one letter from "antimonio"
// and from "antimony", so it tells no language.
func sameDistanceOtherLanguage(sv *served, w, c string) bool {
	ref, ok := sv.lex.spell.refs[c]
	if !ok {
		return true
	}
	d := editDistance(w, c, len(w)+len(c))
	for _, n := range sv.kb.Names(ref) {
		for _, o := range strings.Fields(knowledge.Normalize(n)) {
			if l := sv.names[o]; l != "" && l != sv.names[c] && editDistance(w, o, len(w)+len(o)) <= d {
				return true
			}
		}
	}
	return false
}
