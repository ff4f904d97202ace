package answer_test

import (
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/index"
	"github.com/mineralbot/mineralbot/knowledge"
)

var update = flag.Bool("update", false, "rewrite golden files")

var (
	engineOnce sync.Once
	engine     *answer.Engine
	engineKB   *knowledge.KB
	engineIx   *index.Index
	engineErr  error
)

// testToday is the day the tests' engine takes for today.
var testToday = time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC)

// mustEngine returns an engine over the embedded knowledge base, built once.
func mustEngine(tb testing.TB) (*answer.Engine, *knowledge.KB) {
	tb.Helper()
	engineOnce.Do(func() {
		engineKB, engineErr = knowledge.Load(knowledge.Embedded())
		if engineErr != nil {
			return
		}
		if engineIx, engineErr = index.New(engineKB); engineErr != nil {
			return
		}
		engine, engineErr = answer.New(engineKB, answer.FromIndex(engineIx))
		if engine != nil {
			// Status answers depend on the day; the tests fix it.
			engine.SetClock(func() time.Time { return testToday })
		}
	})
	if engineErr != nil {
		tb.Fatal(engineErr)
	}
	return engine, engineKB
}

// mustIndex returns the search index of mustEngine's knowledge base, for a test that needs an
// engine of its own (its clock, its start-up).
func mustIndex(tb testing.TB) (*index.Index, *knowledge.KB) {
	tb.Helper()
	_, kb := mustEngine(tb)
	return engineIx, kb
}

func ask(tb testing.TB, q string) *answer.Answer { tb.Helper(); return askIn(tb, q, answer.English) }

func askIn(tb testing.TB, q string, lang answer.Lang) *answer.Answer {
	tb.Helper()
	e, _ := mustEngine(tb)
	a, err := e.Ask(context.Background(), q, lang)
	if err != nil {
		tb.Fatalf("Ask(%q): %v", q, err)
	}
	return a
}

// text renders an answer as the terminal shows it.
func text(tb testing.TB, a *answer.Answer) string {
	tb.Helper()
	var b strings.Builder
	if err := answer.WriteText(&b, a); err != nil {
		tb.Fatal(err)
	}
	return b.String()
}

// Every answer names its sources, with the edition.
func TestEveryCardHasSources(t *testing.T) {
	_, kb := mustEngine(t)
	for _, m := range kb.Minerals {
		a := ask(t, m.Name)
		if len(a.Sources) == 0 {
			t.Errorf("%s: no sources", m.ID)
		}
		for _, s := range a.Sources {
			if s.URL == "" || s.Edition == "" {
				t.Errorf("%s: source without URL or edition: %+v", m.ID, s)
			}
		}
	}
}

// goldenViews are the views people see most, each asked in English and in Spanish.
var goldenViews = []struct{ name, en, es string }{
	{"mineral", "antimony", "antimonio"},
	{"country", "mexico", "méxico"},
	{"compare", "compare antimony tungsten", "compara antimonio wolframio"},
	{"list", "list new-in-2025", "lista new-in-2025"},
	{"policy", "section 232", "sección 232"},
	{"search", "search magnets", "buscar imanes"},
	{"producers", "who produces fluorspar", "¿quién produce fluorita?"},
	{"uses", "what is lithium used for", "¿para qué se usa el litio?"},
	{"lists", "is copper critical", "¿el cobre es crítico?"},
	{"risk", "how concentrated is gallium supply", "¿qué tan concentrada está la oferta de galio?"},
	{"mineral-in-country", "silver in mexico", "plata en méxico"},
	{"not-found", "frobnitz quux", "frobnitz quux"},
	{"help", "help", "ayuda"},
	{"reserves", "who has the biggest lithium reserves", "¿quién tiene las mayores reservas de litio?"},
	{"rank", "who's second in fluorspar after China", "¿quién es el segundo productor de fluorita después de China?"},
	{"across-countries", "lithium Chile vs Argentina", "litio Chile vs Argentina"},
	{"reliance", "zinc import reliance", "dependencia de importaciones del zinc"},
	{"reliance-ranking", "which minerals is the US fully import-reliant on", "¿de qué minerales depende EE.UU. al 100%?"},
	{"import-sources", "where does the US import copper from", "¿de dónde importa EE.UU. el cobre?"},
	{"imports-from", "what does the US import from Mexico", "¿qué importa EE.UU. de México?"},
	{"price", "price of silver", "precio de la plata"},
	{"change", "antimony 2024 vs 2025", "antimonio 2024 vs 2025"},
	{"list-change", "was arsenic dropped from the list", "¿quitaron el arsénico de la lista?"},
	{"status", "is China's export ban suspension still in force", "¿sigue vigente la prohibición de exportaciones de China?"},
	{"refusal", "who is the CEO of Albemarle", "¿quién es el director de Albemarle?"},
}

func TestGoldenText(t *testing.T) {
	for _, v := range goldenViews {
		for _, l := range []struct {
			lang answer.Lang
			q    string
		}{{answer.English, v.en}, {answer.Spanish, v.es}} {
			t.Run(v.name+"-"+string(l.lang), func(t *testing.T) {
				name := v.name
				if l.lang == answer.Spanish {
					name += ".es"
				}
				checkGolden(t, filepath.Join("testdata", name+".txt"), text(t, askIn(t, l.q, l.lang)))
			})
		}
	}
}

