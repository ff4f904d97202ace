package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/internal/slackfake"
)

// Bad frames are handled: an envelope of an unknown type is acked and logged, one that does
// not parse is acked by its id, the same envelope twice is answered once, and an oversized
// frame closes the socket (the bot reconnects) instead of growing the process.
func TestBadFrames(t *testing.T) {
	lb := startBot(t, nil)
	fake := lb.fake

	if err := fake.SendEnvelope(map[string]any{"type": "mystery_type", "envelope_id": "env-mystery-1", "payload": map[string]any{}}); err != nil {
		t.Fatal(err)
	}
	if _, err := fake.WaitAck("env-mystery-1", 5*time.Second); err != nil {
		t.Errorf("an envelope of an unknown type is not acked: %v", err)
	}

	fake.SendRaw([]byte(`{"type":"slash_commands","envelope_id":"env-bad-1","payload":"not an object"}`))
	if _, err := fake.WaitAck("env-bad-1", 5*time.Second); err != nil {
		t.Errorf("an envelope that does not parse is not acked: %v", err)
	}

	// The same slash command envelope twice: one answer, in an ack or at the response_url.
	responseURL := strings.TrimSuffix(fake.APIURL(), "/api/") + "/response/twice"
	env := map[string]any{"type": "slash_commands", "envelope_id": "env-twice-1", "accepts_response_payload": true,
		"payload": map[string]any{"command": "/mineral", "text": "antimony", "user_id": "U1", "channel_id": "C1",
			"response_url": responseURL, "trigger_id": "t"}}
	fake.SendEnvelope(env)
	fake.SendEnvelope(env)
	time.Sleep(time.Second)
	n := 0
	for _, a := range fake.Acks() {
		if a.EnvelopeID == "env-twice-1" && len(a.Payload) > 0 {
			n++
		}
	}
	for _, p := range fake.Posts() {
		if p.Method == "response_url" && p.ResponseURL == "/response/twice" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the same envelope was answered %d times, want once", n)
	}

	// A 2 MiB frame: the socket closes and the bot reconnects, then answers.
	before := fake.Connections()
	fake.SendRaw(append([]byte(`{"type":"events_api","envelope_id":"env-huge","payload":{"x":"`), append(bytes.Repeat([]byte("x"), 2<<20), []byte(`"}}`)...)...))
	if err := fake.WaitConnected(before+1, 15*time.Second); err != nil {
		t.Fatalf("no reconnect after an oversized frame: %v", err)
	}
	if out := lb.slash(t, "U1", "antimony"); !strings.HasPrefix(out, "China accounted for 36%") {
		t.Errorf("after the oversized frame: %s", out)
	}
}

// One channel rate-limited (Retry-After 30 on every post): answers elsewhere still arrive
// within a second, and the rate-limited reply is dropped and counted, not retried for minutes.
func TestRateLimitedChannelDoesNotStallOthers(t *testing.T) {
	lb := startBot(t, map[string]string{"MINERALBOT_BOT_WORKERS": "1"})
	fake := lb.fake
	fake.RateLimitChannel("DSLOW", 30)
	dm := func(channel, ts string) {
		fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "message", "channel_type": "im", "user": "U7",
			"text": "antimony", "channel": channel, "ts": ts}})
	}
	for i := range 3 {
		dm("DSLOW", fmt.Sprintf("1700000100.00010%d", i))
	}
	start := time.Now()
	for i := range 4 {
		dm(fmt.Sprintf("DFAST%d", i), fmt.Sprintf("1700000200.00020%d", i))
	}
	for i := range 4 {
		waitPosts(t, fake, fmt.Sprintf("DFAST%d", i), 1)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("answers elsewhere took %s behind a rate-limited channel, want under 1s", d.Round(time.Millisecond))
	}
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(lb.logs.String(), "reply lost") && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	if !strings.Contains(lb.logs.String(), "reply lost") {
		t.Error("the rate-limited reply was neither dropped nor logged")
	}
}

