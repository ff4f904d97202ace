package answer

import "github.com/mineralbot/mineralbot/knowledge"

// Two or three policy items compared: "compare section 232 and section 301". Each item's card
// answers for it alone; the question names them together, so the answer opens with each
// one's lead sentence (or, when those do not fit a headline together, each one's date and
// title), and the card gives each one's summary.

// policiesCompared answers a comparison of the two or three items a query names, or nil when
// it names fewer or more.
func (e *snap) policiesCompared(q Query) *Answer {
	if len(q.Policies) < 2 || len(q.Policies) > 3 {
		return nil
	}
	var ps []*knowledge.Policy
	for _, id := range q.Policies {
		if p, ok := e.kb.Policy(id); ok {
			ps = append(ps, p)
		}
	}
	if len(ps) < 2 {
		return nil
	}
	a := &Answer{Intent: IntentPolicyList, Title: e.t("Items compared")}
	var leads, titles []string
	for _, p := range ps {
		if ss := sentencesOf(e.policyLead(p, q)); len(ss) > 0 {
			leads = append(leads, ss[0])
		}
		titles = append(titles, e.lang.Date(p.Date)+": "+e.policyTitle(p)+".")
		a.Sections = append(a.Sections, Section{Heading: e.policyTitle(p) + " (" + e.when(p) + " · " + e.jurisdiction(p) + ")",
			Text: e.summary(p.Summary, p.SummaryES)})
		a.Related = appendLink(a.Related, Link{Ref: knowledge.Ref{Kind: knowledge.KindPolicy, ID: p.ID}, Title: e.policyTitle(p)})
		for _, s := range knowledge.Preferred(p.Sources) {
			a.Sources = appendSource(a.Sources, s)
		}
	}
	a.Headline = sentences(leads...)
	if len(leads) != len(ps) || len([]rune(a.Headline)) > maxHeadlineRunes {
		a.Headline = sentences(titles...)
	}
	return a
}
