package answer

import (
	"cmp"
	"slices"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper U: "what's the longest critical minerals list?", "which list has the fewest
// items?": every critical list the knowledge base holds (the U.S. ones when only the U.S. is
// named), by how many items each prints, longest (or shortest) first. Two named lists are
// set against each other by listSizes instead.
func (e *snap) listsLongest(q Query) *Answer {
	ask := q.ListSize.Ask
	if ask != "more" && ask != "less" || q.YesNo || len(q.Lists) > 0 || len(q.Minerals) > 0 || len(q.Policies) > 0 ||
		q.ListSet != "" || q.Leaders != "" || slices.ContainsFunc(q.Countries, func(c string) bool { return c != "united-states" }) {
		return nil
	}
	lists := knowledge.Lists
	if len(q.Countries) > 0 {
		lists = usLists
	}
	type sized struct {
		l knowledge.List
		n int
	}
	var ls []sized
	for _, l := range lists {
		if n := e.lists[l].items; n > 0 {
			ls = append(ls, sized{l, n})
		}
	}
	if len(ls) < 2 {
		return nil
	}
	slices.SortStableFunc(ls, func(a, b sized) int {
		if ask == "less" {
			return cmp.Compare(a.n, b.n)
		}
		return cmp.Compare(b.n, a.n)
	})
	var rest []string
	for _, x := range ls[1:] {
		rest = append(rest, e.f("the %s (%s)", e.listName(x.l), itoa(x.n)))
	}
	head := e.f("The %s is the longest of the %s critical lists mineralbot holds, with %s items; then %s.", e.listName(ls[0].l), itoa(len(ls)), itoa(ls[0].n), e.and(rest))
	if ask == "less" {
		head = e.f("The %s is the shortest of the %s critical lists mineralbot holds, with %s items; then %s.", e.listName(ls[0].l), itoa(len(ls)), itoa(ls[0].n), e.and(rest))
	}
	a := &Answer{Intent: IntentList, Title: e.t("Critical lists by length"), Headline: capitalize(head)}
	s := Section{Heading: e.t("Items on each list")}
	for _, x := range ls {
		s.Facts = append(s.Facts, Fact{Label: e.listName(x.l), Value: itoa(x.n)})
		a.Sources = append(a.Sources, e.lists[x.l].sources...)
	}
	a.Sections = append(a.Sections, s)
	return a
}
