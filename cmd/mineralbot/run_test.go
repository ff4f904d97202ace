package main

import (
	"bytes"
	"context"
	"io"
	"strings"
	"testing"
)

// runCmd runs the program as main would, with no environment.
func runCmd(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	getenv := func(string) string { return "" }
	code = run(context.Background(), append([]string{"mineralbot"}, args...), getenv, &out, &errb)
	return code, out.String(), errb.String()
}

func TestAskAntimony(t *testing.T) {
	code, out, stderr := runCmd(t, "ask", "antimony")
	if code != 0 {
		t.Fatalf("exit %d, stderr: %s", code, stderr)
	}
	for _, want := range []string{
		"Antimony (Sb)",
		"Main uses",
		"Largest producer: China, 36% of world mine production", // 40,000 of 110,000 t, 2025e (MCS 2026)
		"USGS Mineral Commodity Summaries 2026, 2025 estimates",
		"Shares and ranks are derived",
		"Sources",
		"https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-antimony.pdf",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

// TestAskResolves checks that `mineralbot ask` prints the headline first: the answer to the
// question as asked, in the question's language.
func TestAskResolves(t *testing.T) {
	tests := []struct{ question, headline string }{
		{"fluorspar", "China accounted for 59% of world mine production of fluorspar in 2025e (USGS MCS"},
		{"fluorite", "China accounted for 59% of world mine production of fluorspar"},
		{"baryte", "India accounted for 34% of world mine production of barite"},
		{"plata", "México aportó el 24% de la producción minera mundial de plata"}, // a Spanish name: a Spanish answer
		{"Sb", "China accounted for 36% of world mine production of antimony"},
		{"¿qué es el antimonio?", "El antimonio es un metaloide quebradizo"}, // "what is": the definition first
		{"who produces fluorspar?", "China accounted for 59% of world mine production of fluorspar"},
		{"antimoney", "China accounted for 36% of world mine production of antimony"},
		{"México", "México es el mayor productor mundial de plata"},
		{"mexico", "Mexico is the world's largest producer of silver"},
		{"silver in mexico", "Mexico ranked #1 of 14 in world mine production of silver in 2025e"},
	}
	for _, tt := range tests {
		t.Run(tt.question, func(t *testing.T) {
			code, out, stderr := runCmd(t, "ask", tt.question)
			if code != 0 {
				t.Fatalf("exit %d, stderr: %s", code, stderr)
			}
			if got := strings.Join(strings.Fields(out), " "); !strings.HasPrefix(got, tt.headline) {
				t.Errorf("output does not start with %q:\n%s", tt.headline, out)
			}
		})
	}
}

// `mineralbot ask -` holds a conversation: each line is answered after its question, as a
// follow-up of the ones before, the way the bot keeps a DM's conversation; a blank line is
// skipped, and an over-long one is answered from its start.
func TestAskConversation(t *testing.T) {
	defer func(r io.Reader) { stdin = r }(stdin)
	stdin = strings.NewReader("which minerals are used in batteries?\nwho produces them?\n\n¿y en México?\r\nis antimony critical?\nand gallium?\n" +
		"antimony " + strings.Repeat("x", maxConversationLine) + "\nthanks!\nlithium price\nhas it gone up?\nand cobalt?")
	code, out, stderr := runCmd(t, "ask", "-")
	if code != 0 {
		t.Fatalf("exit %d, stderr: %s", code, stderr)
	}
	turns := strings.Split(out, "\n> ")
	for i, want := range []struct{ question, headline string }{
		{"which minerals are used in batteries?", "The records of 12 minerals list a use in batteries"},
		{"who produces them?", "Of the 12 minerals whose records list a use in batteries and have a USGS production table, China leads"},
		{"¿y en México?", "En la producción mundial de los minerales cuyos registros incluyen un uso en baterías, México ocupa"},
		{"is antimony critical?", "Yes — antimony is on the USGS 2025 critical minerals list"},
		{"and gallium?", "Yes — gallium is on the USGS 2025 critical minerals list"},
		{"antimony xxxx", "Yes — antimony is on the USGS 2025 critical minerals list"}, // the same question of antimony
		{"thanks!", "You're welcome!"},
		{"lithium price", "USGS's annual average for lithium"},
		{"has it gone up?", "No — USGS's annual average price of lithium"},
		{"and cobalt?", "Yes — USGS's annual average price of cobalt"}, // the same yes/no, the same way
	} {
		if i >= len(turns) {
			t.Fatalf("%d answers, want 10:\n%s", len(turns), out)
		}
		q, a, _ := strings.Cut(strings.TrimPrefix(turns[i], "> "), "\n\n")
		if !strings.HasPrefix(q, want.question) || !strings.HasPrefix(strings.Join(strings.Fields(a), " "), want.headline) {
			t.Errorf("turn %d: %.60q answered %.120q, want %q then %q", i+1, q, a, want.question, want.headline)
		}
	}
	if len(turns) != 10 {
		t.Errorf("%d answers, want 10", len(turns))
	}
	if len(out) > 20_000 {
		t.Errorf("%d bytes of output: the long question was echoed whole", len(out))
	}
}

func TestAskNeverFails(t *testing.T) {
	for _, q := range []string{`antimony AND ((( title:"`, "zzzzqqqq", "<!channel> hello", strings.Repeat("x ", 3000)} {
		code, out, stderr := runCmd(t, "ask", q)
		if code != 0 || stderr != "" || out == "" {
			t.Errorf("ask %.30q: exit %d, stderr %q, %d bytes out", q, code, stderr, len(out))
		}
	}
	_, out, _ := runCmd(t, "ask", "zzzzqqqq")
	if !strings.HasPrefix(out, "Sorry, I couldn't find that") || strings.Contains(out, "Did you mean") {
		t.Errorf("no match, and nothing near it: a polite reply without made-up suggestions, got:\n%s", out)
	}
	// A near miss too far off to be corrected gets suggestions computed from its words.
	_, out, _ = runCmd(t, "ask", "ytterxxxm")
	if !strings.HasPrefix(out, "Sorry, I couldn't find that") || !strings.Contains(out, "Did you mean: Ytterbium?") {
		t.Errorf("a near miss should get a suggestion from its own words, got:\n%s", out)
	}
}

func TestUsageErrors(t *testing.T) {
	tests := [][]string{
		{},
		{"frobnicate"},
		{"ask"},
		{"ask", "-nope", "antimony"},
		{"kb"},
		{"kb", "check", "a", "b"},
		{"version", "extra"},
	}
	for _, args := range tests {
		code, _, stderr := runCmd(t, args...)
		if code != 2 {
			t.Errorf("%q: exit %d, want 2", args, code)
		}
		if !strings.Contains(stderr, "Usage:") {
			t.Errorf("%q: stderr lacks usage: %s", args, stderr)
		}
	}
}

func TestKBCheck(t *testing.T) {
	code, out, stderr := runCmd(t, "kb", "check")
	if code != 0 {
		t.Fatalf("embedded knowledge base: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(out, "60 of 60 USGS 2025 critical minerals present") {
		t.Errorf("summary: %s", out)
	}

	code, out, _ = runCmd(t, "kb", "check", "../../knowledge/testdata/valid")
	if code != 0 || !strings.HasPrefix(out, "3 minerals") {
		t.Errorf("valid folder: exit %d, %q", code, out)
	}

	code, _, stderr = runCmd(t, "kb", "check", "../../knowledge/testdata/broken/tables")
	// The overlay folder alone lacks the records: every missing part is reported.
	if code != 1 || !strings.Contains(stderr, "minerals:0: folder is missing") {
		t.Errorf("broken folder: exit %d, stderr:\n%s", code, stderr)
	}

	code, _, stderr = runCmd(t, "kb", "check", "no/such/dir")
	if code != 1 || !strings.Contains(stderr, "no/such/dir") {
		t.Errorf("missing folder: exit %d, stderr %q", code, stderr)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := runCmd(t, "version")
	if code != 0 || !strings.HasPrefix(out, "mineralbot ") {
		t.Errorf("exit %d, %q", code, out)
	}
}
