package answer

import (
	"regexp"
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// attendWords ask who took part in an event: "which countries attended?", "who took part?",
// "¿quiénes asistieron?", "¿qué países participaron?".
var attendWords = set("attend", "attended", "attends", "attending", "attendees", "attendee", "attendance", "participate",
	"participated", "participating", "participants", "participant", "asistir", "asistio", "asistieron", "asistentes",
	"asistencia", "participar", "participo", "participaron", "participantes")

// takePartWords join "part" to ask who took part: "who took part", "taking part".
var takePartWords = set("took", "take", "takes", "taking", "taken")

// presenceWords say in an item's text who was there: "Delegations from 54 countries … took
// part", "Asistieron delegaciones de 54 países".
var presenceWords = set("attended", "attendees", "attendance", "participated", "participants", "delegations",
	"delegation", "asistieron", "asistio", "asistentes", "participaron", "participantes", "delegaciones", "delegacion")

// asksAttendance reports whether q asks who took part in something.
func asksAttendance(q Query) bool {
	return slices.ContainsFunc(q.Terms, func(w string) bool { return attendWords[w] }) ||
		slices.Contains(q.Terms, "part") && slices.ContainsFunc(q.Terms, func(w string) bool { return takePartWords[w] })
}

// attendSentence is, for a question asking who took part in an event, the first sentence
// after the item's first that says who was there; "" when the first says it itself.
func (e *snap) attendSentence(p *knowledge.Policy, q Query) string {
	if !asksAttendance(q) {
		return ""
	}
	all := sentencesOf(e.summary(p.Summary, p.SummaryES))
	says := func(s string) bool {
		n := " " + strings.Join(strings.Fields(knowledge.Normalize(s)), " ") + " "
		if strings.Contains(n, " took part") || strings.Contains(n, " take part") || strings.Contains(n, " taking part") {
			return true
		}
		return slices.ContainsFunc(strings.Fields(n), func(w string) bool { return presenceWords[strings.Trim(w, ".,;:()")] })
	}
	for i, s := range all {
		if says(s) {
			if i == 0 {
				return ""
			}
			return s
		}
	}
	return ""
}

// nextWords ask for the next of a recurring event: "when is the next ministerial?", "¿cuándo
// es la próxima cumbre?".
var nextWords = set("next", "upcoming", "proxima", "proximo", "siguiente")

// asksNext reports whether q asks for the next one of something.
func asksNext(q Query) bool {
	return q.Timeline == Upcoming || slices.ContainsFunc(q.Terms, func(w string) bool { return nextWords[w] })
}

// namedEvent is the meeting a question names, by its title or aliases (or their words):
// "the ministerial", "the critical minerals ministerial". An item of another kind that the
// question's words name better is what it asks about ("the Beijing summit" is not the
// ministerial, an alias of which is a "summit").
func (e *snap) namedEvent(q Query) *knowledge.Policy {
	for _, id := range q.Policies {
		if p, ok := e.kb.Policy(id); ok && p.Kind == "meeting" {
			return p
		}
	}
	if len(q.Policies) > 0 {
		return nil
	}
	// The words that name it are not those asking what happened there or when ("takes
	// effect", "agreed", "next"), nor those every item shares ("critical minerals").
	var asked []string
	for _, w := range q.Terms {
		if len(w) > 3 && !happenWords[w] && !signWords[w] && !agreeWords[w] && !dealWords[w] && !nextWords[w] &&
			!attendWords[w] && !genericTitleWords[w] && !statusWords[w] && months[w] == 0 && !slices.Contains(asked, stem(w)) {
			asked = append(asked, stem(w))
		}
	}
	// A country named need not be one the meeting's record lists: "what did Canada sign at
	// the ministerial?" names the meeting all the same.
	var best *knowledge.Policy
	top, tied := 0, false
	for _, p := range e.kb.Policies {
		words, n := e.policyWords(p), 0
		for _, w := range asked {
			if words[w] == 2 {
				n++
			}
		}
		switch {
		case n > top:
			best, top, tied = p, n, false
		case n == top && n > 0 && (best.Kind != "meeting" || p.Kind != "meeting" || e.eventKind(best) != e.eventKind(p)):
			tied = true
		}
	}
	if best == nil || tied || best.Kind != "meeting" {
		return nil
	}
	return best
}

// recurring reports whether an item is one edition of an event held again, as its title's
// year says: "Critical Minerals Ministerial 2026 (Washington)".
func recurring(p *knowledge.Policy) bool {
	return yearInTitle.MatchString(p.Title)
}

var (
	yearInTitle  = regexp.MustCompile(`\b(19|20)\d\d\b`)
	parenInTitle = regexp.MustCompile(`\s*\([^)]*\)`)
)

// eventKind is the name of the event an item is one of, without its year and place:
// "Critical Minerals Ministerial" of "Critical Minerals Ministerial 2026 (Washington)".
func (e *snap) eventKind(p *knowledge.Policy) string {
	t := parenInTitle.ReplaceAllString(e.policyTitle(p), "")
	return strings.Join(strings.Fields(yearInTitle.ReplaceAllString(t, "")), " ")
}

// nextAndLast are the earliest dated item that is one of (by is) after today, and the latest
// on or before it; either may be nil.
func (e *snap) nextAndLast(is func(*knowledge.Policy) bool) (next, last *knowledge.Policy) {
	today := e.today()
	for _, p := range e.kb.Policies {
		if p.Date.IsZero() || !is(p) {
			continue
		}
		switch {
		case p.Date.Time.After(today):
			if next == nil || p.Date.Time.Before(next.Date.Time) {
				next = p
			}
		case last == nil || p.Date.Time.After(last.Date.Time):
			last = p
		}
	}
	return next, last
}

// nextEvent answers "when is the next ministerial?": the earliest item of the event's kind
// dated after today; without one, that the knowledge base has no date for it, and the last
// one held.
func (e *snap) nextEvent(q Query, event *knowledge.Policy) *Answer {
	kind := e.eventKind(event)
	next, last := e.nextAndLast(func(p *knowledge.Policy) bool {
		return p.Kind == event.Kind && e.eventKind(p) == kind
	})
	if next != nil {
		return e.policyCard(next, q)
	}
	if last == nil {
		last = event
	}
	a := e.policyCard(last, q)
	a.Headline = sentences(
		e.f("The knowledge base (updated %s) has no date for the next %s.", e.lang.Date(e.kbUpdated()), kind),
		e.f("The last one recorded was held on %s: %s.", e.lang.Date(last.Date), e.policyTitle(last)))
	return a
}

// signedAt answers "what did Mexico sign at the ministerial?": the agreements that concern
// every country named and are dated the day of the event, the first leading; without one,
// that none is recorded.
func (e *snap) signedAt(q Query, event *knowledge.Policy) *Answer {
	var deals []*knowledge.Policy
	for _, p := range e.kb.Policies {
		if p != event && p.Kind == "agreement" && p.Date.Time.Equal(event.Date.Time) &&
			!slices.ContainsFunc(q.Countries, func(c string) bool { return !slices.Contains(p.Countries, c) }) {
			deals = append(deals, p)
		}
	}
	day, who := e.lang.Date(event.Date), e.countryNames(q.Countries)
	if len(deals) == 0 {
		// The event's own text may say what the country signed there ("Washington signed 11
		// frameworks … with partners including … Peru"): its sentence naming the country.
		var naming string
		all := sentencesOf(e.summary(event.Summary, event.SummaryES))
		for _, x := range all[min(1, len(all)):] {
			if !slices.ContainsFunc(q.Countries, func(c string) bool { return !strings.Contains(x, e.countryName(c)) }) {
				naming = x
				break
			}
		}
		a := e.policyCard(event, q)
		a.Headline = sentences(
			e.f("The knowledge base (updated %s) holds no separate agreement concerning %s dated %s, the day of the meeting.", e.lang.Date(e.kbUpdated()), who, day),
			e.policyHeadline(event), naming)
		return a
	}
	a := e.policyCard(deals[0], q)
	note := e.f("It is the only agreement concerning %s recorded on %s, the day of the meeting.", who, day)
	if len(deals) > 1 {
		note = e.f("It is one of %s agreements concerning %s recorded on %s, the day of the meeting.", itoa(len(deals)), who, day)
	}
	a.Headline = sentences(a.Headline, note)
	e.linkFirst(a, append(deals[1:], event))
	return a
}

// asksSigned reports whether q asks what was signed or agreed.
func asksSigned(q Query) bool {
	return slices.ContainsFunc(q.Terms, func(w string) bool { return signWords[w] || agreeWords[w] })
}

// meetingWords ask about a meeting between countries: "when is the next US-China summit?",
// "¿cuándo es la próxima cumbre entre EE. UU. y China?".
var meetingWords = set("summit", "summits", "meeting", "meetings", "visit", "visits", "talks", "cumbre", "cumbres",
	"reunion", "reuniones", "visita", "visitas", "encuentro", "encuentros")

// meetingStems are how an item's title or aliases say it is a meeting or its outcome (see
// stem): "Trump's visit to Beijing", "Trump-Takaichi summit", "Reunión Ministerial".
var meetingStems = set("summi", "meeti", "visit", "talks", "cumbr", "reuni", "encue")

// asksNextMeeting reports whether q asks when two or more countries it names meet next.
func asksNextMeeting(q Query) bool {
	return asksNext(q) && q.Month == 0 && len(q.Countries) >= 2 && len(q.Minerals) == 0 && len(q.Policies) == 0 &&
		slices.ContainsFunc(q.Terms, func(w string) bool { return meetingWords[w] })
}

// meetingOf reports whether an item is a meeting, or what came of one, that concerns every
// country of cs: a meeting by kind, or one its title or aliases call a summit, meeting or
// visit.
func (e *snap) meetingOf(p *knowledge.Policy, cs []string) bool {
	if p.Date.IsZero() || slices.ContainsFunc(cs, func(c string) bool { return !slices.Contains(p.Countries, c) }) {
		return false
	}
	if p.Kind == "meeting" {
		return true
	}
	for w, n := range e.policyWords(p) {
		if n == 2 && meetingStems[w] {
			return true
		}
	}
	return false
}

// nextMeeting answers "when is the next US-China summit?": the earliest meeting of the
// countries dated after today; without one, that the knowledge base has no date for it, and
// the last one it records; without any, that it records none.
func (e *snap) nextMeeting(q Query) *Answer {
	next, last := e.nextAndLast(func(p *knowledge.Policy) bool { return e.meetingOf(p, q.Countries) })
	if next != nil {
		return e.policyCard(next, q)
	}
	if last == nil {
		return &Answer{Intent: IntentPolicy, Title: e.t("No policy item matches"),
			Headline: e.f("The knowledge base (updated %s) records no meeting between %s, and no date for one.", e.lang.Date(e.kbUpdated()), e.countryNames(q.Countries))}
	}
	a := e.policyCard(last, q)
	a.Headline = sentences(
		e.f("The knowledge base (updated %s) has no date for a next meeting between %s.", e.lang.Date(e.kbUpdated()), e.countryNames(q.Countries)),
		e.f("The last one recorded was on %s: %s.", e.lang.Date(last.Date), e.policyTitle(last)))
	return a
}
