package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/internal/slackfake"
	"github.com/mineralbot/mineralbot/knowledge"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// parseFrame gives the events slack-go's client gives for the same frames.
func TestParseFrame(t *testing.T) {
	for _, c := range []struct {
		name, frame string
		want        socketmode.EventType
		check       func(t *testing.T, evt socketmode.Event)
	}{
		{"hello", `{"type":"hello","num_connections":1}`, socketmode.EventTypeHello, nil},
		{"disconnect", `{"type":"disconnect","reason":"refresh_requested"}`, socketmode.EventTypeDisconnect, func(t *testing.T, evt socketmode.Event) {
			if evt.Request.Reason != "refresh_requested" {
				t.Errorf("reason %q", evt.Request.Reason)
			}
		}},
		{"slash command", `{"type":"slash_commands","envelope_id":"e1","accepts_response_payload":true,"payload":{"command":"/mineral","text":"antimony <!channel>","user_id":"U1","channel_id":"C1","response_url":"https://hooks/x"}}`,
			socketmode.EventTypeSlashCommand, func(t *testing.T, evt socketmode.Event) {
				cmd, err := evt.Data.(*slashPayload).command() // on the worker
				if err != nil || cmd.Text != "antimony <!channel>" || cmd.UserID != "U1" || cmd.ResponseURL != "https://hooks/x" || evt.Request.EnvelopeID != "e1" || !evt.Request.AcceptsResponsePayload {
					t.Errorf("%+v / %+v", cmd, evt.Request)
				}
			}},
		{"events api", `{"type":"events_api","envelope_id":"e2","retry_attempt":1,"payload":{"type":"event_callback","event_id":"Ev1","event":{"type":"app_mention","user":"U1","text":"hi","channel":"C1","ts":"1.2"}}}`,
			socketmode.EventTypeEventsAPI, func(t *testing.T, evt socketmode.Event) {
				ev := evt.Data.(slackevents.EventsAPIEvent)
				if m, ok := ev.InnerEvent.Data.(*slackevents.AppMentionEvent); !ok || m.Text != "hi" || evt.Request.RetryAttempt != 1 {
					t.Errorf("%+v", ev.InnerEvent.Data)
				}
			}},
		{"interactive", `{"type":"interactive","envelope_id":"e3","payload":{"type":"block_actions","user":{"id":"U1"},"actions":[{"type":"button","block_id":"b1","action_id":"share","value":"v"}]}}`,
			socketmode.EventTypeInteractive, func(t *testing.T, evt socketmode.Event) {
				cb := evt.Data.(slack.InteractionCallback)
				if cb.Type != slack.InteractionTypeBlockActions || len(cb.ActionCallback.BlockActions) != 1 {
					t.Errorf("%+v", cb.ActionCallback)
				}
			}},
		{"unknown type", `{"type":"mystery","envelope_id":"e4","payload":{}}`, eventTypeUnknown, func(t *testing.T, evt socketmode.Event) {
			if evt.Request.Type != "mystery" || evt.Request.EnvelopeID != "e4" {
				t.Errorf("%+v", evt.Request)
			}
		}},
		{"a type that names an event", `{"type":"connected","envelope_id":"e5"}`, eventTypeUnknown, nil},
		{"not json", `{"type":"slash_comm`, socketmode.EventTypeErrorBadMessage, nil},
		{"payload of the wrong shape", `{"type":"interactive","envelope_id":"e6","payload":"not an object"}`, socketmode.EventTypeErrorBadMessage, func(t *testing.T, evt socketmode.Event) {
			if bad := evt.Data.(*socketmode.ErrorBadMessage); envelopeID(bad.Message) != "e6" {
				t.Errorf("the bad frame's envelope id is lost: %s", bad.Message)
			}
		}},
		{"slash command payload of the wrong shape", `{"type":"slash_commands","envelope_id":"e7","payload":"not an object"}`, socketmode.EventTypeSlashCommand, func(t *testing.T, evt socketmode.Event) {
			// Acked by the reading goroutine; its worker finds it unreadable.
			if _, err := evt.Data.(*slashPayload).command(); err == nil || evt.Request.EnvelopeID != "e7" {
				t.Errorf("decoded %q without an error", evt.Data)
			}
		}},
		{"nested 20,000 deep", `{"type":"events_api","envelope_id":"e8","payload":` + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + `}`,
			socketmode.EventTypeErrorBadMessage, func(t *testing.T, evt socketmode.Event) {
				if bad := evt.Data.(*socketmode.ErrorBadMessage); envelopeID(bad.Message) != "e8" {
					t.Errorf("the deep frame's envelope id is lost")
				}
			}},
		{"no type", `{"envelope_id":"e9","payload":{}}`, eventTypeUnknown, nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			evt := parseFrame([]byte(c.frame))
			if evt.Type != c.want {
				t.Fatalf("type %q, want %q (data %v)", evt.Type, c.want, evt.Data)
			}
			if c.check != nil {
				c.check(t, evt)
			}
		})
	}
}

