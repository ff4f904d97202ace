package main

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mineralbot/mineralbot/bot"
	"github.com/mineralbot/mineralbot/internal/slackfake"
)

// syncBuffer is a bytes.Buffer safe for the logger and the test to share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// liveBot is `mineralbot run` running against a Slack stand-in.
type liveBot struct {
	fake *slackfake.Server
	logs *syncBuffer
	stop context.CancelFunc
	done chan int
}

// startBot runs the real program, as main would, against a fresh stand-in.
func startBot(t testing.TB, extraEnv map[string]string) *liveBot {
	t.Helper()
	fake := slackfake.New()
	env := map[string]string{
		"SLACK_BOT_TOKEN":      slackfake.BotToken,
		"SLACK_APP_TOKEN":      slackfake.AppToken,
		"SLACK_API_URL":        fake.APIURL(),
		"MINERALBOT_LOG_LEVEL": "debug",
		"MINERALBOT_HTTP_ADDR": "127.0.0.1:0",
		"MINERALBOT_DATA_DIR":  t.TempDir(),
		// A generous budget, so that replies usually ride in the ack. Tests read them
		// wherever they were sent (slackfake's WaitReply); TEST_ACK_BUDGET=1us sends every
		// one to its response_url, to check that they do.
		"MINERALBOT_BOT_ACK_BUDGET": cmp.Or(os.Getenv("TEST_ACK_BUDGET"), "2s"),
	}
	for k, v := range extraEnv {
		env[k] = v
	}
	ctx, cancel := context.WithCancel(context.Background())
	lb := &liveBot{fake: fake, logs: &syncBuffer{}, stop: cancel, done: make(chan int, 1)}
	go func() {
		lb.done <- run(ctx, []string{"mineralbot", "run"}, func(k string) string { return env[k] }, lb.logs, lb.logs)
	}()
	t.Cleanup(func() {
		cancel()
		select {
		case <-lb.done:
		case <-time.After(15 * time.Second):
			t.Error("bot did not stop within 15s of cancel")
		}
		fake.Close()
		if t.Failed() {
			t.Logf("bot logs:\n%s", lb.logs.String())
		}
	})
	if err := fake.WaitConnected(1, 10*time.Second); err != nil {
		t.Fatalf("%v\nlogs:\n%s", err, lb.logs.String())
	}
	return lb
}

// postsTo returns the posts in a channel.
func postsTo(posts []slackfake.Post, channel string) []slackfake.Post {
	var out []slackfake.Post
	for _, p := range posts {
		if p.Channel == channel {
			out = append(out, p)
		}
	}
	return out
}

func waitPosts(t *testing.T, fake *slackfake.Server, channel string, n int) []slackfake.Post {
	t.Helper()
	var got []slackfake.Post
	err := fake.WaitFor(10*time.Second, func(posts []slackfake.Post, _ []slackfake.Ack) bool {
		got = postsTo(posts, channel)
		return len(got) >= n
	})
	if err != nil {
		t.Fatalf("want %d post(s) in %s, got %d: %v", n, channel, len(got), err)
	}
	return got
}

// ackReply decodes a slash command's ack payload.
type ackReply struct {
	ResponseType string            `json:"response_type"`
	Text         string            `json:"text"`
	Blocks       []json.RawMessage `json:"blocks"`
}

// slackAckDeadline is Slack's: an envelope not acked by then is delivered again.
const slackAckDeadline = 3 * time.Second

