package answer

import (
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// reservesCount says how many countries a reserves table gives figures for, as countSentence
// does for production: "how many countries have lithium reserves?". The count is what USGS
// lists; the rest of the world is counted together when the table says so.
func (e *snap) reservesCount(name string, r knowledge.Ranking) string {
	n := len(r.Rows) + len(r.Unknown)
	return e.countTail(e.f("USGS lists %s reserves for %s countries (%s).", name, itoa(n), source(r.Edition)), r)
}

// countTail adds to a sentence counting a table's countries that it lumps the rest together,
// and the countries it gives no figure for, when it does.
func (e *snap) countTail(s string, r knowledge.Ranking) string {
	if r.Others != nil {
		s = strings.TrimSuffix(s, ".") + e.t(", and lumps the rest together as “other countries”.")
	}
	if len(r.Unknown) > 0 {
		names := make([]string, len(r.Unknown))
		for i, f := range r.Unknown {
			names[i] = e.countryAfterIn(f.Country)
		}
		s = strings.TrimSuffix(s, ".") + e.f("; it gives no figure for %s.", e.and(names))
	}
	return s
}
