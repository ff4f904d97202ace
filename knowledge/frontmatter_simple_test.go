package knowledge

import (
	"fmt"
	"io/fs"
	"path"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// sameTree reports where two YAML node trees differ in anything decoding or error lines
// read: kind, style, tag, value, line, column and children.
func sameTree(got, want *yaml.Node, at string) error {
	if got.Kind != want.Kind || got.Style != want.Style || got.Tag != want.Tag || got.Value != want.Value ||
		got.Line != want.Line || got.Column != want.Column || len(got.Content) != len(want.Content) {
		return fmt.Errorf("%s: got {kind %v style %v tag %q value %q at %d:%d, %d children}, yaml.v3 made {kind %v style %v tag %q value %q at %d:%d, %d children}",
			at, got.Kind, got.Style, got.Tag, got.Value, got.Line, got.Column, len(got.Content),
			want.Kind, want.Style, want.Tag, want.Value, want.Line, want.Column, len(want.Content))
	}
	for i := range got.Content {
		if err := sameTree(got.Content[i], want.Content[i], fmt.Sprintf("%s/%d", at, i)); err != nil {
			return err
		}
	}
	return nil
}

// checkSimpleIsYAML fails t when simpleFrontMatter accepts fm and yaml.v3 reads it otherwise;
// it reports whether simpleFrontMatter accepted it.
func checkSimpleIsYAML(t *testing.T, name string, fm []byte) bool {
	t.Helper()
	got, ok := simpleFrontMatter(fm)
	if !ok {
		return false
	}
	var doc yaml.Node
	if err := yaml.Unmarshal(fm, &doc); err != nil {
		t.Errorf("%s: accepted front matter yaml.v3 rejects (%v):\n%s", name, err, fm)
		return true
	}
	if len(doc.Content) != 1 {
		t.Errorf("%s: accepted front matter that yaml.v3 reads as %d documents:\n%s", name, len(doc.Content), fm)
		return true
	}
	if err := sameTree(got, doc.Content[0], name); err != nil {
		t.Errorf("%v\nfront matter:\n%s", err, fm)
	}
	return true
}

// TestSimpleFrontMatterIsYAML checks that every real record's front matter the simple parser
// accepts is the tree yaml.v3 makes of it, and that it accepts nearly all of them: the fast
// path must not quietly stop being taken.
func TestSimpleFrontMatterIsYAML(t *testing.T) {
	fsys := Embedded()
	var all, taken int
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || path.Ext(p) != ".md" || strings.HasPrefix(path.Base(p), "README") {
			return err
		}
		data, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		fm, _, ok := splitFrontMatter(data)
		if !ok {
			return nil
		}
		all++
		if checkSimpleIsYAML(t, p, fm) {
			taken++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if all < 100 || taken*10 < all*9 {
		t.Errorf("the simple parser took %d of %d records' front matter; want at least 90%%", taken, all)
	}
}

// TestSimpleFrontMatterDeclines lists text the simple parser must leave to yaml.v3, each
// either YAML it does not read exactly or not YAML at all.
func TestSimpleFrontMatterDeclines(t *testing.T) {
	for _, fm := range []string{
		"",
		"# comment\nid: x\n",
		"id: x # comment\n",
		"id:\n",
		"id: x\n\nname: y\n",
		"id: x\n  more\n",
		"id: \"a\\\"b\"\n",
		"id: 'it''s'\n",
		"id: [a, [b]]\n",
		"id: [a,\n  b]\n",
		"id: {a: b}\n",
		"id: &a x\n",
		"id: *a\n",
		"id: !!str x\n",
		"id: >\n  folded\n",
		"id: |\n  literal\n",
		"id:\tx\n",
		"id: x\r\n",
		"sources:\n  - url: x\n      edition: y\n",
		"sources:\n  - url:\n      nested: y\n",
		"sources:\n  - a\n - b\n",
		"uses:\n- a\n  - b\n",
		"id: a: b\n",
		"id: x\nid x\n",
		"id: \"unterminated\n",
		"id: emoji \U0001F600\n",
		"id: \u2028\n",
		"- a\n",
		"? x\n",
		"<<: x\n",
		"id: <<\n",
		"id: [a, , b]\n",
		"id: [a,]\n",
		"id: [a] b\n",
	} {
		if root, ok := simpleFrontMatter([]byte(fm)); ok {
			var b strings.Builder
			enc := yaml.NewEncoder(&b)
			_ = enc.Encode(root)
			t.Errorf("simpleFrontMatter(%q) accepted it as:\n%s", fm, b.String())
		}
	}
}

// FuzzSimpleFrontMatter checks, on fuzzed text, that whatever the simple parser accepts
// yaml.v3 reads as the same tree.
func FuzzSimpleFrontMatter(f *testing.F) {
	for _, s := range []string{
		"id: mineral-01234\nname: Synthetic 01234\nname_es: Sintético 01234\naliases: [synth1234]\nuses: [battery, magnet]\nsources:\n  - url: https://example.org/x\n    edition: Synthetic edition\nupdated: 2026-11-26\n",
		"id: x\ngroup: \"\"\nmembers: []\naliases: [\"a, b\", 'c', d]\nuses:\n- one\n- two: 2\nyes: no\nn: 0x1F\nf: .5\nnull: ~\n",
		"title: \"China: export controls\"\ndate: 2024-08\nend_date: ''\ncountries: [china, \"united-states\"]\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, fm []byte) {
		checkSimpleIsYAML(t, "fuzzed", fm)
	})
}
