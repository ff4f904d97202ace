package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/mineralbot/mineralbot/answer"
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
	fixed bool // a calendar schedule (not @every): its periods form a grid that catch-up can find
}

// ParseSchedule parses a cron spec: five fields or a descriptor (@weekly, @every 2s), with an
// optional CRON_TZ=Area/City prefix for its time zone (UTC otherwise).
func ParseSchedule(spec string) (Schedule, error) {
	spec = strings.TrimSpace(spec)
	sched, err := cronParser.Parse(spec)
	if err != nil {
		return Schedule{}, err
	}
	s := Schedule{Spec: spec, cron: sched, Loc: time.UTC, fixed: true}
	switch c := sched.(type) {
	case *cron.SpecSchedule:
		s.Loc = c.Location
	case cron.ConstantDelaySchedule:
		s.fixed = false
	}
	return s, nil
}

// Next returns the first period after t.
func (s Schedule) Next(t time.Time) time.Time { return s.cron.Next(t) }

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
}

// sourceCuration marks the subscriptions that send an admin the curation report by DM.
const sourceCuration = "curation"

// digester posts each subscription's digest once per period.
type digester struct {
	cfg     digestConfig
	store   *Store
	builder DigestBuilder
	post    func(ctx context.Context, channel string, m Message) (ts string, err error)
	clock   Clock
	log     *slog.Logger
	obs     Observer
	owner   string

	changed chan struct{} // a subscription changed: recompute the schedule
	running sync.Map      // subscription id → struct{}: a send in progress
	wg      sync.WaitGroup
}

func newDigester(cfg digestConfig, store *Store, builder DigestBuilder, clock Clock, log *slog.Logger, obs Observer,
	post func(context.Context, string, Message) (string, error)) *digester {
	host, _ := os.Hostname()
	return &digester{cfg: cfg, store: store, builder: builder, post: post, clock: clock, log: log.With("component", "digest"),
		obs: obs, owner: fmt.Sprintf("%s/%d", host, os.Getpid()), changed: make(chan struct{}, 1)}
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
	Subscription
	sched Schedule
}

// subscriptions returns the subscriptions in force: those from Slack, and the configured
// channels that have none of their own.
func (d *digester) subscriptions() ([]sub, error) {
	stored, err := d.store.Subscriptions()
	if err != nil {
		return nil, err
	}
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
			out = append(out, sub{Subscription{Channel: ch, Schedule: d.cfg.schedule.Spec, Source: "config"}, d.cfg.schedule})
		}
	}
	if d.cfg.keepQuestions {
		for _, u := range d.cfg.admins {
			out = append(out, sub{Subscription{Channel: u, Schedule: d.cfg.schedule.Spec, Source: sourceCuration}, d.cfg.schedule})
		}
	}
	return out, nil
}

// run posts digests until ctx is done: first any period missed within the grace window, then
// each period as it comes.
//
// Sends use work, which outlives ctx for the shutdown grace, so a digest being posted when
// the bot stops is finished rather than cut off between its claim and its post.
func (d *digester) run(ctx, work context.Context) {
	defer d.wg.Wait()
	d.reportUnconfirmed()
	d.catchUp(work)
	next := map[string]time.Time{}
	for {
		subs, err := d.subscriptions()
		if err != nil {
			d.log.Error("reading subscriptions", "err", err)
		}
		now := d.clock.Now()
		var soonest time.Time
		live := map[string]bool{}
		for _, s := range subs {
			id := s.ID()
			live[id] = true
			if _, ok := next[id]; !ok {
				next[id] = s.sched.Next(now)
			}
			if soonest.IsZero() || next[id].Before(soonest) {
				soonest = next[id]
			}
		}
		for id := range next {
			if !live[id] {
				delete(next, id)
			}
		}
		var wake <-chan time.Time
		if !soonest.IsZero() {
			wake = d.clock.After(soonest.Sub(now))
		}
		select {
		case <-ctx.Done():
			return
		case <-d.changed:
			continue
		case <-wake:
		}
		now = d.clock.Now()
		for _, s := range subs {
			id := s.ID()
			if t, ok := next[id]; ok && !t.After(now) {
				next[id] = s.sched.Next(t)
				if !s.sched.fixed {
					next[id] = s.sched.Next(now)
				}
				d.startSend(work, s, t)
			}
		}
	}
}

// startSend sends a subscription's digest on its own goroutine, skipping it if the previous
// send of the same subscription is still running.
func (d *digester) startSend(ctx context.Context, s sub, period time.Time) {
	if _, busy := d.running.LoadOrStore(s.ID(), struct{}{}); busy {
		d.log.Warn("previous digest still sending; this period skipped", "channel", s.Channel, "period", period)
		return
	}
	d.wg.Add(1)
	go func() {
		defer d.wg.Done()
		defer d.running.Delete(s.ID())
		if err := d.send(ctx, s, period); err != nil && !errors.Is(err, ErrClaimed) {
			d.log.Error("digest failed", "channel", s.Channel, "period", period, "err", err)
		}
	}()
}

