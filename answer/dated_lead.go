package answer

import (
	"strconv"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper AC: a policy item's sentence, dated once. Most items' first sentences already give
// the item's date ("On 4 February 2026, U.S. Trade Representative …", "El 4 de febrero de
// 2026, …", "A proclamation of 2 April 2026 …"); "4 Feb 2026: On 4 February 2026, …" says
// it twice. Such a sentence goes alone, or after only what the date prefix adds to the date
// ("Taking effect 4 Dec 2026: A Section 232 proclamation of 6 August 2026 …").

var monthsLongES = [...]string{"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
	"septiembre", "octubre", "noviembre", "diciembre"}

// longDate is how an item's text writes a date: "4 February 2026" / "4 de febrero de 2026",
// or "August 2024" / "agosto de 2024" for a month.
func (e *snap) longDate(d knowledge.Date) string {
	if d.IsZero() {
		return ""
	}
	y := strconv.Itoa(d.Time.Year())
	if e.lang == Spanish {
		m := monthsLongES[d.Time.Month()-1]
		if d.Precision == knowledge.Month {
			return m + " de " + y
		}
		return strconv.Itoa(d.Time.Day()) + " de " + m + " de " + y
	}
	if d.Precision == knowledge.Month {
		return d.Time.Month().String() + " " + y
	}
	return strconv.Itoa(d.Time.Day()) + " " + d.Time.Month().String() + " " + y
}

// datesItself reports whether sentence s gives p's own date.
func (e *snap) datesItself(p *knowledge.Policy, s string) bool {
	d := e.longDate(p.Date)
	if d == "" || !strings.Contains(s, d) {
		return false
	}
	// "1 August 2023" does not give "1 Aug 2023" when it is "11 August 2023".
	i := strings.Index(s, d)
	return i == 0 || !isDigitByte(s[i-1])
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// dated is s after p's date ("4 Feb 2026: …", "6 Aug 2026, taking effect 4 Dec 2026: …"),
// unless s gives the date itself: then s alone, or after what the prefix adds to the date.
func (e *snap) dated(p *knowledge.Policy, s string) string {
	if !e.datesItself(p, s) {
		return e.when(p) + ": " + s
	}
	if extra := e.whenBeyondDate(p); extra != "" && !e.saysTooWhen(p, s) {
		return extra + ": " + s
	}
	return s
}

// saysTooWhen reports whether s also gives what the date prefix would add, in a form that
// still holds today: "until 27 November 2026" of an item in force until then, "with effect
// from 1 January 2027" of one taking effect then. An ended item's prefix says it ended, which
// its text may not.
func (e *snap) saysTooWhen(p *knowledge.Policy, s string) bool {
	var d knowledge.Date
	switch {
	case !p.Effective.IsZero() && p.EndDate.IsZero():
		d = p.Effective
	case !p.EndDate.IsZero() && !e.ended(p):
		d = p.EndDate
	default:
		return false
	}
	long := e.longDate(d)
	i := strings.Index(s, long)
	return long != "" && i >= 0 && (i == 0 || !isDigitByte(s[i-1]))
}

// whenBeyondDate is what when(p) says besides p's date, as a prefix: "Taking effect 4 Dec
// 2026", "Until 31 Dec 2027", "Ended 24 Jul 2026", "Due to end 27 Nov 2026"; "" when it says
// only the date.
func (e *snap) whenBeyondDate(p *knowledge.Policy) string {
	if !p.Effective.IsZero() && p.EndDate.IsZero() {
		return e.f("Taking effect %s", e.lang.Date(p.Effective))
	}
	switch {
	case p.EndDate.IsZero():
		return ""
	case e.ended(p) && p.EndScheduled:
		return e.f("Due to end %s", e.lang.Date(p.EndDate))
	case e.ended(p):
		return e.f("Ended %s", e.lang.Date(p.EndDate))
	}
	return e.f("Until %s", e.lang.Date(p.EndDate))
}

// afterDash is a sentence after a verdict's dash ("It depends — on 23 July 2026 …"): its
// first word in lower case unless it is a name, as verdict does.
func afterDash(s string) string {
	if first, rest, ok := strings.Cut(s, " "); ok && commonOpeners[first] {
		return strings.ToLower(first) + " " + rest
	}
	return s
}
