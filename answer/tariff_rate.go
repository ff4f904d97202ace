package answer

import (
	"slices"
	"strconv"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper AC: a tariff named by its rate — "is the 10% tariff still in force?", "¿sigue
// vigente el arancel de 10%?", "what is the 25% tariff?": the item whose text sets that rate,
// the one that sets it soonest in its text first (the Section 122 duty is a 10% duty in its
// first sentence; Section 301 charges some countries 10% in its second).

// rateOf is the rate a question names next to a tariff word ("10 tariff", "arancel de 10",
// "10 percent duty"; normalizing drops the sign), or 0.
func rateOf(norm []string) int {
	for i, w := range norm {
		n, err := strconv.Atoi(strings.TrimSuffix(w, "%"))
		if err != nil || n < 1 || n > 100 {
			continue
		}
		for j := max(0, i-2); j <= min(len(norm)-1, i+2); j++ {
			if j != i && tariffWords[norm[j]] {
				return n
			}
		}
	}
	return 0
}

// rateLead is the item of ps that sets the rate q names, soonest in its text; nil when q
// names none or no item sets it. Only the best matches are read.
func (e *snap) rateLead(ps []*knowledge.Policy, q Query) *knowledge.Policy {
	if q.Rate == 0 {
		return nil
	}
	rate := strconv.Itoa(q.Rate) + "%"
	var best *knowledge.Policy
	bestAt := -1
	var topic []string // the question's other words ("the 15% equipment tariff"), as stems
	for _, w := range q.Terms {
		if len(w) > 3 && !tariffWords[w] && !statusWords[w] && !rateWords[w] {
			topic = append(topic, stem(w))
		}
	}
	for _, p := range ps[:min(50, len(ps))] {
		at := rateSentence(p.Summary, rate)
		if at < 0 {
			continue
		}
		if len(topic) > 0 && namesAny(sentencesOf(p.Summary), at, topic) {
			at -= 100 // the sentence that sets the rate names what else the question says
		}
		if best == nil || at < bestAt {
			best, bestAt = p, at
		}
	}
	return best
}

// namesAny reports whether sentence i of ss names one of the stems.
func namesAny(ss []string, i int, stems []string) bool {
	if i < 0 || i >= len(ss) {
		return false
	}
	for _, w := range strings.Fields(knowledge.Normalize(ss[i])) {
		if slices.Contains(stems, stem(w)) {
			return true
		}
	}
	return false
}

// rateSentence is the index of the first sentence of text that names rate ("10%", not
// "110%" nor "10.5%"), or -1.
func rateSentence(md, rate string) int {
	if !strings.Contains(md, rate) {
		return -1
	}
	text := strings.Join(strings.Fields(md), " ")
	for from := 0; ; {
		i := strings.Index(text[from:], rate)
		if i < 0 {
			return -1
		}
		i += from
		if i == 0 || !isDigitByte(text[i-1]) && text[i-1] != '.' && !strings.HasSuffix(text[:i], "from ") { // not a former rate: "moved from 25% to 15%"
			n := 0
			for pos := sentenceEnd(text); pos < i && pos < len(text); pos += sentenceEnd(text[pos:]) + 1 {
				n++
			}
			return n
		}
		from = i + len(rate)
	}
}

// leadWithRate moves the item that sets q's rate to the front of ps (and its score with it).
func (e *snap) leadWithRate(ps []*knowledge.Policy, scores []float64, q Query) ([]*knowledge.Policy, []float64) {
	p := e.rateLead(ps, q)
	if p == nil || p == ps[0] {
		return ps, scores
	}
	i := slices.Index(ps, p)
	ps = append([]*knowledge.Policy{p}, slices.Delete(slices.Clone(ps), i, i+1)...)
	scores = append([]float64{scores[0]}, slices.Delete(slices.Clone(scores), i, i+1)...)
	return ps, scores
}
