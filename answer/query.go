package answer

import (
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/mineralbot/mineralbot/index"
	"github.com/mineralbot/mineralbot/knowledge"
)

// Measure is what a question asks about the records it names.
type Measure string

// The measures. Each has one view (see views in plan.go).
const (
	MeasureOverview      Measure = "overview"
	MeasureProduction    Measure = "production"
	MeasureReserves      Measure = "reserves"
	MeasureReliance      Measure = "reliance"
	MeasureImportSources Measure = "import_sources"
	MeasureUses          Measure = "uses"
	MeasurePrice         Measure = "price"
	MeasureLists         Measure = "lists"        // list membership, or a list's members
	MeasureListChanges   Measure = "list_changes" // added, removed, draft against final
	MeasurePolicy        Measure = "policy"
	MeasureConcentration Measure = "concentration"
	MeasureChange        Measure = "change" // change over time and revisions between editions
)

// The measures of questions about the knowledge base itself rather than about a mineral.
const (
	MeasureGlossary Measure = "glossary" // what a term means: "what is HHI?"
	MeasureAbout    Measure = "about"    // where the data comes from and how new it is
)

// Refusal is a kind of question the knowledge base cannot answer.
type Refusal string

// The refusals.
const (
	RefuseLivePrice Refusal = "live_price"
	RefuseForecast  Refusal = "forecast"
	RefusePeople    Refusal = "people" // people and companies
	RefuseAdvice    Refusal = "advice" // investment advice
	RefuseWeather   Refusal = "weather"
	RefuseGreeting  Refusal = "greeting"
	RefuseThanks    Refusal = "thanks"
	RefuseOffTopic  Refusal = "off_topic" // general knowledge: capitals, populations, jokes
)

// Polarity is how a yes/no question about a list is put.
type Polarity string

// The polarities.
const (
	Removed Polarity = "removed" // dropped, removed, taken off, no longer
	Negated Polarity = "not"     // "isn't", "not on"
	Still   Polarity = "still"   // "still on", "still in force"
)

// ListSet is how a question sets two lists against each other.
type ListSet string

const (
	SetBoth ListSet = "both" // on both lists: "on both the US and EU lists", "en ambas listas"
	SetOnly ListSet = "only" // on the first list, not the second: "on the US list but not the EU's"
	SetDiff ListSet = "diff" // on one list and not the other, each way: "the difference between the US and EU lists"
)

// Query is a question turned into what it asks: the records it names, the measure and the
// qualifiers. [Parse] makes one; the engine answers it. It knows nothing of Slack or search.
type Query struct {
	Minerals  []string // mineral ids, in the order named
	Countries []string // country ids, in the order named, "after X" excluded
	Policies  []string // policy ids named by title or alias
	Lists     []knowledge.List
	Measure   Measure
	Year      int               // a year asked for ("in 2023")
	FromYear  int               // the earlier of two years compared ("2023 vs 2024")
	Edition   knowledge.Edition // "MCS 2025"
	Editions  bool              // the two editions compared ("MCS 2025 vs 2026")
	Top       int               // "top 5"
	Rank      int               // "#2", "second"
	After     string            // "after China": a country id
	Polarity  Polarity
	Status    bool // "is it still in force", "status of", "what happened to"
	Compare   bool // a comparison was asked for
	Define    bool // "what is X": the record's definition first
	YesNo     bool // a yes/no question: "is Mexico the largest…", "¿México produce…?"
	Most      bool // a superlative: "the largest", "the biggest", "el mayor"
	// Cheaper asks for the lower of prices compared: "which is cheaper", "less expensive",
	// "¿cuál es más barato?", "menos caro".
	Cheaper bool
	// Comparative is "more" or "less" when the question sets one figure against another with
	// "than": "does Mexico produce more silver than Peru?" (comparative.go). Not in String.
	Comparative string
	// ListProcess is what a question asks about how the critical minerals list is made: who
	// draws it up ("who") or how often it is renewed ("when") (list_process.go).
	ListProcess string
	// Why is a question asking for a reason: "why is antimony critical?" (why_critical.go).
	Why bool
	// Threshold is a share of world output a question sets, as a fraction: "where China is
	// over 50%" (views_share_over.go).
	Threshold float64
	// Listed are the measures a question lists side by side, in the order asked, Measure
	// among them: "fluorspar: who, how much, what changed" (multi_ask.go).
	Listed []Measure
	// MineralWord is the words that named the first mineral: "bauxite" for aluminum.
	MineralWord string
	// Month is a month named with its year ("in March 2026", "4 February 2026", "noviembre
	// de 2026"), 1 to 12.
	Month int
	// Day is the day of Month, when one is named ("4 February 2026").
	Day int
	// FromMonth starts a period of months that ends with Month, of the same year ("between
	// March and May 2026", "entre marzo y mayo de 2026").
	FromMonth int
	// Since makes the date named the start of a period that runs to today: from the date
	// itself ("since March 2026", "desde marzo de 2026") or from the day (month) after it
	// ("anything after 21 August 2026?").
	Since Since
	// Timeline asks for the newest items ("what's new") or what ends or comes next ("what
	// ends soon", "¿qué viene?").
	Timeline Timeline
	// Major is "a major producer", "one of the biggest", "among the largest", "un gran
	// productor", "uno de los principales": near the top, not the top.
	Major bool
	// World asks for the world's figure: "world production of antimony", "reservas
	// mundiales de grafito".
	World bool
	// WorldNamed is the world named, whatever else is: "how much of the world's silver do
	// Mexico and Peru produce?" asks their combined share (Helper AD, views_ad.go).
	WorldNamed bool
	// HoldsMost asks who "has" the most of a mineral: production leads, and the largest
	// reserves follow (Helper AD, views_ad.go).
	HoldsMost bool
	// TopSuppliers asks which countries supply the U.S. with the most minerals (Helper AD,
	// views_ad.go).
	TopSuppliers bool
	// Amount asks for a number: "how many countries attended?", "presupuesto de LitioMx".
	Amount bool
	// WhichMinerals asks which minerals: "which minerals did China ban to the US?", "¿qué
	// minerales prohibió China…?". A policy answer names the item's minerals first.
	WhichMinerals bool
	// CountCountries asks how many countries: "how many countries produce cobalt?",
	// "¿cuántos países producen litio?".
	CountCountries bool
	// PolicyWords are the words that named Policies: "sunrise energy metals", an alias of
	// the mining roundtable's item, asks about that company in particular.
	PolicyWords []string
	// Who asks who received what: "who got money at the mining roundtable?", "¿quién recibió
	// dinero…?". A policy answer leads with the sentence that names them.
	Who bool
	// Share asks for a share of the world's figure: "China's share of tungsten",
	// "participación de México".
	Share   bool
	Besides string // "besides Mexico": a country id left out of "who else"
	// MoreBesides are further countries left out, joined to Besides by "and", "y", a comma:
	// "besides China and Mexico" (besides_more.go).
	MoreBesides []string
	Refusal     Refusal
	// Corrections are the words read as another (misspelt names): "antimoney" → "antimony".
	Corrections []Correction
	// Rest are the content words that named nothing and asked nothing.
	Rest []string
	// Terms are the words that named nothing, cue words included, stop words left out: what
	// policy items are matched on ("plan", "ban", "suspension").
	Terms []string
	// Direction is the way a yes/no question asks a figure moved: "up" ("did it rise?",
	// "¿aumentó?") or "down" ("did it fall?", "¿bajó?").
	Direction string
	// Cut asks about a cut to output or trade under way or to come, or a quota: "is
	// Indonesia cutting nickel output?", "¿va a recortar…?" (see asksCut). Policy items
	// answer it.
	Cut bool
	// Tense is "past" when the question asks what happened ("what ended in January?"),
	// "future" when it asks what is to come ("¿qué vence en enero?"), else "": a month named
	// without a year is the last such month or the next one (see yearOfMonth).
	Tense string
	// Stage is the stage or form of a mineral the question names, names included: "refinery"
	// ("refined copper"), "smelter", "metal" ("magnesium metal", "silicon metal"),
	// "ferrosilicon"; a table's measure for it answers first (see stageMeasure).
	Stage string
	// ListSet asks what two lists share, or what the first of Lists holds and the second
	// does not.
	ListSet ListSet
	// Term is the glossary term a question asks the meaning of: "what does net import
	// reliance mean?", "¿qué es el IHH?" (see explained).
	Term string
	// Absent asks whether a mineral is missing from a list: "is silver missing from the EU
	// list?", "¿la plata no está en la lista de la UE?" (see asksAbsent).
	Absent bool
	// Lifetime asks how long reserves last at the current rate of production, the
	// reserves-to-production ratio: "how long will lithium reserves last?", "¿para cuántos
	// años alcanzan las reservas de litio?" (see asksLifetime).
	Lifetime bool
	// Partners asks which countries a country concluded agreements with: "which countries
	// signed agreements with the US in 2026?", "¿con qué países firmó EE. UU. acuerdos?" (see
	// asksPartners).
	Partners bool
	// Leaders asks about a whole list's producers: the top producer of each mineral
	// (LeadersEach) or the countries that produce the most of them (LeadersMost); see
	// leadersAsked.
	Leaders string
	// Importer is a country other than the U.S. whose own imports or import reliance a
	// question asks about ("how dependent is Mexico on the US?"), which the trade tables,
	// U.S. imports only, do not hold; see foreignImporter.
	Importer string
	// UseShare asks what share of a mineral goes to a use: "what % of lithium goes to
	// batteries?", "¿qué porcentaje del cobalto se usa en superaleaciones?"; see asksUseShare.
	UseShare bool
	// Need asks what is needed or goes into something, in words Terms leave out ("need", "go
	// into"): "which minerals does the US need for batteries?"; see needOrGoInto.
	Need bool
	// SaysAbout asks what a named policy item says or does about a mineral: "what does the
	// US-Japan action plan say about neodymium?"; see asksSaysAbout.
	SaysAbout bool
	// Both asks what the things named share: "which countries produce both lithium and
	// cobalt?" (views_both.go).
	Both bool
	// Forecast asks what a government will do about a measure: "will China lift rare earth
	// controls?", "¿levantará China los controles?"; see asksPolicyForecast.
	Forecast bool
	// DaysUntil asks how many days remain until a measure ends: "how many days until the
	// China suspension ends?", "¿cuántos días faltan…?"; see views_days_until.go.
	DaysUntil bool
	// ListSize asks how long lists are, set against each other: "is the EU list longer than
	// the US list?" (views_list_sizes.go). Not in String.
	ListSize listSizeAsk
	// AnyList asks about every critical list at once: "is zinc on any critical list?",
	// "¿está el zinc en alguna lista?" (lists_any.go). Not in String.
	AnyList bool
	// Movers asks which countries' figures of a mineral moved most, and which way: "up"
	// ("which countries increased antimony production?"), "down" ("who cut cobalt output
	// the most?") or "both"; MoversShare asks it of their shares ("who gained share in
	// lithium?"). See views_movers.go. Not in String.
	Movers      string
	MoversShare bool
	// ConcMove asks whether supply became more ("more") or less ("less") concentrated, or
	// how its concentration moved ("change"). See views_conc_move.go. Not in String.
	ConcMove string
	// Rate is a tariff rate a question names, in percent: "is the 10% tariff still in
	// force?", "el arancel de 10%" (Helper AC, tariff_rate.go). Not in String.
	Rate int
	// SinceItem asks what followed an item the question names: "what changed since the
	// USMCA review?" (Helper AC, since_item.go). Not in String.
	SinceItem bool
	// Latest says "latest", "newest" or "most recent" (Helper AC: "latest section 232
	// measures" asks the newest, not the family's list; family_items.go). Not in String.
	Latest bool
}

// Correction is a misspelt word and the name it was read as.
type Correction struct{ From, To string }

// String writes the query compactly, for tests and logs:
// "production minerals=antimony countries=mexico rank=2".
func (q Query) String() string {
	var b strings.Builder
	b.WriteString(string(q.Measure))
	add := func(k string, vs ...string) {
		if len(vs) > 0 && vs[0] != "" {
			b.WriteString(" " + k + "=" + strings.Join(vs, ","))
		}
	}
	yes := func(k string, v bool) {
		if v {
			add(k, "yes")
		}
	}
	num := func(k string, n int) {
		if n != 0 {
			add(k, strconv.Itoa(n))
		}
	}
	if q.Refusal != "" {
		add("refuse", string(q.Refusal))
	}
	add("minerals", q.Minerals...)
	add("countries", q.Countries...)
	add("policies", q.Policies...)
	var ls []string
	for _, l := range q.Lists {
		ls = append(ls, string(l))
	}
	add("lists", ls...)
	var listed []string
	for _, m := range q.Listed {
		listed = append(listed, string(m))
	}
	add("listed", listed...)
	num("from", q.FromYear)
	num("year", q.Year)
	num("edition", int(q.Edition))
	if q.Editions {
		add("editions", "both")
	}
	yes("world", q.World)
	num("month", q.Month)
	num("day", q.Day)
	num("from_month", q.FromMonth)
	add("since", string(q.Since))
	add("timeline", string(q.Timeline))
	num("top", q.Top)
	num("rank", q.Rank)
	add("after", q.After)
	add("polarity", string(q.Polarity))
	add("set", string(q.ListSet))
	yes("status", q.Status)
	yes("compare", q.Compare)
	if q.CountCountries {
		add("count", "countries")
	}
	yes("define", q.Define)
	yes("yesno", q.YesNo)
	yes("absent", q.Absent)
	yes("lifetime", q.Lifetime)
	yes("partners", q.Partners)
	add("besides", q.besidesAll()...)
	add("term", q.Term)
	add("leaders", q.Leaders)
	add("importer", q.Importer)
	return b.String()
}

// cue is a word that says what a question asks. Words are accent-folded and lower case.
type cue struct {
	measure Measure
	words   []string
}

// outputWords ask what is produced or mined; they cue production, and in a question about
// lists they make the U.S. a producer rather than the list's owner.
var outputWords = []string{"produce", "produces", "produced", "producing", "producer", "producers", "production", "output",
	"mine", "mines", "mined", "mining", "productor", "productores", "produccion", "producen", "produjo", "extrae", "extraen",
	"mina", "minas"}

