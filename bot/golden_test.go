package bot

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/index"
	"github.com/mineralbot/mineralbot/knowledge"
)

var update = flag.Bool("update", false, "rewrite golden files")

// TestGoldenBlockKit renders the answers people see most as Block Kit and compares them with
// reviewed golden files; each must also be within Slack's limits.
func TestGoldenBlockKit(t *testing.T) {
	eng := embeddedEngine(t)
	for _, v := range []struct {
		name string
		lang answer.Lang
		q    string
	}{
		{"mineral", answer.English, "antimony"}, {"country", answer.English, "mexico"},
		{"compare", answer.English, "compare antimony tungsten"}, {"list", answer.English, "list new-in-2025"},
		{"policy", answer.English, "section 232"},
		{"mineral.es", answer.Spanish, "antimonio"}, {"country.es", answer.Spanish, "méxico"},
		{"compare.es", answer.Spanish, "compara antimonio wolframio"}, {"list.es", answer.Spanish, "lista new-in-2025"},
		{"policy.es", answer.Spanish, "sección 232"},
	} {
		name := v.name
		t.Run(name, func(t *testing.T) {
			a, err := eng.Ask(context.Background(), v.q, v.lang)
			if err != nil {
				t.Fatal(err)
			}
			m := render(a, renderOptions{shareButton: true})
			checkLimits(t, m)
			got, err := json.MarshalIndent(struct {
				Text   string `json:"text"`
				Blocks any    `json:"blocks"`
			}{m.Text, m.Blocks}, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join("testdata", "blocks-"+name+".json")
			if *update {
				os.MkdirAll("testdata", 0o755)
				os.WriteFile(path, got, 0o644)
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (go test -update writes it)", err)
			}
			if string(want) != string(got) {
				t.Errorf("%s changed (go test -update to accept, then review the diff):\n%s", path, got)
			}
		})
	}
}

// TestAnswerKindsStayWithinLimits renders one question of every kind of answer, in both
// languages, the long ones included (every mineral's change, two lists compared, the
// glossary, prices side by side), and holds each to Slack's limits, with the headline
// first in the fallback text that notifications show.
func TestAnswerKindsStayWithinLimits(t *testing.T) {
	eng := embeddedEngine(t)
	for _, q := range []string{
		"what changed since last year?", "¿qué cambió para México?", "what's new in the 2025 edition?",
		"which minerals are on both the us and eu lists?", "what's the difference between the us and eu lists?",
		"which critical minerals does the us not produce?", "who produces helium?", "what is a price floor?",
		"where does your data come from?", "¿de dónde vienen tus datos?", "which is more expensive, cobalt or nickel?",
		"which mineral's price rose the most in 2025?", "how does mexico compare to peru in silver and zinc?",
		"mexico and peru together", "which countries attended the critical minerals ministerial?",
		"what does china produce", "what happened in 2026", "list usgs-2025", "is the us self-sufficient in any critical mineral?",
	} {
		t.Run(q, func(t *testing.T) {
			lang, ok := eng.DetectLanguage(q)
			if !ok {
				lang = answer.English
			}
			a, err := eng.Ask(context.Background(), q, lang)
			if err != nil {
				t.Fatal(err)
			}
			if a.Intent == answer.IntentNotFound {
				t.Fatalf("not found: %q", a.Headline)
			}
			m := render(a, renderOptions{shareButton: true})
			checkLimits(t, m)
			if first := strings.Fields(a.Headline)[0]; !strings.Contains(m.Text, first) {
				t.Errorf("the fallback text %q does not carry the headline %q", m.Text, a.Headline)
			}
		})
	}
}

// embeddedEngine answers from the embedded knowledge base with its search index, on the
// test clock: whether an item has ended depends on the day, and golden files fix it.
func embeddedEngine(t *testing.T) *answer.Engine {
	t.Helper()
	kb, err := knowledge.Load(knowledge.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.New(kb)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	eng, err := answer.New(kb, answer.FromIndex(ix))
	if err != nil {
		t.Fatal(err)
	}
	eng.SetClock(func() time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC) })
	return eng
}