func TestSlashCommand(t *testing.T) {
	lb := startBot(t, nil)
	env, url, err := lb.fake.SendSlashCommand(slackfake.SlashCommand{Text: "antimony", User: "U1", Channel: "C1"})
	if err != nil {
		t.Fatal(err)
	}
	reply, err := lb.fake.WaitReply(env, url, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if d, _ := lb.fake.AckLatency(env); d >= slackAckDeadline {
		t.Errorf("acked after %s, past Slack's deadline", d)
	}
	var r ackReply
	if err := json.Unmarshal(reply, &r); err != nil {
		t.Fatalf("reply %s: %v", reply, err)
	}
	if r.ResponseType != "ephemeral" {
		t.Errorf("response_type %q, want ephemeral", r.ResponseType)
	}
	blocks := string(reply)
	if !strings.HasPrefix(r.Text, "China accounted for 36% of world mine production of antimony in 2025e (USGS MCS 2026).") {
		t.Errorf("the reply's text does not start with the headline: %q", r.Text)
	}
	for _, want := range []string{"Top producers", "full_card", "Full card", "share_answer", "Share in channel", "mcs2026-antimony.pdf"} {
		if !strings.Contains(blocks, want) {
			t.Errorf("reply lacks %q: %s", want, blocks)
		}
	}
	if len(r.Blocks) == 0 || len(r.Blocks) > 50 || r.Text == "" {
		t.Errorf("%d blocks and fallback %q: want 1-50 blocks and a fallback text", len(r.Blocks), r.Text)
	}

	t.Run("help is ephemeral", func(t *testing.T) {
		env, url, _ := lb.fake.SendSlashCommand(slackfake.SlashCommand{Text: "", User: "U1", Channel: "C1"})
		reply, err := lb.fake.WaitReply(env, url, 5*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		if p := string(reply); !strings.Contains(p, `"response_type":"ephemeral"`) || !strings.Contains(p, "compare \\u0026lt;a\\u0026gt;") ||
			!strings.Contains(p, "/mineral digest subscribe") || strings.Contains(p, "/mineral curate") {
			t.Errorf("help: %s", reply)
		}
	})

	t.Run("share in channel", func(t *testing.T) {
		_, url, err := lb.fake.SendBlockAction("U1", "C1", "share_answer", "antimony")
		if err != nil {
			t.Fatal(err)
		}
		err = lb.fake.WaitFor(10*time.Second, func(posts []slackfake.Post, _ []slackfake.Ack) bool {
			for _, p := range posts {
				if strings.HasSuffix(url, p.ResponseURL) && p.ResponseType == "in_channel" && p.Delete && strings.HasPrefix(p.Text, "China accounted for 36%") {
					return strings.Contains(string(p.Blocks), "Shared by")
				}
			}
			return false
		})
		if err != nil {
			t.Fatalf("no in_channel re-post: %v (posts %+v)", err, lb.fake.Posts())
		}
	})
	t.Run("full card", func(t *testing.T) {
		_, url, err := lb.fake.SendBlockAction("U1", "C1", "full_card", "en|mineral|antimony")
		if err != nil {
			t.Fatal(err)
		}
		var card string
		err = lb.fake.WaitFor(10*time.Second, func(posts []slackfake.Post, _ []slackfake.Ack) bool {
			for _, p := range posts {
				if strings.HasSuffix(url, p.ResponseURL) && p.ResponseType == "ephemeral" {
					card = string(p.Blocks)
					return true
				}
			}
			return false
		})
		if err != nil {
			t.Fatalf("no full card: %v", err)
		}
		for _, want := range []string{`"type":"header"`, "Antimony (Sb)", "Main uses", "Top producers", `"type":"data_visualization"`, `"type":"pie"`, "Rest of the world", "Largest producer", "Reserves", "Critical lists", "Policy"} {
			if !strings.Contains(card, want) {
				t.Errorf("the full card lacks %q: %s", want, card)
			}
		}
	})
}

var slackLink = regexp.MustCompile(`<[^|>]*\|([^>]*)>`)

// replyLines counts the lines of text a Slack reply shows before its buttons, the way a chat
// window shows them: every line of a section or context block, and a line per 100
// characters of a long one.
func replyLines(t *testing.T, blocks []json.RawMessage) (lines int, first string, buttons []string) {
	t.Helper()
	for _, raw := range blocks {
		var b struct {
			Type     string                `json:"type"`
			Text     struct{ Text string } `json:"text"`
			Elements []struct {
				Text     json.RawMessage `json:"text"`
				ActionID string          `json:"action_id"`
			} `json:"elements"`
		}
		if err := json.Unmarshal(raw, &b); err != nil {
			t.Fatal(err)
		}
		var texts []string
		switch b.Type {
		case "section", "header":
			texts = append(texts, b.Text.Text)
		case "context":
			for _, el := range b.Elements {
				var s string
				json.Unmarshal(el.Text, &s)
				texts = append(texts, s)
			}
		case "actions":
			for _, el := range b.Elements {
				buttons = append(buttons, el.ActionID)
			}
		}
		for _, txt := range texts {
			txt = slackLink.ReplaceAllString(txt, "$1") // a link shows its label
			if first == "" {
				first = txt
			}
			for _, line := range strings.Split(txt, "\n") {
				lines += 1 + len([]rune(line))/100
			}
		}
	}
	return lines, first, buttons
}

// blocksOf splits a message's blocks, as posted, into one raw message per block.
func blocksOf(t *testing.T, raw json.RawMessage) []json.RawMessage {
	t.Helper()
	var blocks []json.RawMessage
	if len(raw) > 0 {
		if err := json.Unmarshal(raw, &blocks); err != nil {
			t.Fatalf("blocks %s: %v", raw, err)
		}
	}
	return blocks
}

// Every reply fits on one screen: the headline first, at most 15 lines of text before its
// buttons, and the full card one click away.
func TestRepliesFitOneScreen(t *testing.T) {
	lb := startBot(t, nil)
	for _, tt := range []struct{ question, headline string }{
		{"antimony", "China accounted for 36% of world mine production of antimony"},
		{"mexico", "Mexico is the world's largest producer of silver"},
		{"what does Peru produce", "Peru is the world's largest producer of arsenic"},
		{"who produces rare earths", "China accounted for 69% of world mine production of rare-earth elements"},
		{"lithium reserves by country", "Chile holds the largest lithium reserves"},
		{"how dominant is China", "China is the world's largest producer of gallium"},
		{"compare antimony tungsten gallium germanium cobalt lithium", "Top producer's share of world output"},
		{"fluorspar in Mexico", "Mexico ranked #2 of 12 (tied with Mongolia)"},
		{"zinc import reliance", "The U.S. relied on net imports for 73% of its apparent consumption of refined zinc"},
		{"price of silver", "USGS's annual average for silver"},
		{"how has antimony changed", "World mine production of antimony went from 119,000 in 2024 to 110,000 in 2025e"},
		{"china rare earth export controls", "Due to end 10 Nov 2026: On 7 November 2025"},
		{"which minerals is the US fully import-reliant on", "The U.S. was 100% net import reliant for 11 minerals"},
		{"list eu", "EU CRMA critical raw materials (Annex II): 34 items."},
	} {
		env, url, err := lb.fake.SendSlashCommand(slackfake.SlashCommand{Text: tt.question, User: "U1", Channel: "C1"})
		if err != nil {
			t.Fatal(err)
		}
		// The reply rides in the ack when it is ready within the ack budget, else it is
		// posted to the response_url (on a busy machine, as while the search index still
		// builds): the user sees the same message either way.
		reply, err := lb.fake.WaitReply(env, url, 10*time.Second)
		if err != nil {
			t.Fatalf("%q: %v", tt.question, err)
		}
		var r ackReply
		if err := json.Unmarshal(reply, &r); err != nil {
			t.Fatalf("%s: %v", reply, err)
		}
		lines, first, buttons := replyLines(t, r.Blocks)
		if !strings.HasPrefix(first, tt.headline) {
			t.Errorf("%q: the reply starts %q, want the headline %q", tt.question, first, tt.headline)
		}
		if lines > 15 {
			t.Errorf("%q: %d lines of text before the buttons, want at most 15:\n%s", tt.question, lines, plainJSON(t, reply))
		}
		if !slices.Contains(buttons, "share_answer") || !slices.Contains(buttons, "feedback_up") || !slices.Contains(buttons, "feedback_down") {
			t.Errorf("%q: buttons %v, want share and feedback", tt.question, buttons)
		}
	}
}

func TestMentionsAndDMs(t *testing.T) {
	lb := startBot(t, nil)
	mention := func(channel, ts, thread, text string) map[string]any {
		ev := map[string]any{"type": "app_mention", "user": "U2", "text": text, "channel": channel, "ts": ts, "event_ts": ts}
		if thread != "" {
			ev["thread_ts"] = thread
		}
		return ev
	}

	t.Run("mention is answered in a thread, once", func(t *testing.T) {
		text := "<@" + slackfake.BotUser + "> who produces fluorspar?"
		if _, err := lb.fake.SendEvent(slackfake.Event{Inner: mention("CM1", "1700000000.000100", "", text)}); err != nil {
			t.Fatal(err)
		}
		// The same mention also arrives as a channel message event: not answered again.
		lb.fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "message", "channel_type": "channel",
			"user": "U2", "text": text, "channel": "CM1", "ts": "1700000000.000100"}})
		posts := waitPosts(t, lb.fake, "CM1", 1)
		if posts[0].ThreadTS != "1700000000.000100" {
			t.Errorf("thread_ts %q, want the mention's ts", posts[0].ThreadTS)
		}
		if !strings.HasPrefix(posts[0].Text, "China accounted for 59% of world mine production of fluorspar") {
			t.Errorf("reply is not about fluorspar's producers: %s", posts[0].Blocks)
		}
		time.Sleep(300 * time.Millisecond) // give a wrong second reply the chance to show
		if n := len(postsTo(lb.fake.Posts(), "CM1")); n != 1 {
			t.Errorf("%d replies, want 1", n)
		}
	})

	t.Run("mention inside a thread is answered in that thread", func(t *testing.T) {
		lb.fake.SendEvent(slackfake.Event{Inner: mention("CM2", "1700000001.000200", "1700000000.000001", "<@"+slackfake.BotUser+"> plata")})
		posts := waitPosts(t, lb.fake, "CM2", 1)
		if posts[0].ThreadTS != "1700000000.000001" {
			t.Errorf("thread_ts %q, want the thread's", posts[0].ThreadTS)
		}
	})

	t.Run("DM is answered in the DM", func(t *testing.T) {
		lb.fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "message", "channel_type": "im",
			"user": "U3", "text": "¿qué es el antimonio?", "channel": "D1", "ts": "1700000002.000300"}})
		posts := waitPosts(t, lb.fake, "D1", 1)
		if posts[0].ThreadTS != "" || !strings.HasPrefix(posts[0].Text, "El antimonio es") {
			t.Errorf("DM reply %+v", posts[0])
		}
	})

	t.Run("bots, own messages and subtypes are ignored", func(t *testing.T) {
		ignored := []map[string]any{
			{"type": "message", "channel_type": "im", "user": "U9", "bot_id": "B9", "text": "antimony", "channel": "D9", "ts": "1.1"},
			{"type": "message", "channel_type": "im", "user": slackfake.BotUser, "text": "antimony", "channel": "D9", "ts": "1.2"},
			{"type": "message", "channel_type": "im", "subtype": "message_changed", "user": "U3", "text": "antimony", "channel": "D9", "ts": "1.3"},
			{"type": "message", "channel_type": "im", "subtype": "channel_join", "user": "U3", "text": "joined", "channel": "D9", "ts": "1.4"},
			{"type": "app_mention", "user": "U9", "bot_id": "B9", "text": "<@" + slackfake.BotUser + "> hi", "channel": "D9", "ts": "1.5"},
		}
		for _, ev := range ignored {
			lb.fake.SendEvent(slackfake.Event{Inner: ev})
		}
		// A real DM after them: once it is answered, the ignored ones had their chance.
		lb.fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "message", "channel_type": "im",
			"user": "U3", "text": "silver", "channel": "D9", "ts": "1.6"}})
		waitPosts(t, lb.fake, "D9", 1)
		time.Sleep(300 * time.Millisecond)
		if posts := postsTo(lb.fake.Posts(), "D9"); len(posts) != 1 {
			t.Errorf("%d replies in D9, want only the answer to the real DM", len(posts))
		}
	})

	t.Run("redelivered event is answered once", func(t *testing.T) {
		ev := map[string]any{"type": "message", "channel_type": "im", "user": "U4", "text": "zinc", "channel": "D4", "ts": "1700000004.000400"}
		lb.fake.SendEvent(slackfake.Event{EventID: "EvSAME", Inner: ev})
		lb.fake.SendEvent(slackfake.Event{EventID: "EvSAME", RetryAttempt: 1, Inner: ev})
		lb.fake.SendEvent(slackfake.Event{EventID: "EvSAME", RetryAttempt: 2, Inner: ev})
		waitPosts(t, lb.fake, "D4", 1)
		time.Sleep(300 * time.Millisecond)
		if n := len(postsTo(lb.fake.Posts(), "D4")); n != 1 {
			t.Errorf("%d replies, want 1", n)
		}
	})
}

