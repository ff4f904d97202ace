package knowledge_test

import (
	"encoding/json"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/mineralbot/mineralbot/knowledge"
)

var update = flag.Bool("update", false, "rewrite golden files")

// mustLoad loads a knowledge base that must be valid.
func mustLoad(tb testing.TB, fsys fs.FS) *knowledge.KB {
	tb.Helper()
	kb, err := knowledge.Load(fsys)
	if err != nil {
		tb.Fatalf("Load: %v", err)
	}
	return kb
}

// overlay returns the valid test knowledge base with the files of dir laid over it.
func overlay(t *testing.T, dir string) fs.FS {
	t.Helper()
	m := fstest.MapFS{}
	for _, root := range []string{"testdata/valid", dir} {
		err := filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || d.Name() == "want.txt" {
				return err
			}
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(root, p)
			m[filepath.ToSlash(rel)] = &fstest.MapFile{Data: data}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return m
}

func TestLoadValid(t *testing.T) {
	kb := mustLoad(t, os.DirFS("testdata/valid"))
	type golden struct {
		Minerals  []*knowledge.Mineral
		Policies  []*knowledge.Policy
		Countries []*knowledge.Country
		Figures   int
		Editions  []knowledge.Edition
		Summary   string
	}
	got, err := json.MarshalIndent(golden{kb.Minerals, kb.Policies, kb.Countries, kb.Figures(), kb.Editions(), knowledge.Summarize(kb)}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	checkGolden(t, "testdata/valid.golden.json", got)
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if string(want) != string(got) {
		t.Errorf("%s differs from what was loaded (run go test -update and review the diff):\n%s", path, got)
	}
}

// TestLoadBroken loads each knowledge base of testdata/broken (the valid one with some files
// replaced) and asserts every problem it must report, and nothing else.
func TestLoadBroken(t *testing.T) {
	dirs, err := filepath.Glob("testdata/broken/*")
	if err != nil || len(dirs) == 0 {
		t.Fatalf("no broken knowledge bases: %v", err)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(dir, "want.txt"))
			if err != nil {
				t.Fatal(err)
			}
			_, err = knowledge.Load(overlay(t, dir))
			if err == nil {
				t.Fatal("Load succeeded; want problems")
			}
			ps, ok := err.(knowledge.Problems)
			if !ok {
				t.Fatalf("error is %T, want knowledge.Problems", err)
			}
			var got []string
			for _, p := range ps {
				got = append(got, p.String())
			}
			if g, w := strings.Join(got, "\n"), strings.TrimSpace(string(want)); g != w {
				t.Errorf("problems:\n%s\n\nwant:\n%s", g, w)
			}
		})
	}
}

func TestEmbeddedIsValid(t *testing.T) {
	kb := mustLoad(t, knowledge.Embedded())
	if len(kb.Minerals) == 0 || len(kb.Policies) == 0 {
		t.Fatalf("embedded knowledge base is empty: %s", knowledge.Summarize(kb))
	}
}
