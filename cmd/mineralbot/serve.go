package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"

	"github.com/mineralbot/mineralbot/bot"
	"github.com/mineralbot/mineralbot/config"
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

	eng, ix, err := loadEngine(cfg.Knowledge.Dir)
	if err != nil {
		return err
	}
	defer ix.Close()
	n, _ := ix.Count()
	log.Info("knowledge base loaded", "records", n, "dir", cfg.Knowledge.Dir)

	b, err := bot.New(bot.Config{
		BotToken:      cfg.Slack.BotToken.Reveal(),
		AppToken:      cfg.Slack.AppToken.Reveal(),
		APIURL:        cfg.APIURL(),
		Answerer:      eng,
		Logger:        log,
		Workers:       cfg.Bot.Workers,
		Queue:         cfg.Bot.Queue,
		AckBudget:     cfg.Bot.AckBudget.D(),
		ShutdownGrace: cfg.Bot.ShutdownGrace.D(),
	})
	if err != nil {
		return err
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
