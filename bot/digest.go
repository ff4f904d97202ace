package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"os"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/state"
)

// Clock tells the time and waits; tests inject a fake one.
type Clock interface {
	Now() time.Time
	After(d time.Duration) <-chan time.Time
}

type realClock struct{}

func (realClock) Now() time.Time                         { return time.Now() }
func (realClock) After(d time.Duration) <-chan time.Time { return time.After(d) }

// DigestBuilder builds a digest; the answer engine implements it.
type DigestBuilder interface {
	Digest(in answer.DigestInput) *answer.Answer
}

var cronParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// Schedule is a parsed digest schedule.
type Schedule struct {
	Spec  string
	cron  cron.Schedule
	Loc   *time.Location
	every time.Duration // for @every: periods are multiples of it since the Unix epoch
}

// ParseSchedule parses a cron spec: five fields or a descriptor (@weekly, @every 2s), with an
// optional CRON_TZ=Area/City prefix for its time zone (UTC otherwise).
func ParseSchedule(spec string) (Schedule, error) {
	spec = strings.TrimSpace(spec)
	sched, err := cronParser.Parse(spec)
	if err != nil {
		return Schedule{}, err
	}
	s := Schedule{Spec: spec, cron: sched, Loc: time.UTC}
	switch c := sched.(type) {
	case *cron.SpecSchedule:
		s.Loc = c.Location
	case cron.ConstantDelaySchedule:
		s.every = c.Delay
	}
	return s, nil
}

// Next returns the first period after t. Periods are aligned to the wall clock, so every
// process computes the same ones: calendar schedules by the calendar, @every schedules as
// multiples of the interval since the Unix epoch (never counted from a process's start).
func (s Schedule) Next(t time.Time) time.Time {
	if s.every > 0 {
		n := t.UnixNano() / int64(s.every)
		return time.Unix(0, (n+1)*int64(s.every)).In(t.Location())
	}
	return s.cron.Next(t)
}

// Last returns the latest period at or before t, if the schedule has one within lookback.
func (s Schedule) Last(t time.Time, lookback time.Duration) (time.Time, bool) {
	if s.every > 0 {
		n := t.UnixNano() / int64(s.every)
		return time.Unix(0, n*int64(s.every)).In(t.Location()), true
	}
	var last time.Time
	for p := s.cron.Next(t.Add(-lookback)); !p.After(t); p = s.cron.Next(p) {
		last = p
	}
	return last, !last.IsZero()
}

// Interval is the time between two periods from t: what a claim's lease is measured against.
func (s Schedule) Interval(t time.Time) time.Duration {
	if s.every > 0 {
		return s.every
	}
	a := s.cron.Next(t)
	return s.cron.Next(a).Sub(a)
}

// digestConfig is what the digester needs from the bot's configuration.
type digestConfig struct {
	schedule Schedule // for channels from the configuration
	channels []string
	grace    time.Duration
	// admins get the curation report by DM on schedule; keepQuestions says whether there
	// are questions to report.
	admins        []string
	keepQuestions bool
	lang          answer.Lang // the default language of digests and reports
	// crashAfterPost is a failpoint: exit right after a post, before recording it.
	crashAfterPost bool
	// notifyAdmins tells the admins something they must act on; may be nil.
	notifyAdmins func(ctx context.Context, text string)
}

// sourceCuration marks the subscriptions that send an admin the curation report by DM.
const sourceCuration = "curation"

// digestSlack is what the digester needs of Slack: to post a digest marked as one (Slack
// message metadata naming the subscription and period), and to find such a mark in a
// channel's recent history.
type digestSlack interface {
	postDigest(ctx context.Context, channel string, m Message, mark digestMark) (ts string, err error)
	findDigest(ctx context.Context, channel string, mark digestMark, since time.Time) (ts string, found bool, err error)
}

// digestMark is what a posted digest carries in its metadata.
type digestMark struct {
	Subscription string
	Period       time.Time
}

// digestEventType is the metadata event type of digest messages.
const digestEventType = "mineralbot_digest"