// cues, strongest first: the first measure with a word in the question wins.
var cues = []cue{
	{MeasureListChanges, []string{"dropped", "removed", "remove", "removes", "drop", "drops", "taken", "delisted",
		"added", "add", "adds", "additions", "addition", "new",
		"quitaron", "quitado", "quitada", "eliminado", "eliminada", "eliminaron", "elimino", "retirado", "retirada", "retiraron",
		"retiro", "sacaron", "sacado", "quito", "quitan", "saco", "excluyo", "excluyeron", "excluido", "excluida", "agregado", "agregados", "agregada", "agregadas", "agregaron", "agrego", "anadido",
		"anadidos", "anadida", "anadidas", "anadieron", "anadio", "nuevo", "nuevos", "nuevas", "nueva", "incorporados", "incorporaron",
		"incorporo", "sumaron", "draft", "borrador"}},
	{MeasurePrice, []string{"price", "prices", "priced", "cost", "costs", "precio", "precios", "cuesta", "cuestan", "vale", "cotizacion",
		"costaba", "costaban", "costo", "costaron", "valia", "valian", "valen", "valio", // Helper R: "¿cuánto costaba el litio en 2023?"
		"expensive", "cheaper", "cheap", "caro", "cara", "barato", "barata", "pricier", "priciest", "pricey", "costlier", "cheapest", "caros", "baratos",
		"worth", "abarataron", "abarato", "encarecieron", "encarecio"}}, // Helper AD: "how much is silver worth?"
	{MeasureReliance, []string{"nir", "reliance", "reliant", "dependence", "dependent", "depend", "depends", "dependencia", "dependiente", "depende", "dependientes", "dependemos",
		"dependen", "dependio", // Helper S: as "depend", "depended"
		"rely", "relies", "relying",
		"exposed", "exposure", "expuesto", "expuesta", "expuestos", "exposicion", // Helper P: "how exposed is the US to China for graphite?"
		"sufficient", "selfsufficient", "importer", "exporter", "autosuficiente", "importador", "exportador"}},
	{MeasureImportSources, []string{"imports", "import", "imported", "importa", "importan", "importaciones", "importacion", "proveedores", "suppliers",
		"importado", "importada", "importados", "importadas"}}, // Helper AD
	{MeasureReserves, []string{"reserves", "reserve", "reservas", "reserva", "deposits", "yacimientos"}},
	{MeasureConcentration, []string{"concentrated", "concentration", "hhi", "herfindahl", "risk", "risky", "dominance", "dominate", "dominates",
		"dominant", "riesgo", "concentracion", "concentrada", "concentrado", "concentradas", "concentrados", "domina", "dominio", "control", "controls"}},
	{MeasurePolicy, []string{"policy", "policies", "ban", "banned", "bans", "restrict", "restricted", "restricts", "restriction", "restrictions",
		"tariff", "tariffs", "agreement", "agreed", "agree", "agrees", "sign", "signed", "deal", "plan", "plans", "planes", "law", "decree", "nationalization", "nationalisation", "nationalized",
		"act", "ministerial", "sanctions", "quota", "quotas", "licence", "license", "licensing", "suspended", "suspension", "force",
		"politica", "politicas", "exportacion", "exportaciones", "controles", "prohibicion", "prohibio", "prohibe", "arancel", "aranceles",
		"nationalize", "nationalise", "nationalised", "cancel", "cancelled", "canceled", "cancellation", "concession", "concessions",
		"reinstated", "reimposed", "effect", "effective",
		"acuerdo", "acordaron", "firmaron", "firmo", "acordo", "acordado", "acuerdos", "pacto", "pactos", "pactaron", "firmado",
		"acepto", "aceptaron", "dpa", "ended", "scheduled", // Helper AC: "¿China aceptó suministrar tierras raras?", "what is the DPA order on phosphorus?"
		"firmada", "convenio", "convenios", "memorando", "deals", "pact", "accord", "agreements", "memorandum", "ley", "decreto", "nacionalizacion", "nacionalizado", "nacionalizada",
		"nacionalizo", "nacionalizaron", "cancelo", "cancelaron", "cancelacion", "cancelada", "canceladas", "concesion", "concesiones", "restringio", "restricciones", "suspension", "vigor", "vigente",
		"happened", "paso", "news", "noticias", "proclamation", "proclamations", "proclaimed", "proclamacion", "determination", "determinations", "determinacion", "status", "estado", "estatus", "restringido", "restringida", "restringidos", "restringidas", "lift", "lifted",
		"levanto", "levantaron", "levantada", "recortar", "recorte", "recortes", "private", "privada", "privadas", "privado", "privados",
		"investment", "investments", "inversion", "inversiones", "invest", "invests", "invested", "invirtio", "invirtieron",
		"invierte", "invierten", "invertira", "invertiran", "invertido", "restricting", "banning", "restringiendo", "prohibiendo",
		"restringe", "restringen", "restriccion", "prohiben", // Helper S: as "restricts", "restriction", "ban"
		"cuota", "cuotas", "funding", "funded", "financing", "financed", "financiamiento", "financiacion",
		"court", "supreme", "ruling", "rulings", "ruled", "judge", "tribunal", "fallo", "corte", "suprema", "scjn",
		"measures", "medidas", // Helper V: "which measures cover antimony?"
		"ends", "expires", "expire", "termina", "terminan", "vence", "vencen", "expira", "expiran", // "what ends in 2026?"
		"expired", "expiring", "vencio", "vencieron", "expiro", "expiraron", // Helper W: "what expired in 2026?"
		"reform", "reforms", "reforma", "reformas", "amendment", "enmienda", "constitutional", "constitucional"}},
	{MeasureChange, []string{"change", "changed", "changes", "trend", "trends", "grew", "grown", "fell", "fallen", "rose", "risen",
		"drop", "drops", "dropped", "fall", "falls", "rise", "rises", "grow", "grows", "growth", "growing", "decline", "declines",
		"increase", "increased", "decrease", "decreased", "declined", "evolution", "history", "historical", "revised", "revision", "revisions", "revise", "revises", "reviso", "revisiones", // "revise": Helper P
		"cambio", "cambiado", "cambios", "cambio", "tendencia", "evolucion", "crecio", "cayo", "aumento", "subio", "bajo", "historico", "revisado",
		"crecimiento", "cambiaron", "cambia", "cambian"}}, // Helper S: as "changed", "changes"
	{MeasureLists, []string{"critical", "critico", "critica", "criticos", "criticas", "list", "lists", "listed", "lista", "listas", "strategic",
		"estrategico", "estrategica", "estrategicos", "estrategicas", "crma"}},
	{MeasureProduction, append(slices.Clone(outputWords), "supplies", "supplier", "supply", "largest", "biggest", "top", "leading",
		"leader", "leaders", "rank", "ranking", "ranks", "second", "third", "who", "mayor", "mayores", "principales", "principal",
		"quien", "quienes", "segundo", "tercero", "lider")},
	{MeasureUses, []string{"use", "used", "uses", "usage", "applications", "application", "usa", "usan", "usos", "uso", "sirve",
		"aplicaciones", "utiliza", "utilizan", "needed", "made"}},
}

// cueMeasures maps each cue word to the measures it signals.
var cueMeasures = func() map[string][]Measure {
	m := make(map[string][]Measure)
	for _, c := range cues {
		for _, w := range c.words {
			if !slices.Contains(m[w], c.measure) {
				m[w] = append(m[w], c.measure)
			}
		}
	}
	return m
}()

// refusalCues are words that put a question outside the knowledge base when it names no
// record the knowledge base can speak to.
var refusalCues = []struct {
	refusal Refusal
	words   []string
	set     phrases
}{
	{refusal: RefuseWeather, words: []string{"weather", "rain", "raining", "llover", "lloviendo", "temperature", "sunny", "clima", "lluvia", "llueve", "temperatura", "pronostico del tiempo"}},
	{refusal: RefuseForecast, words: []string{"forecast", "forecasts", "predict", "prediction", "will", "outlook", "next year", "pronostico", "pronosticos", "prevision", "predecir", "sera", "subira", "bajara"}},
	{refusal: RefusePeople, words: []string{"ceo", "cfo", "founder", "owner", "owns", "chairman", "stock", "stocks", "shareholders", "company", "companies", "firm", "empresa", "empresas", "compania", "companias", "dueno", "director", "accionistas"}},
}

func init() {
	for i := range refusalCues {
		refusalCues[i].set = newPhrases(refusalCues[i].words...)
	}
}

// liveWords make a price question about today's market.
var liveWords = set("today", "now", "current", "currently", "live", "spot", "latest", "right", "hoy", "actual", "ahora", "vivo")

// greetings are chit-chat; a message made only of these (and stop words) is a greeting.
var greetings = set("hi", "hello", "hey", "hiya", "howdy", "thanks", "thank", "thx", "ty", "cheers", "good", "morning", "afternoon",
	"evening", "bye", "goodbye", "ok", "okay", "cool", "great", "nice", "hola", "gracias", "buenos", "buenas", "dias", "tardes",
	"noches", "adios", "saludos", "que", "tal", "how", "are", "you", "doing", "whats", "up", "yo", "sup", "bot", "mineralbot", "there")

// stopWords are function words of English and Spanish, never names and never corrected.
var stopWords = set("the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "by", "with", "and", "or", "is", "are", "was", "were",
	"be", "been", "it", "its", "this", "that", "these", "those", "put", "puts", "what", "which", "who", "whom", "whose", "how", "why", "when", "where",
	"does", "do", "did", "has", "have", "had", "much", "many", "any", "some", "all", "about", "there", "their", "they", "them", "me",
	"my", "we", "our", "us", "you", "your", "can", "could", "would", "should", "please", "tell", "show", "give", "get", "gets", "got",
	"than", "then", "as", "into", "over", "under", "between", "also", "only", "just", "more", "most", "less", "least", "very", "so",
	"still", "again", "yet", "while", "since", "per", "each", "both", "other", "others", "same", "such", "here", "mean", "means",
	"know", "like", "need", "want", "think", "say", "says", "said", "world", "worlds", "global", "country", "countries", "mineral",
	"minerals", "metal", "metals", "commodity", "commodities", "material", "materials", "raw", "element", "elements", "year", "years",
	"last", "latest", "current", "recent", "recently", "now", "today", "figures", "figure", "numbers", "number", "data", "share",
	"shares", "percent", "percentage", "amount", "total", "much", "big", "small", "after", "before", "behind", "against", "versus",
	"compare", "compared", "comparison", "one", "two", "three", "four", "five", "first", "fourth", "fifth", "happen", "going", "go",
	"goes", "make", "makes", "info", "information", "details", "detail", "overview", "summary", "about", "regarding", "wrt",
	"el", "la", "los", "las", "un", "una", "unos", "unas", "de", "del", "en", "y", "o", "que", "qué", "cual", "cuales", "quien",
	"como", "cuanto", "cuanta", "cuantos", "cuantas", "donde", "cuando", "por", "para", "con", "sin", "sobre", "entre", "es", "son",
	"fue", "fueron", "esta", "estan", "ser", "hay", "se", "su", "sus", "lo", "le", "les", "al", "mas", "menos", "muy", "tambien",
	"todavia", "aun", "sigue", "siguen", "ya", "pais", "paises", "mundo", "mundial", "minerales", "metales", "ano", "anos", "datos",
	"cifras", "porcentaje", "participacion", "despues", "antes", "detras", "contra", "frente", "compara", "comparar", "comparacion",
	"vs", "versus", "mi", "me", "nos", "dime", "muestra", "dame", "informacion", "sabes", "saber", "hace", "hacer", "puedes", "quiero",
	"not", "no", "isnt", "arent", "wasnt", "werent", "dont", "doesnt", "didnt", "any", "anymore", "longer", "off", "out", "up",
	"still", "fully", "completely", "entirely", "most", "mostly", "main", "mainly", "key", "biggest", "major", "usgs", "mcs", "edition",
	"eu", "europe", "european", "ue", "europea", "europeo", "union", "us", "usa", "u", "s", "american", "estadounidense", "latest")

// lackWords ask what a country is without: "what critical minerals does Peru lack", "¿qué
// minerales críticos le faltan a Perú?". They are words, not misspelt minerals.
var lackWords = set("lack", "lacks", "lacking", "falta", "faltan", "carece", "carecen")

// ordinals are rank words: "second", "2nd", "segundo".
var ordinals = map[string]int{
	"first": 1, "1st": 1, "primero": 1, "primer": 1, "primera": 1,
	"second": 2, "2nd": 2, "segundo": 2, "segunda": 2,
	"third": 3, "3rd": 3, "tercero": 3, "tercer": 3, "tercera": 3,
	"fourth": 4, "4th": 4, "cuarto": 4, "cuarta": 4,
	"fifth": 5, "5th": 5, "quinto": 5, "quinta": 5,
}

// numberWords are small numbers written out, for "top five".
var numberWords = map[string]int{"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "ten": 10,
	"tres": 3, "cuatro": 4, "cinco": 5, "seis": 6, "siete": 7, "ocho": 8, "diez": 10}

// copulas after a subject make a statement typed with "?" a yes-or-no question; after a
// question word ("what is …?") they do not.
var copulas = set("is", "are", "es", "son", "esta", "estan")

// askWords open a question that is not a yes or a no.
var askWords = set("who", "what", "whats", "which", "where", "when", "why", "how", "que", "quien", "quienes", "cual", "cuales",
	"donde", "cuando", "como", "cuanto", "cuanta", "cuantos", "cuantas", "por")

// yesNoStarts open a yes/no question.
var yesNoStarts = set("is", "are", "was", "were", "does", "do", "did", "has", "have", "es", "esta", "son", "estan", "fue", "tiene", "hay")

// whWords open a question that is not yes/no.
var whWords = set("que", "quien", "quienes", "cual", "cuales", "como", "cuanto", "cuanta", "cuantos", "cuantas", "donde", "cuando", "por", "para")

// mostWords make a superlative.
var mostWords = set("largest", "biggest", "top", "leading", "main", "most", "mayor", "principal", "lider")

// leadNouns follow "the lead" when it means the leading one.
var leadNouns = set("producer", "producers", "country", "countries", "nation", "supplier", "suppliers", "exporter", "holder", "miner")

// pluralMostWords are superlatives after a count: "los 3 mayores", "5 principales".
var pluralMostWords = set("mayores", "principales", "lideres", "primeros", "primeras")

// accentedWh is a Spanish question word, which the accent marks as one wherever it stands.
var accentedWh = regexp.MustCompile(`(^|[^\p{L}])(qué|quién|quiénes|cuál|cuáles|cómo|cuánto|cuánta|cuántos|cuántas|dónde|cuándo)([^\p{L}]|$)`)

// nounStarts open a Spanish question that names a figure ("¿producción de plata de México?",
// "¿reservas de cobre de Chile?"); spanishVerbs are the verbs that make one of them a yes/no
// question all the same ("¿producción de plata de México subió?").
var (
	nounStarts   = set("produccion", "reservas", "reserva", "precio", "precios", "dependencia", "importaciones", "exportaciones", "usos", "participacion", "lista", "ranking", "productores", "proveedores", "fuentes")
	spanishVerbs = set("es", "esta", "estan", "son", "hay", "tiene", "tienen", "fue", "fueron", "sigue", "siguen", "subio", "bajo", "aumento", "cayo", "crecio", "supera", "incluye", "produce", "producen", "importa", "exporta", "depende")
)

// majorWords and majorPhrases ask whether a country is near the top, not at it: "a major
// producer", "a big producer", "one of the biggest", "among the largest", "un gran
// productor", "uno de los principales".
var (
	majorWords   = set("major", "big", "large", "important", "significant", "key", "notable", "gran", "grande", "grandes", "importante", "importantes", "relevante")
	majorPhrases = newPhrases("one of the", "among the", "a leading", "a top", "a main", "uno de los", "una de las", "entre los", "entre las", "un lider")
)

// topCount is the count a word gives before a superlative ("3", "five"), or 0.
func topCount(w string) int {
	n, err := strconv.Atoi(w)
	if err != nil {
		n = numberWords[w]
	}
	if n > 1 && n <= 20 {
		return n
	}
	return 0
}

// Timeline is a question about time itself rather than a topic.
type Timeline string

