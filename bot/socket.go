// Socket Mode: the connection, its events, acks and bad frames.

package bot

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"regexp"
	"runtime/debug"
	"sync"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"

	"github.com/mineralbot/mineralbot/state"
)

// Run connects to Slack and answers until ctx is done. It reconnects after dropped sockets
// and transient failures, with capped, jittered backoff. It returns nil after a clean
// shutdown, and an error wrapping [ErrAuth] when a token is rejected.
func (b *Bot) Run(ctx context.Context) error {
	auth, err := b.authTest(ctx)
	if err != nil {
		return err
	}
	if auth == nil {
		return nil // stopped before Slack answered
	}
	b.userID, b.botID = auth.UserID, auth.BotID
	b.log.Info("authenticated", "team", auth.Team, "user_id", auth.UserID)

	// The work context outlives ctx by the shutdown grace, so answers in flight finish.
	work, cancelWork := context.WithCancel(context.WithoutCancel(ctx))
	defer cancelWork()

	// The reading goroutine acks each envelope and queues its answering; what takes longer
	// than that (Events API events and interactions, whose handling may call Slack or the
	// store) is handled here, by a few goroutines, off the reading goroutine.
	slow := make(chan queuedEvent, slowEvents)
	var slowWG sync.WaitGroup
	for range slowHandlers {
		slowWG.Go(func() {
			for q := range slow {
				func() {
					defer q.turn.release() // a message not answered gives its turn away
					defer b.recoverEvent(q.evt)
					b.handle(work, q)
				}()
			}
		})
	}
	// Messages are recorded as pending before they are acked, and those another process
	// acked and did not answer are taken over.
	stopJournal := b.startJournal(ctx, work)
	digestCtx, stopDigests := context.WithCancel(ctx)
	defer stopDigests()
	digestDone := make(chan struct{})
	go func() {
		defer close(digestDone)
		if b.digest != nil {
			b.digest.run(digestCtx, work)
		}
	}()

	runErr := b.runSocket(ctx, func(evt socketmode.Event) {
		defer b.recoverEvent(evt)
		b.dispatch(work, evt, slow)
	})
	b.setConnected(false)
	stopDigests()
	b.flushJournal() // the messages acked last are queued
	close(slow)      // the reading goroutine has returned: no more envelopes

	// Events being handled, answers and digests in flight get the shutdown grace to finish,
	// then are cut off.
	finished := make(chan struct{})
	go func() {
		slowWG.Wait()  // first: handling an event may start answering it
		b.lanes.wait() // a conversation's next message starts when the reply before is posted
		b.pool.wait(context.Background())
		b.posters.wait(context.Background()) // then: answering posts its replies
		<-digestDone
		close(finished)
	}()
	select {
	case <-finished:
	case <-time.After(b.cfg.ShutdownGrace):
		b.log.Warn("shutdown: work still in flight was cut off; its messages stay pending for the next process", "answers_in_flight", b.pool.inFlight())
		cancelWork()
		<-digestDone
	}
	stopJournal()
	return runErr
}

// authTest learns the bot's own identity, retrying while Slack is unreachable. It returns
// nil, nil when ctx ends first.
func (b *Bot) authTest(ctx context.Context) (*slack.AuthTestResponse, error) {
	backoff := time.Second
	for {
		auth, err := b.api.AuthTestContext(ctx)
		switch {
		case err == nil:
			return auth, nil
		case isAuthError(err):
			return nil, fmt.Errorf("%w: auth.test: %v (check slack.bot_token)", ErrAuth, err)
		case ctx.Err() != nil:
			return nil, nil
		}
		wait := backoff/2 + rand.N(backoff/2+1)
		b.log.Warn("slack unreachable; retrying", "err", err, "in", wait)
		select {
		case <-ctx.Done():
			return nil, nil
		case <-time.After(wait):
		}
		backoff = min(backoff*2, b.cfg.MaxBackoff)
	}
}

// queuedEvent is an acked envelope waiting for a handler, with its message's turn in its
// conversation (nil for what is not a message).
type queuedEvent struct {
	evt  socketmode.Event
	turn *ticket
	// journaled says the message went to the journal: its answer settles its record.
	journaled bool
}

// enterConversation takes a message's turn in its conversation: a DM channel's top level,
// or a thread (a mention starts one). It returns nil for other events.
func (b *Bot) enterConversation(evt socketmode.Event) *ticket {
	ev, ok := evt.Data.(slackevents.EventsAPIEvent)
	if !ok {
		return nil
	}
	switch e := ev.InnerEvent.Data.(type) {
	case *slackevents.AppMentionEvent:
		return b.lanes.enter(conversation(e.Channel, mentionThread(e)))
	case *slackevents.MessageEvent:
		if e.ChannelType == "im" {
			return b.lanes.enter(conversation(e.Channel, e.ThreadTimeStamp))
		}
	}
	return nil
}

