package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// What share of a mineral goes to a use: "what % of US lithium goes to batteries?", "how much
// cobalt is used in superalloys?", "¿qué porcentaje del cobalto se usa en superaleaciones?".
// The end-use table (U.S. shares, for the minerals USGS gives them) answers; a mineral with no
// rows, or none for the use asked, is said to have none, with its uses from its record.

// shareWords ask for a share: "what % of", "what percentage", "qué porcentaje".
var shareWords = set("percent", "percentage", "share", "proportion", "fraction", "porcentaje", "proporcion", "parte", "fraccion")

// useVerbs say where a mineral goes: "goes to", "is used in", "se usa en", "se destina a".
var useVerbs = set("go", "goes", "going", "went", "used", "use", "consumed", "devoted", "allocated", "ends",
	"usa", "usan", "usado", "usada", "utiliza", "utilizan", "destina", "destinan", "destinado", "destinada", "va", "van", "consume",
	"consumen")

// asksUseShare reports whether a question asks what share of a mineral goes to a use: a share
// ("%", "percentage", "how much") and a verb of use with what it goes to, of a mineral, in no
// country but the U.S.
func asksUseShare(text string, norm []string, q *Query) bool {
	if len(q.Minerals) == 0 || slices.ContainsFunc(q.Countries, func(c string) bool { return c != "united-states" }) {
		return false
	}
	switch q.Measure {
	case MeasureOverview, MeasureProduction, MeasureUses:
	default:
		return false
	}
	share := strings.Contains(text, "%") || hasAny(norm, shareWords) || slices.Contains(norm, "cuanto") || slices.Contains(norm, "cuanta")
	for i := 0; i+1 < len(norm); i++ {
		share = share || norm[i] == "how" && norm[i+1] == "much"
	}
	for i := 0; share && i+1 < len(norm); i++ {
		next := norm[i+1]
		if next == "up" && i+2 < len(norm) {
			next = norm[i+2] // "ends up in"
		}
		if useVerbs[norm[i]] && useObjects[next] {
			return true
		}
	}
	return false
}

// useObjects lead to the use a verb of use goes to: "goes to batteries", "used in", "se usa
// en". "How much lithium does the US use?" names no use.
var useObjects = set("to", "in", "into", "for", "by", "en", "a", "al", "para", "por")

// noUseShare says, for a question about a use's share, that the end-use table holds none for
// it: none for the mineral at all, or none for the use asked, with the shares it holds.
func (e *snap) noUseShare(m *knowledge.Mineral, eu []knowledge.EndUse) string {
	name := strings.ToLower(e.mineralName(m))
	if len(eu) == 0 {
		return e.f("The USGS tables in this knowledge base give no U.S. end-use shares for %s, so no share for the use asked.", e.ofName(name))
	}
	var shares []string
	for _, u := range eu[:min(3, len(eu))] {
		shares = append(shares, e.t(u.Use)+" "+number(u.Percent)+"%")
	}
	u := eu[0]
	return e.f("The USGS table of U.S. end uses of %s gives no share for the use asked; its largest: %s (%s, %s).",
		e.ofName(name), e.and(shares), yearLabel(u.Year, u.Estimated), source(u.Edition))
}