// digester posts each subscription's digest once per period, whatever the number of processes
// (see package state for the guarantees).
type digester struct {
	cfg     digestConfig
	store   state.Store
	builder DigestBuilder
	slack   digestSlack
	clock   Clock
	log     *slog.Logger
	obs     Observer
	owner   string        // this digester; each send claims as owner#n
	sends   atomic.Uint64 // sends started, numbering their claims

	changed chan struct{} // a subscription changed here: recompute the schedule now
	running sync.Map      // subscription id and period → struct{}: a send in progress
	told    sync.Map      // channel and day → true: admins told the channel is unpostable
	quit    <-chan struct{}
	wg      sync.WaitGroup
}

func newDigester(cfg digestConfig, store state.Store, builder DigestBuilder, clock Clock, log *slog.Logger, obs Observer, slack digestSlack) *digester {
	return &digester{cfg: cfg, store: store, builder: builder, slack: slack, clock: clock, log: log.With("component", "digest"),
		obs: obs, owner: processName(), changed: make(chan struct{}, 1)}
}

// processName names this process in the store's claims and pending messages: host, process
// and a random part, so that two never take each other's for their own.
func processName() string {
	host, _ := os.Hostname()
	return fmt.Sprintf("%s/%d/%08x", host, os.Getpid(), rand.Uint32())
}

// notify tells the digester that subscriptions changed.
func (d *digester) notify() {
	select {
	case d.changed <- struct{}{}:
	default:
	}
}

// sub is a subscription with its parsed schedule.
type sub struct {
	state.Subscription
	sched Schedule
}

// subLang is a subscription's language, or def.
func subLang(s state.Subscription, def answer.Lang) answer.Lang {
	if l, ok := answer.ParseLang(s.Lang); ok {
		return l
	}
	return def
}

// subscriptions returns the subscriptions in force: those stored (made in Slack, through any
// process), the configured channels that have none of their own, and the admins' curation
// reports.
func (d *digester) subscriptions(ctx context.Context) ([]sub, error) {
	// Without the store, the configured subscriptions still stand (and the error says why
	// the stored ones are missing).
	stored, err := d.store.Subscriptions(ctx)
	var out []sub
	have := map[string]bool{}
	for _, s := range stored {
		sched, err := ParseSchedule(s.Schedule)
		if err != nil {
			d.log.Error("stored subscription has a bad schedule; skipped", "channel", s.Channel, "schedule", s.Schedule, "err", err)
			continue
		}
		out = append(out, sub{s, sched})
		have[s.Channel] = true
	}
	for _, ch := range d.cfg.channels {
		if !have[ch] {
			out = append(out, sub{state.Subscription{Channel: ch, Schedule: d.cfg.schedule.Spec, Source: "config"}, d.cfg.schedule})
		}
	}
	if d.cfg.keepQuestions {
		for _, u := range d.cfg.admins {
			out = append(out, sub{state.Subscription{Channel: u, Schedule: d.cfg.schedule.Spec, Source: sourceCuration}, d.cfg.schedule})
		}
	}
	return out, err
}

// pollSubscriptions is how often the digester rereads subscriptions, so that one made or
// removed through another process is seen within seconds.
const pollSubscriptions = 5 * time.Second