// mentionThread is the thread a mention is answered in: its own, or the one it starts.
func mentionThread(e *slackevents.AppMentionEvent) string {
	return cmp.Or(e.ThreadTimeStamp, e.TimeStamp)
}

// conversation names a DM channel's top level (thread "") or a thread.
func conversation(channel, thread string) string { return channel + "|" + thread }

// slowEvents bounds the envelopes acked but not yet handled; slowHandlers handle them, so
// that one slow call to Slack (an App Home's views.publish) does not hold up the DMs behind it.
const (
	slowEvents   = 256
	slowHandlers = 8
)

// runSocket runs the Socket Mode connection, reconnecting after dropped sockets (at once,
// unless the socket keeps dropping: see flapGuard) and failures to connect (with capped,
// jittered backoff). handle runs on the reading goroutine.
func (b *Bot) runSocket(ctx context.Context, handle func(socketmode.Event)) error {
	backoff := time.Second
	for {
		before := b.connections.Load()
		err := b.sock.session(ctx, handle)
		if ctx.Err() != nil {
			return nil
		}
		if isAuthError(err) {
			handle(socketmode.Event{Type: socketmode.EventTypeInvalidAuth})
			return fmt.Errorf("%w: Socket Mode: %v (check slack.app_token)", ErrAuth, err)
		}
		b.setConnected(false)
		var bye disconnectError
		lasting := errors.As(err, &bye) && bye.lasting()
		if !lasting && b.connections.Load() > before {
			// It was connected: reconnect now; flapGuard slows a socket that keeps dropping.
			backoff = time.Second
			if bye.reason == "" {
				b.log.Warn("slack socket dropped; reconnecting", "err", err)
			}
			continue
		}
		wait := backoff/2 + rand.N(backoff/2+1)
		if rl, ok := errors.AsType[*slack.RateLimitedError](err); ok {
			wait = max(wait, rl.RetryAfter)
		}
		if lasting {
			b.log.Error("slack closed the socket and would refuse a new one now; retrying with backoff",
				"reason", bye.reason, "hint", disconnectHints[bye.reason], "in", wait)
		} else {
			handle(socketmode.Event{Type: socketmode.EventTypeConnectionError, Data: err})
			b.log.Warn("socket mode stopped; retrying", "err", err, "in", wait)
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
		backoff = min(backoff*2, b.cfg.MaxBackoff)
	}
}

// disconnectHints say what to do about a lasting disconnect.
var disconnectHints = map[string]string{
	"link_disabled":       "Socket Mode is turned off in the app's settings (api.slack.com/apps → Socket Mode)",
	"too_many_websockets": "the app already has Slack's 10 connections: fewer replicas, or a stale process still connected",
}

func isAuthError(err error) bool {
	if err == nil {
		return false
	}
	switch err.Error() {
	case "invalid_auth", "token_revoked", "account_inactive", "not_authed", "not_allowed_token_type", "token_expired":
		return true
	}
	var sc slack.StatusCodeError
	return errors.As(err, &sc) && sc.Code == http.StatusNotFound
}

// dispatch handles one event on the reading goroutine: it acks every envelope and queues
// the answering, and never blocks on answering, so that acks keep flowing under a burst.
func (b *Bot) dispatch(ctx context.Context, evt socketmode.Event, slow chan<- queuedEvent) {
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		b.setConnected(false)
		b.log.Debug("connecting to slack")
	case socketmode.EventTypeConnected:
		if b.connections.Add(1) > 1 {
			b.obs.Reconnected()
		}
		b.setConnected(true)
		b.log.Info("connected to slack")
	case socketmode.EventTypeConnectionError:
		b.setConnected(false)
		b.log.Warn("slack connection failed", "err", evt.Data)
	case socketmode.EventTypeDisconnect:
		b.setConnected(false)
		b.log.Info("slack asked to reconnect", "reason", evt.Request.Reason)
	case socketmode.EventTypeInvalidAuth:
		b.log.Error("slack rejected the app token")
	case socketmode.EventTypeHello:
		b.log.Debug("hello from slack")
	case socketmode.EventTypeSlashCommand, socketmode.EventTypeEventsAPI, socketmode.EventTypeInteractive:
		if evt.Request.EnvelopeID != "" && !b.seen.add("env:"+evt.Request.EnvelopeID) {
			// The same envelope again (a redelivery on this socket): acked, not answered twice.
			b.ack(evt.Request, nil)
			b.obs.Duplicate()
			b.log.Info("duplicate envelope skipped", "envelope_id", evt.Request.EnvelopeID, "type", evt.Type)
			return
		}
		switch evt.Type {
		case socketmode.EventTypeSlashCommand:
			b.obs.Request("slash_command")
			b.onSlashCommand(ctx, evt)
		case socketmode.EventTypeEventsAPI:
			// The message's place in its conversation is taken here, in arrival order: the
			// handlers that take it from the queue run side by side.
			q := queuedEvent{evt: evt, turn: b.enterConversation(evt)}
			if m, ok := b.incomingOfEvent(evt); ok && b.jnl != nil {
				// A message to answer is recorded before it is acked: Slack will not send it
				// again, and a process that dies before replying leaves it to another.
				q.journaled = true
				b.record(func() (state.Pending, bool) {
					return state.Pending{ID: m.key(), Where: m.where, User: m.user, Channel: m.channel, TS: m.ts, Thread: m.thread, Text: m.text}, true
				}, func() {
					b.ack(evt.Request, nil)
					slow <- q
				})
				return
			}
			b.ack(evt.Request, nil)
			slow <- q
		case socketmode.EventTypeInteractive:
			b.obs.Request("interactive")
			if cb, ok := evt.Data.(slack.InteractionCallback); ok && cb.Type == slack.InteractionTypeBlockSuggestion {
				// A picker's options travel in the ack: looked up off the reading goroutine
				// (the asker's locale may need a call to Slack), and acked from there.
				b.tracked(func() {
					defer b.recoverEvent(evt)
					b.ack(evt.Request, b.suggestions(ctx, b.requestLogger(evt.Request), cb))
				})
				return
			}
			b.ack(evt.Request, nil)
			slow <- queuedEvent{evt: evt}
		}
	default:
		b.other(evt)
	}
}

