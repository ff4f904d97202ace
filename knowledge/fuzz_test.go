package knowledge_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"

	"github.com/mineralbot/mineralbot/knowledge"
)

// loadValid returns the valid test knowledge base in memory, to mutate.
func loadValid(tb testing.TB) fstest.MapFS {
	tb.Helper()
	m := fstest.MapFS{}
	err := filepath.WalkDir("testdata/valid", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel("testdata/valid", p)
		m[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
		return nil
	})
	if err != nil {
		tb.Fatal(err)
	}
	return m
}

// checkLoad loads fsys: it must not panic, and any failure must be a list of problems, each
// naming a file of the knowledge base.
func checkLoad(t *testing.T, fsys fstest.MapFS) {
	t.Helper()
	kb, err := knowledge.Load(fsys)
	if err == nil {
		if kb == nil {
			t.Fatal("nil knowledge base without an error")
		}
		// A valid knowledge base must serve lookups.
		for _, m := range kb.Minerals {
			kb.PrimaryRanking(m.ID)
			kb.Resolve(m.Name)
		}
		return
	}
	var ps knowledge.Problems
	if !errors.As(err, &ps) || len(ps) == 0 {
		t.Fatalf("error %T %v, want Problems", err, err)
	}
	for _, p := range ps {
		if p.File == "" || p.Msg == "" {
			t.Fatalf("problem without a file or message: %+v", p)
		}
	}
}

// FuzzFrontMatter loads a knowledge base whose mineral record is arbitrary bytes.
func FuzzFrontMatter(f *testing.F) {
	seed, _ := os.ReadFile("testdata/valid/minerals/antimony.md")
	f.Add(seed)
	f.Add([]byte("---\n---\n"))
	f.Add([]byte("---\nid: antimony\nname: [x\n---\n"))
	f.Add([]byte("---\nid: antimony\nsources: {url: 1}\nupdated: 2026-02-30\n---\nbody"))
	f.Add([]byte("---\r\nid: antimony\r\n---\r\n"))
	f.Add([]byte("no front matter"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := loadValid(t)
		fsys["minerals/antimony.md"] = &fstest.MapFile{Data: data}
		checkLoad(t, fsys)
	})
}

// FuzzProductionCSV loads a knowledge base whose production table is arbitrary bytes.
func FuzzProductionCSV(f *testing.F) {
	seed, _ := os.ReadFile("testdata/valid/tables/production.csv")
	f.Add(seed)
	f.Add([]byte("mineral,country,measure,year,value,estimated,unit,form,secondary,source_url,edition,note\n\"unterminated"))
	f.Add([]byte("mineral,country,measure,year,value,estimated,unit,form,secondary,source_url,edition,note\nantimony,world,mine_production,2024,>1e308,yes,t,,,http://x,y,\nantimony,china,mine_production,2024,NaN,,t,,,http://x,y,\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := loadValid(t)
		fsys["tables/production.csv"] = &fstest.MapFile{Data: data}
		checkLoad(t, fsys)
	})
}

// FuzzPricesCSV loads a knowledge base whose prices table is arbitrary bytes.
func FuzzPricesCSV(f *testing.F) {
	seed, _ := os.ReadFile("testdata/valid/tables/prices.csv")
	f.Add(seed)
	f.Add([]byte("mineral,form,unit,year,value,estimated,source_url,edition\nantimony,x,t,2025,890-1000,yes,http://x,MCS 2026\nantimony,x,t,2025,5-1,,http://x,MCS 2026\n"))
	f.Add([]byte("mineral,form,unit,year,value,estimated,source_url,edition\nantimony,x,t,2025,-,,http://x,MCS 9999\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fsys := loadValid(t)
		fsys["tables/prices.csv"] = &fstest.MapFile{Data: data}
		checkLoad(t, fsys)
	})
}