// Nothing a user types is echoed back able to ping a channel or disguise a link.
func TestInjectionIsEscaped(t *testing.T) {
	lb := startBot(t, nil)
	evil := "<!channel> <!here> <!everyone> <@U0ADMIN> <http://evil.example|click me> antimony"
	env, url, _ := lb.fake.SendSlashCommand(slackfake.SlashCommand{Text: evil, User: "U1", Channel: "C1"})
	lb.fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "message", "channel_type": "im",
		"user": "U5", "text": evil, "channel": "D5", "ts": "1700000005.000500"}})
	lb.fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "message", "channel_type": "im",
		"user": "U5", "text": strings.Repeat("<!channel> junk ", 250), "channel": "D6", "ts": "1700000005.000600"}})
	reply, err := lb.fake.WaitReply(env, url, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	dm := waitPosts(t, lb.fake, "D5", 1)[0]
	junk := waitPosts(t, lb.fake, "D6", 1)[0]
	for name, out := range map[string]string{"slash reply": plainJSON(t, reply), "DM blocks": plainJSON(t, dm.Blocks),
		"DM text": dm.Text, "junk blocks": string(junk.Blocks), "junk text": junk.Text} {
		for _, bad := range []string{"<!channel>", "<!here>", "<!everyone>", "<@U0ADMIN>", "<http://evil"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s contains %q", name, bad)
			}
		}
	}
}

