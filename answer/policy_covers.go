package answer

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper P: what a named item covers ("what does the US-Mexico action plan cover?", "¿qué
// cubre el plan de acción?").

// coverWords ask what an item covers or includes.
var coverWords = set("cover", "covers", "covered", "include", "includes", "included", "contain", "contains",
	"cubre", "cubren", "abarca", "abarcan", "incluye", "incluyen", "contempla", "contemplan", "contiene", "contienen",
	"including", "incluido", "incluida", "incluidos", "incluidas") // "is antimony included?" (followup_policy.go)

// coverStems are how an item's text says what it covers: "It covers…", "Topics include…",
// "In scope are…", "El plan abarca…", "Entre los temas figuran…".
var coverStems = []string{"cover", "include", "topic", "scope", "abarca", "incluy", "incluid", "tema", "alcance", "comprend"}

// namedItemCovers is a named item's lead (its default headline) followed by the sentences of
// its text that say what it covers, as many as fit a headline of three sentences. ok is false
// when the question does not ask what the item covers, asks which minerals (the item's list
// answers that), names a mineral (namedItemSays answers that), or the text says nothing of
// what it covers.
func (e *snap) namedItemCovers(p *knowledge.Policy, q Query, lead string) (string, bool) {
	if q.Status || q.WhichMinerals || len(q.Minerals) > 0 || !slices.ContainsFunc(q.Terms, func(w string) bool { return coverWords[w] }) {
		return "", false
	}
	ss := sentencesOf(e.summary(p.Summary, p.SummaryES))
	if len(ss) < 2 {
		return "", false
	}
	head, n := lead, 1
	for _, s := range ss[1:] {
		low := strings.ToLower(s)
		if n == 3 || !slices.ContainsFunc(coverStems, func(st string) bool { return strings.Contains(low, st) }) ||
			strings.Contains(lead, strings.TrimSpace(s)) || utf8.RuneCountInString(head)+1+utf8.RuneCountInString(s) > maxHeadlineRunes {
			continue
		}
		head += " " + strings.TrimSpace(s)
		n++
	}
	if n == 1 {
		return "", false
	}
	return head, true
}
