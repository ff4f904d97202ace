package answer

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper X: how people type in Slack. A question is often wrapped in chat: a greeting or a
// filler before it ("hey, is lithium critical", "hola, ¿el cobalto es crítico?", "quick q:
// …"), thanks or an emoji after its question mark ("…critical? thanks!", "…? 🙏"), Slack
// formatting marks around it ("*…?*", "_¿…?_", "> …"), and flags typed as emoji ("silver
// 🇲🇽"). The parser reads a question's shape from its first word and its end ("is…",
// "¿…", "…?"), so chatText takes these off before parsing. Words are only ever removed
// from the two ends, and only when a question remains; a message made only of greetings is
// left as it is (it is a greeting).

// chatOpeners are the words and phrases a message may open with before its question,
// normalized; longer phrases are tried first.
var chatOpeners = func() [][]string {
	var out [][]string
	for _, p := range []string{
		"hi", "hello", "hey", "heya", "hiya", "howdy", "yo", "sup", "ey", "hi there", "hello there", "hey there",
		"good morning", "good afternoon", "good evening", "morning", "thanks", "thank you", "thanks a lot", "thx",
		"ty", "cheers", "ok", "okay", "ok so", "so", "um", "umm", "uh", "hmm", "hm", "oh", "btw", "fyi", "also",
		"quick q", "quick question", "a quick question", "question", "a question", "one more question",
		"another question", "sorry", "excuse me", "pls", "plz", "please",
		"hola", "oye", "oiga", "oigan", "buenas", "buenos dias", "buen dia", "buenas tardes", "buenas noches",
		"gracias", "muchas gracias", "saludos", "disculpa", "disculpe", "perdon", "una pregunta", "pregunta",
		"pregunta rapida", "una pregunta rapida", "otra pregunta", "bueno", "pues", "a ver", "porfa", "por favor",
	} {
		out = append(out, strings.Fields(p))
	}
	// Longest first, so "hi there" is taken whole.
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j]) > len(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}()

// ifLeadIns ask a yes/no question put after "if", "whether" or "si" ("can you tell me if
// cobalt is critical", "quisiera saber si…"), normalized, without the "if".
var ifLeadIns = set("can you tell me", "could you tell me", "can u tell me", "tell me", "i want to know",
	"i d like to know", "id like to know", "i would like to know", "i was wondering", "i wonder", "wondering",
	"any idea", "do you know", "do u know", "check", "can you check", "please tell me", "pls tell me",
	"dime", "me puedes decir", "puedes decirme", "me podrias decir", "podrias decirme", "quisiera saber",
	"quiero saber", "me gustaria saber", "sabes", "sabe", "me dices", "me dice", "una duda")

// chatAddressees follow an opener: "hi all", "hey bot", "hola equipo".
var chatAddressees = set("there", "all", "team", "folks", "guys", "everyone", "bot", "mineralbot", "again",
	"equipo", "todos", "chicos", "amigos")

// chatClosers may follow the question mark: "thanks!", "gracias de antemano", "pls".
var chatClosers = set("thanks", "thank", "you", "thx", "tks", "ty", "pls", "plz", "please", "cheers", "in", "advance",
	"a", "lot", "gracias", "muchas", "mil", "de", "antemano", "porfa", "por", "favor", "saludos", "lol")

// chatToken is a word of a message, or a :emoji: code, with its byte span.
type chatToken struct {
	norm       string
	start, end int
	code       bool // a :emoji: code other than a flag
}

// chatTokens splits text into words (letters and digits) and :emoji: codes.
func chatTokens(text string) []chatToken {
	var out []chatToken
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == ':' {
			j := i + 1
			for j < len(text) && (text[j] >= 'a' && text[j] <= 'z' || text[j] >= '0' && text[j] <= '9' || strings.IndexByte("_+-", text[j]) >= 0) {
				j++
			}
			if j > i+1 && j < len(text) && text[j] == ':' && !strings.HasPrefix(text[i+1:j], "flag") {
				out = append(out, chatToken{start: i, end: j + 1, code: true})
				i = j + 1
				continue
			}
		}
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			i += n
			continue
		}
		j := i
		for j < len(text) {
			r2, n2 := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsLetter(r2) && !unicode.IsDigit(r2) && r2 != '\'' && r2 != '’' {
				break
			}
			j += n2
		}
		out = append(out, chatToken{norm: knowledge.Normalize(text[i:j]), start: i, end: j})
		i = j
	}
	return out
}

// formatMarks are Slack's formatting characters around a message.
const formatMarks = "*_~` \t\n"