// A button's reply goes to its response_url off the answering worker: with Slack failing
// that URL (the reply retries with backoff for seconds), a DM is still answered at once, and
// the card arrives when Slack recovers.
func TestFailingResponseURLDoesNotStallOthers(t *testing.T) {
	lb := startBot(t, map[string]string{"MINERALBOT_BOT_WORKERS": "1"})
	fake := lb.fake
	fake.Fail("response_url", 4) // ~3 s of retries: 0.2 + 0.4 + 0.8 + 1.6 s
	_, url, err := fake.SendBlockAction("U1", "C1", "full_card", "en|mineral|antimony")
	if err != nil {
		t.Fatal(err)
	}
	time.Sleep(100 * time.Millisecond) // the worker has taken the card
	start := time.Now()
	fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "message", "channel_type": "im", "user": "U7",
		"text": "antimony", "channel": "DFAST", "ts": "1700000400.000100"}})
	waitPosts(t, fake, "DFAST", 1)
	if d := time.Since(start); d > time.Second {
		t.Errorf("a DM waited %s behind a failing response_url, want under 1s", d.Round(time.Millisecond))
	}
	err = fake.WaitFor(10*time.Second, func(posts []slackfake.Post, _ []slackfake.Ack) bool {
		for _, p := range posts {
			if strings.HasSuffix(url, p.ResponseURL) && p.ResponseType == "ephemeral" && strings.HasPrefix(p.Text, "China accounted for 36%") {
				return true
			}
		}
		return false
	})
	if err != nil {
		t.Errorf("the full card never arrived once Slack recovered: %v", err)
	}
}

// A follow-up in a mention's thread, or the next DM, continues the conversation: "and
// reserves?" is about the mineral asked about before.
func TestFollowUpInThread(t *testing.T) {
	lb := startBot(t, nil)
	mention := func(ts, thread, text string) {
		ev := map[string]any{"type": "app_mention", "user": "U2", "text": "<@" + slackfake.BotUser + "> " + text, "channel": "CF1", "ts": ts, "event_ts": ts}
		if thread != "" {
			ev["thread_ts"] = thread
		}
		lb.fake.SendEvent(slackfake.Event{Inner: ev})
	}
	mention("1700000300.000100", "", "who produces antimony?")
	waitPosts(t, lb.fake, "CF1", 1)
	mention("1700000301.000100", "1700000300.000100", "and reserves?")
	posts := waitPosts(t, lb.fake, "CF1", 2)
	if !strings.HasPrefix(posts[1].Text, "China holds the largest antimony reserves") || posts[1].ThreadTS != "1700000300.000100" {
		t.Errorf("the follow-up in the thread: %q (thread %s)", posts[1].Text, posts[1].ThreadTS)
	}
	// Another thread does not share the conversation.
	mention("1700000400.000100", "", "and reserves?")
	posts = waitPosts(t, lb.fake, "CF1", 3)
	if strings.HasPrefix(posts[2].Text, "China holds the largest antimony reserves") {
		t.Errorf("a new thread inherited another's conversation: %q", posts[2].Text)
	}

	// In a DM, the next message follows up.
	dm := func(ts, text string) {
		lb.fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "message", "channel_type": "im", "user": "U3", "text": text, "channel": "DF1", "ts": ts}})
	}
	dm("1700000500.000100", "lithium")
	waitPosts(t, lb.fake, "DF1", 1)
	dm("1700000501.000100", "what about Chile?")
	if p := waitPosts(t, lb.fake, "DF1", 2)[1]; !strings.HasPrefix(p.Text, "Chile ranked #3 of 9 in world mine production of lithium") {
		t.Errorf("the DM follow-up: %q", p.Text)
	}
}

// A follow-up reads as the question before it asked: yes or no, the same lists and year, the
// same sector, in Slack as in the engine, although the conversation keeps no words of it.
func TestFollowUpKeepsWhatWasAsked(t *testing.T) {
	lb := startBot(t, nil)
	for i, tc := range []struct{ first, then, want string }{
		{"is antimony critical?", "and gallium?", "Yes — gallium is on the USGS 2025 critical minerals list."},
		{"¿está el antimonio en la lista de la UE?", "¿y el tungsteno?", "Sí — el wolframio está en la lista de materias primas fundamentales de la UE"},
		{"lithium price in 2023", "and cobalt?", "USGS's annual average for cobalt (U.S. spot, cathode, average) was 17.20 dollars per pound in 2023"},
		{"which minerals are used in batteries?", "and in Mexico?", "In world production of the minerals whose records list a use in batteries, Mexico ranks"},
		{"which minerals are used in batteries?", "who produces them?", "Of the 12 minerals whose records list a use in batteries and have a USGS production table, China leads"},
		{"which minerals are strategic?", "is lithium one of them?", "Yes — lithium is on the EU CRMA strategic raw materials (Annex I)."},
	} {
		channel := fmt.Sprintf("DKEEP%d", i)
		for j, text := range []string{tc.first, tc.then} {
			lb.fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "message", "channel_type": "im", "user": "U4", "text": text,
				"channel": channel, "ts": fmt.Sprintf("1700000600.00010%d", j)}})
			waitPosts(t, lb.fake, channel, j+1)
		}
		if got := waitPosts(t, lb.fake, channel, 2)[1].Text; !strings.HasPrefix(got, tc.want) {
			t.Errorf("%q then %q: the reply begins %.160q, want %q", tc.first, tc.then, got, tc.want)
		}
	}
}

