package answer

import (
	"strings"
)

// This file holds the word sets and tests of a few intents that cut across the measures: a
// question whether a restriction still holds, a question about a cut to come or under way,
// a request for investment advice, and a question where the U.S. gets a mineral. Words are
// accent-folded and lower case, as Parse normalizes them.

// stillWords ask whether something goes on: "still", "¿sigue…?", "todavía", "continue to".
var stillWords = set("still", "sigue", "siguen", "todavia", "aun", "continue", "continues", "continua", "continuan")

// restrictWords restrict trade or output, in any form of the verb or as a noun. With a
// stillWord they ask whether a measure is in force: "is China still restricting
// dysprosium?", "does Indonesia still limit nickel mining?", "¿sigue China prohibiendo…?".
var restrictWords = set("restrict", "restricts", "restricted", "restricting", "restriction", "restrictions",
	"ban", "bans", "banned", "banning", "limit", "limits", "limited", "limiting", "block", "blocks", "blocked", "blocking",
	"embargo", "embargoes", "sanction", "sanctions", "sanctioned", "sanctioning", "curb", "curbs", "curbed", "curbing",
	"quota", "quotas", "cap", "caps", "capped", "capping", "controlled", "controlling", "licensing",
	"restringe", "restringen", "restringiendo", "restringido", "restringida", "restringidos", "restringidas", "restringio",
	"restriccion", "restricciones", "prohibe", "prohiben", "prohibiendo", "prohibido", "prohibida", "prohibidas", "prohibidos",
	"prohibio", "prohibicion", "limita", "limitan", "limitando", "limitado", "limitada", "bloquea", "bloquean", "bloqueando",
	"sanciones", "controlando", "controladas", "controlados", "cuota", "cuotas", "embargos")

// asksRestrictionStatus reports whether a question asks whether a restriction still holds:
// a stillWord and a restrictWord among the words that named nothing.
func asksRestrictionStatus(norm []string, used []bool) bool {
	still, restrict := false, false
	for i, w := range norm {
		if used[i] {
			continue
		}
		still = still || stillWords[w]
		restrict = restrict || restrictWords[w]
	}
	return still && restrict
}

// cutVerbs cut output or trade; cutProgressive are their present participles and gerunds,
// which ask about a cut under way; cutFuture are their future forms; cutNouns name a cut.
var (
	cutVerbs = set("cut", "cuts", "reduce", "reduces", "curb", "curbs", "slash", "slashes", "lower", "lowers", "limit",
		"limits", "cap", "caps", "trim", "trims", "halt", "halts", "restrict", "restricts",
		"recortar", "recorta", "recortan", "reducir", "reduce", "reducen", "limitar", "limita", "limitan", "frenar", "frena",
		"restringir", "restringe", "restringen", "bajar")
	cutProgressive = set("cutting", "reducing", "curbing", "slashing", "lowering", "limiting", "capping", "trimming", "halting",
		"restricting", "recortando", "reduciendo", "limitando", "frenando", "restringiendo")
	cutFuture = set("recortara", "recortaran", "reducira", "reduciran", "limitara", "limitaran", "restringira", "restringiran")
	cutNouns  = set("cut", "cuts", "cutback", "cutbacks", "reduction", "reductions", "recorte", "recortes", "reduccion", "reducciones")
	// quotaWords set a cap on output or exports: a question about one is about policy,
	// whatever its tense.
	quotaWords = set("quota", "quotas", "cuota", "cuotas")
	// futureMarkers put a verb in the future or in a plan: "will", "going to", "va a".
	futureMarkers = newPhrases("will", "going to", "gonna", "plan to", "plans to", "planning to", "planning", "planned",
		"plan", "plans", "about to", "set to", "expected to", "intends to", "intend to", "likely to", "next year",
		"va a", "van a", "piensa", "piensan", "planea", "planean", "pretende", "pretenden", "prevé", "preve", "planeado", "previsto")
)

// asksCut reports whether a question asks about a cut to output or trade that is under way or
// to come ("Is Indonesia cutting nickel output?", "Will Indonesia cut nickel production?",
// "¿Indonesia va a recortar la producción de níquel?") or about a quota. Such a question is
// about policy: a past year's figure does not say what a government is doing or will do.
func asksCut(norm []string, joined string) bool {
	verb, future := false, futureMarkers.any(norm, joined)
	for _, w := range norm {
		switch {
		case cutProgressive[w] || cutFuture[w] || quotaWords[w]:
			return true
		case cutVerbs[w] || cutNouns[w]:
			verb = true
		}
	}
	return verb && future
}

// pastCutWords say a figure was cut; "cut" itself is past after "did", "has" or "have".
var pastCutWords = set("reduced", "lowered", "slashed", "curbed", "trimmed", "recorto", "recortaron", "redujo", "redujeron")

// pastCut reports whether a question asks whether a figure was cut: "did Indonesia cut nickel
// output in 2025?", "has Chile reduced copper production?", "¿redujo Chile su producción de
// cobre?". Its figures answer it, as they answer "did it fall?".
func pastCut(norm []string) bool {
	aux := false
	for _, w := range norm {
		switch {
		case w == "did" || w == "has" || w == "have" || w == "had":
			aux = true
		case pastCutWords[w]:
			return true
		case aux && (w == "cut" || w == "reduce" || w == "lower" || w == "slash" || w == "curb"):
			return true
		}
	}
	return false
}

// cutStems are how an item's title or aliases say it cuts or caps something (see stem).
// "Reduced" is left out: "Two Utah national monuments reduced" cuts no output.
var cutStems = []string{"cut", "cuts", "cutti", "quota", "cuota", "recor", "limit", "cap", "caps", "cappe", "curb", "curbs"}

