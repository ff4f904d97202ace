package answer

import (
	"context"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Why a mineral is critical: "why is antimony critical?", "why is copper on the list now?",
// "¿por qué el cobre es crítico?". The knowledge base does not hold USGS's reasoning for each
// mineral; it holds what the list is for (minerals the economy or security depends on whose
// supply could be disrupted) and the figures that bear on it: how concentrated world supply
// is and how much of its consumption the U.S. imports. The answer says which lists name the
// mineral, then those figures, as figures and not as USGS's reasons.

// whyWords ask for a reason: "why", "por qué" (folded "por que"; "porque" typed for it).
func asksWhy(norm []string) bool {
	for i, w := range norm {
		if w == "why" || w == "porque" || w == "por" && i+1 < len(norm) && norm[i+1] == "que" {
			return true
		}
	}
	return false
}

// whyCritical answers why a mineral is on the critical lists, or nil when the question is
// not that.
func (e *snap) whyCritical(ctx context.Context, q Query) *Answer {
	if !q.Why || len(q.Minerals) != 1 || q.Measure != MeasureLists || len(q.Countries) > 0 || q.YesNo && q.Absent {
		return nil
	}
	m, ok := e.kb.Mineral(q.Minerals[0])
	if !ok {
		return nil
	}
	a, err := e.listsView(ctx, q)
	if err != nil || a == nil {
		return nil
	}
	name := strings.ToLower(e.mineralName(m))
	var evidence []string
	src := knowledge.Edition(0)
	if r, ok := e.kb.PrimaryRanking(m.ID); ok && len(r.Rows) > 0 && r.Rows[0].Share >= 0 {
		top := r.Rows[0]
		evidence = append(evidence, e.f("%s produced %s of world %s of %s in %s (HHI %s, %s)", e.countryName(top.Country), percent(top.Share),
			e.measure(r.Measure), e.tableName(m, r), yearLabel(r.Year, top.Estimated), number(float64(int(r.HHI()+0.5))), e.hhiReading(r.HHI())))
		src = max(src, r.Edition)
	}
	if l := e.latestByProduct(m.ID); len(l) > 0 && l[0].Printed != "NA" && l[0].Printed != "W" {
		if l[0].NetExporter() {
			evidence = append(evidence, e.f("the U.S. was a net exporter in %s", yearLabel(l[0].Year, l[0].Estimated)))
		} else {
			evidence = append(evidence, e.f("the U.S. relied on net imports for %s of its consumption in %s", e.relianceText(l[0]), yearLabel(l[0].Year, l[0].Estimated)))
		}
		src = max(src, l[0].Edition)
	}
	if !m.On(knowledge.USGS2025) {
		return a // "why is gold critical?": the lists view says which lists name it, if any
	}
	head := e.f("%s is on the %s, which names minerals the U.S. economy or national security depends on and whose supply could be disrupted; USGS's reasons for each mineral are not in this knowledge base.",
		capitalize(e.withArticle(name)), e.listName(knowledge.USGS2025))
	if len(evidence) > 0 {
		head = sentences(head, e.f("The figures that bear on it: %s (%s).", e.and(evidence), source(src)))
	}
	a.Headline = head
	return a
}
