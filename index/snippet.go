package index

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2/analysis"
	"github.com/blevesearch/bleve/v2/mapping"

	"github.com/mineralbot/mineralbot/knowledge"
)

// A highlighter marks a query's words in the body of the few hits a search shows.
//
// Bleve can highlight during the search itself, but then it reads the word positions of
// every record that matches — thousands, for a common word in a large knowledge base — to
// show five. So the index stores neither bodies nor positions: the hits' bodies are
// rebuilt from the knowledge base, their words analyzed here as the index analyzed them, and
// the densest fragment is marked, of the English or the Spanish text.
type highlighter struct {
	en, es *analysis.DefaultAnalyzer
}

func newHighlighter(m mapping.IndexMapping) (*highlighter, error) {
	h := &highlighter{}
	for name, an := range map[string]**analysis.DefaultAnalyzer{anEnglish: &h.en, anSpanish: &h.es} {
		a, ok := m.AnalyzerNamed(name).(*analysis.DefaultAnalyzer)
		if !ok {
			return nil, fmt.Errorf("analyzer %s is not a plain analyzer", name)
		}
		*an = a
	}
	return h, nil
}

// terms are the words a snippet marks, analyzed as the body field's index holds them, and
// the prefix keys of those words (see prefixKey).
type terms struct {
	words map[string]bool
	keys  map[[3]rune]bool
	// initials are the keys' first letters, for the ASCII ones: most words of a text are
	// told apart from the query's by their first byte, without building their key.
	initials [utf8.RuneSelf]bool
}

// mayBe reports whether the word at the start of text may have one of the keys: false only
// when its first letter is ASCII and no key starts with it.
func (t *terms) mayBe(text string) bool {
	c := text[0]
	if c >= utf8.RuneSelf {
		return true
	}
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	if c == 'y' {
		c = 'i'
	}
	return t.initials[c]
}

// analyzer is the analyzer of the English or the Spanish text.
func (h *highlighter) analyzer(spanish bool) *analysis.DefaultAnalyzer {
	if spanish {
		return h.es
	}
	return h.en
}

// queryTerms returns a query's words and their synonyms, analyzed by an.
func queryTerms(an *analysis.DefaultAnalyzer, words []string, syn synonymMap) terms {
	out := terms{words: map[string]bool{}, keys: map[[3]rune]bool{}}
	add := func(text string) {
		for _, t := range an.Analyze([]byte(text)) {
			out.words[string(t.Term)] = true
			key := prefixKey(t.Term)
			out.keys[key] = true
			if key[0] < utf8.RuneSelf {
				out.initials[key[0]] = true
			}
		}
	}
	for _, w := range words {
		add(w)
		for _, s := range syn[knowledge.Normalize(w)] {
			add(s)
		}
	}
	return out
}

// mark returns the best fragment of body around the words in terms, each between Mark and
// EndMark, or "" when no word of body is one of them.
func mark(an *analysis.DefaultAnalyzer, body string, terms terms) string {
	// Analyzing a long record as the index did (Unicode segmentation, then stemming every
	// word) costs several times what the search did. So the words are found by a plain scan,
	// and only those whose prefix key is a query word's are analyzed. Tokens keep their
	// offsets in body: accent folding, which can change a word's length, is applied to each
	// word rather than to the whole text.
	var tokens analysis.TokenStream
	pos := 0
	eachWord(body, func(start, end int) {
		pos++
		if !terms.mayBe(body[start:end]) || !terms.keys[prefixKey(body[start:end])] {
			return
		}
		term := []byte(body[start:end])
		if !ascii(term) {
			for _, cf := range an.CharFilters {
				term = cf.Filter(term)
			}
		}
		tokens = append(tokens, &analysis.Token{Term: term, Start: start, End: end, Position: pos, Type: analysis.AlphaNumeric})
	})
	if len(tokens) == 0 {
		return ""
	}
	for _, tf := range an.TokenFilters {
		tokens = tf.Filter(tokens)
	}
	var locs []span
	for _, t := range tokens {
		if terms.words[string(t.Term)] {
			locs = append(locs, span{t.Start, t.End})
		}
	}
	if len(locs) == 0 {
		return ""
	}
	return fragment(body, locs)
}

// fragmentBytes is about how long a snippet is.
const fragmentBytes = 200

// A span is a word's byte offsets in a text.
type span struct{ start, end int }

