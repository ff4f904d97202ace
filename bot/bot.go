package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"regexp"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/knowledge"
	"github.com/mineralbot/mineralbot/state"
)

// Answerer answers a question in a language, and tells a question's language; the answer
// engine implements it.
type Answerer interface {
	Ask(ctx context.Context, question string, lang answer.Lang) (*answer.Answer, error)
	// Card is a record's full card, for the "Full card" button.
	Card(r knowledge.Ref, question string, lang answer.Lang) *answer.Answer
	DetectLanguage(text string) (answer.Lang, bool)
	// AskAfter answers a follow-up in a conversation whose last answer was about prev's
	// records ("and reserves?").
	AskAfter(ctx context.Context, question string, lang answer.Lang, prev answer.Query) (*answer.Answer, error)
	// Home is the App Home tab's content.
	Home(lang answer.Lang) *answer.Answer
}

// ErrAuth is returned by [Bot.Run] when Slack rejects a token: retrying will not help.
var ErrAuth = errors.New("slack rejected the token")

// Config is what a Bot needs.
type Config struct {
	BotToken string // xoxb-…
	AppToken string // xapp-…
	APIURL   string // Web API base URL, with a trailing slash
	Answerer Answerer
	Logger   *slog.Logger
	// HTTPClient makes every call to Slack; http.DefaultClient when nil.
	HTTPClient *http.Client

	Workers       int           // answers computed at once
	Queue         int           // requests that may wait for a worker
	AckBudget     time.Duration // how long a slash command's answer may take to ride in the ack
	ShutdownGrace time.Duration // how long answers in flight may take on shutdown
	// PingInterval is how long the socket may go without a ping from Slack; 30s when zero.
	PingInterval time.Duration
	// MaxBackoff caps the wait between reconnection attempts; 1 minute when zero.
	MaxBackoff time.Duration
	// Observer is told what the bot does (metrics); nothing when nil.
	Observer Observer

	// Store keeps digest subscriptions and claims, and unanswered questions. Without it
	// there are no digests.
	Store state.Store
	// Digests builds digest content; the answer engine.
	Digests DigestBuilder
	// DigestSchedule is the cron spec for DigestChannels (CRON_TZ= prefix allowed).
	DigestSchedule string
	DigestChannels []string
	// DigestGrace is how late a missed digest may still be posted on start.
	DigestGrace time.Duration
	// Admins may change subscriptions, besides workspace admins and owners. They also get
	// the questions the bot could not answer, privately, on the digest schedule.
	Admins []string
	// KeepQuestions stores the questions the bot could not answer, for the admins' curation
	// report (/mineral curate and their weekly DM). They are never posted in a channel.
	KeepQuestions bool
	// Clock is the digests' clock; the real one when nil.
	Clock Clock
	// Reloader reloads the knowledge base for /mineral reload; the command is off when nil.
	Reloader Reloader
	// CrashAfterDigestPost makes the process exit, like kill -9, right after it posts a
	// digest and before it records it: a failpoint for tests of that window, never set in
	// production.
	CrashAfterDigestPost bool
	// Language answers when neither the question nor the user's Slack locale tells; English
	// when empty.
	Language answer.Lang
}

// Reloader reloads the knowledge base and summarizes what it loaded.
type Reloader interface {
	Reload(ctx context.Context) (summary string, err error)
}

// Bot is the Slack bot.
type Bot struct {
	cfg    Config
	api    *slack.Client
	sm     *socketmode.Client
	http   *http.Client
	log    *slog.Logger
	pool   *pool
	seen   *seenSet
	posts  chan struct{} // replies being posted, off the workers
	convos *convoCache   // each conversation's last query, for follow-ups
	userID string        // the bot's own user id, from auth.test
	botID  string
	obs    Observer
	digest *digester
	locale *localeCache

	connected   atomic.Bool
	connections atomic.Int64
}

// Connected reports whether the bot has a live Socket Mode connection.
func (b *Bot) Connected() bool { return b.connected.Load() }

func (b *Bot) setConnected(up bool) {
	b.connected.Store(up)
	b.obs.Connected(up)
}

// Observer is told what the bot does; package metrics implements it with Prometheus.
type Observer interface {
	Request(kind string)
	Answered(intent string, d time.Duration, found bool)
	SlackError(method string)
	RateLimited()
	Reconnected()
	Connected(up bool)
	Duplicate()
	Busy()
	ReplyLost()
	Digest(ok bool)
	DigestOutcome(outcome string)
	Panic()
	Feedback(helpful bool)
}

// nopObserver observes nothing.
type nopObserver struct{}

func (nopObserver) Request(string)                       {}
func (nopObserver) Answered(string, time.Duration, bool) {}
func (nopObserver) SlackError(string)                    {}
func (nopObserver) RateLimited()                         {}
func (nopObserver) Reconnected()                         {}
func (nopObserver) Connected(bool)                       {}
func (nopObserver) Duplicate()                           {}
func (nopObserver) Busy()                                {}
func (nopObserver) ReplyLost()                           {}
func (nopObserver) Digest(bool)                          {}
func (nopObserver) DigestOutcome(string)                 {}
func (nopObserver) Panic()                               {}
func (nopObserver) Feedback(bool)                        {}

