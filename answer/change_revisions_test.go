package answer_test

import (
	"strings"
	"testing"
)

// A world change's headline names the top producer's revision only when it moved that
// figure by a tenth or more — enough to explain part of the world's change; a small one is
// in the card's "Revised between editions" section.
func TestWorldChangeNamesOnlyMaterialRevisions(t *testing.T) {
	for _, tt := range []struct {
		q       string
		revised bool
	}{
		{"antimony 2024 vs 2025", true},                         // China 60,000 → 40,000
		{"how did lithium production change?", false},           // Australia 88,000 → 82,700
		{"how fast is world cobalt production growing?", false}, // Congo 220,000 → 226,000
	} {
		a := ask(t, tt.q)
		if got := strings.Contains(a.Headline, "revised"); got != tt.revised {
			t.Errorf("%q: headline names a revision: %v, want %v:\n  %s", tt.q, got, tt.revised, a.Headline)
		}
		if !strings.Contains(text(t, a), "Revised between editions") {
			t.Errorf("%q: the card lists no revisions", tt.q)
		}
	}
}
