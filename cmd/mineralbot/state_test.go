package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

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
