package answer

import "slices"

// movedMostPhrases ask which mineral moved most with a verb of a price's rise or fall and
// no figure named: "¿qué mineral subió más?", "which mineral rose the most?". A mineral
// "rises" in price; its production grows ("which minerals grew the most" stays a change in
// production), and a country named asks its production.
var movedMostPhrases = []string{"subio mas", "subieron mas", "bajo mas", "bajaron mas", "cayo mas", "cayeron mas",
	"sube mas", "suben mas", "baja mas", "bajan mas", "rose most", "rose the most", "fell most", "fell the most",
	"dropped most", "dropped the most", "went up most", "went up the most", "went down most", "went down the most"}

// asksMovedMost reports whether a question that names no mineral, country, item or list,
// and no figure but a price's, asks which mineral's price moved most. "Critical" alone names
// no list: "¿qué mineral crítico subió más?" asks prices.
func asksMovedMost(q *Query, listed bool, signalled []Measure, has func(string) bool) bool {
	if listed && (len(q.Lists) > 0 || has("list") || has("lista")) {
		return false // "¿qué minerales críticos subieron más?" names no list; "… de la lista" does
	}
	if len(q.Countries)+len(q.Policies) > 0 || q.Timeline != "" || q.Month > 0 {
		return false
	}
	if slices.ContainsFunc(signalled, figureMeasures.has) || q.Polarity != "" {
		// "¿qué mineral subió más de producción?"; a price named is the cues' ("lithium price
		// drop since 2022"); "was arsenic dropped?" asks the list.
		return false
	}
	if len(q.Minerals) > 0 {
		// "¿cuánto subió el litio?", "¿por qué bajó el antimonio?": its price, one way;
		// "¿cuál subió más, la plata o el cobre?", the two prices' moves.
		return len(q.Minerals) <= 2 && q.Direction != "" && slices.ContainsFunc(movedVerbs, has)
	}
	return slices.ContainsFunc(movedMostPhrases, has)
}

// movedVerbs say a figure rose or fell, in the past, as a price does: a mineral's output
// "grew" or "increased".
var movedVerbs = []string{"subio", "subieron", "bajo", "bajaron", "cayo", "cayeron", "rose", "fell", "dropped",
	"rise", "fall", "drop", "went up", "went down", "gone up", "gone down", "go up", "go down"}

// cutOfOutput reports whether a past cut asked of one country's mineral, with no trade or
// quota named, asks whether its output fell: "did Indonesia cut nickel?", "¿Indonesia
// recortó el níquel?" (figureWords name the output when it is said).
func cutOfOutput(norm []string, q *Query) bool {
	return len(q.Minerals) == 1 && len(q.Countries) == 1 &&
		!slices.ContainsFunc(norm, func(w string) bool { return exportWords[w] || quotaWords[w] || tradeFlowWords[w] })
}

// dearerThanBefore is "up" when a question asks whether a mineral is dearer than a year ago
// ("¿el cobre está más caro que el año pasado?", "is copper more expensive than last year?"),
// "down" when cheaper, and "" otherwise: the price's move answers it.
func dearerThanBefore(has func(string) bool) string {
	if !slices.ContainsFunc(lastYearPhrases, has) {
		return ""
	}
	switch {
	case slices.ContainsFunc(dearerPhrases, has):
		return "up"
	case slices.ContainsFunc(cheaperPhrases, has):
		return "down"
	}
	return ""
}

var (
	lastYearPhrases = []string{"last year", "a year ago", "year before", "ano pasado", "ano anterior", "hace un ano"}
	dearerPhrases   = []string{"more expensive", "pricier", "costlier", "dearer", "mas caro", "mas cara", "mas caros", "mas caras"}
	cheaperPhrases  = []string{"cheaper", "less expensive", "mas barato", "mas barata", "mas baratos", "mas baratas"}
)
