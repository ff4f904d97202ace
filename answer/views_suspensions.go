package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// suspensionsMatched are, for a status question that asks about a suspension and names no
// item ("when does the China suspension end?", "¿cuándo termina la suspensión de China?"),
// the items among ps (those that concern what the question names) whose title or aliases
// call them a suspension or pause. When two or more match, no one of them is the one asked
// about, whatever the ranking of the question's other words in either language: the answer
// covers them all, so that the English and Spanish answers agree.
func (e *snap) suspensionsMatched(q Query, ps []*knowledge.Policy) []*knowledge.Policy {
	if !q.Status || !asksSuspension(q) || len(q.Policies) > 0 {
		return nil
	}
	var out []*knowledge.Policy
	for _, p := range ps {
		words := e.policyWords(p)
		if words[stem("suspension")] == 2 || words[stem("pause")] == 2 || words[stem("pausa")] == 2 {
			out = append(out, p)
		}
	}
	return out
}

// suspensionsStatus answers a status question that several suspensions match: each with its
// end date and whether the knowledge base says what came after it. They are ordered by end
// date, the soonest first (the order in which they run out); an item without an end date
// comes last.
func (e *snap) suspensionsStatus(q Query, ps []*knowledge.Policy) *Answer {
	ps = byEndDate(ps)
	var parts []string
	open := 0 // how many were due to end with nothing said of what came after
	for _, p := range ps {
		clause, unknown := e.suspensionClause(p)
		parts = append(parts, clause)
		if unknown {
			open++
		}
	}
	joined := strings.Join(parts, "; ")
	lead := e.f("%s suspensions match, by end date: %s.", itoa(len(ps)), joined)
	if len(q.Countries) > 0 {
		lead = e.f("%s suspensions by %s match, by end date: %s.", itoa(len(ps)), e.countryNames(q.Countries), joined)
	}
	after := e.f("Nothing later is in the knowledge base (updated %s).", e.lang.Date(e.kbUpdated()))
	if open > 0 {
		after = e.f("No source in the knowledge base (updated %s) says whether those due to end were extended or lapsed.", e.lang.Date(e.kbUpdated()))
	}
	a := e.policyCard(ps[0], q)
	a.Headline = sentences(lead, after)
	e.linkFirst(a, ps[1:])
	return a
}

// suspensionClause says when one suspension ends or ended, and what the knowledge base holds
// after its end: "“…” was due to end on 10 Nov 2026". unknown is true when it was due to end
// and no later item says what became of it (the caller says so once for all of them).
func (e *snap) suspensionClause(p *knowledge.Policy) (clause string, unknown bool) {
	title := "“" + e.policyTitle(p) + "”"
	today := e.today()
	end := e.lang.Date(p.EndDate)
	switch {
	case p.EndDate.IsZero():
		return e.f("%s, from %s, has no end date in the knowledge base", title, e.lang.Date(p.Date)), false
	case p.EndDate.Time.Equal(today):
		return e.f("%s ends today, %s", title, end), false
	case !e.ended(p):
		return e.f("%s runs until %s", title, end), false
	}
	// What came after the end: a later item on the same matter, dated by today.
	if next := e.successor(p); next != nil && next.Date.Time.After(p.EndDate.Time) && !next.Date.Time.After(e.now()) {
		if p.EndScheduled {
			return e.f("%s was due to end on %s, and the knowledge base then records “%s”, %s", title, end, e.policyTitle(next), e.lang.Date(next.Date)), false
		}
		return e.f("%s ended on %s, and the knowledge base then records “%s”, %s", title, end, e.policyTitle(next), e.lang.Date(next.Date)), false
	}
	if p.EndScheduled {
		return e.f("%s was due to end on %s", title, end), true
	}
	return e.f("%s ended on %s", title, end), false
}

// byEndDate is a copy of items ordered by end date, the soonest first (the order in which
// they run out); items without one come last, the newest first.
func byEndDate(ps []*knowledge.Policy) []*knowledge.Policy {
	ps = slices.Clone(ps)
	slices.SortStableFunc(ps, func(a, b *knowledge.Policy) int {
		switch {
		case a.EndDate.IsZero() && b.EndDate.IsZero():
			return b.Date.Time.Compare(a.Date.Time)
		case a.EndDate.IsZero():
			return 1
		case b.EndDate.IsZero():
			return -1
		}
		return a.EndDate.Time.Compare(b.EndDate.Time)
	})
	return ps
}

// linkFirst puts links to items ahead of an answer's related links: the other items it
// covers come before what the card's own item relates to.
func (e *snap) linkFirst(a *Answer, items []*knowledge.Policy) {
	var related []Link
	for _, p := range items {
		related = appendLink(related, Link{Ref: knowledge.Ref{Kind: knowledge.KindPolicy, ID: p.ID}, Title: e.policyTitle(p)})
	}
	a.Related = append(related, a.Related...)
}