// englishWords must not appear in a Spanish answer, and spanishWords not in an English one,
// outside names, sources and URLs.
var (
	englishWords = []string{"the", "of", "and", "production", "reserves", "imports", "sources", "share", "shares", "world",
		"top", "producer", "producers", "uses", "used", "list", "lists", "from", "with", "for", "is", "are", "not", "no.",
		"metric", "tons", "content", "mine", "refinery", "smelter", "net", "import", "reliance", "estimates", "data", "derived",
		"concentrated", "sorry", "try", "policy", "usage", "example", "commands", "search", "results", "see", "also", "until",
		"more", "minerals", "critical", "largest", "country", "countries", "listed", "added"}
	spanishWords = []string{"de", "del", "la", "las", "los", "y", "producción", "reservas", "fuentes", "participación", "mundial",
		"usos", "lista", "países", "según", "hasta", "más", "minerales", "críticos", "principales", "productores", "mayor"}
)

// foreignWords returns the words of the other language in an answer, outside the sources
// and URLs.
func foreignWords(out string, lang answer.Lang, names []string) []string {
	stop := englishWords
	if lang == answer.English {
		stop = spanishWords
	}
	body, _, _ := strings.Cut(out, "\n"+answer.Lang(lang).T("Sources")+"\n")
	for _, n := range names {
		body = strings.ReplaceAll(body, n, " ")
	}
	var found []string
	for _, w := range strings.FieldsFunc(strings.ToLower(body), func(r rune) bool {
		return !unicode.IsLetter(r) && r != '.' && r != '/' && r != ':'
	}) {
		if strings.Contains(w, "://") || strings.Contains(w, "/") {
			continue
		}
		w = strings.Trim(w, ".:")
		if slices.Contains(stop, w) {
			found = append(found, w)
		}
	}
	return found
}

// Every view and subcommand, asked in Spanish, answers in Spanish, and in English in English:
// no word of the other language outside names, sources and URLs.
func TestNoWordsOfTheOtherLanguage(t *testing.T) {
	e, kb := mustEngine(t)
	// Names of things that are names in both languages: editions, list and act names.
	names := []string{"USGS Mineral Commodity Summaries 2025", "USGS Mineral Commodity Summaries 2026", "Mineral Commodity Summaries",
		"CRMA", "¿qué minerales críticos produce México?", "new-in-2025", "usgs-2025", "usgs-2022", "eu-crma-strategic", "eu-crma-critical", "usgs-2022 | eu |"}
	questions := []string{"list", "list usgs-2022", "list eu", "list eu-strategic", "policy", "policy export controls",
		"search flame retardants", "country peru", "country atlantis", "compare", "who produces cesium", "supply risk of tellurium",
		"hafnium", "boron", "palladium", "rare earths", "iridium in south africa", "zinc", "U.S. import reliance on antimony"}
	for _, v := range goldenViews {
		questions = append(questions, v.en, v.es)
	}
	for _, lang := range []answer.Lang{answer.English, answer.Spanish} {
		for _, q := range questions {
			out := text(t, askIn(t, q, lang))
			if found := foreignWords(out, lang, names); len(found) > 0 {
				t.Errorf("%s answer to %q has %v:\n%s", lang, q, found, out)
			}
		}
		period := mustDate(t, "2026-11-23T15:00:00Z")
		out := text(t, e.Digest(answer.DigestInput{Period: period, Since: period.AddDate(0, 0, -7), Lang: lang}))
		if found := foreignWords(out, lang, names); len(found) > 0 {
			t.Errorf("%s digest has %v:\n%s", lang, found, out)
		}
		cur := text(t, answer.Curation(answer.CurationInput{Since: period.AddDate(0, 0, -7), Until: period, Kept: true, Lang: lang}))
		if found := foreignWords(cur, lang, names); len(found) > 0 {
			t.Errorf("%s curation report has %v:\n%s", lang, found, cur)
		}
	}
	_ = kb
}

// A Spanish question is Spanish, an English one English; a bare symbol is neither.
func TestDetectLanguage(t *testing.T) {
	e, _ := mustEngine(t)
	for _, tt := range []struct {
		text string
		want answer.Lang
		ok   bool
	}{
		{"¿qué minerales críticos produce México?", answer.Spanish, true},
		{"antimonio", answer.Spanish, true},
		{"quien produce fluorita", answer.Spanish, true},
		{"plata en mexico", answer.Spanish, true},
		{"buscar imanes", answer.Spanish, true},
		{"who produces antimony?", answer.English, true},
		{"antimony", answer.English, true},
		{"is copper critical", answer.English, true},
		{"Sb", "", false},
		{"zinc", "", false},
		{"mexico", "", false},
		{"2024", "", false},
	} {
		got, ok := e.DetectLanguage(tt.text)
		if got != tt.want || ok != tt.ok {
			t.Errorf("DetectLanguage(%q) = %q, %v; want %q, %v", tt.text, got, ok, tt.want, tt.ok)
		}
	}
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update writes it)", err)
	}
	if string(want) != got {
		t.Errorf("%s changed (go test -update to accept, then review the diff):\n%s", path, got)
	}
}

