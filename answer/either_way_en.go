package answer

import "strings"

// englishEitherWay ask which way a figure went, not whether it did: "is lithium production
// going up or down?" gets the change, with no "yes" or "no" (the English twin of
// spanishEitherWay).
var englishEitherWay = newPhrases("up or down", "down or up", "rising or falling", "falling or rising",
	"rise or fall", "fall or rise", "rose or fell", "fell or rose", "increasing or decreasing",
	"decreasing or increasing", "increase or decrease", "decrease or increase", "increased or decreased",
	"decreased or increased", "growing or shrinking", "grow or shrink", "higher or lower", "lower or higher",
	"gone up or down", "went up or down")

// eitherWayAsked reports whether a question asks which way a figure went, in English or
// Spanish: "rising or falling", "¿aumentó o disminuyó?".
func eitherWayAsked(has func(string) bool) bool {
	for _, set := range []phrases{englishEitherWay, spanishEitherWay} {
		for first, rests := range set {
			for _, rest := range rests {
				if has(strings.TrimSpace(first + " " + rest)) {
					return true
				}
			}
		}
	}
	return false
}
