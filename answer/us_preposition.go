package answer

import (
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// usPrepositions are the words after which a lower-case "us" is the country only when a
// figure follows it, directly or after a mineral's name: "how important is mexico for us
// fluorspar supply", "exports to us lithium markets"; "what does it mean for us" and "sell
// to us" stay the pronoun. (Helper W)
var usPrepositions = set("for", "to", "into", "in", "on", "from")

// usBeforeFigure reports whether the "us" at i stands before a figure ("us imports") or a
// mineral's name and then a figure ("us fluorspar supply").
func (p *lexicon) usBeforeFigure(norm []string, i int) bool {
	if i+1 >= len(norm) {
		return false
	}
	if usNouns[norm[i+1]] {
		return true
	}
	for n := min(maxNameWords, len(norm)-i-1, p.starts[firstWord(norm[i+1])]); n >= 1; n-- {
		if name, ok := p.known[strings.Join(norm[i+1:i+1+n], " ")]; ok && name.ref.Kind == knowledge.KindMineral {
			j := i + 1 + n
			return j < len(norm) && usNouns[norm[j]]
		}
	}
	return false
}