// run posts digests until ctx is done: first any period due within the grace window that is
// not done, then each period as it comes.
//
// Sends use work, which outlives ctx for the shutdown grace, so a digest being posted when
// the bot stops is finished rather than cut off between its claim and its post.
func (d *digester) run(ctx, work context.Context) {
	defer d.wg.Wait()
	d.quit = ctx.Done() // retries stop waiting when the bot stops; a post under way finishes
	d.recover(work)
	next := map[string]time.Time{}
	lastPrune := time.Time{}
	var known []sub // the last subscriptions read: kept while the store is unreachable
	for {
		subs, err := d.subscriptions(ctx)
		switch {
		case err != nil && known != nil:
			d.log.Error("reading subscriptions; going on with the last known, and digests wait for the state store", "err", err)
			subs = known
		case err != nil:
			d.log.Error("reading subscriptions; going on with the configured ones, and digests wait for the state store", "err", err)
		default:
			known = subs
		}
		now := d.clock.Now()
		soonest := now.Add(pollSubscriptions)
		live := map[string]bool{}
		for _, s := range subs {
			id := s.ID()
			live[id] = true
			if _, ok := next[id]; !ok {
				next[id] = s.sched.Next(now)
			}
			if next[id].Before(soonest) {
				soonest = next[id]
			}
		}
		for id := range next {
			if !live[id] {
				delete(next, id)
			}
		}
		if now.Sub(lastPrune) > 24*time.Hour {
			lastPrune = now
			if err := d.store.Prune(ctx, now.Add(-retention)); err != nil {
				d.log.Warn("pruning the state store", "err", err)
			}
		}
		select {
		case <-ctx.Done():
			return
		case <-d.changed:
			continue
		case <-d.clock.After(soonest.Sub(now)):
		}
		now = d.clock.Now()
		for _, s := range subs {
			id := s.ID()
			if t, ok := next[id]; ok && !t.After(now) {
				next[id] = s.sched.Next(now)
				d.startSend(work, s, t)
			}
		}
	}
}

// retention is how long finished deliveries, event ids, questions and feedback are kept.
const retention = 90 * 24 * time.Hour