// plainJSON re-encodes JSON without Go's \u003c escaping, so that a raw "<" shows as itself.
func plainJSON(t *testing.T, raw json.RawMessage) string {
	t.Helper()
	var v any
	if err := json.Unmarshal(raw, &v); err != nil {
		t.Fatalf("%v: %s", err, raw)
	}
	var b strings.Builder
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestRateLimitedPostIsDelivered(t *testing.T) {
	lb := startBot(t, nil)
	lb.fake.RateLimit("chat.postMessage", 2, 1)
	lb.fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "message", "channel_type": "im",
		"user": "U6", "text": "graphite", "channel": "D7", "ts": "1700000007.000700"}})
	posts := waitPosts(t, lb.fake, "D7", 1)
	if !strings.Contains(posts[0].Text, "graphite") {
		t.Errorf("reply %s", posts[0].Blocks)
	}
	if !strings.Contains(lb.logs.String(), "slack rate limit") {
		t.Errorf("429s were not logged")
	}
}

func TestReconnects(t *testing.T) {
	lb := startBot(t, nil)
	ask := func(channel string) {
		t.Helper()
		lb.fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "message", "channel_type": "im",
			"user": "U7", "text": "copper", "channel": channel, "ts": "1700000008." + channel}})
		waitPosts(t, lb.fake, channel, 1)
	}
	if err := lb.fake.Disconnect("refresh_requested"); err != nil {
		t.Fatal(err)
	}
	if err := lb.fake.WaitConnected(2, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	ask("DR1")
	lb.fake.DropSocket()
	if err := lb.fake.WaitConnected(3, 10*time.Second); err != nil {
		t.Fatal(err)
	}
	ask("DR2")
}