// Subscribing a channel the bot has not joined is refused with what to do, instead of
// "Subscribed" and a digest that fails every week.
func TestSubscribeWhereNotAMember(t *testing.T) {
	lb := startBot(t, map[string]string{"MINERALBOT_ADMINS": "UADMIN1"})
	lb.fake.NotMember("CNOTIN")
	env, url, _ := lb.fake.SendSlashCommand(slackfake.SlashCommand{Text: "digest subscribe weekly", User: "UADMIN1", Channel: "CNOTIN"})
	reply, err := lb.fake.WaitReply(env, url, 10*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if p := string(reply); !strings.Contains(p, "not a member of this channel") || !strings.Contains(p, "/invite @mineralbot") {
		t.Errorf("subscribe where not a member: %s", p)
	}
	env, url, _ = lb.fake.SendSlashCommand(slackfake.SlashCommand{Text: "digest status", User: "UADMIN1", Channel: "CNOTIN"})
	if reply, err := lb.fake.WaitReply(env, url, 10*time.Second); err != nil || !strings.Contains(string(reply), "has no digest") {
		t.Errorf("a refused subscription was stored: %s %v", reply, err)
	}
}

// Every answer has 👍 and 👎; a 👍 is thanked, a 👎 opens a modal whose reason and comment
// are stored, and admins see the 👎 in their private curation report.
func TestFeedback(t *testing.T) {
	lb := startBot(t, map[string]string{"MINERALBOT_ADMINS": "UADMIN1"})
	out := lb.slash(t, "U1", "who produces antimony?")
	if !strings.Contains(out, `"action_id":"feedback_up"`) || !strings.Contains(out, `"action_id":"feedback_down"`) {
		t.Fatalf("no feedback buttons: %s", out)
	}
	value := `{"q":"who produces antimony?","i":"producers","r":["mineral:antimony"],"l":"en"}`

	_, url, _ := lb.fake.SendBlockAction("U1", "C1", "feedback_up", value)
	if err := lb.fake.WaitFor(10*time.Second, func(posts []slackfake.Post, _ []slackfake.Ack) bool {
		for _, p := range posts {
			if strings.HasSuffix(url, p.ResponseURL) && strings.Contains(p.Text, "Thanks for the feedback") {
				return true
			}
		}
		return false
	}); err != nil {
		t.Errorf("a 👍 is not thanked: %v", err)
	}

	lb.fake.SendBlockAction("U1", "C1", "feedback_down", value)
	deadline := time.Now().Add(10 * time.Second)
	for len(lb.fake.Views()) == 0 && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}
	views := lb.fake.Views()
	if len(views) != 1 || !strings.Contains(string(views[0]), "What was wrong?") || !strings.Contains(string(views[0]), "feedback_modal") {
		t.Fatalf("a 👎 opens no modal: %s", views)
	}
	lb.fake.SendViewSubmission("U1", "feedback_modal", value, map[string]map[string]any{
		"reason":  {"reason": map[string]any{"type": "radio_buttons", "selected_option": map[string]any{"value": "wrong_figure"}}},
		"comment": {"comment": map[string]any{"type": "plain_text_input", "value": "China's share looks high"}},
	})
	var report string
	deadline = time.Now().Add(10 * time.Second)
	for !strings.Contains(report, "marked not helpful") && time.Now().Before(deadline) {
		time.Sleep(100 * time.Millisecond)
		report = lb.slash(t, "UADMIN1", "curate")
	}
	if !strings.Contains(report, "1 answer(s) marked not helpful") || !strings.Contains(report, "who produces antimony? — wrong_figure") {
		t.Errorf("the curation report lacks the 👎: %s", report)
	}
}

