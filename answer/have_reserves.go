package answer

import (
	"slices"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper AB: words that ask what a country holds, and short forms of "critical".

// abbreviations are short forms read as the word they stand for: "is cobalt crit?" asks
// whether cobalt is critical, "is lithium strat in the EU?" whether it is strategic.
// index.Words drops the full stop of "crit.".
var abbreviations = map[string][2]string{
	"crit":  {"critical", "critical"},
	"crits": {"critical", "critical"},
	"strat": {"strategic", "strategic"},
}

// expandAbbreviations rewrites the short forms of abbreviations in place.
func expandAbbreviations(raw, norm []string) {
	for i, w := range norm {
		if to, ok := abbreviations[w]; ok {
			raw[i], norm[i] = to[0], to[1]
		}
	}
}

// howMuchWords open a question about an amount; haveWords ask what a place holds: "how much
// lithium does Chile have?", "¿cuánto litio tiene Chile?", "¿cuánto litio hay en Chile?".
var (
	howMuchWords = set("much", "many", "cuanto", "cuanta", "cuantos", "cuantas")
	haveWords    = set("have", "has", "hold", "holds", "tiene", "tienen", "posee", "poseen", "hay")
)

// asksHoldings reports whether the question asks how much of something a place has: an
// amount word ("how much", "cuánto") and, after it, a verb of having. What a country has
// in the ground is its reserves; "how much does Chile produce" keeps its verb's measure.
func asksHoldings(norm []string) bool {
	for i, w := range norm {
		if !howMuchWords[w] || (w == "much" || w == "many") && (i == 0 || norm[i-1] != "how") {
			continue
		}
		for j, v := range norm[i+1:] {
			if haveWords[v] || v == "there" && j > 0 && (norm[i+j] == "is" || norm[i+j] == "are") {
				return true // "how much copper is there in Chile?"
			}
		}
	}
	return false
}

// worldWord reports whether the question names the world as a noun: "¿cuánto litio hay en el
// mundo?" ("mundial" and "world" are read elsewhere).
func worldWord(norm []string) bool {
	for _, w := range norm {
		if w == "mundo" || w == "world" {
			return true
		}
	}
	return false
}

// mineralsNouns name minerals in general.
var mineralsNouns = set("minerals", "minerales", "metals", "metales")

// countryMineralsWords may stand beside a country and mineralsNouns in a question asking
// which minerals the country has; countryMineralsCues must be among them.
var (
	countryMineralsWords = set("what", "which", "are", "is", "the", "does", "do", "did", "of", "its", "all", "me", "show",
		"que", "cuales", "son", "los", "las", "de", "en", "in", "there", "s", "how", "many", "cuantos")
	countryMineralsCues = set("have", "has", "list", "lista", "listar", "eight", "8", "ocho", "tiene", "tienen", "hay")
)

// asksCountryMinerals reports whether a question names one country and minerals in
// general, a verb of having or listing, and nothing else: "what minerals does Mexico
// have?", "list Mexico's minerals", "¿qué minerales tiene México?". It asks which minerals
// the country produces. "Kazakhstan minerals" stays the country's card.
func asksCountryMinerals(norm []string, used []bool, q Query) bool {
	if len(q.Countries) != 1 || len(q.Minerals)+len(q.Policies)+len(q.Lists) > 0 || q.Refusal != "" {
		return false
	}
	noun, cue := false, false
	for i, w := range norm {
		switch {
		case used[i]:
		case mineralsNouns[w]:
			noun = true
		case countryMineralsCues[w]:
			cue = true
		case !countryMineralsWords[w]:
			return false
		}
	}
	return noun && cue
}

// coalAlone reads "coal", in a question that names no mineral, as the coal on the lists:
// metallurgical coal ("is coal critical?"), where the knowledge base has it.
func (p *lexicon) coalAlone(norm []string, used []bool, q *Query) {
	if len(q.Minerals) > 0 {
		return
	}
	for _, w := range norm {
		if slices.Contains(cueMeasures[w], MeasurePolicy) {
			return // policies, tariffs and controls are another view's words
		}
	}
	for i, w := range norm {
		// "carbón" after a Spanish article: "¿el carbón es crítico?".
		spanish := w == "carbon" && i > 0 && (norm[i-1] == "el" || norm[i-1] == "del" || norm[i-1] == "de")
		if w != "coal" && !spanish || used[i] {
			continue
		}
		if n, ok := p.known["metallurgical coal"]; ok && n.ref.Kind == knowledge.KindMineral {
			q.Minerals = append(q.Minerals, n.ref.ID)
			used[i] = true
			if q.MineralWord == "" {
				q.MineralWord = "coal"
			}
		}
		return
	}
}

// yearMoreWords and yearLessWords set a year's figure against the year before when nothing else is
// named to compare it with.
var (
	yearMoreWords = set("more", "mas")
	yearLessWords = set("less", "fewer", "menos")
	yearThanWords = set("than", "que", "vs", "versus", "or", "o")
)

// moreThanYearBefore reads a yes/no question whether a country produced more (or less) of
// one mineral in a year, naming nothing to compare with, as whether its figure rose (or fell)
// from the year before: "did Mexico produce more fluorspar in 2025?" is not answered by
// Mexico producing fluorspar at all.
func moreThanYearBefore(norm []string, q *Query) {
	if !q.YesNo || q.Measure != MeasureProduction || len(q.Minerals) != 1 || len(q.Countries) > 1 || q.Year == 0 ||
		q.FromYear != 0 || q.Comparative != "" || q.Direction != "" {
		return
	}
	dir := ""
	for _, w := range norm {
		switch {
		case yearThanWords[w]:
			return
		case yearMoreWords[w]:
			dir = "up"
		case yearLessWords[w]:
			dir = "down"
		}
	}
	if dir != "" {
		q.Measure, q.Direction, q.FromYear = MeasureChange, dir, q.Year-1
	}
}

// thereIsWords may stand beside the mineral and the country in a question whether one is in
// the other; any other word ("stockpile", "shortage") asks something else.
var thereIsWords = set("is", "are", "there", "any", "some", "hay", "does", "do", "have", "has", "in", "en", "the", "el", "la",
	"los", "las", "de", "a")

// asksThereIs reports whether a yes/no question asks if a mineral is in a country rather than
// whether the country produces it: "is there lithium in Mexico?", "¿hay litio en México?",
// "does Mexico have lithium?". What is in the ground is reserves; a country the reserves
// table leaves out is not a "no" (it may have deposits USGS does not count as reserves).
func asksThereIs(norm []string, used []bool) bool {
	if len(norm) < 2 {
		return false
	}
	for i, w := range norm {
		if !used[i] && !thereIsWords[w] {
			return false
		}
	}
	if (norm[0] == "is" || norm[0] == "are") && norm[1] == "there" {
		return true
	}
	for _, w := range norm {
		if w == "hay" || (w == "have" || w == "has") && (norm[0] == "does" || norm[0] == "do") {
			return true
		}
	}
	return false
}
