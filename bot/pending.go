// Messages acked and not yet answered: kept in the state store until their reply is posted,
// so that a process killed in between does not lose them (Slack never delivers an acked
// envelope again). Another process, or this one restarted, answers them.

package bot

import (
	"context"
	"errors"
	"log/slog"
	"sync"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"

	"github.com/mineralbot/mineralbot/state"
)

// incoming is a message the bot answers: a mention, or a DM.
type incoming struct {
	where                           string // fromMention or fromDM
	user, channel, ts, thread, text string // thread: where the reply goes ("" for a DM's top level)
}

// key names the message: its channel and ts.
func (m incoming) key() string { return m.channel + "/" + m.ts }

// incomingOf returns the message an event asks the bot to answer, if it is one: a mention by
// a person, or a person's DM. Bots (the bot itself included), edits and joins are not: answering
// them makes loops.
func (b *Bot) incomingOf(ev slackevents.EventsAPIEvent) (incoming, bool) {
	if ev.Type != slackevents.CallbackEvent {
		return incoming{}, false
	}
	switch e := ev.InnerEvent.Data.(type) {
	case *slackevents.AppMentionEvent:
		if e.BotID != "" || e.User == "" || e.User == b.userID {
			return incoming{}, false
		}
		return incoming{fromMention, e.User, e.Channel, e.TimeStamp, mentionThread(e), e.Text}, true
	case *slackevents.MessageEvent:
		// Mentions in channels arrive as app_mention too; those are answered.
		if e.ChannelType != "im" || e.BotID != "" || e.SubType != "" || e.User == "" || e.User == b.userID {
			return incoming{}, false
		}
		return incoming{fromDM, e.User, e.Channel, e.TimeStamp, e.ThreadTimeStamp, e.Text}, true
	}
	return incoming{}, false
}

// incomingOfEvent is incomingOf for a Socket Mode event.
func (b *Bot) incomingOfEvent(evt socketmode.Event) (incoming, bool) {
	ev, ok := evt.Data.(slackevents.EventsAPIEvent)
	if !ok {
		return incoming{}, false
	}
	return b.incomingOf(ev)
}

// journalEntry is a message to record as pending, and what to do once it is recorded.
type journalEntry struct {
	// pending builds the record, on the journal's goroutine (a slash command's payload is
	// decoded there, not on the socket's); false when there is nothing to record.
	pending func() (state.Pending, bool)
	then    func()    // for an event: ack it and queue it, once it is recorded (or given up)
	at      time.Time // when it was handed to the journal
}

// journalBatch bounds the messages recorded in one call to the store: in a burst, one file
// sync (or one round trip to PostgreSQL) records many.
const journalBatch = 128

// settleDelay is how long answered messages wait to be forgotten, so that one call to the
// store forgets all those answered meanwhile. Answers wait for none of it; a process that
// dies within it leaves those messages to be answered a second time.
const settleDelay = 20 * time.Millisecond

// journal is what is on its way to the store's pending messages.
type journal struct {
	entries chan journalEntry // to record
	stop    chan struct{}

	mu      sync.Mutex
	settled []string      // answered, to forget
	wake    chan struct{} // a first id in settled

	// lag is how long the last batch recorded took to land, from the first of its
	// messages reaching the journal (see earlierGraceFor).
	lag atomic.Int64
}

// startJournal starts recording pending messages (see record), and answering those that
// other processes acked and did not answer (see takeOver), when the bot has a store. stop
// stops both and waits for them: messages answered by then are forgotten; messages queued
// and not recorded by then are not recorded.
func (b *Bot) startJournal(ctx, work context.Context) (stop func()) {
	if b.cfg.Store == nil {
		return func() {}
	}
	b.jnl = &journal{entries: make(chan journalEntry, slowEvents), stop: make(chan struct{}), wake: make(chan struct{}, 1)}
	ctx, stopTakingOver := context.WithCancel(ctx)
	journalDone, takeOverDone := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(journalDone)
		b.journal(work)
	}()
	go func() {
		defer close(takeOverDone)
		b.takeOver(ctx, work)
	}()
	return func() {
		stopTakingOver()
		<-takeOverDone
		close(b.jnl.stop)
		<-journalDone
	}
}

// journal records pending messages as they come, many per call to the store, then runs each
// one's then, in the order they came; and forgets answered ones, settleDelay after the
// first of them.
func (b *Bot) journal(ctx context.Context) {
	j := b.jnl
	forgetting := time.NewTimer(time.Hour)
	forgetting.Stop()
	for {
		select {
		case <-j.stop:
			// What is queued is let go, not recorded, so that nothing waits for it; what
			// was answered is forgotten, or the next process would answer it again.
			for len(j.entries) > 0 {
				(<-j.entries).release()
			}
			b.forget(ctx, j.takeSettled())
			return
		case <-j.wake:
			forgetting.Reset(settleDelay)
		case <-forgetting.C:
			// Everything queued is recorded first: a message answered before its record
			// was written is forgotten after it, not before.
			for len(j.entries) > 0 {
				b.recordBatch(ctx, <-j.entries)
			}
			b.forget(ctx, j.takeSettled())
		case first := <-j.entries:
			b.recordBatch(ctx, first)
		}
	}
}