// The App Home shows what the bot answers, examples that run, the newest policy items, and
// for an admin the digest subscriptions and the week's curation counts; a member sees no
// admin part.
func TestAppHome(t *testing.T) {
	lb := startBot(t, map[string]string{"MINERALBOT_ADMINS": "UADMIN1", "MINERALBOT_DIGEST_CHANNELS": "CDIGEST1"})
	open := func(user string) string {
		t.Helper()
		lb.fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "app_home_opened", "user": user, "channel": "DHOME", "tab": "home", "event_ts": "1700000600.000100"}})
		deadline := time.Now().Add(10 * time.Second)
		for time.Now().Before(deadline) {
			for _, p := range lb.fake.PublishedViews() {
				if p.User == user {
					return string(p.View)
				}
			}
			time.Sleep(20 * time.Millisecond)
		}
		t.Fatalf("no App Home published for %s", user)
		return ""
	}
	home := open("UADMIN1")
	for _, want := range []string{`"type":"home"`, "Ask me about critical minerals", "run_example", "who produces fluorspar?", "Newest policy and news", "For admins", "Digest subscriptions", "CDIGEST1", "Last 7 days"} {
		if !strings.Contains(home, want) {
			t.Errorf("the admin's App Home lacks %q: %s", want, home)
		}
	}
	member := open("UMEMBER1")
	if strings.Contains(member, "For admins") {
		t.Errorf("a member's App Home shows the admin part: %s", member)
	}
	checkCommands(t, "the admin's App Home", home, true)
	checkViewLimits(t, home)
	checkCommands(t, "a member's App Home", member, false)
	// An example runs, and the answer arrives by DM.
	lb.fake.SendBlockAction("UMEMBER1", "", "run_example", "who produces fluorspar?")
	if p := waitPosts(t, lb.fake, "UMEMBER1", 1)[0]; !strings.HasPrefix(p.Text, "China accounted for 59% of world mine production of fluorspar") {
		t.Errorf("the example's answer: %q", p.Text)
	}
}

// The message shortcut "Ask mineralbot" answers a message's text privately.
func TestAskShortcut(t *testing.T) {
	lb := startBot(t, nil)
	_, url, err := lb.fake.SendMessageShortcut("U1", "C1", "ask_mineralbot", "<@U9> do we know who produces fluorspar?")
	if err != nil {
		t.Fatal(err)
	}
	err = lb.fake.WaitFor(10*time.Second, func(posts []slackfake.Post, _ []slackfake.Ack) bool {
		for _, p := range posts {
			if strings.HasSuffix(url, p.ResponseURL) {
				return p.ResponseType == "ephemeral" && strings.HasPrefix(p.Text, "China accounted for 59% of world mine production of fluorspar")
			}
		}
		return false
	})
	if err != nil {
		t.Errorf("no private answer to the shortcut: %v (posts %+v)", err, lb.fake.Posts())
	}
}

// A configured digest channel the bot is not in: the admins are told, once, by DM.
func TestUnpostableDigestChannelIsReported(t *testing.T) {
	lb := startBot(t, map[string]string{"MINERALBOT_ADMINS": "UADMINCFG", "MINERALBOT_DIGEST_SCHEDULE": "@every 2s",
		"MINERALBOT_DIGEST_CHANNELS": "CLOCKED1", "MINERALBOT_STATE_KEEP_QUESTIONS": "false"})
	lb.fake.NotMember("CLOCKED1")
	posts := waitPosts(t, lb.fake, "UADMINCFG", 1)
	if !strings.Contains(posts[0].Text, "can't post the digest in channel CLOCKED1 (not_in_channel)") || !strings.Contains(posts[0].Text, "/invite @mineralbot") {
		t.Errorf("the admins' notice: %q", posts[0].Text)
	}
	time.Sleep(4 * time.Second)
	if n := len(postsTo(lb.fake.Posts(), "UADMINCFG")); n != 1 {
		t.Errorf("%d notices, want one a day", n)
	}
}

// checkCommands checks that a help text lists every subcommand of the one table, the admins'
// commands only when it is an admin's.
func checkCommands(t *testing.T, what, text string, admin bool) {
	t.Helper()
	for _, c := range answer.Commands() {
		listed := strings.Contains(text, "• /mineral "+c.Name)
		if want := admin || !c.Admin; listed != want {
			t.Errorf("%s: /mineral %s listed %v, want %v: %s", what, c.Name, listed, want, text)
		}
	}
}

// /mineral help lists every subcommand from the one command table; the admins' commands only
// to admins.
func TestHelpListsEverySubcommand(t *testing.T) {
	lb := startBot(t, map[string]string{"MINERALBOT_ADMINS": "UADMIN1"})
	for _, tc := range []struct {
		user  string
		admin bool
	}{{"UADMIN1", true}, {"UMEMBER1", false}} {
		help := lb.slash(t, tc.user, "help")
		if !strings.HasPrefix(help, "I answer questions about critical minerals") {
			t.Errorf("%s's help does not open with what the bot answers: %.200s", tc.user, help)
		}
		checkCommands(t, tc.user+"'s help", help, tc.admin)
	}
}