// New checks the configuration and returns a bot ready to Run.
func New(cfg Config) (*Bot, error) {
	switch {
	case cfg.Answerer == nil:
		return nil, errors.New("bot: Answerer is required")
	case !strings.HasPrefix(cfg.BotToken, "xoxb-"):
		return nil, errors.New("bot: the bot token must start with xoxb-")
	case !strings.HasPrefix(cfg.AppToken, "xapp-"):
		return nil, errors.New("bot: the app token must start with xapp-")
	case cfg.APIURL == "":
		return nil, errors.New("bot: APIURL is required")
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.HTTPClient == nil {
		// One client for every Slack call and response_url post, keeping connections alive:
		// a burst reuses them instead of opening one per answer (the default transport keeps
		// two idle connections per host).
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConns, t.MaxIdleConnsPerHost = 256, 64
		cfg.HTTPClient = &http.Client{Timeout: 30 * time.Second, Transport: t}
	}
	if cfg.Workers <= 0 {
		// Leave a core for the socket: acks and pings must not wait behind answers.
		cfg.Workers = max(1, runtime.GOMAXPROCS(0)-1)
	}
	if cfg.AckBudget <= 0 {
		cfg.AckBudget = 250 * time.Millisecond
	}
	if cfg.PingInterval <= 0 {
		cfg.PingInterval = 30 * time.Second
	}
	if cfg.MaxBackoff <= 0 {
		cfg.MaxBackoff = time.Minute
	}
	if cfg.Observer == nil {
		cfg.Observer = nopObserver{}
	}
	if cfg.Language == "" {
		cfg.Language = answer.English
	}
	b := &Bot{cfg: cfg, http: cfg.HTTPClient, log: cfg.Logger, obs: cfg.Observer,
		pool: newPool(cfg.Workers, cfg.Queue), seen: newSeenSet(10000, time.Hour), locale: newLocaleCache(10000, time.Hour),
		posts: make(chan struct{}, maxPostsInFlight), convos: newConvoCache(10000, 30*time.Minute)}
	retry := slack.DefaultRetryConfig()
	retry.MaxRetries = 5
	retry.RetryAfterDuration = 2 * time.Second
	retry.BackoffMax = 10 * time.Second
	// 429s wait for Retry-After only while the reply is still useful; past that the call
	// fails at once (and the reply is counted lost) instead of holding a goroutine for minutes.
	retry.Handlers = []slack.RetryHandler{countRateLimits{b.obs, b.log}, cappedRateLimit{max: maxUsefulWait},
		slack.NewConnectionErrorRetryHandler(), slack.NewServerErrorRetryHandler(retry)}
	b.api = slack.New(cfg.BotToken,
		slack.OptionAppLevelToken(cfg.AppToken),
		slack.OptionAPIURL(cfg.APIURL),
		slack.OptionHTTPClient(cfg.HTTPClient),
		slack.OptionRetryConfig(retry),
		slack.OptionLog(slog.NewLogLogger(cfg.Logger.Handler(), slog.LevelDebug)),
	)
	if cfg.Store != nil {
		if cfg.Digests == nil {
			return nil, errors.New("bot: Digests is required with a Store")
		}
		sched, err := ParseSchedule(cfg.DigestSchedule)
		if err != nil {
			return nil, fmt.Errorf("digest.schedule: invalid cron spec %q: %v", cfg.DigestSchedule, err)
		}
		if cfg.Clock == nil {
			cfg.Clock = realClock{}
		}
		b.cfg = cfg
		b.digest = newDigester(digestConfig{schedule: sched, channels: cfg.DigestChannels, grace: cfg.DigestGrace, crashAfterPost: cfg.CrashAfterDigestPost,
			notifyAdmins: b.NotifyAdmins,
			admins:       cfg.Admins, keepQuestions: cfg.KeepQuestions, lang: b.cfg.Language},
			cfg.Store, cfg.Digests, cfg.Clock, cfg.Logger, b.obs, b)
	}
	b.sm = socketmode.New(b.api,
		socketmode.OptionPingInterval(cfg.PingInterval),
		// Slack's envelopes are kilobytes: a frame past the limit closes the socket (and we
		// reconnect) rather than growing the process.
		socketmode.OptionReadLimit(maxFrameBytes),
		socketmode.OptionLog(slog.NewLogLogger(cfg.Logger.With("component", "socketmode").Handler(), slog.LevelDebug)),
	)
	return b, nil
}

// countRateLimits is a retry handler that only counts and logs 429s; the handlers after it
// decide whether and when to retry (honouring Retry-After).
type countRateLimits struct {
	obs Observer
	log *slog.Logger
}

func (c countRateLimits) ShouldRetry(st *slack.RetryState, req *http.Request, resp *http.Response, _ error) (bool, time.Duration) {
	if resp != nil && resp.StatusCode == http.StatusTooManyRequests {
		c.obs.RateLimited()
		c.log.Warn("slack rate limit", "path", req.URL.Path, "retry_after", resp.Header.Get("Retry-After"), "attempt", st.Attempt)
	}
	return false, 0
}

// cappedRateLimit retries a 429 after its Retry-After, unless that is longer than max.
type cappedRateLimit struct{ max time.Duration }

func (c cappedRateLimit) ShouldRetry(st *slack.RetryState, _ *http.Request, resp *http.Response, _ error) (bool, time.Duration) {
	if resp == nil || resp.StatusCode != http.StatusTooManyRequests || st.Attempt >= st.MaxRetries {
		return false, 0
	}
	wait := max(retryAfter(resp.Header.Get("Retry-After"), time.Second), time.Second)
	if wait > c.max {
		return false, 0
	}
	return true, wait + rand.N(250*time.Millisecond)
}

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

	// The event loop and the digests stop with ctx, or when the socket gives up for good.
	loopCtx, stopLoop := context.WithCancel(ctx)
	defer stopLoop()
	loopDone := make(chan struct{})
	go func() {
		defer close(loopDone)
		b.eventLoop(loopCtx, work)
	}()
	digestDone := make(chan struct{})
	go func() {
		defer close(digestDone)
		if b.digest != nil {
			b.digest.run(loopCtx, work)
		}
	}()

	runErr := b.runSocket(ctx)
	b.setConnected(false)
	stopLoop() // no more envelopes
	<-loopDone

	// Answers and digests in flight get the shutdown grace to finish, then are cut off.
	finished := make(chan struct{})
	go func() {
		b.pool.wait(context.Background())
		<-digestDone
		close(finished)
	}()
	select {
	case <-finished:
	case <-time.After(b.cfg.ShutdownGrace):
		b.log.Warn("shutdown: work still in flight was cut off", "answers_in_flight", b.pool.inFlight())
		cancelWork()
		<-digestDone
	}
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

// runSocket runs the Socket Mode connection, retrying transient failures.
func (b *Bot) runSocket(ctx context.Context) error {
	backoff := time.Second
	for {
		err := b.sm.RunContext(ctx)
		if ctx.Err() != nil {
			return nil
		}
		if isAuthError(err) {
			return fmt.Errorf("%w: Socket Mode: %v (check slack.app_token)", ErrAuth, err)
		}
		b.setConnected(false)
		wait := backoff/2 + rand.N(backoff/2+1)
		b.log.Warn("socket mode stopped; retrying", "err", err, "in", wait)
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(wait):
		}
		backoff = min(backoff*2, b.cfg.MaxBackoff)
	}
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

// eventLoop drains the socket's events: it acks and hands work to the pool, and never blocks
// on answering, so pings and acks keep flowing.
func (b *Bot) eventLoop(ctx, work context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case evt, ok := <-b.sm.Events:
			if !ok {
				return
			}
			b.dispatch(work, evt)
		}
	}
}