// Each of the 60 USGS 2025 critical minerals answers to its English and its Spanish name with
// its own card.
func TestAllCriticalMineralsByName(t *testing.T) {
	_, kb := mustEngine(t)
	ms := kb.OnList(knowledge.USGS2025)
	if len(ms) != 60 {
		t.Fatalf("%d minerals on the USGS 2025 list, want 60", len(ms))
	}
	for _, m := range ms {
		for _, name := range []string{m.Name, m.NameES, strings.ToLower(m.NameES)} {
			a := ask(t, name)
			if a.Intent != answer.IntentMineral || a.Record.ID != m.ID {
				t.Errorf("%q: %s card of %q, want the mineral card of %s", name, a.Intent, a.Record.ID, m.ID)
			}
		}
	}
}

func mustDate(t *testing.T, s string) time.Time {
	t.Helper()
	d, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestDigestContent(t *testing.T) {
	e, kb := mustEngine(t)
	period := mustDate(t, "2026-11-23T15:00:00Z") // a Monday, 09:00 in Mexico City
	a := e.Digest(answer.DigestInput{Period: period, Since: period.AddDate(0, 0, -7)})
	out := text(t, a)
	for _, want := range []string{
		"Critical minerals digest, 23 Nov 2026",
		"Coming up in the next 30 days",
		"27 Nov 2026: China suspends its export ban on gallium, germanium and antimony to the United States ends",
		"Spotlight: " + e.Spotlight(period).Name,
		"Sources",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("digest lacks %q:\n%s", want, out)
		}
	}
	// The week the 2026 edition's figures went in, the digest says so, with the figures that
	// changed: antimony's world output, and the revision of China's 2024 figure.
	ed := e.Digest(answer.DigestInput{Period: mustDate(t, "2026-11-30T15:00:00Z"), Since: mustDate(t, "2026-11-23T15:00:00Z")})
	updated := ""
	for _, s := range ed.Sections {
		if s.Heading == "Updated in the knowledge base" {
			updated = s.Text + "\n" + strings.Join(s.Items, "\n")
		}
	}
	for _, want := range []string{
		"New figures from USGS Mineral Commodity Summaries 2026 for",
		"Antimony: world mine production 119,000 in 2024 → 110,000 in 2025e (−7.6%, metric tons; USGS MCS 2026); USGS MCS 2026 revised China's 2024 figure from 60,000 to 40,000",
	} {
		if !strings.Contains(updated, want) {
			t.Errorf("the digest's \"Updated in the knowledge base\" lacks %q:\n%s", want, updated)
		}
	}
	// The week the Ministerial and the action plan were signed, they are news.
	feb := e.Digest(answer.DigestInput{Period: mustDate(t, "2026-02-09T15:00:00Z"), Since: mustDate(t, "2026-02-02T15:00:00Z")})
	if out := text(t, feb); !strings.Contains(out, "New in policy") || !strings.Contains(out, "U.S.-Mexico Action Plan on Critical Minerals") {
		t.Errorf("digest of the week of 4 Feb 2026:\n%s", out)
	}
	// A quiet week still gets a digest: the spotlight and a line that says it was quiet.
	quiet := e.Digest(answer.DigestInput{Period: mustDate(t, "2031-06-02T15:00:00Z"), Since: mustDate(t, "2031-05-26T15:00:00Z")})
	if out := text(t, quiet); !strings.Contains(out, "A quiet week") || !strings.Contains(out, "Spotlight: ") {
		t.Errorf("quiet digest:\n%s", out)
	}
	// The spotlight goes round all 60 in 60 consecutive weeks.
	seen := map[string]bool{}
	for w := range 60 {
		seen[e.Spotlight(mustDate(t, "2027-01-04T12:00:00Z").AddDate(0, 0, 7*w)).ID] = true
	}
	if len(seen) != len(kb.OnList(knowledge.USGS2025)) {
		t.Errorf("60 weeks spotlight %d different minerals, want all %d", len(seen), len(kb.OnList(knowledge.USGS2025)))
	}
}

// The curation report lists what went unanswered, most asked first, and says plainly when
// there is nothing, or when questions are not kept.
func TestCuration(t *testing.T) {
	since, until := mustDate(t, "2026-11-16T15:00:00Z"), mustDate(t, "2026-11-23T15:00:00Z")
	a := answer.Curation(answer.CurationInput{Since: since, Until: until, Kept: true,
		Questions: []string{"what about helium", "tin in bolivia prices", "What about helium?"}})
	out := text(t, a)
	for _, want := range []string{"Questions mineralbot could not answer", "Private to admins · 16 Nov 2026 to 23 Nov 2026",
		"3 question(s) went unanswered, 2 different", "“what about helium” (2×)", "“tin in bolivia prices”"} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q:\n%s", want, out)
		}
	}
	if strings.Index(out, "helium") > strings.Index(out, "bolivia") {
		t.Errorf("the most asked question is not first:\n%s", out)
	}
	if out := text(t, answer.Curation(answer.CurationInput{Since: since, Until: until, Kept: true})); !strings.Contains(out, "Every question in this period got an answer.") {
		t.Errorf("empty report:\n%s", out)
	}
	if out := text(t, answer.Curation(answer.CurationInput{Since: since, Until: until, Questions: []string{"x"}})); !strings.Contains(out, "state.keep_questions is false") || strings.Contains(out, "“x”") {
		t.Errorf("report with questions not kept:\n%s", out)
	}
}

