package answer

import "slices"

// Helper AC: a head of state or government named for the country: "the Trump Xi summit",
// "¿qué acordaron Trump y Xi?". Only leaders the knowledge base does not name in its items'
// titles or aliases, whose names are no common word: Sheinbaum, Takaichi and Trump are
// matched through the items' text.
var leaderCountries = map[string]string{"xi": "china", "jinping": "china"}

// leadersNamed adds the countries of the leaders a question names, once each.
func leadersNamed(norm []string, used []bool, q *Query) {
	for i, w := range norm {
		c, ok := leaderCountries[w]
		if !ok || used[i] {
			continue
		}
		used[i] = true
		if !slices.Contains(q.Countries, c) {
			q.Countries = append(q.Countries, c)
		}
	}
}