// The timelines: the newest items, and what ends or comes next.
const (
	Latest   Timeline = "latest"
	Upcoming Timeline = "upcoming"
	PastWeek Timeline = "past_week" // the seven days to today
	// Periods named relative to today, which the engine's clock turns into dates: a day, a
	// calendar week (Monday to Sunday), a calendar month or the calendar year.
	Yesterday Timeline = "yesterday"
	Today     Timeline = "today"
	ThisWeek  Timeline = "this_week"
	NextWeek  Timeline = "next_week"
	LastMonth Timeline = "last_month"
	ThisMonth Timeline = "this_month"
	NextMonth Timeline = "next_month"
	ThisYear  Timeline = "this_year" // the calendar year
	LastYear  Timeline = "last_year" // the calendar year before this one
	NextYear  Timeline = "next_year" // Helper AA: the calendar year after this one
)

// periodPhrases name a period relative to today, in the order they are looked for: "next
// week" before "this week", "the week after next" is not one.
var periodPhrases = []struct {
	timeline Timeline
	set      phrases
}{
	{Yesterday, newPhrases("yesterday", "ayer")},
	{NextWeek, newPhrases("next week", "coming week", "week ahead", "following week", "proxima semana", "semana proxima",
		"semana que viene", "siguiente semana", "semana siguiente", "semana entrante")},
	{ThisWeek, newPhrases("this week", "esta semana")},
	{LastMonth, newPhrases("last month", "previous month", "past month", "mes pasado", "ultimo mes", "mes anterior")},
	{NextMonth, newPhrases("next month", "coming month", "following month", "proximo mes", "mes proximo", "mes que viene",
		"siguiente mes", "mes siguiente", "mes entrante")},
	{ThisMonth, newPhrases("this month", "este mes")},
	{ThisYear, newPhrases("this year", "este ano", "so far this year", "en lo que va del ano")},
	{LastYear, newPhrases("last year", "previous year", "ano pasado", "ano anterior")},
	{NextYear, newPhrases("next year", "coming year", "proximo ano", "ano proximo", "ano que viene", "ano entrante")},
	{Today, newPhrases("today", "hoy", "so far today", "this morning", "esta manana")},
}

// periodNamed returns the period relative to today a question names, or "".
func periodNamed(norm []string, joined string) Timeline {
	for _, p := range periodPhrases {
		if p.set.any(norm, joined) {
			return p.timeline
		}
	}
	return ""
}

var (
	pastWeekPhrases = newPhrases("last week", "past week", "past seven days", "last seven days", "last 7 days", "past 7 days",
		"semana pasada", "ultima semana", "ultimos siete dias", "ultimos 7 dias")
	latestPhrases = newPhrases("whats new", "what s new", "what new", "what is new", "anything new", "latest news", "the latest", "recent news",
		"whats the latest", "novedades", "que hay de nuevo", "lo mas reciente", "lo ultimo", "ultimas noticias",
		"the newest", "whats the newest", "most recent", "lo mas nuevo",
		"hay algo nuevo", "algo nuevo sobre", "alguna novedad", "ultimas novedades", "que hay nuevo") // Helper R
	upcomingPhrases = newPhrases("what next", "what coming", "ends soon", "end soon", "ending soon", "expires soon", "expire soon", "expiring", "coming up",
		"upcoming", "whats next", "what s next", "what is next", "whats coming", "what s coming", "what is coming", "next few months",
		"que viene", "que sigue", "por vencer", "vence pronto", "vencen pronto", "termina pronto", "proximos meses", "lo que viene",
		"next few weeks", "coming weeks", "next weeks", "proximas semanas", "deadlines", "plazos",
		"fechas limite", "que vienen", "vencimientos", "proximos vencimientos", // Helper V
		"takes effect next", "take effect next", "takes effect soon", "take effect soon", "comes into force", "coming into force",
		"entra en vigor pronto", "entran en vigor pronto") // Helper AC: "what takes effect next?"
)

// months are month names and abbreviations, in English and Spanish.
var months = map[string]int{"january": 1, "jan": 1, "enero": 1, "february": 2, "feb": 2, "febrero": 2, "march": 3, "mar": 3, "marzo": 3,
	"april": 4, "apr": 4, "abril": 4, "abr": 4, "may": 5, "mayo": 5, "june": 6, "jun": 6, "junio": 6, "july": 7, "jul": 7, "julio": 7,
	"august": 8, "aug": 8, "agosto": 8, "ago": 8, "september": 9, "sep": 9, "sept": 9, "septiembre": 9, "setiembre": 9,
	"october": 10, "oct": 10, "octubre": 10, "november": 11, "nov": 11, "noviembre": 11, "december": 12, "dec": 12, "diciembre": 12, "dic": 12}

// editionJoiners set a second edition beside a first: "la edición 2025 y la 2026".
var (
	editionJoiners = set("la", "el", "the", "and", "y", "vs", "versus", "or", "o")
	editionWords   = set("edition", "editions", "edicion", "ediciones", "mcs")
)

// ambiguousMonths are month names that are also common words; monthLeads are the words
// that make a month named without a year a date ("in December", "en diciembre").
var (
	ambiguousMonths = set("may", "march", "mar", "ago", "sept", "sep")
	monthLeads      = set("in", "en", "this", "next", "last", "during", "durante", "este", "proximo", "pasado", "until", "hasta", "before", "antes", "by", "since", "desde")
)

// pastMarkers and futureVerbs (with futureMarkers) put a question about a date in the past or the future: "what
// ended in January?", "what expires in January?", "¿qué vence en enero?". The future's verbs
// are in the present, as people ask what is scheduled: "what comes in January?".
var (
	pastMarkers = set("did", "was", "were", "had", "happened", "ended", "expired", "lapsed", "took", "began", "started", "came",
		"announced", "signed", "passed", "occurred", "paso", "sucedio", "ocurrio", "hubo", "fue", "fueron", "vencio", "vencieron",
		"termino", "terminaron", "entro", "entraron", "empezo", "empezaron", "comenzo", "comenzaron", "inicio", "anuncio", "firmo",
		"firmaron")
	futureVerbs = set("will", "expire", "expires", "expiring", "end", "ends", "ending", "come", "comes", "coming", "start", "starts",
		"begin", "begins", "take", "takes", "taking", "due", "scheduled", "upcoming", "happens", "vence", "vencen", "vencera",
		"venceran", "termina", "terminan", "terminara", "terminaran", "entra", "entran", "entrara", "entraran", "empieza", "empiezan",
		"comienza", "comienzan", "viene", "vienen", "pasa", "pasara", "sucede", "habra", "previsto", "prevista")
)

// tenseOf is a question's tense: "past", "future" or "" (neither, or both).
func tenseOf(norm []string, joined string) string {
	past := slices.ContainsFunc(norm, func(w string) bool { return pastMarkers[w] })
	future := slices.ContainsFunc(norm, func(w string) bool { return futureVerbs[w] }) || futureMarkers.any(norm, joined)
	switch {
	case past && !future:
		return "past"
	case future && !past:
		return "future"
	}
	return ""
}

// monthNamed returns the month a question names beside a year ("March 2026", "4 February
// 2026", "noviembre de 2026"); 0 when none. A month word away from a year ("may", "march")
// is a word.
func monthNamed(norm []string, used []bool) (month, day int) {
	isYear := func(i int) bool { return i >= 0 && i < len(norm) && len(norm[i]) == 4 && isNumber(norm[i]) }
	dayAt := func(i int) int {
		if i < 0 || i >= len(norm) || len(norm[i]) > 2 || !isNumber(norm[i]) {
			return 0
		}
		d, _ := strconv.Atoi(norm[i])
		if d < 1 || d > 31 {
			return 0
		}
		return d
	}
	for i, w := range norm {
		m, ok := months[w]
		if !ok || used[i] {
			continue
		}
		next := i + 1
		d := dayAt(next) // "February 4, 2026"
		if d > 0 {
			next++
		}
		if next < len(norm) && (norm[next] == "de" || norm[next] == "of") {
			next++
		}
		if !isYear(next) {
			// No year: the month still counts with a day beside it ("December 4", "27 de
			// noviembre") or after "in" ("in December", "en diciembre"), unless the word is
			// ambiguous ("may", "march", "ago", "mar" are also words). The answer takes the
			// year from today.
			if ambiguousMonths[w] && (i == 0 || !monthLeads[norm[i-1]] || w == "ago" || w == "mar") {
				continue // "in May" is the month; "may", "ago", "mar" alone are words
			}
			if d == 0 {
				if prev := i - 1; prev >= 0 && norm[prev] == "de" {
					d = dayAt(prev - 1)
				} else {
					d = dayAt(prev)
				}
			}
			if d == 0 && (i == 0 || !monthLeads[norm[i-1]] || len(w) <= 3) {
				continue
			}
			return m, d
		}
		if d == 0 {
			// "4 February 2026", "4 de febrero de 2026"
			prev := i - 1
			if prev >= 0 && norm[prev] == "de" {
				prev--
			}
			d = dayAt(prev)
		}
		return m, d
	}
	return 0, 0
}

// deedWords ask what someone did or is doing. "Do" asks it only after an auxiliary ("what did
// China do", "what does Mexico do with lithium"), never alone ("what minerals do we import").
var deedWords = set("doing", "done", "hizo", "hicieron", "haciendo", "hecho")

// speechWords ask what a government said: "what did Mexico say about the talks", "what has
// China declared", "¿qué dijo México?". "Say" counts only after an auxiliary, like "do".
var speechWords = set("said", "says", "declared", "declares", "stated", "dijo", "dijeron", "declaro", "declararon", "afirmo", "dice", "dicen",
	"pidio", "pidieron", "exigio", "exigieron", "propuso", "propusieron") // Helper S: "¿qué pidió EE. UU. a México?"

// sourceWords name the statistics, whose words are not a government's: "what does USGS say",
// "what do the figures say about Chile's lithium".
var sourceWords = set("usgs", "mcs", "survey", "data", "figures", "numbers", "statistics", "tables", "datos", "cifras", "estadisticas", "tablas")

// namesStatistics reports whether a question names the statistics (see sourceWords).
func namesStatistics(norm []string) bool {
	return slices.ContainsFunc(norm, func(w string) bool { return sourceWords[w] })
}

// asksDeeds reports whether a question asks what someone did, does or is doing, or what
// they said.
func asksDeeds(norm []string) bool {
	aux := false
	speech := !namesStatistics(norm)
	for _, w := range norm {
		switch {
		case deedWords[w], aux && w == "do", speech && (speechWords[w] || aux && w == "say"):
			return true
		case w == "did" || w == "does" || w == "will":
			aux = true
		}
	}
	return false
}

// spanishText reports whether a question is in Spanish.
func spanishText(text string) bool {
	lang, ok := detectLanguage(nil, text)
	return ok && lang == Spanish
}

// isoDate is a date written year first: "2026-03", "2026-03-05".
var isoDate = regexp.MustCompile(`\b(\d{4})-(\d{2})(?:-(\d{2}))?\b`)

// isoMonth returns the month (and day) of a date written year first, 0 when none; its year
// is read with the other years.
func isoMonth(text string) (month, day int) {
	if !strings.Contains(text, "-") {
		return 0, 0 // most questions: the expression is not run for them
	}
	m := isoDate.FindStringSubmatch(text)
	if m == nil {
		return 0, 0
	}
	month, _ = strconv.Atoi(m[2])
	if month < 1 || month > 12 {
		return 0, 0
	}
	if m[3] != "" {
		day, _ = strconv.Atoi(m[3])
	}
	return month, day
}

// Since is where a period that runs to today starts: at the date named, or after it.
type Since string

const (
	SinceFrom  Since = "from"  // "since March 2026", "desde marzo": March is in
	SinceAfter Since = "after" // "after 21 August", "después del 4 de febrero": from the next day
)

// sinceWords make the date after them the start of a period.
var sinceWords = map[string]Since{"since": SinceFrom, "desde": SinceFrom, "after": SinceAfter, "despues": SinceAfter}

// sinceDate returns how a period starts when a sinceWord stands right before a date (a day,
// a month or a year), or with only "the", "el", "de" or "del" between them; "" when none
// does.
func sinceDate(norm []string) Since {
	for i, w := range norm {
		since, ok := sinceWords[w]
		if !ok {
			continue
		}
		j := i + 1
		for j < len(norm) && (norm[j] == "the" || norm[j] == "el" || norm[j] == "del" || norm[j] == "de") {
			j++
		}
		if j < len(norm) && (months[norm[j]] > 0 || isNumber(norm[j]) && (len(norm[j]) <= 2 || len(norm[j]) == 4)) {
			return since
		}
	}
	return ""
}

// fromMonth is the month that opens a period ending in month: "between March and May",
// "from March to May", "entre marzo y mayo"; 0 when none does.
func fromMonth(norm []string, month int) int {
	for i, w := range norm[:max(len(norm)-1, 0)] {
		if from := months[norm[i+1]]; periodOpeners[w] && from > 0 && from < month {
			return from
		}
	}
	return 0
}

// periodOpeners open a period of months.
var periodOpeners = set("between", "from", "entre", "de", "desde")

// figureMeasures are the measures of figures: a cue of one asks a number, not the news.
var figureMeasures = measureSet{MeasurePrice, MeasureReserves, MeasureReliance, MeasureImportSources, MeasureProduction, MeasureUses}

// measureSet is a few measures.
type measureSet []Measure

func (s measureSet) has(m Measure) bool { return slices.Contains(s, m) }

// majorRank is the lowest rank a "major" producer holds.
const majorRank = 5

// besides reports whether the words before position i leave the country there out: "besides
// Mexico", "outside (of) China", "apart from the DRC", "other than Chile", "fuera de China",
// "sin contar a Perú", "además de China".
func besides(norm []string, i int) bool {
	j := i - 1
	if j >= 0 && (norm[j] == "the" || norm[j] == "a") {
		j-- // "apart from the DRC"
	}
	if j < 0 {
		return false
	}
	if besidesWords[norm[j]] && norm[j] != "sin" || replaceWords[norm[j]] || alternativeWords[norm[j]] {
		return true
	}
	if j >= 1 && (norm[j] == "de" || norm[j] == "from" || norm[j] == "than" || norm[j] == "of" || norm[j] == "contar") {
		w := norm[j-1]
		return besidesWords[w] || w == "apart" || w == "other" || w == "outside" || w == "instead"
	}
	if j >= 1 && (norm[j] == "to" || norm[j] == "for" || norm[j] == "a") {
		return alternativeWords[norm[j-1]] // "alternatives to China", "substitutes for China"
	}
	return false
}

// replaceWords ask who could take a country's place, which is who else produces: "which
// countries could replace China", "gallium producers ex-China", "non-China supply",
// "¿quién podría reemplazar a China?" (the "a" is skipped like an article, see besides).
var replaceWords = set("ex", "non", "replace", "replacing", "substitute", "reemplazar", "sustituir", "reemplazo")

// alternativeWords leave out the country after "to" or "for": "alternatives to China",
// "alternativas a China".
var alternativeWords = set("alternative", "alternatives", "substitute", "substitutes", "replacement", "replacements", "alternativa", "alternativas")

// besidesWords leave a country out: "who else besides Mexico".
var besidesWords = set("besides", "except", "excluding", "outside", "aparte", "ademas", "excepto", "salvo", "fuera", "sin")

// offTopic are subjects outside the knowledge base that name no record it can speak to.
var offTopic = set("capital", "population", "currency", "language", "football", "soccer", "recipe", "movie", "song", "joke", "poem",
	"poblacion", "moneda", "idioma", "futbol", "receta", "pelicula", "cancion", "chiste", "poema")

// thanksWords end a conversation rather than start one.
var thanksWords = set("thanks", "thank", "thx", "ty", "cheers", "gracias")