func (b *Bot) dispatch(ctx context.Context, evt socketmode.Event) {
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
		b.log.Info("slack asked to reconnect")
	case socketmode.EventTypeInvalidAuth:
		b.log.Error("slack rejected the app token")
	case socketmode.EventTypeHello:
		b.log.Debug("hello from slack")
	case socketmode.EventTypeSlashCommand, socketmode.EventTypeEventsAPI, socketmode.EventTypeInteractive:
		if evt.Request != nil && evt.Request.EnvelopeID != "" && !b.seen.add("env:"+evt.Request.EnvelopeID) {
			// The same envelope again (a redelivery on this socket): acked, not answered twice.
			b.ack(evt.Request, nil)
			b.obs.Duplicate()
			b.log.Info("duplicate envelope skipped", "envelope_id", evt.Request.EnvelopeID, "type", evt.Type)
			return
		}
		b.handle(ctx, evt)
	default:
		b.other(evt)
	}
}

// handle answers a slash command, an Events API event or an interaction.
func (b *Bot) handle(ctx context.Context, evt socketmode.Event) {
	switch evt.Type {
	case socketmode.EventTypeSlashCommand:
		b.obs.Request("slash_command")
		b.onSlashCommand(ctx, evt)
	case socketmode.EventTypeEventsAPI:
		b.ack(evt.Request, nil)
		b.onEventsAPI(ctx, evt)
	case socketmode.EventTypeInteractive:
		b.obs.Request("interactive")
		b.ack(evt.Request, nil)
		b.onInteractive(ctx, evt)
	}
}