// Every refusal says what it is not, and names what the bot can answer instead, built from
// the question: the minerals it names, or the names closest to its words.
func TestRefusalsNameWhatTheyCanAnswer(t *testing.T) {
	for _, tt := range []struct {
		q       string
		refusal answer.Refusal
		instead string // one of the suggestions
	}{
		{"hello", answer.RefuseGreeting, "a mineral: antimony"},
		{"what's the weather in Mexico City", answer.RefuseWeather, "what does Mexico produce?"},
		{"who is the CEO of Albemarle", answer.RefusePeople, "a mineral: antimony"},
		{"who runs the biggest lithium company in Chile", answer.RefusePeople, "what does Chile produce?"},
		{"lithium price forecast 2027", answer.RefuseForecast, "price of lithium"},
		{"will copper prices go up", answer.RefuseForecast, "who produces copper?"},
		{"what is the price of tin today", answer.RefuseLivePrice, ""},
		{"gold price right now", answer.RefuseLivePrice, ""},
	} {
		t.Run(tt.q, func(t *testing.T) {
			a := ask(t, tt.q)
			if a.Query.Refusal != tt.refusal {
				t.Fatalf("refusal %q, want %q (query %s)", a.Query.Refusal, tt.refusal, a.Query)
			}
			if tt.refusal == answer.RefuseLivePrice {
				// A live price gets the USGS annual average where there is one, said plainly.
				if !strings.HasPrefix(a.Headline, "I have no live or current market prices.") {
					t.Errorf("headline %q", a.Headline)
				}
				return
			}
			if a.Intent != answer.IntentRefusal || a.Found() {
				t.Errorf("intent %s: a refusal is not an answer", a.Intent)
			}
			if !strings.Contains(a.Headline, "not in my knowledge base") && !strings.Contains(a.Headline, "I don't make forecasts") && !strings.HasPrefix(a.Headline, "Hello!") {
				t.Errorf("headline does not say what it cannot answer: %q", a.Headline)
			}
			var instead []string
			for _, s := range a.Sections {
				if s.Heading == "What I can answer instead" {
					instead = s.Items
				}
			}
			if len(instead) == 0 || !slices.ContainsFunc(instead, func(s string) bool { return strings.Contains(s, tt.instead) }) {
				t.Errorf("what it can answer instead: %q, want one with %q", instead, tt.instead)
			}
		})
	}
	// Suggestions come from the question, never a fixed list.
	a, b := ask(t, "ytterxxxm"), ask(t, "molibdenoo xyzzy")
	if len(a.DidYouMean) == 0 || slices.Equal(a.DidYouMean, b.DidYouMean) {
		t.Errorf("suggestions %q and %q: want suggestions drawn from each question", a.DidYouMean, b.DidYouMean)
	}
}

// Whether an item is still in force depends on the day: on its last day it "ends today",
// after it, it "ended", and the answer says nothing later is known.
func TestStatusFollowsTheClock(t *testing.T) {
	ix, kb := mustIndex(t)
	const (
		suspension = "is China's suspension of the export ban to the US still in force"
		ban        = "is China's export ban to the US still in force"
	)
	for _, tt := range []struct {
		q    string
		day  time.Time
		want string
	}{
		{suspension, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), "Yes — “China suspends its export ban on gallium, germanium and antimony to the United States” runs until 27 Nov 2026."},
		{suspension, time.Date(2026, 11, 27, 9, 0, 0, 0, time.UTC), "“China suspends its export ban on gallium, germanium and antimony to the United States” ends today, 27 Nov 2026."},
		// Its end was scheduled; no source says whether it came.
		{suspension, time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC), "Not known — “China suspends its export ban on gallium, germanium and antimony to the United States” was due to end on 27 Nov 2026; no source"},
		// The ban it suspends: in force before the suspension, suspended during it, not
		// known after its scheduled end.
		{ban, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC), "On 3 December 2024 China's Ministry of Commerce said that, as a rule, it would no longer approve dual-use items linked to gallium, germanium, antimony and superhard materials for shipment to American destinations. The knowledge base gives it no end date. Nothing later"},
		{ban, time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), "No — “China bans exports of gallium, germanium and antimony to the United States” is suspended from 9 Nov 2025 until 27 Nov 2026"},
		{ban, time.Date(2026, 12, 2, 0, 0, 0, 0, time.UTC), "Not known — “China bans exports of gallium, germanium and antimony to the United States” was suspended from 9 Nov 2025 until 27 Nov 2026; no source"},
	} {
		e, err := answer.New(kb, answer.FromIndex(ix))
		if err != nil {
			t.Fatal(err)
		}
		e.SetClock(func() time.Time { return tt.day })
		a, err := e.Ask(context.Background(), tt.q, answer.English)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(a.Headline, tt.want) || !strings.Contains(a.Headline, "Nothing later is in the knowledge base") {
			t.Errorf("%q on %s: %q, want it to start %q and say nothing later is known", tt.q, tt.day.Format("2006-01-02"), a.Headline, tt.want)
		}
	}
}

