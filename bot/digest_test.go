package bot

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/state"
	"github.com/mineralbot/mineralbot/state/bolt"
)

// fakeClock is a clock that moves only when told to.
type fakeClock struct {
	mu      sync.Mutex
	now     time.Time
	waiters []waiter
	waiting chan struct{} // signalled when someone starts waiting
}

type waiter struct {
	at time.Time
	ch chan time.Time
}

func newFakeClock(t time.Time) *fakeClock {
	return &fakeClock{now: t, waiting: make(chan struct{}, 100)}
}

func (c *fakeClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	ch := make(chan time.Time, 1)
	if d <= 0 {
		ch <- c.now
		return ch
	}
	c.waiters = append(c.waiters, waiter{c.now.Add(d), ch})
	select {
	case c.waiting <- struct{}{}:
	default:
	}
	return ch
}

// Advance moves the clock and fires the waits that are due.
// pending is the number of waiters.
func (c *fakeClock) pending() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.waiters)
}

func (c *fakeClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
	kept := c.waiters[:0]
	for _, w := range c.waiters {
		if !w.at.After(c.now) {
			w.ch <- c.now
		} else {
			kept = append(kept, w)
		}
	}
	c.waiters = kept
}

// waitForWaiter waits until the digester is waiting on the clock.
func (c *fakeClock) waitForWaiter(t *testing.T) {
	t.Helper()
	select {
	case <-c.waiting:
	case <-time.After(5 * time.Second):
		t.Fatal("the digester never waited on the clock")
	}
}

// recorder is a fake Slack for digests: it records posts with their marks, and finds them
// as conversations.history would.
type recorder struct {
	mu    sync.Mutex
	posts []string // channel|text
	marks []digestMark
	fails int   // the next fails posts fail
	fail  error // with this error
	hook  func()
}

func (r *recorder) postDigest(_ context.Context, channel string, m Message, mark digestMark) (string, error) {
	if r.hook != nil {
		r.hook()
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.fails > 0 {
		r.fails--
		return "", r.fail
	}
	r.posts = append(r.posts, channel+"|"+m.Text)
	r.marks = append(r.marks, mark)
	return fmt.Sprintf("ts-%d", len(r.posts)), nil
}

func (r *recorder) findDigest(_ context.Context, channel string, mark digestMark, _ time.Time) (string, bool, error) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i, m := range r.marks {
		if m.Subscription == mark.Subscription && m.Period.Equal(mark.Period) && strings.HasPrefix(r.posts[i], channel+"|") {
			return fmt.Sprintf("ts-%d", i+1), true, nil
		}
	}
	return "", false, nil
}

func (r *recorder) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return len(r.posts)
}

// builderFunc is a DigestBuilder of a function.
type builderFunc func(answer.DigestInput) *answer.Answer

func (f builderFunc) Digest(in answer.DigestInput) *answer.Answer { return f(in) }

var titleBuilder = builderFunc(func(in answer.DigestInput) *answer.Answer {
	return &answer.Answer{Intent: answer.IntentDigest, Title: "Digest " + in.Period.UTC().Format(time.RFC3339) + " since " + in.Since.UTC().Format(time.RFC3339)}
})

type logBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuf) Write(p []byte) (int, error) { l.mu.Lock(); defer l.mu.Unlock(); return l.b.Write(p) }
func (l *logBuf) String() string              { l.mu.Lock(); defer l.mu.Unlock(); return l.b.String() }

func newTestDigester(t *testing.T, dir string, clock Clock, spec string, grace time.Duration, rec *recorder) (*digester, *logBuf) {
	t.Helper()
	store, err := bolt.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	sched, err := ParseSchedule(spec)
	if err != nil {
		t.Fatal(err)
	}
	logs := &logBuf{}
	log := slog.New(slog.NewTextHandler(logs, nil))
	d := newDigester(digestConfig{schedule: sched, channels: []string{"CDIGEST"}, grace: grace}, store, titleBuilder, clock, log, nopObserver{}, rec)
	return d, logs
}

func mustTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestScheduleTimeZonesAndDST(t *testing.T) {
	tests := []struct {
		spec, after string
		want        []string
	}{
		// Mexico City keeps UTC-6 all year (no DST since 2022): Mondays 09:00 = 15:00 UTC.
		{"CRON_TZ=America/Mexico_City 0 9 * * 1", "2026-11-26T00:00:00Z", []string{"2026-11-30T15:00:00Z", "2026-12-07T15:00:00Z"}},
		// New York springs forward on 2026-03-08: Sundays 09:00 go from 14:00 to 13:00 UTC.
		{"CRON_TZ=America/New_York 0 9 * * 0", "2026-03-01T00:00:00Z", []string{"2026-03-01T14:00:00Z", "2026-03-08T13:00:00Z", "2026-03-15T13:00:00Z"}},
		// And falls back on 2026-11-01.
		{"CRON_TZ=America/New_York 0 9 * * 0", "2026-10-25T00:00:00Z", []string{"2026-10-25T13:00:00Z", "2026-11-01T14:00:00Z"}},
		{"CRON_TZ=Asia/Tokyo 30 8 * * *", "2026-01-01T00:00:00Z", []string{"2026-01-01T23:30:00Z", "2026-01-02T23:30:00Z"}},
		{"0 9 * * 1", "2026-11-26T00:00:00Z", []string{"2026-11-30T09:00:00Z"}},
		{"@every 2s", "2026-11-26T00:00:00Z", []string{"2026-11-26T00:00:02Z", "2026-11-26T00:00:04Z"}},
	}
	for _, tt := range tests {
		s, err := ParseSchedule(tt.spec)
		if err != nil {
			t.Fatal(err)
		}
		at := mustTime(t, tt.after)
		for _, w := range tt.want {
			at = s.Next(at)
			if got := at.UTC().Format(time.RFC3339); got != w {
				t.Errorf("%s: next %s, want %s", tt.spec, got, w)
			}
		}
	}
	for _, bad := range []string{"every monday", "61 9 * * 1", "CRON_TZ=Mars/Olympus 0 9 * * 1", ""} {
		if _, err := ParseSchedule(bad); err == nil {
			t.Errorf("ParseSchedule(%q) accepted", bad)
		}
	}
}

func TestSubscriptionSpec(t *testing.T) {
	tests := []struct{ in, spec string }{
		{"", "CRON_TZ=America/Mexico_City 0 9 * * 1"},
		{"weekly friday 16:30 Europe/Madrid", "CRON_TZ=Europe/Madrid 30 16 * * 5"},
		{"daily 07:05 UTC", "CRON_TZ=UTC 5 7 * * *"},
		{"weekly domingo 10:00", "CRON_TZ=America/Mexico_City 0 10 * * 0"},
		{"every 2s", "@every 2s"},
	}
	for _, tt := range tests {
		spec, _, err := subscriptionSpec(tt.in)
		if err != nil || spec != tt.spec {
			t.Errorf("subscriptionSpec(%q) = %q, %v; want %q", tt.in, spec, err, tt.spec)
		}
	}
	for _, bad := range []string{"fortnightly", "weekly 25:00", "daily Mars/Olympus", "every 10ms", "every soon"} {
		if _, _, err := subscriptionSpec(bad); err == nil {
			t.Errorf("subscriptionSpec(%q) accepted", bad)
		}
	}
}

const mondays = "CRON_TZ=America/Mexico_City 0 9 * * 1"

