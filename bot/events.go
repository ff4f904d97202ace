// Events and interactions: mentions, DMs, buttons, shortcuts; dedupe and panics.

package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime/debug"
	"strings"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/knowledge"
	"github.com/mineralbot/mineralbot/state"
)

// eventEnvelope holds the fields of an Events API envelope that slack-go's parsed form lacks.
type eventEnvelope struct {
	EventID string `json:"event_id"`
}

// onEventsAPI answers an Events API event, already acked; journaled says the message it
// carries went to the journal (see record).
func (b *Bot) onEventsAPI(ctx context.Context, evt socketmode.Event, turn *ticket, journaled bool) {
	req := evt.Request
	log := b.requestLogger(req)
	ev, ok := evt.Data.(slackevents.EventsAPIEvent)
	if !ok || ev.Type != slackevents.CallbackEvent {
		return
	}
	var env eventEnvelope
	if req != nil {
		_ = json.Unmarshal(req.Payload, &env)
	}
	if env.EventID != "" && !b.firstSeen(ctx, "event:"+env.EventID) {
		// Not settled: the first delivery's answer settles the pending message.
		b.obs.Duplicate()
		log.Info("duplicate event skipped", "event_id", env.EventID, "retry_attempt", req.RetryAttempt)
		return
	}
	if m, ok := b.incomingOf(ev); ok {
		kind := map[string]string{fromMention: "app_mention", fromDM: "message.im"}[m.where]
		b.obs.Request(strings.ReplaceAll(kind, ".", "_"))
		b.answerMessage(ctx, log.With("event", kind, "user", m.user, "channel", m.channel), turn, m, journaled)
		return
	}
	if e, ok := ev.InnerEvent.Data.(*slackevents.AppHomeOpenedEvent); ok {
		b.obs.Request("app_home_opened")
		b.onHomeOpened(ctx, log.With("event", "app_home_opened", "user", e.User), e)
	}
}

// answerMessage answers a mention or DM once, in its turn in the conversation.
func (b *Bot) answerMessage(ctx context.Context, log *slog.Logger, turn *ticket, m incoming, journaled bool) {
	if !b.firstSeen(ctx, "msg:"+m.key()) {
		b.obs.Duplicate()
		return
	}
	var pending string
	if journaled {
		pending = m.key()
	}
	b.reply(ctx, log, turn, m, pending)
}

// reply answers a message in its thread (if any), in its turn in the conversation, and
// then settles its pending record (when it has one).
func (b *Bot) reply(ctx context.Context, log *slog.Logger, turn *ticket, m incoming, pending string) {
	question := strings.TrimSpace(stripMentions(m.text))
	settled := func(post func()) func() {
		return func() {
			defer b.settle(pending)
			post()
		}
	}
	b.workAfter(log, "message", turn, b.afterEarlier(ctx, log, m), func() (deliver func()) {
		lang := b.language(ctx, log, m.user, question)
		log := log.With("lang", lang)
		var a *answer.Answer
		// A conversation: a mention's thread, or a DM channel's top level.
		convo := conversation(m.channel, m.thread)
		if question == "" || isHelp(question) {
			a = b.helpAnswer(ctx, log, m.user, lang)
		} else if prev, ok := b.topic(ctx, log, convo); ok {
			a = b.askAfter(ctx, log, question, m.where, lang, prev)
		} else {
			a = b.ask(ctx, log, question, m.where, lang)
		}
		keep := b.keepTopic(ctx, log, convo, a.Followed())
		msg := render(a, renderOptions{})
		return settled(func() {
			keep() // before the reply: the asker's follow-up may reach another process
			if b.cfg.CrashBeforeReply {
				log.Warn("failpoint crash-before-reply: exiting before posting the reply")
				os.Exit(137)
			}
			b.post(ctx, log, m.channel, m.thread, msg)
		})
	}, settled(func() { b.post(ctx, log, m.channel, m.thread, Message{Text: esc(b.cfg.Language.T(panicText))}) }),
		settled(func() { b.post(ctx, log, m.channel, m.thread, render(busyAnswer(b.cfg.Language), renderOptions{})) }))
}

