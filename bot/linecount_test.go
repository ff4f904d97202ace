package bot

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// lineCountByRegexp is lineCount as it was first written: the reference.
func lineCountByRegexp(s string) int {
	if s == "" {
		return 0
	}
	link := regexp.MustCompile(`<[^|>]*\|([^>]*)>`)
	n := 0
	for _, line := range strings.Split(link.ReplaceAllString(s, "$1"), "\n") {
		n += 1 + len([]rune(line))/100
	}
	return n
}

// FuzzLineCount: the one-pass count agrees with the reference on any valid text.
func FuzzLineCount(f *testing.F) {
	for _, s := range []string{"", "a", "\n", "*Antimony*\n<https://pubs.usgs.gov/x|USGS MCS 2026>, <!here|here>",
		strings.Repeat("é", 250) + "\n<a|" + strings.Repeat("b", 150) + "\nc>d", "<a<b|c>", "<|x>", "<a|>", "<<<|>>>", "x<y"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return // replies are built as valid UTF-8; the regexp could splice bytes into a rune
		}
		if got, want := lineCount(s), lineCountByRegexp(s); got != want {
			t.Fatalf("lineCount(%q) = %d, want %d", s, got, want)
		}
	})
}

// BenchmarkLineCount counts a reply-sized block with links, as every reply does for each of
// its blocks; the regexp version is alongside for comparison.
func BenchmarkLineCount(b *testing.B) {
	s := strings.Repeat("China accounted for 36% of world mine production of antimony in 2025e. ", 4) +
		"\n<https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-antimony.pdf|USGS MCS 2026>, <https://example.org|example>\n"
	b.Run("one-pass", func(b *testing.B) {
		for b.Loop() {
			lineCount(s)
		}
	})
	b.Run("regexp", func(b *testing.B) {
		for b.Loop() {
			lineCountByRegexp(s)
		}
	})
}
