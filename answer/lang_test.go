package answer

import (
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/mineralbot/mineralbot/knowledge"
)

// tableTerms are the words the knowledge base's tables and records put in answers, which a
// Spanish answer must translate.
func tableTerms(kb *knowledge.KB) []string {
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" {
			seen[s] = true
		}
	}
	for _, m := range kb.Minerals {
		add(m.NoCountryTable)
		for _, measure := range kb.Measures(m.ID) {
			add(knowledge.MeasureLabel(measure))
		}
		for _, f := range kb.FiguresOf(m.ID) {
			add(f.Unit)
			u, _, _ := strings.Cut(f.Unit, ",")
			add(strings.TrimSpace(u)) // headlines give the unit without what it counts
			add(f.Form)
		}
		for _, r := range kb.RelianceOf(m.ID) {
			add(r.Product)
		}
		for _, x := range kb.ImportSourcesOf(m.ID) {
			add(x.Product)
		}
		for _, p := range kb.PricesOf(m.ID) {
			add(p.Form)
			add(p.Unit)
		}
		for _, u := range kb.EndUsesOf(m.ID) {
			add(u.Use)
			if n := u.Note; n != "" && n != "estimated" {
				add(strings.TrimPrefix(n, "estimated; "))
			}
		}
	}
	for _, en := range kb.ListEntries {
		if en.Mineral == "" {
			add(en.Item) // an item without a card is named as the list prints it
		}
	}
	for _, l := range knowledge.Lists {
		add(l.Title())
	}
	out := make([]string, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	sort.Strings(out)
	return out
}

// Every word the tables put in an answer has a Spanish version.
func TestSpanishTermsCoverTheKnowledgeBase(t *testing.T) {
	kb, err := knowledge.Load(knowledge.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	var missing []string
	for _, term := range tableTerms(kb) {
		if Spanish.T(term) == term && !sameInSpanish[term] {
			missing = append(missing, strconv.Quote(term))
		}
	}
	if len(missing) > 0 {
		t.Errorf("%d table terms have no Spanish in spanishTerms:\n%s", len(missing), strings.Join(missing, "\n"))
	}
}

// sameInSpanish are terms spelt the same in both languages.
var sameInSpanish = map[string]bool{}

// Every command in the one table has its usage, help and example in Spanish.
func TestCommandsHaveSpanish(t *testing.T) {
	for _, c := range Commands() {
		for _, s := range []string{c.Usage, c.Help, c.Example} {
			if _, ok := spanishMessages[s]; !ok {
				t.Errorf("command %s: %q has no Spanish", c.Name, s)
			}
		}
	}
}

// Every message the code formats has a Spanish version, with the same %s arguments, and no
// argument but %s (the printer would group a %d's digits: "2.024"). The bot's Slack-only
// messages are in the same catalogue, so its files are scanned too.
func TestSpanishMessagesAreComplete(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	botFiles, _ := filepath.Glob("../bot/*.go")
	files = append(files, botFiles...)
	fset := token.NewFileSet()
	keys := map[string]string{}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(file, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok || !slices.Contains([]string{"t", "f", "T", "Sprintf"}, sel.Sel.Name) {
				return true
			}
			if x, ok := sel.X.(*ast.Ident); !ok || !slices.Contains([]string{"e", "l", "in", "lang", "Spanish", "English"}, x.Name) {
				return true
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, _ := strconv.Unquote(lit.Value)
				keys[s] = fset.Position(lit.Pos()).String()
			}
			return true
		})
	}
	if len(keys) < 50 {
		t.Fatalf("found only %d message keys; is the scan broken?", len(keys))
	}
	for k, pos := range keys {
		es, ok := spanishMessages[k]
		if !ok {
			t.Errorf("%s: %q has no Spanish", pos, k)
			continue
		}
		if strings.Count(k, "%s") != strings.Count(es, "%s") || strings.Count(k, "%") != strings.Count(k, "%s") {
			t.Errorf("%s: %q and %q differ in their %%s arguments", pos, k, es)
		}
	}
}

// The README's table of subcommands is generated from the one command table, so it cannot
// drift from what help shows.
func TestREADMECommands(t *testing.T) {
	var b strings.Builder
	b.WriteString("| Subcommand | What it answers | Where | Example |\n|---|---|---|---|\n")
	for _, c := range Commands() {
		where := "`ask` and `/mineral`"
		switch {
		case c.SlackOnly && c.Admin:
			where = "`/mineral`, admins"
		case c.SlackOnly:
			where = "`/mineral`"
		}
		names := "`" + c.Usage + "`"
		if len(c.Aliases) > 0 {
			names += " (" + strings.Join(c.Aliases, ", ") + ")"
		}
		fmt.Fprintf(&b, "| %s | %s | %s | `%s` |\n", strings.ReplaceAll(names, "|", "\\|"), c.Help, where, c.Example)
	}
	const begin, end = "<!-- commands:", "<!-- /commands -->"
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	i, j := strings.Index(readme, begin), strings.Index(readme, end)
	if i < 0 || j < i {
		t.Fatalf("README.md lacks the %q … %q markers", begin, end)
	}
	i += strings.Index(readme[i:], "\n") + 1
	if readme[i:j] == b.String() {
		return
	}
	// -update is defined by the external test package, in the same test binary.
	if f := flag.Lookup("update"); f == nil || f.Value.String() != "true" {
		t.Fatalf("README.md's table of subcommands is not the command table's (go test ./answer -run TestREADMECommands -update):\n%s", b.String())
	}
	if err := os.WriteFile("../README.md", []byte(readme[:i]+b.String()+readme[j:]), 0o644); err != nil {
		t.Fatal(err)
	}
}