// The questions the 2026 edition was added for get direct, dated answers from it.
func TestLatestEditionAnswers(t *testing.T) {
	for _, tt := range []struct{ q, want string }{
		{"antimony", "China accounted for 36% of world mine production of antimony in 2025e (USGS MCS 2026). World total: 119,000 in 2024 → 110,000 in 2025e (−7.6%, metric tons)."},
		{"fluorspar", "China accounted for 59% of world mine production of fluorspar in 2025e (USGS MCS 2026). World total: 10,300 in 2024 → 10,000 in 2025e"},
		{"silver mexico", "Mexico ranked #1 of 14 in world mine production of silver in 2025e, with 6,300 metric tons (24% of the world; USGS MCS 2026). Up 9.0% from 5,780 in 2024."},
		// Copper mine production is missing from the 2026 transcription: MCS 2025, labelled.
		{"copper", "Chile accounted for 23% of world mine production of copper in 2024e (USGS MCS 2025)."},
		{"price of silver", "USGS's annual average for silver (bullion, average) was 38 dollars per troy ounce in 2025e (USGS MCS 2026); it was 28.37 in 2024. These are annual averages, not market quotes."},
		{"antimony 2024 vs 2025", "World mine production of antimony went from 119,000 in 2024 to 110,000 in 2025e (−7.6%, metric tons; USGS MCS 2026). USGS MCS 2026 revised China's 2024 figure from 60,000 to 40,000."},
		{"US import reliance on gallium over time", "Over the years (USGS MCS 2026): 2021 100%, 2022 100%, 2023 100%, 2024 100%, 2025e 100%."},
		{"what happened to China's export ban to the US", "is suspended from 9 Nov 2025 until 27 Nov 2026: “China suspends its export ban on gallium, germanium and antimony to the United States”. Nothing later is in the knowledge base"},
		{"Section 232 metals tariffs", "A proclamation of 2 April 2026 reorganised the Section 232 tariffs on steel, aluminum and copper"},
	} {
		if a := ask(t, tt.q); !strings.Contains(a.Headline, tt.want) {
			t.Errorf("%q:\n  %s\nwant the headline to say:\n  %s", tt.q, a.Headline, tt.want)
		}
	}
}