// other handles the socket's other events: envelopes of types the bot does not answer are
// acked and logged, never left for Slack to redeliver.
func (b *Bot) other(evt socketmode.Event) {
	switch {
	case evt.Type == socketmode.EventTypeErrorBadMessage:
		// A frame slack-go could not parse: acked by its envelope id where it has one, so that
		// Slack does not redeliver it forever.
		var id string
		if bad, ok := evt.Data.(*socketmode.ErrorBadMessage); ok {
			id = envelopeID(bad.Message)
		}
		if id != "" {
			b.ack(&socketmode.Request{EnvelopeID: id}, nil)
		}
		b.log.Warn("bad frame from slack", "envelope_id", id, "err", evt.Data)
	case evt.Type == socketmode.EventTypeIncomingError:
		b.log.Warn("socket read error", "err", evt.Data)
	default:
		if evt.Request != nil && evt.Request.EnvelopeID != "" {
			b.ack(evt.Request, nil)
			b.log.Warn("envelope of a type the bot does not handle; acked", "type", evt.Type, "envelope_id", evt.Request.EnvelopeID)
			return
		}
		b.log.Debug("socket event without an envelope", "type", evt.Type)
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

// ack acknowledges an envelope, with a payload where Slack accepts one.
func (b *Bot) ack(req *socketmode.Request, payload any) {
	if req == nil || req.EnvelopeID == "" {
		return
	}
	if payload != nil {
		b.sm.Ack(*req, payload)
		return
	}
	b.sm.Ack(*req)
}

// requestLogger returns a logger that names the envelope on every line.
func (b *Bot) requestLogger(req *socketmode.Request) *slog.Logger {
	if req == nil {
		return b.log
	}
	return b.log.With("envelope_id", req.EnvelopeID)
}

// Where a question was asked, as recorded with questions the bot could not answer.
const (
	fromDM       = "dm"
	fromMention  = "mention"
	fromSlash    = "slash"
	fromShare    = "share"
	fromHome     = "home"
	fromShortcut = "shortcut"
)

// ask answers a question, turning a failure into a polite answer (and a log line). A question
// nobody could answer is kept for the admins' curation report, if questions are kept.
func (b *Bot) ask(ctx context.Context, log *slog.Logger, question, where string, lang answer.Lang) *answer.Answer {
	return b.askWith(ctx, log, question, where, lang, func() (*answer.Answer, error) { return b.cfg.Answerer.Ask(ctx, question, lang) })
}

// askAfter answers a message of a conversation, as a follow-up of its last answer.
func (b *Bot) askAfter(ctx context.Context, log *slog.Logger, question, where string, lang answer.Lang, prev answer.Query) *answer.Answer {
	return b.askWith(ctx, log, question, where, lang, func() (*answer.Answer, error) {
		return b.cfg.Answerer.AskAfter(ctx, question, lang, prev)
	})
}

func (b *Bot) askWith(ctx context.Context, log *slog.Logger, question, where string, lang answer.Lang, answerIt func() (*answer.Answer, error)) *answer.Answer {
	start := time.Now()
	a, err := answerIt()
	if err == nil {
		d := time.Since(start)
		b.obs.Answered(string(a.Intent), d, a.Intent != answer.IntentNotFound)
		if a.Intent == answer.IntentNotFound && b.cfg.Store != nil && b.cfg.KeepQuestions {
			// Recorded off the answer's path: the reply does not wait for a disk or a database.
			u := state.Unanswered{At: time.Now(), Question: question, Where: where}
			go func() {
				ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
				defer cancel()
				if err := b.cfg.Store.AddUnanswered(ctx, u); err != nil {
					log.Warn("could not record an unanswered question", "err", err)
				}
			}()
		}
		log.Info("answered", "intent", a.Intent, "record", a.Record.ID, "lang", lang, "duration", d)
	}
	if err != nil {
		b.obs.Answered("error", time.Since(start), false)
		log.Error("answering failed", "err", err)
		return &answer.Answer{Intent: answer.IntentNotFound, Question: question, Lang: lang,
			Title: lang.T("Sorry, something went wrong while answering. Please try again in a moment.")}
	}
	return a
}

const busyText = "I'm answering a lot of questions right now. Please try again in a moment."

func busyAnswer(lang answer.Lang) *answer.Answer {
	return &answer.Answer{Intent: answer.IntentNotFound, Lang: lang, Title: lang.T(busyText)}
}

// slashResponse is the JSON body of a slash command reply, in the ack or by response_url.
type slashResponse struct {
	ResponseType    string        `json:"response_type,omitempty"`
	Text            string        `json:"text"`
	Blocks          []slack.Block `json:"blocks,omitempty"`
	ReplaceOriginal bool          `json:"replace_original,omitempty"`
	DeleteOriginal  bool          `json:"delete_original,omitempty"`
}

// maxAckBytes is below slack-go's 20 KB limit for ack payloads.
const maxAckBytes = 19 * 1024

func (b *Bot) onSlashCommand(ctx context.Context, evt socketmode.Event) {
	req := evt.Request
	log := b.requestLogger(req)
	cmd, ok := evt.Data.(slack.SlashCommand)
	if !ok {
		b.ack(req, nil)
		log.Warn("slash command with unexpected payload", "type", fmt.Sprintf("%T", evt.Data))
		return
	}
	log = log.With("command", cmd.Command, "user", cmd.UserID, "channel", cmd.ChannelID)
	reply := make(chan slashResponse, 1)
	started, now := b.pool.try(func() {
		defer b.guard(log, func() { reply <- slashResponse{ResponseType: "ephemeral", Text: esc(b.cfg.Language.T(panicText))} })
		reply <- b.slashReply(ctx, log, cmd)
	})
	if !started {
		b.obs.Busy()
		log.Warn("busy: slash command turned away")
		b.ack(req, slashResponse{ResponseType: "ephemeral", Text: esc(b.cfg.Language.T(busyText))})
		return
	}
	if !now {
		// Every worker is busy: ack at once, and answer by response_url when a worker is
		// free, so that a burst never delays acks.
		b.ack(req, nil)
		go func() { b.respond(ctx, log, cmd.ResponseURL, <-reply) }()
		return
	}
	go func() {
		timer := time.NewTimer(b.cfg.AckBudget)
		defer timer.Stop()
		select {
		case r := <-reply:
			if data, err := json.Marshal(r); err == nil && len(data) <= maxAckBytes && req.AcceptsResponsePayload {
				b.ack(req, r)
				return
			}
			b.ack(req, nil)
			b.respond(ctx, log, cmd.ResponseURL, r)
		case <-timer.C:
			b.ack(req, nil)
			b.respond(ctx, log, cmd.ResponseURL, <-reply)
		}
	}()
}

// slashReply answers a slash command: ephemeral, with a "Share in channel" button.
func (b *Bot) slashReply(ctx context.Context, log *slog.Logger, cmd slack.SlashCommand) slashResponse {
	text := strings.TrimSpace(cmd.Text)
	lang := b.language(ctx, log, cmd.UserID, text)
	log = log.With("lang", lang)
	if first, rest, _ := strings.Cut(text, " "); strings.EqualFold(first, "digest") {
		return b.digestCommand(ctx, log, cmd, strings.TrimSpace(rest), lang)
	}
	if strings.EqualFold(text, "reload") {
		return b.reloadCommand(ctx, log, cmd, lang)
	}
	if first, _, _ := strings.Cut(text, " "); strings.EqualFold(first, "curate") {
		return b.curateCommand(ctx, log, cmd, lang)
	}
	var a *answer.Answer
	if text == "" || isHelp(text) {
		a = b.helpAnswer(ctx, log, lang)
	} else {
		a = b.ask(ctx, log, text, fromSlash, lang)
	}
	m := render(a, renderOptions{shareButton: true})
	return slashResponse{ResponseType: "ephemeral", Text: m.Text, Blocks: m.Blocks}
}

func isHelp(text string) bool {
	return strings.EqualFold(text, "help") || strings.EqualFold(text, "ayuda")
}

// helpAnswer is the engine's help (every subcommand, from its one table) and the Slack-only
// commands.
func (b *Bot) helpAnswer(ctx context.Context, log *slog.Logger, lang answer.Lang) *answer.Answer {
	a := b.ask(ctx, log, "help", "", lang)
	a.Sections = append(a.Sections, answer.Section{Heading: lang.T("In Slack"), Items: []string{
		lang.T("/mineral digest subscribe | unsubscribe | status | preview: the channel's weekly digest (subscribing is for admins)"),
		lang.T("/mineral curate: the questions nobody could answer, privately (admins)"),
		lang.T("/mineral reload: reload the knowledge base (admins)"),
		lang.T("Mention @mineralbot in a channel, or send me a direct message."),
	}})
	return a
}

// respond posts a slash command's reply to its response_url, retrying transient failures.
func (b *Bot) respond(ctx context.Context, log *slog.Logger, url string, r slashResponse) {
	if err := b.postJSON(ctx, url, r); err != nil {
		b.obs.ReplyLost()
		b.obs.SlackError("response_url")
		log.Error("reply lost: response_url post failed", "err", err)
	}
}

// postJSON posts JSON to a response_url, honouring 429 Retry-After and retrying 5xx and
// network errors with backoff.
func (b *Bot) postJSON(ctx context.Context, url string, body any) error {
	data, err := json.Marshal(body)
	if err != nil {
		return err
	}
	backoff := 200 * time.Millisecond
	var last error
	for attempt := 0; attempt < 6; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, strings.NewReader(string(data)))
		if err != nil {
			return err
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := b.http.Do(req)
		wait := backoff
		switch {
		case err != nil:
			last = err
		case resp.StatusCode == http.StatusTooManyRequests:
			b.obs.RateLimited()
			b.log.Warn("slack rate limit", "path", "response_url", "retry_after", resp.Header.Get("Retry-After"))
			last = fmt.Errorf("429 from response_url")
			wait = retryAfter(resp.Header.Get("Retry-After"), backoff)
			drain(resp)
		case resp.StatusCode >= 500:
			last = fmt.Errorf("response_url: %s", resp.Status)
			drain(resp)
		case resp.StatusCode >= 300:
			drain(resp)
			return fmt.Errorf("response_url: %s", resp.Status)
		default:
			drain(resp)
			return nil
		}
		if wait > maxUsefulWait {
			// A reply that would arrive this late is of no use any more: dropped, counted.
			return fmt.Errorf("response_url: Slack asks to wait %s, past the %s a reply is useful (last error: %v)", wait, maxUsefulWait, last)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%w (last error: %v)", ctx.Err(), last)
		case <-time.After(wait):
		}
		backoff = min(backoff*2, 10*time.Second)
	}
	return last
}

// background runs a post off the answering workers, at most maxPostsInFlight at a time:
// past that the caller waits, which slows answering down rather than growing without bound.
func (b *Bot) background(post func()) {
	b.posts <- struct{}{}
	b.pool.wg.Add(1) // shutdown waits for posts in flight too
	go func() {
		defer func() { <-b.posts; b.pool.wg.Done() }()
		post()
	}()
}

// maxPostsInFlight bounds the replies being posted at once.
const maxPostsInFlight = 128

// maxUsefulWait is the longest Retry-After a reply waits for; past it the reply is dropped.
const maxUsefulWait = 10 * time.Second

// drain reads what is left of a response body (a little) and closes it, so that its
// connection goes back to the pool.
func drain(resp *http.Response) {
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
}

func retryAfter(h string, def time.Duration) time.Duration {
	var secs int
	if _, err := fmt.Sscanf(h, "%d", &secs); err == nil && secs >= 0 {
		return time.Duration(secs) * time.Second
	}
	return def
}

// eventEnvelope holds the fields of an Events API envelope that slack-go's parsed form lacks.
type eventEnvelope struct {
	EventID string `json:"event_id"`
}

func (b *Bot) onEventsAPI(ctx context.Context, evt socketmode.Event) {
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
		b.obs.Duplicate()
		log.Info("duplicate event skipped", "event_id", env.EventID, "retry_attempt", req.RetryAttempt)
		return
	}
	switch e := ev.InnerEvent.Data.(type) {
	case *slackevents.AppMentionEvent:
		if e.BotID != "" || e.User == b.userID {
			return
		}
		b.obs.Request("app_mention")
		thread := e.ThreadTimeStamp
		if thread == "" {
			thread = e.TimeStamp
		}
		b.answerMessage(ctx, log.With("event", "app_mention", "user", e.User, "channel", e.Channel), fromMention, e.User, e.Channel, e.TimeStamp, thread, e.Text)
	case *slackevents.AppHomeOpenedEvent:
		b.obs.Request("app_home_opened")
		b.onHomeOpened(ctx, log.With("event", "app_home_opened", "user", e.User), e)
	case *slackevents.MessageEvent:
		if e.ChannelType != "im" {
			return // mentions in channels arrive as app_mention too; answer those
		}
		if e.BotID != "" || e.SubType != "" || e.User == "" || e.User == b.userID {
			return // bots (ourselves included), edits, joins: answering them makes loops
		}
		b.obs.Request("message_im")
		b.answerMessage(ctx, log.With("event", "message.im", "user", e.User, "channel", e.Channel), fromDM, e.User, e.Channel, e.TimeStamp, e.ThreadTimeStamp, e.Text)
	}
}

