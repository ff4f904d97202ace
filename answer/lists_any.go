package answer

import (
	"strconv"

	"github.com/mineralbot/mineralbot/knowledge"
)

// anyListOf reports whether a question asks about every critical list at once: "any list",
// "the critical lists", "alguna lista", "ninguna lista".
func anyListOf(has func(string) bool) bool {
	return has("any critical") || has("any list") || has("any lists") || has("critical lists") || has("the lists") ||
		has("alguna lista") || has("ninguna lista") || has("las listas") || has("algun listado")
}

// Helper U: a yes/no about the critical lists that names no list but asks about any of them
// ("is zinc on any critical list?") is answered from every list the knowledge base holds,
// not only the newest U.S. one.
func (e *snap) anyListHeadline(m *knowledge.Mineral, onLists []string) string {
	var head string
	switch len(onLists) {
	case 0:
		return e.f("No — %s is on none of the critical lists: not on the U.S. lists of 2025 or 2022, nor on the EU CRMA lists.", e.subject(m))
	case 1:
		head = e.f("Yes — %s is on one critical list: the %s.", e.subject(m), onLists[0])
	default:
		head = e.f("Yes — %s is on %s critical lists: %s.", e.subject(m), strconv.Itoa(len(onLists)), e.and(onLists))
	}
	if e.addedIn2025(m) {
		head = sentences(head, e.f("It joined the U.S. list in 2025."))
	}
	return head
}
