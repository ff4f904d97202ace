package answer

import (
	"slices"

	"github.com/mineralbot/mineralbot/knowledge"
)

// absentPhrases ask whether a mineral is missing from a list: "is silver missing from the EU
// list?", "absent from", "left off", "not on", "¿falta la plata en la lista de la UE?", "¿la
// plata no está en la lista?". Asked yes or no, "yes" says it is not on the list. "Isn't
// silver on the EU list?" asks whether it is on, and is not one of them.
var absentPhrases = newPhrases("missing", "absent", "left off", "left out", "not on", "not in", "not part of",
	"no esta", "no estan", "no aparece", "no aparecen", "no figura", "no figuran", "falta", "faltan", "ausente", "ausentes")

// absentVocab are the single words of absentPhrases that are no stop words: words the parser
// gives a meaning to, never read as misspelt names.
var absentVocab = set("missing", "absent", "left", "aparece", "aparecen", "figura", "figuran", "ausente", "ausentes")

// asksAbsent reports whether a yes/no question asks whether a mineral it names is missing
// from a list it names.
func asksAbsent(norm []string, joined string, q *Query, namesList bool) bool {
	return q.YesNo && q.Measure == MeasureLists && len(q.Minerals) > 0 && namesList && q.ListSet == "" && absentPhrases.any(norm, joined)
}

// absentHeadline answers whether a mineral is missing from list l: "Yes — silver is not on
// the EU CRMA critical raw materials (Annex II)." and the lists it is on, or "No — copper is
// on the …".
func (e *snap) absentHeadline(m *knowledge.Mineral, l knowledge.List, onLists []string) string {
	subject := e.subject(m)
	if e.on(m, l) {
		return e.f("No — %s is on the %s.", subject, e.t(l.Title()))
	}
	out := e.f("Yes — %s is not on the %s.", subject, e.t(l.Title()))
	if len(onLists) > 0 {
		out = sentences(out, e.f("It is on the %s.", e.and(onLists)))
	}
	return out
}

// leadVerbNext are the words after "lead" that make it the verb when a country comes just
// before it: "which minerals does Mexico lead in?", "what does Mexico lead the world in?",
// "does Mexico lead all countries in silver?"; "Mexico lead production" names the mineral.
var leadVerbNext = set("in", "the", "all", "any", "every", "everyone", "other", "others")

// leadAux ask with the verb "lead" at a question's end: "what does Mexico lead?".
var leadAux = set("does", "do", "did", "doesnt", "dont", "didnt")

// leadIsVerb reports whether every "lead" or "leads" of a question that names a country and
// the mineral lead is the verb: just after a word that named a country (not a mineral) and
// at the question's end (after "does") or before a leadVerbNext word ("lead in 2025" is the mineral's
// figure). "Who leads in lead production?", "does Mexico produce lead?" and "Mexico lead
// production" are about the mineral.
func leadIsVerb(norm []string, used []bool, q *Query, isMineral func(string) bool) bool {
	if len(q.Countries) == 0 || !slices.Contains(q.Minerals, "lead") {
		return false
	}
	n := 0
	for i, w := range norm {
		if w != "lead" && w != "leads" {
			continue
		}
		if i+1 == len(norm) {
			if !afterCountry(norm, used, i, isMineral) || !slices.ContainsFunc(norm[:i], func(w string) bool { return leadAux[w] }) {
				return false // "Mexico lead" is the mineral; "what does Mexico lead?" the verb
			}
		} else if !leadVerbAt(norm, used, i, isMineral) {
			return false
		}
		n++
	}
	return n > 0
}

// afterCountry reports whether the word at i follows one that named something other than a
// mineral (a country): "Mexico lead …", not "zinc lead …".
func afterCountry(norm []string, used []bool, i int, isMineral func(string) bool) bool {
	return i > 0 && used[i-1] && !isMineral(norm[i-1])
}

// leadVerbAt reports whether "lead" at i, not the question's last word, is the verb: just
// after a country and before a leadVerbNext word, "in" not followed by a year ("Mexico lead
// in 2025" is the mineral's figure).
func leadVerbAt(norm []string, used []bool, i int, isMineral func(string) bool) bool {
	if !afterCountry(norm, used, i, isMineral) || i+1 >= len(norm) || !leadVerbNext[norm[i+1]] {
		return false
	}
	return norm[i+1] != "in" || i+2 >= len(norm) || !isNumber(norm[i+2])
}

// leaderWords ask whether a country leads the world in a mineral: "is Mexico the leader in
// any mineral?", "¿es México líder en algún mineral?".
var leaderWords = set("leader", "leaders", "lider", "lideres")

// leaderVerdict opens the country card that answers a yes/no question whether a country
// leads the world in any mineral ("is Mexico the leader in any mineral?", "does Mexico lead
// in anything?") with its verdict: yes when it is first in a production table.
func (e *snap) leaderVerdict(a *Answer, q Query) {
	if a.Intent != IntentCountry || !q.YesNo || len(q.Minerals) != 0 || len(q.Countries) != 1 || a.Headline == "" ||
		!q.Most && !slices.ContainsFunc(q.Terms, func(w string) bool { return leaderWords[w] }) {
		return
	}
	a.Headline = e.verdict(e.standings(q.Countries[0], false).nLeads > 0, a.Headline)
}
