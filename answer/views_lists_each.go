package answer

// listsEach answers a list question about several minerals one by one: "are lithium and
// cobalt on the US list?" is each one's answer, in the order named (at most six), rather
// than a comparison of their producers.
func (e *snap) listsEach(q Query) *Answer {
	var first *Answer
	var heads []string
	for _, id := range q.Minerals[:min(len(q.Minerals), 6)] {
		m, ok := e.kb.Mineral(id)
		if !ok {
			continue
		}
		one := q
		one.Minerals = []string{id}
		a := e.listsAnswer(m, one)
		if first == nil {
			first = a
		} else {
			first.Related = appendLink(first.Related, Link{Ref: e.mineralRef(m), Title: e.mineralName(m)})
		}
		heads = append(heads, a.Headline)
	}
	if first == nil {
		return nil
	}
	first.Headline = sentences(heads...)
	return first
}
