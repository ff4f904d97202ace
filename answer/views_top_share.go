package answer

import "context"

// Helper W: "who are the top 3 silver producers and what's mexico's share", "top 5 lithium
// producers and chile's share": the top producers the question asks for, then the named
// country's place and share, not the country's card alone.

// topAndShare answers a top-N question that also names one country (not a yes/no: "is
// Mexico among the top 3?" is the country's verdict).
func (e *snap) topAndShare(ctx context.Context, q Query) *Answer {
	if q.Top <= 0 || q.YesNo || len(q.Minerals) != 1 || len(q.Countries) != 1 || len(q.Policies) > 0 ||
		q.Measure != MeasureProduction && q.Measure != MeasureReserves {
		return nil
	}
	v := views[q.Measure]
	top := q
	top.Countries = nil
	ta, err := v(e, ctx, top)
	if err != nil || ta == nil || !ta.Found() || ta.Headline == "" {
		return nil
	}
	one := q
	one.Top = 0
	ca, err := v(e, ctx, one)
	if err != nil || ca == nil || !ca.Found() || ca.Headline == "" {
		return nil
	}
	ss := sentencesOf(ta.Headline)
	own := sentencesOf(ca.Headline)[0]
	head := sentences(append(ss[:min(2, len(ss))], own)...)
	if !fitsHeadline(head) {
		head = sentences(ss[0], own)
		if !fitsHeadline(head) {
			return nil
		}
	}
	ta.Headline = head
	ta.Query = q
	ta.Sections = append(ta.Sections, Section{Heading: ca.Title, Text: ca.Headline})
	return ta
}
