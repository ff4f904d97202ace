package answer_test

import (
	"context"
	"testing"
)

func TestZZTerms(t *testing.T) {
	e, _ := mustEngine(t)
	for _, q := range []string{"what did Mexico sign with the US?", "section 232", "what is the US-Mexico action plan?", "China export controls on gallium"} {
		a, _ := e.Ask(context.Background(), q, "en")
		t.Logf("%q record=%v query=%s", q, a.Record, a.Query.String())
	}
}
