package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mineralbot/mineralbot/internal/slackfake"
)

// What users type to the bot in private never reaches a channel. A DM and a private
// /mineral that nobody could answer go to the admins only: in /mineral curate (ephemeral)
// and in their DM on the digest schedule. Channel digests, posted meanwhile, never quote
// them.
func TestUnansweredQuestionsStayPrivate(t *testing.T) {
	lb := startBot(t, map[string]string{
		"MINERALBOT_DIGEST_SCHEDULE": "@every 1s",
		"MINERALBOT_DIGEST_CHANNELS": "CDIGEST1",
		"MINERALBOT_ADMINS":          "UADMINCFG",
	})
	const secret = "frobnitz quux zorkmid"
	dm := secret + " <!here> @here"
	if _, err := lb.fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "message", "channel_type": "im",
		"user": "U7", "text": dm, "channel": "DPRIVATE", "ts": "1700000100.000100"}}); err != nil {
		t.Fatal(err)
	}
	reply := waitPosts(t, lb.fake, "DPRIVATE", 1)[0]
	if !strings.Contains(reply.Text, "couldn't find") {
		t.Fatalf("the DM was answered after all, so it proves nothing: %q", reply.Text)
	}
	for range 3 { // asked again and again, as someone publishing a link would
		lb.slash(t, "U8", secret)
	}

	// The admins get it privately, by DM on the digest schedule …
	dmPost := waitPosts(t, lb.fake, "UADMINCFG", 1)[0]
	body := dmPost.Text + plainJSON(t, dmPost.Blocks)
	if !strings.HasPrefix(dmPost.Text, "Questions mineralbot could not answer") || !strings.Contains(body, secret) {
		t.Errorf("the admin's DM does not report the question: %s", body)
	}
	if strings.Contains(body, "<!here>") || strings.Contains(body, "@here") {
		t.Errorf("the admin's DM carries a live mention: %s", body)
	}
	// … and from /mineral curate, which members cannot run.
	if out := lb.slash(t, "UMEMBER", "curate"); !strings.Contains(out, "only workspace admins") || strings.Contains(out, secret) {
		t.Errorf("curate for a member: %s", out)
	}
	env, url, err := lb.fake.SendSlashCommand(slackfake.SlashCommand{Text: "curate", User: "UADMIN1", Channel: "CPUBLIC"})
	if err != nil {
		t.Fatal(err)
	}
	if reply, err := lb.fake.WaitReply(env, url, 10*time.Second); err != nil || !strings.Contains(string(reply), `"response_type":"ephemeral"`) {
		t.Errorf("curate in a channel must answer only the admin (ephemeral): %v %s", err, reply)
	}
	// Questions are recorded off the answer's path: the report may lag the replies a moment.
	out := lb.slash(t, "UADMIN1", "curate")
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(out, "4 question(s)") && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
		out = lb.slash(t, "UADMIN1", "curate")
	}
	if !strings.HasPrefix(out, "Questions mineralbot could not answer") || !strings.Contains(out, secret) || !strings.Contains(out, "“"+secret+"” (3×)") || !strings.Contains(out, "4 question(s) went unanswered, 2 different") {
		t.Errorf("curate for an admin does not show the question, asked 3 times and once by DM, privately: %s", out)
	}

	// Several channel digests went out meanwhile; none quotes the question.
	waitPosts(t, lb.fake, "CDIGEST1", 2)
	// Only two places may carry the question: the reply to the asker's own DM, and the
	// admin's DM. Slash replies are ephemeral response_url posts to the asker.
	for _, p := range lb.fake.Posts() {
		if p.Method == "chat.postMessage" && p.Channel != "DPRIVATE" && p.Channel != "UADMINCFG" && strings.Contains(p.Text+string(p.Blocks), "frobnitz") {
			t.Errorf("a private question reached channel %s: %s", p.Channel, p.Text)
		}
		if p.Method == "response_url" && p.ResponseType == "in_channel" && strings.Contains(string(p.Blocks), "frobnitz") {
			t.Errorf("a private question was posted in a channel by response_url: %s", p.Blocks)
		}
	}
}

// With state.keep_questions false nothing is stored, and curate says so.
func TestQuestionsNotKept(t *testing.T) {
	lb := startBot(t, map[string]string{"MINERALBOT_STATE_KEEP_QUESTIONS": "false"})
	lb.slash(t, "U8", "frobnitz quux zorkmid")
	// Questions are recorded off the answer's path: the report may lag the replies a moment.
	out := lb.slash(t, "UADMIN1", "curate")
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(out, "4 question(s)") && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
		out = lb.slash(t, "UADMIN1", "curate")
	}
	if !strings.HasPrefix(out, "Questions mineralbot could not answer") || !strings.Contains(out, "state.keep_questions is false") || strings.Contains(out, "frobnitz") {
		t.Errorf("curate with questions not kept: %s", out)
	}
}

// Once a DM is answered, its text is nowhere in the state file: not in the record that held
// it while it waited (deleted), nor in the pages bbolt freed as it rewrote that record's page
// for each write in between (zeroed). Read as a raw file, as anyone who copies it would.
func TestAnsweredDMsLeaveNoTextOnDisk(t *testing.T) {
	dir := t.TempDir()
	lb := startBot(t, map[string]string{"MINERALBOT_DATA_DIR": dir, "MINERALBOT_STATE_KEEP_QUESTIONS": "false"})
	secrets := []string{"QWERTYSECRETA", "ZXCVSECRETB", "POIUSECRETC"}
	for i, q := range []string{"who produces antimony? ", "is gallium critical ", "lithium "} {
		lb.fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "message", "channel_type": "im", "user": "U9",
			"text": q + secrets[i], "channel": "DSECRET", "ts": fmt.Sprintf("1700000900.00010%d", i)}})
		waitPosts(t, lb.fake, "DSECRET", i+1)
	}
	lb.stop()
	code := <-lb.done
	lb.done <- code // for the cleanup, which waits for it too
	data, err := os.ReadFile(filepath.Join(dir, "mineralbot.db"))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range secrets {
		if bytes.Contains(data, []byte(s)) {
			t.Errorf("the state file still holds %s, from a DM that was answered", s)
		}
	}
}