// afterWords introduce the country a rank is counted from: "after China", "detrás de China".
var afterWords = set("after", "behind", "despues", "detras", "tras")

// compareOrAnd join two things compared: "MCS 2025 vs 2026".
var compareOrAnd = set("vs", "versus", "and", "y", "or", "o", "to", "a")

// compareWords ask for a comparison.
var compareWords = set("compare", "compared", "comparison", "versus", "vs", "against", "compara", "comparar", "comparacion", "contra", "frente")

// phrases is a set of words and phrases indexed by first word, so that finding them in a
// question costs one map lookup per word of the question.
type phrases map[string][]string // first word → the rest of each phrase ("" for a word)

func newPhrases(ps ...string) phrases {
	s := make(phrases, len(ps))
	for _, p := range ps {
		first, rest, _ := strings.Cut(p, " ")
		s[first] = append(s[first], rest)
	}
	return s
}

// all returns the phrases of the set that a question's words contain, in question order;
// joined is the words separated by spaces, with a space at each end.
func (s phrases) all(norm []string, joined string) []string {
	var out []string
	for i, w := range norm {
		for _, rest := range s[w] {
			if rest == "" {
				out = append(out, w)
			} else if strings.HasPrefix(joined[wordOffset(norm, i):], w+" "+rest+" ") {
				out = append(out, w+" "+rest)
			}
		}
	}
	return out
}

// any reports whether a question's words contain a phrase of the set.
func (s phrases) any(norm []string, joined string) bool {
	for i, w := range norm {
		for _, rest := range s[w] {
			if rest == "" || strings.HasPrefix(joined[wordOffset(norm, i):], w+" "+rest+" ") {
				return true
			}
		}
	}
	return false
}

// wordOffset is where word i starts in the joined words (" a b c ").
func wordOffset(norm []string, i int) int {
	n := 1
	for _, w := range norm[:i] {
		n += len(w) + 1
	}
	return n
}

// statusPhrases ask whether something is still in force, or what became of it.
// "What happened to the ban" asks what became of it; "what happened at the ministerial" asks
// what the item says, and is not one of them.
var statusPhrases = newPhrases("still in force", "in force", "in effect", "still in effect", "status", "what happened to",
	"what happened with", "what became of", "que paso con", "que fue de",
	"sigue vigente", "sigue en vigor", "esta vigente", "en vigor", "vigente", "estado de", "still active", "still valid", "expired", "expire", "expires", "lapsed", "vence", "vencio",
	"come back", "came back", "coming back", "reinstated", "reimposed", "back in force", "back in effect", "volvio", "regreso", "restablecio", "restablecida",
	"lift", "lifted", "levanto", "levantaron", "extended", "extend", "renewed", "extendio", "extendida", "prorrogo", "prorrogada", "renovo", "renovada", "sigue restringido", "sigue restringida", "still restricted", "still banned", "still controlled",
	"still apply", "still applies", "still in place", "todavia aplica", "aun aplica", "sigue aplicandose") // Helper AA: "does the section 122 duty still apply?"

// upPhrases and downPhrases ask which way a figure moved.
var (
	upPhrases = newPhrases("go up", "went up", "gone up", "rise", "rose", "risen", "rising", "increase", "increased", "increasing",
		"grow", "grew", "grown", "growing", "higher", "climb", "climbs", "climbed", "jump", "jumps", "jumped", "aumento", "aumentado", "subio", "crecio", "incremento",
		"subieron", "aumentaron", "crecieron", "subido", "subiendo", "aumentando", "creciendo",
		"gain share", "gains share", "gained share", "gaining share", "gaining market share", "ganando participacion", "gano participacion", "gana participacion", "ganando terreno", // Helper P
		"or up", "o subio", "o sube")
	downPhrases = newPhrases("go down", "went down", "gone down", "fall", "fell", "fallen", "falling", "decrease", "decreased",
		"decreasing", "decline", "declined", "declining", "shrink", "shrank", "drop", "drops", "dropped", "slump", "slumps",
		"slumped", "cayo", "disminuyo", "disminuido", "bajo la", "bajo mas", "cuanto bajo", "tanto bajo", "se redujo",
		"cayeron", "bajaron", "disminuyeron", "bajado", "bajando", "cayendo", "disminuyendo",
		"lose share", "loses share", "lost share", "losing share", "losing market share", "perdiendo participacion", "perdio participacion", "pierde participacion", "perdiendo terreno", // Helper P
		"or down", "o bajo", "o baja")
)

// saysBajo reports whether a question says "bajó" with its accent: folded, "bajo" is also
// "under" ("bajo la ley"), so downPhrases hold only "bajo la".
func saysBajo(raw []string) bool {
	return slices.ContainsFunc(raw, func(w string) bool { return strings.ToLower(w) == "bajó" })
}

// removalPhrases ask whether a mineral left a list.
var removalPhrases = newPhrases("removed", "taken off", "delisted",
	"no longer", "not anymore", "any more", "anymore", "quitaron", "quitado", "quitada", "eliminado", "eliminada", "eliminaron",
	"elimino", "retirado", "retirada", "retiraron", "retiro", "sacaron", "sacado", "ya no", "dejo de", "quito", "quitan", "saco",
	"excluyo", "excluyeron", "excluido", "excluida")

// softRemovalPhrases say that a mineral left a list in a question that names a list ("did
// the US drop any minerals from the list?"), or names no figure ("was arsenic dropped?");
// "did lithium prices drop?" and "has antimony output dropped?" ask about figures.
var softRemovalPhrases = newPhrases("drop", "drops", "dropped", "remove", "removes", "take off")

// figureWords name a figure that can go down.
var figureWords = newPhrases("production", "output", "produce", "produced", "mining", "price", "prices", "cost", "costs",
	"exports", "imports", "reserves", "supply", "demand", "consumption", "produccion", "precio", "precios", "reservas",
	"exportaciones", "importaciones", "consumo", "reliance", "dependence", "dependencia")

// maxNameWords is the longest name or alias looked up as a phrase.
const maxNameWords = 8

// lexicon parses questions against one knowledge base's names. It is built once per knowledge
// base, at load, and is safe for concurrent use.
type lexicon struct {
	kb    *knowledge.KB
	vocab map[string]bool // every word the parser gives a meaning to: never corrected
	// prose holds the words of the knowledge base's own text ("hold", "leads", "pueden",
	// "latina"): real words, never read as misspelt names ("gold", "lead", "sweden", "latvia").
	prose map[string]bool
	spell *speller
	// starts maps the first word of every normalized name and alias to the most words a
	// name starting with it has: phrases starting with any other word are not looked up.
	starts map[string]int
	known  map[string]nameEntry // every normalized name and alias
	// subjects are what each glossary definition's first sentence defines, English and
	// Spanish, normalized and padded with spaces (see definitionSubject).
	subjects map[*knowledge.Term][2]string
}

func newLexicon(kb *knowledge.KB) *lexicon {
	p := &lexicon{kb: kb, vocab: map[string]bool{}, starts: map[string]int{}, known: map[string]nameEntry{},
		subjects: map[*knowledge.Term][2]string{}}
	for _, t := range kb.Glossary {
		p.subjects[t] = [2]string{" " + definitionSubject(t.Definition) + " ", " " + definitionSubject(t.DefinitionES) + " "}
	}
	var refs []knowledge.Ref
	for _, m := range kb.Minerals {
		refs = append(refs, knowledge.Ref{Kind: knowledge.KindMineral, ID: m.ID})
	}
	for _, c := range kb.Countries {
		refs = append(refs, knowledge.Ref{Kind: knowledge.KindCountry, ID: c.ID})
	}
	for _, pol := range kb.Policies {
		refs = append(refs, knowledge.Ref{Kind: knowledge.KindPolicy, ID: pol.ID})
	}
	for _, r := range refs {
		for _, n := range kb.Names(r) {
			// Names are matched word by word as index.Words splits them, hyphens as spaces.
			ws := strings.Fields(knowledge.Normalize(strings.ReplaceAll(n, "-", " ")))
			if len(ws) == 0 {
				continue
			}
			key := strings.Join(ws, " ")
			ref, ok := kb.Resolve(key)
			if !ok {
				continue // a name another record claims first
			}
			_, inText := kb.ResolveInText(key)
			p.starts[ws[0]] = max(p.starts[ws[0]], len(ws))
			p.known[key] = nameEntry{ref: ref, acronym: !inText}
		}
	}
	for _, c := range cues {
		for _, w := range c.words {
			p.vocab[w] = true
		}
	}
	for _, c := range refusalCues {
		for _, w := range c.words {
			p.vocab[w] = true
		}
	}
	for w := range sinceWords {
		p.vocab[w] = true
	}
	for w := range deadlineWords {
		p.vocab[w] = true // "fecha límite" is no misspelt "bismite"
	}
	for w := range spanWords {
		p.vocab[w] = true // Helper V: "the 60-day period" is no misspelt "cerio" (policy_phrases.go)
	}
	for w := range moverWords {
		p.vocab[w] = true // Helper U: "gained" is no misspelt "Guinea"
	}
	for _, m := range []map[string]bool{stanceWords} {
		for w := range m {
			p.vocab[w] = true // Helper AA: "stance" is no misspelt "France" (tariff_applies.go)
		}
	}
	for _, m := range []map[string]bool{liveWords, greetings, stopWords, afterWords, compareWords, yesNoStarts, whWords, mostWords, besidesWords, offTopic, thanksWords, pastMarkers, futureVerbs, deedWords, lackWords} {
		for w := range m {
			p.vocab[w] = true
		}
	}
	for _, w := range intentVocab() {
		p.vocab[w] = true
	}
	for w := range absentVocab {
		p.vocab[w] = true
	}
	for _, w := range glossaryWords(kb) {
		p.vocab[w] = true // "retenido" is a glossary word, not a misspelt "rutenio"
	}
	for w := range ordinals {
		p.vocab[w] = true
	}
	for _, ps := range periodPhrases {
		for first, rests := range ps.set {
			p.vocab[first] = true
			for _, r := range rests {
				for _, w := range strings.Fields(r) {
					p.vocab[w] = true
				}
			}
		}
	}
	for w := range months {
		p.vocab[w] = true
	}
	for w := range numberWords {
		p.vocab[w] = true
	}
	// List items without a card of their own (helium, feldspar) are words, not typos.
	for _, en := range kb.ListEntries {
		if en.Mineral == "" {
			for _, w := range strings.Fields(knowledge.Normalize(en.Item)) {
				p.vocab[w] = true
			}
		}
	}
	p.spell = newSpeller(kb, p.vocab)
	p.prose = proseWords(kb, p.spell)
	return p
}

// everydayWords are common words, in chat more than in the knowledge base's prose, one or two
// letters from a name: "cold" is not "gold", "plaza" not "plata", "litro" not "litio",
// "América Latina" not Latvia.
var everydayWords = set("cold", "told", "sold", "bold", "hold", "holds", "held", "goal", "goals", "load", "loads", "lean",
	"line", "lines", "lime", "nice", "time", "tone", "zone", "pain", "plain", "spin", "steal", "coral", "moral", "polar",
	"pure", "chili", "while", "mail", "latina", "latino", "latinas", "latinos", "litro", "litros", "plaza", "plazas",
	"plato", "platos", "cobra", "cobran", "cobro", "sobre", "pueden", "puede", "busca", "buscar", "start", "starts", "started",
	"starting", "happens", "begin", "begins", "effect", "effects", "effective", "pasada", "pasadas", "pasado", "pasados", "semana",
	"semanas", "allies",
	// Common Spanish verbs, typed without their accents: "salio" (salió) is not "galio".
	"salio", "salia", "salir", "valio", "valia", "hablar", "hablo")

// listNouns are the words that name a list, as "critical" alone does not.
var listNouns = set("list", "lists", "listed", "lista", "listas", "listado", "listados", "listada", "listadas")

// spanishPreterite reports whether a word ends as a Spanish preterite does, on an accented
// "ó" ("salió", "firmó", "publicó"): a verb, never a misspelt name, for no name ends so.
func spanishPreterite(w string) bool {
	return strings.HasSuffix(strings.ToLower(w), "ó")
}

// proseWords returns the words the knowledge base's text uses (records' summaries, uses and
// titles, in English and Spanish) that are not names themselves and could pass for a
// misspelt name.
func proseWords(kb *knowledge.KB, sp *speller) map[string]bool {
	out := map[string]bool{}
	for w := range everydayWords {
		out[w] = true
	}
	add := func(texts ...string) {
		for _, t := range texts {
			for _, w := range strings.FieldsFunc(knowledge.Normalize(t), func(r rune) bool { return r < 'a' || r > 'z' }) {
				if len(w) >= minCorrect && !sp.words[w] {
					out[w] = true
				}
			}
		}
	}
	for _, m := range kb.Minerals {
		add(m.Summary, m.SummaryES)
		add(m.Uses...)
		add(m.UsesES...)
	}
	for _, pol := range kb.Policies {
		add(pol.Title, pol.TitleES, pol.Summary, pol.SummaryES)
	}
	for _, c := range kb.Countries {
		if c.Profile != nil {
			add(c.Profile.Summary, c.Profile.SummaryES)
		}
	}
	return out
}