// adviceModals ask what the asker should do; a tradeVerb after one asks for investment
// advice: "should we short lithium?", "¿Debo comprar futuros de cobre?", "is now a good time
// to buy gold?". "How much did the US invest in mining?" asks a fact, and is not advice.
var (
	adviceModals = newPhrases("should i", "should we", "shall i", "shall we", "should you", "would you recommend",
		"do you recommend", "would you advise", "do you advise", "is it wise", "is it smart", "good idea", "bad idea",
		"good time", "right time", "best time", "good moment", "time to", "worth", "wise to",
		"debo", "deberia", "deberiamos", "debemos", "conviene", "recomiendas", "recomienda", "aconsejas", "me aconsejas",
		"buen momento", "mal momento", "momento de", "momento para", "hora de", "vale la pena", "es buena idea", "seria buena idea")
	// "Trade" and "hold" are left out: "is it a good idea for the US to trade with China?"
	// asks no advice.
	tradeVerbs = set("buy", "buying", "sell", "selling", "invest", "investing", "short", "shorting", "dump", "long", "hoard",
		"bet", "betting",
		"comprar", "compro", "compramos", "vender", "vendo", "vendemos", "invertir", "invierto", "apostar", "mantener",
		"especular", "acumular")
	// advicePhrases ask for advice on their own: "buy or sell nickel?", "¿compro o vendo?",
	// "is lithium a good investment?".
	advicePhrases = newPhrases("buy or sell", "sell or buy", "buy sell or hold", "buy hold or sell", "comprar o vender",
		"vender o comprar", "compro o vendo", "vendo o compro", "good investment", "bad investment", "worth investing",
		"buena inversion", "mala inversion", "price target", "price targets", "precio objetivo",
		"comprar acciones", "should i invest", "should we invest", "should i buy", "should i sell", "should we buy")
)

// adviceWindow is how many words after an advice modal a trade verb may come: "should we
// short", "is now a good time to buy", "¿me conviene a mí invertir…?".
const adviceWindow = 4

// asksAdvice reports whether a question asks for personal investment advice: what to buy,
// sell or invest in, or when.
func asksAdvice(norm []string, joined string) bool {
	if advicePhrases.any(norm, joined) {
		return true
	}
	for i, w := range norm {
		for _, rest := range adviceModals[w] {
			n := 1
			if rest != "" {
				if !strings.HasPrefix(joined[wordOffset(norm, i):], w+" "+rest+" ") {
					continue
				}
				n += strings.Count(rest, " ") + 1
			}
			for j := i + n; j < len(norm) && j <= i+n+adviceWindow; j++ {
				if tradeVerbs[norm[j]] {
					return true
				}
			}
		}
	}
	return false
}

// intentVocab are the single words of this file's sets: words the parser gives a meaning
// to, never read as misspelt names ("sell" is not "selenium", "sacamos" not "samarium").
func intentVocab() []string {
	var out []string
	for _, s := range []phrases{adviceModals, advicePhrases} {
		for first, rests := range s {
			out = append(out, first)
			for _, r := range rests {
				out = append(out, strings.Fields(r)...)
			}
		}
	}
	for _, s := range []map[string]bool{tradeVerbs, stillWords, restrictWords, cutVerbs, cutProgressive, cutFuture, cutNouns,
		quotaWords, getVerbs, weGetVerbs, weWords, americaWords, pastCutWords} {
		for w := range s {
			out = append(out, w)
		}
	}
	for first, rests := range futureMarkers {
		out = append(out, first)
		for _, r := range rests {
			out = append(out, strings.Fields(r)...)
		}
	}
	return out
}

// getVerbs ask where a country gets a mineral: "where does the US get fluorspar?", "where
// do we get our tungsten?", "¿de dónde obtiene EE. UU. la fluorita?".
var getVerbs = set("get", "gets", "getting", "obtain", "obtains", "source", "sources", "sourced", "procure", "procures", "buy", "buys",
	"purchase", "purchases", "obtiene", "obtienen", "consigue", "consiguen", "saca", "sacan", "trae", "traen", "compra", "compran",
	"importa", "importan")

// weGetVerbs are the Spanish first-person plural of getVerbs: "¿de dónde sacamos el
// tungsteno?" is asked by someone in the U.S.
var weGetVerbs = set("obtenemos", "conseguimos", "sacamos", "traemos", "compramos", "importamos")

// weWords make "we" the asker's country, the U.S.: "where do we get our tungsten?".
var weWords = set("we", "our", "nosotros", "nuestro", "nuestra", "nuestros", "nuestras")

// americaWords name the U.S. in a question about where it gets a mineral: "America" alone,
// not "Latin America" or "South America".
var americaWords = set("america", "americans")

// asksUSSources reports whether a question asks where the U.S. gets a mineral: a "where"
// ("de dónde"), or "from" after a getVerb, and the U.S. or "we" as the one who gets it.
func asksUSSources(norm []string, used []bool, usNamed bool) bool {
	where, get, we := false, false, false
	for i, w := range norm {
		switch {
		case w == "where" || w == "donde" || w == "from":
			where = true
		case used[i]:
		case getVerbs[w]:
			get = true
		case weGetVerbs[w]:
			get, we = true, true
		case weWords[w]:
			we = true
		case americaWords[w] && (i == 0 || !regionWords[norm[i-1]]) && (i+1 == len(norm) || !regionWords[norm[i+1]]):
			we = true
		}
	}
	return where && get && (usNamed || we)
}

// regionWords beside "America" name a region, not the U.S.
var regionWords = set("latin", "south", "north", "central", "latina", "del", "sur", "norte")