func TestBurstOf200SlashCommands(t *testing.T) {
	lb := startBot(t, nil)
	const n = 200
	envs := make([]string, n)
	urls := make(map[string]bool, n)
	for i := range n {
		env, url, err := lb.fake.SendSlashCommand(slackfake.SlashCommand{Text: []string{"antimony", "silver", "who produces graphite", "mexico"}[i%4], User: "U8", Channel: "CB"})
		if err != nil {
			t.Fatal(err)
		}
		envs[i] = env
		urls[url] = true
	}
	// Every command is acked before Slack's deadline, and answered: in the ack or by response_url.
	err := lb.fake.WaitFor(30*time.Second, func(posts []slackfake.Post, acks []slackfake.Ack) bool {
		answered := 0
		for _, a := range acks {
			if len(a.Payload) > 0 {
				answered++
			}
		}
		for _, p := range posts {
			if p.Method == "response_url" {
				answered++
			}
		}
		return len(acks) >= n && answered >= n
	})
	if err != nil {
		t.Fatalf("%v: %d acks, %d posts", err, len(lb.fake.Acks()), len(lb.fake.Posts()))
	}
	for _, env := range envs {
		d, ok := lb.fake.AckLatency(env)
		if !ok || d >= slackAckDeadline {
			t.Errorf("envelope %s acked after %s (acked: %v)", env, d, ok)
		}
	}
}

