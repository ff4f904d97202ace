package answer

import (
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// After a list's answer ("which minerals are strategic?" gives the EU's strategic raw
// materials), a follow-up that names minerals and asks whether they are among them ("is
// lithium one of them?", "and copper?", "¿y el cobre?") asks whether they are on that list.

// listOnly is the list the question before a follow-up asked about alone, if it did: the one
// it named, or the U.S. list for a question about the critical list that names none. The
// U.S. may be named, as the list's owner ("¿cuáles son los minerales críticos de EE.UU.?"),
// but not what it produces.
func listOnly(prev Query) []knowledge.List {
	us := len(prev.Countries) == 1 && prev.Countries[0] == "united-states" && !asksOutput(prev)
	if len(prev.Minerals)+len(prev.Policies) > 0 || len(prev.Countries) > 0 && !us || prev.Measure != MeasureLists && len(prev.Lists) == 0 {
		return nil
	}
	if len(prev.Lists) == 0 {
		return []knowledge.List{knowledge.USGS2025}
	}
	return prev.Lists
}

// listMember gives such a follow-up the list, as "is lithium on the EU strategic list?"
// asks it. It reports whether it did.
func listMember(prev Query, pq *Query, q string) bool {
	lists := listOnly(prev)
	if len(lists) == 0 || len(pq.Minerals) == 0 || len(pq.Countries)+len(pq.Policies) > 0 || len(pq.Lists) > 0 {
		return false
	}
	words := strings.Fields(knowledge.Normalize(q))
	if !(pq.YesNo && hasAny(words, anaphoraWords) && hasAny(words, amongWords)) && !(followUpWords(q) && pq.Measure == MeasureOverview) {
		return false
	}
	pq.Lists, pq.Measure, pq.YesNo = lists, MeasureLists, true
	return true
}
