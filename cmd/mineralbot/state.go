package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/mineralbot/mineralbot/config"
	"github.com/mineralbot/mineralbot/state"
	"github.com/mineralbot/mineralbot/state/bolt"
	"github.com/mineralbot/mineralbot/state/postgres"
)

// openState opens the configured state store.
func openState(ctx context.Context, cfg config.Config) (state.Store, error) {
	switch cfg.State.Driver {
	case "postgres":
		return postgres.Open(ctx, cfg.State.DSN.Reveal())
	default:
		return bolt.Open(cfg.DataDir)
	}
}

// describeState names the configured store for logs, without secrets.
func describeState(cfg config.Config) string {
	if cfg.State.Driver == "postgres" {
		return "postgres (state.dsn)"
	}
	return "bolt " + filepath.Join(cfg.DataDir, bolt.FileName)
}

// cmdState is "mineralbot state check": it opens the configured store, migrating it, and
// reads it through; a damaged bbolt file is reported with what to do, exit 1.
func cmdState(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	if len(args) == 0 || args[0] != "check" {
		return usageError{"state: want \"state check [-config FILE]\""}
	}
	fs := newFlagSet("state check")
	path := fs.String("config", "", "read settings from `FILE` (YAML; see config.example.yaml)")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	cfg, err := config.Load(*path, getenv)
	if err != nil {
		return err
	}
	if err := cfg.Validate(); err != nil {
		return fmt.Errorf("config: %w", err)
	}
	s, err := openState(ctx, cfg)
	if err != nil {
		return fmt.Errorf("state: %s: %w", describeState(cfg), err)
	}
	defer s.Close()
	if c, ok := s.(interface{ Check(context.Context) error }); ok {
		if err := c.Check(ctx); err != nil {
			return fmt.Errorf("state: %w", err)
		}
	}
	subs, err := s.Subscriptions(ctx)
	if err != nil {
		return errors.Join(fmt.Errorf("state: %s: reading subscriptions", describeState(cfg)), err)
	}
	fmt.Fprintf(stdout, "%s: ok, %d subscription(s)\n", describeState(cfg), len(subs))
	return nil
}