// Parse turns a question into a query. It is pure: the same text and knowledge base give
// the same query.
func (p *lexicon) Parse(text string) Query {
	raw := index.Words(strings.ReplaceAll(hyphenUS(text), "-", " ")) // "us-china" is the pair (hyphen_us.go)
	for i, w := range raw {
		// A possessive names the same record: "China's" is China.
		if base, ok := strings.CutSuffix(w, "'s"); ok && len(base) > 1 {
			raw[i] = base
		} else if base, ok := strings.CutSuffix(w, "’s"); ok && len(base) > 1 {
			raw[i] = base
		}
	}
	norm := make([]string, len(raw))
	for i, w := range raw {
		norm[i] = knowledge.Normalize(w)
	}
	if slices.Contains(norm, "eu") && !euIsUnion(norm) && spanishText(text) {
		// "la lista de minerales críticos de EU": in Spanish, as Mexicans write it, "EU" is
		// Estados Unidos (EUA); the European Union is "UE". (Only then is the language
		// detected: it is a tenth of parsing.)
		for i, w := range norm {
			if w == "eu" {
				raw[i], norm[i] = "EUA", "eua"
			}
		}
	}
	spanishListVerbs(raw, norm) // "¿qué minerales salieron de la lista?"
	marketShareES(raw, norm)    // "cuota de mercado": a share, not a quota (share_words.go)
	// Helper AB: "is cobalt crit?" (have_reserves.go)
	expandAbbreviations(raw, norm)
	var q Query
	for _, w := range norm {
		if s, ok := stageWords[w]; ok && q.Stage == "" {
			q.Stage = s
		}
	}
	used := p.names(raw, norm, &q)
	// Words that named nothing and mean nothing to the parser may be misspelt names.
	fixed := false
	for i, w := range norm {
		if used[i] || p.vocab[w] || isNumber(w) || spanishPreterite(raw[i]) || stageWords[w] != "" {
			continue // "does China refine cobalt?": a stage is no misspelt name
		}
		if to, ok := p.spell.correct(w); ok {
			if p.proseForm(w) && (len(w) < 7 || editDistance(w, to, 1) > 1) { // Helper W: inflections too
				// A word of the knowledge base's own text is a word ("hold", "pueden"),
				// unless it is a long word one letter from a name: another language's
				// spelling of it ("celestita", the ore of strontium).
				continue
			}
			q.Corrections = append(q.Corrections, Correction{From: raw[i], To: to})
			raw[i], norm[i] = to, to
			fixed = true
		} else if to, _, ok := verbTypo(w); ok && !p.prose[w] {
			raw[i], norm[i] = to, to // "restict", "agre", "teh" (verb_typos.go)
			fixed = true
		}
	}
	if fixed {
		q = Query{Corrections: q.Corrections, Stage: q.Stage}
		used = p.names(raw, norm, &q)
	}
	p.coalAlone(norm, used, &q) // Helper AB: "is coal critical?" (have_reserves.go)
	if len(q.Minerals) >= 2 && slices.Contains(q.Minerals, "lead") {
		// "Who is the lead producer of tin?": "the lead producer", beside another mineral, is
		// the leading one.
		for i := 1; i+1 < len(norm); i++ {
			if norm[i] == "lead" && (norm[i-1] == "the" || norm[i-1] == "a") && leadNouns[norm[i+1]] {
				q.Minerals = slices.DeleteFunc(q.Minerals, func(id string) bool { return id == "lead" })
				q.Most = true
				break
			}
		}
	}
	if slices.Contains(q.Minerals, "lead") {
		// Helper Q: "lead time for gallium supply" asks a lead time, not the mineral lead.
		for i := 0; i+1 < len(norm); i++ {
			if norm[i] == "lead" && (norm[i+1] == "time" || norm[i+1] == "times") {
				q.Minerals = slices.DeleteFunc(q.Minerals, func(id string) bool { return id == "lead" })
				q.Terms = append(q.Terms, "leadtime") // views_defense.go gapNote
				if q.MineralWord == "lead" {
					q.MineralWord = ""
				}
				break
			}
		}
	}
	if leadIsVerb(norm, used, &q, p.isMineral) {
		// "Which minerals does Mexico lead in?": where it is first, not the mineral lead.
		q.Minerals = slices.DeleteFunc(q.Minerals, func(id string) bool { return id == "lead" })
		q.Most = true
	}
	joined := " " + strings.Join(norm, " ") + " "
	// has is asked about a hundred cue words and phrases per question: a phrase is looked
	// for only when its first word is in the question.
	var present map[string]bool
	if len(norm) > 8 {
		present = make(map[string]bool, len(norm))
		for _, w := range norm {
			present[w] = true
		}
	}
	in := func(w string) bool {
		if present != nil {
			return present[w]
		}
		return slices.Contains(norm, w)
	}
	has := func(phrase string) bool {
		first, rest, multi := strings.Cut(phrase, " ")
		if !in(first) {
			return false
		}
		return !multi || rest == "" || containsPhrase(joined, phrase)
	}

	// Qualifiers.
	var years []int
	yearAt := map[int]int{} // where each year was written
	citedEdition := false   // "según el USGS 2025": an edition, not the list
	for i, w := range norm {
		if used[i] {
			continue
		}
		switch {
		case strings.HasPrefix(w, "mcs") && len(w) == 7 && isNumber(w[3:]):
			y, _ := strconv.Atoi(w[3:])
			q.addEdition(knowledge.Edition(y))
		case isNumber(w) && len(w) == 4:
			y, _ := strconv.Atoi(w)
			if y < 1990 || y > 2100 {
				continue
			}
			if i > 0 && (norm[i-1] == "mcs" || norm[i-1] == "edition" || norm[i-1] == "edicion") || i > 0 && q.Edition != 0 && compareOrAnd[norm[i-1]] {
				q.addEdition(knowledge.Edition(y))
				continue
			}
			if citesUSGSEdition(norm, i) {
				q.addEdition(knowledge.Edition(y))
				citedEdition = true
				continue
			}
			years = append(years, y)
			yearAt[y] = i
		case w == "top" && i+1 < len(norm):
			if n, err := strconv.Atoi(norm[i+1]); err == nil && n > 0 && n <= 20 {
				q.Top = n
			} else if n, ok := numberWords[norm[i+1]]; ok {
				q.Top = n
			}
		case i+1 < len(norm) && (mostWords[norm[i+1]] || pluralMostWords[norm[i+1]]) && q.Top == 0 && topCount(w) > 0:
			q.Top = topCount(w) // "the 3 largest", "los 3 mayores", "five biggest"
		case ordinals[w] > 0 && q.Rank == 0:
			q.Rank = ordinals[w]
		case (w == "number" || w == "numero" || w == "no") && i+1 < len(norm) && isNumber(norm[i+1]) && len(norm[i+1]) <= 2:
			q.Rank, _ = strconv.Atoi(norm[i+1])
		}
	}
	if n := hashRank(text); n > 0 && q.Rank == 0 {
		q.Rank = n
	}
	if q.Rank == 1 {
		q.Rank = 0 // "the first producer" is the top of the ranking the view leads with anyway
		q.Most = true
	}
	if has("edition") || has("editions") || has("edicion") || has("ediciones") {
		// "between the 2025 and 2026 editions", "entre las ediciones 2025 y 2026", "entre la
		// edición 2025 y la 2026": the years name editions, not years of data. A year is an
		// edition beside an edition word, or joined to one that is ("2025 and 2026
		// editions"); "production in 2025 according to the 2026 edition" asks 2025's data.
		isEdition := func(y int) bool {
			ed := knowledge.Edition(y)
			return ed == knowledge.MCS2025 || ed == knowledge.MCS2026
		}
		word := func(i int) string {
			if i < 0 || i >= len(norm) {
				return ""
			}
			return norm[i]
		}
		beside := func(y int) bool { return editionWords[word(yearAt[y]-1)] || editionWords[word(yearAt[y]+1)] }
		anyBeside := q.Edition != 0 || slices.ContainsFunc(years, func(y int) bool { return isEdition(y) && beside(y) })
		rest := years[:0]
		for _, y := range years {
			joined := anyBeside && (editionJoiners[word(yearAt[y]-1)] || editionJoiners[word(yearAt[y]+1)])
			if isEdition(y) && (beside(y) || joined) {
				q.addEdition(knowledge.Edition(y))
			} else {
				rest = append(rest, y)
			}
		}
		years = rest
	}
	slices.Sort(years)
	years = slices.Compact(years)
	switch {
	case len(years) >= 2:
		q.FromYear, q.Year = years[0], years[len(years)-1]
	case len(years) == 1:
		q.Year = years[0]
	}
	q.Lists = listsNamed(norm, has, func(phrase string) bool {
		// A word of a name ("the US-EU action plan") names that, not the EU's lists.
		if !has(phrase) {
			return false
		}
		first, _, _ := strings.Cut(phrase, " ")
		for i, w := range norm {
			if w == first && !used[i] {
				return true
			}
		}
		return false
	})
	if citedEdition {
		q.Lists = slices.DeleteFunc(q.Lists, func(l knowledge.List) bool { return l == knowledge.USGS2025 })
	}
	namesList := len(q.Lists) > 0 || has("list") || has("lists") || has("lista") || has("listas")
	if len(q.Countries) >= 2 && slices.Contains(q.Lists, knowledge.USGS2025) &&
		(has("us list") || has("us critical") || has("u s list") || has("u s critical") || has("lista de eeuu") || has("lista de estados unidos")) {
		// "which of the minerals on the US list does Mexico mine?": the U.S. names the list.
		q.Countries = slices.DeleteFunc(q.Countries, func(c string) bool { return c == "united-states" })
	}
	if removalPhrases.any(norm, joined) || softRemovalPhrases.any(norm, joined) && (namesList || !figureWords.any(norm, joined)) {
		q.Polarity = Removed
	}
	if q.Polarity == "" {
		switch {
		case has("still") || has("todavia") || has("sigue") || has("aun"):
			q.Polarity = Still
		case has("not") || has("isnt") || has("no esta") || has("no es") || has("no produce") || has("no producen") ||
			len(q.Minerals) == 0 && (has("doesnt") || has("dont")) && (has("produce") || has("mine")),
			// Helper Q: "which critical minerals does the US produce none of?"
			len(q.Minerals) == 0 && (has("none") || has("zero")) && (has("produce") || has("produces") || has("mine") || has("mines")),
			len(q.Minerals) == 0 && slices.ContainsFunc(norm, func(w string) bool { return lackWords[w] }):
			// "what critical minerals does peru lack", "¿qué minerales críticos le faltan a Perú?"
			q.Polarity = Negated
		}
	}
	q.Cut = asksCut(norm, joined)
	if (statusPhrases.any(norm, joined) || asksRestrictionStatus(norm, used)) && !asksExpiryInYear(q, norm) { // Helper W: expires_year.go
		// "is China still restricting dysprosium?": whether a measure is in force.
		q.Status = true
	}
	for _, w := range norm {
		if compareWords[w] {
			q.Compare = true
		}
	}
	if !q.Compare && (len(q.Minerals) >= 2 || len(q.Countries) >= 2) && (has("or") || has("o")) {
		q.Compare = true
	}
	if !q.Compare && len(q.Policies) >= 2 && (has("difference") || has("differences") || has("differ") || has("diferencia") || has("diferencias")) {
		q.Compare = true // Helper AC: "what's the difference between the US-Mexico and US-Japan action plans?"
	}

	q.Comparative = comparativeOf(norm)
	if q.Comparative == "" && (len(q.Countries) == 2 || len(q.Countries) == 0 && len(q.Minerals) >= 2) {
		q.Comparative = choiceOf(norm) // Helper R: "who produces more silver, Mexico or Peru?"; Helper AD: "is more lithium or cobalt mined?"
	}
	if q.Comparative == "" && len(q.Countries) == 2 && hasAny(norm, overtakeWords) {
		q.Comparative = "more" // Helper U: "did China overtake Australia in lithium?" (views_dominate.go)
	}
	q.ListProcess = listProcessOf(norm)
	q.ListSize = listSizeOf(norm, has) // Helper T: "is the EU list longer than the US list?"
	q.AnyList = anyListOf(has)         // Helper U: "is zinc on any critical list?"
	q.Movers, q.MoversShare = moversOf(norm, has)
	q.ConcMove = concMoveOf(norm, has)
	q.Why = asksWhy(norm)
	q.Threshold = thresholdOf(norm)
	// Helper AC: "the 10% tariff" (tariff_rate.go), "what changed since the USMCA review?"
	// (since_item.go), "latest section 232 measures" (family_items.go).
	q.Rate = rateOf(norm)
	q.SinceItem = sinceItemOf(norm)
	q.Latest = has("latest") || has("newest") || has("most recent") || has("ultima") || has("ultimas") || has("ultimo") || has("ultimos") || has("reciente") || has("recientes")
	q.Cheaper = has("cheaper") || has("cheapest") || has("less expensive") || has("least expensive") || has("less costly") ||
		has("mas barato") || has("mas barata") || has("mas baratos") || has("mas baratas") || has("menos caro") || has("menos cara")
	q.Amount = has("how many") || has("how much") || has("cuantos") || has("cuantas") || has("cuanto") || has("cuanta") ||
		has("budget") || has("presupuesto") || has("number of") || has("numero de") ||
		has("how big") || has("how large") || has("what size") || has("de que tamano") || has("que tan grande") || has("que tamano")
	// "who got money at the roundtable?", "¿quién recibió dinero?": who received what.
	q.Who = (has("who") || has("quien") || has("quienes")) && slices.ContainsFunc(norm, func(w string) bool { return receiveWords[w] })
	q.WhichMinerals = has("which minerals") || has("what minerals") || has("which metals") || has("what metals") ||
		has("que minerales") || has("cuales minerales") || has("que metales") || has("cuales metales")
	q.CountCountries = has("how many countries") || has("how many nations") || has("number of countries") ||
		has("cuantos paises") || has("numero de paises")
	q.Share = has("share") || has("shares") || has("market share") || has("proportion") || has("percentage") ||
		has("participacion") || has("porcentaje") || has("proporcion") || percentSign(text) // Helper AD: "what % of"
	q.World = len(q.Countries) == 0 && (has("world") || has("worldwide") || has("global") || has("mundial") || has("mundiales") || has("total"))
	q.WorldNamed = has("world") || has("worldwide") || has("global") || has("mundial") || has("mundiales") || worldWord(norm)
	q.World = q.World || len(q.Countries) == 0 && worldAmount(norm, q) // Helper AD: "¿cuánta plata se produce en el mundo?"
	switch up, down := upPhrases.any(norm, joined), downPhrases.any(norm, joined) || saysBajo(raw); {
	case up && !down:
		q.Direction = "up"
	case down && !up:
		q.Direction = "down" // "go up or down?" asks neither
	}
	if q.Direction == "" && !q.Cut && pastCut(norm) && (figureWords.any(norm, joined) || cutOfOutput(norm, &q)) {
		q.Direction = "down" // "did Indonesia cut nickel output in 2025?": did the figure fall
	}
	q.Month, q.Day = monthNamed(norm, used)
	if q.Month == 0 {
		q.Month, q.Day = isoMonth(text) // "what happened in 2026-03"
	}
	if q.Month > 0 {
		q.Since = sinceDate(norm)
		q.FromMonth = fromMonth(norm, q.Month)
	}
	if n := quarterNamed(norm); n > 0 && q.Month == 0 && q.Year > 0 && q.FromYear == 0 {
		q.FromMonth, q.Month = 3*n-2, 3*n // "Q1 2026", "el primer trimestre de 2026" (quarters.go)
		if q.Rank == n && (slices.Contains(norm, "quarter") || slices.Contains(norm, "trimestre")) {
			q.Rank = 0 // "the second quarter" is no rank
		}
	}
	q.Tense = tenseOf(norm, joined)
	if len(q.Minerals)+len(q.Policies) == 0 && (len(q.Lists) == 0 || listsAsJurisdiction(norm)) {
		period := periodNamed(norm, joined)
		if period != "" && slices.ContainsFunc(norm, func(w string) bool {
			if period == ThisYear && (slices.Contains(cueMeasures[w], MeasurePolicy) || exportControls.any(norm, joined) && (w == "control" || w == "controls")) {
				return false // "China's export controls this year" are a policy's, not who controls supply
			}
			return slices.ContainsFunc(cueMeasures[w], func(m Measure) bool {
				// "critical minerals" without a list named is the subject of every item, not
				// a list asked for: "what happened this year in critical minerals".
				return m != MeasurePolicy && m != MeasureListChanges && (m != MeasureLists || listNouns[w]) &&
					(m != MeasureChange || period != ThisYear) // "what changed in China's export controls this year?"
			})
		}) {
			period = "" // "who produces the most today?", "copper prices this month" ask a figure
		}
		switch {
		case pastWeekPhrases.any(norm, joined):
			q.Timeline = PastWeek
		case period != "":
			// "what happened yesterday?", "what's coming next week?", "¿qué pasó el mes
			// pasado?": the items dated in that period, which the engine's clock sets.
			q.Timeline = period
		case latestPhrases.any(norm, joined):
			q.Timeline = Latest
		case upcomingPhrases.any(norm, joined):
			q.Timeline = Upcoming
		}
	}
	if q.Timeline == "" && len(q.Minerals)+len(q.Countries)+len(q.Policies) > 0 && latestPhrases.any(norm, joined) && !namesStatistics(norm) &&
		!slices.ContainsFunc(norm, func(w string) bool { return slices.ContainsFunc(cueMeasures[w], figureMeasures.has) }) {
		// "what's the latest on china rare earth controls", "latest news on section 232": the
		// newest items on the topic. "What's the latest lithium price?" asks a figure, and
		// "what changed for Mexico in the latest USGS data?" the newest edition's figures.
		q.Timeline = Latest
	}
	if q.Timeline == "" && len(q.Minerals)+len(q.Policies) > 0 && upcomingPhrases.any(norm, joined) &&
		!slices.ContainsFunc(norm, func(w string) bool { return slices.ContainsFunc(cueMeasures[w], figureMeasures.has) }) {
		// "what's coming for antimony?", "upcoming measures on rare earths": what takes effect
		// or ends next on the topic, as "what's coming up?" asks of every item.
		q.Timeline = Upcoming
	}
	if q.Timeline == "" && asksMineralNews(q, norm, used) {
		// "what happened with germanium?", "¿qué pasó con el germanio?": its latest news, the
		// newest items on it, not whether one is still in force (mineral_news.go).
		q.Timeline, q.Status = Latest, false
	}

	dealIdiom(norm, used, q) // Helper AD: "what's the deal with gallium?" (views_ad.go)
	for i, w := range norm {
		if !used[i] && !p.vocab[w] && !isNumber(w) && len(w) > 1 {
			q.Rest = append(q.Rest, w)
		}
		if !used[i] && !stopWords[w] && len(w) > 2 {
			q.Terms = append(q.Terms, w)
		}
		if w == "mineral" && i+2 < len(norm) && (norm[i+1] == "de" || norm[i+1] == "del") && p.isMineral(norm[i+2]) {
			// "mineral de antimonio" is antimony ore, a form USGS gives imports of.
			q.Terms = append(q.Terms, "ore")
		}
	}

	// The measure: the strongest cue, then what the records named imply.
	q.Measure = p.measure(norm, used, has, &q)
	if q.Measure == MeasureOverview && len(q.Minerals) > 0 && (len(q.Countries) > 0 || q.World || worldWord(norm)) && asksHoldings(norm) {
		q.Measure = MeasureReserves // Helper AB: "how much lithium does Chile have?" (have_reserves.go)
		q.World = len(q.Countries) == 0
	} else if q.Measure == MeasureOverview && asksCountryMinerals(norm, used, q) {
		q.Measure, q.WhichMinerals = MeasureProduction, true // Helper AB: "what minerals does Mexico have?"
	}
	readHoldsMost(norm, &q) // Helper AD: "which country has the most lithium?" (views_ad.go)
	readTrade(norm, &q)     // Helper AD: "which minerals does the US get from Mexico?" (views_ad.go)
	readSectorWho(norm, &q) // Helper AD: "which country dominates battery minerals?" (views_ad.go)
	readTopSuppliers(norm, &q)
	q.Listed = listedMeasures(text, norm, used, q)
	if q.Measure == MeasurePrice && slices.ContainsFunc(movedMostPhrases, has) {
		q.Most = true // "¿qué minerales subieron más de precio?": the largest moves (moved_most.go)
	}
	if q.Measure == MeasurePrice && len(q.Minerals) == 1 && q.Direction == "" {
		q.Direction = dearerThanBefore(has) // "¿el cobre está más caro que el año pasado?" (moved_most.go)
	}
	if need, goInto := needOrGoInto(norm); goInto && q.Measure == MeasureOverview && len(q.Minerals) > 0 && len(q.Countries) == 0 && !sectorNamed(q) {
		q.Measure = MeasureUses // "what does graphite go into?" (use_verbs.go)
	} else if need {
		q.Need = true // "which minerals does the US need for batteries?"
	}
	q.Both = has("both") || has("ambos") || has("ambas") // a stop word, so not among Terms
	if len(q.Minerals) == 0 {
		if set, ls := listSet(norm, has, q.Lists); set != "" {
			// "Which minerals are on both the US and EU lists?": the U.S. names its list.
			q.ListSet, q.Lists, q.Measure = set, ls, MeasureLists
			q.Countries = slices.DeleteFunc(q.Countries, func(c string) bool { return c == "united-states" })
		} else if set, ls := euAnnexSet(norm, has); set != "" {
			q.ListSet, q.Lists, q.Measure = set, ls, MeasureLists // Helper T: "strategic but not critical in the EU" (eu_annexes.go)
		}
	} else if q.Measure == MeasureLists {
		if set, ls := listSet(norm, has, q.Lists); set == SetOnly || set == SetBoth {
			// "Is silver on the US list but not the EU list?": that mineral, on the first and
			// not the second, in the order the question names them.
			q.ListSet, q.Lists = set, ls
			q.Countries = slices.DeleteFunc(q.Countries, func(c string) bool { return c == "united-states" })
		}
	}
	first := ""
	for _, w := range norm {
		if w != "de" && w != "a" && w != "en" && w != "con" && w != "desde" {
			first = w // "¿de qué…", "¿en qué…": the question word comes second
			break
		}
	}
	// "¿producción de plata de México en 2025?" names what it asks, with no verb: a question
	// about the figure, not a yes/no one; "¿además de plata, qué produce México?" asks its
	// question word a little later.
	nounPhrase := nounStarts[first] && !slices.ContainsFunc(norm, func(w string) bool { return spanishVerbs[w] })
	if yesNoStarts[first] || first != "" && first != "y" && first != "e" && strings.HasPrefix(strings.TrimSpace(text), "¿") && !whWords[first] && !nounPhrase &&
		!accentedWh.MatchString(strings.ToLower(text)) {
		q.YesNo = true // "is…", "does…", and a Spanish ¿…? without a question word
	}
	if t := strings.TrimSpace(text); strings.HasSuffix(t, "?") && !strings.HasPrefix(t, "¿") && len(norm) > 2 && !whWords[norm[0]] && !askWords[norm[0]] && (copulas[norm[1]] || articleCopula(norm)) {
		q.YesNo = true // "mexico es proveedor importante de zinc?", "china is the top producer?"
	}
	if q.YesNo && eitherWay.any(norm, joined) {
		q.YesNo = false // "¿sube o baja la producción de litio?" asks which, not whether
	}
	if q.YesNo && politeAsk(norm) {
		q.YesNo = false // Helper AD: "¿puedes decirme la participación de China en el grafito?" (views_ad.go)
	}
	if q.Measure == MeasureProduction && q.YesNo && q.Direction != "" && len(q.Minerals) > 0 && !q.Most && q.Top == 0 && q.Rank == 0 && !q.Share {
		// "has lithium production gone up?", "is Mexico's zinc output falling?", "¿ha subido
		// la producción de litio?": whether the figure moved that way.
		q.Measure = MeasureChange
	}
	if q.Refusal == "" && asksPolicyForecast(norm, joined) {
		// "will China lift rare earth controls?": no forecast, the latest item on the matter
		// (forecast_policy.go).
		q.Forecast, q.Measure, q.YesNo, q.Status = true, MeasurePolicy, false, true
	}
	if daysUntilPhrases.any(norm, joined) && slices.ContainsFunc(norm, func(w string) bool { return slices.Contains(cueMeasures[w], MeasurePolicy) }) {
		// "how many days until the China suspension ends?": the days from today to an item's
		// end date (views_days_until.go); "faltan" lacks nothing.
		q.DaysUntil, q.Measure, q.Status, q.Polarity = true, MeasurePolicy, true, ""
	}
	moreThanYearBefore(norm, &q) // Helper AB: "did Mexico produce more fluorspar in 2025?" (have_reserves.go)
	if q.YesNo && q.Measure == MeasureOverview && len(q.Minerals) > 0 && len(q.Countries) == 1 && asksThereIs(norm, used) {
		q.Measure = MeasureReserves // Helper AB: "¿hay litio en México?" asks what is in the ground (have_reserves.go)
	}
	q.Absent = asksAbsent(norm, joined, &q, namesList)
	q.Lifetime = q.Measure == MeasureReserves && asksLifetime(norm, joined)
	q.Partners = q.Measure == MeasurePolicy && asksPartners(norm, joined)
	q.Leaders = leadersAsked(norm, &q)             // views_leaders.go
	q.Importer = p.foreignImporter(norm, used, &q) // views_importer.go
	q.UseShare = asksUseShare(text, norm, &q)      // views_use_share.go
	q.SaysAbout = asksSaysAbout(norm, &q)          // views_policy_says.go
	for _, w := range norm {
		if mostWords[w] {
			q.Most = true
		}
		if majorWords[w] {
			q.Major = true
		}
	}
	if majorPhrases.any(norm, joined) {
		q.Major = true
	}
	if leadsIn(norm, used, &q, p.isMineral) {
		q.Most = true // "does Mexico lead in lead?", "is Mexico the leader in silver?": leads_in.go
	}
	if (has("when") || has("cuando")) && slices.ContainsFunc(norm, func(w string) bool { return endWords[w] }) {
		q.Status = true
	}
	q.refuse(norm, joined)
	if q.Measure == MeasureOverview && q.Refusal == "" && (has("what is") || has("whats") || has("what s") || has("what are") || has("que es") || has("que son")) {
		q.Define = true
	}
	return p.explained(q, norm)
}