// stripMentions removes user mentions (<@U123>) from message text: the bot's own mention is
// not part of the question.
func stripMentions(s string) string {
	for {
		i := strings.Index(s, "<@")
		if i < 0 {
			return s
		}
		j := strings.Index(s[i:], ">")
		if j < 0 {
			return s
		}
		s = s[:i] + s[i+j+1:]
	}
}

// actionHandler answers one block action.
type actionHandler func(b *Bot, ctx context.Context, log *slog.Logger, cb slack.InteractionCallback, act *slack.BlockAction)

// actions route block actions by action id; an action not in the table is logged and
// dropped.
var actions = map[string]actionHandler{
	actionShare: (*Bot).onShare,
	actionFullCard: func(b *Bot, ctx context.Context, log *slog.Logger, cb slack.InteractionCallback, act *slack.BlockAction) {
		b.fullCard(ctx, log, cb, act.Value)
	},
	actionFeedbackUp:   (*Bot).onFeedback,
	actionFeedbackDown: (*Bot).onFeedback,
	actionRunExample: func(b *Bot, ctx context.Context, log *slog.Logger, cb slack.InteractionCallback, act *slack.BlockAction) {
		b.runExample(ctx, log.With("user", cb.User.ID), cb, unesc(act.Value))
	},
	actionPickMineral: (*Bot).onPicked,
	actionPickCountry: (*Bot).onPicked,
}

// callbacks route view submissions and shortcuts by callback id.
var callbacks = map[slack.InteractionType]map[string]func(b *Bot, ctx context.Context, log *slog.Logger, cb slack.InteractionCallback){
	slack.InteractionTypeViewSubmission: {callbackFeedback: (*Bot).onFeedbackSubmission},
	slack.InteractionTypeMessageAction:  {callbackAskShortcut: (*Bot).onAskShortcut},
}

// onInteractive routes an interaction (already acked) by the tables above.
func (b *Bot) onInteractive(ctx context.Context, evt socketmode.Event) {
	log := b.requestLogger(evt.Request)
	cb, ok := evt.Data.(slack.InteractionCallback)
	if !ok {
		log.Warn("interaction with unexpected payload", "type", fmt.Sprintf("%T", evt.Data))
		return
	}
	if cb.Type != slack.InteractionTypeBlockActions {
		if h, ok := callbacks[cb.Type][cb.CallbackID+cb.View.CallbackID]; ok {
			h(b, ctx, log, cb)
			return
		}
		log.Debug("interaction the bot does not handle", "type", cb.Type, "callback_id", cb.CallbackID+cb.View.CallbackID)
		return
	}
	for _, act := range cb.ActionCallback.BlockActions {
		h, ok := actions[act.ActionID]
		if !ok {
			log.Debug("block action the bot does not handle", "action", act.ActionID)
			continue
		}
		h(b, ctx, log.With("action", act.ActionID), cb, act)
	}
}

// onShare posts an answer in the channel for everyone, in place of the private reply.
func (b *Bot) onShare(ctx context.Context, log *slog.Logger, cb slack.InteractionCallback, act *slack.BlockAction) {
	question, user, url := unesc(act.Value), cb.User.ID, cb.ResponseURL
	log = log.With("user", user, "channel", cb.Channel.ID)
	b.work(log, "share", nil, func() (deliver func()) {
		lang := b.language(ctx, log, user, question)
		m := render(b.ask(ctx, log, question, fromShare, lang), renderOptions{sharedBy: user})
		return func() {
			b.respond(ctx, log, url, slashResponse{ResponseType: "in_channel", Text: m.Text, Blocks: m.Blocks, DeleteOriginal: true})
		}
	}, b.privately(ctx, log, url, b.cfg.Language, panicText), b.privately(ctx, log, url, b.cfg.Language, busyText))
}

