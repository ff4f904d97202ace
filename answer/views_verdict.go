package answer

import "strings"

// plainVerdict leaves out the "Yes — " or "No — " a list change's headline opens with when
// the question asked no yes/no: "when was nickel added to the list?" is answered with what
// the lists say, not with "No".
func plainVerdict(q Query, headline string) string {
	if q.YesNo {
		return headline
	}
	for _, v := range []string{"Yes — ", "No — ", "Sí — "} {
		if rest, ok := strings.CutPrefix(headline, v); ok {
			return capitalize(rest)
		}
	}
	return headline
}