// The loop posts each period when it comes, once, with the period as the scheduled time.
func TestDigestFiresOnSchedule(t *testing.T) {
	clock := newFakeClock(mustTime(t, "2026-11-30T14:59:00Z")) // Monday 08:59 in Mexico City
	rec := &recorder{}
	d, _ := newTestDigester(t, t.TempDir(), clock, mondays, 6*time.Hour, rec)
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { d.run(ctx, context.Background()); close(done) }()
	clock.waitForWaiter(t)
	clock.Advance(time.Minute)
	waitCount(t, rec, 1)
	waitIdle(t, d) // the first send records its ts before the next period comes
	clock.waitForWaiter(t)
	clock.Advance(7 * 24 * time.Hour)
	waitCount(t, rec, 2)
	cancel()
	<-done
	if !strings.Contains(rec.posts[0], "Digest 2026-11-30T15:00:00Z since 2026-11-23T15:00:00Z") ||
		!strings.Contains(rec.posts[1], "Digest 2026-12-07T15:00:00Z since 2026-11-30T15:00:00Z") {
		t.Errorf("posts %q", rec.posts)
	}
}

// waitIdle waits until no send is in progress.
func waitIdle(t *testing.T, d *digester) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for {
		busy := false
		d.running.Range(func(any, any) bool { busy = true; return false })
		if !busy {
			return
		}
		if time.Now().After(deadline) {
			t.Fatal("a digest send never finished")
		}
		time.Sleep(2 * time.Millisecond)
	}
}

