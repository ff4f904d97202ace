package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// speller corrects misspelt names word by word: "antimoney" → "antimony", "fluorpsar" →
// "fluorspar", "argentine" stays unless it is close to one name only. It is a symmetric-delete
// index (the idea behind SymSpell): every name word and its one- and two-letter deletions
// point back to the word, so a lookup is a handful of map reads, not a scan of every name.
type speller struct {
	words   map[string]bool          // the name words, normalized
	deletes map[string][]string      // a word with letters deleted → the name words it came from
	sorted  []string                 // the name words in order, for suggestions
	refs    map[string]knowledge.Ref // a name word → the first record whose name has it
	byStart map[string][]string      // the name words by their first two letters
}

// minCorrect is the shortest word the speller corrects; shorter ones are too easily another
// word ("tin" ↔ "tan").
const minCorrect = 4

func newSpeller(kb *knowledge.KB, vocab map[string]bool) *speller {
	s := &speller{words: map[string]bool{}, deletes: map[string][]string{}, refs: map[string]knowledge.Ref{}, byStart: map[string][]string{}}
	add := func(name string, r knowledge.Ref) {
		for _, w := range strings.Fields(knowledge.Normalize(name)) {
			if len(w) < minCorrect || s.words[w] || vocab[w] || strings.ContainsAny(w, "0123456789") {
				// A word with digits is a code or a number: one digit off names another
				// record, never a typo of this one.
				continue
			}
			s.words[w] = true
			s.refs[w] = r
			s.byStart[w[:2]] = append(s.byStart[w[:2]], w)
			s.sorted = append(s.sorted, w)
			forDeletions(w, maxEdits(w), func(d string) {
				// All of w's deletions come in one run, so a repeat of d for w is the last
				// word recorded: no scan of the list (which made the build quadratic).
				if l := s.deletes[d]; len(l) == 0 || l[len(l)-1] != w {
					s.deletes[d] = append(l, w)
				}
			})
		}
	}
	for _, m := range kb.Minerals {
		r := knowledge.Ref{Kind: knowledge.KindMineral, ID: m.ID}
		for _, n := range kb.Names(r) {
			add(n, r)
		}
	}
	for _, c := range kb.Countries {
		r := knowledge.Ref{Kind: knowledge.KindCountry, ID: c.ID}
		for _, n := range kb.Names(r) {
			add(n, r)
		}
	}
	slices.Sort(s.sorted)
	return s
}

// maxEdits is how many edits a word of this length may be away from the name it is read as.
func maxEdits(w string) int {
	if len(w) <= 5 {
		return 1
	}
	return 2
}

// forDeletions calls fn with w and every string made by deleting up to n of its letters
// (some more than once).
func forDeletions(w string, n int, fn func(string)) {
	fn(w)
	if n == 0 {
		return
	}
	for i := range len(w) {
		if i > 0 && w[i] == w[i-1] {
			continue // deleting either of two equal letters gives the same string
		}
		forDeletions(w[:i]+w[i+1:], n-1, fn)
	}
}

// correct returns the one name word closest to w within its edit budget. ok is false when w
// is a name word already, when nothing is close, or when two names are equally close.
func (s *speller) correct(w string) (string, bool) {
	if len(w) < minCorrect || s.words[w] {
		return "", false
	}
	// Most typos are one edit: look within one first, and within two only when that finds
	// nothing.
	if best, ok, found := s.closest(w, 1); found || maxEdits(w) == 1 {
		return best, ok
	}
	best, ok, _ := s.closest(w, maxEdits(w))
	return best, ok
}

// closest finds the name word within limit edits of w. found reports whether any was, and
// ok whether exactly one is closest.
func (s *speller) closest(w string, limit int) (string, bool, bool) {
	best, bestD, tie := "", limit+1, false
	forDeletions(w, limit, func(d string) {
		for _, cand := range s.deletes[d] {
			if cand == best {
				continue
			}
			dist := editDistance(w, cand, limit)
			if dist > limit {
				continue
			}
			switch {
			case dist < bestD:
				best, bestD, tie = cand, dist, false
			case dist == bestD && cand != best && s.refs[cand] == s.refs[best]:
				// Two names of one record ("antimony", "antimonio"): no tie.
			case dist == bestD && cand != best:
				// Prefer the name that keeps the first letter; otherwise it is a tie.
				if cand[0] == w[0] && best[0] != w[0] {
					best = cand
				} else if !(best[0] == w[0] && cand[0] != w[0]) {
					tie = true
				}
			}
		}
	})
	if bestD > limit {
		return "", false, false
	}
	if tie {
		return "", false, true
	}
	return best, true, true
}

// nearest returns up to n name words closest to w by edit distance, within max(2, len/3)
// edits, closest first: the suggestions for a word that named nothing. Candidates come from
// the deletion index (two edits), and for long words also from the names that start with w's
// first two letters (up to three edits): never a scan of every name, and no allocation per
// name scanned.
func (s *speller) nearest(w string, n int) []string {
	if len(w) < 3 {
		return nil
	}
	limit := max(2, len(w)/3)
	type scored struct {
		w string
		d int
	}
	var out []scored
	seen := map[string]bool{} // the deletion index's candidates, a handful
	forDeletions(w, 2, func(d string) {
		for _, cand := range s.deletes[d] {
			if seen[cand] {
				continue
			}
			seen[cand] = true
			if d := editDistance(w, cand, limit); d <= limit {
				out = append(out, scored{cand, d})
			}
		}
	})
	if limit > 2 {
		for _, cand := range s.byStart[w[:2]] {
			if seen[cand] {
				continue
			}
			if d := editDistance(w, cand, limit); d <= limit {
				out = append(out, scored{cand, d})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b scored) int {
		if a.d != b.d {
			return a.d - b.d
		}
		return strings.Compare(a.w, b.w)
	})
	var words []string
	for _, x := range out[:min(n, len(out))] {
		words = append(words, x.w)
	}
	return words
}

// editDistance is the optimal-string-alignment distance between a and b (insertions,
// deletions, substitutions and swaps of neighbours), or limit+1 once it exceeds limit.
func editDistance(a, b string, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	var buf [3][64]int
	if len(b)+1 > len(buf[0]) {
		return limit + 1
	}
	prev2, prev, cur := buf[0][:len(b)+1], buf[1][:len(b)+1], buf[2][:len(b)+1]
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], limit+1)
}
