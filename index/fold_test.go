package index

import "testing"

func TestAnalyzersFoldAccents(t *testing.T) {
	m, err := buildMapping()
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ analyzer, text, want string }{
		{anNames, "Níquel", "niquel"},
		{anNames, "nickel", "nickel"},
		{anSpanish, "PERÚ", "peru"},
		{anEnglish, "Bogotá", "bogota"},
	} {
		tokens := m.AnalyzerNamed(tt.analyzer).Analyze([]byte(tt.text))
		if len(tokens) != 1 || string(tokens[0].Term) != tt.want {
			t.Errorf("%s(%q) = %v, want the one word %q", tt.analyzer, tt.text, tokens, tt.want)
		}
	}
}