// chatText is text without the chat around its question (see above), with flag emoji read
// as their country codes. It returns text itself when there is nothing to take off.
func chatText(text string) string {
	text = flagCodes(text)
	t := unwrapFormat(text)
	toks := chatTokens(t)
	// The opening: greetings, fillers and emoji codes before the first word of the question.
	i, opened := 0, false
	for i < len(toks) {
		if toks[i].code {
			i++
			continue
		}
		if n := openerAt(toks, i); n > 0 {
			i, opened = i+n, true
			continue
		}
		if opened && chatAddressees[toks[i].norm] {
			i++
			continue
		}
		break
	}
	if !slices.ContainsFunc(toks[i:], func(tk chatToken) bool {
		return !tk.code && !greetings[tk.norm] && !stopWords[tk.norm] && !chatClosers[tk.norm]
	}) {
		return text // nothing but chat ("hi!", "thank you very much"): answered as such
	}
	// "can you tell me if cobalt is critical", "dime si el cobalto es crítico": the
	// question asked whether, put as a yes/no question.
	whether, spanish := 0, false
	for n := 1; n <= 8 && i+n < len(toks); n++ {
		if w := toks[i+n-1].norm; w == "if" || w == "whether" || w == "si" {
			var words []string
			for _, tk := range toks[i : i+n-1] {
				words = append(words, tk.norm)
			}
			if ifLeadIns[strings.Join(words, " ")] {
				whether, spanish = n, w == "si"
			}
			break
		}
	}
	if whether > 0 && slices.ContainsFunc(toks[i+whether:], func(tk chatToken) bool { return !tk.code && !stopWords[tk.norm] }) {
		i += whether
		rest := strings.TrimRight(unwrapFormat(t[toks[i].start:]), ".!?¿ ")
		if spanish {
			return "¿" + rest + "?"
		}
		return rest + "?"
	}
	if i > 0 {
		cut := toks[i].start
		if k := strings.LastIndexAny(t[toks[i-1].end:cut], "¿¡"); k >= 0 {
			cut = toks[i-1].end + k // "hola, ¿el cobalto…": the question keeps its ¿
		}
		t = t[cut:]
		toks = chatTokens(t)
	}
	// The close: thanks and emoji after the last question mark.
	if q := strings.LastIndexByte(t, '?'); q >= 0 && q < len(t)-1 {
		closing := true
		for _, tk := range toks {
			if tk.start > q && !tk.code && !chatClosers[tk.norm] {
				closing = false
				break
			}
		}
		if closing {
			t = t[:q+1]
		}
	}
	t = unwrapFormat(t)
	if t == "" {
		return text
	}
	if strings.HasSuffix(t, "?") && !strings.ContainsRune(t, '¿') {
		// "subió la producción de litio?": Spanish typed in chat often leaves off the
		// opening ¿; a question opened by a Spanish verb reads as if it had one.
		if tk := chatTokens(t); len(tk) > 0 && !tk[0].code && spanishVerbs[tk[0].norm] && !enWords[tk[0].norm] {
			t = "¿" + t
		}
	}
	return t
}

// unwrapFormat takes off a quote mark and the formatting marks around a whole message:
// "> …", "*…*", "_¿…?_".
func unwrapFormat(t string) string {
	for {
		u := strings.Trim(t, formatMarks)
		if v, ok := strings.CutPrefix(u, ">"); ok {
			u = v
		} else if v, ok := strings.CutPrefix(u, "&gt;"); ok {
			u = v
		}
		if u == t {
			return t
		}
		t = u
	}
}

// openerAt is the number of tokens an opener phrase takes at toks[i], or 0.
func openerAt(toks []chatToken, i int) int {
	for _, p := range chatOpeners {
		if i+len(p) > len(toks) {
			continue
		}
		ok := true
		for k, w := range p {
			if toks[i+k].code || toks[i+k].norm != w {
				ok = false
				break
			}
		}
		if ok {
			return len(p)
		}
	}
	return 0
}

// flagCodes writes flag emoji (two regional-indicator letters) as their country codes:
// "silver 🇲🇽" is "silver MX".
func flagCodes(text string) string {
	const a = 0x1F1E6 // REGIONAL INDICATOR SYMBOL LETTER A
	if !hasRegional(text) {
		return text
	}
	var b strings.Builder
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		if i+1 < len(rs) && rs[i] >= a && rs[i] <= a+25 && rs[i+1] >= a && rs[i+1] <= a+25 {
			b.WriteByte(' ')
			b.WriteRune('A' + rs[i] - a)
			b.WriteRune('A' + rs[i+1] - a)
			b.WriteByte(' ')
			i++
			continue
		}
		b.WriteRune(rs[i])
	}
	return b.String()
}

// hasRegional reports whether text holds a regional-indicator letter.
func hasRegional(text string) bool {
	// Every regional indicator is encoded F0 9F 87 A6–BF.
	return strings.Contains(text, "\xf0\x9f\x87")
}

// chatTypos are common misspellings of the words that name a figure, read as the word
// ("prise", "presio") from a fixed table: a letter changed in a short word is read by
// distance too rarely right (verb_typos.go). "dependant" is the British noun people type
// for the adjective.
var chatTypos = map[string]string{"prise": "price", "prises": "prices", "pirce": "price", "prcie": "price",
	"pirces": "prices", "presio": "precio", "presios": "precios", "dependant": "dependent", "dependance": "dependence"}

// chatTypoWords are the figures' words a misspelling is read as, by distance as
// verbTypo reads verbs: "is lithium criticial", "¿es el cobalto un mineral crtico?", "US
// import relaince", "how concentraded is cobalt".
var chatTypoWords = []struct {
	w    string
	lang Lang
}{
	{"critical", English}, {"critico", Spanish}, {"criticos", Spanish}, {"critica", Spanish}, {"criticas", Spanish},
	{"reliance", English}, {"reliant", English}, {"concentrated", English}, {"concentration", English},
	{"concentrada", Spanish}, {"concentracion", Spanish},
}

func init() {
	// "top two", "los dos mayores": the numbers "top five" reads, and the ones it left out.
	for w, n := range map[string]int{"two": 2, "nine": 9, "dos": 2, "nueve": 9} {
		numberWords[w] = n
	}
	for w, to := range chatTypos {
		functionTypos[w] = to
	}
	for _, v := range chatTypoWords {
		typoVerbs = append(typoVerbs, struct {
			w    string
			lang Lang
		}{v.w, v.lang})
	}
}