// startSend sends one period's digest on its own goroutine, unless this process is sending
// that period already. Periods of one subscription may overlap (one still retrying while the
// next comes): each is claimed on its own.
func (d *digester) startSend(ctx context.Context, s sub, period time.Time) {
	key := s.ID() + "|" + period.UTC().Format(time.RFC3339Nano)
	if _, busy := d.running.LoadOrStore(key, struct{}{}); busy {
		return
	}
	d.wg.Add(1)
	go func() {
		defer d.wg.Done()
		defer d.running.Delete(key)
		defer func() {
			if r := recover(); r != nil {
				d.obs.Panic()
				d.log.Error("panic while sending a digest; the period is retried by another attempt or process",
					"channel", s.Channel, "period", period, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
			}
		}()
		d.send(ctx, s, period)
	}()
}

// Backoff between attempts at one period.
const (
	firstBackoff = time.Second
	maxBackoff   = 5 * time.Minute
)

// send delivers one period's digest: claim, post, complete; a failed attempt is released and
// retried with backoff until the next period starts; a period another process holds is
// waited for (its holder may die: its lease then runs out and the period is claimed here).
func (d *digester) send(ctx context.Context, s sub, period time.Time) {
	log := d.log.With("channel", s.Channel, "period", period.UTC().Format(time.RFC3339))
	key := state.DeliveryKey{Subscription: s.ID(), Period: period.UTC()}
	interval := s.sched.Interval(period)
	lease := state.Lease(interval)
	// Retry until the next period starts, or for digest.grace if that is longer: a short
	// schedule's period may be over before Slack answers again, and a late digest beats a
	// lost one.
	deadline := period.Add(max(interval, d.cfg.grace))
	if deadline.Before(d.clock.Now()) {
		deadline = d.clock.Now().Add(max(d.cfg.grace, lease)) // catching up after a restart
	}
	// Each send claims under its own name: two sends of one period never share a lease, even
	// in one process (startSend runs one at a time; the store makes sure of it).
	owner := fmt.Sprintf("%s#%d", d.owner, d.sends.Add(1))
	backoff := firstBackoff
	for {
		now := d.clock.Now()
		dl, err := d.store.Claim(ctx, key, owner, now, lease)
		wait := backoff
		switch {
		case errors.Is(err, state.ErrDone):
			return
		case errors.Is(err, state.ErrTaken):
			// Another process holds the period; look again when its lease ends.
			wait = max(dl.LeaseUntil.Sub(now), 100*time.Millisecond)
		case err != nil:
			log.Error("claiming the period; will retry", "err", err)
			d.obs.DigestOutcome("store_error")
		default:
			err := d.deliver(ctx, s, dl, lease, log)
			if err == nil {
				return
			}
			log.Warn("digest attempt failed; will retry", "attempt", dl.Attempts, "err", err)
			d.obs.DigestOutcome("retry")
			if err := d.store.Release(context.WithoutCancel(ctx), key, owner, err.Error(), d.clock.Now()); err != nil && !errors.Is(err, state.ErrDone) {
				log.Error("releasing the period", "err", err)
			}
			backoff = min(backoff*2, maxBackoff)
		}
		if d.clock.Now().Add(wait).After(deadline) {
			log.Error("digest not delivered before its period ended; given up", "deadline", deadline)
			d.obs.DigestOutcome("given_up")
			return
		}
		select {
		case <-ctx.Done():
			log.Warn("stopping with the digest not delivered; another process (or the next start, within digest.grace) retries it")
			return
		case <-d.quit:
			log.Warn("stopping with the digest not delivered; another process (or the next start, within digest.grace) retries it")
			return
		case <-d.clock.After(wait):
		}
	}
}

// deliver makes one attempt at a claimed period. When an earlier attempt may have posted and
// died before recording it (Attempts > 1), it first looks for the digest in the channel.
func (d *digester) deliver(ctx context.Context, s sub, dl state.Delivery, lease time.Duration, log *slog.Logger) error {
	mark := digestMark{Subscription: s.ID(), Period: dl.Period}
	if dl.Attempts > 1 {
		ts, found, err := d.slack.findDigest(ctx, s.Channel, mark, dl.ClaimedAt.Add(-time.Minute))
		if err != nil {
			return fmt.Errorf("looking for an earlier attempt's post: %w", err)
		}
		if found {
			log.Info("an earlier attempt posted the digest; recorded, not posted again", "ts", ts)
			d.obs.DigestOutcome("found_posted")
			return d.complete(ctx, dl, state.Outcome{PostedTS: ts})
		}
	}
	m, skip, err := d.content(ctx, s, dl.Period)
	if err != nil {
		return err
	}
	if skip != "" {
		d.obs.DigestOutcome("skipped")
		return d.complete(ctx, dl, state.Outcome{Note: skip})
	}
	// The post must end well within the lease, or another process could claim the period
	// while this post is still on its way.
	pctx, cancel := context.WithTimeout(ctx, lease/2)
	defer cancel()
	ts, err := d.slack.postDigest(pctx, s.Channel, m, mark)
	d.obs.Digest(err == nil)
	if err != nil {
		d.reportUnpostable(ctx, s, err)
		return fmt.Errorf("post: %w", err)
	}
	log.Info("digest posted", "ts", ts, "attempt", dl.Attempts)
	if d.cfg.crashAfterPost {
		log.Warn("failpoint crash-after-digest-post: exiting before recording the post")
		os.Exit(137)
	}
	d.obs.DigestOutcome("posted")
	if err := d.complete(ctx, dl, state.Outcome{PostedTS: ts}); err != nil {
		// Posted but not recorded: the next attempt finds the post by its mark.
		return fmt.Errorf("posted (ts %s) but not recorded: %w", ts, err)
	}
	return nil
}

// reportUnpostable tells the admins, once a day per channel, that a channel's digest cannot be
// posted because the bot is not in it (or the channel is gone): only they can fix that.
func (d *digester) reportUnpostable(ctx context.Context, s sub, err error) {
	msg := err.Error()
	if d.cfg.notifyAdmins == nil || !strings.Contains(msg, "not_in_channel") && !strings.Contains(msg, "channel_not_found") && !strings.Contains(msg, "is_archived") {
		return
	}
	day := d.clock.Now().UTC().Format("2006-01-02")
	if _, told := d.told.LoadOrStore(s.Channel+"|"+day, true); told {
		return
	}
	d.cfg.notifyAdmins(ctx, fmt.Sprintf("mineralbot can't post the digest in channel %s (%s): invite it with /invite @mineralbot, or unsubscribe the channel with /mineral digest unsubscribe there.", s.Channel, msg))
}

func (d *digester) complete(ctx context.Context, dl state.Delivery, out state.Outcome) error {
	key := dl.DeliveryKey
	err := d.store.Complete(context.WithoutCancel(ctx), key, dl.Owner, out, d.clock.Now())
	if errors.Is(err, state.ErrDone) {
		return nil
	}
	return err
}

// content builds a period's message: the channel's digest, or an admin's private curation
// report (skip says why nothing is needed: a quiet week).
func (d *digester) content(ctx context.Context, s sub, period time.Time) (m Message, skip string, err error) {
	since := period.Add(-7 * 24 * time.Hour)
	ds, err := d.store.Deliveries(ctx, s.ID())
	if err != nil {
		return Message{}, "", fmt.Errorf("reading deliveries: %w", err)
	}
	if s.Source == sourceCuration {
		// What went unanswered since the last report (posted or skipped).
		for i := len(ds) - 1; i >= 0; i-- {
			if ds[i].Done() && ds[i].Period.Before(period) {
				since = ds[i].Period
				break
			}
		}
		us, err := d.store.UnansweredBetween(ctx, since, period)
		if err != nil {
			return Message{}, "", fmt.Errorf("reading unanswered questions: %w", err)
		}
		fs, err := d.store.FeedbackBetween(ctx, since, period)
		if err != nil {
			return Message{}, "", fmt.Errorf("reading feedback: %w", err)
		}
		bad := notHelpful(fs)
		if len(us) == 0 && len(bad) == 0 {
			return Message{}, "no unanswered questions and no 👎", nil
		}
		a := answer.Curation(answer.CurationInput{Since: since, Until: period, Questions: questionTexts(us), NotHelpful: bad, Kept: true, Location: s.sched.Loc, Lang: subLang(s.Subscription, d.cfg.lang)})
		return render(a, renderOptions{full: true}), "", nil
	}
	for i := len(ds) - 1; i >= 0; i-- {
		if ds[i].State == state.Posted && ds[i].Period.Before(period) {
			since = ds[i].Period
			break
		}
	}
	a := d.builder.Digest(answer.DigestInput{Period: period, Since: since, Location: s.sched.Loc, Lang: subLang(s.Subscription, d.cfg.lang)})
	return render(a, renderOptions{full: true}), "", nil
}

func questionTexts(us []state.Unanswered) []string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = u.Question
	}
	return out
}

