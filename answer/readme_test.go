package answer_test

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/mineralbot/mineralbot/answer"
)

// Every question the README gives as an example of what the bot answers gets an answer: not
// "couldn't find that", not a refusal, not a bare search. The README describes only what
// exists.
func TestREADMEExamplesAreAnswered(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	readme := string(data)
	i := strings.Index(readme, "| Asks | For example |")
	if i < 0 {
		t.Fatal(`README.md lacks its "| Asks | For example |" table`)
	}
	table := readme[i:]
	table = table[:strings.Index(table, "\n\n")]
	e, _ := mustEngine(t)
	code := regexp.MustCompile("`([^`]+)`")
	n := 0
	for _, row := range strings.Split(table, "\n")[2:] {
		for _, m := range code.FindAllStringSubmatch(row, -1) {
			q := m[1]
			n++
			lang, ok := e.DetectLanguage(q)
			if !ok {
				lang = answer.English
			}
			a := askIn(t, q, lang)
			switch {
			case a.Intent == answer.IntentNotFound || a.Intent == answer.IntentRefusal || a.Intent == answer.IntentSearch:
				t.Errorf("README example %q: intent %s, headline %q", q, a.Intent, a.Headline)
			case strings.TrimSpace(a.Headline) == "":
				t.Errorf("README example %q: no headline", q)
			}
		}
	}
	if n < 40 {
		t.Errorf("found %d README examples; the table's rows were not read", n)
	}
}
