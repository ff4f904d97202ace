package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// This file answers a question that names one policy item and asks about a mineral the
// item does not list: "what does the US-Mexico action plan say about antimony?", "does the
// US-Mexico action plan cover graphite?". The item named answers, not another item that
// lists the mineral: what its text says of the mineral, or that it does not name it and
// what it does.

// namedItemOn answers a question that names a policy item and a mineral the item does not
// list. It returns nil when the question names no item, the item lists the mineral, the
// question asks a status or a rate (the views of those answer), or the item is named by a
// name its family shares and another of the family lists the mineral: "what is the Section
// 232 tariff on copper?" names the 2025 order by its alias, and the copper items answer it.
func (e *snap) namedItemOn(q Query) *Answer {
	if len(q.Policies) == 0 || len(q.Minerals) == 0 || q.Status || q.Cut || asksRate(q) || e.namedConcerns(q) {
		return nil
	}
	named, ok := e.kb.Policy(q.Policies[0])
	if !ok {
		return nil
	}
	p := e.familyPick(named, q)
	concernsAll := func(x *knowledge.Policy) bool {
		return !slices.ContainsFunc(q.Countries, func(c string) bool { return !slices.Contains(x.Countries, c) })
	}
	listsAsked := func(x *knowledge.Policy) bool {
		return slices.ContainsFunc(q.Minerals, func(m string) bool { return policyHasMineral(e.kb, x, m) })
	}
	if !concernsAll(p) || listsAsked(p) {
		return nil
	}
	for _, x := range e.kb.Policies {
		if x != p && (slices.Contains(q.Policies, x.ID) || e.namedFamily(q, x)) && concernsAll(x) && listsAsked(x) {
			return nil // another item of the name's family lists the mineral: the ranking chooses
		}
	}
	m, ok := e.kb.Mineral(q.Minerals[0])
	if !ok {
		return nil
	}
	a := e.policyCard(p, q)
	all := sentencesOf(e.summary(p.Summary, p.SummaryES))
	if said := e.sentencesNaming(all, m); len(said) > 0 {
		// "what does the US-Mexico action plan say about silver?": what its text says.
		a.Headline = e.policyTitle(p) + " (" + e.when(p) + "): " + strings.Join(said, " ")
		return a
	}
	what := ""
	if len(all) > 0 {
		what = all[0]
	}
	if i := slices.IndexFunc(all, saysCoverage); i >= 0 {
		what = all[i] // "It covers critical minerals in general rather than a named list of commodities."
	}
	if l, ok := e.itemList(p); ok {
		// "is lithium covered by the EU critical raw materials act?": the act's text names no
		// mineral; its list does, or does not, hold it.
		if m.On(l) {
			a.Headline = e.f("“%s” (%s): %s is on the %s.", e.policyTitle(p), e.when(p), e.subject(m), e.t(l.Title()))
			return a
		}
		what = capitalize(e.f("%s is not on the %s.", e.subject(m), e.t(l.Title())))
	}
	a.Headline = sentences(e.f("“%s” (%s) does not name %s.", e.policyTitle(p), e.when(p), e.subject(m)), what)
	return a
}

// itemList is the critical list a policy item sets out: an item that can (a law, a
// regulation, a list) one of whose names names a list ("CRMA" names the EU CRMA critical raw
// materials). An agreement's name may name a list's owner ("the US-EU action plan") and set
// out none.
func (e *snap) itemList(p *knowledge.Policy) (knowledge.List, bool) {
	if !listKinds[p.Kind] {
		return "", false
	}
	for _, n := range append([]string{p.Title}, p.Aliases...) {
		if ls := e.lex.Parse(n).Lists; len(ls) > 0 {
			return ls[0], true
		}
	}
	return "", false
}

// maxNamingSentences is how many of an item's sentences naming a mineral a headline quotes.
const maxNamingSentences = 2

// sentencesNaming are the sentences, of an item's text in the answer's language, that name a
// mineral or its group, in their order.
func (e *snap) sentencesNaming(all []string, m *knowledge.Mineral) []string {
	names := e.kb.Names(knowledge.Ref{Kind: knowledge.KindMineral, ID: m.ID})
	if m.Group != "" {
		names = append(names, e.kb.Names(knowledge.Ref{Kind: knowledge.KindMineral, ID: m.Group})...)
	}
	var padded []string
	for _, n := range names {
		if n = strings.Join(strings.Fields(knowledge.Normalize(n)), " "); len(n) > 2 { // not a symbol ("W", "Sb")
			padded = append(padded, " "+n+" ")
		}
	}
	var out []string
	for _, s := range all {
		text := " " + strings.Join(strings.Fields(knowledge.Normalize(s)), " ") + " "
		if slices.ContainsFunc(padded, func(n string) bool { return strings.Contains(text, n) }) {
			if out = append(out, s); len(out) == maxNamingSentences {
				break
			}
		}
	}
	return out
}

// listKinds are the kinds of policy item that may set out a critical list.
var listKinds = set("law", "regulation", "list")

// coverageWords say what an item covers or applies to.
// "Covered" is left out: "covered materials from covered nations" says what an order restricts.
var coverageWords = set("covers", "applies", "abarca", "abarcan", "cubre", "cubren", "aplica", "aplican")

// saysCoverage reports whether a sentence says what an item covers: "It covers critical
// minerals in general rather than a named list of commodities."
func saysCoverage(s string) bool {
	return slices.ContainsFunc(strings.Fields(knowledge.Normalize(s)), func(w string) bool { return coverageWords[w] })
}
