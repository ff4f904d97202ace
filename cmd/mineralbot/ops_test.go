package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mineralbot/mineralbot/internal/slackfake"
)

// copyDir copies a folder tree.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// slash sends a slash command and returns its ack payload (or response_url post) as text.
func (lb *liveBot) slash(t *testing.T, user, text string) string {
	t.Helper()
	return lb.slashIn(t, user, "CSLASH", text)
}

// slashIn is slash in a given channel.
func (lb *liveBot) slashIn(t *testing.T, user, channel, text string) string {
	t.Helper()
	env, url, err := lb.fake.SendSlashCommand(slackfake.SlashCommand{Text: text, User: user, Channel: channel})
	if err != nil {
		t.Fatal(err)
	}
	reply, err := lb.fake.WaitReply(env, url, 20*time.Second)
	if err != nil {
		t.Fatalf("/mineral %s: %v", text, err)
	}
	out := string(reply)
	var r struct {
		Text   string          `json:"text"`
		Blocks json.RawMessage `json:"blocks"`
	}
	if json.Unmarshal([]byte(out), &r) == nil && r.Text != "" {
		if len(r.Blocks) > 0 {
			return r.Text + plainJSON(t, r.Blocks)
		}
		return r.Text
	}
	return out
}

func TestHotReload(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kb")
	copyDir(t, "../../knowledge/content", dir)
	lb := startBot(t, map[string]string{"MINERALBOT_KNOWLEDGE_DIR": dir, "MINERALBOT_ADMINS": "UADMINCFG"})
	waitLog := func(msg string) {
		t.Helper()
		deadline := time.Now().Add(10 * time.Second)
		for !strings.Contains(lb.logs.String(), msg) {
			if time.Now().After(deadline) {
				t.Fatalf("no %q in the logs", msg)
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	waitLog("watching the knowledge base")

	// A curator adds an alias: it answers without a restart.
	path := filepath.Join(dir, "minerals", "antimony.md")
	orig, _ := os.ReadFile(path)
	edited := strings.Replace(string(orig), "aliases: [", "aliases: [quicksilverish, ", 1)
	if edited == string(orig) {
		t.Fatalf("antimony.md has no flow-style aliases list to edit:\n%s", orig)
	}
	os.WriteFile(path, []byte(edited), 0o644)
	waitLog("knowledge reloaded")
	if out := lb.slash(t, "U1", "quicksilverish"); !strings.HasPrefix(out, "China accounted for 36% of world mine production of antimony") {
		t.Errorf("the new alias does not answer: %s", out)
	}

	// A broken edit is reported and the previous knowledge base keeps serving.
	os.WriteFile(path, []byte("---\nid: antimony\nname: [broken\n---\n"), 0o644)
	waitLog("knowledge reload failed")
	if out := lb.slash(t, "U1", "quicksilverish"); !strings.HasPrefix(out, "China accounted for 36% of world mine production of antimony") {
		t.Errorf("after a failed reload the previous knowledge base must keep serving: %s", out)
	}
	posts := waitPosts(t, lb.fake, "UADMINCFG", 1)
	if !strings.Contains(posts[0].Text, "minerals/antimony.md") {
		t.Errorf("the admin's message does not name the problem: %q", posts[0].Text)
	}
	_, metrics := get(t, "http://"+lb.opsAddr(t)+"/metrics")
	if !strings.Contains(metrics, `mineralbot_knowledge_reloads_total{result="failed"}`) {
		t.Errorf("failed reload not counted")
	}

	// /mineral reload: refused to members, done for admins.
	if out := lb.slash(t, "UMEMBER", "reload"); !strings.Contains(out, "only workspace admins") {
		t.Errorf("member: %s", out)
	}
	os.WriteFile(path, orig, 0o644)
	if out := lb.slash(t, "UADMIN1", "reload"); !strings.Contains(out, "Reloaded:") {
		t.Errorf("admin: %s", out)
	}
}

func TestDigestEndToEnd(t *testing.T) {
	started := time.Now()
	lb := startBot(t, map[string]string{
		"MINERALBOT_DIGEST_SCHEDULE": "@every 2s",
		"MINERALBOT_DIGEST_CHANNELS": "CDIGEST1",
	})
	posts := waitPosts(t, lb.fake, "CDIGEST1", 1)
	body := plainJSON(t, posts[0].Blocks)
	for _, want := range []string{"Critical minerals digest", "Spotlight: ", "Sources"} {
		if !strings.Contains(body, want) {
			t.Errorf("digest lacks %q: %s", want, body)
		}
	}

	// Subscribing is for admins.
	if out := lb.slash(t, "UMEMBER", "digest subscribe daily 08:00 UTC"); !strings.Contains(out, "only workspace admins") {
		t.Errorf("member subscribe: %s", out)
	}
	if out := lb.slashIn(t, "UADMIN1", "CSUB", "digest subscribe weekly friday 16:30 Europe/Madrid"); !strings.Contains(out, "weekly on Friday at 16:30 Europe/Madrid") {
		t.Fatalf("subscribe: %s", out)
	}
	if out := lb.slashIn(t, "UMEMBER", "CSUB", "digest status"); !strings.Contains(out, "CRON_TZ=Europe/Madrid 30 16 * * 5") || !strings.Contains(out, "Fri") {
		t.Errorf("status: %s", out)
	}
	if out := lb.slash(t, "UMEMBER", "digest preview"); !strings.Contains(out, "Critical minerals digest") {
		t.Errorf("preview: %s", out)
	}

	// Unsubscribing the configured channel is explained.
	if out := lb.slashIn(t, "UADMIN1", "CDIGEST1", "digest unsubscribe"); !strings.Contains(out, "digest.channels") {
		t.Errorf("unsubscribe of a configured channel: %s", out)
	}

	// A channel subscribed from Slack gets digests; after unsubscribe, no more.
	if out := lb.slashIn(t, "UADMIN1", "CSUB2", "digest subscribe every 1s"); !strings.Contains(out, "Subscribed") {
		t.Fatalf("subscribe: %s", out)
	}
	waitPosts(t, lb.fake, "CSUB2", 2)
	if out := lb.slashIn(t, "UADMIN1", "CSUB2", "digest unsubscribe"); !strings.Contains(out, "Unsubscribed") {
		t.Fatalf("unsubscribe: %s", out)
	}
	time.Sleep(500 * time.Millisecond) // a send already started may finish
	before := len(postsTo(lb.fake.Posts(), "CSUB2"))
	time.Sleep(2500 * time.Millisecond)
	if after := len(postsTo(lb.fake.Posts(), "CSUB2")); after != before {
		t.Errorf("%d digests arrived after unsubscribe", after-before)
	}
	// One digest a period: never more than the 2s periods (wall-clock aligned) that overlap
	// the run, the one in progress at start included.
	if n, most := len(postsTo(lb.fake.Posts(), "CDIGEST1")), int(time.Since(started)/(2*time.Second))+2; n > most {
		t.Errorf("%d digests in %s on a 2s schedule; at most %d", n, time.Since(started).Round(time.Second), most)
	}
}

// Bad settings stop `run` before it connects, with a message naming the setting.
func TestRunConfigErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.yaml")
	os.WriteFile(bad, []byte("digest:\n  schedul: weekly\n"), 0o644)
	tests := []struct {
		name string
		args []string
		env  map[string]string
		want string
	}{
		{"bad schedule", nil, map[string]string{"MINERALBOT_DIGEST_SCHEDULE": "every monday"}, `digest.schedule: invalid cron spec "every monday"`},
		{"bad channel", nil, map[string]string{"MINERALBOT_DIGEST_CHANNELS": "general"}, `digest.channels: "general" is not a Slack channel id`},
		{"unknown key", []string{"-config", bad}, nil, "line 2: digest.schedul: unknown setting"},
		{"missing file", []string{"-config", filepath.Join(dir, "nope.yaml")}, nil, "nope.yaml: no such file"},
		{"bad knowledge dir", nil, map[string]string{"MINERALBOT_KNOWLEDGE_DIR": filepath.Join(dir, "nokb")}, "nokb"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := map[string]string{"SLACK_BOT_TOKEN": slackfake.BotToken, "SLACK_APP_TOKEN": slackfake.AppToken,
				"SLACK_API_URL": "http://127.0.0.1:1/api/", "MINERALBOT_DATA_DIR": dir, "MINERALBOT_HTTP_ADDR": "127.0.0.1:0"}
			for k, v := range tt.env {
				env[k] = v
			}
			var out syncBuffer
			code := run(t.Context(), append([]string{"mineralbot", "run"}, tt.args...), func(k string) string { return env[k] }, &out, &out)
			if code != 1 || !strings.Contains(out.String(), tt.want) {
				t.Errorf("exit %d, output:\n%s\nwant exit 1 and %q", code, out.String(), tt.want)
			}
		})
	}
}

// Reloading survives what deployments do to a folder: replaced by rename, deleted and
// restored, reached through a symlink that is repointed. Each time a later edit is reloaded.
func TestHotReloadAfterFolderSwaps(t *testing.T) {
	root := t.TempDir()
	v1, link := filepath.Join(root, "v1"), filepath.Join(root, "kb")
	copyDir(t, "../../knowledge/content", v1)
	if err := os.Symlink(v1, link); err != nil {
		t.Fatal(err)
	}
	lb := startBot(t, map[string]string{"MINERALBOT_KNOWLEDGE_DIR": link})
	reloads := func() int {
		return strings.Count(lb.logs.String(), `"knowledge reloaded"`) + strings.Count(lb.logs.String(), "msg=\"knowledge reloaded\"")
	}
	waitReloads := func(n int, what string) {
		t.Helper()
		deadline := time.Now().Add(15 * time.Second)
		for reloads() < n {
			if time.Now().After(deadline) {
				t.Fatalf("%s: %d reloads, want %d", what, reloads(), n)
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	alias := func(dir, a string) {
		t.Helper()
		p := filepath.Join(dir, "minerals", "antimony.md")
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(p, []byte(strings.Replace(string(data), "aliases: [", "aliases: ["+a+", ", 1)), 0o644)
	}
	answers := func(a string) {
		t.Helper()
		if out := lb.slash(t, "U1", a); !strings.HasPrefix(out, "China accounted for 36% of world mine production of antimony") {
			t.Errorf("%q does not answer: %s", a, out)
		}
	}
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(lb.logs.String(), "watching the knowledge base") && time.Now().Before(deadline) {
		time.Sleep(20 * time.Millisecond)
	}

	// The symlink is repointed to a new copy, then the new copy is edited.
	v2 := filepath.Join(root, "v2")
	copyDir(t, "../../knowledge/content", v2)
	alias(v2, "swapone")
	tmp := filepath.Join(root, "kb.tmp")
	os.Symlink(v2, tmp)
	os.Rename(tmp, link)
	waitReloads(1, "symlink repointed")
	answers("swapone")
	alias(v2, "swaptwo")
	waitReloads(2, "edit after the repoint")
	answers("swaptwo")

	// The folder behind the link is replaced by rename, then edited.
	v3 := filepath.Join(root, "v3")
	copyDir(t, "../../knowledge/content", v3)
	alias(v3, "swapthree")
	os.Rename(v2, filepath.Join(root, "v2.old"))
	os.Rename(v3, v2)
	waitReloads(3, "folder replaced by rename")
	answers("swapthree")
	alias(v2, "swapfour")
	waitReloads(4, "edit after the rename")
	answers("swapfour")
}
