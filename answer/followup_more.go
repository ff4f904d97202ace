package answer

import (
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper Y: follow-ups that lean on the conversation's last question (see AskAfter).

// realGreetings are the words that make a message a greeting or a nod even in a
// conversation; "why?", "where from?" and "¿quién más?" are made of stop words only, and
// after a question they ask about its records.
var realGreetings = set("hi", "hello", "hey", "hiya", "howdy", "thanks", "thank", "thx", "ty", "cheers", "morning",
	"afternoon", "evening", "bye", "goodbye", "ok", "okay", "cool", "great", "nice", "hola", "gracias", "buenos", "buenas",
	"adios", "saludos", "yo", "sup", "bot", "mineralbot", "you", "doing", "whats", "tal", "dias", "tardes", "noches")

// langAsked reports the language a follow-up asks the last answer in: "in Spanish?",
// "en español", "in English please".
func langAsked(q string) (Lang, bool) {
	words := strings.Fields(knowledge.Normalize(q))
	var lang Lang
	for _, w := range words {
		switch w {
		case "spanish", "espanol", "castellano":
			lang = Spanish
		case "english", "ingles":
			lang = English
		case "in", "en", "please", "por", "favor", "say", "it", "that", "dilo", "answer", "respond", "reply", "again", "and", "y":
		default:
			return "", false
		}
	}
	return lang, lang != ""
}

// hasRecords reports whether a query names any record or sector.
func hasRecords(q Query) bool {
	_, sector := sectorAsked(q)
	return len(q.Minerals)+len(q.Countries)+len(q.Policies) > 0 || sector
}

// readFollowUp fills in what a bare follow-up asks of the conversation's records: "why?"
// (why they are critical), "and the EU?" (on that list), "where from?" (the U.S.'s import
// sources), "who else?" (more producers). It leaves a question with its own measure alone.
func readFollowUp(prev Query, pq *Query, q string) {
	words := strings.Fields(knowledge.Normalize(q))
	if pq.Refusal == RefuseGreeting {
		for _, w := range words {
			if realGreetings[w] && (w != "whats" || !pq.Share) { // Helper AD: "what's its share?"
				return
			}
		}
		pq.Refusal = ""
	}
	has := func(w string) bool {
		for _, x := range words {
			if x == w {
				return true
			}
		}
		return false
	}
	if pq.Refusal != "" || len(prev.Minerals) == 0 {
		return
	}
	if (has("who") || has("quien") || has("quienes")) && (has("else") || has("mas") && !hasAny(words, holdsMostVerbs) || has("otros")) &&
		(pq.Measure == MeasureOverview || pq.Measure == MeasureProduction) && pq.Top == 0 && len(pq.Countries) == 0 {
		pq.Measure, pq.Top = MeasureProduction, 10 // "who else?": more producers
		return
	}
	if pq.Measure != MeasureOverview {
		return
	}
	switch {
	case pq.Why && (pq.Direction == "" || prev.Measure != MeasurePrice && prev.Measure != MeasureChange):
		// "why?": why the mineral is critical (why_critical.go); Helper AD: "why did it go up?"
		// after a price or a change asks about that move, answered by its figures.
		pq.Measure = MeasureLists
	case len(pq.Lists) > 0:
		pq.Measure, pq.YesNo = MeasureLists, true // "and the EU?": is it on that list
	case has("where") && has("from") || has("donde") && has("de"):
		pq.Measure = MeasureImportSources
		if len(pq.Countries) == 0 {
			pq.Countries = []string{"united-states"}
		}
	case pq.Year != 0 && len(pq.Countries) == 0 && prev.Measure == MeasureOverview:
		pq.Measure = MeasureProduction // "antimony" then "and in 2024?": that year's producers
	}
}

// carryMeasure reads a follow-up that names only other minerals ("and cobalt?" after
// "lithium price", "¿y el cobre?" after "¿quién produce plata?") as the last question asked
// of them: the same measure, lists, countries and year.
func carryMeasure(prev Query, pq *Query, q string) bool {
	if len(pq.Minerals) == 0 || len(pq.Countries)+len(pq.Policies) > 0 || pq.Measure != MeasureOverview ||
		pq.Compare || pq.Why || pq.Define || pq.Refusal != "" || !followUpWords(q) {
		return false
	}
	if len(prev.Minerals) == 0 || prev.Compare || prev.Why {
		return false
	}
	if _, sector := sectorAsked(prev); sector {
		return false
	}
	switch prev.Measure {
	case MeasureOverview:
		if len(prev.Countries) == 0 {
			return false
		}
		pq.Countries = prev.Countries // "antimony in Mexico" then "and silver?"
		carryCombined(prev, pq)       // Helper AD
		return true
	case MeasureGlossary, MeasureAbout, "":
		return false
	}
	pq.Measure, pq.YesNo = prev.Measure, prev.YesNo
	// Helper AD: "world production of silver" then "¿y la de zinc?"; "Mexico and Peru's share
	// of silver" then "and zinc?" (views_ad.go).
	pq.World = pq.World || prev.World && len(prev.Countries) == 0
	carryCombined(prev, pq)
	carryYesNo(prev, pq) // "is Mexico the biggest silver producer?" then "and zinc?"
	if len(pq.Lists) == 0 {
		pq.Lists = prev.Lists
	}
	pq.Countries = prev.Countries
	if pq.Year == 0 {
		pq.Year = prev.Year
	}
	return true
}

// usImports reports whether a follow-up asks about U.S. imports without naming a mineral:
// "how much does the US import?", "where does the US import it from?".
func usImports(pq Query) bool {
	if pq.Measure != MeasureReliance && pq.Measure != MeasureImportSources {
		return false
	}
	for _, c := range pq.Countries {
		if c != "united-states" {
			return false
		}
	}
	return true
}
