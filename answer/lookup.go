package answer

import (
	"cmp"
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Option is a record offered by a picker as the user types.
type Option struct {
	Label string // the record's name in the asker's language, and the name that matched
	Ref   knowledge.Ref
}

// Lookup offers the records of a kind whose names or aliases match what a user has typed so
// far, best first: a name that starts with it, then a word of a name that does, then a name
// that contains it; when nothing does, the names within an edit or two ("antimny"). Names are
// compared accent- and case-folded, so "mexi", "méxi" and "MEX" find Mexico.
func (e *Engine) Lookup(typed string, kind knowledge.Kind, lang Lang, limit int) []Option {
	s := e.snapshot(lang)
	q := strings.Join(strings.Fields(knowledge.Normalize(strings.ReplaceAll(typed, "-", " "))), " ")
	type match struct {
		ref   knowledge.Ref
		rank  int    // 0 prefix, 1 word prefix, 2 substring, 3 spelling
		alias string // the name that matched, when the label does not show it
	}
	best := map[knowledge.Ref]match{}
	// better says whether name is a better match for a record than m: a better rank, then
	// the record's own name (no alias to show), then the shorter.
	better := func(name string, ref knowledge.Ref, rank int, m match) bool {
		if rank != m.rank {
			return rank < m.rank
		}
		title := knowledge.Normalize(s.title(ref))
		if own, mOwn := strings.Contains(title, name), strings.Contains(title, m.alias); own != mOwn {
			return own
		}
		return len(name) < len(m.alias)
	}
	consider := func(name string, ref knowledge.Ref, rank int) {
		if ref.Kind != kind {
			return
		}
		if m, ok := best[ref]; ok && !better(name, ref, rank, m) {
			return
		}
		best[ref] = match{ref: ref, rank: rank, alias: name}
	}
	if sym := strings.TrimSpace(typed); knowledge.SymbolCandidate(sym, 1) {
		if ref, ok := s.kb.Resolve(sym); ok {
			consider(sym, ref, 0) // "Sb"
		}
	}
	for name, en := range s.lex.known {
		switch {
		case q == "" || strings.HasPrefix(name, q):
			consider(name, en.ref, 0)
		case strings.Contains(" "+name, " "+q):
			consider(name, en.ref, 1)
		case len(q) >= 3 && strings.Contains(name, q):
			consider(name, en.ref, 2)
		}
	}
	if len(best) == 0 && len(q) >= 4 {
		for _, w := range s.lex.spell.nearest(q, limit) {
			if en, ok := s.lex.known[w]; ok {
				consider(w, en.ref, 3)
			}
		}
	}
	matches := make([]match, 0, len(best))
	for _, m := range best {
		matches = append(matches, m)
	}
	// The closest match first: by rank, then the shorter name matched ("plata" before
	// "platino"), then the label.
	slices.SortFunc(matches, func(a, b match) int {
		return cmp.Or(cmp.Compare(a.rank, b.rank), cmp.Compare(len(a.alias), len(b.alias)), strings.Compare(s.title(a.ref), s.title(b.ref)))
	})
	out := make([]Option, 0, min(limit, len(matches)))
	for _, m := range matches[:min(limit, len(matches))] {
		label := s.title(m.ref)
		if !strings.Contains(knowledge.Normalize(label), knowledge.Normalize(m.alias)) {
			label += " · " + m.alias
		}
		out = append(out, Option{Label: label, Ref: m.ref})
	}
	return out
}
