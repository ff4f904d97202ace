package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"sync"
	"time"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/bot"
	"github.com/mineralbot/mineralbot/config"
	"github.com/mineralbot/mineralbot/internal/metrics"
	"github.com/mineralbot/mineralbot/knowledge"
	"github.com/mineralbot/mineralbot/state"
)

// cmdRun runs the Slack bot until ctx is done (SIGINT or SIGTERM in main).
func cmdRun(ctx context.Context, args []string, getenv func(string) string, stderr io.Writer) error {
	fs := newFlagSet("run")
	path := fs.String("config", "", "read settings from `FILE` (YAML; see config.example.yaml)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError{fmt.Sprintf("run: unexpected argument %q", fs.Arg(0))}
	}
	cfg, err := config.Load(*path, getenv)
	if err != nil {
		return err
	}
	if err := errors.Join(cfg.Validate(), cfg.ValidateSlack()); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	log := newLogger(cfg.Log, stderr)
	version, revision, goVersion := buildInfo()
	m := metrics.New(version, revision, goVersion)

	// The engine's derived data builds while the bot connects to Slack, and the search index
	// after it has (or after indexDelay): cards need the engine, only a full-text search
	// needs the index, and connecting comes first.
	obs := &firstConnect{Observer: m, connected: make(chan struct{})}
	indexAfter := make(chan struct{})
	go func() {
		select {
		case <-obs.connected:
		case <-time.After(indexDelay):
		case <-ctx.Done():
		}
		close(indexAfter)
	}()
	eng, ix, kb, err := loadEngineKB(cfg.Knowledge.Dir, indexAfter)
	if err != nil {
		return err
	}
	defer ix.Close()
	m.Knowledge(len(kb.Minerals), len(kb.Policies), len(kb.Countries))
	log.Info("knowledge base loaded", "summary", knowledge.Summarize(kb), "dir", cfg.Knowledge.Dir)
	go func(start time.Time) {
		if err := ix.Wait(ctx); err != nil {
			log.Error("search index", "err", err)
			return
		}
		log.Debug("search index ready", "after", time.Since(start))
	}(time.Now())

	rl := &reloader{dir: cfg.Knowledge.Dir, ix: ix, eng: eng, m: m, log: log}

	// The state store opens in the background if it cannot at once (a damaged file, a
	// database that is down): the bot answers meanwhile, and digests wait for it.
	store := state.OpenDeferred(func(ctx context.Context) (state.Store, error) { return openState(ctx, cfg) }, 10*time.Second, log)
	defer store.Close()
	if err := store.Wait(10 * time.Second); err == nil {
		log.Info("state store open", "store", describeState(cfg))
	}

	b, err := bot.New(bot.Config{
		BotToken:       cfg.Slack.BotToken.Reveal(),
		AppToken:       cfg.Slack.AppToken.Reveal(),
		APIURL:         cfg.APIURL(),
		Answerer:       eng,
		Logger:         log,
		Workers:        cfg.Bot.Workers,
		Queue:          cfg.Bot.Queue,
		AckBudget:      cfg.Bot.AckBudget.D(),
		ShutdownGrace:  cfg.Bot.ShutdownGrace.D(),
		Observer:       obs,
		Store:          store,
		Digests:        eng,
		DigestSchedule: cfg.Digest.Schedule,
		DigestChannels: cfg.Digest.Channels,
		DigestGrace:    cfg.Digest.Grace.D(),
		Admins:         cfg.Admins,
		KeepQuestions:  cfg.State.KeepQuestions,
		Language:       answer.Lang(cfg.Answer.Language),
		Reloader:       rl,
		TakeOverAfter:  cfg.Bot.TakeOverAfter.D(),
		// Failpoints for the replica tests, not settings: MINERALBOT_FAILPOINT=crash-after-digest-post
		// or crash-before-reply.
		CrashAfterDigestPost: getenv("MINERALBOT_FAILPOINT") == "crash-after-digest-post",
		CrashBeforeReply:     getenv("MINERALBOT_FAILPOINT") == "crash-before-reply",
	})
	if err != nil {
		return err
	}
	rl.notify = b.NotifyAdmins
	if cfg.Knowledge.Dir != "" {
		// The watcher stops, and a reload under way finishes, before the index is closed
		// (deferred above, so it runs after this).
		watchCtx, stopWatch := context.WithCancel(ctx)
		watching := make(chan struct{})
		defer func() { stopWatch(); <-watching }()
		go func() {
			defer close(watching)
			if err := rl.watch(watchCtx); err != nil {
				log.Error("hot reload is off", "err", err)
			}
		}()
	}
	if cfg.HTTP.Addr != "" {
		stop, err := serveOps(ctx, cfg.HTTP.Addr, m, func() error {
			if !b.Connected() {
				return errors.New("not connected to Slack")
			}
			return nil
		}, log)
		if err != nil {
			return fmt.Errorf("http.addr: %w", err)
		}
		defer stop()
	}
	log.Info("starting", "api_url", cfg.APIURL())
	if err := b.Run(ctx); err != nil {
		if errors.Is(err, bot.ErrAuth) {
			return fmt.Errorf("%v: Slack did not accept the token; check it and restart", err)
		}
		return err
	}
	log.Info("stopped")
	return nil
}

// serveOps serves /healthz (the process is alive), /readyz (knowledge loaded and Slack
// connected) and /metrics on addr until stop is called.
func serveOps(ctx context.Context, addr string, m *metrics.Metrics, ready func() error, log *slog.Logger) (stop func(), err error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		io.WriteString(w, "ok\n")
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, _ *http.Request) {
		if err := ready(); err != nil {
			http.Error(w, "not ready: "+err.Error(), http.StatusServiceUnavailable)
			return
		}
		io.WriteString(w, "ready\n")
	})
	mux.Handle("GET /metrics", m.Handler())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 5 * time.Second, BaseContext: func(net.Listener) context.Context { return ctx }}
	go func() {
		if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			log.Error("http server stopped", "err", err)
		}
	}()
	log.Info("http listening", "addr", ln.Addr().String())
	return func() {
		c, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(c)
	}, nil
}

// newLogger returns a slog logger: text on a terminal, JSON otherwise (or as configured).
func newLogger(c config.Log, w io.Writer) *slog.Logger {
	var level slog.Level
	_ = level.UnmarshalText([]byte(c.Level))
	opts := &slog.HandlerOptions{Level: level}
	format := c.Format
	if format == "auto" {
		format = "json"
		if f, ok := w.(*os.File); ok {
			if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
				format = "text"
			}
		}
	}
	if format == "text" {
		return slog.New(slog.NewTextHandler(w, opts))
	}
	return slog.New(slog.NewJSONHandler(w, opts))
}

// indexDelay is how long the search index waits for the first connection to Slack before it
// builds anyway.
const indexDelay = 2 * time.Second

// firstConnect is the bot's observer, which also tells when the bot first connects.
type firstConnect struct {
	bot.Observer
	once      sync.Once
	connected chan struct{}
}

func (o *firstConnect) Connected(up bool) {
	o.Observer.Connected(up)
	if up {
		o.once.Do(func() { close(o.connected) })
	}
}