// callbackAskShortcut is the message shortcut "Ask mineralbot".
const callbackAskShortcut = "ask_mineralbot"

// onAskShortcut answers the text of the message the shortcut was used on, privately, through
// the response URL.
func (b *Bot) onAskShortcut(ctx context.Context, log *slog.Logger, cb slack.InteractionCallback) {
	question, user, url := strings.TrimSpace(stripMentions(cb.Message.Text)), cb.User.ID, cb.ResponseURL
	log = log.With("shortcut", callbackAskShortcut, "user", user, "channel", cb.Channel.ID)
	b.obs.Request("message_shortcut")
	b.work(log, "shortcut", nil, func() (deliver func()) {
		a := b.ask(ctx, log, truncate(question, 1000), fromShortcut, b.language(ctx, log, user, question))
		m := render(a, renderOptions{shareButton: true})
		return func() {
			b.respond(ctx, log, url, slashResponse{ResponseType: "ephemeral", Text: m.Text, Blocks: m.Blocks})
		}
	}, b.privately(ctx, log, url, b.cfg.Language, panicText), b.privately(ctx, log, url, b.cfg.Language, busyText))
}

// fullCard answers the "Full card" button: the record's whole card, privately, through the
// response URL.
func (b *Bot) fullCard(ctx context.Context, log *slog.Logger, cb slack.InteractionCallback, value string) {
	parts := strings.SplitN(value, "|", 3)
	log = log.With("user", cb.User.ID, "value", value)
	if len(parts) != 3 {
		log.Warn("full card: malformed button value")
		return
	}
	lang, ok := answer.ParseLang(parts[0])
	if !ok {
		lang = b.cfg.Language
	}
	ref := knowledge.Ref{Kind: knowledge.Kind(parts[1]), ID: parts[2]}
	url := cb.ResponseURL
	b.work(log, "full card", nil, func() (deliver func()) {
		m := render(b.cfg.Answerer.Card(ref, "", lang), renderOptions{full: true})
		return func() {
			b.respond(ctx, log, url, slashResponse{ResponseType: "ephemeral", Text: m.Text, Blocks: m.Blocks})
		}
	}, b.privately(ctx, log, url, lang, panicText), b.privately(ctx, log, url, lang, busyText))
}

// panicText is the apology for a request whose answering panicked.
const panicText = "Sorry, something went wrong while answering. Please try again in a moment."

// guard, deferred at the top of a request's work, turns a panic into a log line with the
// request's envelope id, a count, and an apology to the user: one bad question never takes
// the bot down.
func (b *Bot) guard(log *slog.Logger, apologize func()) {
	r := recover()
	if r == nil {
		return
	}
	b.obs.Panic()
	log.Error("panic while answering; the user got an apology", "panic", fmt.Sprint(r), "stack", string(debug.Stack()))
	func() {
		defer func() { recover() }() // an apology that panics too is dropped
		apologize()
	}()
}

// work answers on a worker and delivers the reply off it, so that a slow, failing or
// rate-limited Slack never holds a worker: reply answers and returns the delivery. A panic
// delivers apology instead; when the queue is full, busy is delivered and nothing is answered.
// With a turn, the answering waits for the conversation's message before, and the next one
// waits until this one's delivery is done.
func (b *Bot) work(log *slog.Logger, what string, turn *ticket, reply func() (deliver func()), apology, busy func()) {
	b.workAfter(log, what, turn, nil, reply, apology, busy)
}

// workAfter is work, with wait (when not nil) called once the turn has come: it must not
// block, and calls start when the answering may start.
func (b *Bot) workAfter(log *slog.Logger, what string, turn *ticket, wait func(start func()), reply func() (deliver func()), apology, busy func()) {
	turn.run(func(done func()) {
		if wait != nil {
			wait(func() { b.startWork(log, what, done, reply, apology, busy) })
			return
		}
		b.startWork(log, what, done, reply, apology, busy)
	})
}