func BenchmarkParseFrame(b *testing.B) {
	frame := []byte(`{"type":"slash_commands","envelope_id":"env-slash-12","payload":{"command":"/mineral","text":"who produces graphite?","user_id":"UB","user_name":"UB","channel_id":"CB","team_id":"TFAKE","response_url":"https://hooks.slack.com/commands/T0/12/abc","trigger_id":"trig"},"accepts_response_payload":true}`)
	b.ReportAllocs()
	for b.Loop() {
		parseFrame(frame)
	}
}

// runBot runs a bot (with the panicky answerer unless cfg names one) against a Slack
// stand-in until the test ends, or until stop, which returns what Run returned.
func runBot(t *testing.T, fake *slackfake.Server, cfg Config) (stop func() error) {
	t.Helper()
	cfg.BotToken, cfg.AppToken, cfg.APIURL = slackfake.BotToken, slackfake.AppToken, fake.APIURL()
	if cfg.Answerer == nil {
		cfg.Answerer = panicky{}
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Queue == 0 {
		// As the configured bot has: a request sent the moment the previous reply arrives
		// may find the worker still finishing that job.
		cfg.Queue = 10
	}
	b, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- b.Run(ctx) }()
	var once sync.Once
	var runErr error
	stop = func() error {
		once.Do(func() { cancel(); runErr = <-done })
		return runErr
	}
	t.Cleanup(func() { stop() })
	if err := fake.WaitConnected(1, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	return stop
}

// A socket over which Slack has gone silent (no pings, no frames, never closed) is replaced,
// and the bot answers on the new one.
func TestSilentSocketIsReplaced(t *testing.T) {
	fake := slackfake.New()
	defer fake.Close()
	runBot(t, fake, Config{PingInterval: 300 * time.Millisecond, AckBudget: 2 * time.Second})
	fake.Silence()
	if err := fake.WaitConnected(2, 10*time.Second); err != nil {
		t.Fatalf("the silent socket was kept: %v", err)
	}
	env, _, err := fake.SendSlashCommand(slackfake.SlashCommand{Text: "antimony", User: "U1", Channel: "C1"})
	if err != nil {
		t.Fatal(err)
	}
	ack, err := fake.WaitAck(env, 10*time.Second)
	if err != nil || !strings.Contains(string(ack.Payload), "An answer about antimony") {
		t.Errorf("on the new socket: %s, %v", ack.Payload, err)
	}
}

// Events whose handling calls a slow Slack (the App Home's views.publish) do not hold up the
// acks and answers of the envelopes behind them.
func TestSlowSlackCallsHoldUpNothingElse(t *testing.T) {
	fake := slackfake.New()
	defer fake.Close()
	fake.Slow("views.publish", 2*time.Second)
	runBot(t, fake, Config{AckBudget: 2 * time.Second})
	if _, err := fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "app_home_opened", "user": "U9", "tab": "home",
		"channel": "D9", "event_ts": "1700000000.1"}}); err != nil {
		t.Fatal(err)
	}
	env, _, err := fake.SendSlashCommand(slackfake.SlashCommand{Text: "antimony", User: "U1", Channel: "C1"})
	if err != nil {
		t.Fatal(err)
	}
	ack, err := fake.WaitAck(env, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(fake.PublishedViews()); n != 0 {
		t.Fatalf("the command was acked only after %d App Home publish (views.publish takes 2 s)", n)
	}
	if !strings.Contains(string(ack.Payload), "An answer about antimony") {
		t.Errorf("the command's ack: %s", ack.Payload)
	}
	// Nor do they hold up the answering of the events behind them: a DM is answered while
	// the App Home is still being published.
	if _, err := fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "message", "channel_type": "im",
		"user": "U7", "text": "silver", "channel": "D7", "ts": "1700000000.2"}}); err != nil {
		t.Fatal(err)
	}
	if err := fake.WaitFor(10*time.Second, func(posts []slackfake.Post, _ []slackfake.Ack) bool {
		for _, p := range posts {
			if p.Channel == "D7" {
				return true
			}
		}
		return false
	}); err != nil {
		t.Fatal(err)
	}
	if n := len(fake.PublishedViews()); n != 0 {
		t.Errorf("the DM was answered only after %d App Home publish (views.publish takes 2 s)", n)
	}
}

