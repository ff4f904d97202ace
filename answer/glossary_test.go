package answer_test

import "testing"

// TestExplainedLeavesRecords checks that a "what is X" question reads X as a glossary term
// only when the whole of X is one: a record's name keeps its card, and a term asked of a
// record keeps its measure.
func TestExplainedLeavesRecords(t *testing.T) {
	e, _ := mustEngine(t)
	for _, tc := range []struct{ q, query string }{
		{"what is antimony?", "overview minerals=antimony define=yes"},
		{"¿qué es el litio?", "overview minerals=lithium define=yes"},
		{"what is W?", "overview minerals=tungsten define=yes"},
		{"what is the hhi of cobalt?", "concentration minerals=cobalt"},
		{"what are the critical minerals?", "lists"},
		{"what are critical minerals?", "glossary term=critical-mineral"},
		{"what does NIR stand for?", "glossary term=net-import-reliance"},
		{"which sources does the us import cobalt from?", "import_sources minerals=cobalt countries=united-states"},
	} {
		t.Run(tc.q, func(t *testing.T) {
			if got := e.Parse(tc.q).String(); got != tc.query {
				t.Errorf("Parse(%q) = %q, want %q", tc.q, got, tc.query)
			}
		})
	}
}

// TestEveryTermDefined asks "what does X mean?" of every name and alias of every glossary
// term, and checks each reads as that term.
func TestEveryTermDefined(t *testing.T) {
	e, kb := mustEngine(t)
	for _, term := range kb.Glossary {
		for _, name := range append([]string{term.Term, term.TermES}, term.Aliases...) {
			q := "what does " + name + " mean?"
			if got, want := e.Parse(q).String(), "glossary term="+term.ID; got != want {
				t.Errorf("Parse(%q) = %q, want %q", q, got, want)
			}
		}
	}
}
