package main

import (
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/mineralbot/mineralbot/internal/pgtest"
	"github.com/mineralbot/mineralbot/internal/slackfake"
)

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.Stop()
	if builtBin != "" {
		os.RemoveAll(filepath.Dir(builtBin)) // 40 MB a run, left in the temp folder before
	}
	os.Exit(code)
}

var (
	buildOnce sync.Once
	builtBin  string
	buildErr  error
)

// binary builds mineralbot once for the tests that run it as separate processes.
func binary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "mineralbot-bin-")
		if err != nil {
			buildErr = err
			return
		}
		builtBin = filepath.Join(dir, "mineralbot")
		out, err := exec.Command("go", "build", "-o", builtBin, ".").CombinedOutput()
		if err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return builtBin
}

// replica is a bot process.
type replica struct {
	name string
	cmd  *exec.Cmd
	log  *os.File
}

func startReplica(t testing.TB, name string, env map[string]string) *replica {
	t.Helper()
	logf, err := os.Create(filepath.Join(t.TempDir(), name+".log"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(binary(t), "run")
	cmd.Env = []string{"PATH=" + os.Getenv("PATH"), "HOME=" + os.Getenv("HOME")}
	for k, v := range env {
		cmd.Env = append(cmd.Env, k+"="+v)
	}
	cmd.Stdout, cmd.Stderr = logf, logf
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	r := &replica{name: name, cmd: cmd, log: logf}
	t.Cleanup(func() {
		r.cmd.Process.Signal(syscall.SIGTERM)
		done := make(chan struct{})
		go func() { r.cmd.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			r.cmd.Process.Kill()
		}
		if t.Failed() {
			data, _ := os.ReadFile(logf.Name())
			t.Logf("%s log (last 4 KB):\n%s", name, tail(data, 4096))
		}
	})
	return r
}

func tail(b []byte, n int) []byte {
	if len(b) > n {
		return b[len(b)-n:]
	}
	return b
}

// digestPeriods returns, for each channel, the periods of the digests posted there (from
// their metadata), in posting order.
func digestPeriods(t *testing.T, posts []slackfake.Post) map[string][]string {
	out := map[string][]string{}
	for _, p := range posts {
		if p.Method != "chat.postMessage" || len(p.Metadata) == 0 {
			continue
		}
		var md struct {
			EventType    string `json:"event_type"`
			EventPayload struct {
				Period string `json:"period"`
			} `json:"event_payload"`
		}
		if err := json.Unmarshal(p.Metadata, &md); err != nil {
			t.Fatalf("metadata %s: %v", p.Metadata, err)
		}
		if md.EventType == "mineralbot_digest" {
			out[p.Channel] = append(out[p.Channel], md.EventPayload.Period)
		}
	}
	return out
}

// Three replicas on one PostgreSQL, with the Slack stand-in delivering each envelope to one of
// their sockets: every digest period is posted once per channel while a replica is killed
// (SIGKILL) mid-run, another dies between a post and its record (a failpoint), Slack answers
// 500s at digest time, and a subscription made through one replica is posted by the others
// after it is gone; a retried event delivered to another replica is answered once.
func TestReplicas(t *testing.T) {
	dsn := pgtest.Shared(t).NewDB(t)
	fake := slackfake.New()
	fake.MultiConn = true
	defer fake.Close()
	env := func(extra ...string) map[string]string {
		e := map[string]string{
			"SLACK_BOT_TOKEN":            slackfake.BotToken,
			"SLACK_APP_TOKEN":            slackfake.AppToken,
			"SLACK_API_URL":              fake.APIURL(),
			"MINERALBOT_HTTP_ADDR":       "127.0.0.1:0",
			"MINERALBOT_DATA_DIR":        t.TempDir(),
			"MINERALBOT_STATE_DRIVER":    "postgres",
			"MINERALBOT_STATE_DSN":       dsn,
			"MINERALBOT_DIGEST_SCHEDULE": "@every 2s",
			"MINERALBOT_DIGEST_CHANNELS": "CDIGEST1",
			"MINERALBOT_DIGEST_GRACE":    "10s",
			"MINERALBOT_ADMINS":          "UADMIN1",
			"MINERALBOT_LOG_FORMAT":      "json",
		}
		for i := 0; i+1 < len(extra); i += 2 {
			e[extra[i]] = extra[i+1]
		}
		return e
	}
	// The failpoint replica starts first, so that the period in progress (the digests start at
	// once: it is not yet delivered) is its to post; it dies after posting, before recording
	// it. Started together, the three raced for every period, and the failpoint replica could
	// lose them all. The others must start within that same period to find its post (at start
	// a replica looks at the latest period only), so it starts just after a period begins.
	time.Sleep(time.Until(time.Now().Truncate(2 * time.Second).Add(2*time.Second + 20*time.Millisecond)))
	crasher := startReplica(t, "c", env("MINERALBOT_FAILPOINT", "crash-after-digest-post"))
	if err := fake.WaitConnected(1, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	a := startReplica(t, "a", env())
	b := startReplica(t, "b", env())
	if err := fake.WaitConnected(3, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	crashed := make(chan struct{})
	go func() { crasher.cmd.Wait(); close(crashed) }()
	select {
	case <-crashed:
	case <-time.After(15 * time.Second):
		t.Fatal("the failpoint replica never posted a digest")
	}
	if code := crasher.cmd.ProcessState.ExitCode(); code != 137 {
		t.Errorf("the failpoint replica exited %d, want 137", code)
	}
	if err := fake.WaitLive(2, 10*time.Second); err != nil {
		t.Fatal(err)
	}

	// A subscription made through whichever replica gets the command…
	env1, url1, err := fake.SendSlashCommand(slackfake.SlashCommand{Text: "digest subscribe every 2s", User: "UADMIN1", Channel: "CSUB1"})
	if err != nil {
		t.Fatal(err)
	}
	if reply, err := fake.WaitReply(env1, url1, 10*time.Second); err != nil || !strings.Contains(string(reply), "Subscribed") {
		t.Fatalf("subscribe: %s %v", reply, err)
	}
	subscribed := time.Now()
	// …which is then killed (SIGKILL): the survivor posts the subscription's digests.
	through, survivor := a, b
	if data, _ := os.ReadFile(b.log.Name()); strings.Contains(string(data), `"digest subscribed"`) {
		through, survivor = b, a
	}
	// A retried event, delivered to the two sockets in turn: answered once.
	ev := slackfake.Event{EventID: "EvRETRIED1", Inner: map[string]any{"type": "message", "channel_type": "im", "user": "U9",
		"text": "antimony", "channel": "D9", "ts": "1700000009.000900"}}
	fake.SendEvent(ev)
	ev.RetryAttempt = 1
	fake.SendEvent(ev)

	time.Sleep(2 * time.Second)
	through.cmd.Process.Kill()
	fake.Fail("chat.postMessage", 4) // Slack answers 500s at digest time
	time.Sleep(9 * time.Second)
	elapsed := time.Since(start)

	// The dead replica's post was found by its mark and recorded, not posted again.
	logs := ""
	for _, r := range []*replica{a, b} {
		data, _ := os.ReadFile(r.log.Name())
		logs += string(data)
	}
	if !strings.Contains(logs, "an earlier attempt posted the digest; recorded, not posted again") {
		t.Error("no survivor found the dead replica's post by its mark")
	}
	if data, _ := os.ReadFile(survivor.log.Name()); !strings.Contains(string(data), `"channel":"CSUB1"`) {
		t.Error("the survivor never posted the subscription made through the killed replica")
	}

	periods := digestPeriods(t, fake.Posts())
	t.Logf("after %s: CDIGEST1 %v, CSUB1 %v", elapsed.Round(time.Second), periods["CDIGEST1"], periods["CSUB1"])
	for ch, since := range map[string]time.Time{"CDIGEST1": start, "CSUB1": subscribed} {
		got := periods[ch]
		elapsed := time.Since(since)
		seen := map[string]int{}
		for _, p := range got {
			seen[p]++
		}
		for p, n := range seen {
			if n > 1 {
				t.Errorf("%s: period %s posted %d times", ch, p, n)
			}
		}
		// Every 2 s period from the first to the last posted is there: none lost.
		sorted := slices.Sorted(func(yield func(string) bool) {
			for p := range seen {
				if !yield(p) {
					return
				}
			}
		})
		if len(sorted) < int(elapsed/(2*time.Second))-3 {
			t.Errorf("%s: %d periods posted in %s, want about %d: %v", ch, len(sorted), elapsed.Round(time.Second), int(elapsed/(2*time.Second)), sorted)
		}
		for i := 1; i < len(sorted); i++ {
			a, _ := time.Parse(time.RFC3339, sorted[i-1])
			b, _ := time.Parse(time.RFC3339, sorted[i])
			if b.Sub(a) != 2*time.Second {
				t.Errorf("%s: no digest for the periods between %s and %s", ch, sorted[i-1], sorted[i])
			}
		}
	}
	var dms int
	for _, p := range fake.Posts() {
		if p.Channel == "D9" {
			dms++
		}
	}
	if dms != 1 {
		t.Errorf("the retried event was answered %d times, want once", dms)
	}
}

// While PostgreSQL is down the bot keeps answering, and the digests due meanwhile are posted
// once it is back: late, and once each.
func TestPostgresOutage(t *testing.T) {
	cluster := pgtest.Shared(t)
	dsn := cluster.NewDB(t)
	lb := startBot(t, map[string]string{
		"MINERALBOT_STATE_DRIVER":    "postgres",
		"MINERALBOT_STATE_DSN":       dsn,
		"MINERALBOT_DIGEST_SCHEDULE": "@every 2s",
		"MINERALBOT_DIGEST_CHANNELS": "CDIGEST1",
		"MINERALBOT_DIGEST_GRACE":    "20s",
	})
	waitPosts(t, lb.fake, "CDIGEST1", 1)
	down := make(chan struct{})
	go func() { cluster.Restart(t, 5*time.Second); close(down) }()
	time.Sleep(time.Second)
	if out := lb.slash(t, "U1", "antimony"); !strings.HasPrefix(out, "China accounted for 36% of world mine production of antimony") {
		t.Errorf("with PostgreSQL down the bot must still answer: %s", out)
	}
	<-down
	back := time.Now()
	time.Sleep(6 * time.Second)
	periods := digestPeriods(t, lb.fake.Posts())["CDIGEST1"]
	seen := map[string]int{}
	for _, p := range periods {
		seen[p]++
		if seen[p] > 1 {
			t.Errorf("period %s posted twice", p)
		}
	}
	sorted := slices.Sorted(maps.Keys(seen))
	for i := 1; i < len(sorted); i++ {
		a, _ := time.Parse(time.RFC3339, sorted[i-1])
		b, _ := time.Parse(time.RFC3339, sorted[i])
		if b.Sub(a) != 2*time.Second {
			t.Errorf("no digest for the periods between %s and %s (the outage)", sorted[i-1], sorted[i])
		}
	}
	if last, _ := time.Parse(time.RFC3339, sorted[len(sorted)-1]); last.Before(back) {
		t.Errorf("no digest after PostgreSQL came back: %v", sorted)
	}
}

// Two replicas on one PostgreSQL, with the Slack stand-in handing their sockets envelopes in
// turn: a DM's follow-up that reaches the other replica is answered about what the
// conversation was about, and so is a mention's follow-up in its thread.
func TestFollowUpAcrossReplicas(t *testing.T) {
	fake, env := sharedState(t)
	replicas := []*replica{startReplica(t, "a", env), startReplica(t, "b", env)}
	if err := fake.WaitConnected(2, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	for i, m := range []string{"antimony", "fluorspar", "graphite"} {
		for j, text := range []string{"who produces " + m + "?", "and its reserves?"} {
			if _, err := fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "message", "channel_type": "im",
				"user": "U7", "text": text, "channel": "DFOLLOW", "ts": fmt.Sprintf("1700000200.%06d", 2*i+j)}}); err != nil {
				t.Fatal(err)
			}
			// The asker reads the answer before asking on.
			posts := waitPosts(t, fake, "DFOLLOW", 2*i+j+1)
			got := firstLine(posts[len(posts)-1].Text)
			want := "world mine production of " + m
			if j == 1 {
				want = "largest " + m + " reserves"
			}
			if !strings.Contains(got, want) {
				t.Errorf("%q after asking about %s: the reply begins %q, want it about %q", text, m, got, want)
			}
		}
	}
	// A mention's thread is a conversation too: a follow-up in it, handed to the other
	// replica, is about the mention's mineral. A follow-up in another thread is not.
	mention := func(ts, thread, text string) {
		t.Helper()
		ev := map[string]any{"type": "app_mention", "user": "U7", "text": "<@" + slackfake.BotUser + "> " + text,
			"channel": "CFOLLOW", "ts": ts, "event_ts": ts}
		if thread != "" {
			ev["thread_ts"] = thread
		}
		if _, err := fake.SendEvent(slackfake.Event{Inner: ev}); err != nil {
			t.Fatal(err)
		}
	}
	mention("1700000300.000001", "", "who produces zinc?")
	waitPosts(t, fake, "CFOLLOW", 1)
	mention("1700000300.000002", "1700000300.000001", "and its reserves?")
	posts := waitPosts(t, fake, "CFOLLOW", 2)
	if got := firstLine(posts[1].Text); posts[1].ThreadTS != "1700000300.000001" || !strings.Contains(got, "largest zinc reserves") {
		t.Errorf("a follow-up in the mention's thread: reply in thread %q begins %q, want zinc's reserves in thread 1700000300.000001", posts[1].ThreadTS, got)
	}
	mention("1700000300.000003", "", "and its reserves?")
	posts = waitPosts(t, fake, "CFOLLOW", 3)
	if got := firstLine(posts[2].Text); strings.Contains(got, "zinc") {
		t.Errorf("a new thread took another thread's topic: %q", got)
	}
	// Both replicas answered: the follow-ups did cross from one to the other.
	for _, r := range replicas {
		data, _ := os.ReadFile(r.log.Name())
		for _, ch := range []string{"DFOLLOW", "CFOLLOW"} {
			if !strings.Contains(string(data), `"channel":"`+ch+`"`) {
				t.Errorf("replica %s answered nothing in %s", r.name, ch)
			}
		}
	}
}