// Answers reuse the bot's connections to Slack: however many answers a burst posts, the
// connections opened stay within the cap per host (plus the socket's), each a TLS handshake
// against Slack. Without the cap, every post in flight dialled its own: 206 for a burst of 500.
func TestBurstsReuseConnections(t *testing.T) {
	lb := startBot(t, nil)
	burst := func(n int) {
		t.Helper()
		before := len(lb.fake.Posts())
		acked := len(lb.fake.Acks())
		for i := range n {
			if _, _, err := lb.fake.SendSlashCommand(slackfake.SlashCommand{Text: []string{"antimony", "silver", "who produces graphite", "mexico"}[i%4], User: "U9", Channel: "CB"}); err != nil {
				t.Fatal(err)
			}
		}
		err := lb.fake.WaitFor(30*time.Second, func(posts []slackfake.Post, acks []slackfake.Ack) bool {
			answered := 0
			for _, a := range acks[acked:] {
				if len(a.Payload) > 0 {
					answered++
				}
			}
			for _, p := range posts[before:] {
				if p.Method == "response_url" {
					answered++
				}
			}
			return answered >= n
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	before := lb.fake.HTTPConnections() // the socket, auth.test, apps.connections.open
	for _, n := range []int{200, 500, 500} {
		burst(n)
	}
	// The stand-in serves the Web API and response_url on one host.
	if n := lb.fake.HTTPConnections() - before; n > bot.MaxConnsPerHost {
		t.Errorf("1,200 answers opened %d connections, want at most %d", n, bot.MaxConnsPerHost)
	}
}

func TestShutdownIsClean(t *testing.T) {
	lb := startBot(t, nil)
	lb.stop()
	select {
	case code := <-lb.done:
		if code != 0 {
			t.Errorf("exit %d after SIGTERM, want 0", code)
		}
		lb.done <- code // for the cleanup
	case <-time.After(15 * time.Second):
		t.Fatal("run did not return after cancel")
	}
}

// opsAddr finds the address the HTTP endpoint listens on, from the log.
func (lb *liveBot) opsAddr(t *testing.T) string {
	t.Helper()
	for _, line := range strings.Split(lb.logs.String(), "\n") {
		var rec struct {
			Msg  string `json:"msg"`
			Addr string `json:"addr"`
		}
		if json.Unmarshal([]byte(line), &rec) == nil && rec.Msg == "http listening" {
			return rec.Addr
		}
	}
	t.Fatalf("no \"http listening\" line in the logs:\n%s", lb.logs.String())
	return ""
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestHealthReadinessAndMetrics(t *testing.T) {
	lb := startBot(t, nil)
	base := "http://" + lb.opsAddr(t)
	if code, _ := get(t, base+"/healthz"); code != 200 {
		t.Errorf("/healthz: %d", code)
	}
	if code, out, errOut := runCmd(t, "healthcheck", "-url", base+"/healthz"); code != 0 || out != "ok\n" {
		t.Errorf("healthcheck: exit %d, %q %q", code, out, errOut)
	}
	// Ready once connected; the bot connected before startBot returned, but the flag is set
	// by the event loop a moment later.
	waitStatus(t, base+"/readyz", 200, "while connected")
	env, url, _ := lb.fake.SendSlashCommand(slackfake.SlashCommand{Text: "antimony", User: "U1", Channel: "C1"})
	if _, err := lb.fake.WaitReply(env, url, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	_, body := get(t, base+"/metrics")
	for _, want := range []string{
		`mineralbot_requests_total{kind="slash_command"} 1`,
		`mineralbot_answers_total{intent="mineral"} 1`,
		"mineralbot_answer_duration_seconds_bucket",
		`mineralbot_knowledge_records{kind="mineral"}`,
		"mineralbot_build_info{",
		"mineralbot_slack_connected 1",
	} {
		if !strings.Contains(body, want) {
			t.Errorf("/metrics lacks %q", want)
		}
	}
	for _, line := range strings.Split(body, "\n") {
		if line != "" && !strings.HasPrefix(line, "#") && !strings.HasPrefix(line, "mineralbot_") {
			t.Errorf("series without the mineralbot_ prefix: %s", line)
		}
	}

	// Not ready while Slack is unreachable; ready again when it is back.
	lb.fake.SetDown(true)
	lb.fake.DropSocket()
	waitStatus(t, base+"/readyz", 503, "while Slack is unreachable")
	lb.fake.SetDown(false)
	waitStatus(t, base+"/readyz", 200, "after Slack came back")
}

// waitStatus polls url until it answers code, for up to 10 seconds.
func waitStatus(t *testing.T, url string, code int, when string) {
	t.Helper()
	var got int
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		if got, _ = get(t, url); got == code {
			return
		}
	}
	t.Errorf("%s: %d %s, want %d", url, got, when, code)
}

func TestBadTokens(t *testing.T) {
	fake := slackfake.New()
	defer fake.Close()
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"missing", map[string]string{"SLACK_APP_TOKEN": slackfake.AppToken}, "slack.bot_token: missing"},
		{"wrong kind", map[string]string{"SLACK_BOT_TOKEN": slackfake.AppToken, "SLACK_APP_TOKEN": slackfake.AppToken}, `slack.bot_token: not a xoxb- token`},
		{"rejected", map[string]string{"SLACK_BOT_TOKEN": "xoxb-wrong", "SLACK_APP_TOKEN": slackfake.AppToken, "SLACK_API_URL": fake.APIURL()}, "invalid_auth"},
		{"app token rejected", map[string]string{"SLACK_BOT_TOKEN": slackfake.BotToken, "SLACK_APP_TOKEN": "xapp-wrong", "SLACK_API_URL": fake.APIURL()}, "check slack.app_token"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out syncBuffer
			ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
			defer cancel()
			dir := t.TempDir()
			getenv := func(k string) string {
				if k == "MINERALBOT_DATA_DIR" {
					return dir
				}
				if k == "MINERALBOT_HTTP_ADDR" {
					return "127.0.0.1:0"
				}
				return tt.env[k]
			}
			code := run(ctx, []string{"mineralbot", "run"}, getenv, &out, &out)
			if code != 1 || !strings.Contains(out.String(), tt.want) {
				t.Errorf("exit %d, output:\n%s\nwant exit 1 and %q", code, out.String(), tt.want)
			}
			for _, secret := range []string{slackfake.BotToken, slackfake.AppToken, "xoxb-wrong", "xapp-wrong"} {
				if strings.Contains(out.String(), secret) {
					t.Errorf("output leaks a token (%s):\n%s", secret, out.String())
				}
			}
		})
	}
}

func TestLogsHoldNoSecrets(t *testing.T) {
	lb := startBot(t, nil)
	env, url, _ := lb.fake.SendSlashCommand(slackfake.SlashCommand{Text: "tin", User: "U1", Channel: "C1"})
	if _, err := lb.fake.WaitReply(env, url, 5*time.Second); err != nil {
		t.Fatal(err)
	}
	// The answer's log line is written once the reply has gone, wherever it went.
	named := fmt.Sprintf(`"envelope_id":%q`, env)
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(lb.logs.String(), named) && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	for _, secret := range []string{slackfake.BotToken, slackfake.AppToken} {
		if strings.Contains(lb.logs.String(), secret) {
			t.Errorf("logs contain %q", secret)
		}
	}
	if !strings.Contains(lb.logs.String(), named) {
		t.Errorf("no log line names envelope %s:\n%s", env, lb.logs.String())
	}
}

// Slack unreachable at start is a transient failure: the bot keeps trying and connects when
// Slack is back.
func TestStartWhileSlackIsDown(t *testing.T) {
	fake := slackfake.New()
	defer fake.Close()
	fake.SetDown(true)
	env := map[string]string{"SLACK_BOT_TOKEN": slackfake.BotToken, "SLACK_APP_TOKEN": slackfake.AppToken,
		"SLACK_API_URL": fake.APIURL(), "MINERALBOT_DATA_DIR": t.TempDir(), "MINERALBOT_HTTP_ADDR": "127.0.0.1:0"}
	ctx, cancel := context.WithCancel(context.Background())
	var logs syncBuffer
	done := make(chan int, 1)
	go func() {
		done <- run(ctx, []string{"mineralbot", "run"}, func(k string) string { return env[k] }, &logs, &logs)
	}()
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(logs.String(), "slack unreachable; retrying") {
		if time.Now().After(deadline) {
			t.Fatalf("no retry logged:\n%s", logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	fake.SetDown(false)
	if err := fake.WaitConnected(1, 15*time.Second); err != nil {
		t.Fatalf("%v\n%s", err, logs.String())
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("exit %d", code)
	}
}

// A token revoked while running ends the bot with a clear message and exit status 1.
func TestTokenRevokedWhileRunning(t *testing.T) {
	lb := startBot(t, nil)
	lb.fake.RevokeTokens()
	lb.fake.DropSocket()
	select {
	case code := <-lb.done:
		if code != 1 || !strings.Contains(lb.logs.String(), "token_revoked") {
			t.Errorf("exit %d; want 1 and a message naming token_revoked:\n%s", code, lb.logs.String())
		}
		lb.done <- code // for the cleanup
	case <-time.After(15 * time.Second):
		t.Fatal("the bot kept running with a revoked token")
	}
}

// /mineral chart draws a native Slack chart, privately, with the headline first, and sharing it
// posts the same chart in the channel.
func TestChartCommand(t *testing.T) {
	lb := startBot(t, nil)
	for _, tc := range []struct {
		text, headline string
		want           []string
	}{
		{"chart antimony", "China accounted for 36% of world mine production of antimony in 2025e",
			[]string{`"type":"data_visualization"`, `"type":"pie"`, "Rest of the world", "share_answer", `"value":"chart antimony"`}},
		{"chart lithium reserves", "Chile holds the largest lithium reserves",
			[]string{`"type":"data_visualization"`, `"type":"pie"`, "reserves, share of the world"}},
		{"chart gallium trend", "The U.S. relied on net imports for 100% of its apparent consumption of gallium in 2025e",
			[]string{`"type":"data_visualization"`, `"type":"line"`, `"categories":["2021","2022","2023","2024","2025e"]`,
				`"title":"U.S. net import reliance on gallium, %"`, `"name":"Import reliance, %"`}},
		{"gráfica galio tendencia", "EE.UU. dependió de importaciones netas para el 100% de su consumo aparente de galio",
			[]string{`"type":"line"`, "Dependencia neta"}},
		{"chart cesium", "USGS publishes no production by country for cesium", nil},
		{"chart <!channel> reserves", "Sorry, I don't know a mineral called “&lt;!channel&gt;”.", nil},
		{"chart", "Usage: chart &lt;mineral&gt; [production | reserves | trend]", nil},
	} {
		t.Run(tc.text, func(t *testing.T) {
			env, url, err := lb.fake.SendSlashCommand(slackfake.SlashCommand{Text: tc.text, User: "U1", Channel: "C1"})
			if err != nil {
				t.Fatal(err)
			}
			reply, err := lb.fake.WaitReply(env, url, 5*time.Second)
			if err != nil {
				t.Fatal(err)
			}
			var r ackReply
			if err := json.Unmarshal(reply, &r); err != nil {
				t.Fatalf("reply %s: %v", reply, err)
			}
			if r.ResponseType != "ephemeral" {
				t.Errorf("response_type %q, want ephemeral", r.ResponseType)
			}
			// A card is its title, then the headline in bold; an apology is its title alone.
			if len(r.Blocks) > 0 {
				var texts []string
				for _, raw := range r.Blocks[:min(2, len(r.Blocks))] {
					var b struct{ Text struct{ Text string } }
					json.Unmarshal(raw, &b)
					texts = append(texts, strings.Trim(b.Text.Text, "*"))
				}
				if !slices.ContainsFunc(texts, func(s string) bool { return strings.HasPrefix(s, tc.headline) }) {
					t.Errorf("the card does not open with the headline %q: %q", tc.headline, texts)
				}
			}
			if !strings.HasPrefix(r.Text, tc.headline) {
				t.Errorf("fallback text %q lacks the headline %q", r.Text, tc.headline)
			}
			if strings.Contains(string(reply), "<!channel>") {
				t.Errorf("user text reached Slack unescaped: %s", reply)
			}
			for _, want := range tc.want {
				if !strings.Contains(string(reply), want) {
					t.Errorf("the chart lacks %q: %s", want, reply)
				}
			}
		})
	}

	t.Run("share", func(t *testing.T) {
		_, url, err := lb.fake.SendBlockAction("U1", "C1", "share_answer", "chart gallium trend")
		if err != nil {
			t.Fatal(err)
		}
		err = lb.fake.WaitFor(10*time.Second, func(posts []slackfake.Post, _ []slackfake.Ack) bool {
			for _, p := range posts {
				if strings.HasSuffix(url, p.ResponseURL) && p.ResponseType == "in_channel" && strings.HasPrefix(p.Text, "The U.S. relied on net imports") {
					return strings.Contains(string(p.Blocks), `"type":"line"`) && strings.Contains(string(p.Blocks), "Shared by")
				}
			}
			return false
		})
		if err != nil {
			t.Fatalf("no shared chart: %v (posts %+v)", err, lb.fake.Posts())
		}
	})
}

// A socket that drops right after hello is redialled with growing waits, not in a tight loop,
// and the bot ends up connected again.
func TestFlappingSocketBacksOff(t *testing.T) {
	lb := startBot(t, nil)
	lb.fake.Flap(2)
	before := lb.fake.Connections()
	lb.fake.DropSocket()
	time.Sleep(1500 * time.Millisecond)
	// The first redial waits up to 1 s (the last connection is recent), the second up to 2 s:
	// within 1.5 s at most two dials, where slack-go alone makes dozens.
	if n := lb.fake.Connections() - before; n > 2 {
		t.Errorf("%d connections within 1.5 s of a flapping socket, want at most 2", n)
	}
	// Then it is connected again and answers (a DM sent while no socket is up is refused by
	// the stand-in, so it is sent until one is).
	deadline := time.Now().Add(30 * time.Second)
	for {
		_, err := lb.fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "message", "channel_type": "im",
			"user": "U7", "text": "copper", "channel": "DFLAP", "ts": "1700000008.100"}})
		if err == nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("no socket 30 s after the flapping began: %v", err)
		}
		time.Sleep(200 * time.Millisecond)
	}
	if n := lb.fake.Connections() - before; n < 2 {
		t.Errorf("%d reconnections, want at least 2 (the drop, then a flapped socket)", n)
	}
	if !strings.Contains(lb.logs.String(), "slack socket keeps dropping") {
		t.Errorf("the waits were not logged")
	}
	waitPosts(t, lb.fake, "DFLAP", 1)
}