// slowAnswerer takes a while over questions that start with "slow".
type slowAnswerer struct{ panicky }

func (s slowAnswerer) Ask(ctx context.Context, q string, lang answer.Lang) (*answer.Answer, error) {
	if strings.HasPrefix(q, "slow") {
		time.Sleep(300 * time.Millisecond)
	}
	return s.panicky.Ask(ctx, q, lang)
}

// On shutdown, the commands being answered are answered: through the ack while the socket
// lasts, by response_url after it has gone, before Run returns.
func TestShutdownDeliversRepliesInFlight(t *testing.T) {
	fake := slackfake.New()
	defer fake.Close()
	stop := runBot(t, fake, Config{Answerer: slowAnswerer{}, Workers: 1, Queue: 10, AckBudget: 2 * time.Second,
		ShutdownGrace: 10 * time.Second})
	// The first is answered at once (its reply would ride in its ack), the others queue.
	envs := map[string]string{} // envelope → response_url path
	var order []string
	for i := range 3 {
		env, url, err := fake.SendSlashCommand(slackfake.SlashCommand{Text: fmt.Sprintf("slow %d", i), User: "U1", Channel: "C1"})
		if err != nil {
			t.Fatal(err)
		}
		envs[env] = url[strings.Index(url, "/response/"):]
		order = append(order, env)
	}
	for _, env := range order[1:] {
		if _, err := fake.WaitAck(env, 10*time.Second); err != nil {
			t.Fatal(err)
		}
	}
	// The first is still being answered; the socket closes now.
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	answered := map[string]bool{}
	for _, a := range fake.Acks() {
		if strings.Contains(string(a.Payload), "An answer about slow") {
			answered[a.EnvelopeID] = true
		}
	}
	for _, p := range fake.Posts() {
		for env, path := range envs {
			if p.ResponseURL == path && strings.Contains(p.Text+string(p.Blocks), "An answer about slow") {
				answered[env] = true
			}
		}
	}
	for env := range envs {
		if !answered[env] {
			t.Errorf("%s was not answered by the time Run returned", env)
		}
	}
}

// logBuffer collects log output across goroutines.
type logBuffer struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.Write(p)
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.buf.String()
}

// A disconnect that a new socket would meet again (too many sockets, Socket Mode turned off)
// is logged as an error that says what to do, and the bot tries again later.
func TestLastingDisconnectIsExplained(t *testing.T) {
	fake := slackfake.New()
	defer fake.Close()
	logs := &logBuffer{}
	runBot(t, fake, Config{Logger: slog.New(slog.NewTextHandler(logs, nil)), AckBudget: 2 * time.Second})
	if err := fake.Disconnect("too_many_websockets"); err != nil {
		t.Fatal(err)
	}
	if err := fake.WaitConnected(2, 10*time.Second); err != nil {
		t.Fatalf("no new socket after the disconnect: %v", err)
	}
	if out := logs.String(); !strings.Contains(out, "level=ERROR") || !strings.Contains(out, "already has Slack's 10 connections") {
		t.Errorf("the disconnect is not explained:\n%s", out)
	}
}

// No frame, however malformed, panics the reading goroutine: it becomes an event.
func FuzzParseFrame(f *testing.F) {
	for _, seed := range []string{
		`{"type":"hello","num_connections":1}`,
		`{"type":"slash_commands","envelope_id":"e1","accepts_response_payload":true,"payload":{"command":"/mineral","text":"x","is_enterprise_install":"true"}}`,
		`{"type":"events_api","envelope_id":"e2","payload":{"type":"event_callback","event":{"type":"message","channel_type":"im","text":"hi"}}}`,
		`{"type":"events_api","envelope_id":"e3","payload":{"type":"event_callback","event":{"type":"app_home_opened"}}}`,
		`{"type":"interactive","envelope_id":"e4","payload":{"type":"block_actions","actions":[{"type":"button","action_id":"a"}]}}`,
		`{"type":"interactive","envelope_id":"e5","payload":{"type":"view_submission","view":{"state":{"values":{}}}}}`,
		`{"type":"disconnect","reason":"warning"}`,
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, frame []byte) {
		evt := parseFrame(frame)
		if evt.Type == "" {
			t.Errorf("no event type for %q", frame)
		}
		if evt.Type != socketmode.EventTypeErrorBadMessage && evt.Request == nil {
			t.Errorf("%s without its request for %q", evt.Type, frame)
		}
	})
}

// boomLookup panics when a picker is asked for "boom".
type boomLookup struct{ panicky }