// recoverEvent, deferred around the handling of one event, turns a panic into a log line
// with the envelope's id and type, and a count: one bad envelope never takes the bot down.
func (b *Bot) recoverEvent(evt socketmode.Event) {
	r := recover()
	if r == nil {
		return
	}
	b.obs.Panic()
	var id string
	if evt.Request != nil {
		id = evt.Request.EnvelopeID
	}
	b.log.Error("panic while handling an envelope", "envelope_id", id, "type", evt.Type, "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
}

// handle answers an Events API event or an interaction, already acked.
func (b *Bot) handle(ctx context.Context, q queuedEvent) {
	switch q.evt.Type {
	case socketmode.EventTypeEventsAPI:
		b.onEventsAPI(ctx, q.evt, q.turn, q.journaled)
	case socketmode.EventTypeInteractive:
		b.onInteractive(ctx, q.evt)
	}
}

// other handles the socket's other events: envelopes of types the bot does not answer are
// acked and logged, never left for Slack to redeliver.
func (b *Bot) other(evt socketmode.Event) {
	switch {
	case evt.Type == socketmode.EventTypeErrorBadMessage:
		// A frame that does not parse: acked by its envelope id where it has one, so that
		// Slack does not redeliver it forever.
		var id string
		if bad, ok := evt.Data.(*socketmode.ErrorBadMessage); ok {
			id = envelopeID(bad.Message)
		}
		if id != "" {
			b.ack(&socketmode.Request{EnvelopeID: id}, nil)
		}
		b.log.Warn("bad frame from slack", "envelope_id", id, "err", evt.Data)
	case evt.Type == eventTypeUnknown:
		b.ack(evt.Request, nil)
		b.log.Warn("envelope of a type the bot does not handle; acked", "type", evt.Request.Type, "envelope_id", evt.Request.EnvelopeID)
	default:
		b.log.Debug("socket event the bot does not handle", "type", evt.Type)
	}
}

// envelopeIDPattern finds the envelope id in a frame that may not even be JSON.
var envelopeIDPattern = regexp.MustCompile(`"envelope_id"\s*:\s*"([A-Za-z0-9._-]{1,128})"`)

func envelopeID(frame []byte) string {
	if m := envelopeIDPattern.FindSubmatch(frame); m != nil {
		return string(m[1])
	}
	return ""
}

// maxFrameBytes bounds one WebSocket message from Slack.
const maxFrameBytes = 1 << 20

// ack acknowledges an envelope, with a payload where Slack accepts one, and reports whether
// it was sent.
func (b *Bot) ack(req *socketmode.Request, payload any) bool {
	if req == nil || req.EnvelopeID == "" {
		return false
	}
	if err := b.sock.ack(req.EnvelopeID, payload); err != nil {
		b.log.Warn("ack not sent", "envelope_id", req.EnvelopeID, "err", err)
		return false
	}
	return true
}

// requestLogger returns a logger that names the envelope on every line.
func (b *Bot) requestLogger(req *socketmode.Request) *slog.Logger {
	if req == nil {
		return b.log
	}
	return b.log.With("envelope_id", req.EnvelopeID)
}
