package answer

import (
	"slices"
	"strconv"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper V: a question that names a year its best match is not of ("ley minera 2023": the
// Mining Law was reformed in 2022) is told so before the match, with the item of that year
// that matches next, if one does (the 2023 decree that applied the reform), rather than
// shown a 2022 item as if it were of 2023.

// yearMiss is that sentence, or "" when the question names no single year or the best match
// is of it.
func (e *snap) yearMiss(ps []*knowledge.Policy, q Query) string {
	if q.Year == 0 || q.Month != 0 || q.FromYear != 0 && q.FromYear != q.Year || len(ps) == 0 || datedInYear(ps[0], q) || ps[0].Date.IsZero() {
		return ""
	}
	if !ps[0].EndDate.IsZero() && ps[0].EndDate.Time.Year() == q.Year && slices.ContainsFunc(q.Terms, func(w string) bool { return endWords[w] || expiryWords[w] }) {
		return "" // Helper AA: "what tariffs end in 2027?": the best match ends then, as asked
	}
	year, best := strconv.Itoa(q.Year), strconv.Itoa(ps[0].Date.Time.Year())
	for _, p := range ps[1:min(8, len(ps))] {
		if datedInYear(p, q) {
			return e.f("The best match is of %s, not %s; of %s: “%s” (%s).", best, year, year, e.policyTitle(p), e.lang.Date(p.Date))
		}
	}
	return e.f("Nothing dated %s matches; the best match is of %s.", year, best)
}

// fitsHeadline reports whether a headline is a chat message: at most three sentences and
// maxHeadlineRunes.
func fitsHeadline(h string) bool {
	return len(sentencesOf(h)) <= 3 && len([]rune(h)) <= maxHeadlineRunes
}