// recordBatch records first and what is queued after it, up to journalBatch messages, in
// one call to the store, then releases them in order.
func (b *Bot) recordBatch(ctx context.Context, first journalEntry) {
	batch := []journalEntry{first}
more:
	for len(batch) < journalBatch {
		select {
		case e := <-b.jnl.entries:
			batch = append(batch, e)
		default:
			break more
		}
	}
	var ps []state.Pending
	for _, e := range batch {
		if p, ok := e.pending(); ok {
			p.Received = time.Now()
			ps = append(ps, p)
		}
	}
	if len(ps) > 0 {
		_, err := bounded(ctx, func(ctx context.Context) (struct{}, error) {
			return struct{}{}, b.cfg.Store.AddPending(ctx, b.owner, ps, time.Now(), b.cfg.TakeOverAfter)
		})
		if !first.at.IsZero() {
			b.jnl.lag.Store(int64(time.Since(first.at)))
		}
		switch {
		case errors.Is(err, state.ErrUnavailable):
			b.log.Debug("messages not recorded as pending: the state store is not open yet", "messages", len(ps))
		case err != nil:
			b.log.Warn("messages not recorded as pending: if this process dies before replying, their replies are lost", "messages", len(ps), "err", err)
		}
	}
	for _, e := range batch {
		e.release()
	}
}

// release runs what waits for the entry to be recorded.
func (e journalEntry) release() {
	if e.then != nil {
		e.then()
	}
}

// takeSettled returns the answered messages to forget, and empties the list.
func (j *journal) takeSettled() []string {
	j.mu.Lock()
	defer j.mu.Unlock()
	ids := j.settled
	j.settled = nil
	return ids
}

// forget deletes answered messages from the store.
func (b *Bot) forget(ctx context.Context, ids []string) {
	if len(ids) == 0 {
		return
	}
	if _, err := bounded(ctx, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, b.cfg.Store.DonePending(ctx, ids)
	}); err != nil && !errors.Is(err, state.ErrUnavailable) {
		b.log.Warn("answered messages are still recorded as pending: they may be answered again", "messages", len(ids), "err", err)
	}
}

// record hands a message to the journal, which runs then once the message is recorded.
// Without a store, or once the journal has stopped, nothing is recorded and then runs at
// once.
func (b *Bot) record(pending func() (state.Pending, bool), then func()) {
	e := journalEntry{pending: pending, then: then, at: time.Now()}
	if b.jnl == nil || isClosed(b.jnl.stop) {
		e.release()
		return
	}
	select {
	case b.jnl.entries <- e:
	case <-b.jnl.stop:
		e.release()
	}
}

// tryRecord is record for the socket's reading goroutine, which must not wait: when the
// journal's queue is full (the store is slow), the message is not recorded.
func (b *Bot) tryRecord(pending func() (state.Pending, bool)) {
	if b.jnl != nil && !isClosed(b.jnl.stop) {
		select {
		case b.jnl.entries <- journalEntry{pending: pending}:
			return
		default:
		}
	}
	b.log.Debug("a slash command acked is not recorded as pending: the journal is full or stopped")
}

// flushJournal waits until every message handed to the journal so far has been recorded
// and its then has run.
func (b *Bot) flushJournal() {
	done := make(chan struct{})
	b.record(func() (state.Pending, bool) { return state.Pending{}, false }, func() { close(done) })
	<-done
}

// settle forgets a pending message once its reply is posted (or the bot gave up on it): soon
// after, with the others answered meanwhile (see settleDelay). Messages are recorded in the
// order they come and forgotten after the batch they were recorded in, so a message is
// never forgotten before it is recorded.
func (b *Bot) settle(id string) {
	if b.jnl == nil || id == "" {
		return
	}
	j := b.jnl
	j.mu.Lock()
	first := len(j.settled) == 0
	j.settled = append(j.settled, id)
	j.mu.Unlock()
	if first {
		select {
		case j.wake <- struct{}{}:
		default:
		}
	}
}

// earlierWait bounds how long a message waits for an earlier message of its conversation
// held by another process: its answer may follow that one up ("and its reserves?"), and
// its reply should come after. earlierGrace is how long it waits before it looks, at the
// least: two messages Slack delivers back to back reach two replicas within a millisecond,
// and the first one's record takes a store write to land (see earlierGraceFor).
const (
	earlierWait     = 10 * time.Second
	earlierGrace    = 50 * time.Millisecond
	maxEarlierGrace = 500 * time.Millisecond
)

// earlierGraceFor is how long a message waits before it looks for an earlier one held by
// another process, given how long this process's last record took to land (lag): twice
// that, as the other process writes to the same store under the same load, between
// earlierGrace and maxEarlierGrace. On a machine short of CPU a fixed 50 ms was too short:
// the follow-up was answered first, without its question's context.
func earlierGraceFor(lag time.Duration) time.Duration {
	return min(max(earlierGrace, 2*lag), maxEarlierGrace)
}

