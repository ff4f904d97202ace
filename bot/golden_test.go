package bot

import (
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
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
	kb, err := knowledge.Load(knowledge.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	ix, err := index.New(kb)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	eng, err := answer.New(kb, answer.FromIndex(ix))
	if err != nil {
		t.Fatal(err)
	}
	// Whether an item has ended depends on the day; golden files fix it.
	eng.SetClock(func() time.Time { return time.Date(2026, 11, 27, 12, 0, 0, 0, time.UTC) })
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