func waitCount(t *testing.T, rec *recorder, n int) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for rec.count() < n {
		if time.Now().After(deadline) {
			t.Fatalf("%d posts, want %d", rec.count(), n)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// A period missed while down is posted once on start within the grace window, and only once
// however often the bot restarts.
func TestCatchUpWithinGrace(t *testing.T) {
	dir := t.TempDir()
	rec := &recorder{}
	for restart := range 3 {
		clock := newFakeClock(mustTime(t, "2026-11-30T17:00:00Z").Add(time.Duration(restart) * time.Minute)) // 2h late
		d, _ := newTestDigester(t, dir, clock, mondays, 6*time.Hour, rec)
		d.recover(context.Background())
		d.wg.Wait()
	}
	if rec.count() != 1 {
		t.Fatalf("%d posts after 3 starts, want 1", rec.count())
	}
}

func TestCatchUpPastGraceIsSkipped(t *testing.T) {
	clock := newFakeClock(mustTime(t, "2026-11-30T22:00:00Z")) // 7h late, grace 6h
	rec := &recorder{}
	d, logs := newTestDigester(t, t.TempDir(), clock, mondays, 6*time.Hour, rec)
	d.recover(context.Background())
	d.wg.Wait()
	if rec.count() != 0 {
		t.Fatalf("posted %d; a period past the grace window must be skipped", rec.count())
	}
	if !strings.Contains(logs.String(), "past the grace window; skipped") {
		t.Errorf("the skip is not logged:\n%s", logs)
	}
}

// A process that claimed a period and died (kill -9) before posting: once its lease runs
// out, the next process posts the period, once.
func TestDeadHolderPeriodIsPostedOnce(t *testing.T) {
	dir := t.TempDir()
	period := mustTime(t, "2026-11-30T15:00:00Z")
	crashed, _ := newTestDigester(t, dir, newFakeClock(period), mondays, 6*time.Hour, &recorder{})
	s, _ := crashed.subscriptions(context.Background())
	key := state.DeliveryKey{Subscription: s[0].ID(), Period: period}
	if _, err := crashed.store.Claim(context.Background(), key, "crashed-process", period, time.Minute); err != nil {
		t.Fatal(err)
	}
	// The process dies here. A new one starts an hour later.
	rec := &recorder{}
	d, _ := newTestDigester(t, dir, newFakeClock(period.Add(time.Hour)), mondays, 6*time.Hour, rec)
	d.recover(context.Background())
	d.wg.Wait()
	if rec.count() != 1 {
		t.Fatalf("%d posts, want the dead holder's period posted once", rec.count())
	}
	ds, _ := d.store.Deliveries(context.Background(), s[0].ID())
	if len(ds) != 1 || ds[0].State != state.Posted || ds[0].Attempts != 2 || ds[0].PostedTS != "ts-1" {
		t.Errorf("deliveries %+v", ds)
	}
}

// postAndDie is a process that claims a period, posts its digest (to rec) and dies before
// recording it.
func postAndDie(t *testing.T, dir, spec string, period time.Time, rec *recorder) []sub {
	t.Helper()
	crashed, _ := newTestDigester(t, dir, newFakeClock(period), spec, 6*time.Hour, rec)
	s, _ := crashed.subscriptions(context.Background())
	key := state.DeliveryKey{Subscription: s[0].ID(), Period: period}
	if _, err := crashed.store.Claim(context.Background(), key, "crashed-process", period, time.Minute); err != nil {
		t.Fatal(err)
	}
	rec.postDigest(context.Background(), "CDIGEST", Message{Text: "the digest"}, digestMark{Subscription: key.Subscription, Period: period})
	return s
}

// A process that posted and died before recording it: the next process finds the digest by
// its mark in the channel and records it, without posting again.
func TestPostedButNotRecordedIsNotPostedAgain(t *testing.T) {
	dir := t.TempDir()
	period := mustTime(t, "2026-11-30T15:00:00Z")
	rec := &recorder{}
	s := postAndDie(t, dir, mondays, period, rec)
	d, _ := newTestDigester(t, dir, newFakeClock(period.Add(time.Hour)), mondays, 6*time.Hour, rec)
	d.recover(context.Background())
	d.wg.Wait()
	if rec.count() != 1 {
		t.Fatalf("%d posts, want the one already in the channel", rec.count())
	}
	ds, _ := d.store.Deliveries(context.Background(), s[0].ID())
	if len(ds) != 1 || ds[0].State != state.Posted || ds[0].PostedTS != "ts-1" {
		t.Errorf("deliveries %+v", ds)
	}
}

// Schedulers in several processes on one state file (or cron firing twice) post a period
// once.
func TestRacingSchedulersPostOnce(t *testing.T) {
	dir := t.TempDir()
	period := mustTime(t, "2026-11-30T15:00:00Z")
	rec := &recorder{}
	var ds []*digester
	for range 4 {
		d, _ := newTestDigester(t, dir, newFakeClock(period), mondays, 6*time.Hour, rec)
		ds = append(ds, d)
	}
	s, _ := ds[0].subscriptions(context.Background())
	var wg sync.WaitGroup
	ctx, cancel := context.WithCancel(context.Background())
	for _, d := range ds {
		for range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				d.send(ctx, s[0], period) // the losers wait for the winner's lease: cancelled below
			}()
		}
	}
	waitCount(t, rec, 1)
	deadline := time.Now().Add(5 * time.Second)
	for {
		dl, _ := ds[0].store.Deliveries(context.Background(), s[0].ID())
		if len(dl) == 1 && dl[0].Done() || time.Now().After(deadline) {
			break
		}
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	wg.Wait()
	if rec.count() != 1 {
		t.Fatalf("%d posts from 12 racing sends, want 1", rec.count())
	}
	dl, _ := ds[0].store.Deliveries(context.Background(), s[0].ID())
	if len(dl) != 1 || dl[0].PostedTS != "ts-1" {
		t.Errorf("deliveries %+v", dl)
	}
}

// A post that fails (Slack 500s, channel_not_found while the bot is not yet invited) is
// retried with backoff within the period, and posted once it works.
func TestFailedPostIsRetried(t *testing.T) {
	period := mustTime(t, "2026-11-30T15:00:00Z")
	clock := newFakeClock(period)
	rec := &recorder{fails: 3, fail: fmt.Errorf("slack: 500 Internal Server Error")}
	d, _ := newTestDigester(t, t.TempDir(), clock, mondays, 6*time.Hour, rec)
	s, _ := d.subscriptions(context.Background())
	done := make(chan struct{})
	go func() { d.send(context.Background(), s[0], period); close(done) }()
	deadline := time.Now().Add(10 * time.Second)
	for {
		select {
		case <-done:
			if rec.count() != 1 {
				t.Fatalf("%d posts, want 1", rec.count())
			}
			ds, _ := d.store.Deliveries(context.Background(), s[0].ID())
			if len(ds) != 1 || ds[0].State != state.Posted || ds[0].Attempts != 4 || !strings.Contains(ds[0].LastError, "500") {
				t.Errorf("deliveries %+v", ds)
			}
			return
		case <-time.After(time.Millisecond):
		}
		if time.Now().After(deadline) {
			t.Fatal("the digest was never posted")
		}
		if clock.pending() > 0 {
			clock.Advance(10 * time.Minute) // past the backoff
		}
	}
}

// Periods of @every schedules are aligned to the wall clock: processes started at different
// times compute the same periods, so their claims collide instead of doubling the posts.
func TestEveryPeriodsAreWallClockAligned(t *testing.T) {
	sched, err := ParseSchedule("@every 10s")
	if err != nil {
		t.Fatal(err)
	}
	a := sched.Next(mustTime(t, "2026-11-30T15:00:03Z"))
	b := sched.Next(mustTime(t, "2026-11-30T15:00:07.5Z"))
	if !a.Equal(b) || !a.Equal(mustTime(t, "2026-11-30T15:00:10Z")) {
		t.Fatalf("periods %s and %s, want both 15:00:10", a, b)
	}
	if last, _ := sched.Last(mustTime(t, "2026-11-30T15:00:19Z"), time.Hour); !last.Equal(mustTime(t, "2026-11-30T15:00:10Z")) {
		t.Fatalf("last period %s", last)
	}
}

// FuzzSubscriptionSpec: whatever an admin types, the parser either refuses it with a message
// or produces a schedule that parses.
func FuzzSubscriptionSpec(f *testing.F) {
	for _, s := range []string{"", "weekly friday 16:30 Europe/Madrid", "daily 07:05 UTC", "every 2s", "every -1s", "weekly 9:99", "daily America/New_York sábado"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, args string) {
		spec, desc, err := subscriptionSpec(args)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		if desc == "" {
			t.Errorf("no description for %q", args)
		}
		if _, err := ParseSchedule(spec); err != nil {
			t.Errorf("subscriptionSpec(%q) = %q, which does not parse: %v", args, spec, err)
		}
	})
}

