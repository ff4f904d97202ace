package answer

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/mineralbot/mineralbot/knowledge"
)

// IntentCuration is the admins' private report of what the bot could not answer.
const IntentCuration Intent = "curation"

// CurationInput is what a curation report is built from.
type CurationInput struct {
	Since, Until time.Time
	// Questions are the questions the bot could not answer in (Since, Until], as asked.
	Questions []string
	// Kept is false when storing questions is turned off (state.keep_questions).
	Kept     bool
	Location *time.Location
	// Most bounds how many distinct questions are listed.
	Most int
	// Lang is the admin's language; English when empty.
	Lang Lang
	// NotHelpful are the answers marked 👎 in the period: the question, and the reason given.
	NotHelpful []string
}

// Curation builds the report of questions the bot could not answer, for the admins only: it
// quotes what users typed, in DMs too, so it must never be posted in a channel.
func Curation(in CurationInput) *Answer {
	loc := in.Location
	if loc == nil {
		loc = time.UTC
	}
	if in.Most <= 0 {
		in.Most = 20
	}
	l := in.Lang
	if l == "" {
		l = English
	}
	a := &Answer{Intent: IntentCuration, Lang: l, Title: l.T("Questions mineralbot could not answer"),
		Subtitle: l.Sprintf("Private to admins · %s to %s", l.Date(dayOf(in.Since.In(loc))), l.Date(dayOf(in.Until.In(loc))))}
	defer func() {
		if len(in.NotHelpful) > 0 {
			a.Sections = append(a.Sections, Section{
				Heading: l.Sprintf("%s answer(s) marked not helpful", strconv.Itoa(len(in.NotHelpful))),
				Items:   mostCommon(in.NotHelpful, in.Most),
			})
		}
	}()
	switch {
	case !in.Kept:
		a.Sections = []Section{{Text: l.T("Questions are not stored on this bot (state.keep_questions is false), so there is nothing to review.")}}
	case len(in.Questions) == 0:
		a.Sections = []Section{{Text: l.T("Every question in this period got an answer.")}}
	default:
		qs := mostCommon(in.Questions, in.Most)
		a.Sections = []Section{{
			Heading: l.Sprintf("%s question(s) went unanswered, %s different", strconv.Itoa(len(in.Questions)), strconv.Itoa(distinct(in.Questions))),
			Items:   qs,
			Note:    l.T("Most asked first. Add an alias or a record to the knowledge base to answer them; questions are kept cut to 300 characters."),
		}}
	}
	return a
}

func distinct(qs []string) int {
	seen := map[string]bool{}
	for _, q := range qs {
		seen[knowledge.Normalize(q)] = true
	}
	return len(seen)
}

// mostCommon returns up to n questions, most frequent first (compared after normalizing).
func mostCommon(qs []string, n int) []string {
	count := map[string]int{}
	first := map[string]string{}
	for _, q := range qs {
		k := knowledge.Normalize(q)
		if _, ok := first[k]; !ok {
			first[k] = q
		}
		count[k]++
	}
	keys := make([]string, 0, len(count))
	for k := range count {
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b string) int { return cmp.Or(count[b]-count[a], cmp.Compare(a, b)) })
	var out []string
	for _, k := range keys[:min(n, len(keys))] {
		q := "“" + first[k] + "”"
		if count[k] > 1 {
			q += fmt.Sprintf(" (%d×)", count[k])
		}
		out = append(out, q)
	}
	return out
}
