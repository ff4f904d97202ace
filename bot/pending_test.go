package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mineralbot/mineralbot/internal/slackfake"
	"github.com/mineralbot/mineralbot/state"
	"github.com/mineralbot/mineralbot/state/bolt"
)

// Messages left pending by a process that died are answered by the next one at its start:
// a DM and a mention in their places, a slash command at its response_url. One that has
// made every process that took it die, and one too old to be of use, are given up, not
// answered; all are settled.
func TestPendingMessagesAreTakenOver(t *testing.T) {
	fake := slackfake.New()
	defer fake.Close()
	store, err := bolt.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	responseURL := strings.TrimSuffix(fake.APIURL(), "/api/") + "/response/77"
	pending := []state.Pending{
		{ID: "D1/1.1", Where: fromDM, User: "U1", Channel: "D1", TS: "1.1", Text: "antimony", Received: now.Add(-time.Minute)},
		{ID: "C1/2.2", Where: fromMention, User: "U1", Channel: "C1", TS: "2.2", Thread: "2.2", Text: "<@UBOT> zinc", Received: now.Add(-time.Minute)},
		{ID: "slash/e1", Where: fromSlash, User: "U1", Channel: "C2", Text: "graphite", ResponseURL: responseURL, Received: now.Add(-time.Minute)},
		{ID: "D2/3.3", Where: fromDM, User: "U2", Channel: "D2", TS: "3.3", Text: "poison", Received: now.Add(-2 * time.Minute)},
		{ID: "D3/4.4", Where: fromDM, User: "U3", Channel: "D3", TS: "4.4", Text: "stale", Received: now.Add(-31 * time.Minute)},
	}
	// The poison message was taken over twice already, and its takers died too.
	ctx := context.Background()
	if err := store.AddPending(ctx, "dead", pending[3:4], now.Add(-time.Hour), time.Minute); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if ps, err := store.TakePending(ctx, "dead too", now.Add(time.Duration(5*i-50)*time.Minute), time.Minute, 10); err != nil || len(ps) != 1 {
			t.Fatal(ps, err)
		}
	}
	// The others are leased to a process that died a while ago.
	if err := store.AddPending(ctx, "dead", pending, now.Add(-10*time.Minute), time.Minute); err != nil {
		t.Fatal(err)
	}
	runBot(t, fake, Config{Answerer: topicAnswerer{}, Store: store, Digests: titleBuilder, DigestSchedule: "0 9 * * MON"})

	var posts []slackfake.Post
	if err := fake.WaitFor(10*time.Second, func(ps []slackfake.Post, _ []slackfake.Ack) bool {
		posts = ps
		return len(ps) >= 3
	}); err != nil {
		t.Fatalf("the pending messages were not answered: %d posts: %v", len(posts), err)
	}
	time.Sleep(300 * time.Millisecond) // what else would be posted
	got := map[string]string{}
	for _, p := range fake.Posts() {
		where := p.Channel + "|" + p.ThreadTS
		if p.Method == "response_url" {
			where = p.ResponseURL
		}
		if _, dup := got[where]; dup {
			t.Errorf("answered twice at %s", where)
		}
		got[where] = firstLineOf(p.Text)
	}
	want := map[string]string{"D1|": "About antimony", "C1|2.2": "About zinc", "/response/77": "About graphite"}
	for where, title := range want {
		if !strings.HasPrefix(got[where], title) {
			t.Errorf("reply at %s begins %q, want the answer about %s", where, got[where], title)
		}
	}
	if len(got) != len(want) {
		t.Errorf("replies at %v; want only %v (the poison and the stale messages given up)", got, want)
	}
	// Every one is settled: none is left for anyone to take.
	left, err := store.TakePending(ctx, "later", now.Add(time.Hour), time.Minute, 10)
	if err != nil || len(left) != 0 {
		t.Fatalf("pending after the take-over: %+v, %v", left, err)
	}
}

func firstLineOf(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// The wait before looking for an earlier message held by another process grows with how
// long this process's own records take to land, within bounds.
func TestEarlierGraceFollowsTheStoresLag(t *testing.T) {
	for _, tt := range []struct{ lag, want time.Duration }{
		{0, earlierGrace},
		{10 * time.Millisecond, earlierGrace},
		{80 * time.Millisecond, 160 * time.Millisecond},
		{2 * time.Second, maxEarlierGrace},
	} {
		if got := earlierGraceFor(tt.lag); got != tt.want {
			t.Errorf("earlierGraceFor(%s) = %s, want %s", tt.lag, got, tt.want)
		}
	}
}