// A period an attempt claimed and posted but never recorded is taken up again by a process
// that starts after the next period has begun (within the grace window): found in the
// channel by its mark and recorded, not posted again; the new period is sent as well.
func TestUnfinishedEarlierPeriodIsTakenUp(t *testing.T) {
	dir := t.TempDir()
	const hourly = "0 * * * *"
	period := mustTime(t, "2026-11-30T15:00:00Z")
	rec := &recorder{}
	s := postAndDie(t, dir, hourly, period, rec)
	// The next process starts after 16:00.
	d, _ := newTestDigester(t, dir, newFakeClock(period.Add(70*time.Minute)), hourly, 6*time.Hour, rec)
	d.recover(context.Background())
	d.wg.Wait()
	ds, _ := d.store.Deliveries(context.Background(), s[0].ID())
	byPeriod := map[string]state.Delivery{}
	for _, x := range ds {
		byPeriod[x.Period.UTC().Format("15:04")] = x
	}
	if x := byPeriod["15:00"]; x.State != state.Posted || x.PostedTS != "ts-1" {
		t.Errorf("the 15:00 period: %+v, want recorded as the post already in the channel", x)
	}
	if x := byPeriod["16:00"]; x.State != state.Posted {
		t.Errorf("the 16:00 period: %+v, want posted", x)
	}
	if rec.count() != 2 {
		t.Errorf("%d posts, want 2 (15:00 once, 16:00)", rec.count())
	}
}
