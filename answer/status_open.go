package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Whether a measure with no end date is in force: "is the Section 232 tariff on copper in
// effect?", "is the DRC cobalt cap still in force?". The records cannot prove it is, but when
// one has taken effect, gives no end date, and no later item ends, suspends or may replace it,
// "yes, as far as the knowledge base goes" is what they support; the answer says what it
// rests on. A measure whose end date passed stays "Not known —" or "No —" (statusOf).

// openEndedKinds are the kinds of item that are in force or not: measures and agreements,
// not meetings, announcements, investigations or lists.
var openEndedKinds = set("export-control", "regulation", "tariff", "law", "decree", "agreement", "program")

// openEndedInForce reports whether p has taken effect, has no end date, and no later item
// of the knowledge base (even one dated after today) suspends it or may replace it: one of
// the same kind, on its minerals, in its countries, with no end date of its own (a later
// measure that runs to a date, such as an easing until 2027, changes it for a time and does
// not replace it).
func (e *snap) openEndedInForce(p *knowledge.Policy) bool {
	today := e.now()
	if !openEndedKinds[p.Kind] || !p.EndDate.IsZero() || p.Date.IsZero() || p.Date.Time.After(today) ||
		!p.Effective.IsZero() && p.Effective.Time.After(today) {
		return false
	}
	return !slices.ContainsFunc(e.kb.Policies, func(x *knowledge.Policy) bool {
		if x == p || !x.Date.Time.After(p.Date.Time) {
			return false
		}
		return x.Suspends == p.ID ||
			x.Kind == p.Kind && x.EndDate.IsZero() && x.Suspends == "" && allIn(p.Countries, x.Countries) && sharesMinerals(x, p)
	})
}

// inForceSince is the day an item took effect: its effective date, or its date.
func inForceSince(p *knowledge.Policy) knowledge.Date {
	if !p.Effective.IsZero() {
		return p.Effective
	}
	return p.Date
}

// measureNounGroups are the words that name a kind of measure, each group with the stems an
// item's title or aliases say it with: a question about a "ban" is not answered by a quota.
var measureNounGroups = []struct {
	words map[string]bool
	stems []string
}{
	{set("ban", "bans", "banned", "prohibition", "prohibicion", "prohibiciones", "veto", "embargo"), []string{"ban", "prohib", "veto", "embargo"}},
	{set("cap", "caps", "quota", "quotas", "limit", "limits", "cuota", "cuotas", "tope", "topes", "limite", "limites"),
		[]string{"cap", "quota", "limit", "cuota", "tope"}},
	{set("tariff", "tariffs", "duty", "duties", "arancel", "aranceles"), []string{"tariff", "dut", "arancel"}},
}

// namesItsKind reports whether the kind of measure a question names ("ban", "cap", "tariff"),
// if any, is one the item's title or aliases name: "is the Indonesian nickel ore export ban
// in effect?" is not answered yes by Indonesia's mining quotas.
func namesItsKind(p *knowledge.Policy, q Query) bool {
	var names string
	for _, g := range measureNounGroups {
		asked := slices.ContainsFunc(q.Terms, func(w string) bool { return g.words[w] }) ||
			slices.ContainsFunc(q.PolicyWords, func(w string) bool { return g.words[w] })
		if !asked {
			continue
		}
		if names == "" {
			names = knowledge.Normalize(p.Title + " " + p.TitleES + " " + strings.Join(p.Aliases, " "))
		}
		if !slices.ContainsFunc(g.stems, func(st string) bool { return strings.Contains(names, st) }) {
			return false
		}
	}
	return true
}
