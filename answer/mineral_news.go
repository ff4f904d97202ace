package answer

import (
	"slices"
	"strings"
)

// happenedFrames ask what happened with something: "what happened with germanium?", "¿qué
// pasó con el germanio?".
var happenedFrames = [][]string{
	strings.Fields("what happened with"), strings.Fields("what happened to"), strings.Fields("what has happened with"),
	strings.Fields("what has happened to"), strings.Fields("que paso con"), strings.Fields("que ha pasado con"),
	strings.Fields("que sucedio con"), strings.Fields("que ocurrio con"),
}

// happenedFiller are the words besides names such a question may hold: "¿qué pasó con el
// germanio en China últimamente?".
var happenedFiller = set("the", "el", "la", "los", "las", "lo", "in", "en", "de", "del", "of", "recently", "lately",
	"recientemente", "ultimamente", "this", "year", "este", "ano")

// asksMineralNews reports whether a question asks what happened with a mineral and nothing
// else: its latest news, the newest items on it, not whether one of them is still in force.
// "What happened with the germanium ban?" names an item (the ban), and asks its status.
func asksMineralNews(q Query, norm []string, used []bool) bool {
	if len(q.Minerals) == 0 || len(q.Policies) > 0 || len(q.Lists) > 0 || q.Year != 0 || q.Month != 0 {
		return false
	}
	for _, f := range happenedFrames {
		i := indexWords(norm, f)
		if i < 0 {
			continue
		}
		for j, w := range norm {
			if j >= i && j < i+len(f) {
				continue
			}
			if j < len(used) && used[j] || happenedFiller[w] {
				continue
			}
			return false
		}
		return true
	}
	return false
}

// indexWords is where the words f first occur in norm, in a row, or -1.
func indexWords(norm, f []string) int {
	for i := 0; i+len(f) <= len(norm); i++ {
		if slices.Equal(norm[i:i+len(f)], f) {
			return i
		}
	}
	return -1
}