// A follow-up that names no record of its own is about the previous answer's.
func TestFollowUps(t *testing.T) {
	e, _ := mustEngine(t)
	for _, tt := range []struct{ first, then, want string }{
		{"who produces antimony?", "and reserves?", "China holds the largest antimony reserves"},
		{"who produces antimony?", "what about Mexico?", "Mexico ranked #10 of 15 in world mine production of antimony"},
		{"lithium", "price?", "USGS's annual average for lithium"},
		{"¿quién produce plata?", "¿y las reservas?", "Perú tiene las mayores reservas de plata"},
		{"who produces antimony?", "who produces zinc?", "China accounted for 32% of world mine production of zinc"},
		{"who produces antimony?", "thanks!", "You're welcome!"},
		{"who produces antimony?", "compare it with tungsten", "Top producer's share of world output — Antimony: China 36%; Tungsten: China 79%."},
		{"antimonio", "¿y México?", "México ocupó el lugar n.º 10 de 15 en la producción minera mundial de antimonio"},
		{"who produces antimony?", "what about cobalt?", "Congo (Kinshasa) accounted for 73% of world mine production of cobalt"},
		// A question of its own stays one.
		{"who produces antimony?", "what does Mexico produce?", "Mexico is the world's largest producer of silver"},
		// Helper O: a sector's question keeps its sector in the new country.
		{"which minerals are used in batteries?", "and in Mexico?", "In world production of the minerals whose records list a use in batteries, Mexico ranks #5 in cadmium"},
		{"which battery minerals does the US produce?", "and in Mexico?", "In world production of the minerals whose records list a use in batteries, Mexico ranks"},
		{"¿qué minerales se usan en baterías?", "¿y en México?", "En la producción mundial de los minerales cuyos registros incluyen un uso en baterías, México"},
		// Helper Y: bare follow-ups ask about the conversation's minerals ("why?", "and the EU?",
		// "where from?", "who else?", U.S. imports); a follow-up naming only other minerals asks
		// them the last question; "in Spanish?" repeats it in that language; "compáralo con…".
		// The "hi" row is a guard: a greeting stays a greeting.
		{"who produces antimony?", "why?", "Antimony is on the USGS 2025 critical minerals list, which names"},
		{"¿el antimonio es crítico?", "¿por qué?", "El antimonio está en la lista de minerales críticos del USGS de 2025, que"},
		{"who produces antimony?", "and the EU?", "Yes — antimony is on the EU CRMA critical raw materials"},
		{"¿quién produce plata?", "¿y la UE?", "No — la plata no está en la lista de materias primas fundamentales de la UE"},
		{"antimony", "how much does the US import?", "The U.S. relied on net imports for 91% of its apparent consumption of antimony"},
		{"¿quién produce plata?", "¿cuánto importa EE.UU.?", "EE.UU. dependió de importaciones netas para el 77% de su consumo aparente de plata"},
		{"who produces antimony?", "where does the US import it from?", "China supplied 55% of U.S. imports of antimony"},
		{"US import reliance on gallium", "where from?", "Canada supplied 28% of U.S. imports of gallium"},
		{"who produces antimony?", "who else?", "China accounted for 36% of world mine production of antimony in 2025e (USGS MCS 2026). Next: Russia (29%), Tajikistan (20%), Bolivia (4.5%), Burma (4.1%), Turkey"},
		{"¿quién produce plata?", "¿quién más?", "México aportó el 24% de la producción minera mundial de plata en 2025e (USGS MCS 2026). Le siguen: Perú (14%), China (13%), Bolivia (5.8%), Chile (5.4%), Polonia"},
		{"lithium price", "and cobalt?", "USGS's annual average for cobalt"},
		{"precio del litio", "¿y el cobalto?", "El promedio anual del USGS para el cobalto"},
		{"is antimony critical?", "and gallium?", "Yes — gallium is on the USGS 2025 critical minerals list"},
		{"antimony in Mexico", "and silver?", "Mexico ranked #1 of 14 in world mine production of silver"},
		{"antimony", "and in 2024?", "China and Russia tied for first in world mine production of antimony in 2024"},
		{"litio", "¿para qué se usa?", "Litio: sus usos principales son"},
		{"compare lithium and cobalt", "and reserves?", "Largest reserves — Lithium: Chile"},
		{"¿quién produce plata?", "compáralo con el oro", "Participación del mayor productor en la producción mundial — Plata: México 24%; Oro: China 12%."},
		{"who produces antimony?", "in Spanish?", "China aportó el 36% de la producción minera mundial de antimonio"},
		{"¿quién produce plata?", "in English?", "Mexico accounted for 24% of world mine production of silver"},
		{"who produces antimony?", "hi", "Hello!"},
		// Helper AB: "who supplies the US?" after a mineral asks where U.S. imports of it come from.
		{"cobalt", "who supplies the US?", "Norway supplied 26% of U.S. imports of cobalt"},
		{"¿quién produce antimonio?", "¿quién abastece a EE.UU.?", "China suministró el 55% de las importaciones de antimonio"},
		// Helper AB: a mineral asked after a country alone is that mineral there; "how much does
		// it have?" is reserves. Guard: "who produces silver?" after "Mexico" is its own question.
		{"Mexico", "what about silver?", "Mexico ranked #1 of 14 in world mine production of silver"},
		{"silver in Mexico", "how much does it have?", "Mexico holds 37,000 metric tons of silver reserves"},
		{"¿quién produce plata?", "¿cuánta tiene México?", "México tiene 37,000 toneladas métricas de reservas de plata"},
		{"Mexico", "who produces silver?", "Mexico accounted for 24% of world mine production of silver"},
		// After a sector's answer, a follow-up that names nothing asks about its minerals:
		// who produces them, why they are critical, which are, U.S. imports, the most
		// concentrated (they were a greeting, not found, or every mineral's).
		{"which minerals are used in batteries?", "who produces them?", "Of the 12 minerals whose records list a use in batteries and have a USGS production table, China leads"},
		{"which minerals are used in batteries?", "and reserves?", "Of the 10 minerals whose records list a use in batteries and have a USGS reserves table, Australia holds"},
		{"which minerals are used in batteries?", "why?", "Of the 12 minerals whose records list a use in batteries, 11 are on the USGS 2025 critical minerals list"},
		{"which minerals are used in batteries?", "which are critical?", "Of the 12 minerals whose records list a use in batteries, 11 are on the USGS 2025 critical minerals list"},
		{"which minerals are used in batteries?", "how much does the US import?", "Of the minerals whose records list a use in batteries, the U.S. relied most on net imports"},
		{"which minerals are used in batteries?", "which is the most concentrated?", "Among the minerals whose records list a use in batteries: by the Herfindahl–Hirschman index"},
		{"which minerals are used in batteries?", "which of them does China produce?", "In world production of the minerals whose records list a use in batteries, China ranks #1 in graphite"},
		{"¿qué minerales se usan en baterías?", "¿quién los produce?", "De los 12 minerales cuyos registros mencionan un uso en baterías"},
		// Helper AD: a world figure, a combined share and a yes/no's "the biggest" carry to the
		// next mineral; "what's its share?" and "did it go up?" ask of the last answer; "how
		// much does the US have?" after a mineral is that mineral there; a comparison's
		// follow-up adds its mineral; "who has the most?" adds the largest reserves.
		{"world production of silver", "¿y la de zinc?", "World mine production of zinc: 13,000 thousand metric tons in 2025e"},
		{"¿cuánta plata se produce en el mundo?", "¿y la de zinc?", "Producción minera mundial de zinc: 13,000 miles de toneladas métricas en 2025e"},
		{"producción mundial de plata", "¿y la de zinc?", "Producción minera mundial de zinc"},
		{"how much of the world's silver do mexico and peru produce", "and zinc?", "Together, Mexico and Peru accounted for 18% of world mine production of zinc in 2025e"},
		{"how much silver does mexico produce?", "what's its share?", "Mexico ranked #1 of 14 in world mine production of silver in 2025e, with 6,300 metric tons (24% of the world"},
		{"how much silver does mexico produce?", "did it go up?", "Yes — in Mexico, mine production of silver went from 5,780 in 2024 to 6,300 in 2025e"},
		{"gallium", "how much does the US have?", "USGS gives no reserves by country for gallium"},
		{"fluorspar", "where does the US get it?", "Mexico supplied 64% of U.S. imports of fluorspar"},
		{"compare lithium and cobalt", "and nickel?", "Top producer's share of world output — Lithium: Australia 32%; Cobalt: Congo (Kinshasa) 73%; Nickel: Indonesia 67%."},
		{"lithium", "who has the most?", "Australia accounted for 32% of world mine production of lithium in 2025e (USGS MCS 2026). Next: China (21%) and Chile (19%). Chile holds the largest lithium reserves"},
		{"litio", "¿quién tiene más?", "Australia aportó el 32% de la producción minera mundial de litio en 2025e (USGS MCS 2026). Le siguen: China (21%) y Chile (19%). Chile tiene"},
		{"is mexico the biggest silver producer?", "and zinc?", "No — Mexico ranked #5 of 10 in world mine production of zinc"},
		{"precio del antimonio", "¿subió?", "Sí — el promedio anual del USGS del precio del antimonio (metal, promedio) subió un 144%"},
		{"lithium price", "did it fall in 2025?", "Yes — USGS's annual average price of lithium"},
		{"antimony price", "why did it go up?", "USGS's annual average price of antimony (metal, average) rose 144% from 10.24 in 2024 to 25 dollars per pound in 2025e (USGS MCS 2026). These are annual averages, not market quotes. The USGS figures in this knowledge base give the move, not its causes."},
		{"world silver production", "and in 2024?", "World mine production of silver: 25,300 metric tons in 2024 (USGS MCS 2026)."},
		// Whether a mineral is among a sector's (it was the mineral's card); a sector named
		// after a mineral's answer is a question of its own (it was the mineral's card), unless
		// the follow-up points back at the mineral (the guard).
		{"which minerals are used in batteries?", "is graphite one of them?", "Yes — the record of graphite lists a use in batteries"},
		{"¿qué minerales se usan en baterías?", "¿el grafito está entre ellos?", "Sí — el registro del grafito incluye un uso en baterías"},
		{"graphite", "what about magnets?", "The records of 11 minerals list a use in magnets"},
		{"graphite", "is it used in magnets?", "The record of graphite in the knowledge base lists no use in magnets"},
		// A country asked after a policy item, pointing back at it, is the item for that
		// country (it was the country's card); guard: a question of its own stays one.
		{"section 232", "does it apply to Mexico?", "Yes — a proclamation of 2 April 2026 reorganised the Section 232 tariffs"},
		{"section 232", "what does Mexico produce?", "Mexico is the world's largest producer of silver"},
		// A comparison that names its own minerals compares those (it added the conversation's
		// mineral); "which minerals …" naming none is a question of its own (it was about
		// silver). Guard: "compare it with tungsten" still adds the conversation's.
		{"silver", "compare lithium and cobalt", "Top producer's share of world output — Lithium: Australia 32%; Cobalt:"},
		{"silver", "which minerals were added in 2025?", "The 2025 U.S. list added 10 minerals that were not on the 2022 list"},
		{"antimony", "compare it with tungsten", "Top producer's share of world output — Antimony: China 36%; Tungsten: China 79%."},
		// The U.S. named as the importer is not where producers are looked for (it was "no
		// figures for the United States"); "is China the largest?" is of the conversation's
		// mineral (it was China's card); guard: U.S. reliance then "how much does it import?".
		{"where does the US import gallium from?", "who produces it?", "China accounted for 99% of world primary low-purity production of gallium"},
		{"who produces gallium?", "is China the largest?", "Yes — China ranked #1 of 3 in world primary low-purity production of gallium"},
		{"US import reliance on cobalt", "how much does it import?", "The U.S. relied on net imports for 79% of its apparent consumption of cobalt"},
		// After an item the question did not name, a mineral asked with "included", "covered"
		// or as a follow-up is whether the item covers it (it was the mineral's card); guard:
		// a question with its own measure stays its own.
		{"what did Mexico sign with the US?", "is antimony included?", "“U.S.-Mexico Action Plan on Critical Minerals” (4 Feb 2026) does not name"},
		{"section 232", "is copper covered?", "A proclamation of 2 April 2026 reorganised the Section 232 tariffs"},
		{"what did Mexico sign with the US?", "who produces fluorspar?", "China accounted for 59% of world mine production of fluorspar"},
		// After a list's answer, a mineral asked as a follow-up is whether it is on that list
		// (it was the mineral's card); guard: after what the US produces, it is not.
		{"which minerals are strategic?", "is lithium one of them?", "Yes — lithium is on the EU CRMA strategic raw materials (Annex I)."},
		{"which minerals are strategic?", "and copper?", "Yes — copper is on the EU CRMA strategic raw materials (Annex I)."},
		{"¿cuáles son los minerales críticos de EE.UU.?", "¿y el cobre?", "Sí — el cobre está en la lista de minerales críticos del USGS de 2025"},
		{"which critical minerals does the US produce?", "and copper?", "Chile accounted for 23% of world mine production of copper"},
		// The countries a question left out stay out in its follow-up (it was China's reserves).
		{"rare earth production outside China", "and reserves?", "Besides China, the largest rare-earth elements reserves are held by Brazil"},
		{"who produces tungsten besides China and Russia?", "and reserves?", "Besides China and Russia, the largest tungsten reserves are held by Australia"},
		// A country's own question asked of another country (it was the other's card), the
		// U.S. staying the importer and "lack" staying negative; guard: the overview stays one.
		{"what does Mexico export to the US?", "what about Canada?", "Canada is a source of U.S. imports of 22 minerals"},
		{"what critical minerals does Peru lack?", "and Chile?", "The USGS tables this knowledge base holds show no production in Chile of 36"},
		{"what does Mexico produce?", "and Peru?", "Peru is the world's largest producer of arsenic"},
		// "the top source" after the import sources is of U.S. imports (it was world production).
		{"where does the US import graphite from?", "is China the top source?", "Yes — China supplied 46% of U.S. imports of graphite"},
	} {
		lang, ok := e.DetectLanguage(tt.first)
		if !ok {
			lang = answer.English
		}
		first := askIn(t, tt.first, lang)
		a, err := e.AskAfter(context.Background(), tt.then, lang, first.Followed())
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasPrefix(a.Headline, tt.want) {
			t.Errorf("%q then %q: %q, want it to start %q", tt.first, tt.then, a.Headline, tt.want)
		}
	}
}

