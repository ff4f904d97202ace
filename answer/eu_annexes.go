package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// The EU's two CRMA lists set against each other: "which minerals are strategic but not
// critical in the EU?", "which EU critical raw materials are not strategic?", "what is the
// difference between strategic and critical raw materials?". listSet reads a U.S. list
// against an EU one; this reads the EU's Annex I against its Annex II, for listSetView.

// euAnnexSet is the operation and the two EU lists, the one the question names first
// first, or "" when the question does not set them against each other. It names no U.S.
// list, and both "strategic" and "critical" (or their Spanish forms).
func euAnnexSet(norm []string, has func(string) bool) (ListSet, []knowledge.List) {
	if has("usgs") || has("us list") || has("u s list") || has("us") || has("2022") || has("2025") {
		return "", nil
	}
	strategic := slices.IndexFunc(norm, func(w string) bool { return strategicWords[w] })
	critical := slices.IndexFunc(norm, func(w string) bool { return criticalWords[w] })
	if strategic < 0 || critical < 0 {
		return "", nil
	}
	var set ListSet
	switch {
	case has("both") || has("ambas") || has("ambos"):
		set = SetBoth
	case has("not") || has("isnt") || has("arent") || has("only") || has("no") || has("solo"):
		set = SetOnly
	case has("difference") || has("differences") || has("differ") || has("different") || has("vs") || has("versus") ||
		has("compared") || has("compare") || has("diferencia") || has("diferencias"):
		set = SetDiff
	default:
		return "", nil
	}
	ls := []knowledge.List{knowledge.EUCRMAStrategic, knowledge.EUCRMACritical}
	if critical < strategic {
		ls[0], ls[1] = ls[1], ls[0]
	}
	if set == SetOnly && (has("only") || has("solo")) {
		// "which are only critical, not strategic": the list "only" goes with comes first.
		only := slices.IndexFunc(norm, func(w string) bool { return w == "only" || w == "solo" })
		if abs(only-critical) < abs(only-strategic) {
			ls = []knowledge.List{knowledge.EUCRMACritical, knowledge.EUCRMAStrategic}
		} else {
			ls = []knowledge.List{knowledge.EUCRMAStrategic, knowledge.EUCRMACritical}
		}
	}
	return set, ls
}

// The words that name the EU's strategic and critical lists.
var (
	strategicWords = set("strategic", "estrategico", "estrategica", "estrategicos", "estrategicas")
	criticalWords  = set("critical", "critico", "critica", "criticos", "criticas", "fundamentales", "fundamental")
)

// additionsOn is which of the minerals the 2025 U.S. list added are on an EU list: "which of
// the 2025 additions are on the EU list?", "new minerals on the 2025 list that the EU also
// lists". Nil when the question names no EU list or asks what was dropped.
func (e *snap) additionsOn(q Query) *Answer {
	if q.Polarity == Removed || len(q.Minerals) > 0 || len(q.Policies) > 0 {
		return nil
	}
	i := slices.IndexFunc(q.Lists, func(l knowledge.List) bool { return slices.Contains(euLists, l) })
	if i < 0 {
		return nil
	}
	l := q.Lists[i]
	a := e.list("added")
	var on, off []string
	for _, m := range e.lists[knowledge.USGS2025].members {
		if m.On(knowledge.USGS2022) {
			continue
		}
		if e.on(m, l) {
			on = append(on, strings.ToLower(e.mineralName(m)))
		} else {
			off = append(off, strings.ToLower(e.mineralName(m)))
		}
	}
	total, title := itoa(len(on)+len(off)), e.listName(l)
	switch {
	case len(on) == 0:
		a.Headline = e.f("None of the %s minerals the 2025 U.S. list added is on the %s.", total, title)
	case len(off) == 0:
		a.Headline = e.f("All %s minerals the 2025 U.S. list added are on the %s: %s.", total, title, e.and(on))
	case q.Polarity == Negated:
		a.Headline = e.f("Of the %s minerals the 2025 U.S. list added, %s are not on the %s: %s; on it: %s.", total, itoa(len(off)), title,
			e.namedMost(off), e.namedMost(on))
	default:
		a.Headline = e.f("Of the %s minerals the 2025 U.S. list added, %s are on the %s: %s; not on it: %s.", total, itoa(len(on)), title,
			e.namedMost(on), e.namedMost(off))
	}
	a.Sources = append(a.Sources, e.listSources(l)...)
	return a
}