// answerMessage answers a mention or DM once, posting in the given thread (if any).
func (b *Bot) answerMessage(ctx context.Context, log *slog.Logger, where, user, channel, ts, thread, text string) {
	if !b.firstSeen(ctx, "msg:"+channel+"/"+ts) {
		b.obs.Duplicate()
		return
	}
	question := strings.TrimSpace(stripMentions(text))
	started, _ := b.pool.try(func() {
		defer b.guard(log, func() {
			b.post(ctx, log, channel, thread, Message{Text: esc(b.cfg.Language.T(panicText))})
		})
		lang := b.language(ctx, log, user, question)
		log := log.With("lang", lang)
		var a *answer.Answer
		// A conversation: a mention's thread, or a DM channel's top level.
		convo := channel + "|" + thread
		if question == "" || isHelp(question) {
			a = b.helpAnswer(ctx, log, lang)
		} else if prev, ok := b.convos.get(convo); ok {
			a = b.askAfter(ctx, log, question, where, lang, prev)
		} else {
			a = b.ask(ctx, log, question, where, lang)
		}
		if q := a.Query; len(q.Minerals)+len(q.Countries)+len(q.Policies) > 0 {
			b.convos.put(convo, q)
		}
		// The reply is posted off the worker: a slow or rate-limited channel does not hold it.
		m := render(a, renderOptions{})
		b.background(func() { b.post(ctx, log, channel, thread, m) })
	})
	if !started {
		b.obs.Busy()
		log.Warn("busy: message turned away")
		go b.post(ctx, log, channel, thread, render(busyAnswer(b.cfg.Language), renderOptions{}))
	}
}