// A country's headline names its first few leads and top-three places and counts the rest,
// each mineral once: the counts are worked out here from the standings, independently.
func TestCountryHeadlineCountsEveryMineralOnce(t *testing.T) {
	e, kb := mustEngine(t)
	for _, c := range []struct{ id, q string }{{"china", "country china"}, {"united-states", "what does the united states produce"}, {"mexico", "mexico"}} {
		var leads, rest []string
		seen := map[string]bool{}
		for _, s := range kb.CountryStandings(c.id) {
			if knowledge.IsCapacity(s.Ranking.Measure) || s.Share.Rank > 3 || seen[s.Mineral] {
				continue
			}
			seen[s.Mineral] = true
			m, _ := kb.Mineral(s.Mineral)
			if s.Share.Rank == 1 {
				leads = append(leads, strings.ToLower(m.Name))
			} else {
				rest = append(rest, strings.ToLower(m.Name))
			}
		}
		a, err := e.Ask(context.Background(), c.q, answer.English)
		if err != nil {
			t.Fatal(err)
		}
		h := strings.Join(strings.Fields(a.Headline), " ")
		check := func(names []string, shown int) {
			if len(names) == 0 {
				return
			}
			for _, n := range names[:min(shown, len(names))] {
				if !strings.Contains(h, n) {
					t.Errorf("%s: headline does not name %s: %q", c.id, n, h)
				}
			}
			if more := len(names) - shown; more > 0 && !strings.Contains(h, fmt.Sprintf(" and %d more", more)) {
				t.Errorf("%s: headline does not say \"and %d more\": %q", c.id, more, h)
			}
		}
		check(leads, 4)
		check(rest, 5)
		if c.id == "china" && (len(leads) <= 4 || len(rest) <= 5) {
			t.Errorf("china: %d leads and %d other top-three places; the test wants more than 4 and 5", len(leads), len(rest))
		}
	}
}

