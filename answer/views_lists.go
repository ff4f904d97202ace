package answer

import (
	"context"
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// listsView: whether minerals are on the list asked about, or the members of a list.
func (e *snap) listsView(ctx context.Context, q Query) (*Answer, error) {
	if m, ok := e.mineral(q); ok && len(q.Minerals) == 1 && q.ListSet != "" && len(q.Lists) == 2 {
		return e.mineralOnLists(m, q), nil // "is silver on the US list but not the EU list?"
	}
	if q.ListSet != "" && len(q.Lists) == 2 && (!q.YesNo || e.cardlessItem(q) == nil) {
		// "Which minerals are on both the US and EU lists?"; "is helium on both lists?"
		// asks about helium.
		return e.listSetView(q), nil
	}
	m, ok := e.mineral(q)
	switch {
	case ok && len(q.Minerals) >= 2:
		if a := e.listsEach(q); a != nil && q.ListSet == "" {
			return a, nil // "are lithium and cobalt on the US list?" (views_lists_each.go)
		}
		return e.compareView(q, MeasureLists), nil
	case ok:
		return e.listsAnswer(m, q), nil
	case len(q.Policies) > 0 && len(q.Lists) == 0:
		// "What is the US-Mexico Action Plan on Critical Minerals?"
		p, _ := e.kb.Policy(q.Policies[0])
		return e.policyCard(p, q), nil
	case len(q.Countries) > 0 && (!slices.Equal(q.Countries, []string{"united-states"}) || asksOutput(q) || hasAny(q.Terms, lackWords)):
		// "Which critical minerals does Mexico (or the US) produce?", "what critical
		// minerals does the US lack?"
		c, _ := e.kb.Country(q.Countries[0])
		return e.countryCard(c, q, true), nil
	}
	// The U.S. alone, in a question about lists that asks nothing of its output, names the
	// list's owner: "the US critical minerals list", "is helium critical in the US?".
	if a := e.cardlessItem(q); a != nil {
		return a, nil
	}
	if listsAsPolicyYear(q) {
		// "what happened in critical minerals in 2023?" (views_pair_year.go)
		q.Measure = MeasurePolicy
		return e.policyView(ctx, q)
	}
	if len(q.Rest) > 0 && len(q.Lists) == 0 {
		// "What did Ebrard say about critical minerals?": a word that names nothing the
		// parser knows, found in the policy items, is what the question is about.
		pq := q
		pq.Terms = q.Rest
		if ps, _ := e.rankPolicies(pq); len(ps) > 0 {
			return e.policyView(ctx, pq)
		}
	}
	which := "usgs-2025"
	if len(q.Lists) > 0 {
		which = string(q.Lists[0])
	}
	return e.list(which), nil
}

// The lists of each owner: the U.S. lists, newest first, and the EU's two annexes, which "the
// EU list" names together.
var (
	usLists = []knowledge.List{knowledge.USGS2025, knowledge.USGS2022}
	euLists = []knowledge.List{knowledge.EUCRMAStrategic, knowledge.EUCRMACritical}
)

// listOwners groups the lists a question asks about by who keeps them, the U.S. first. "The
// EU list" is both annexes, unless the strategic one alone is named; the U.S. named beside
// an EU list ("the US and EU lists") is its 2025 list. A question that is not yes/no
// ("which US lists…") asks for every list of its owner.
func listOwners(q Query) [][]knowledge.List {
	var us, eu []knowledge.List
	for _, l := range q.Lists {
		switch {
		case l == knowledge.EUCRMACritical:
			eu = euLists
		case l == knowledge.EUCRMAStrategic && eu == nil:
			eu = []knowledge.List{l}
		case slices.Contains(usLists, l):
			us = append(us, l)
		}
	}
	if len(us) == 0 && len(eu) > 0 && slices.Contains(q.Countries, "united-states") {
		us = []knowledge.List{knowledge.USGS2025}
	}
	if !q.YesNo && slices.Equal(us, []knowledge.List{knowledge.USGS2025}) {
		us = usLists
	}
	var out [][]knowledge.List
	for _, ls := range [][]knowledge.List{us, eu} {
		if len(ls) > 0 {
			out = append(out, ls)
		}
	}
	return out
}

// ownersHeadline says which of each owner's lists a mineral is on. A yes/no question gets
// "Yes" when the mineral is on a list of every owner asked about.
func (e *snap) ownersHeadline(m *knowledge.Mineral, owners [][]knowledge.List, yesNo bool) string {
	subject := e.subject(m)
	var on, off []string
	for _, ls := range owners {
		var these []string
		for _, l := range ls {
			if e.on(m, l) {
				these = append(these, e.f("the %s", e.t(l.Title())))
			}
		}
		switch {
		case len(these) > 0:
			on = append(on, these...)
		case len(ls) == 1:
			off = append(off, e.f("the %s", e.t(ls[0].Title())))
		case ls[0] == knowledge.EUCRMAStrategic:
			off = append(off, e.t("the EU CRMA lists"))
		default:
			off = append(off, e.t("the U.S. lists"))
		}
	}
	var h string
	switch {
	case len(off) == 0:
		h = e.f("%s is on %s.", subject, e.and(on))
	case len(on) == 0 && len(off) == 2:
		h = e.f("%s is on neither %s nor %s.", subject, off[0], off[1])
	case len(on) == 0:
		h = e.f("%s is not on %s.", subject, off[0])
	default:
		h = e.f("%s is on %s, but not on %s.", subject, e.and(on), e.and(off))
	}
	if !yesNo {
		return capitalize(h)
	}
	return e.verdict(len(off) == 0, h)
}

// listName is a list's title as a sentence joins it with others: Spanish puts the article
// before each ("la lista de …, la lista de … y la lista de …"), English before the first
// only, in the sentence itself.
func (e *snap) listName(l knowledge.List) string {
	return e.withArticle(e.t(l.Title()))
}

// asksOutput reports whether a question asks about what is produced or mined.
func asksOutput(q Query) bool {
	return slices.ContainsFunc(q.Terms, func(w string) bool { return slices.Contains(outputWords, w) })
}

// listChangesView: what the 2025 list added or dropped, and whether one mineral was.
func (e *snap) listChangesView(ctx context.Context, q Query) (*Answer, error) {
	m, ok := e.mineral(q)
	if !ok && q.Year != 0 && q.Year < 2025 {
		// "Which minerals were removed from the list in 2022?": the 2022 list against the
		// one before it, which the tables do not hold; its item says what changed.
		for _, p := range newestFirst(e.kb.Policies) {
			if p.Kind == "list" && p.Date.Time.Year() == q.Year && slices.Contains(p.Countries, "united-states") {
				a := e.policyCard(p, q)
				a.Headline = e.f("The knowledge base compares the 2022 and 2025 U.S. lists; what the %s list changed from the one before it is in its item, below: %s.",
					itoa(q.Year), e.policyTitle(p))
				return a, nil
			}
		}
	}
	if !ok && len(q.Policies) == 0 {
		// "Was helium added to the list in 2025?": an item with no card; which lists name it.
		if a := e.cardlessItem(q); a != nil {
			return a, nil
		}
	}
	if which, only := listYearOnly(q); only && !ok {
		return e.list(which), nil // Helper T: "on the 2022 list but not the 2025 list" (views_list_sizes.go)
	}
	if !ok && asksListYears(q) {
		// "What's the difference between the 2022 and 2025 lists?": added and dropped.
		return e.listYearsView(), nil
	}
	if a := e.additionsOn(q); a != nil && !ok {
		return a, nil // Helper T: "which of the 2025 additions are on the EU list?" (eu_annexes.go)
	}
	if !ok {
		a := e.list(map[bool]string{true: "removed", false: "added"}[q.Polarity == Removed])
		if q.Compare || q.FromYear == 2022 && q.Year == 2025 && !hasAny(q.Terms, listAddWords) {
			// "How many minerals are on the 2025 list vs 2022?": the two counts first. "Which
			// minerals were added between 2022 and 2025?" asks only what was added.
			a.Headline = sentences(e.f("The 2025 U.S. critical minerals list has %s items; the 2022 list had %s.",
				itoa(len(e.listItems(knowledge.USGS2025))), itoa(len(e.listItems(knowledge.USGS2022)))), a.Headline)
		}
		return a, nil
	}
	if len(q.Minerals) >= 2 {
		// "Were arsenic and tellurium dropped from the list?": each in turn.
		var heads []string
		var first *Answer
		for _, id := range q.Minerals {
			one := q
			one.Minerals = []string{id}
			a, err := e.listChangesView(ctx, one)
			if err != nil || a == nil {
				continue
			}
			if first == nil {
				first = a
			}
			heads = append(heads, a.Headline)
		}
		if first != nil {
			first.Headline = sentences(heads...)
			return first, nil
		}
	}
	a := e.listsAnswer(m, q)
	a.Intent = IntentListChange
	name := e.subject(m)
	on22, on25 := e.on(m, knowledge.USGS2022), e.on(m, knowledge.USGS2025)
	d := e.draftList()
	proposed := func(ids []string) bool {
		return d != nil && (containsID(ids, m.ID) || m.Group != "" && containsID(ids, m.Group))
	}
	if q.Polarity == Removed {
		switch {
		case on22 && !on25:
			a.Headline = e.f("Yes — %s was on the 2022 U.S. list and is not on the 2025 one.", name)
		case on22 && on25 && d != nil && proposed(d.ListRemoves):
			a.Headline = e.f("No — %s stayed on the 2025 U.S. list; the %s draft had proposed removing it.", name, e.lang.Date(knowledge.Date{Time: d.Date.Time, Precision: knowledge.Month}))
		case on22 && on25:
			a.Headline = e.f("No — %s is on both the 2022 and the 2025 U.S. lists.", name)
		case on25:
			a.Headline = e.f("No — %s was added to the U.S. list in 2025; it was not on the 2022 list.", name)
		default:
			a.Headline = e.f("%s was on neither the 2022 nor the 2025 U.S. list.", capitalize(name))
		}
		a.Headline = plainVerdict(q, a.Headline)
		return a, nil
	}
	switch {
	case on25 && !on22:
		a.Headline = e.f("Yes — %s joined the U.S. list in 2025; it was not on the 2022 list.", name)
		if proposed(d.ListAdds) {
			a.Headline = sentences(a.Headline, e.f("The %s draft had proposed it.", e.lang.Date(knowledge.Date{Time: d.Date.Time, Precision: knowledge.Month})))
		}
	case on25:
		a.Headline = e.f("No — %s was already on the 2022 U.S. list and stayed on in 2025.", name)
	case on22:
		a.Headline = e.f("No — %s was on the 2022 U.S. list and is not on the 2025 one.", name)
	default:
		a.Headline = e.f("No — %s is not on the 2025 U.S. list.", name)
	}
	a.Headline = plainVerdict(q, a.Headline)
	return a, nil
}

func containsID(ids []string, id string) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

// cardlessItem answers about a list item that has no card (helium, feldspar): which lists
// name it.
func (e *snap) cardlessItem(q Query) *Answer {
	for _, en := range e.kb.ListEntries {
		if en.Mineral != "" || !slices.ContainsFunc(q.Terms, func(w string) bool {
			return w == knowledge.Normalize(en.Item) || w == knowledge.Normalize(e.lang.T(en.Item)) || w == knowledge.Normalize(Spanish.T(en.Item))
		}) {
			continue
		}
		var lists []string
		var srcs []knowledge.Source
		for _, x := range e.kb.ListEntries {
			if x.Item == en.Item {
				lists = append(lists, e.listName(x.List))
				srcs = appendSource(srcs, x.Source)
			}
		}
		name := capitalize(e.t(en.Item))
		a := &Answer{Intent: IntentLists, Title: name, Sources: srcs}
		a.Headline = e.f("%s is on the %s only; the knowledge base has no card for it.", name, e.and(lists))
		if q.Measure != MeasureLists {
			// "Who produces helium?": no card, so no figures; the lists are what the
			// knowledge base holds of it, the owners whose lists leave it out included.
			a.Headline = e.cardlessHeadline(capitalize(e.withArticle(e.t(en.Item))), en.Item, lists)
			return a
		}
		if q.YesNo && (len(q.Lists) > 0 || slices.Contains(q.Countries, "united-states")) {
			// "Is helium on the US list?": the verdict for the list asked. "Is helium
			// critical?" names no list: the sentence says which lists, with no verdict.
			asked := knowledge.USGS2025
			if len(q.Lists) > 0 {
				asked = q.Lists[0]
			}
			on := false
			for _, x := range e.kb.ListEntries {
				on = on || x.Item == en.Item && x.List == asked
			}
			a.Headline = e.verdict(on, a.Headline)
		}
		return a
	}
	return nil
}

// cardlessHeadline says that an item has no card, which lists name it (on, as listName
// writes them) and which owners' lists leave it out.
func (e *snap) cardlessHeadline(name, item string, on []string) string {
	var off []string
	for _, ls := range [][]knowledge.List{usLists, euLists} {
		if slices.ContainsFunc(e.kb.ListEntries, func(x knowledge.ListEntry) bool {
			return x.Item == item && slices.Contains(ls, x.List)
		}) {
			continue
		}
		if ls[0] == usLists[0] {
			off = append(off, e.t("the U.S. lists"))
		} else {
			off = append(off, e.t("the EU CRMA lists"))
		}
	}
	if len(off) == 0 {
		return e.f("%s has no card in the knowledge base: it is on the %s.", name, e.and(on))
	}
	return e.f("%s has no card in the knowledge base: it is not on %s, but on the %s.", name, e.and(off), e.and(on))
}

// setMember is one mineral of a list compared with another: a card, or an item without one.
type setMember struct {
	key, name string
	mineral   *knowledge.Mineral // nil for an item without a card
	note      string             // how an item without a card was matched
}

// listMembersByMineral are a list's items as minerals, for comparing two lists by card: an
// item the table joins to several cards ("heavy rare earth elements") is each of them, a
// group's card ("platinum group metals") is the cards of its members, and an item with no
// card is itself, by name. The notes say how groups were matched, in the asker's language.
func (e *snap) listMembersByMineral(l knowledge.List) ([]setMember, []string) {
	var out []setMember
	var notes []string
	seen := map[string]bool{}
	add := func(m setMember) {
		if !seen[m.key] {
			seen[m.key] = true
			out = append(out, m)
		}
	}
	byItem := map[string][]string{} // item → the cards it is joined to, in table order
	var items []string
	for _, en := range e.kb.ListEntries {
		if en.List != l {
			continue
		}
		if _, ok := byItem[en.Item]; !ok {
			items = append(items, en.Item)
		}
		byItem[en.Item] = append(byItem[en.Item], en.Mineral)
	}
	title := e.listName(l)
	for _, item := range items {
		ids := byItem[item]
		if len(ids) == 1 && ids[0] == "" {
			name := strings.ToLower(e.t(item))
			add(setMember{key: "item:" + knowledge.Normalize(item), name: name, note: e.f("%s has no card; it is compared by name.", capitalize(name))})
			continue
		}
		var names []string
		for _, id := range ids {
			m, ok := e.kb.Mineral(id)
			if !ok {
				continue
			}
			// The group's members in the knowledge base's order (by id): looked up from the
			// group, not found by walking every record for each item.
			var members []*knowledge.Mineral
			for _, id := range m.Members {
				if x, ok := e.kb.Mineral(id); ok {
					members = append(members, x)
				}
			}
			slices.SortFunc(members, func(a, b *knowledge.Mineral) int { return strings.Compare(a.ID, b.ID) })
			if len(members) == 0 {
				add(setMember{key: m.ID, name: strings.ToLower(e.mineralName(m)), mineral: m})
				names = append(names, strings.ToLower(e.mineralName(m)))
				continue
			}
			for _, x := range members {
				add(setMember{key: x.ID, name: strings.ToLower(e.mineralName(x)), mineral: x})
				names = append(names, strings.ToLower(e.mineralName(x)))
			}
		}
		if len(names) > 1 {
			notes = append(notes, capitalize(e.f("The %s names %s as one item; it counts here as %s.", title, e.withArticle(strings.ToLower(e.t(item))), e.and(names))))
		}
	}
	// Two items of one card ("phosphate rock" and "phosphorus") count once.
	for _, m := range out {
		var forms []string
		for _, item := range items {
			if slices.Contains(byItem[item], m.key) {
				forms = append(forms, strings.ToLower(e.t(item)))
			}
		}
		if len(forms) > 1 {
			notes = append(notes, e.f("On the %s, the items %s count once, as %s.", title, e.and(forms), m.name))
		}
	}
	slices.SortStableFunc(out, func(a, b setMember) int { return strings.Compare(a.name, b.name) })
	return out, notes
}

// listSetView: the minerals two lists share, or those on the first and not on the second,
// compared by card (see listMembersByMineral).
func (e *snap) listSetView(q Query) *Answer {
	if q.ListSet == SetDiff {
		// "What's the difference between the US and EU lists?": what each has that the other
		// lacks.
		one, other := q, q
		one.ListSet, other.ListSet = SetOnly, SetOnly
		other.Lists = []knowledge.List{q.Lists[1], q.Lists[0]}
		a, b := e.listSetView(one), e.listSetView(other)
		a.Title = capitalize(e.f("The %s and the %s compared", e.listName(q.Lists[0]), e.listName(q.Lists[1])))
		a.Headline = sentences(a.Headline, b.Headline)
		var secs []Section
		for i, x := range []*Answer{a, b} {
			if len(x.Sections) > 1 { // the names, then how the lists were matched
				names := x.Sections[0]
				names.Heading = capitalize(e.f("Only on the %s", e.listName(other.Lists[1-i])))
				secs = append(secs, names)
			}
		}
		a.Sections = append(secs, a.Sections[len(a.Sections)-1])
		a.Related = append(a.Related, b.Related...)
		return a
	}
	first, second := q.Lists[0], q.Lists[1]
	ms1, notes1 := e.listMembersByMineral(first)
	ms2, notes2 := e.listMembersByMineral(second)
	in2 := map[string]bool{}
	for _, m := range ms2 {
		in2[m.key] = true
	}
	var names, cardless []string
	a := &Answer{Intent: IntentList, Subtitle: e.t("derived from the two lists")}
	for _, m := range ms1 {
		if in2[m.key] != (q.ListSet == SetBoth) {
			continue
		}
		names = append(names, m.name)
		if m.note != "" {
			cardless = append(cardless, m.note)
		}
		if m.mineral != nil {
			a.Related = appendLink(a.Related, Link{Ref: e.mineralRef(m.mineral), Title: e.mineralName(m.mineral)})
		}
	}
	t1, t2 := e.listName(first), e.listName(second)
	shown := names
	if len(shown) > 12 {
		shown = shown[:10]
	}
	n := itoa(len(names))
	if q.ListSet == SetBoth {
		a.Title = e.t("On both lists")
		a.Headline = e.f("%s minerals are on both the %s and the %s: %s.", n, t1, t2, e.andMore(shown, len(names)))
		if len(names) == 1 {
			a.Headline = e.f("One mineral is on both the %s and the %s: %s.", t1, t2, names[0])
		}
		if len(names) == 0 {
			a.Headline = e.f("No mineral is on both the %s and the %s.", t1, t2)
		}
	} else {
		a.Title = capitalize(e.f("On the %s, not on the %s", t1, t2))
		a.Headline = e.f("%s minerals are on the %s but not on the %s: %s.", n, t1, t2, e.andMore(shown, len(names)))
		if len(names) == 1 {
			a.Headline = e.f("One mineral is on the %s but not on the %s: %s.", t1, t2, names[0])
		}
		if len(names) == 0 {
			a.Headline = e.f("Every mineral on the %s is also on the %s.", t1, t2)
		}
	}
	if len(names) > 0 {
		a.Sections = append(a.Sections, Section{Text: strings.Join(names, ", ")})
	}
	notes := append([]string{e.t("The lists are compared by mineral card: each item counts as the card or cards the table joins it to.")},
		slices.Concat(notes1, notes2, cardless)...)
	a.Sections = append(a.Sections, Section{Heading: e.t("How the lists were matched"), Items: notes, Detail: true})
	a.Sources = e.listSources(first, second)
	return a
}

// mineralOnLists answers whether a mineral is on both of two lists, or on the first and not
// the second: "is silver on the US list but not the EU list?". The mineral's card answers for
// the lists' groups as listsAnswer does (a member is on a list through its group).
func (e *snap) mineralOnLists(m *knowledge.Mineral, q Query) *Answer {
	first, second := q.Lists[0], q.Lists[1]
	on1, on2 := e.on(m, first), e.on(m, second)
	a := e.listsAnswer(m, q)
	name, t1, t2 := e.subject(m), e.listName(first), e.listName(second)
	if !q.YesNo {
		name = capitalize(name) // after a verdict the sentence goes on in lower case
	}
	var head string
	switch {
	case on1 && on2:
		head = e.f("%s is on both the %s and the %s.", name, t1, t2)
	case on1:
		head = e.f("%s is on the %s but not on the %s.", name, t1, t2)
	case on2:
		head = e.f("%s is on the %s but not on the %s.", name, t2, t1)
	default:
		head = e.f("%s is on neither the %s nor the %s.", name, t1, t2)
	}
	yes := on1 && on2
	if q.ListSet == SetOnly {
		yes = on1 && !on2
	}
	if q.YesNo {
		head = e.verdict(yes, head)
	}
	a.Headline = head
	return a
}
