package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// exportControlWords, beside an export word, ask about export controls: "is graphite under
// Chinese export controls?".
var exportControlWords = set("control", "controls", "controles")

// restrictsNow answers a yes/no question whether a country restricts a mineral's exports
// ("does China restrict exports of graphite?", "is graphite under Chinese export controls?",
// "¿restringe China las exportaciones de grafito?") from the newest of the country's
// measures that name the mineral (or its group): a measure in force is a yes with its date;
// a suspension, or a measure suspended, is said to be one, with the suspension's end and,
// once that has passed, that no source says what happened after. Nil when the question is
// not one of these or no such measure is recorded (the caller says there is none).
func (e *snap) restrictsNow(q Query) *Answer {
	if !q.YesNo || q.Status || q.Cut || q.Tense == "past" || len(q.Policies) > 0 || len(q.Minerals) != 1 || len(q.Countries) == 0 {
		return nil
	}
	restrict := slices.ContainsFunc(q.Terms, func(w string) bool { return restrictWords[w] })
	controls := hasAny(q.Terms, exportControlWords) && (hasAny(q.Terms, tradeFlowWords) || hasAny(q.Terms, exportWords))
	if !restrict && !controls || slices.ContainsFunc(q.Terms, func(w string) bool { return banWords[w] }) {
		return nil // "does China ban …" asks about a ban: restrictionStatus and the rest
	}
	m, ok := e.mineral(q)
	if !ok {
		return nil
	}
	country := q.Countries[0]
	var items []*knowledge.Policy
	for _, p := range e.kb.Policies {
		if !restrictiveKinds[p.Kind] || p.Date.Time.After(e.now()) || !slices.Contains(p.Countries, country) ||
			!e.ownMeasure(p, country) {
			continue
		}
		if p.Kind != "export-control" && e.policyWords(p)[stem("export")] != 2 {
			continue // a mining quota restricts output, not exports
		}
		if slices.ContainsFunc(p.Minerals, func(id string) bool { return id == m.ID || m.Group != "" && id == m.Group }) {
			items = append(items, p)
		}
	}
	if len(items) == 0 {
		return nil
	}
	// Newest first; on the same day, a measure before its suspension.
	slices.SortStableFunc(items, func(a, b *knowledge.Policy) int {
		if c := b.Date.Time.Compare(a.Date.Time); c != 0 {
			return c
		}
		return boolRank(e.suspends(a)) - boolRank(e.suspends(b))
	})
	newest := items[0]
	name := strings.ToLower(e.mineralName(m))
	who := e.countryName(country)
	susp := newest
	if !e.suspends(newest) {
		susp = e.suspensionOf(newest)
	}
	var headline string
	unknownAfter := false // a suspension was due to end and no source says what came after
	switch {
	case susp == nil && e.ended(newest):
		return nil // the newest measure has lapsed: restrictionStatus says what became of it
	case susp == nil:
		// In force: the newest measure, with its date.
		headline = e.verdict(true, e.f("%s restricts exports of %s: “%s” (%s).", capitalize(who), name, e.policyTitle(newest), e.lang.Date(newest.Date)))
	case susp.EndDate.IsZero():
		headline = e.verdict(true, e.f("%s restricts exports of %s, but the newest measure on them, “%s” (%s), suspends them with no end date in the knowledge base.",
			capitalize(who), name, e.policyTitle(susp), e.lang.Date(susp.Date)))
	case e.ended(susp):
		headline = e.verdict(true, e.f("%s restricts exports of %s, but the newest measure on them, “%s” (%s), suspended them until %s.",
			capitalize(who), name, e.policyTitle(susp), e.lang.Date(susp.Date), e.lang.Date(susp.EndDate)))
		unknownAfter = true
	default:
		headline = e.verdict(true, e.f("%s restricts exports of %s, but the newest measure on them, “%s” (%s), suspends them until %s.",
			capitalize(who), name, e.policyTitle(susp), e.lang.Date(susp.Date), e.lang.Date(susp.EndDate)))
	}
	if susp != nil {
		// "does China restrict exports of gallium?": an older measure on it not suspended
		// still holds.
		for _, p := range items[1:] {
			if !e.suspends(p) && e.forceOf(p) == forceOn {
				headline = sentences(headline, e.f("“%s” (%s) remains in force.", e.policyTitle(p), e.lang.Date(p.Date)))
				break
			}
		}
		// "does China restrict exports of graphite?": another suspension on it was due to
		// end, and no source says what came after.
		for _, p := range items {
			if p == susp || !e.suspends(p) {
				continue
			}
			if clause, unknown := e.suspensionClause(p); unknown {
				headline, unknownAfter = sentences(headline, clause+"."), true
				break
			}
		}
	}
	if unknownAfter {
		// Said once, for one suspension or two.
		headline = sentences(headline, e.f("No source in the knowledge base (updated %s) says what happened after.", e.lang.Date(e.kbUpdated())))
	}
	card := newest
	if susp != nil {
		card = susp
	}
	a := e.policyCard(card, q)
	a.Headline = headline
	e.relateOthers(a, items, card)
	return a
}
