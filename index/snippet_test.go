package index

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzFragment: whatever the text and whichever of its words are marked, a fragment is valid
// UTF-8, its marks pair up around whole words, and without marks and ellipses it is a part of
// the text.
func FuzzFragment(f *testing.F) {
	f.Add("Uses: rechargeable batteries for electric vehicles, in Bogotá and México.", 3)
	f.Add(strings.Repeat("antimony ", 60), 2)
	f.Add("ñandú-ñandú’s 1,000.5 U.S. dont'", 1)
	f.Add("", 1)
	f.Fuzz(func(t *testing.T, text string, every int) {
		if every <= 0 || !utf8.ValidString(text) {
			return
		}
		var locs []span
		n := 0
		eachWord(text, func(start, end int) {
			if n++; n%every == 0 {
				locs = append(locs, span{start, end})
			}
		})
		if len(locs) == 0 {
			return
		}
		got := fragment(text, locs)
		if !utf8.ValidString(got) {
			t.Fatalf("fragment(%q) = %q: not UTF-8", text, got)
		}
		if strings.Count(got, Mark) != strings.Count(got, EndMark) || !strings.Contains(got, Mark) {
			t.Fatalf("fragment(%q) = %q: marks do not pair up", text, got)
		}
		plain := strings.NewReplacer(Mark, "", EndMark, "").Replace(got)
		plain = strings.TrimSuffix(strings.TrimPrefix(plain, "…"), "…")
		if strings.ContainsAny(plain, "\n\t") {
			t.Fatalf("fragment(%q) = %q: not one line", text, got)
		}
		if !strings.Contains(strings.Join(strings.Fields(unmarked.Replace(text)), " "), plain) {
			t.Fatalf("fragment(%q) = %q: not a part of the text", text, got)
		}
	})
}

func TestEachWordSplitsAsProse(t *testing.T) {
	var got []string
	eachWord("U.S. imports don't fall: 1,000.5 t of neodymium-iron-boron, ‘niño’ 2025e.", func(s, e int) {
		got = append(got, "U.S. imports don't fall: 1,000.5 t of neodymium-iron-boron, ‘niño’ 2025e."[s:e])
	})
	want := []string{"U.S", "imports", "don't", "fall", "1,000.5", "t", "of", "neodymium", "iron", "boron", "niño", "2025e"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("words:\n got %q\nwant %q", got, want)
	}
}
