package answer

import (
	"slices"
	"strconv"
	"time"

	"github.com/mineralbot/mineralbot/knowledge"
)

// thisYearTopic answers what happened on a topic "this year": "what changed in China's
// export controls this year?", "¿qué cambió en los controles de China este año?". This
// year is the engine clock's; the items on the topic dated in it (issued, taking effect or
// ending) come newest first. When none is, it says so and gives the latest item on the
// topic. A question with no topic beyond a country ("what happened this year in China")
// is every item of the year (timelineView).
func (e *snap) thisYearTopic(q Query) (*Answer, bool) {
	if q.Timeline != ThisYear || q.Month > 0 || !slices.ContainsFunc(q.Terms, yearTopicWord) {
		return nil, false
	}
	ps, _ := e.rankPolicies(q)
	if len(ps) == 0 {
		return nil, false
	}
	y := e.now().Year()
	start, end := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC), time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC)
	inYear := func(d knowledge.Date) bool { return !d.IsZero() && d.Time.Year() == y }
	var dated []*knowledge.Policy
	for _, p := range ps {
		if inYear(p.Date) || inYear(p.Effective) || inYear(p.EndDate) {
			dated = append(dated, p)
		}
	}
	if len(dated) > 0 {
		return e.rangeView(dated, q, start, end), true
	}
	latest := newestFirst(ps)[0]
	a := e.policyList(newestFirst(ps)[:min(5, len(ps))], "Policy items that match")
	a.Headline = e.f("No item on this in the knowledge base (updated %s) is dated %s. The latest: %s, %s.",
		e.lang.Date(e.kbUpdated()), strconv.Itoa(y), e.lang.Date(latest.Date), e.policyTitle(latest)+e.endNote(latest))
	return a, true
}

// yearTopicWord reports whether a question's word names a topic, not the period ("this
// year"), a change ("what changed") or a happening ("what happened").
func yearTopicWord(w string) bool {
	if happenWords[w] || yearWords[w] || isNumber(w) {
		return false
	}
	ms := cueMeasures[w]
	return !(len(ms) > 0 && !slices.Contains(ms, MeasurePolicy))
}

// yearWords are the words of "this year", "este año", "so far this year", "en lo que va
// del año".
var yearWords = set("this", "year", "este", "ano", "so", "far", "en", "lo", "que", "va", "del", "what", "changed", "change",
	"changes", "cambio", "cambios", "cambiado", "new", "nuevo")

// exportControls name a government's export controls, a policy: "control" alone may ask who
// controls supply.
var exportControls = newPhrases("export controls", "export control", "controles de exportacion", "control de exportaciones",
	"controles a la exportacion")
