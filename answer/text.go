package answer

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// barWidth is the width of a full (100%) bar in characters.
const barWidth = 24

// Bars draws a share chart as text, one line a row:
//
//	China     ██████████████▍ 60%
//
// It renders the same in a terminal and in Slack (inside a code block).
func Bars(bars []Bar) string {
	width := 0
	for _, b := range bars {
		width = max(width, len([]rune(b.Label)))
	}
	var sb strings.Builder
	for _, b := range bars {
		fmt.Fprintf(&sb, "%-*s %s %s\n", width, b.Label, bar(b.Share), percent(b.Share))
	}
	return sb.String()
}

var eighths = []string{"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"}

func bar(share float64) string {
	share = min(max(share, 0), 1)
	n := int(share*barWidth*8 + 0.5)
	s := strings.Repeat("█", n/8) + eighths[n%8]
	if s == "" && share > 0 {
		s = "▏"
	}
	return s
}

// WriteText renders an answer as plain text for a terminal.
func WriteText(w io.Writer, a *Answer) error {
	var b strings.Builder
	if a.Headline != "" && a.Headline != a.Title {
		b.WriteString(wrap(a.Headline, 80) + "\n\n")
	}
	b.WriteString(a.Title + "\n")
	if a.Subtitle != "" {
		b.WriteString(a.Subtitle + "\n")
	}
	l := a.Lang
	if len(a.DidYouMean) > 0 && a.Found() {
		b.WriteString("(" + l.Sprintf("Showing results for %s", strings.Join(a.DidYouMean, ", ")) + ")\n")
	}
	for _, s := range a.Sections {
		b.WriteString("\n")
		if s.Heading != "" {
			b.WriteString(s.Heading + "\n")
		}
		if s.Text != "" {
			b.WriteString(wrap(s.Text, 80) + "\n")
		}
		if len(s.Snippet) > 0 {
			b.WriteString(wrap(starred(s.Snippet), 80) + "\n")
		}
		for _, it := range s.Items {
			b.WriteString("  • " + it + "\n")
		}
		if len(s.Bars) > 0 {
			for _, line := range strings.Split(strings.TrimRight(Bars(s.Bars), "\n"), "\n") {
				b.WriteString("  " + line + "\n")
			}
		}
		for _, p := range s.Series {
			fmt.Fprintf(&b, "  %-7s %s\n", p.Label, strconv.FormatFloat(p.Value, 'f', -1, 64))
		}
		for _, f := range s.Facts {
			fmt.Fprintf(&b, "  %s: %s\n", f.Label, f.Value)
		}
		if s.Note != "" {
			b.WriteString(wrap("  "+s.Note, 80) + "\n")
		}
	}
	if len(a.DidYouMean) > 0 && !a.Found() {
		b.WriteString("\n" + l.Sprintf("Did you mean: %s?", strings.Join(a.DidYouMean, ", ")) + "\n")
	}
	if len(a.Related) > 0 && a.Intent == IntentMineral {
		var names []string
		for _, l := range a.Related {
			names = append(names, l.Title)
		}
		b.WriteString("\n" + l.Sprintf("See also: %s", strings.Join(names, "; ")) + "\n")
	}
	if len(a.Sources) > 0 {
		b.WriteString("\n" + l.T("Sources") + "\n")
		for _, s := range a.Sources {
			fmt.Fprintf(&b, "  - %s: %s\n", s.Edition, s.URL)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// starred shows a snippet's matched words in *stars*, for a terminal.
func starred(ss []Span) string {
	var b strings.Builder
	for _, s := range ss {
		if s.Match {
			b.WriteString("*" + s.Text + "*")
		} else {
			b.WriteString(s.Text)
		}
	}
	return b.String()
}

// wrap breaks text at spaces so no line is longer than width, keeping the first line's
// indentation for the rest.
func wrap(s string, width int) string {
	indent := s[:len(s)-len(strings.TrimLeft(s, " "))]
	var b strings.Builder
	n := 0
	for i, w := range strings.Fields(s) {
		if i > 0 && n+1+len([]rune(w)) > width {
			b.WriteString("\n" + indent)
			n = len(indent)
		} else if i > 0 {
			b.WriteByte(' ')
			n++
		} else {
			b.WriteString(indent)
			n = len(indent)
		}
		b.WriteString(w)
		n += len([]rune(w))
	}
	return b.String()
}
