package answer_test

import (
	"context"
	"os"
	"testing"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/index"
	"github.com/mineralbot/mineralbot/knowledge"
)

// FuzzAsk: any question gets an answer with a title, and renders, without an error.
func FuzzAsk(f *testing.F) {
	kb, err := knowledge.Load(os.DirFS("../knowledge/testdata/valid"))
	if err != nil {
		f.Fatal(err)
	}
	ix, err := index.New(kb)
	if err != nil {
		f.Fatal(err)
	}
	e, err := answer.New(kb, answer.FromIndex(ix))
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"antimony", "compare antimony neodymium", "country mexico", "policy", "list eu", "search x",
		"who produces Sb in México", "digest", "", "compare", "country", "¿qué?", "help", "list nonsense"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		a, err := e.Ask(context.Background(), q, answer.English)
		if err != nil {
			t.Fatalf("Ask(%q): %v", q, err)
		}
		if a == nil || a.Title == "" {
			t.Fatalf("Ask(%q): empty answer", q)
		}
		if err := answer.WriteText(discard{}, a); err != nil {
			t.Fatal(err)
		}
	})
}

type discard struct{}

func (discard) Write(p []byte) (int, error) { return len(p), nil }
