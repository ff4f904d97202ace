package answer

import "strings"

// nothingComing says that nothing is coming up: on the topic asked ("upcoming measures on
// rare earths", "what's coming up for Mexico?"), and of the kind asked (an end, or an end or
// a start).
func (e *snap) nothingComing(q Query, starts bool) string {
	var topic []string
	for _, id := range q.Minerals {
		if m, ok := e.kb.Mineral(id); ok {
			topic = append(topic, strings.ToLower(e.mineralName(m)))
		}
	}
	for _, id := range q.Countries {
		topic = append(topic, e.countryAfterIn(id))
	}
	updated := e.lang.Date(e.kbUpdated())
	switch {
	case !starts:
		return e.f("No item in the knowledge base has an end date in the coming months (updated %s).", updated)
	case len(topic) > 0 && len(q.Policies) == 0:
		return e.f("No item in the knowledge base concerning %s takes effect or ends in the coming months (updated %s).", e.and(topic), updated)
	}
	return e.f("No item in the knowledge base takes effect or ends in the coming months (updated %s).", updated)
}
