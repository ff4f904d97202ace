package main

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/mineralbot/mineralbot/internal/pgtest"
	"github.com/mineralbot/mineralbot/internal/slackfake"
)

// sharedState returns a Slack stand-in that hands envelopes to the replicas' sockets in turn,
// as Slack does, and the environment of replicas that share a new PostgreSQL database.
func sharedState(t *testing.T) (*slackfake.Server, map[string]string) {
	t.Helper()
	dsn := pgtest.Shared(t).NewDB(t)
	fake := slackfake.New()
	fake.MultiConn = true
	t.Cleanup(fake.Close)
	return fake, map[string]string{
		"SLACK_BOT_TOKEN": slackfake.BotToken, "SLACK_APP_TOKEN": slackfake.AppToken, "SLACK_API_URL": fake.APIURL(),
		"MINERALBOT_HTTP_ADDR": "127.0.0.1:0", "MINERALBOT_STATE_DRIVER": "postgres", "MINERALBOT_STATE_DSN": dsn,
		"MINERALBOT_LOG_FORMAT": "json",
	}
}

// crashing is env with the failpoint that exits, like kill -9, once a reply is ready and its
// message recorded as pending, before the reply is posted.
func crashing(env map[string]string) map[string]string {
	out := map[string]string{"MINERALBOT_FAILPOINT": "crash-before-reply"}
	for k, v := range env {
		out[k] = v
	}
	return out
}

// waitFailpoint waits for a replica to exit at its failpoint.
func waitFailpoint(t *testing.T, r *replica) {
	t.Helper()
	exited := make(chan error, 1)
	go func() { exited <- r.cmd.Wait() }()
	select {
	case err := <-exited:
		if ee, ok := errors.AsType[*exec.ExitError](err); !ok || ee.ExitCode() != 137 {
			t.Fatalf("replica %s ended with %v, want the failpoint's exit 137", r.name, err)
		}
	case <-time.After(20 * time.Second):
		t.Fatalf("replica %s never reached its failpoint", r.name)
	}
}

// A message acked by a process that dies before posting its reply is answered by the next
// process on the same state, once: Slack never sends an acked message again. Before the
// state kept acked messages, the DM and the slash command below were never answered.
func TestKilledBeforeReplyIsAnsweredAfterRestart(t *testing.T) {
	for _, tc := range []struct {
		name string
		send func(*slackfake.Server) (envelope string, err error)
		// posts returns the replies to the message among everything posted.
		posts func([]slackfake.Post) []slackfake.Post
	}{{
		name: "dm",
		send: func(fake *slackfake.Server) (string, error) {
			return fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "message", "channel_type": "im",
				"user": "U9", "text": "who produces fluorspar?", "channel": "DKILL", "ts": "1700000400.000001"}})
		},
		posts: func(posts []slackfake.Post) []slackfake.Post { return postsTo(posts, "DKILL") },
	}, {
		name: "slash command",
		send: func(fake *slackfake.Server) (string, error) {
			// The reply cannot ride in the ack: it goes by response_url, after the ack,
			// where the failpoint is.
			env, _, err := fake.SendSlashCommand(slackfake.SlashCommand{Text: "who produces fluorspar?", User: "U9", Channel: "CKILL", NoAckPayload: true})
			return env, err
		},
		posts: func(posts []slackfake.Post) []slackfake.Post {
			var out []slackfake.Post
			for _, p := range posts {
				if p.Method == "response_url" {
					out = append(out, p)
				}
			}
			return out
		},
	}} {
		t.Run(tc.name, func(t *testing.T) {
			fake := slackfake.New()
			defer fake.Close()
			env := map[string]string{
				"SLACK_BOT_TOKEN": slackfake.BotToken, "SLACK_APP_TOKEN": slackfake.AppToken, "SLACK_API_URL": fake.APIURL(),
				"MINERALBOT_HTTP_ADDR": "127.0.0.1:0", "MINERALBOT_DATA_DIR": t.TempDir(),
				"MINERALBOT_BOT_TAKE_OVER_AFTER": "2s",
			}
			first := startReplica(t, "first", crashing(env))
			if err := fake.WaitConnected(1, 20*time.Second); err != nil {
				t.Fatal(err)
			}
			envelope, err := tc.send(fake)
			if err != nil {
				t.Fatal(err)
			}
			waitFailpoint(t, first)
			if _, ok := fake.AckLatency(envelope); !ok {
				t.Fatal("the message was not acked before the process died: Slack would send it again, and this test proves nothing")
			}
			if got := tc.posts(fake.Posts()); len(got) != 0 {
				t.Fatalf("the first process posted %d replies before its failpoint", len(got))
			}

			startReplica(t, "second", env)
			var got []slackfake.Post
			if err := fake.WaitFor(20*time.Second, func(posts []slackfake.Post, _ []slackfake.Ack) bool {
				got = tc.posts(posts)
				return len(got) > 0
			}); err != nil {
				t.Fatalf("the message acked by the killed process was never answered: %v", err)
			}
			if line := firstLine(got[0].Text); !strings.Contains(line, "world mine production of fluorspar") {
				t.Errorf("the late reply begins %q, want the answer to who produces fluorspar", line)
			}
			if tc.name == "dm" && got[0].ThreadTS != "" {
				t.Errorf("the DM's reply went to thread %q, want the DM's top level", got[0].ThreadTS)
			}
			// Answered, it is settled: no later take-over answers it again (the take-over
			// runs every second with this setting).
			time.Sleep(5 * time.Second)
			if got := tc.posts(fake.Posts()); len(got) != 1 {
				t.Errorf("%d replies to the message, want exactly 1", len(got))
			}
			data, _ := os.ReadFile(first.log.Name())
			if !strings.Contains(string(data), "crash-before-reply") {
				t.Errorf("the first process's log does not show the failpoint")
			}
		})
	}
}

