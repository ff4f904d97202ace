package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper AC: "did the US and EU agree on price floors?", "did japan and the us agree on
// tariffs?". A yes/no question whether an agreement has a term is a yes only when one of its
// sentences names every word the question asks about ("price" alone, in "coordinated price
// and trade measures", is no price floor); when its text names none of them, the answer
// says the knowledge base's text of it does not mention them, rather than giving no verdict.

// dealAskFillers are the words of such a question that ask about no term.
var dealAskFillers = set("sign", "signed", "signs", "firmaron", "firmo", "firmado", "firmada", "include", "includes", "included",
	"incluye", "incluyen", "incluyo", "cover", "covers", "covered", "cubre", "cubren", "anything", "something", "algo", "nada",
	"critical", "minerals", "mineral", "criticos", "minerales", "plan", "action", "accion", "about", "sobre", "have", "tiene")

// dealTermsAsked are the stems of the words a yes/no question about an agreement asks it has.
func dealTermsAsked(q Query) []string {
	var out []string
	for _, w := range q.Terms {
		if len(w) <= 3 || agreeWords[w] || dealWords[w] || dealVerbs[w] || dealAskFillers[w] || statusWords[w] {
			continue
		}
		if s := stem(w); !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// namesAll reports whether sentence s names every stem of terms.
func namesAll(s string, terms []string) bool {
	have := map[string]bool{}
	for _, w := range strings.Fields(knowledge.Normalize(s)) {
		have[stem(w)] = true
	}
	return !slices.ContainsFunc(terms, func(t string) bool { return !have[t] })
}

// dealTermVerdict is the headline for a yes/no question whether agreement p has a term,
// given its lead h and the sentence s its text says most of the term in ("" for none): a yes
// with s when s names every word asked; "not that the knowledge base records" when its text
// names none of them; ok false otherwise (the caller keeps its answer).
func (e *snap) dealTermVerdict(p *knowledge.Policy, q Query, h, s string) (string, bool) {
	terms := dealTermsAsked(q)
	if len(terms) == 0 {
		return "", false
	}
	if s != "" && namesAll(s, terms) {
		return e.verdict(true, sentences(h, s)), true
	}
	for _, x := range sentencesOf(e.summary(p.Summary, p.SummaryES))[1:] {
		if namesAll(x, terms) && fitsHeadline(e.verdict(true, sentences(h, x))) {
			return e.verdict(true, sentences(h, x)), true
		}
	}
	if len(terms) < 2 && !slices.ContainsFunc(q.Terms, func(w string) bool { return tariffWords[w] }) {
		// One word, not a tariff: a verb the text may say otherwise ("suministrar" of a
		// deal on "supplies"); no verdict.
		return "", false
	}
	// The words asked are not echoed: the answer says only that the text leaves them out,
	// and the sentence that comes nearest, if one names some of them.
	no := sentences(e.f("Not that the knowledge base records — %s", afterDash(h)),
		e.t("Its text in the knowledge base does not mention what you asked about."))
	if s != "" && fitsHeadline(sentences(no, e.f("The nearest it comes: %s", s))) {
		return sentences(no, e.f("The nearest it comes: %s", s)), true
	}
	return no, true
}
