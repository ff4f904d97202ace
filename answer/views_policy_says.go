package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// sayWords ask what a text says: "what does the US-Japan action plan say about neodymium?",
// "¿qué dice el plan sobre el neodimio?". aboutWords join an item to what it is asked about:
// "what does the plan do about neodymium?".
var (
	sayWords   = set("say", "says", "said", "mention", "mentions", "mentioned", "dice", "dicen", "dijo", "menciona", "mencionan", "establece")
	aboutWords = set("about", "regarding", "concerning", "sobre", "respecto", "acerca")
)

// asksSaysAbout reports whether a question that names a policy item and a mineral asks what
// the item says or does about the mineral: it opens with "what" ("qué") and says "say"
// ("dice") or "about" ("sobre"). A yes/no question, or one about when, is not one.
func asksSaysAbout(norm []string, q *Query) bool {
	if len(q.Policies) == 0 || len(q.Minerals) == 0 || q.YesNo || len(norm) == 0 || norm[0] != "what" && norm[0] != "que" {
		return false
	}
	return slices.ContainsFunc(norm, func(w string) bool { return sayWords[w] || aboutWords[w] })
}

// namedItemSays is the headline of a named item's card when the question asks what it says
// about a mineral it lists (Query.SaysAbout): its sentences that name the mineral or its
// group, as namedItemOn quotes an item that does not list it. "What does the US-Japan action
// plan say about neodymium?" is its sentence on rare earths, not its opening. ok is false
// when the question asks a status, a cut or a rate, or no sentence names the mineral.
func (e *snap) namedItemSays(p *knowledge.Policy, q Query) (string, bool) {
	if !q.SaysAbout || q.Status || q.Cut || asksRate(q) || len(q.Minerals) == 0 || !policyHasMineral(e.kb, p, q.Minerals[0]) {
		return "", false
	}
	m, ok := e.kb.Mineral(q.Minerals[0])
	if !ok {
		return "", false
	}
	said := e.sentencesNaming(sentencesOf(e.summary(p.Summary, p.SummaryES)), m)
	if len(said) == 0 {
		return "", false
	}
	return e.policyTitle(p) + " (" + e.when(p) + "): " + strings.Join(said, " "), true
}
