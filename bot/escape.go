package bot

import (
	"strings"
	"unicode/utf8"
)

// mrkdwnEscaper replaces the three characters Slack's mrkdwn gives meaning to. With them
// escaped, user text cannot form <!channel>, <!here>, <@U…> mentions or <url|label> links.
var mrkdwnEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// unesc reverses esc, for text that comes back from Slack (a button's value).
func unesc(s string) string {
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&").Replace(s)
}

// esc escapes text for a mrkdwn or plain_text field.
func esc(s string) string { return mrkdwnEscaper.Replace(s) }

// truncate cuts s to at most n bytes on a rune boundary, ending with "…" when cut.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n - len("…")
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}

// truncateRunes cuts s to at most n characters, as Slack counts them.
func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