// recover, at start, sends each subscription's latest period if it is within digest.grace
// and not done: missed while no process ran, or claimed by one that died, or failed.
// Older periods are logged and left.
func (d *digester) recover(ctx context.Context) {
	subs, err := d.subscriptions(ctx)
	if err != nil {
		d.log.Error("reading subscriptions; recovering the configured ones", "err", err)
	}
	now := d.clock.Now()
	lookback := max(d.cfg.grace, 8*24*time.Hour)
	for _, s := range subs {
		last, ok := s.sched.Last(now, lookback)
		if !ok || !s.Since.IsZero() && !last.After(s.Since) {
			continue
		}
		ds, err := d.store.Deliveries(ctx, s.ID())
		if err != nil {
			// The store is unreachable: send anyway, the claim waits for the store.
			d.log.Error("reading deliveries", "err", err)
		}
		// Earlier periods an attempt claimed and never finished (it died after claiming, or
		// after posting but before recording it) are taken up again within the grace window,
		// even when a newer period has begun since.
		for _, x := range ds {
			if !x.Done() && x.Period.Before(last) && now.Sub(x.Period) <= d.cfg.grace {
				d.log.Info("sending a digest an earlier attempt left unfinished", "channel", s.Channel, "period", x.Period, "attempts", x.Attempts)
				d.startSend(ctx, s, x.Period)
			}
		}
		done := slices.ContainsFunc(ds, func(x state.Delivery) bool { return x.Period.Equal(last.UTC()) && x.Done() })
		if done {
			continue
		}
		if now.Sub(last) <= d.cfg.grace || s.sched.every > 0 {
			d.log.Info("sending a digest not yet delivered", "channel", s.Channel, "period", last)
			d.startSend(ctx, s, last)
		} else {
			d.log.Warn("digest not delivered and past the grace window; skipped", "channel", s.Channel, "period", last, "grace", d.cfg.grace)
		}
	}
}
