package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"

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
	// Home is the App Home tab's content, with the commands the audience may run.
	Home(lang answer.Lang, in answer.Audience) *answer.Answer
	// Help lists the commands the audience may run.
	Help(lang answer.Lang, in answer.Audience) *answer.Answer
	// Lookup offers the records of a kind whose names match what a user has typed, for the
	// App Home's pickers.
	Lookup(typed string, kind knowledge.Kind, lang answer.Lang, limit int) []answer.Option
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
	// TakeOverAfter is how long a message acked by a process that has not answered it waits
	// before another process (or the same one, restarted) answers it; 2 minutes when zero.
	TakeOverAfter time.Duration
	// CrashBeforeReply makes the process exit, like kill -9, when a message's reply is ready
	// and not yet posted: a failpoint for tests of that window, never set in production.
	CrashBeforeReply bool
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
	cfg     Config
	api     *slack.Client
	sock    *socketConn
	http    *http.Client
	log     *slog.Logger
	pool    *pool
	seen    *seenSet
	posters *pool       // post replies, off the workers
	lanes   lanes       // a conversation's messages in order
	convos  *convoCache // each conversation's last query, for follow-ups
	userID  string      // the bot's own user id, from auth.test
	botID   string
	obs     Observer
	digest  *digester
	locale  *localeCache
	// questions the bot could not answer, on their way to the store
	questions questionLog

	connected   atomic.Bool
	connections atomic.Int64

	// Messages acked and not yet answered, on their way to the store (see pending.go).
	owner string   // this process, in the store's pending messages
	jnl   *journal // nil without a store
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
	TakenOver()
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
func (nopObserver) TakenOver()                           {}
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
		// One client for every Slack call and response_url post, keeping connections alive
		// and reusing them. Keep-alive alone is not enough: in a burst every post in flight
		// dialled a connection of its own (46 per 100 answers in a burst of 200), a TLS
		// handshake each against Slack. So posts to one host share at most MaxConnsPerHost
		// connections and queue for them; the idle pool keeps them all.
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxConnsPerHost = MaxConnsPerHost
		t.MaxIdleConns, t.MaxIdleConnsPerHost = 256, MaxConnsPerHost
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
	if cfg.TakeOverAfter <= 0 {
		cfg.TakeOverAfter = 2 * time.Minute
	}
	if cfg.Observer == nil {
		cfg.Observer = nopObserver{}
	}
	if cfg.Language == "" {
		cfg.Language = answer.English
	}
	b := &Bot{cfg: cfg, http: cfg.HTTPClient, log: cfg.Logger, obs: cfg.Observer,
		pool: newPool(cfg.Workers, cfg.Queue), seen: newSeenSet(10000, time.Hour), locale: newLocaleCache(10000, time.Hour),
		posters: newPool(maxPostsInFlight, postQueue), convos: newConvoCache(10000, topicTTL), owner: processName()}
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
	guard := &flapGuard{max: cfg.MaxBackoff, log: cfg.Logger, sleep: sleepCtx}
	b.sock = &socketConn{api: b.api, dialer: guard.dialer(), pingWait: cfg.PingInterval, readLimit: maxFrameBytes}
	return b, nil
}

// MaxConnsPerHost bounds the HTTP connections to one host (Slack's Web API, its response_url
// host). Posts to Slack take a few milliseconds each, so 16 carry hundreds a second.
const MaxConnsPerHost = 16

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
			b.questions.add(state.Unanswered{At: time.Now(), Question: question, Where: where}, log, b.tracked, b.cfg.Store)
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