// send posts the digest of one period exactly once: it claims the period durably first, and
// records the posted message's ts after.
func (d *digester) send(ctx context.Context, s sub, period time.Time) error {
	log := d.log.With("channel", s.Channel, "period", period.UTC().Format(time.RFC3339))
	if _, err := d.store.Claim(s.ID(), period, d.owner, d.clock.Now()); err != nil {
		if errors.Is(err, ErrClaimed) {
			log.Info("digest period already claimed; not posting again")
		}
		return err
	}
	since := period.Add(-7 * 24 * time.Hour)
	var a *answer.Answer
	if s.Source == sourceCuration {
		// An admin's private report of what went unanswered since the last report (posted
		// or skipped); a quiet week sends nothing.
		if last, ok := d.lastClaimBefore(s.ID(), period); ok {
			since = last
		}
		us, err := d.store.UnansweredBetween(since, period)
		if err != nil {
			return fmt.Errorf("reading unanswered questions: %w", err)
		}
		if len(us) == 0 {
			return d.store.MarkSkipped(s.ID(), period, "no unanswered questions", d.clock.Now())
		}
		a = answer.Curation(answer.CurationInput{Since: since, Until: period, Questions: questionTexts(us), Kept: true, Location: s.sched.Loc, Lang: s.lang(d.cfg.lang)})
	} else {
		if last, ok, err := d.store.LastPosted(s.ID()); err == nil && ok && last.Period.Before(period) {
			since = last.Period
		}
		a = d.builder.Digest(answer.DigestInput{Period: period, Since: since, Location: s.sched.Loc, Lang: s.lang(d.cfg.lang)})
	}
	ts, postErr := d.post(ctx, s.Channel, render(a, renderOptions{full: true}))
	if err := d.store.MarkPosted(s.ID(), period, ts, postErr, d.clock.Now()); err != nil {
		log.Error("digest posted but not recorded", "ts", ts, "err", err)
	}
	d.obs.Digest(postErr == nil)
	if postErr != nil {
		return fmt.Errorf("post: %w", postErr)
	}
	log.Info("digest posted", "ts", ts)
	return nil
}

// lastClaimBefore returns the period of the subscription's latest claim before period.
func (d *digester) lastClaimBefore(id string, period time.Time) (time.Time, bool) {
	claims, err := d.store.Claims(id)
	if err != nil {
		return time.Time{}, false
	}
	for i := len(claims) - 1; i >= 0; i-- {
		if claims[i].Period.Before(period) {
			return claims[i].Period, true
		}
	}
	return time.Time{}, false
}

func questionTexts(us []Unanswered) []string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = u.Question
	}
	return out
}

// catchUp posts, once, the latest period of each subscription that was missed while the bot
// was down, if it is within the grace window; older missed periods are logged and skipped.
func (d *digester) catchUp(ctx context.Context) {
	subs, err := d.subscriptions()
	if err != nil {
		d.log.Error("reading subscriptions", "err", err)
		return
	}
	now := d.clock.Now()
	lookback := max(d.cfg.grace, 8*24*time.Hour)
	for _, s := range subs {
		if !s.sched.fixed {
			continue // @every has no calendar to miss
		}
		var periods []time.Time
		for t := s.sched.Next(now.Add(-lookback)); !t.After(now); t = s.sched.Next(t) {
			if s.Since.IsZero() || t.After(s.Since) {
				periods = append(periods, t)
			}
		}
		if len(periods) == 0 {
			continue
		}
		claims, err := d.store.Claims(s.ID())
		if err != nil {
			d.log.Error("reading claims", "err", err)
			continue
		}
		claimed := func(t time.Time) bool {
			return slices.ContainsFunc(claims, func(c Claim) bool { return c.Period.Equal(t) })
		}
		last := periods[len(periods)-1]
		if claimed(last) {
			continue
		}
		if now.Sub(last) <= d.cfg.grace {
			d.log.Info("catching up a digest missed while down", "channel", s.Channel, "period", last)
			d.startSend(ctx, s, last)
		} else {
			d.log.Warn("digest missed while down and past the grace window; skipped", "channel", s.Channel, "period", last, "grace", d.cfg.grace)
		}
	}
}

// reportUnconfirmed logs claims that were never confirmed posted: the process stopped between
// claiming and posting. They are not sent again, so a digest is never posted twice; an
// operator can check the channel.
func (d *digester) reportUnconfirmed() {
	subs, err := d.subscriptions()
	if err != nil {
		return
	}
	for _, s := range subs {
		claims, _ := d.store.Claims(s.ID())
		for _, c := range claims {
			if !c.Posted() && c.Error == "" && c.Note == "" {
				d.log.Warn("digest claimed but never confirmed posted (stopped mid-send?); not re-sent", "channel", s.Channel,
					"period", c.Period, "claimed_at", c.ClaimedAt, "owner", c.Owner)
			}
		}
	}
}
