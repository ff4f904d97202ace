package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper AC: "does China (still) ban graphite exports to the US?". An item may name a
// mineral it treats otherwise: China's December 2024 ban names graphite, whose shipments it
// put under tougher checks instead of banning them. Asked whether the country bans the
// mineral, when every ban of the country's that names it says so, the answer is no, with the
// item's own sentence on the mineral, not the ban's status.

// spareWords, in a ban's sentence naming a mineral, say the mineral was not banned. Read in
// the English text; the answer quotes the sentence in the asker's language.
var spareWords = []string{"not banned", "not prohibited", "was not included", "were not included", "not covered by the ban",
	"not subject to the ban", "exempt from the ban"}

// sentenceNaming is the first sentence of md that names the word (lower case), or "".
func sentenceNaming(md, word string) string {
	for _, s := range sentencesOf(firstParagraphs(md)) {
		if strings.Contains(strings.ToLower(s), word) {
			return s
		}
	}
	return ""
}

// firstParagraphs is md up to its second blank line: the part an item leads with.
func firstParagraphs(md string) string {
	parts := strings.SplitN(strings.TrimSpace(md), "\n\n", 3)
	return strings.Join(parts[:min(2, len(parts))], "\n\n")
}

// spares is the sentence, in the answer's language, in which ban p says it leaves mineral m
// out; "" when it does not.
func (e *snap) spares(p *knowledge.Policy, m *knowledge.Mineral) string {
	en := sentenceNaming(p.Summary, strings.ToLower(m.Name))
	if en == "" || !slices.ContainsFunc(spareWords, func(w string) bool { return strings.Contains(strings.ToLower(en), w) }) {
		return ""
	}
	if e.lang == Spanish && p.SummaryES != "" {
		if es := sentenceNaming(p.SummaryES, strings.ToLower(e.mineralName(m))); es != "" {
			return es
		}
	}
	return en
}

// banSpares answers such a question, or returns nil: ps are the items that match it.
func (e *snap) banSpares(q Query, ps []*knowledge.Policy) *Answer {
	if !q.YesNo || len(q.Minerals) != 1 || len(q.Countries) == 0 || len(q.Policies) > 0 ||
		!slices.ContainsFunc(q.Terms, func(w string) bool { return banWords[w] }) {
		return nil
	}
	m, ok := e.mineral(q)
	if !ok {
		return nil
	}
	country := q.Countries[0]
	var spared *knowledge.Policy
	var said string
	for _, p := range ps[:min(20, len(ps))] {
		if !restrictiveKinds[p.Kind] || !e.isBan(p) || e.suspends(p) || !e.ownMeasure(p, country) || !policyHasMineral(e.kb, p, m.ID) {
			continue
		}
		s := e.spares(p, m)
		if s == "" {
			return nil // a ban that bans it: the ban's own answer
		}
		if spared == nil {
			spared, said = p, s
		}
	}
	if spared == nil {
		return nil
	}
	name := strings.ToLower(e.mineralName(m))
	a := e.policyCard(spared, q)
	a.Headline = sentences(
		e.verdict(false, e.f("no ban by %s on %s exports is in the knowledge base (updated %s).", e.countryName(country), name, e.lang.Date(e.kbUpdated()))),
		e.f("“%s” (%s) names it but leaves it out of the ban:", e.policyTitle(spared), e.lang.Date(spared.Date))+" "+said)
	if !fitsHeadline(a.Headline) {
		a.Headline = e.verdict(false, said)
	}
	return a
}
