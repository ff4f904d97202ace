package answer

import (
	"slices"
	"time"
)

// Quarters of a year: "what happened in Q1 2026?", "in the first quarter of 2026", "en el
// primer trimestre de 2026" ask for three months, as "between January and March 2026" does.

// quarterNamed is the quarter (1 to 4) a question names, or 0: "q1".."q4", or an ordinal
// ("first", "1st", "primer") right before "quarter" or "trimestre" ("el primer trimestre").
func quarterNamed(norm []string) int {
	for i, w := range norm {
		if len(w) == 2 && w[0] == 'q' && w[1] >= '1' && w[1] <= '4' {
			return int(w[1] - '0')
		}
		if (w == "quarter" || w == "trimestre") && i > 0 {
			if n := ordinals[norm[i-1]]; n >= 1 && n <= 4 {
				return n
			}
		}
	}
	return 0
}

// upcomingYear is the part of the year a question about what is coming up names that is
// still to come: from today (start) to the end of that year, when the year is this one or
// later ("which deadlines are coming up in 2027?").
func upcomingYear(q Query, start time.Time) (from, to time.Time, ok bool) {
	if q.Year == 0 || q.Year < start.Year() || q.FromYear != 0 && q.FromYear != q.Year {
		return time.Time{}, time.Time{}, false
	}
	from = time.Date(q.Year, 1, 1, 0, 0, 0, 0, time.UTC)
	if from.Before(start) {
		from = start
	}
	return from, time.Date(q.Year+1, 1, 1, 0, 0, 0, 0, time.UTC), true
}

// listsAsJurisdiction reports whether lists were named by a jurisdiction only ("what has the
// EU done this year?"): no word of the question asks for a list ("list", "critical",
// "strategic"), so a period named is the jurisdiction's news, not a list's.
func listsAsJurisdiction(norm []string) bool {
	return !slices.ContainsFunc(norm, func(w string) bool { return slices.Contains(cueMeasures[w], MeasureLists) })
}
