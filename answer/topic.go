package answer

import (
	"slices"

	"github.com/mineralbot/mineralbot/knowledge"
)

// A conversation keeps what a follow-up needs of the question before it (the bot keeps it in
// memory and in its state store): the records the answer was about and what was asked of
// them. The sector a question asked about is kept by its label, never by the words that
// named it, so that no words of a question are kept: Sector and InSector turn one into the
// other.

// Sector returns the label of the sector q asks about ("batteries"), or "" if none.
func (q Query) Sector() string {
	if s, ok := sectorAsked(q); ok {
		return s.label
	}
	return ""
}

// InSector returns q asking about the sector labelled label, as a follow-up reads the
// question before it: with the sector's own word among its terms. A label no sector has
// leaves q as it is.
func (q Query) InSector(label string) Query {
	i := slices.IndexFunc(sectors, func(s sector) bool { return s.label == label })
	if i < 0 {
		return q
	}
	q.Terms = append(slices.Clip(q.Terms), sectors[i].words[0])
	return q
}

// Followed is what a conversation keeps of an answer for the follow-up after it, as the
// query the follow-up continues from (the bot keeps it in its state store; `ask -` in
// memory): the records the answer was about (with the policy item it was about when the
// question named none: "what did Mexico sign with the US?" is answered with the action
// plan, and "when?" is about it), and what was asked of them; of the question's words, only
// a sector's, "together" and "produce", as the engine's own words. Follow-ups read nothing else of it,
// so that one answered in Slack, after a restart or by another replica reads as one
// answered at once.
func (a *Answer) Followed() Query {
	q := a.Query
	if a.Record.Kind == knowledge.KindPolicy && a.Record.ID != "" && len(q.Policies) == 0 {
		q.Policies = []string{a.Record.ID}
	}
	kept := Query{Minerals: q.Minerals, Countries: q.Countries, Policies: q.Policies, Measure: q.Measure, Lists: q.Lists,
		Year: q.Year, YesNo: q.YesNo, Compare: q.Compare, Why: q.Why, Direction: q.Direction, World: q.World,
		WorldNamed: q.WorldNamed, Most: q.Most, Major: q.Major, Top: q.Top, Rank: q.Rank, Comparative: q.Comparative,
		Share: q.Share, Amount: q.Amount, Besides: q.Besides, MoreBesides: q.MoreBesides, Polarity: q.Polarity}
	kept = kept.InSector(q.Sector())
	if q.Together() {
		kept = kept.AsTogether()
	}
	if asksOutput(q) {
		kept = kept.AsOutput()
	}
	return kept
}

// AsOutput returns q asking about production, as a question with "produce" among its words
// does: "which critical minerals does the US produce?" is about output, not the list alone.
func (q Query) AsOutput() Query {
	q.Terms = append(slices.Clip(q.Terms), "produce")
	return q
}

// Output reports whether q asks about production in so many words (see AsOutput).
func (q Query) Output() bool { return asksOutput(q) }

// Together reports whether q asks for figures added together: "Mexico and Peru together".
func (q Query) Together() bool {
	return hasAny(q.Terms, togetherWords) || hasAny(q.Rest, togetherWords)
}

// AsTogether returns q asking for its figures added together, as Together reads it.
func (q Query) AsTogether() Query {
	q.Terms = append(slices.Clip(q.Terms), "together")
	return q
}
