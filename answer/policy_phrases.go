package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper V: two words of a question side by side that stand side by side in an item's title
// or aliases name it more surely than each word alone: "ley minera" is the Mining Law reform
// (“Reforma a la Ley Minera”), not a Defense Production Act item whose Spanish title has
// "ley" and "minerales" apart. The words are stemmed as policyWords stems them, and only
// words a question's Terms keep (no stop word, three letters or more) pair up, so "ley de
// producción" pairs "ley" with "producción".

// addPhrases records each pair of adjacent kept words of a title or alias in w under "stem
// stem" (a key no single word has), at weight unless a heavier one is there.
func addPhrases(w map[string]int, text string, weight int) {
	prev := ""
	for _, x := range strings.Fields(knowledge.Normalize(text)) {
		if stopWords[x] || len(x) <= 2 {
			continue
		}
		x = stem(x)
		if prev != "" {
			k := prev + " " + x
			w[k] = max(w[k], weight)
		}
		prev = x
	}
}

// termPhrases are the keys addPhrases would give the question's adjacent terms.
func termPhrases(terms []string) []string {
	var out []string
	for i := 1; i < len(terms); i++ {
		out = append(out, stem(terms[i-1])+" "+stem(terms[i]))
	}
	return out
}

// phraseScore is what the question's phrases add to an item's score: as much as a word of
// its title for each phrase its titles or aliases hold. Phrases of its text are not
// recorded: "proclamaciones del 13 de julio" is no name of an item.
func phraseScore(words map[string]int, phrases []string) float64 {
	s := 0.0
	for _, k := range phrases {
		if words[k] == 2 {
			s += 1.5
		}
	}
	return s
}

// kindNames are words that name the kind of an item, where the kind is what the question
// asks for: "ley minera" asks for a law, before a statement about changing it. Helper V.
var kindNames = map[string]string{
	"law": "law", "laws": "law", "ley": "law", "leyes": "law",
	"ruling": "court-ruling", "rulings": "court-ruling", "fallo": "court-ruling", "sentencia": "court-ruling",
}

// askedKinds are the kinds of item the question's terms name.
func askedKinds(terms []string) []string {
	var out []string
	for _, w := range terms {
		if k, ok := kindNames[w]; ok {
			out = append(out, k)
		}
	}
	return out
}

// aliasDetail adds to the detail words asked (see detailSentence) the words of the alias that
// named the item, when they are not in its titles nor in its first sentence: "did Mexico
// change its mining law?" names Sheinbaum's remarks by the alias "change its mining law",
// and the sentence that rules out "changes to its mining law" answers it. Helper V.
func aliasDetail(p *knowledge.Policy, q Query, first map[string]bool, asked []string) []string {
	if len(q.PolicyWords) == 0 {
		return asked
	}
	title := map[string]bool{}
	for _, t := range []string{p.Title, p.TitleES} {
		for _, w := range strings.Fields(knowledge.Normalize(t)) {
			title[stem(w)] = true
		}
	}
	for _, w := range q.PolicyWords {
		if w = stem(w); len(w) > 2 && !stopWords[w] && !title[w] && !first[w] && !slices.Contains(asked, w) {
			asked = append(asked, w)
		}
	}
	return asked
}

// spanWords name a stretch of time an item sets ("the 60-day period"): words, never
// misspelt names ("period" is not "cerio"). Helper V.
var spanWords = set("period", "periods", "periodo", "periodos", "window", "timeframe", "term", "terms")