// A DM conversation is answered in the order it was written, follow-ups included, even
// while Slack is slow to take the replies: "antimony", then "and its reserves?" must get
// antimony's producers, then antimony's reserves, in that order.
func TestDMsAreAnsweredInOrder(t *testing.T) {
	lb := startBot(t, nil)
	lb.fake.Slow("chat.postMessage", 40*time.Millisecond)
	minerals := []string{"antimony", "fluorspar", "graphite", "zinc", "barite", "lead", "silver", "copper"}
	for i, m := range minerals {
		for j, text := range []string{"who produces " + m + "?", "and its reserves?"} {
			ts := fmt.Sprintf("1700000100.%06d", 2*i+j)
			if _, err := lb.fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "message", "channel_type": "im",
				"user": "U5", "text": text, "channel": "DORDER", "ts": ts}}); err != nil {
				t.Fatal(err)
			}
		}
	}
	posts := waitPosts(t, lb.fake, "DORDER", 2*len(minerals))
	for i, m := range minerals {
		producers, reserves := firstLine(posts[2*i].Text), firstLine(posts[2*i+1].Text)
		if !strings.Contains(producers, "world mine production of "+m) {
			t.Errorf("reply %d is %q, want %s's producers", 2*i+1, producers, m)
		}
		if !strings.Contains(reserves, "largest "+m+" reserves") {
			t.Errorf("reply %d is %q, want %s's reserves", 2*i+2, reserves, m)
		}
	}
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