func (q *Query) addEdition(ed knowledge.Edition) {
	if q.Edition != 0 && q.Edition != ed {
		q.Editions = true
		q.Edition = max(q.Edition, ed)
		return
	}
	q.Edition = ed
}

// usCopulas are the words after which a lower-case "us" before a mineral or a figure is the
// country, not the pronoun ("what is us lithium production", "a supplier of us zinc"; "show
// us lithium" stays a pronoun).
var usCopulas = set("what", "whats", "is", "are", "was", "were", "how", "where", "which", "of", "vs", "versus", "and",
	"supplies", "supply", "supplied") // "who supplies us graphite" (Helper P)

// usNouns are the figures a lower-case "us" before them is the country of.
var usNouns = set("reserves", "reserve", "production", "output", "imports", "import", "exports", "export", "reliance", "consumption", "mine", "mines", "mining", "producers", "supply", "dependence")

// usAttributive reports whether the lower-case "us" at i names the country: it opens the
// question, or follows a copula, and stands before a mineral's name or a figure.
func (p *lexicon) usAttributive(norm []string, i int) bool {
	if i+1 >= len(norm) {
		return i == 0 && len(norm) == 1
	}
	if i > 0 && usPrepositions[norm[i-1]] && !usCopulas[norm[i-1]] {
		return p.usBeforeFigure(norm, i) // Helper W: "for us fluorspar supply"
	}
	if i > 0 && !usCopulas[norm[i-1]] && !p.isMineral(norm[i-1]) && !p.isCountry(norm[i-1]) {
		return false // "beryllium us production" is the country's
	}
	next := norm[i+1]
	if usNouns[next] || i > 0 && p.isCountry(norm[i-1]) {
		return true // "china us agreements"
	}
	for n := min(maxNameWords, len(norm)-i-1, p.starts[firstWord(next)]); n >= 1; n-- {
		// "us lithium production"; "us china deals", the pair of countries
		if name, ok := p.known[strings.Join(norm[i+1:i+1+n], " ")]; ok && (name.ref.Kind == knowledge.KindMineral || name.ref.Kind == knowledge.KindCountry) {
			return true
		}
	}
	return false
}

// isCountry reports whether a word is a country's name ("china"), not a short word that
// only an upper-case spelling makes one.
func (p *lexicon) isCountry(w string) bool {
	name, ok := p.known[w]
	return ok && name.ref.Kind == knowledge.KindCountry && len(w) > 2 && !stopWords[w]
}

// isMineral reports whether a word is a mineral's name.
func (p *lexicon) isMineral(w string) bool {
	name, ok := p.known[w]
	return ok && name.ref.Kind == knowledge.KindMineral
}

// names finds the records a question names: the longest phrases that are a name or alias,
// and element symbols written exactly. A country after "after" is the rank's reference, not
// a country asked about. It returns which words were used.
func (p *lexicon) names(raw, norm []string, q *Query) []bool {
	used := make([]bool, len(raw))
	type mention struct {
		ref   knowledge.Ref
		pos   int
		words string
	}
	var found []mention
	// Leftmost-longest: at each word, the longest name that starts there.
	for i := range raw {
		for n := min(maxNameWords, len(raw)-i, p.starts[firstWord(norm[i])]); n >= 1; n-- {
			if slices.Contains(used[i:i+n], true) {
				continue
			}
			name, ok := p.known[strings.Join(norm[i:i+n], " ")]
			if !ok {
				continue
			}
			// "the us" typed in lower case is the country: "us" the pronoun never follows "the",
			// never opens a question ("us rare earth reserves"), and never stands before a
			// mineral or a figure after "what is", "are" ("what are us lithium imports").
			// "the usa" is the country; a bare "usa" may be Spanish for "uses".
			theUS := n == 1 && (norm[i] == "us" && (i > 0 && norm[i-1] == "the" || p.usAttributive(norm, i)) ||
				norm[i] == "usa" && (i > 0 && norm[i-1] == "the" || usaSubject(norm, i)))
			// A country's short acronym that is no word names it however it is typed: "the uk".
			countryAcronym := n == 1 && name.acronym && name.ref.Kind == knowledge.KindCountry && !p.vocab[norm[i]] && !stopWords[norm[i]]
			if n == 1 && len(norm[i]) < 3 && strings.ToUpper(raw[i]) != raw[i] && !theUS && !countryAcronym {
				continue // short lower-case words are not names ("de", "en"); symbols below
			}
			if n == 1 && stopWords[norm[i]] && strings.ToUpper(raw[i]) != raw[i] && !theUS {
				continue
			}
			if name.acronym && !isUpper(raw[i:i+n]) && !theUS && (p.vocab[norm[i]] || name.ref.Kind != knowledge.KindCountry) &&
				!(name.ref.Kind == knowledge.KindPolicy && asksAboutPolicy(norm, i, n)) {
				// "us", "usa" in a sentence are words; "US", "USA" are the country. A country's
				// acronym that is no word ("drc", "eeuu") names it however it is typed; a
				// policy's may be one ("forge").
				continue
			}
			ref := name.ref
			for j := i; j < i+n; j++ {
				used[j] = true
			}
			found = append(found, mention{ref, i, strings.Join(norm[i:i+n], " ")})
			break
		}
	}
	for i, w := range raw {
		if used[i] || !knowledge.SymbolCandidate(w, len(raw)) {
			continue
		}
		if ref, ok := p.kb.Resolve(w); ok && ref.Kind == knowledge.KindMineral {
			used[i] = true
			found = append(found, mention{ref, i, norm[i]})
		}
	}
	slices.SortFunc(found, func(a, b mention) int { return a.pos - b.pos })
	besidesEnd := -1 // where the last country left out ends (besides_more.go)
	for _, m := range found {
		switch m.ref.Kind {
		case knowledge.KindMineral:
			if len(q.Minerals) == 0 {
				q.MineralWord = m.words
			}
			if !slices.Contains(q.Minerals, m.ref.ID) {
				q.Minerals = append(q.Minerals, m.ref.ID)
			}
		case knowledge.KindCountry:
			if m.pos > 0 && (afterWords[norm[m.pos-1]] || m.pos > 1 && norm[m.pos-1] == "de" && afterWords[norm[m.pos-2]]) && q.After == "" {
				q.After = m.ref.ID
				continue
			}
			if besides(norm, m.pos) && q.Besides == "" {
				q.Besides = m.ref.ID
				besidesEnd = m.pos + len(strings.Fields(m.words))
				continue
			}
			if besidesEnd >= 0 && besidesJoined(norm, besidesEnd, m.pos) {
				q.MoreBesides = append(q.MoreBesides, m.ref.ID) // "besides China and Mexico"
				besidesEnd = m.pos + len(strings.Fields(m.words))
				continue
			}
			if !slices.Contains(q.Countries, m.ref.ID) {
				q.Countries = append(q.Countries, m.ref.ID)
			}
		case knowledge.KindPolicy:
			if !slices.Contains(q.Policies, m.ref.ID) {
				q.Policies = append(q.Policies, m.ref.ID)
			}
			q.PolicyWords = append(q.PolicyWords, strings.Fields(m.words)...)
		}
	}
	p.pairPlan(norm, q) // "plan de acción EE. UU.-Japón" (pair_plans.go)
	// Helper AC: "the Trump Xi summit" (leaders.go).
	leadersNamed(norm, used, q)
	return used
}