// fragment returns the part of text, about fragmentBytes long, that holds the most of the
// words at locs (in order; the first such part on a tie) with those words centred, cut at
// word boundaries, on one line, each word between Mark and EndMark, and "…" where text goes
// on.
func fragment(text string, locs []span) string {
	best, n := 0, 0
	for i, j := 0, 0; i < len(locs); i++ {
		j = max(j, i)
		for j+1 < len(locs) && locs[j+1].end-locs[i].start <= fragmentBytes {
			j++
		}
		if j-i+1 > n {
			best, n = i, j-i+1
		}
	}
	first, last := locs[best], locs[best+n-1]
	pad := max(0, fragmentBytes-(last.end-first.start)) / 2
	start, end := first.start-pad, last.end+pad
	if start < 0 { // room left at the start goes to the end, and the other way round
		end, start = end-start, 0
	}
	if end > len(text) {
		start, end = max(0, start-(end-len(text))), len(text)
	}
	// Whole words only: a cut inside a word moves to the space after (at the start) or
	// before (at the end) it, never past a marked word.
	if start > 0 {
		if k := strings.IndexAny(text[start:first.start], " \n\t"); k >= 0 {
			start += k + 1
		} else {
			start = first.start
		}
	}
	if end < len(text) {
		if k := strings.LastIndexAny(text[last.end:end], " \n\t"); k >= 0 {
			end = last.end + k
		} else {
			end = last.end
		}
	}
	var b strings.Builder
	at := start
	for _, l := range locs {
		if l.start < start || l.end > end {
			continue
		}
		unmarked.WriteString(&b, text[at:l.start])
		b.WriteString(Mark)
		unmarked.WriteString(&b, text[l.start:l.end])
		b.WriteString(EndMark)
		at = l.end
	}
	unmarked.WriteString(&b, text[at:end])
	// One line: the records' hard-wrapped lines and paragraph breaks would break a chat
	// message's snippet in odd places.
	out := strings.Join(strings.Fields(b.String()), " ")
	if start > 0 {
		out = "…" + out
	}
	if end < len(text) {
		out += "…"
	}
	return out
}

// unmarked drops Mark and EndMark from a record's own text, where they would be taken
// for marks.
var unmarked = strings.NewReplacer(Mark, "", EndMark, "")

// prefixKey is a word's first three letters (or all, if fewer), lower-cased and with
// accents folded as the index folds them, and y read as i. Stemming changes a word's ending
// and keeps its start, but for a final y that becomes i ("battery" → "batteri"), so a word
// whose key no query word has is not one of them. The exceptions are a handful of irregular
// stems ("dying" → "die"): such a word is found by the search but not marked in the snippet.
func prefixKey[T string | []byte](word T) [3]rune {
	var key [3]rune
	if len(word) >= 3 && word[0] < utf8.RuneSelf && word[1] < utf8.RuneSelf && word[2] < utf8.RuneSelf {
		for i := range key {
			c := rune(word[i])
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if c == 'y' {
				c = 'i'
			}
			key[i] = c
		}
		return key
	}
	n := 0
	for _, r := range string(word) {
		if r = unicode.ToLower(foldRune(r)); r == 'y' {
			r = 'i'
		}
		key[n] = r
		if n++; n == len(key) {
			break
		}
	}
	return key
}

// foldRune folds the accented letters of Spanish and other Latin-script text to their base
// letter; prefixKey needs no more (a word whose key is wrong is only not marked).
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		return r
	}
	if f, ok := folds[r]; ok {
		return f
	}
	return r
}

var folds = func() map[rune]rune {
	m := map[rune]rune{}
	for base, accented := range map[rune]string{
		'a': "áàâäãåÁÀÂÄÃÅ", 'e': "éèêëÉÈÊË", 'i': "íìîïÍÌÎÏ", 'o': "óòôöõÓÒÔÖÕ",
		'u': "úùûüÚÙÛÜ", 'n': "ñÑ", 'c': "çÇ",
	} {
		for _, r := range accented {
			m[r] = base
		}
	}
	return m
}()

// eachWord calls fn with the byte offsets of each word of text, split as bleve's Unicode
// tokenizer splits prose: runs of letters, digits and marks, held together by an apostrophe
// or a full stop between letters ("don't", "U.S") and by a comma or full stop between digits
// ("1,000", "3.5").
func eachWord(text string, fn func(start, end int)) {
	start := -1
	var prev rune
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case r < utf8.RuneSelf && asciiWord[r] || r >= utf8.RuneSelf && isWordRune(r):
			if start < 0 {
				start = i
			}
		case start >= 0 && joins(prev, r, text[i+size:]):
		default:
			if start >= 0 {
				fn(start, i)
				start = -1
			}
		}
		prev = r
		i += size
	}
	if start >= 0 {
		fn(start, len(text))
	}
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range utf8.RuneSelf {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// joins reports whether r, between prev and the text after it, stays inside a word.
func joins(prev, r rune, after string) bool {
	if r != '\'' && r != '’' && r != '.' && r != ',' {
		return false
	}
	next, _ := utf8.DecodeRuneInString(after)
	letters := unicode.IsLetter(prev) && unicode.IsLetter(next)
	digits := unicode.IsDigit(prev) && unicode.IsDigit(next)
	switch r {
	case '.':
		return letters || digits
	case ',':
		return digits
	}
	return letters
}

func ascii(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
