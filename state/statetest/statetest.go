// Package statetest is the contract every [state.Store] driver passes: one suite, run
// against bbolt and against PostgreSQL.
package statetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mineralbot/mineralbot/state"
)

// Opener opens a fresh, empty store for one test. The suite closes it.
type Opener func(t *testing.T) state.Store

// Limiter is implemented by drivers whose bound on kept questions a test may lower.
type Limiter interface{ SetMaxUnanswered(n int) }

var t0 = time.Date(2026, 11, 23, 15, 0, 0, 0, time.UTC)

// Run runs the contract suite.
func Run(t *testing.T, open Opener) {
	for _, tc := range []struct {
		name string
		fn   func(t *testing.T, s state.Store)
	}{
		{"Subscriptions", testSubscriptions},
		{"ClaimLifecycle", testClaimLifecycle},
		{"LeaseTakeover", testLeaseTakeover},
		{"ConcurrentClaims", testConcurrentClaims},
		{"DeliveriesInOrder", testDeliveriesInOrder},
		{"FirstSeen", testFirstSeen},
		{"Topics", testTopics},
		{"Pending", testPending},
		{"ConcurrentPendingTakes", testConcurrentPendingTakes},
		{"EarlierPending", testEarlierPending},
		{"Unanswered", testUnanswered},
		{"UnansweredKeepsNewest", testUnansweredKeepsNewest},
		{"Feedback", testFeedback},
		{"Prune", testPrune},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := open(t)
			t.Cleanup(func() { s.Close() })
			tc.fn(t, s)
		})
	}
}

var ctx = context.Background()

