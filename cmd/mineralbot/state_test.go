package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mineralbot/mineralbot/internal/slackfake"
	"github.com/mineralbot/mineralbot/state/bolt"
)

// A damaged state file: `state check` names it and says what to do (exit 1), and the bot
// still starts and answers: only digests wait for the state.
func TestDamagedStateFile(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, bolt.FileName), bytes.Repeat([]byte("garbage "), 4096), 0o600)
	env := map[string]string{"MINERALBOT_DATA_DIR": dir}
	getenv := func(k string) string { return env[k] }
	var out, errOut bytes.Buffer
	code := run(context.Background(), []string{"mineralbot", "state", "check"}, getenv, &out, &errOut)
	if code != 1 || !strings.Contains(errOut.String(), filepath.Join(dir, bolt.FileName)) || !strings.Contains(errOut.String(), "move the file aside") {
		t.Errorf("state check: exit %d\n%s%s", code, out.String(), errOut.String())
	}

	lb := startBot(t, env)
	if out := lb.slash(t, "U1", "antimony"); !strings.HasPrefix(out, "China accounted for 36% of world mine production of antimony") {
		t.Errorf("with a damaged state file the bot must still answer: %s", out)
	}
	// A DM is recorded as pending before its ack; with no store to record it in, it is
	// acked and answered all the same.
	env2, err := lb.fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "message", "channel_type": "im",
		"user": "U1", "text": "who produces fluorspar?", "channel": "DDAMAGED", "ts": "1700000700.000001"}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := lb.fake.WaitAck(env2, 5*time.Second); err != nil {
		t.Errorf("with a damaged state file a DM is not acked: %v", err)
	}
	if posts := waitPosts(t, lb.fake, "DDAMAGED", 1); !strings.Contains(firstLine(posts[0].Text), "world mine production of fluorspar") {
		t.Errorf("with a damaged state file the DM's reply begins %q", firstLine(posts[0].Text))
	}
	if !strings.Contains(lb.logs.String(), "state store unavailable; answering goes on") {
		t.Errorf("the damaged file is not logged:\n%s", lb.logs.String())
	}
}

// `state check` on a healthy store reports it.
func TestStateCheck(t *testing.T) {
	dir := t.TempDir()
	getenv := func(k string) string { return map[string]string{"MINERALBOT_DATA_DIR": dir}[k] }
	var out, errOut bytes.Buffer
	if code := run(context.Background(), []string{"mineralbot", "state", "check"}, getenv, &out, &errOut); code != 0 || !strings.Contains(out.String(), "ok, 0 subscription(s)") {
		t.Errorf("state check: exit %d\n%s%s", code, out.String(), errOut.String())
	}
}
