package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/index"
	"github.com/mineralbot/mineralbot/knowledge"
)

// mention is a record named in a question, at a word position.
type mention struct {
	ref knowledge.Ref
	pos int // index of its first word
}

// entities are the records a question names, in the order they appear.
type entities struct {
	minerals  []mention
	countries []mention
	policies  []mention
	rest      []string // the words that named nothing
}

// maxNameWords is the longest name or alias looked up as a phrase.
const maxNameWords = 5

// findEntities finds the minerals, countries and policies a question names: the longest
// phrases that are a name or alias, and element symbols written exactly.
func (e *snap) findEntities(text string) entities {
	raw := index.Words(text)
	words := make([]string, len(raw))
	for i, w := range raw {
		words[i] = knowledge.Normalize(w)
	}
	used := make([]bool, len(words))
	var ents entities
	for n := min(maxNameWords, len(words)); n >= 1; n-- {
		for i := 0; i+n <= len(words); i++ {
			if slices.Contains(used[i:i+n], true) {
				continue
			}
			phrase := strings.Join(words[i:i+n], " ")
			if n == 1 && len(phrase) < 3 && strings.ToUpper(raw[i]) != raw[i] {
				// Short lower-case words are not names ("de", "en"); symbols are checked below.
				continue
			}
			ref, ok := e.kb.ResolveInText(strings.Join(raw[i:i+n], " "))
			if !ok {
				continue
			}
			for j := i; j < i+n; j++ {
				used[j] = true
			}
			ents.add(ref, i)
		}
	}
	for i, w := range raw {
		if used[i] || !knowledge.SymbolCandidate(w, len(raw)) {
			continue
		}
		if ref, ok := e.kb.Resolve(w); ok && ref.Kind == knowledge.KindMineral {
			used[i] = true
			ents.add(ref, i)
		}
	}
	for i, w := range words {
		if !used[i] {
			ents.rest = append(ents.rest, w)
		}
	}
	byPos := func(a, b mention) int { return a.pos - b.pos }
	slices.SortFunc(ents.minerals, byPos)
	slices.SortFunc(ents.countries, byPos)
	slices.SortFunc(ents.policies, byPos)
	return ents
}

func (ents *entities) add(ref knowledge.Ref, pos int) {
	m := mention{ref: ref, pos: pos}
	switch ref.Kind {
	case knowledge.KindMineral:
		for _, x := range ents.minerals {
			if x.ref == ref {
				return
			}
		}
		ents.minerals = append(ents.minerals, m)
	case knowledge.KindCountry:
		for _, x := range ents.countries {
			if x.ref == ref {
				return
			}
		}
		ents.countries = append(ents.countries, m)
	case knowledge.KindPolicy:
		ents.policies = append(ents.policies, m)
	}
}