// reloadCommand reloads the knowledge base, for admins.
func (b *Bot) reloadCommand(ctx context.Context, log *slog.Logger, cmd slack.SlashCommand, lang answer.Lang) slashResponse {
	reply := func(format string, args ...any) slashResponse {
		return slashResponse{ResponseType: "ephemeral", Text: lang.Sprintf(format, args...)}
	}
	if b.cfg.Reloader == nil {
		return reply("Reloading is not enabled on this bot.")
	}
	ok, err := b.isAdmin(ctx, cmd.UserID)
	if err != nil {
		log.Error("admin check failed", "err", err)
		return reply("Sorry, I couldn't check your permissions just now. Please try again in a moment.")
	}
	if !ok {
		return reply("Sorry, only workspace admins and the bot's configured admins can reload the knowledge base.")
	}
	summary, err := b.cfg.Reloader.Reload(ctx)
	if err != nil {
		return reply("The reload failed; the previous knowledge base keeps serving.%s", "\n```\n"+esc(truncate(err.Error(), 2500))+"\n```")
	}
	return reply("Reloaded: %s", esc(summary))
}

// NotifyAdmins sends a direct message to each configured admin.
func (b *Bot) NotifyAdmins(ctx context.Context, text string) {
	for _, u := range b.cfg.Admins {
		m := Message{Text: esc(truncate(text, maxFallback))}
		m.Blocks = []slack.Block{slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, "```\n"+m.Text+"\n```", false, false), nil, nil)}
		b.post(ctx, b.log.With("notify", u), u, "", m)
	}
}

