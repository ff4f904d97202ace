package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Whether a mineral is used for something that is no sector: "is lithium used in ceramics?",
// "¿se usa el antimonio en municiones?". A sector has its own answer (usedIn); anything else
// is looked for in the uses the mineral's record lists. Found, the verdict is yes and the use
// is quoted; not found, the headline says the record lists no such use, not that there is
// none, and gives the main ones it lists.

// useVerdict opens a yes/no question on a mineral's uses with what its record says, when the
// question names something besides the use words and the mineral.
func (e *snap) useVerdict(a *Answer, q Query) {
	if a == nil || !q.YesNo || q.Measure != MeasureUses || len(q.Minerals) != 1 || a.Intent != IntentUses || q.UseShare {
		return
	}
	if _, ok := sectorAsked(q); ok {
		return // usedIn answered it
	}
	m, ok := e.kb.Mineral(q.Minerals[0])
	if !ok || len(m.Uses) == 0 {
		return
	}
	if _, ok := namedEndUse(e.kb.EndUsesOf(m.ID), q.Terms); ok {
		// "is antimony used in flame retardants?": the U.S. end-use share the headline
		// opens with says yes.
		a.Headline = e.verdict(true, a.Headline)
		return
	}
	var asked []string
	for _, w := range q.Terms {
		if !slices.Contains(cueMeasures[w], MeasureUses) && !useQuestionWords[w] && len(w) > 3 {
			asked = append(asked, w)
		}
	}
	if len(asked) == 0 {
		return
	}
	uses := e.uses(m)
	for i, u := range uses {
		words := strings.Fields(strings.ToLower(knowledge.Normalize(u)))
		if slices.ContainsFunc(asked, func(w string) bool {
			return slices.ContainsFunc(words, func(uw string) bool { return stem(uw) == stem(w) })
		}) {
			a.Headline = e.verdict(true, e.f("the record of %s lists this use: %s.", e.ofName(strings.ToLower(e.mineralName(m))), lowerAll(uses[i : i+1])[0]))
			return
		}
	}
	a.Headline = e.f("The record of %s lists no such use; its main uses are %s.", e.ofName(strings.ToLower(e.mineralName(m))),
		e.and(lowerAll(uses[:min(3, len(uses))])))
}

// useQuestionWords are the other words of a question on uses: "is it used in", "¿se usa en?".
var useQuestionWords = set("does", "used", "using", "make", "made", "into", "goes", "going", "usado", "usada", "usan", "usa",
	"utiliza", "utilizan", "sirve", "para", "emplea", "emplean", "also", "tambien", "still", "todavia", "aun", "ever", "really")
