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

// Followed is what a follow-up of a continues from: its query, with the policy item it was
// about when the question named none ("what did Mexico sign with the US?" is answered with
// the action plan), so that "when?" or "is antimony in it?" is about that item.
func (a *Answer) Followed() Query {
	q := a.Query
	if a.Record.Kind == knowledge.KindPolicy && a.Record.ID != "" && len(q.Policies) == 0 {
		q.Policies = []string{a.Record.ID}
	}
	return q
}
