package answer

import (
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// namesUSListYears reports whether a question names the years of two U.S. lists ("the 2022
// and 2025 lists"): it compares those lists, not a U.S. list with an EU one.
func namesUSListYears(has func(string) bool) bool {
	n := 0
	for _, l := range usLists {
		if has(strings.TrimPrefix(string(l), "usgs-")) {
			n++
		}
	}
	return n >= 2
}

// listAddWords ask only what a list added: "which minerals were added between 2022 and 2025?".
var listAddWords = set("added", "add", "adds", "additions", "addition", "new", "joined", "agregado", "agregados", "agregada",
	"agregadas", "agregaron", "agrego", "anadido", "anadidos", "anadida", "anadidas", "anadieron", "anadio", "nuevo", "nuevos",
	"nuevas", "nueva", "incorporados", "incorporaron", "incorporo", "sumaron")

// asksListYears reports whether a question about what the U.S. list changed sets its two
// years against each other ("what's the difference between the 2022 and 2025 lists?", "the
// 2025 list vs 2022") rather than asking only what was added or dropped.
func asksListYears(q Query) bool {
	return q.Polarity != Removed && (q.Compare || q.FromYear != 0 && q.Year != 0 && q.FromYear != q.Year) &&
		!hasAny(q.Terms, listAddWords)
}

// listYearsView compares the 2022 and 2025 U.S. lists: their sizes, what the 2025 list added
// (listChange's answer) and what it dropped, both from the lists table.
func (e *snap) listYearsView() *Answer {
	a := e.listChange(true)
	var dropped []string
	for _, m := range e.lists[knowledge.USGS2022].members {
		if !m.On(knowledge.USGS2025) {
			dropped = append(dropped, e.mineralName(m))
			a.Related = appendLink(a.Related, Link{Ref: e.mineralRef(m), Title: e.mineralName(m)})
		}
	}
	removed := e.t("It dropped none: every mineral on the 2022 list is on the 2025 one.")
	switch len(dropped) {
	case 0:
	case 1:
		removed = e.f("It dropped one mineral that was on the 2022 list: %s.", dropped[0])
	default:
		removed = e.f("It dropped %s minerals that were on the 2022 list: %s.", itoa(len(dropped)), strings.Join(dropped, ", "))
	}
	added := a.Headline
	draft := ""
	if d := e.draftList(); d != nil {
		draft = e.draftSentence(d)
		added = strings.TrimSpace(strings.TrimSuffix(added, draft))
	}
	a.Title = e.t("The 2022 and 2025 U.S. critical minerals lists compared")
	a.Headline = sentences(e.f("The 2025 U.S. critical minerals list has %s items; the 2022 list had %s.",
		itoa(len(e.listItems(knowledge.USGS2025))), itoa(len(e.listItems(knowledge.USGS2022)))), added, removed)
	a.Sections[0].Heading = e.t("Added in 2025")
	// What the draft had proposed is background to the change: in the card, not the headline.
	a.Sections[0].Note = sentences(a.Sections[0].Note, draft)
	a.Sections = append(a.Sections, Section{Heading: e.t("Dropped in 2025"), Text: strings.Join(dropped, ", ")})
	if len(dropped) == 0 {
		a.Sections[len(a.Sections)-1].Text = e.t("None.")
	}
	return a
}
