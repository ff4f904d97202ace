package answer

import (
	"cmp"
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// How long two critical lists are, set against each other: "is the EU list longer than the
// US list?", "which list is bigger, US or EU?", "how many minerals are on the EU list vs the
// US list?", "is the 2025 list longer than the 2022 list?". Each list's items are counted as
// it prints them, and mineral by mineral as listMembersByMineral matches them (a group item
// such as the EU's heavy rare earths is each of its members); the verdict is "yes" when both
// counts agree.

// listSizeAsk is what a question asks about the sizes of lists (see listSizeOf).
type listSizeAsk struct {
	// Ask is "more" ("longer", "bigger", "more minerals"), "less" ("shorter", "fewer") or
	// "count" ("how many", "size"); "" when the question asks nothing of sizes.
	Ask string
	// Same asks whether two lists are the same: "is the EU list the same as the US list?".
	Same bool
	// First is the owner or year of the list the question names first: "us", "eu", "2022"
	// or "2025"; "" when it names none.
	First string
}

// Words that ask which of two lists holds more items, or fewer, or how many each holds.
var (
	listLongerWords  = set("longer", "longest", "bigger", "biggest", "larger", "largest", "larga", "largo", "extensa") // Helper U: Spanish
	listShorterWords = set("shorter", "shortest", "smaller", "smallest", "fewer", "fewest", "corta", "corto")
	listCountWords   = set("count", "counts", "size", "sizes", "length", "lengths")
	listItemWords    = set("minerals", "items", "materials", "entries", "elements", "metals", "commodities")
)

// listSizeOf reads what a question asks of lists' sizes from its accent-folded words.
func listSizeOf(norm []string, has func(string) bool) listSizeAsk {
	var out listSizeAsk
	for i, w := range norm {
		next := ""
		if i+1 < len(norm) {
			next = norm[i+1]
		}
		switch {
		case out.Ask != "":
		case listLongerWords[w] || w == "more" && listItemWords[next]:
			out.Ask = "more"
		case listShorterWords[w] || w == "less" && listItemWords[next]:
			out.Ask = "less"
		case listCountWords[w] || w == "many" && i > 0 && norm[i-1] == "how" || w == "number" && next == "of":
			out.Ask = "count"
		}
		if w == "same" || w == "identical" {
			out.Same = true
		}
		if out.First == "" {
			switch {
			case w == "us" || w == "usa" || w == "usgs" || w == "american" || w == "america" || w == "u" && next == "s":
				out.First = "us"
			case w == "eu" || w == "eus" || w == "europe" || w == "european" || w == "crma":
				out.First = "eu"
			case w == "2022" || w == "2025":
				out.First = w
			}
		}
	}
	if !has("list") && !has("lists") && !has("lista") && !has("listas") {
		return listSizeAsk{}
	}
	return out
}

// listSizePair is the two lists a question about sizes sets against each other, the one it
// names first first, or false. The U.S. named beside an EU list is its 2025 list; "the 2025
// list" beside the 2022 one is the 2025 list.
func listSizePair(q Query) ([2]knowledge.List, bool) {
	ls := slices.Clone(q.Lists)
	hasUS := slices.Contains(ls, knowledge.USGS2025) || slices.Contains(ls, knowledge.USGS2022)
	hasEU := slices.Contains(ls, knowledge.EUCRMACritical) || slices.Contains(ls, knowledge.EUCRMAStrategic)
	switch {
	case hasEU && !hasUS && (slices.Contains(q.Countries, "united-states") || q.ListSize.First == "us"):
		ls = append(ls, knowledge.USGS2025)
	case !hasEU && slices.Equal(ls, []knowledge.List{knowledge.USGS2022}) && q.Year == 2025:
		ls = append(ls, knowledge.USGS2025)
	}
	if len(ls) != 2 {
		return [2]knowledge.List{}, false
	}
	first := func(l knowledge.List) bool {
		switch q.ListSize.First {
		case "us":
			return l == knowledge.USGS2025 || l == knowledge.USGS2022
		case "eu":
			return l == knowledge.EUCRMACritical || l == knowledge.EUCRMAStrategic
		case "2022":
			return l == knowledge.USGS2022
		case "2025":
			return l == knowledge.USGS2025
		}
		return false
	}
	if !first(ls[0]) && first(ls[1]) {
		ls[0], ls[1] = ls[1], ls[0]
	}
	return [2]knowledge.List{ls[0], ls[1]}, true
}

// listSizes answers a question about how long two lists are, or nil for another view.
func (e *snap) listSizes(q Query) *Answer {
	if pair, ok := listSizePair(q); ok && q.ListSize.Same && len(q.Minerals) == 0 && (q.ListSet == "" || q.ListSet == SetDiff) {
		q.Lists = pair[:]
		if !q.YesNo && q.WhichMinerals {
			// "which minerals are the same on the US and EU lists?": those on both.
			q.ListSet = SetBoth
			return e.listSetView(q)
		}
		if !q.YesNo {
			return nil
		}
		// "is the EU list the same as the US list?": no, and what each has that the other lacks.
		q.ListSet = SetDiff
		a := e.listSetView(q)
		ms0, _ := e.listMembersByMineral(q.Lists[0])
		ms1, _ := e.listMembersByMineral(q.Lists[1])
		same := len(ms0) == len(ms1)
		in1 := make(map[string]bool, len(ms1))
		for _, m := range ms1 {
			in1[m.key] = true
		}
		for _, m := range ms0 {
			same = same && in1[m.key]
		}
		h := a.Headline
		if first, _, _ := strings.Cut(h, " "); setOpeners[first] {
			h = lowerFirst(h) // "No — every mineral on…"
		}
		a.Headline = e.verdict(same, h)
		return a
	}
	if q.ListSize.Ask == "" || len(q.Minerals) > 0 || len(q.Policies) > 0 || q.Leaders != "" || q.ListSet == SetBoth ||
		q.ListSet == SetOnly || slices.ContainsFunc(q.Countries, func(c string) bool { return c != "united-states" }) {
		return nil
	}
	pair, ok := listSizePair(q)
	if !ok {
		return nil
	}
	choice := q.ListSize.Ask != "count" && !q.YesNo
	usYears := (pair[0] == knowledge.USGS2022 || pair[0] == knowledge.USGS2025) && (pair[1] == knowledge.USGS2022 || pair[1] == knowledge.USGS2025)
	if usYears && !q.YesNo && !choice {
		return nil // "how many minerals were on the 2022 list vs 2025": what the list changed says (listChangesView)
	}
	a, b := pair[0], pair[1]
	itemsA, itemsB := len(e.listItems(a)), len(e.listItems(b))
	msA, _ := e.listMembersByMineral(a)
	msB, _ := e.listMembersByMineral(b)
	inB := make(map[string]bool, len(msB))
	for _, m := range msB {
		inB[m.key] = true
	}
	both := 0
	for _, m := range msA {
		if inB[m.key] {
			both++
		}
	}
	cardsA, cardsB := len(msA), len(msB)
	tA, tB := e.listName(a), e.listName(b)
	ans := e.listSetView(Query{ListSet: SetDiff, Lists: []knowledge.List{a, b}})
	ans.Intent = IntentList
	overlap := e.f("%s minerals are on both.", itoa(both))
	switch {
	case both == cardsA && cardsA < cardsB:
		overlap = e.f("every mineral on the %s is on the %s too.", tA, tB)
	case both == cardsB && cardsB < cardsA:
		overlap = e.f("every mineral on the %s is on the %s too.", tB, tA)
	}
	counted := capitalize(overlap)
	if cardsA != itemsA || cardsB != itemsB {
		counted = e.f("Counted mineral by mineral, with group items split into their members, that is %s and %s; %s",
			itoa(cardsA), itoa(cardsB), overlap)
	}
	sizes := e.f("the %s has %s items and the %s %s.", tA, itoa(itemsA), tB, itoa(itemsB))
	agree := cmp.Compare(itemsA, itemsB) == cmp.Compare(cardsA, cardsB)
	switch {
	case q.ListSize.Ask == "count" || !agree:
		ans.Headline = sentences(capitalize(sizes), counted)
	case choice && itemsA == itemsB:
		ans.Headline = sentences(capitalize(e.f("Neither: the %s and the %s have %s items each.", tA, tB, itoa(itemsA))), counted)
	case choice:
		long, short, nLong, nShort := a, b, itemsA, itemsB
		if itemsB > itemsA {
			long, short, nLong, nShort = b, a, itemsB, itemsA
		}
		longer := e.f("The %s is the longer, with %s items against %s on the %s.", e.listName(long), itoa(nLong), itoa(nShort), e.listName(short))
		if q.ListSize.Ask == "less" {
			longer = e.f("The %s is the shorter, with %s items against %s on the %s.", e.listName(short), itoa(nShort), itoa(nLong), e.listName(long))
		}
		ans.Headline = sentences(capitalize(longer), counted)
	default:
		yes := itemsA > itemsB
		if q.ListSize.Ask == "less" {
			yes = itemsA < itemsB
		}
		ans.Headline = sentences(e.verdict(yes, sizes), counted)
	}
	return ans
}

// listYearOnly reads a question that asks what one U.S. list holds and the other does not:
// "which minerals were on the 2022 list but not the 2025 list?" asks what 2025 dropped
// ("removed"), "on the 2025 list but not the 2022 one" what it added ("added"). The list
// named first is the one the minerals are on.
func listYearOnly(q Query) (string, bool) {
	if q.Polarity != Negated || q.FromYear != 2022 || q.Year != 2025 || len(q.Minerals) > 0 {
		return "", false
	}
	switch q.ListSize.First {
	case "2022":
		return "removed", true
	case "2025":
		return "added", true
	}
	return "", false
}

// setOpeners are the first words of listSetView's headlines that are not names.
var setOpeners = set("Every", "One", "No", "Todos", "Un", "Ningún")
