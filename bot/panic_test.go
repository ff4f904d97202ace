package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/internal/slackfake"
	"github.com/mineralbot/mineralbot/knowledge"
)

// panicky answers every question but one, on which it panics.
type panicky struct{}

func (panicky) Ask(_ context.Context, q string, lang answer.Lang) (*answer.Answer, error) {
	if q == "boom" {
		panic("a bug in answering")
	}
	return &answer.Answer{Intent: answer.IntentMineral, Title: "Antimony", Headline: "An answer about " + q, Lang: lang}, nil
}
func (panicky) Card(r knowledge.Ref, _ string, lang answer.Lang) *answer.Answer {
	return &answer.Answer{Intent: answer.IntentMineral, Title: r.ID, Lang: lang}
}
func (panicky) DetectLanguage(string) (answer.Lang, bool) { return answer.English, true }
func (panicky) Home(lang answer.Lang, _ answer.Audience) *answer.Answer {
	return &answer.Answer{Intent: answer.IntentHome, Title: "Home", Headline: "Home", Lang: lang}
}
func (panicky) Lookup(string, knowledge.Kind, answer.Lang, int) []answer.Option { return nil }
func (panicky) Help(lang answer.Lang, _ answer.Audience) *answer.Answer {
	return &answer.Answer{Intent: answer.IntentHelp, Title: "Help", Lang: lang}
}
func (p panicky) AskAfter(ctx context.Context, q string, lang answer.Lang, _ answer.Query) (*answer.Answer, error) {
	return p.Ask(ctx, q, lang)
}

type countingObserver struct {
	nopObserver
	panics chan struct{}
}

func (o countingObserver) Panic() { o.panics <- struct{}{} }

// A question whose answering panics gets an apology, the panic is logged and counted, and the
// bot goes on answering.
func TestPanicIsRecovered(t *testing.T) {
	fake := slackfake.New()
	defer fake.Close()
	obs := countingObserver{panics: make(chan struct{}, 4)}
	runBot(t, fake, Config{Observer: obs, AckBudget: 2 * time.Second})
	for _, tc := range []struct{ q, want string }{
		{"boom", "Sorry, something went wrong while answering"},
		{"antimony", "An answer about antimony"},
	} {
		env, _, err := fake.SendSlashCommand(slackfake.SlashCommand{Text: tc.q, User: "U1", Channel: "C1"})
		if err != nil {
			t.Fatal(err)
		}
		ack, err := fake.WaitAck(env, 10*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(ack.Payload), tc.want) {
			t.Errorf("/mineral %s: %s, want %q", tc.q, ack.Payload, tc.want)
		}
	}
	select {
	case <-obs.panics:
	default:
		t.Error("the panic was not counted")
	}
}