// With replicas on PostgreSQL, a message whose replica dies before replying is answered by
// a replica still running, once.
func TestKilledReplicasMessageIsAnsweredByAnother(t *testing.T) {
	fake, env := sharedState(t)
	env["MINERALBOT_BOT_TAKE_OVER_AFTER"] = "2s"
	crasher := startReplica(t, "crasher", crashing(env))
	startReplica(t, "survivor", env)
	if err := fake.WaitConnected(2, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	// Slack hands envelopes to the replicas' sockets in turn: one of these reaches each.
	questions := map[string]string{"DREP1": "who produces fluorspar?", "DREP2": "who produces antimony?"}
	for _, ch := range []string{"DREP1", "DREP2"} {
		if _, err := fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "message", "channel_type": "im",
			"user": "U9", "text": questions[ch], "channel": ch, "ts": "1700000500.000001"}}); err != nil {
			t.Fatal(err)
		}
	}
	waitFailpoint(t, crasher)
	for ch, q := range questions {
		posts := waitPosts(t, fake, ch, 1)
		mineral := strings.TrimSuffix(strings.TrimPrefix(q, "who produces "), "?")
		if line := firstLine(posts[0].Text); !strings.Contains(line, "world mine production of "+mineral) {
			t.Errorf("%s: the reply begins %q, want the answer to %q", ch, line, q)
		}
	}
	time.Sleep(5 * time.Second) // several take-over rounds
	for ch := range questions {
		if n := len(postsTo(fake.Posts(), ch)); n != 1 {
			t.Errorf("%s: %d replies, want exactly 1", ch, n)
		}
	}
}

// Two messages of one DM sent together reach two replicas (Slack hands envelopes to their
// sockets in turn): the follow-up is answered after the question it follows, and about it.
func TestQuickFollowUpAcrossReplicasKeepsOrder(t *testing.T) {
	fake, env := sharedState(t)
	startReplica(t, "a", env)
	startReplica(t, "b", env)
	if err := fake.WaitConnected(2, 30*time.Second); err != nil {
		t.Fatal(err)
	}
	for i, m := range []string{"antimony", "fluorspar", "graphite"} {
		ch := fmt.Sprintf("DQUICK%d", i)
		for j, text := range []string{"who produces " + m + "?", "and its reserves?"} {
			if _, err := fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "message", "channel_type": "im",
				"user": "U8", "text": text, "channel": ch, "ts": fmt.Sprintf("1700000600.%06d", j+1)}}); err != nil {
				t.Fatal(err)
			}
		}
		posts := waitPosts(t, fake, ch, 2)
		for j, want := range []string{"world mine production of " + m, "largest " + m + " reserves"} {
			if got := firstLine(posts[j].Text); !strings.Contains(got, want) {
				t.Errorf("%s: reply %d begins %q, want it about %q", ch, j+1, got, want)
			}
		}
	}
}