// startWork answers on a worker (see work); done is called once the reply is delivered.
func (b *Bot) startWork(log *slog.Logger, what string, done func(), reply func() (deliver func()), apology, busy func()) {
	then := func(deliver func()) func() {
		return func() {
			defer done()
			deliver()
		}
	}
	started, _ := b.pool.try(func() {
		answered := false
		defer b.guard(log, func() {
			if !answered {
				b.background(then(apology))
			}
		})
		deliver := reply()
		answered = true
		b.background(then(deliver))
	})
	if !started {
		b.obs.Busy()
		log.Warn("busy: " + what + " turned away")
		b.tracked(then(busy))
	}
}

// privately delivers a short message to a response_url, for the asker only.
func (b *Bot) privately(ctx context.Context, log *slog.Logger, url string, lang answer.Lang, text string) func() {
	return func() { b.respond(ctx, log, url, slashResponse{ResponseType: "ephemeral", Text: esc(lang.T(text))}) }
}

// dedupeTTL is how long an event id is remembered: Slack retries within minutes.
const dedupeTTL = time.Hour

// storeWait bounds how long answering waits on the state store before going on without it.
const storeWait = 300 * time.Millisecond

// bounded calls the state store and waits at most storeWait for it. The call gets a context
// with that deadline, but a driver may not honour it (bbolt waits up to its own timeout for
// another process's file lock): the answer goes on without the result, and the call finishes
// in the background.
func bounded[T any](ctx context.Context, call func(context.Context) (T, error)) (T, error) {
	ctx, cancel := context.WithTimeout(ctx, storeWait)
	type result struct {
		v   T
		err error
	}
	done := make(chan result, 1)
	go func() {
		defer cancel()
		v, err := call(ctx)
		done <- result{v, err}
	}()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		var zero T
		return zero, fmt.Errorf("state store: %w", ctx.Err())
	}
}

// topicTTL is how long a conversation's topic is kept for follow-ups.
const topicTTL = 30 * time.Minute

// topic returns what a conversation is about, for a follow-up. With a state store the
// store's word is taken: when several replicas share it, the conversation's last message
// may have been answered by another, and this process's memory of it is out of date. Memory
// answers when there is no store, or it fails or is slow.
func (b *Bot) topic(ctx context.Context, log *slog.Logger, convo string) (answer.Query, bool) {
	if b.cfg.Store != nil {
		type found struct {
			t  state.Topic
			ok bool
		}
		f, err := bounded(ctx, func(ctx context.Context) (found, error) {
			t, ok, err := b.cfg.Store.Topic(ctx, convo, time.Now())
			return found{t, ok}, err
		})
		if err == nil && f.ok {
			return fromTopic(f.t), true
		}
		if err != nil {
			log.Debug("conversation topic falls back to memory", "err", err)
		}
	}
	return b.convos.get(convo)
}

// keepTopic remembers what a conversation is now about, when its answer was about records
// or a sector: in memory at once, and in the state store by the function it returns, called
// before the reply is posted so that a follow-up reaching another replica finds it. Only
// ids, labels and flags are kept, never the question's words.
func (b *Bot) keepTopic(ctx context.Context, log *slog.Logger, convo string, q answer.Query) func() {
	t, ok := keptTopic(q)
	if !ok {
		return func() {}
	}
	b.convos.put(convo, fromTopic(t)) // memory keeps what the store keeps: a follow-up reads the same either way
	if b.cfg.Store == nil {
		return func() {}
	}
	return func() {
		_, err := bounded(context.WithoutCancel(ctx), func(ctx context.Context) (struct{}, error) {
			return struct{}{}, b.cfg.Store.SetTopic(ctx, convo, t, time.Now(), topicTTL)
		})
		switch {
		case errors.Is(err, state.ErrUnavailable):
			// The store has not opened yet (logged once, where it is retried): not a warning
			// per message.
			log.Debug("conversation topic kept in memory only", "err", err)
		case err != nil:
			log.Warn("could not record the conversation's topic; a follow-up answered by another replica will not know it", "err", err)
		}
	}
}