func testSubscriptions(t *testing.T, s state.Store) {
	a := state.Subscription{Channel: "C1", Schedule: "@weekly", Source: "slack", By: "U1", Since: t0, Lang: "es"}
	b := state.Subscription{Channel: "C2", Schedule: "CRON_TZ=America/Mexico_City 0 9 * * 1", Source: "slack"}
	for _, sub := range []state.Subscription{a, b} {
		if err := s.PutSubscription(ctx, sub); err != nil {
			t.Fatal(err)
		}
	}
	a.Schedule = "@daily" // replaces
	if err := s.PutSubscription(ctx, a); err != nil {
		t.Fatal(err)
	}
	subs, err := s.Subscriptions(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(subs) != 2 || subs[0].Channel != "C1" || subs[0].Schedule != "@daily" || subs[0].Lang != "es" || !subs[0].Since.Equal(t0) || subs[1].Channel != "C2" {
		t.Fatalf("subscriptions %+v", subs)
	}
	if had, err := s.DeleteSubscription(ctx, "C1"); err != nil || !had {
		t.Fatalf("delete C1: %v %v", had, err)
	}
	if had, err := s.DeleteSubscription(ctx, "C1"); err != nil || had {
		t.Fatalf("delete C1 again: %v %v", had, err)
	}
	if subs, _ := s.Subscriptions(ctx); len(subs) != 1 {
		t.Fatalf("after delete: %+v", subs)
	}
}

func key(p time.Time) state.DeliveryKey {
	return state.DeliveryKey{Subscription: "C1 @weekly", Period: p}
}

func testClaimLifecycle(t *testing.T, s state.Store) {
	k := key(t0)
	d, err := s.Claim(ctx, k, "a", t0, time.Minute)
	if err != nil || d.State != state.Claimed || d.Attempts != 1 || d.Owner != "a" || !d.LeaseUntil.Equal(t0.Add(time.Minute)) {
		t.Fatalf("first claim: %+v %v", d, err)
	}
	if d, err := s.Claim(ctx, k, "b", t0.Add(time.Second), time.Minute); !errors.Is(err, state.ErrTaken) || d.Owner != "a" {
		t.Fatalf("claim while a's lease runs: %+v %v, want ErrTaken", d, err)
	}
	// A failed attempt releases the lease: the next claim (anyone's) retries at once.
	if err := s.Release(ctx, k, "a", "slack: 500", t0.Add(2*time.Second)); err != nil {
		t.Fatal(err)
	}
	d, err = s.Claim(ctx, k, "b", t0.Add(3*time.Second), time.Minute)
	if err != nil || d.Attempts != 2 || d.Owner != "b" || d.LastError != "slack: 500" {
		t.Fatalf("claim after a failure: %+v %v", d, err)
	}
	if err := s.Complete(ctx, k, "b", state.Outcome{PostedTS: "1700000000.000100"}, t0.Add(4*time.Second)); err != nil {
		t.Fatal(err)
	}
	if d, err := s.Claim(ctx, k, "c", t0.Add(time.Hour), time.Minute); !errors.Is(err, state.ErrDone) || d.PostedTS != "1700000000.000100" || d.State != state.Posted {
		t.Fatalf("claim of a posted period: %+v %v, want ErrDone", d, err)
	}
	if err := s.Complete(ctx, k, "a", state.Outcome{PostedTS: "1700000000.000999"}, t0.Add(5*time.Second)); !errors.Is(err, state.ErrDone) {
		t.Fatalf("second completion: %v, want ErrDone", err)
	}
	// A skipped period is done too.
	k2 := key(t0.Add(7 * 24 * time.Hour))
	if _, err := s.Claim(ctx, k2, "a", t0, time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := s.Complete(ctx, k2, "a", state.Outcome{Note: "no unanswered questions"}, t0); err != nil {
		t.Fatal(err)
	}
	if d, err := s.Claim(ctx, k2, "a", t0, time.Minute); !errors.Is(err, state.ErrDone) || d.State != state.Skipped || d.Note != "no unanswered questions" {
		t.Fatalf("claim of a skipped period: %+v %v", d, err)
	}
}

func testLeaseTakeover(t *testing.T, s state.Store) {
	k := key(t0)
	if _, err := s.Claim(ctx, k, "dead", t0, 20*time.Second); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Claim(ctx, k, "alive", t0.Add(19*time.Second), 20*time.Second); !errors.Is(err, state.ErrTaken) {
		t.Fatalf("before the lease ends: %v", err)
	}
	d, err := s.Claim(ctx, k, "alive", t0.Add(21*time.Second), 20*time.Second)
	if err != nil || d.Owner != "alive" || d.Attempts != 2 {
		t.Fatalf("after the lease ends: %+v %v", d, err)
	}
	// The dead holder, back, cannot release the new holder's claim.
	if err := s.Release(ctx, k, "dead", "late", t0.Add(22*time.Second)); !errors.Is(err, state.ErrTaken) {
		t.Fatalf("a stale release: %v, want ErrTaken", err)
	}
}

func testConcurrentClaims(t *testing.T, s state.Store) {
	k := key(t0)
	var wg sync.WaitGroup
	var mu sync.Mutex
	won, taken := 0, 0
	for i := range 12 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := s.Claim(ctx, k, fmt.Sprint("p", i), t0, time.Minute)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				won++
			case errors.Is(err, state.ErrTaken):
				taken++
			default:
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if won != 1 || taken != 11 {
		t.Fatalf("%d claims won and %d taken, want 1 and 11", won, taken)
	}
}

func testDeliveriesInOrder(t *testing.T, s state.Store) {
	for _, d := range []int{14, 0, 7} {
		if _, err := s.Claim(ctx, key(t0.AddDate(0, 0, d)), "a", t0, time.Minute); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.Claim(ctx, state.DeliveryKey{Subscription: "C1 @weekly2", Period: t0}, "a", t0, time.Minute); err != nil {
		t.Fatal(err)
	}
	ds, err := s.Deliveries(ctx, "C1 @weekly")
	if err != nil {
		t.Fatal(err)
	}
	if len(ds) != 3 || !ds[0].Period.Equal(t0) || !ds[2].Period.Equal(t0.AddDate(0, 0, 14)) {
		t.Fatalf("deliveries %+v", ds)
	}
}

func testFirstSeen(t *testing.T, s state.Store) {
	for i, tc := range []struct {
		at   time.Time
		want bool
	}{{t0, true}, {t0.Add(time.Minute), false}, {t0.Add(2 * time.Hour), true}} {
		got, err := s.FirstSeen(ctx, "Ev1", tc.at, time.Hour)
		if err != nil || got != tc.want {
			t.Fatalf("#%d: FirstSeen = %v, %v; want %v", i, got, err, tc.want)
		}
	}
	if got, _ := s.FirstSeen(ctx, "Ev2", t0, time.Hour); !got {
		t.Fatal("another event is first too")
	}
}

func testTopics(t *testing.T, s state.Store) {
	if _, ok, err := s.Topic(ctx, "D1", t0); ok || err != nil {
		t.Fatalf("a conversation never seen has a topic: %v, %v", ok, err)
	}
	antimony := state.Topic{Minerals: []string{"antimony"}, Measure: "producers"}
	mexico := state.Topic{Minerals: []string{"zinc", "lead"}, Countries: []string{"mexico"}, Policies: []string{"usmca"}, Measure: "reserves",
		Lists: []string{"usgs-2025", "eu-crma-critical"}, Year: 2023, YesNo: true, Compare: true, Why: true, Direction: "up"}
	batteries := state.Topic{Sector: "batteries", Measure: "producers"}
	for _, tc := range []struct {
		conversation string
		t            state.Topic
	}{{"D1", antimony}, {"C1/1700000000.000100", mexico}, {"D3", batteries}} {
		if err := s.SetTopic(ctx, tc.conversation, tc.t, t0, 30*time.Minute); err != nil {
			t.Fatal(err)
		}
	}
	for _, tc := range []struct {
		conversation string
		at           time.Time
		want         state.Topic
		ok           bool
	}{
		{"D1", t0.Add(time.Minute), antimony, true},
		{"C1/1700000000.000100", t0.Add(29 * time.Minute), mexico, true},
		{"D3", t0.Add(time.Minute), batteries, true},
		{"D1", t0.Add(30 * time.Minute), state.Topic{}, false}, // expired
		{"D2", t0, state.Topic{}, false},
	} {
		got, ok, err := s.Topic(ctx, tc.conversation, tc.at)
		if err != nil || ok != tc.ok || !reflect.DeepEqual(got, tc.want) {
			t.Fatalf("Topic(%s, +%s) = %+v, %v, %v; want %+v, %v", tc.conversation, tc.at.Sub(t0), got, ok, err, tc.want, tc.ok)
		}
	}
	// A later answer replaces the topic, and its time to live.
	if err := s.SetTopic(ctx, "D1", mexico, t0.Add(20*time.Minute), 30*time.Minute); err != nil {
		t.Fatal(err)
	}
	if got, ok, _ := s.Topic(ctx, "D1", t0.Add(45*time.Minute)); !ok || !reflect.DeepEqual(got, mexico) {
		t.Fatalf("after replacing, Topic = %+v, %v; want %+v", got, ok, mexico)
	}
}

func testPending(t *testing.T, s state.Store) {
	dm := state.Pending{ID: "D1/1.1", Where: "dm", User: "U1", Channel: "D1", TS: "1.1", Text: "¿qué produce México?", Received: t0}
	mention := state.Pending{ID: "C1/2.2", Where: "mention", User: "U2", Channel: "C1", TS: "2.2", Thread: "2.2", Text: strings.Repeat("é", 3000), Received: t0.Add(time.Second)}
	if err := s.AddPending(ctx, "a", []state.Pending{dm, mention}, t0, time.Minute); err != nil {
		t.Fatal(err)
	}
	// Within the lease nothing is handed out: the process that received them is answering.
	if got, err := s.TakePending(ctx, "b", t0.Add(59*time.Second), time.Minute, 10); len(got) != 0 || err != nil {
		t.Fatalf("within the lease, TakePending = %+v, %v; want nothing", got, err)
	}
	// The same message again (a redelivery) leaves the first as it was.
	again := dm
	again.Text = "something else"
	if err := s.AddPending(ctx, "c", []state.Pending{again}, t0.Add(30*time.Second), time.Hour); err != nil {
		t.Fatal(err)
	}
	// After it, the oldest first, each leased to the taker, as many as asked for.
	got, err := s.TakePending(ctx, "b", t0.Add(61*time.Second), time.Minute, 1)
	if err != nil || len(got) != 1 {
		t.Fatalf("TakePending(max 1) = %+v, %v; want the DM", got, err)
	}
	if g := got[0]; g.ID != dm.ID || g.Text != dm.Text || g.Channel != "D1" || g.Where != "dm" || g.Owner != "b" || g.Attempts != 2 ||
		!g.Received.Equal(t0) || !g.LeaseUntil.Equal(t0.Add(121*time.Second)) {
		t.Fatalf("taken: %+v", g)
	}
	got, err = s.TakePending(ctx, "b", t0.Add(62*time.Second), time.Minute, 10)
	if err != nil || len(got) != 1 || got[0].ID != mention.ID || got[0].Thread != "2.2" {
		t.Fatalf("second take = %+v, %v; want the mention (the DM is leased again)", got, err)
	}
	if n := len(got[0].Text); n > state.MaxPendingBytes || !strings.HasPrefix(mention.Text, got[0].Text) {
		t.Fatalf("a long text is kept as %d bytes, want a prefix of at most %d", n, state.MaxPendingBytes)
	}
	// Answered: gone for good. Ids not pending are ignored.
	if err := s.DonePending(ctx, []string{dm.ID, "never-added"}); err != nil {
		t.Fatal(err)
	}
	if err := s.DonePending(ctx, nil); err != nil {
		t.Fatalf("DonePending of nothing: %v", err)
	}
	got, err = s.TakePending(ctx, "c", t0.Add(time.Hour), time.Minute, 10)
	if err != nil || len(got) != 1 || got[0].ID != mention.ID || got[0].Attempts != 3 {
		t.Fatalf("after the DM was answered, TakePending = %+v, %v; want the mention alone", got, err)
	}
}

// testEarlierPending: a message waits for the earlier messages of its conversation that
// another process holds.
func testEarlierPending(t *testing.T, s state.Store) {
	ps := []state.Pending{
		{ID: "D1/1700000000.000100", Channel: "D1", TS: "1700000000.000100", Text: "who produces antimony?", Received: t0},
		{ID: "C1/1700000000.000300", Channel: "C1", Thread: "1700000000.000050", TS: "1700000000.000300", Text: "and zinc?", Received: t0},
	}
	if err := s.AddPending(ctx, "a", ps, t0, time.Minute); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		channel, thread, ts, owner string
		want                       bool
	}{
		{"D1", "", "1700000000.000200", "b", true},     // an earlier DM, held by a
		{"D1", "", "1700000000.000200", "a", false},    // its own: the process orders those itself
		{"D1", "", "1700000000.000100", "b", false},    // itself
		{"D1", "", "1700000000.00005", "b", false},     // a later one
		{"D1", "", "1700000001", "b", true},            // no fraction
		{"D1", "1.0", "1700000000.000200", "b", false}, // another thread
		{"C1", "1700000000.000050", "1700000000.000400", "b", true},
		{"C1", "", "1700000000.000400", "b", false}, // the channel's top level
		{"D2", "", "1700000000.000200", "b", false},
		{"D1", "", "not a ts", "b", false},
	} {
		got, err := s.EarlierPending(ctx, tc.channel, tc.thread, tc.ts, tc.owner)
		if err != nil || got != tc.want {
			t.Errorf("EarlierPending(%s, %q, %s, %s) = %v, %v; want %v", tc.channel, tc.thread, tc.ts, tc.owner, got, err, tc.want)
		}
	}
	if err := s.DonePending(ctx, []string{ps[0].ID}); err != nil {
		t.Fatal(err)
	}
	if got, _ := s.EarlierPending(ctx, "D1", "", "1700000000.000200", "b"); got {
		t.Error("an answered message still holds up the next")
	}
}

// testConcurrentPendingTakes: processes taking pending messages at the same moment get each
// message once between them.
func testConcurrentPendingTakes(t *testing.T, s state.Store) {
	var ps []state.Pending
	for i := range 20 {
		ps = append(ps, state.Pending{ID: fmt.Sprint("D1/", i), Where: "dm", Channel: "D1", Text: "q", Received: t0.Add(time.Duration(i) * time.Millisecond)})
	}
	if err := s.AddPending(ctx, "dead", ps, t0, time.Minute); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	taken := map[string]int{}
	var wg sync.WaitGroup
	for i := range 6 {
		wg.Go(func() {
			got, err := s.TakePending(ctx, fmt.Sprint("p", i), t0.Add(2*time.Minute), time.Minute, 5)
			if err != nil {
				t.Error(err)
			}
			mu.Lock()
			defer mu.Unlock()
			for _, p := range got {
				taken[p.ID]++
			}
		})
	}
	wg.Wait()
	if len(taken) != 20 {
		t.Fatalf("%d of 20 messages taken", len(taken))
	}
	for id, n := range taken {
		if n != 1 {
			t.Fatalf("message %s taken %d times", id, n)
		}
	}
}

func testUnanswered(t *testing.T, s state.Store) {
	long := strings.Repeat("é", 400)
	for i, q := range []string{"qwxz", "blorf", long} {
		if err := s.AddUnanswered(ctx, state.Unanswered{At: t0.Add(time.Duration(i) * time.Hour), Question: q, Where: "dm"}); err != nil {
			t.Fatal(err)
		}
	}
	us, err := s.UnansweredBetween(ctx, t0, t0.Add(2*time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if len(us) != 2 || us[0].Question != "blorf" || us[0].Where != "dm" || len(us[1].Question) > state.MaxQuestionBytes || !strings.HasPrefix(long, us[1].Question) {
		t.Fatalf("unanswered in (t0, t0+2h]: %+v", us)
	}
}

func testUnansweredKeepsNewest(t *testing.T, s state.Store) {
	l, ok := s.(Limiter)
	if !ok {
		t.Fatalf("%T does not let a test lower its bound on questions", s)
	}
	l.SetMaxUnanswered(5)
	q := func(i int) state.Unanswered {
		return state.Unanswered{At: t0.Add(time.Duration(i) * time.Minute), Question: fmt.Sprint("q", i)}
	}
	for i := range 3 {
		if err := s.AddUnanswered(ctx, q(i)); err != nil {
			t.Fatal(err)
		}
	}
	// Five more in one write: the bound holds for a batch as for one.
	if err := s.AddUnanswered(ctx, q(3), q(4), q(5), q(6), q(7)); err != nil {
		t.Fatal(err)
	}
	us, err := s.UnansweredBetween(ctx, t0.Add(-time.Hour), t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range us {
		got = append(got, u.Question)
	}
	if strings.Join(got, " ") != "q3 q4 q5 q6 q7" {
		t.Fatalf("kept %v, want the newest five", got)
	}
}

func testFeedback(t *testing.T, s state.Store) {
	f := state.Feedback{At: t0, User: "U1", Question: "who produces fluorspar?", Intent: "producers", Records: []string{"mineral:fluorspar"},
		Helpful: false, Reason: "wrong figure", Comment: strings.Repeat("x", 2000)}
	if err := s.AddFeedback(ctx, f); err != nil {
		t.Fatal(err)
	}
	fs, err := s.FeedbackBetween(ctx, t0.Add(-time.Second), t0)
	if err != nil {
		t.Fatal(err)
	}
	if len(fs) != 1 || fs[0].Reason != "wrong figure" || fs[0].Records[0] != "mineral:fluorspar" || fs[0].Helpful || len(fs[0].Comment) != state.MaxCommentBytes {
		t.Fatalf("feedback %+v", fs)
	}
}

func testPrune(t *testing.T, s state.Store) {
	old, recent := key(t0.AddDate(0, 0, -60)), key(t0)
	for _, k := range []state.DeliveryKey{old, recent} {
		if _, err := s.Claim(ctx, k, "a", k.Period, time.Minute); err != nil {
			t.Fatal(err)
		}
		if err := s.Complete(ctx, k, "a", state.Outcome{PostedTS: "1.2"}, k.Period); err != nil {
			t.Fatal(err)
		}
	}
	unfinished := key(t0.AddDate(0, 0, -90))
	if _, err := s.Claim(ctx, unfinished, "a", unfinished.Period, time.Minute); err != nil {
		t.Fatal(err)
	}
	s.AddUnanswered(ctx, state.Unanswered{At: t0.AddDate(0, 0, -60), Question: "old"})
	s.AddUnanswered(ctx, state.Unanswered{At: t0, Question: "new"})
	s.FirstSeen(ctx, "old-event", t0.AddDate(0, 0, -60), time.Hour)
	s.SetTopic(ctx, "Dold", state.Topic{Minerals: []string{"zinc"}}, t0.AddDate(0, 0, -60), time.Hour)
	s.SetTopic(ctx, "Dnew", state.Topic{Minerals: []string{"lead"}}, t0, time.Hour)
	s.AddPending(ctx, "a", []state.Pending{{ID: "old", Received: t0.AddDate(0, 0, -60)}, {ID: "new", Received: t0}}, t0.AddDate(0, 0, -60), time.Minute)
	if err := s.Prune(ctx, t0.AddDate(0, 0, -30)); err != nil {
		t.Fatal(err)
	}
	ds, _ := s.Deliveries(ctx, old.Subscription)
	if len(ds) != 2 || !ds[0].Period.Equal(unfinished.Period) || !ds[1].Period.Equal(recent.Period) {
		t.Fatalf("after prune, deliveries %+v: want the unfinished one and the recent one", ds)
	}
	us, _ := s.UnansweredBetween(ctx, t0.AddDate(-1, 0, 0), t0)
	if len(us) != 1 || us[0].Question != "new" {
		t.Fatalf("after prune, questions %+v", us)
	}
	if first, _ := s.FirstSeen(ctx, "old-event", t0, time.Hour); !first {
		t.Fatal("an expired event id survived pruning")
	}
	if _, ok, _ := s.Topic(ctx, "Dnew", t0); !ok {
		t.Fatal("pruning removed a live topic")
	}
	if ps, _ := s.TakePending(ctx, "b", t0, time.Minute, 10); len(ps) != 1 || ps[0].ID != "new" {
		t.Fatalf("after prune, pending messages %+v; want the recent one", ps)
	}
	// What pruning removed is gone even when read as of its own time.
	if _, ok, _ := s.Topic(ctx, "Dold", t0.AddDate(0, 0, -60)); ok {
		t.Fatal("an expired topic survived pruning")
	}
}

// Bench runs the store benchmarks: a digest claim (claim and complete a new period) and an
// event dedupe check.
func Bench(b *testing.B, s state.Store) {
	b.Run("ClaimComplete", func(b *testing.B) {
		i, sub := 0, fmt.Sprintf("Cbench%d @every 1s", time.Now().UnixNano()) // fresh keys on every run
		for b.Loop() {
			k := state.DeliveryKey{Subscription: sub, Period: t0.Add(time.Duration(i) * time.Second)}
			i++
			if _, err := s.Claim(ctx, k, "bench", t0, time.Minute); err != nil {
				b.Fatal(err)
			}
			if err := s.Complete(ctx, k, "bench", state.Outcome{PostedTS: "1.1"}, t0); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("FirstSeen", func(b *testing.B) {
		i, run := 0, time.Now().UnixNano()
		for b.Loop() {
			if _, err := s.FirstSeen(ctx, fmt.Sprint("Ev", run, "-", i), t0, time.Hour); err != nil {
				b.Fatal(err)
			}
			i++
		}
	})
}
