package bot

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/slack-go/slack"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/knowledge"
)

// checkLimits asserts a message is within Block Kit's limits.
func checkLimits(t *testing.T, m Message) {
	t.Helper()
	if len(m.Blocks) == 0 || len(m.Blocks) > maxBlocks {
		t.Errorf("%d blocks, want 1..%d", len(m.Blocks), maxBlocks)
	}
	if m.Text == "" || len(m.Text) > maxFallback {
		t.Errorf("fallback text of %d bytes", len(m.Text))
	}
	total := 0
	for _, b := range m.Blocks {
		switch b := b.(type) {
		case *slack.HeaderBlock:
			if n := utf8.RuneCountInString(b.Text.Text); n > maxHeaderChars {
				t.Errorf("header of %d characters", n)
			}
		case *slack.SectionBlock:
			if n := utf8.RuneCountInString(b.Text.Text); n > maxSectionChars {
				t.Errorf("section of %d characters", n)
			}
			total += len(b.Text.Text)
		case *slack.ContextBlock:
			for _, e := range b.ContextElements.Elements {
				if tx, ok := e.(*slack.TextBlockObject); ok {
					total += len(tx.Text)
					if len(tx.Text) > maxContextChars {
						t.Errorf("context of %d characters", len(tx.Text))
					}
				}
			}
		}
	}
	if total > 12000 {
		t.Errorf("%d characters of block text: Slack answers msg_blocks_too_long near 13k", total)
	}
	if _, err := json.Marshal(m.Blocks); err != nil {
		t.Error(err)
	}
}

func TestRenderStaysWithinLimits(t *testing.T) {
	long := strings.Repeat("word ", 2000)
	a := &answer.Answer{Intent: answer.IntentMineral, Question: strings.Repeat("q", 5000),
		Title: strings.Repeat("Title ", 100), Subtitle: long}
	for i := range 120 {
		a.Sections = append(a.Sections, answer.Section{Heading: "Section", Text: long,
			Items: strings.Fields(strings.Repeat("item ", 40)), Note: long})
		a.Related = append(a.Related, answer.Link{Title: "related"})
		a.Sources = append(a.Sources, knowledge.Source{URL: "https://example.org/" + strings.Repeat("x", i), Edition: "Edition"})
	}
	m := render(a, renderOptions{shareButton: true})
	checkLimits(t, m)
	last := m.Blocks[len(m.Blocks)-1]
	if _, ok := last.(*slack.ActionBlock); !ok {
		t.Errorf("the share button must survive the cut; last block is %T", last)
	}
	if !strings.Contains(blocksJSON(t, m), "more parts left out") {
		t.Error("a cut message must say that parts were left out")
	}
}

// blocksJSON is the blocks as Slack receives them, without Go's \u003c escaping (which
// would hide a raw "<" from the assertions).
func blocksJSON(t *testing.T, m Message) string {
	t.Helper()
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(m.Blocks); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestRenderEscapesEverything(t *testing.T) {
	evil := "<!channel> <!here> <@U1> <http://evil|x> & co"
	a := &answer.Answer{Intent: answer.IntentSearch, Question: evil, Title: evil, Subtitle: evil,
		Sections:   []answer.Section{{Heading: evil, Text: evil, Items: []string{evil}, Facts: []answer.Fact{{Label: evil, Value: evil}}, Note: evil}},
		DidYouMean: []string{evil},
		Related:    []answer.Link{{Title: evil}},
		Sources:    []knowledge.Source{{URL: "https://example.org/a>b", Edition: evil}}}
	m := render(a, renderOptions{shareButton: true})
	out := blocksJSON(t, m) + m.Text
	for _, bad := range []string{"<!channel>", "<!here>", "<@U1>", "<http://evil", "a>b|"} {
		if strings.Contains(out, bad) {
			t.Errorf("rendered message contains %q", bad)
		}
	}
	if !strings.Contains(out, "&amp; co") {
		t.Error("& must be escaped as &amp;")
	}
}

func TestStripMentions(t *testing.T) {
	if got := stripMentions("<@U1> who produces <@U2>zinc?"); got != " who produces zinc?" {
		t.Errorf("got %q", got)
	}
}

func TestSourcesNeverCutALink(t *testing.T) {
	var srcs []knowledge.Source
	for i := range 60 {
		srcs = append(srcs, knowledge.Source{URL: "https://example.org/a/long/path/" + strings.Repeat("x", i), Edition: "An edition with a long name"})
	}
	m := render(&answer.Answer{Intent: answer.IntentMineral, Title: "T", Sources: srcs}, renderOptions{})
	checkLimits(t, m)
	out := blocksJSON(t, m)
	if strings.Count(out, "<https://") != strings.Count(out, "|An edition with a long name>") {
		t.Errorf("a source link was cut: %s", out)
	}
	if !strings.Contains(out, "more") {
		t.Errorf("the sources left out are not counted: %s", out)
	}
}

// Words Slack may parse as mass mentions never go out whole, in any case.
func TestRenderDefusesMassMentions(t *testing.T) {
	for _, word := range []string{"@channel", "@here", "@everyone", "@Channel", "@HERE"} {
		a := &answer.Answer{Intent: answer.IntentCuration, Title: word, Sections: []answer.Section{{Items: []string{"“ping " + word + " now”"}}}}
		m := render(a, renderOptions{})
		out := blocksJSON(t, m) + m.Text
		if strings.Contains(strings.ToLower(out), strings.ToLower(word)) {
			t.Errorf("%s went out whole: %s", word, out)
		}
		if got := unesc(esc(word)); got != word {
			t.Errorf("unesc(esc(%q)) = %q", word, got)
		}
	}
}

func TestFallbackJoinsTitleAndFirstSection(t *testing.T) {
	for _, tt := range []struct {
		a    answer.Answer
		want string
	}{
		{answer.Answer{Title: "Sorry, I couldn't find that in the knowledge base.", Sections: []answer.Section{{Text: "Try a mineral."}}},
			"Sorry, I couldn't find that in the knowledge base. Try a mineral."},
		{answer.Answer{Title: "Antimony", Subtitle: "Sb", Sections: []answer.Section{{Text: "Used in flame retardants."}}},
			"Antimony (Sb): Used in flame retardants."},
	} {
		if got := fallback(&tt.a); got != tt.want {
			t.Errorf("fallback = %q, want %q", got, tt.want)
		}
	}
}