// toTopic is what is kept of a query for follow-ups: its records or sector, and what it
// asked of them (the measure, lists and year; whether it asked yes or no, which way a figure
// moved, a comparison or a reason), never its words. fromTopic is the query a follow-up continues from: with a state
// store, a follow-up answered by another replica, or after a restart, reads the same as one
// answered from memory.
func toTopic(q answer.Query) state.Topic {
	t := state.Topic{Minerals: q.Minerals, Countries: q.Countries, Policies: q.Policies, Measure: string(q.Measure),
		Year: q.Year, Sector: q.Sector(), YesNo: q.YesNo, Compare: q.Compare, Why: q.Why, Direction: q.Direction,
		World: q.World, WorldNamed: q.WorldNamed, Most: q.Most, Major: q.Major, Top: q.Top, Rank: q.Rank,
		Comparative: q.Comparative, Share: q.Share, Amount: q.Amount, Together: q.Together(), Output: q.Output(),
		Polarity: string(q.Polarity)}
	for _, l := range q.Lists {
		t.Lists = append(t.Lists, string(l))
	}
	if q.Besides != "" {
		t.Besides = append([]string{q.Besides}, q.MoreBesides...)
	}
	return t
}

// keptTopic is what a conversation keeps of a query, and false when the query was about no
// records, list or sector: the conversation keeps the topic it had.
func keptTopic(q answer.Query) (state.Topic, bool) {
	t := toTopic(q)
	return t, len(t.Minerals)+len(t.Countries)+len(t.Policies)+len(t.Lists) > 0 || t.Sector != ""
}

// Remembered is what a conversation in Slack keeps of an answer's query for the follow-up
// after it, as the query the follow-up continues from; ok is false when it keeps nothing of
// it (see keepTopic). `mineralbot ask -` holds a conversation in a terminal with it.
func Remembered(q answer.Query) (prev answer.Query, ok bool) {
	t, ok := keptTopic(q)
	if !ok {
		return answer.Query{}, false
	}
	return fromTopic(t), true
}

func fromTopic(t state.Topic) answer.Query {
	q := answer.Query{Minerals: t.Minerals, Countries: t.Countries, Policies: t.Policies, Measure: answer.Measure(t.Measure),
		Year: t.Year, YesNo: t.YesNo, Compare: t.Compare, Why: t.Why, Direction: t.Direction, World: t.World,
		WorldNamed: t.WorldNamed, Most: t.Most, Major: t.Major, Top: t.Top, Rank: t.Rank, Comparative: t.Comparative,
		Share: t.Share, Amount: t.Amount, Polarity: answer.Polarity(t.Polarity)}
	for _, l := range t.Lists {
		q.Lists = append(q.Lists, knowledge.List(l))
	}
	if len(t.Besides) > 0 {
		q.Besides = t.Besides[0]
	}
	if len(t.Besides) > 1 {
		q.MoreBesides = t.Besides[1:]
	}
	q = q.InSector(t.Sector)
	if t.Together {
		q = q.AsTogether()
	}
	if t.Output {
		q = q.AsOutput()
	}
	return q
}

// firstSeen reports whether an event is new: to this process (memory), and to every process
// sharing the state store, so that a retry delivered to another replica is answered once.
// When the store cannot say in time, memory decides: answering never waits on the store.
func (b *Bot) firstSeen(ctx context.Context, key string) bool {
	if !b.seen.add(key) {
		return false
	}
	if b.cfg.Store == nil {
		return true
	}
	first, err := bounded(ctx, func(ctx context.Context) (bool, error) {
		return b.cfg.Store.FirstSeen(ctx, key, time.Now(), dedupeTTL)
	})
	if err != nil {
		b.log.Debug("event dedupe falls back to memory", "err", err)
		return true
	}
	return first
}