func (boomLookup) Lookup(typed string, _ knowledge.Kind, _ answer.Lang, _ int) []answer.Option {
	if typed == "boom" {
		panic("a bug in the picker")
	}
	return []answer.Option{{Ref: knowledge.Ref{Kind: knowledge.KindMineral, ID: "antimony"}, Label: "Antimony"}}
}

// DetectLanguage cannot tell what a picker's few letters are in: the typist's locale decides.
func (boomLookup) DetectLanguage(text string) (answer.Lang, bool) {
	if text == "anti" || text == "boom" {
		return "", false
	}
	return answer.English, true
}

// A picker's options are looked up off the socket's reading goroutine: a slow users.info (for
// the typist's locale) holds up no other envelope, and a panic there is recovered and counted.
func TestPickerOptionsOffTheReadingGoroutine(t *testing.T) {
	fake := slackfake.New()
	defer fake.Close()
	fake.Slow("users.info", 2*time.Second)
	obs := countingObserver{panics: make(chan struct{}, 4)}
	runBot(t, fake, Config{Answerer: boomLookup{}, Observer: obs, AckBudget: 2 * time.Second, Language: answer.English})
	picker, err := fake.SendBlockSuggestion("U5", actionPickMineral, "anti")
	if err != nil {
		t.Fatal(err)
	}
	boom, err := fake.SendBlockSuggestion("U6", actionPickMineral, "boom")
	if err != nil {
		t.Fatal(err)
	}
	env, _, err := fake.SendSlashCommand(slackfake.SlashCommand{Text: "antimony", User: "U1", Channel: "C1"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := fake.WaitAck(env, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	for _, a := range fake.Acks() {
		if a.EnvelopeID == picker {
			t.Fatalf("the slash command was acked after the picker's options, which wait 2 s for users.info")
		}
	}
	ack, err := fake.WaitAck(picker, 10*time.Second)
	if err != nil || !strings.Contains(string(ack.Payload), "Antimony") {
		t.Errorf("the picker's options: %s, %v", ack.Payload, err)
	}
	select {
	case <-obs.panics:
	case <-time.After(10 * time.Second):
		t.Errorf("the picker's panic (envelope %s) was not counted", boom)
	}
}

// An App Home whose views.publish hangs gives up within its budget: the events goroutine
// that builds it is not held for as long as Slack likes.
func TestHungPublishIsCutOff(t *testing.T) {
	defer func(old time.Duration) { homeBudget = old }(homeBudget)
	homeBudget = 300 * time.Millisecond
	fake := slackfake.New()
	defer fake.Close()
	fake.Slow("views.publish", 3*time.Second) // succeeds, if waited for
	logs := &logBuffer{}
	runBot(t, fake, Config{Logger: slog.New(slog.NewTextHandler(logs, nil)), AckBudget: 2 * time.Second})
	if _, err := fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "app_home_opened", "user": "U9", "tab": "home",
		"channel": "D9", "event_ts": "1700000000.1"}}); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(logs.String(), "publishing the App Home failed") {
		if time.Now().After(deadline) {
			t.Fatalf("views.publish was still waited for after 5 s (budget %s):\n%s", homeBudget, logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// On shutdown, a conversation's messages still waiting for their turn are answered, in
// order, before Run returns.
func TestShutdownDeliversAConversationInFlight(t *testing.T) {
	fake := slackfake.New()
	defer fake.Close()
	fake.Slow("chat.postMessage", 100*time.Millisecond)
	stop := runBot(t, fake, Config{Answerer: slowAnswerer{}, Workers: 1, ShutdownGrace: 10 * time.Second})
	const n = 4
	for i := range n {
		if _, err := fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "message", "channel_type": "im",
			"user": "U1", "text": fmt.Sprintf("slow %d", i), "channel": "DSTOP", "ts": fmt.Sprintf("1700000000.%06d", i)}}); err != nil {
			t.Fatal(err)
		}
	}
	// All four are acked, and the first is being answered; the rest wait for their turn.
	if err := fake.WaitFor(5*time.Second, func(_ []slackfake.Post, acks []slackfake.Ack) bool { return len(acks) >= n }); err != nil {
		t.Fatal(err)
	}
	if err := stop(); err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range fake.Posts() {
		if p.Channel == "DSTOP" {
			got = append(got, p.Text)
		}
	}
	if len(got) != n {
		t.Fatalf("%d of %d messages answered by the time Run returned: %q", len(got), n, got)
	}
	for i, text := range got {
		if want := fmt.Sprintf("An answer about slow %d", i); !strings.Contains(text, want) {
			t.Errorf("reply %d is %q, want %q", i+1, text, want)
		}
	}
}
