package answer

import (
	"context"
	"slices"
	"strings"
)

// Several things asked of one mineral at once: "fluorspar: who, how much, what changed",
// "who produces fluorspar and how has it changed?", "antimony: top producers, reserves,
// import reliance". One view answers one measure; the question asked for each of them, so
// the headline gives each one's first sentence, in the order asked (at most three), and the
// first one's card follows.

// listAskMeasures are the measures a question can list side by side: each has a view whose
// first sentence answers it on its own.
var listAskMeasures = []Measure{MeasureProduction, MeasureReserves, MeasureReliance, MeasureImportSources, MeasurePrice, MeasureChange, MeasureUses}

// listedMeasures returns the measures a question lists side by side, in the order asked, its
// main one among them, or nil when it lists fewer than two. The question must be a list ("a, b and c", "a; b", "a and b"), name one mineral
// and nothing that narrows it (a country, a year, an item, a list), and ask no yes/no: a
// measure's word in any other question qualifies the main one ("how has import reliance on
// gallium changed" asks reliance over time, not world production's change).
func listedMeasures(text string, norm []string, used []bool, q Query) []Measure {
	if len(q.Minerals) != 1 || len(q.Countries)+len(q.Policies)+len(q.Lists) > 0 || q.Year != 0 || q.FromYear != 0 ||
		q.YesNo || q.Compare || q.Timeline != "" || q.Refusal != "" || q.Leaders != "" || q.Importer != "" || q.Comparative != "" ||
		!slices.Contains(listAskMeasures, q.Measure) {
		return nil
	}
	if !strings.ContainsAny(text, ",;") && !slices.ContainsFunc(norm, func(w string) bool { return w == "and" || w == "y" || w == "plus" }) {
		return nil
	}
	// A change asked right after a price, reliance or imports is that figure's change
	// ("who produces gallium, and how has its price changed?"); after production, or first,
	// it is a change of its own (world production's).
	var asked []Measure
	last := Measure("")
	for i, w := range norm {
		if used[i] {
			continue
		}
		for _, m := range cueMeasures[w] {
			if !slices.Contains(listAskMeasures, m) {
				continue
			}
			if m == MeasureChange && (last == MeasurePrice || last == MeasureReliance || last == MeasureImportSources) {
				continue
			}
			if m != MeasureChange {
				last = m
			}
			if !slices.Contains(asked, m) {
				asked = append(asked, m)
			}
		}
	}
	// Import sources beside reliance are one answer: the reliance view names the sources.
	if slices.Contains(asked, MeasureReliance) {
		asked = slices.DeleteFunc(asked, func(m Measure) bool { return m == MeasureImportSources })
	}
	if len(asked) < 2 || !slices.Contains(asked, q.Measure) {
		return nil
	}
	return asked
}

// maxListAsks is how many measures a listed question's headline answers.
const maxListAsks = 3

// listedAnswer answers a question that lists several measures of one mineral (see
// listedMeasures): a, the main measure's answer, gets a headline of the first sentence of
// each listed measure's view, in the order asked, as many as fit. It changes nothing when no
// other view has an answer.
func (e *snap) listedAnswer(ctx context.Context, q Query, a *Answer) {
	if len(q.Listed) < 2 || a == nil || !a.Found() {
		return
	}
	var out []string
	for _, m := range q.Listed[:min(len(q.Listed), maxListAsks)] {
		b := a
		if m != q.Measure {
			v := views[m]
			if v == nil {
				continue
			}
			mq := q
			mq.Measure, mq.Listed = m, nil
			var err error
			if b, err = v(e, ctx, mq); err != nil || b == nil || !b.Found() {
				continue
			}
		}
		ss := sentencesOf(b.Headline)
		if len(ss) == 0 || slices.Contains(out, ss[0]) {
			continue
		}
		if len([]rune(sentences(append(out, ss[0])...))) > maxHeadlineRunes {
			break
		}
		out = append(out, ss[0])
	}
	if len(out) > 1 {
		a.Headline = sentences(out...)
	}
}