// An engine from Start answers once its background build is done, from every goroutine that
// asks meanwhile; a SetKnowledge that comes first is not undone by that build.
func TestStartAnswersOnceBuilt(t *testing.T) {
	ix, kb := mustIndex(t)
	e, err := answer.Start(kb, answer.FromIndex(ix))
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			a, err := e.Ask(context.Background(), "antimony", answer.English)
			if err != nil || !strings.HasPrefix(a.Headline, "China") {
				t.Errorf("Ask(antimony) while the engine builds: %v, %q", err, a.Headline)
			}
		})
	}
	wg.Wait()

	other, err := knowledge.Load(os.DirFS("../knowledge/testdata/valid"))
	if err != nil {
		t.Fatal(err)
	}
	e2, err := answer.Start(kb, answer.FromIndex(ix))
	if err != nil {
		t.Fatal(err)
	}
	e2.SetKnowledge(other)
	// The background build of kb takes ~25 ms (more under the race detector): watch for a
	// second that it never takes over.
	for deadline := time.Now().Add(time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if e2.Knowledge() != other {
			t.Fatal("the background build replaced a knowledge base set after Start")
		}
	}
}

// A price row carries one unit: where USGS gives a price in two (nickel's LME cash price
// in dollars per metric ton and per pound), each unit has its own row, so no row names a
// year twice.
func TestPriceRowsCarryOneUnit(t *testing.T) {
	for _, q := range []string{"nickel price", "rare earth prices", "price of silver"} {
		a := ask(t, q)
		if q == "nickel price" {
			// Both units are shown, each in a section of its own.
			var units []string
			for _, s := range a.Sections {
				if _, unit, ok := strings.Cut(s.Heading, "(dollars per "); ok && s.Text != "" {
					units = append(units, unit)
				}
			}
			if !slices.Contains(units, "metric ton)") || !slices.Contains(units, "pound)") {
				t.Errorf("%q: the sections show units %v, want per metric ton and per pound", q, units)
			}
		}
		for _, s := range a.Sections {
			seen := map[string]bool{}
			for _, part := range strings.Split(s.Text, " · ") {
				year, _, _ := strings.Cut(part, " ")
				if seen[year] {
					t.Errorf("%q: section %q gives %s twice: %s", q, s.Heading, year, s.Text)
				}
				seen[year] = true
			}
		}
	}
}
