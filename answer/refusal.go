package answer

import (
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// refusal is the honest answer to a question outside the knowledge base: what it is not,
// what mineralbot can answer instead, and suggestions from the question's own words.
func (e *snap) refusal(q Query) *Answer {
	a := &Answer{Intent: IntentRefusal, Refusal: q.Refusal}
	switch q.Refusal {
	case RefuseGreeting:
		a.Headline = e.t("Hello! I answer questions about critical minerals: who produces them, reserves, U.S. import reliance, prices (USGS annual averages), critical lists and policy.")
	case RefuseThanks:
		a.Headline = e.t("You're welcome! Ask me any time about critical minerals: producers, reserves, U.S. imports, prices, critical lists and policy.")
	case RefuseOffTopic:
		a.Headline = e.t("That is not in my knowledge base: I know critical minerals — producers, reserves, U.S. imports, critical lists and policy.")
	case RefuseWeather:
		a.Headline = e.t("Weather is not in my knowledge base: I know critical minerals — producers, reserves, U.S. imports, critical lists and policy.")
	case RefuseForecast:
		a.Headline = e.t("I don't make forecasts: my knowledge base holds USGS figures up to 2025 (estimates) and dated policy items, not predictions.")
	case RefuseAdvice:
		a.Headline = e.t("I don't give investment advice: I can give the facts behind a decision — who produces a mineral, U.S. import reliance, USGS annual prices and the policies that touch it.")
	case RefusePeople:
		a.Headline = e.t("People and companies are not in my knowledge base: I know minerals, countries, critical lists and policy.")
	case RefuseLivePrice:
		a.Headline = e.t("I have no live or current market prices; for a mineral I can give the USGS annual average price.")
	}
	a.Title = e.t("Not in my knowledge base")
	a.Sections = append(a.Sections, Section{Heading: e.t("What I can answer instead"), Items: e.canAnswer(q)})
	return a
}

// canAnswer lists questions mineralbot can answer, built from the records the question
// named, or from the names closest to its words.
func (e *snap) canAnswer(q Query) []string {
	var items []string
	for _, id := range q.Minerals {
		if m, ok := e.kb.Mineral(id); ok {
			n := strings.ToLower(e.mineralName(m))
			items = append(items, e.f("who produces %s?", n), e.f("price of %s", n), e.f("%s policy", n))
		}
	}
	for _, id := range q.Countries {
		items = append(items, e.f("what does %s produce?", e.countryName(id)))
	}
	if len(items) == 0 {
		for _, s := range e.suggest(strings.Join(q.Rest, " ")) {
			items = append(items, s)
		}
	}
	if len(items) == 0 {
		items = append(items, e.t("a mineral: antimony, fluorspar, plata, Sb"), e.t("a question: who produces graphite? · is copper critical? · silver in Mexico · ¿qué minerales críticos produce México?"))
	}
	return items
}

// suggest offers the names closest to a question's words, by edit distance: nothing fixed.
func (e *snap) suggest(question string) []string {
	var out []string
	seen := map[knowledge.Ref]bool{}
	for _, w := range strings.Fields(knowledge.Normalize(question)) {
		if stopWords[w] || greetings[w] {
			continue
		}
		for _, n := range e.lex.spell.nearest(w, 3) {
			r, ok := e.lex.spell.refs[n]
			if !ok || seen[r] {
				continue
			}
			seen[r] = true
			out = append(out, e.title(r))
			if len(out) == 4 {
				return out
			}
		}
	}
	return out
}
