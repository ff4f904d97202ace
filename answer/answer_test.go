package answer_test

import (
	"context"
	"flag"
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
	engineErr  error
)

// mustEngine returns an engine over the embedded knowledge base, built once.
func mustEngine(tb testing.TB) (*answer.Engine, *knowledge.KB) {
	tb.Helper()
	engineOnce.Do(func() {
		engineKB, engineErr = knowledge.Load(knowledge.Embedded())
		if engineErr != nil {
			return
		}
		var ix *index.Index
		if ix, engineErr = index.New(engineKB); engineErr != nil {
			return
		}
		engine, engineErr = answer.New(engineKB, ix)
	})
	if engineErr != nil {
		tb.Fatal(engineErr)
	}
	return engine, engineKB
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
	{"producers", "who produces fluorspar", "¿quién produce fluorita?"},
	{"uses", "what is lithium used for", "¿para qué se usa el litio?"},
	{"lists", "is copper critical", "¿el cobre es crítico?"},
	{"risk", "how concentrated is gallium supply", "¿qué tan concentrada está la oferta de galio?"},
	{"mineral-in-country", "silver in mexico", "plata en méxico"},
	{"not-found", "frobnitz quux", "frobnitz quux"},
	{"help", "help", "ayuda"},
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