// postDigest posts a digest to a channel, marked with message metadata that names its
// subscription and period, and returns its ts.
func (b *Bot) postDigest(ctx context.Context, channel string, m Message, mark digestMark) (string, error) {
	meta := slack.SlackMetadata{EventType: digestEventType, EventPayload: map[string]any{
		"subscription": mark.Subscription, "period": mark.Period.UTC().Format(time.RFC3339)}}
	_, ts, err := b.api.PostMessageContext(ctx, channel, slack.MsgOptionText(m.Text, false), slack.MsgOptionBlocks(m.Blocks...), slack.MsgOptionMetadata(meta))
	if err != nil {
		b.obs.SlackError("chat.postMessage")
	}
	return ts, err
}

// findDigest looks in a channel's history since a time for a digest marked with mark. A
// curation report goes to a user id: its history is that of the DM with the user.
func (b *Bot) findDigest(ctx context.Context, channel string, mark digestMark, since time.Time) (string, bool, error) {
	if strings.HasPrefix(channel, "U") || strings.HasPrefix(channel, "W") {
		c, _, _, err := b.api.OpenConversationContext(ctx, &slack.OpenConversationParameters{Users: []string{channel}, ReturnIM: true})
		if err != nil {
			b.obs.SlackError("conversations.open")
			return "", false, err
		}
		channel = c.ID
	}
	params := &slack.GetConversationHistoryParameters{ChannelID: channel, Oldest: strconv.FormatFloat(float64(since.UnixNano())/1e9, 'f', 6, 64),
		Limit: 200, IncludeAllMetadata: true}
	for {
		h, err := b.api.GetConversationHistoryContext(ctx, params)
		if err != nil {
			b.obs.SlackError("conversations.history")
			return "", false, err
		}
		for _, msg := range h.Messages {
			p := msg.Metadata.EventPayload
			if msg.Metadata.EventType == digestEventType && p["subscription"] == mark.Subscription && p["period"] == mark.Period.UTC().Format(time.RFC3339) {
				return msg.Timestamp, true, nil
			}
		}
		if !h.HasMore || h.ResponseMetaData.NextCursor == "" {
			return "", false, nil
		}
		params.Cursor = h.ResponseMetaData.NextCursor
	}
}

// post sends a message with chat.postMessage; the client retries 429s (after Retry-After),
// 5xx and network errors. What still fails is logged and counted.
func (b *Bot) post(ctx context.Context, log *slog.Logger, channel, thread string, m Message) {
	opts := []slack.MsgOption{slack.MsgOptionText(m.Text, false), slack.MsgOptionBlocks(m.Blocks...)}
	if thread != "" {
		opts = append(opts, slack.MsgOptionTS(thread))
	}
	if _, _, err := b.api.PostMessageContext(ctx, channel, opts...); err != nil {
		b.obs.ReplyLost()
		b.obs.SlackError("chat.postMessage")
		log.Error("reply lost: chat.postMessage failed", "err", err, "channel", channel)
	}
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

func (b *Bot) onInteractive(ctx context.Context, evt socketmode.Event) {
	log := b.requestLogger(evt.Request)
	cb, ok := evt.Data.(slack.InteractionCallback)
	if ok && cb.Type == slack.InteractionTypeViewSubmission && cb.View.CallbackID == callbackFeedback {
		b.onFeedbackSubmission(ctx, log, cb)
		return
	}
	if ok && cb.Type == slack.InteractionTypeMessageAction && cb.CallbackID == callbackAskShortcut {
		b.onAskShortcut(ctx, log, cb)
		return
	}
	if !ok || cb.Type != slack.InteractionTypeBlockActions {
		return
	}
	for _, act := range cb.ActionCallback.BlockActions {
		switch act.ActionID {
		case actionFullCard:
			b.fullCard(ctx, log, cb, act.Value)
			continue
		case actionFeedbackUp, actionFeedbackDown:
			b.onFeedback(ctx, log, cb, act)
			continue
		case actionRunExample:
			b.runExample(ctx, log.With("action", actionRunExample, "user", cb.User.ID), cb, unesc(act.Value))
			continue
		}
		if act.ActionID != actionShare {
			continue
		}
		question, user, url := unesc(act.Value), cb.User.ID, cb.ResponseURL
		log := log.With("action", actionShare, "user", user, "channel", cb.Channel.ID)
		if started, _ := b.pool.try(func() {
			defer b.guard(log, func() {
				b.respond(ctx, log, url, slashResponse{ResponseType: "ephemeral", Text: esc(b.cfg.Language.T(panicText))})
			})
			a := b.ask(ctx, log, question, fromShare, b.language(ctx, log, user, question))
			m := render(a, renderOptions{sharedBy: user})
			b.respond(ctx, log, url, slashResponse{ResponseType: "in_channel", Text: m.Text, Blocks: m.Blocks, DeleteOriginal: true})
		}); !started {
			b.obs.Busy()
			log.Warn("busy: share turned away")
			go b.respond(ctx, log, url, slashResponse{ResponseType: "ephemeral", Text: esc(b.cfg.Language.T(busyText))})
		}
	}
}

// callbackAskShortcut is the message shortcut "Ask mineralbot".
const callbackAskShortcut = "ask_mineralbot"

// onAskShortcut answers the text of the message the shortcut was used on, privately, through
// the response URL.
func (b *Bot) onAskShortcut(ctx context.Context, log *slog.Logger, cb slack.InteractionCallback) {
	question, user, url := strings.TrimSpace(stripMentions(cb.Message.Text)), cb.User.ID, cb.ResponseURL
	log = log.With("shortcut", callbackAskShortcut, "user", user, "channel", cb.Channel.ID)
	b.obs.Request("message_shortcut")
	if started, _ := b.pool.try(func() {
		defer b.guard(log, func() {
			b.respond(ctx, log, url, slashResponse{ResponseType: "ephemeral", Text: esc(b.cfg.Language.T(panicText))})
		})
		a := b.ask(ctx, log, truncate(question, 1000), fromShortcut, b.language(ctx, log, user, question))
		m := render(a, renderOptions{shareButton: true})
		b.respond(ctx, log, url, slashResponse{ResponseType: "ephemeral", Text: m.Text, Blocks: m.Blocks})
	}); !started {
		b.obs.Busy()
		go b.respond(ctx, log, url, slashResponse{ResponseType: "ephemeral", Text: esc(b.cfg.Language.T(busyText))})
	}
}

// fullCard answers the "Full card" button: the record's whole card, privately, through the
// response URL.
func (b *Bot) fullCard(ctx context.Context, log *slog.Logger, cb slack.InteractionCallback, value string) {
	parts := strings.SplitN(value, "|", 3)
	log = log.With("action", actionFullCard, "user", cb.User.ID, "value", value)
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
	if started, _ := b.pool.try(func() {
		defer b.guard(log, func() {
			b.respond(ctx, log, url, slashResponse{ResponseType: "ephemeral", Text: esc(lang.T(panicText))})
		})
		m := render(b.cfg.Answerer.Card(ref, "", lang), renderOptions{full: true})
		b.respond(ctx, log, url, slashResponse{ResponseType: "ephemeral", Text: m.Text, Blocks: m.Blocks})
	}); !started {
		b.obs.Busy()
		log.Warn("busy: full card turned away")
		go b.respond(ctx, log, url, slashResponse{ResponseType: "ephemeral", Text: esc(lang.T(busyText))})
	}
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

// dedupeTTL is how long an event id is remembered: Slack retries within minutes.
const dedupeTTL = time.Hour

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
	ctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	first, err := b.cfg.Store.FirstSeen(ctx, key, time.Now(), dedupeTTL)
	if err != nil {
		b.log.Debug("event dedupe falls back to memory", "err", err)
		return true
	}
	return first
}

// convoCache remembers each conversation's last query for a while, for follow-ups; the
// oldest are forgotten first.
type convoCache struct {
	mu    sync.Mutex
	max   int
	ttl   time.Duration
	items map[string]convoEntry
	order []string
}

type convoEntry struct {
	q  answer.Query
	at time.Time
}

func newConvoCache(max int, ttl time.Duration) *convoCache {
	return &convoCache{max: max, ttl: ttl, items: make(map[string]convoEntry)}
}

func (c *convoCache) get(key string) (answer.Query, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.items[key]
	if !ok || time.Since(e.at) > c.ttl {
		return answer.Query{}, false
	}
	return e.q, true
}

func (c *convoCache) put(key string, q answer.Query) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if _, ok := c.items[key]; !ok {
		c.order = append(c.order, key)
	}
	c.items[key] = convoEntry{q, time.Now()}
	for len(c.order) > c.max {
		delete(c.items, c.order[0])
		c.order = c.order[1:]
	}
}

