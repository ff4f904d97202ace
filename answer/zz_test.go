package answer_test

import (
	"os"
	"strings"
	"testing"

	"github.com/mineralbot/mineralbot/answer"
)

func TestZZParse(t *testing.T) {
	for _, q := range strings.Split(os.Getenv("ZZQ"), "|") {
		if q == "" {
			continue
		}
		a := askIn(t, q, answer.English)
		t.Logf("%q\n  query: %s\n  head: %s", q, a.Query.String(), a.Headline)
	}
}
