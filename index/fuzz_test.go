package index_test

import (
	"context"
	"os"
	"testing"

	"github.com/mineralbot/mineralbot/index"
	"github.com/mineralbot/mineralbot/knowledge"
)

// FuzzSearch: any chat text is searched without an error; query syntax is never parsed.
func FuzzSearch(f *testing.F) {
	kb, err := knowledge.Load(os.DirFS("../knowledge/testdata/valid"))
	if err != nil {
		f.Fatal(err)
	}
	ix, err := index.New(kb)
	if err != nil {
		f.Fatal(err)
	}
	defer ix.Close()
	for _, s := range []string{"antimony", `antimony AND ((( title:"`, "+a -b", "name:*", "~1^2", "Sb", "México", "\x00\xff", "a/b\\c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		res, err := ix.Search(context.Background(), q, index.Options{})
		if err != nil {
			t.Fatalf("Search(%q): %v", q, err)
		}
		for _, h := range res.Hits {
			if h.Ref.ID == "" {
				t.Fatalf("hit without an id: %+v", h)
			}
		}
	})
}