// measure decides what a question asks.
func (p *lexicon) measure(norm []string, used []bool, has func(string) bool, q *Query) Measure {
	var signalled []Measure
	for i, w := range norm {
		if !used[i] {
			signalled = append(signalled, cueMeasures[w]...)
		}
	}
	cued := func(m Measure) bool { return slices.Contains(signalled, m) }
	listed := cued(MeasureLists) || len(q.Lists) > 0
	switch {
	case q.Timeline != "" && len(q.Minerals)+len(q.Policies) == 0 && !listed && (has("edition") || has("edicion") || namesStatistics(norm)):
		// "What's new in the 2026 edition?", "what's new in the latest data?": the edition's
		// figures against the year before, not the newest news items.
		return MeasureChange
	case namesStockpile(has) && len(q.Minerals) == 0 && !cued(MeasurePrice):
		return MeasurePolicy // "reserva estratégica", "US strategic stockpile" (stockpile.go)
	case asksMovedMost(q, listed, signalled, has):
		return MeasurePrice // "¿qué mineral subió más?": its price (moved_most.go)
	case !cued(MeasurePrice) && !cued(MeasureReliance) && !cued(MeasureReserves) && len(q.Minerals) > 0 &&
		(has("go up") || has("went up") || has("go down") || has("went down") || eitherWay.any(norm, " "+strings.Join(norm, " ")+" ")):
		// "Did Chile's lithium production go up or down?"
		return MeasureChange
	case q.Share && q.Direction != "" && len(q.Minerals) > 0 && len(q.Countries) > 0 && !cued(MeasurePrice) && !cued(MeasureReliance) &&
		!cued(MeasureReserves) && !cued(MeasureImportSources):
		// "is Mexico gaining share in silver?": how its share moved, not its rank (Helper P).
		return MeasureChange
	case q.Timeline != "" || q.Month > 0 && !cued(MeasurePrice) && (len(q.Minerals) == 0 || cued(MeasurePolicy) ||
		slices.ContainsFunc(q.Rest, func(w string) bool { return len(w) > 2 })):
		// "what's new", "what ends soon", "what happened in March 2026", "what did Sheinbaum
		// say in February 2026 about lithium": USGS figures are annual, a month is news.
		// "Which country is number one in silver, in May 2026?" still asks a figure.
		return MeasurePolicy
	case listed && len(q.Minerals) == 0 && (q.FromYear == 2022 && q.Year == 2025 ||
		slices.Contains(q.Lists, knowledge.USGS2022) && (cued(MeasureChange) || q.Compare)):
		// "what changed between the 2022 and 2025 US critical minerals lists"
		return MeasureListChanges
	case len(q.Minerals)+len(q.Countries)+len(q.Policies) == 0 && q.FromYear == 2022 && q.Year == 2025 && cued(MeasureListChanges) &&
		!slices.ContainsFunc(signalled, figureMeasures.has):
		// "which minerals were added between 2022 and 2025?": what was added between the
		// years of the two U.S. lists is what the 2025 list added, not a figure.
		return MeasureListChanges
	case cued(MeasurePrice) && q.Year != 0 && q.FromYear == 0 && q.Month == 0 && sinceDate(norm) != "":
		// "lithium price drop since 2022": from that year to the latest price, not whether
		// lithium dropped off the 2022 list.
		q.FromYear, q.Year = q.Year, 0
		return MeasurePrice
	case cued(MeasureChange) && !cued(MeasurePrice) && len(q.Minerals) > 0 && q.Year != 0 && q.FromYear == 0 && q.Month == 0 &&
		sinceDate(norm) == SinceFrom:
		// Helper R: "¿cómo ha cambiado la producción de zinc de México desde 2021?": from
		// that year to the newest one held (views_change.go), not that year alone.
		q.FromYear, q.Year = q.Year, 0
		return MeasureChange
	case q.Editions || q.FromYear != 0 && q.FromYear != q.Year:
		if cued(MeasurePrice) {
			return MeasurePrice // "was silver more expensive in 2025 than in 2021?"
		}
		if cued(MeasureReliance) {
			return MeasureReliance
		}
		if cued(MeasureReserves) {
			return MeasureReserves
		}
		return MeasureChange
	case len(q.Minerals) == 0 && q.Polarity != Removed && (len(norm) > 0 && (norm[0] == "when" || norm[0] == "cuando")) &&
		(has("draft") || has("borrador")):
		// "when was the draft list published": the date of the draft, a dated item.
		return MeasurePolicy
	case (q.Polarity == Removed || cued(MeasureListChanges)) && (len(q.Lists) > 0 || has("list") || has("lista") || !cued(MeasurePrice)) &&
		(listed || len(q.Minerals) == 0 && q.Year != 0 || q.Year == 2025 || q.Year == 2022):
		// "which metal prices dropped the most in 2025" asks prices, not the list.
		return MeasureListChanges
	case q.Polarity == Removed && len(q.Minerals) > 0:
		return MeasureListChanges
	}
	if len(q.Minerals) > 0 && len(q.Policies) == 0 && !listed && (q.Status && asksRestrictionStatus(norm, used) || q.Cut) {
		// "Is China still restricting dysprosium?", "Is Indonesia cutting nickel output?",
		// "Will Indonesia cut nickel production?": whether a measure is in force, or what a
		// government is doing or plans. Policy items answer that; production figures do not.
		return MeasurePolicy
	}
	if len(q.Minerals) > 0 && len(q.Policies) == 0 && !q.Cut && q.Direction == "down" && pastCut(norm) && !cued(MeasurePrice) &&
		!cued(MeasureReliance) && !cued(MeasureReserves) {
		// "Did Indonesia cut nickel output in 2025?": a past year's figures say whether it fell.
		return MeasureChange
	}
	if (len(q.Countries) > 0 || namesEU(*q)) && len(q.Policies) == 0 && asksDeeds(norm) && !slices.ContainsFunc(signalled, figureMeasures.has) {
		// "What did China do on antimony in 2024?", "¿qué hizo México con el litio?", "what
		// has the EU done on graphite": what a government did is policy; a year's figures do
		// not say it.
		return MeasurePolicy
	}
	if len(q.Minerals) > 0 && len(q.Policies) == 0 && asksSaid(norm) && !slices.ContainsFunc(signalled, figureMeasures.has) {
		return MeasurePolicy // Helper R: "¿qué dijo Sheinbaum del litio?" (said_about.go)
	}
	if len(q.Minerals) > 0 && asksUSSources(norm, used, slices.Contains(q.Countries, "united-states")) {
		// "where does US get fluorspar", "where do we get our tungsten", "where does America
		// get its graphite", "¿de dónde sacamos el tungsteno?": U.S. import sources.
		return MeasureImportSources
	}
	if slices.Contains(q.Countries, "united-states") && len(q.Minerals) > 0 &&
		(has("come from") || has("comes from") || has("get its") || has("get their") || has("vienen de") || has("viene de") ||
			has("supplies") || has("supply") || has("supplier") || has("suppliers") || has("provee") || has("abastece") ||
			has("source") || has("sources") || has("proveedor") || has("proveedores") || has("fuente") || has("fuentes") ||
			has("buy") || has("buys") || has("purchase") || has("purchases") || has("compra") || has("compran") ||
			has("vende") || has("venden") || has("vendio") || has("sells") || has("sold")) { // "¿quién le vende más fluorita a EE. UU.?"
		return MeasureImportSources
	}
	if slices.ContainsFunc(norm, func(w string) bool { return majorWords[w] }) && len(q.Minerals) > 0 && len(q.Policies) == 0 &&
		!slices.ContainsFunc(signalled, figureMeasures.has) && (len(q.Countries) == 2 && slices.Contains(q.Countries, "united-states") &&
		(has("for us") || has("to us") || has("for the us") || has("to the us") || has("para eeuu") || has("para estados unidos") || has("de eeuu") || has("de ee uu") || has("para ee uu") || has("de estados unidos") ||
			has("for the usa") || has("to the usa") || has("para usa") || has("para eua") || has("de usa")) ||
		len(q.Countries) == 1 && q.Countries[0] != "united-states" && (has("for us") || has("to us") || has("for the us") || has("to the us"))) {
		// "Is Mexico important for US zinc?", "¿México es importante para el zinc de EE. UU.?":
		// whether it is a large source of U.S. imports, not how much it mines.
		return MeasureImportSources
	}
	if slices.ContainsFunc(norm, func(w string) bool { return majorWords[w] }) && len(q.Minerals) == 1 && len(q.Policies) == 0 &&
		!slices.ContainsFunc(signalled, figureMeasures.has) && slices.Equal(q.Countries, []string{"united-states"}) && usMineral(norm, p.isMineral) {
		// "important for US zinc", "which countries are key for the us cobalt", "¿qué países
		// son importantes para el zinc de EEUU?": who supplies U.S. imports.
		return MeasureImportSources
	}
	exportWord := has("export") || has("exports") || has("exported") || has("exportaciones") || has("exportacion") || has("exporta") || has("exportan") ||
		slices.ContainsFunc(norm, func(w string) bool { return spanishSellWords[w] }) // "¿qué le vende México a EE. UU.?"
	if exportWord && (has("controlled") || has("restricted") ||
		has("banned") || has("controladas") || has("controlados") || has("restringidas") || has("prohibidas") ||
		has("export controls") || has("export control") || has("export ban") || has("export bans")) { // Helper AC: "do China's export controls apply to the US?"
		// "Are holmium exports from China controlled right now?"
		return MeasurePolicy
	}
	if (exportWord || has("exportar")) && len(q.Countries) > 0 && (has("how much") || has("cuanto") || has("cuanta")) &&
		(has("can") || has("allowed") || has("puede") || has("pueden")) {
		return MeasurePolicy // Helper AC: "how much cobalt can the DRC export?": its quota, not its output
	}
	if (exportWord || slices.ContainsFunc(norm, func(w string) bool { return suppliesToWords[w] })) && slices.Contains(q.Countries, "united-states") && len(q.Countries) == 2 && !policyCuedBesidesExports(norm, used) && len(q.Policies) == 0 {
		// "¿Qué minerales críticos exporta México a EE.UU.?": what the U.S. imports from it.
		return MeasureImportSources
	}
	if !cued(MeasurePrice) && slices.ContainsFunc(norm, func(w string) bool { return tariffWords[w] }) {
		// "tariff on steel imports", "aranceles a las importaciones de cobre": a tariff is a
		// policy, whatever is imported.
		return MeasurePolicy
	}
	if (len(q.Minerals) > 0 || len(q.Countries) > 0 && !slices.ContainsFunc(signalled, figureMeasures.has) && !has("next") && !has("proxima")) && !cued(MeasurePrice) &&
		(has("summit") || has("summits") || has("cumbre") || has("cumbres")) { // Helper AC: "what came out of the Beijing summit?"
		return MeasurePolicy // Helper AA: "US China summit rare earths": what the summit said of them
	}
	for _, c := range cues {
		if c.measure == MeasureListChanges || !cued(c.measure) {
			continue
		}
		m := c.measure
		switch {
		case m == MeasureImportSources && cued(MeasureReliance):
			return MeasureReliance
		case m == MeasureProduction && cued(MeasureUses) && !slices.ContainsFunc(norm, func(w string) bool {
			return slices.Contains(cueMeasures[w], MeasureProduction) && !mostWords[w] && !pluralMostWords[w]
		}):
			// "¿Cuáles son los principales usos del galio?": "principales" ranks the uses.
			return MeasureUses
		case m == MeasureImportSources && (has("import reliance") || has("import reliant") || has("net import")):
			return MeasureReliance
		case m == MeasureImportSources && !slices.ContainsFunc(q.Countries, func(c string) bool { return c != "united-states" }) &&
			(has("percentage") || has("percent") || has("how much") || has("what share") || has("porcentaje") || has("cuanto") || has("cuanta") || q.Share):
			// "what percentage of US fluorspar is imported": reliance, not where it comes from.
			return MeasureReliance
		case m == MeasureConcentration && (has("export control") || has("export controls") || has("controles") ||
			(has("control") || has("controls")) && (has("in force") || has("suspension") || has("suspended") || has("lifted") || has("in effect") ||
				has("status") || has("estado") || has("export") || has("exports") ||
				has("happened") || has("paso") || has("news") || has("noticias") || has("latest") || has("update"))):
			// "is the suspension of China's rare earth controls still in force?"; Helper AA:
			// "what happened to China's rare earth controls?", "news on rare earth controls".
			return MeasurePolicy
		case (m == MeasureLists || m == MeasureProduction) && len(q.Countries) > 0 &&
			(has("position on") || has("stance") || has("postura") || has("posicion sobre") || has("posicion ante") || has("posicion frente") ||
				has("summit") || has("summits") || has("cumbre") || has("cumbres")):
			// Helper AA: "what's Mexico's position on the US critical minerals push?",
			// "Beijing summit critical minerals": what was said, not what it produces.
			return MeasurePolicy
		case m == MeasureChange && (cued(MeasureReliance) || cued(MeasureImportSources)):
			return MeasureReliance
		case m == MeasurePrice && len(q.Minerals) == 0 && (len(q.Policies) > 0 || cued(MeasurePolicy) || asksDeeds(norm)):
			// "did the US and Mexico agree on price floors", "what did the plan say about
			// minimum prices", "section 232 polysilicon minimum price": a price no mineral's
			// figure gives, asked of a policy, is a detail of the policy.
			return MeasurePolicy
		case m == MeasureChange && len(q.Minerals) == 0 && len(q.Policies) > 0 && slices.ContainsFunc(norm, func(w string) bool { return revisionWords[w] }):
			// Helper R: "T-MEC revisión": an agreement's review is the item, not revised figures.
			return MeasurePolicy
		case m == MeasureProduction && len(q.Minerals) == 0 && len(q.Policies) > 0 && !listed:
			// "who got money at the mining roundtable?": an item named, and no mineral whose
			// producers "who" could ask.
			return MeasurePolicy
		case m == MeasurePolicy && len(q.Minerals)+len(q.Countries)+len(q.Policies) == 0 && listed:
			return MeasureLists
		case m == MeasureProduction && listed && (len(q.Minerals) == 0 || has("critical")):
			// "which critical minerals does Mexico produce" is about the list's members.
			if len(q.Countries) > 0 && len(q.Minerals) == 0 {
				return MeasureProduction
			}
			return MeasureLists
		}
		return m
	}
	if len(q.Policies) > 0 || q.Status {
		// A policy item named ("did China's export ban on antimony come back?"), or its
		// status asked ("is the 0.1% rule in effect?"): no figure answers that.
		return MeasurePolicy
	}
	if q.Rank > 0 || q.After != "" || q.Top > 0 || q.Besides != "" || len(q.Minerals) > 0 && (q.Stage == "refinery" || q.Stage == "smelter") {
		// "Which countries could replace China for rare earths?": the other producers.
		// "lithium refining by country": that stage's producers, or that it has no table.
		return MeasureProduction
	}
	return MeasureOverview
}