// afterEarlier returns the wait of a message's answering (see workAfter): until no earlier
// message of its conversation is pending with another process, at most earlierWait. Two
// messages sent close together can reach two replicas; this keeps their answers, and
// their replies, in order. Messages this process holds are in order already (see lanes).
func (b *Bot) afterEarlier(ctx context.Context, log *slog.Logger, m incoming) func(start func()) {
	if b.jnl == nil || m.ts == "" {
		return nil
	}
	return func(start func()) {
		b.tracked(func() {
			defer start()
			deadline := time.Now().Add(earlierWait)
			select {
			case <-ctx.Done():
				return
			case <-time.After(earlierGraceFor(time.Duration(b.jnl.lag.Load()))):
			}
			for pause := 10 * time.Millisecond; ; pause = min(2*pause, 200*time.Millisecond) {
				held, err := bounded(ctx, func(ctx context.Context) (bool, error) {
					return b.cfg.Store.EarlierPending(ctx, m.channel, m.thread, m.ts, b.owner)
				})
				if err != nil || !held {
					return
				}
				if time.Now().After(deadline) {
					log.Warn("answering before an earlier message of the conversation that another process holds and has not answered", "waited", earlierWait)
					return
				}
				select {
				case <-ctx.Done():
					return
				case <-time.After(pause):
				}
			}
		})
	}
}

// Bounds on taking over pending messages: a message is answered at most maxPendingAttempts
// times (one that makes every process that answers it die is given up), and not at all once
// older than maxPendingAge (a slash command's response_url works for 30 minutes; an answer
// that late to a DM is of little use either).
const (
	maxPendingAttempts = 3
	maxPendingAge      = 30 * time.Minute
	takeOverBatch      = 32
)

// takeOver answers, until ctx is done, the pending messages whose process has not answered
// them within TakeOverAfter: at start (this process's own, from before a crash, among them)
// and every quarter of that.
func (b *Bot) takeOver(ctx, work context.Context) {
	every := max(b.cfg.TakeOverAfter/4, time.Second)
	for {
		b.takeOverOnce(work)
		select {
		case <-ctx.Done():
			return
		case <-time.After(every):
		}
	}
}

func (b *Bot) takeOverOnce(ctx context.Context) {
	ps, err := bounded(ctx, func(ctx context.Context) ([]state.Pending, error) {
		return b.cfg.Store.TakePending(ctx, b.owner, time.Now(), b.cfg.TakeOverAfter, takeOverBatch)
	})
	if err != nil {
		if !errors.Is(err, state.ErrUnavailable) {
			b.log.Warn("pending messages not read", "err", err)
		}
		return
	}
	for _, p := range ps {
		log := b.log.With("pending", p.ID, "where", p.Where, "user", p.User, "channel", p.Channel, "received", p.Received, "attempt", p.Attempts)
		switch age := time.Since(p.Received); {
		case p.Attempts > maxPendingAttempts:
			b.obs.ReplyLost()
			log.Error("reply lost: a message acked but not answered was given up after every attempt to answer it failed")
			b.settle(p.ID)
		case age > maxPendingAge:
			b.obs.ReplyLost()
			log.Error("reply lost: a message acked but not answered is too old to answer now", "age", age.Round(time.Second))
			b.settle(p.ID)
		default:
			b.obs.TakenOver()
			log.Warn("answering a message that was acked but not answered (its process stopped or stalled)", "age", age.Round(time.Millisecond))
			b.answerPending(ctx, log, p)
		}
	}
}

// answerPending answers a message taken over, as it would have been answered at first.
func (b *Bot) answerPending(ctx context.Context, log *slog.Logger, p state.Pending) {
	switch p.Where {
	case fromDM, fromMention:
		m := incoming{p.Where, p.User, p.Channel, p.TS, p.Thread, p.Text}
		b.reply(ctx, log, b.lanes.enter(conversation(m.channel, m.thread)), m, p.ID)
	case fromSlash:
		cmd := slack.SlashCommand{Text: p.Text, UserID: p.User, ChannelID: p.Channel, ResponseURL: p.ResponseURL}
		settle := func() { b.settle(p.ID) }
		b.work(log, "slash command", nil, func() (deliver func()) {
			data := b.encode(log, b.slashReply(ctx, log, cmd))
			return func() {
				defer settle()
				b.respondOut(ctx, slashReplyOut{data, cmd.ResponseURL, log})
			}
		}, func() {
			defer settle()
			b.respond(ctx, log, cmd.ResponseURL, slashResponse{ResponseType: "ephemeral", Text: esc(b.cfg.Language.T(panicText))})
		}, func() {
			defer settle()
			b.respond(ctx, log, cmd.ResponseURL, slashResponse{ResponseType: "ephemeral", Text: esc(b.cfg.Language.T(busyText))})
		})
	default:
		log.Error("a pending message of a kind this bot does not answer; dropped")
		b.settle(p.ID)
	}
}

func isClosed(c <-chan struct{}) bool {
	select {
	case <-c:
		return true
	default:
		return false
	}
}
