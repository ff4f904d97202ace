package answer

import (
	"slices"
)

// IntentHome is the App Home tab's content.
const IntentHome Intent = "home"

// homeExamples are questions the App Home offers to run, one per kind of answer.
var homeExamples = []string{
	"who produces fluorspar?",
	"is copper on the EU list?",
	"US import reliance on gallium over time",
	"antimony 2024 vs 2025",
	"¿qué minerales críticos produce México?",
	"is China's export ban suspension still in force?",
}

// Home is what the App Home tab shows: what the bot answers, questions to try, and the newest
// policy items.
func (e *Engine) Home(lang Lang, in Audience) *Answer {
	s := e.snapshot(lang)
	a := &Answer{Intent: IntentHome, Lang: s.lang, Title: s.t("Ask me about critical minerals")}
	a.Headline = s.t("I answer questions about critical minerals from the USGS Mineral Commodity Summaries, the critical-minerals lists and dated policy items.")
	a.Sections = append(a.Sections, Section{Heading: s.t("Try"), Items: slices.Clone(homeExamples)})
	ps := newestFirst(s.kb.Policies)
	var items []string
	for _, p := range ps[:min(5, len(ps))] {
		items = append(items, s.lang.Date(p.Date)+": "+s.policyTitle(p)+s.endNote(p))
	}
	a.Sections = append(a.Sections, Section{Heading: s.t("Newest policy and news"), Items: items})
	in.Slack = true
	a.Sections = append(a.Sections, s.commands(in))
	return a
}