// refuse marks a question the knowledge base cannot answer: greetings, weather, forecasts,
// people and companies, and live prices.
func (q *Query) refuse(norm []string, joined string) {
	named := len(q.Minerals) + len(q.Countries) + len(q.Policies)
	if len(norm) > 0 && named == 0 && q.Timeline == "" && q.ListSet == "" {
		// ("eu only minerals", all stop words, sets one list against another.)
		all := true
		for _, w := range norm {
			if !greetings[w] && !stopWords[w] {
				all = false
				break
			}
		}
		if all {
			q.Refusal = RefuseGreeting
			for _, w := range norm {
				if thanksWords[w] {
					q.Refusal = RefuseThanks
				}
			}
			return
		}
	}
	if named <= 1 && len(q.Minerals) == 0 && len(q.Policies) == 0 {
		for _, w := range norm {
			if offTopic[w] {
				q.Refusal = RefuseOffTopic
				return
			}
		}
	}
	if asksAdvice(norm, joined) {
		// Before forecasts: "should I buy copper before the price will rise?" asks advice.
		q.Refusal = RefuseAdvice
		return
	}
	for _, c := range refusalCues {
		for _, w := range c.set.all(norm, joined) {
			switch {
			case c.refusal == RefuseForecast && q.Measure != MeasurePrice && (named > 0 || q.Timeline != "") && w == "will":
				continue // "will the ban end", "what will take effect next week?" are policy questions
			case c.refusal == RefuseForecast && q.Measure == MeasurePolicy && q.Timeline == NextYear && w == "next year":
				continue // Helper AA: "what expires next year?" asks the dated items of that year
			case c.refusal == RefusePeople && q.Measure == MeasurePolicy:
				continue // "what happened to <company>'s lithium project in Mexico"
			}
			q.Refusal = c.refusal
			return
		}
	}
	if q.Measure == MeasurePrice {
		for _, w := range norm {
			if liveWords[w] {
				q.Refusal = RefuseLivePrice
				return
			}
		}
	}
}

// euIsUnion reports whether "EU" in a question is the European Union even in Spanish text:
// the question is about lists and names the U.S. another way ("minerales en ambas listas us
// y eu", "lista de EEUU vs EU"), so "EU" cannot be Estados Unidos too. Alone, "EU" in
// Spanish stays Estados Unidos, as Mexicans write it; the European Union is then "UE".
func euIsUnion(norm []string) bool {
	lists, us := false, false
	for i, w := range norm {
		next := ""
		if i+1 < len(norm) {
			next = norm[i+1]
		}
		lists = lists || w == "list" || w == "lists" || w == "lista" || w == "listas" || w == "usgs"
		us = us || w == "us" || w == "usa" || w == "eeuu" || w == "eua" || w == "usgs" || w == "estadounidense" ||
			w == "ee" && next == "uu" || w == "estados" && next == "unidos" || w == "u" && next == "s"
	}
	return lists && us
}

// listsNamed returns the lists a question names: "EU", "strategic", "2022 list", "USGS".
func listsNamed(norm []string, has, free func(string) bool) []knowledge.List {
	var out []knowledge.List
	eu := free("eu") || free("ue") || free("europe") || free("european") || free("europea") || free("europeo") || has("crma") || free("union europea") ||
		free("critical raw materials") && !has("usgs") && !has("us") // Helper T: the CRMA's own term
	strategic := (has("strategic") || has("estrategico") || has("estrategica") || has("estrategicos") || has("estrategicas")) &&
		!namesStockpile(has) // "reserva estratégica" is a stockpile (stockpile.go)
	switch {
	case eu && strategic || strategic && !has("usgs"):
		out = append(out, knowledge.EUCRMAStrategic)
	case eu:
		out = append(out, knowledge.EUCRMACritical)
	}
	if has("2022") && (has("list") || has("lista") || has("critical") || has("usgs")) {
		out = append(out, knowledge.USGS2022)
	}
	if has("usgs") && !usgsEdition(has) || has("us list") || has("u s list") || has("american list") || has("lista de eeuu") {
		if !slices.Contains(out, knowledge.USGS2022) || has("2025") {
			out = append(out, knowledge.USGS2025)
		}
	}
	return out
}

// listSet reads a question that sets a U.S. list against an EU one: what both hold ("on
// both the US and EU lists", "en ambas listas", "in common") or what one holds and the other
// does not ("on the US list but not the EU list"). It returns the operation and the two
// lists, the one the minerals are on first: the owner named first. "Both lists" naming
// neither owner is the USGS 2025 list and the EU critical one. The question names a list,
// or asks which minerals.
func listSet(norm []string, has func(string) bool, named []knowledge.List) (ListSet, []knowledge.List) {
	asksMembers := len(norm) > 1 && (norm[0] == "which" || norm[0] == "what" || norm[0] == "que" || norm[0] == "cuales") &&
		(has("minerals") || has("minerales") || has("materials") || has("materiales"))
	// "us eu overlap", "eu vs us critical minerals", "eu only minerals" name no list but ask
	// about the lists all the same.
	critical := has("critical") || has("criticos") || has("criticas") || has("critico") || has("critica")
	both := has("both") || has("ambas") || has("ambos") || has("en comun") || has("overlap") ||
		has("comunes") || has("share") || has("shared") || has("comparten") || has("compartidos") ||
		has("dos listas") || has("two lists") || has("common") || has("intersection") || has("interseccion")
	only := has("only") || has("solo") || has("solamente") || has("unicamente") || has("exclusivos")
	if !has("list") && !has("lists") && !has("lista") && !has("listas") && !asksMembers &&
		!has("overlap") && !critical && !(only && (has("minerals") || has("minerales"))) {
		// "Did the US and EU both sign a deal?" asks about no list.
		return "", nil
	}
	var set ListSet
	switch {
	case both && (has("not share") || has("dont share") || has("do not share") || has("no comparten")):
		// "which minerals do the us and eu not share": what each has that the other lacks.
		set = SetDiff
	case both:
		set = SetBoth
	case has("but not") || has("and not") || has("pero no") || has("y no") || has("not on the") || has("not in the") ||
		has("que no estan") || has("no en la") || has("isnt on") || has("isnt in") || has("arent on") || has("arent in") ||
		has("no esta en") || has("no estan en") || has("not on") || has("not in") || has("doesnt") || has("does not") ||
		has("dont") || has("do not") || has("lacks") || has("lack") || has("missing") || has("que no") || has("no tiene") ||
		has("no tienen") || has("le faltan") || has("le falta") || has("arent") || has("isnt") || has("no son"):
		set = SetOnly
	case only:
		// "eu only minerals", "minerals only on the us list": on the one named, not the other.
		set = SetOnly
	case has("difference") || has("differences") || has("differ") || has("diferencia") || has("diferencias") || has("difieren") ||
		has("diferencian") || has("distinguen") || has("different") || has("distintas") || has("distintos"):
		set = SetDiff
	case has("vs") || has("versus") || has("compared") || has("compare") || has("comparar") || has("comparada"):
		// "us vs eu critical lists": the lists set side by side differ.
		set = SetDiff
	case has("same") || has("iguales") || has("mismas"):
		// "are the us and eu lists the same": what each has that the other lacks.
		set = SetDiff
	case has("not") && (has("list") || has("lists") || has("consider") || has("considers") || has("count") || has("counts")):
		// Helper T: "which minerals on the US list does the EU not consider critical": the
		// owner next to "not" is the list they are not on (below).
		set = SetOnly
	case (asksMembers || (has("how many") || has("cuantos")) && (has("minerals") || has("minerales"))) &&
		(has("list") || has("lists") || has("lista") || has("listas")):
		// "Which minerals are on the US and EU list?", "¿qué minerales están en las listas
		// de EEUU y la UE?": on the one and the other, once both owners are named.
		set = SetBoth
	default:
		return "", nil
	}
	us, eu := -1, -1
	for i, w := range norm {
		next := ""
		if i+1 < len(norm) {
			next = norm[i+1]
		}
		switch {
		case us < 0 && (w == "us" || w == "u" && next == "s" || w == "usgs" || w == "usa" || w == "eeuu" || w == "eua" || w == "ee" && next == "uu" ||
			w == "estados" && next == "unidos" || w == "estadounidense" || w == "american" || w == "america" ||
			(w == "2022" || w == "2025") && (next == "list" || next == "lista")): // Helper T: "the 2022 list"
			us = i
		case eu < 0 && (w == "eu" || w == "eus" || w == "ue" || w == "crma" || w == "europe" || w == "european" || w == "europea" || w == "europeo"):
			eu = i
		}
	}
	if us < 0 && eu < 0 && (set == SetBoth || set == SetDiff) && (has("lists") || has("listas")) && !namesUSListYears(has) {
		// "The 2022 and 2025 lists" are the U.S. lists of those years, not the U.S. one and
		// the EU's (see listYearsView).
		us, eu = 0, 1
	}
	if set == SetOnly && only && (us < 0) != (eu < 0) && onlyOwner(norm, max(us, eu)) {
		// "only on the EU list", "eu only minerals": the other list is the other owner's.
		if us < 0 {
			us = len(norm)
		} else {
			eu = len(norm)
		}
	}
	if us < 0 || eu < 0 {
		return "", nil
	}
	usList, euList := knowledge.USGS2025, knowledge.EUCRMACritical
	if slices.Contains(named, knowledge.USGS2022) && !slices.Contains(named, knowledge.USGS2025) {
		usList = knowledge.USGS2022
	}
	if slices.Contains(named, knowledge.EUCRMAStrategic) {
		euList = knowledge.EUCRMAStrategic
	}
	if set == SetOnly {
		// "which us minerals is the eu missing", "what does the eu list lack": the owner
		// nearest the lack is the list the minerals are not on.
		for i, w := range norm {
			if w == "missing" || w == "lack" || w == "lacks" || w == "falta" || w == "faltan" || w == "not" && abs(i-eu) != abs(i-us) && min(abs(i-eu), abs(i-us)) == 1 {
				if abs(i-eu) < abs(i-us) {
					us, eu = -1, 0
				} else {
					us, eu = 0, -1
				}
				break
			}
		}
	}
	if eu < us && set == SetOnly {
		return set, []knowledge.List{euList, usList}
	}
	return set, []knowledge.List{usList, euList}
}

// onlyOwner reports whether the owner at norm[i] is the one "only" qualifies: "eu only
// minerals", "only on the us list", "solo en la lista de la ue"; not "what the us imports
// only from china".
func onlyOwner(norm []string, i int) bool {
	isOnly := func(j int) bool {
		return j >= 0 && j < len(norm) && (norm[j] == "only" || norm[j] == "solo" || norm[j] == "solamente" || norm[j] == "unicamente")
	}
	if isOnly(i-1) || isOnly(i+1) {
		return true
	}
	// "only on the us list", "only critical in the eu", "solo para la ue": "only" a few
	// linking words before the owner.
	for j := i - 1; j >= 0 && i-j <= 5; j-- {
		if isOnly(j) {
			return true
		}
		if !onlyLinks[norm[j]] {
			return false
		}
	}
	return false
}

// onlyLinks are the words that may stand between "only" and the list owner it qualifies.
var onlyLinks = set("on", "in", "for", "to", "the", "critical", "en", "para", "la", "el", "de", "del", "a", "esta", "estan",
	"list", "lista", "criticos", "criticas", "critico", "critica")

// abs returns the absolute value of n.
func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// usMineral reports whether a mineral is named as the U.S.'s: "us zinc", "the u s zinc",
// "zinc de eeuu", "el zinc de estados unidos".
func usMineral(norm []string, isMineral func(string) bool) bool {
	for i, w := range norm {
		switch {
		case (w == "us" || w == "usa") && i+1 < len(norm) && isMineral(norm[i+1]),
			w == "u" && i+2 < len(norm) && norm[i+1] == "s" && isMineral(norm[i+2]):
			return true
		case isMineral(w) && i+2 < len(norm) && norm[i+1] == "de" && (norm[i+2] == "eeuu" || norm[i+2] == "eua" || norm[i+2] == "estados" || norm[i+2] == "ee"):
			return true
		}
	}
	return false
}

// containsPhrase reports whether words, space-separated with a space at each end, contain
// phrase as whole words; it allocates nothing.
func containsPhrase(words, phrase string) bool {
	for from := 0; ; {
		i := strings.Index(words[from:], phrase)
		if i < 0 {
			return false
		}
		i += from
		if end := i + len(phrase); words[i-1] == ' ' && end < len(words) && words[end] == ' ' {
			return true
		}
		from = i + 1
	}
}

// asksAboutPolicy reports whether a question asks about the policy whose acronym stands at
// norm[i:i+n] typed in lower case: what it is ("what's the crma", "que es la crma") or a
// policy matter such as its entry into force ("when did the crma enter into force").
// "is lithium on the crma list" asks about the list, and the acronym stays a word.
func asksAboutPolicy(norm []string, i, n int) bool {
	// After an article the acronym is a noun ("the crma"), not a verb ("did the us forge a deal").
	article := i > 0 && (norm[i-1] == "the" || norm[i-1] == "la" || norm[i-1] == "el")
	rest := slices.Concat(norm[:i], norm[i+n:])
	if article && slices.ContainsFunc(rest, func(w string) bool { return slices.Contains(cueMeasures[w], MeasurePolicy) }) {
		return true
	}
	if i+n != len(norm) {
		return false
	}
	// "what's" reaches here as "what"; an article may follow.
	lead := norm[:i]
	if len(lead) > 0 && (lead[len(lead)-1] == "the" || lead[len(lead)-1] == "la" || lead[len(lead)-1] == "el") {
		lead = lead[:len(lead)-1]
	}
	switch strings.Join(lead, " ") {
	case "what", "what is", "whats", "what s", "que es", "que", "what was":
		return true
	}
	return false
}

// nameEntry is a normalized name's record; acronym marks names that only an acronym claims
// ("US", "UK"), which match only when written in capitals.
type nameEntry struct {
	ref     knowledge.Ref
	acronym bool
}

// isUpper reports whether every word is written in capitals.
func isUpper(words []string) bool {
	for _, w := range words {
		if strings.ToUpper(w) != w {
			return false
		}
	}
	return true
}

// firstWord is the first word of a normalized word ("co operation" of "co-operation").
func firstWord(w string) string {
	f, _, _ := strings.Cut(w, " ")
	return f
}

// hashRank reads "#2" from the raw text, which word splitting drops.
func hashRank(text string) int {
	i := strings.IndexByte(text, '#')
	if i < 0 || i+1 >= len(text) {
		return 0
	}
	j := i + 1
	for j < len(text) && j < i+3 && text[j] >= '0' && text[j] <= '9' {
		j++
	}
	n, err := strconv.Atoi(text[i+1 : j])
	if err != nil {
		return 0
	}
	return n
}

func isNumber(w string) bool {
	if w == "" {
		return false
	}
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}