// The App Home's pickers offer minerals and countries as the user types (the options travel
// in the ack), and picking one sends its full card by DM.
func TestAppHomePickers(t *testing.T) {
	lb := startBot(t, nil)
	lb.fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "app_home_opened", "user": "UPICK1", "channel": "DHOME", "tab": "home", "event_ts": "1700000600.000200"}})
	var home string
	for deadline := time.Now().Add(10 * time.Second); home == "" && time.Now().Before(deadline); time.Sleep(20 * time.Millisecond) {
		for _, p := range lb.fake.PublishedViews() {
			if p.User == "UPICK1" {
				home = string(p.View)
			}
		}
	}
	for _, want := range []string{`"type":"external_select"`, `"action_id":"pick_mineral"`, `"action_id":"pick_country"`, `"min_query_length":1`} {
		if !strings.Contains(home, want) {
			t.Fatalf("the App Home lacks %s: %s", want, home)
		}
	}

	options := func(action, typed string) []string {
		t.Helper()
		env, err := lb.fake.SendBlockSuggestion("UPICK1", action, typed)
		if err != nil {
			t.Fatal(err)
		}
		ack, err := lb.fake.WaitAck(env, 5*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		var r struct {
			Options []struct {
				Text  struct{ Type, Text string }
				Value string
			}
		}
		if err := json.Unmarshal(ack.Payload, &r); err != nil || r.Options == nil {
			t.Fatalf("%s %q: options payload %s: %v", action, typed, ack.Payload, err)
		}
		var got []string
		for _, o := range r.Options {
			if o.Text.Type != "plain_text" || len([]rune(o.Text.Text)) > 75 {
				t.Errorf("option text %+v: want plain text of at most 75 characters", o.Text)
			}
			got = append(got, o.Text.Text+"="+o.Value)
		}
		return got
	}
	for _, tc := range []struct {
		action, typed string
		first         string
	}{
		{"pick_mineral", "fluor", "Fluorspar=mineral|fluorspar"},
		{"pick_mineral", "antimonio", "Antimonio=mineral|antimony"},
		{"pick_country", "mex", "Mexico=country|mexico"},
		{"pick_country", "Perú", "Perú=country|peru"},
	} {
		if got := options(tc.action, tc.typed); len(got) == 0 || got[0] != tc.first {
			t.Errorf("%s %q offered %q, want %q first", tc.action, tc.typed, got, tc.first)
		}
	}
	if got := options("pick_mineral", "<!channel> zzzz"); len(got) != 0 {
		t.Errorf("hostile text offered %q, want nothing", got)
	}

	// Picking sends the card by DM.
	if _, err := lb.fake.SendSelect("UPICK1", "pick_mineral", "mineral|fluorspar"); err != nil {
		t.Fatal(err)
	}
	p := waitPosts(t, lb.fake, "UPICK1", 1)[0]
	if !strings.HasPrefix(p.Text, "China accounted for 59% of world mine production of fluorspar") || !strings.Contains(string(p.Blocks), `"type":"header"`) {
		t.Errorf("picking fluorspar sent %q %s, want its card opening with the headline", p.Text, p.Blocks)
	}
	// A forged value for the wrong picker is refused, not looked up.
	lb.fake.SendSelect("UPICK1", "pick_country", "mineral|fluorspar")
	time.Sleep(300 * time.Millisecond)
	if n := len(postsTo(lb.fake.Posts(), "UPICK1")); n != 1 {
		t.Errorf("a mismatched selection posted %d cards, want none more", n-1)
	}
}

// checkViewLimits checks a published view against Slack's limits for a Home tab: at most 100
// blocks, section text at most 3,000 characters, button text at most 75.
func checkViewLimits(t *testing.T, view string) {
	t.Helper()
	var v struct {
		Blocks []struct {
			Type     string
			Text     struct{ Text string }
			Elements []struct {
				Type string
				Text struct{ Text string }
			}
		}
	}
	if err := json.Unmarshal([]byte(view), &v); err != nil {
		t.Fatal(err)
	}
	if len(v.Blocks) == 0 || len(v.Blocks) > 100 {
		t.Errorf("%d blocks in the view, want 1–100", len(v.Blocks))
	}
	for _, b := range v.Blocks {
		if n := len([]rune(b.Text.Text)); n > 3000 {
			t.Errorf("a %s block of %d characters, over 3,000", b.Type, n)
		}
		for _, el := range b.Elements {
			if n := len([]rune(el.Text.Text)); el.Type == "button" && n > 75 {
				t.Errorf("a button of %d characters, over 75", n)
			}
		}
	}
}
