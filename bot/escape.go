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
	return strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "@"+wordJoiner, "@").Replace(s)
}

// esc escapes text for a mrkdwn or plain_text field, and defuses the words Slack may turn
// into mass mentions.
func esc(s string) string { return defuseMentions(mrkdwnEscaper.Replace(s)) }

// wordJoiner is an invisible character that keeps "@here" from being read as a mention.
const wordJoiner = "\u2060"

// massMentions are the words that notify a whole channel or workspace when Slack parses
// mentions in text (link_names, or mrkdwn that is not verbatim).
var massMentions = []string{"channel", "here", "everyone"}

// defuseMentions puts a word joiner after the "@" of @channel, @here and @everyone (in any
// case), so that text quoted from a user can never notify a channel.
func defuseMentions(s string) string {
	if !strings.Contains(s, "@") {
		return s
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(s, '@')
		if i < 0 {
			b.WriteString(s)
			return b.String()
		}
		b.WriteString(s[:i+1])
		s = s[i+1:]
		for _, w := range massMentions {
			if len(s) >= len(w) && strings.EqualFold(s[:len(w)], w) {
				b.WriteString(wordJoiner)
				break
			}
		}
	}
}

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