// seenSet remembers keys for a while, to answer redelivered events once.
type seenSet struct {
	mu    sync.Mutex
	max   int
	ttl   time.Duration
	at    map[string]time.Time
	order []string
}

func newSeenSet(max int, ttl time.Duration) *seenSet {
	return &seenSet{max: max, ttl: ttl, at: make(map[string]time.Time)}
}

// add records key and reports whether it was new.
func (s *seenSet) add(key string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	now := time.Now()
	if t, ok := s.at[key]; ok && now.Sub(t) < s.ttl {
		return false
	}
	s.at[key] = now
	s.order = append(s.order, key)
	for len(s.order) > s.max {
		delete(s.at, s.order[0])
		s.order = s.order[1:]
	}
	return true
}

// pool runs answers on a bounded number of goroutines, with a bounded queue.
type pool struct {
	slots  chan struct{} // workers
	queue  chan struct{} // workers + waiting
	wg     sync.WaitGroup
	active atomic.Int64
}

func newPool(workers, queue int) *pool {
	return &pool{slots: make(chan struct{}, workers), queue: make(chan struct{}, workers+max(queue, 0))}
}

// try starts fn when the queue has room and reports whether it did, and whether a worker was
// free to run it at once (rather than after the work queued before it).
func (p *pool) try(fn func()) (started, now bool) {
	select {
	case p.queue <- struct{}{}:
	default:
		return false, false
	}
	select {
	case p.slots <- struct{}{}:
		now = true
	default:
	}
	p.wg.Add(1)
	p.active.Add(1)
	go func() {
		defer func() {
			p.active.Add(-1)
			<-p.queue
			p.wg.Done()
		}()
		if !now {
			p.slots <- struct{}{}
		}
		defer func() { <-p.slots }()
		fn()
	}()
	return true, now
}

func (p *pool) inFlight() int64 { return p.active.Load() }

// wait waits for every started fn to return, or for ctx.
func (p *pool) wait(ctx context.Context) error {
	done := make(chan struct{})
	go func() { p.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
