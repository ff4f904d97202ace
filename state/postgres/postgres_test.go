package postgres_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/mineralbot/mineralbot/internal/pgtest"
	"github.com/mineralbot/mineralbot/state"
	"github.com/mineralbot/mineralbot/state/postgres"
	"github.com/mineralbot/mineralbot/state/statetest"
)

func TestMain(m *testing.M) {
	code := m.Run()
	pgtest.Stop()
	os.Exit(code)
}

func open(t *testing.T) state.Store {
	dsn := pgtest.Shared(t).NewDB(t)
	s, err := postgres.Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestContract(t *testing.T) { statetest.Run(t, open) }

// Migrations apply once, by whichever replica starts first; a database migrated by a newer
// mineralbot is refused.
func TestMigrations(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.Shared(t).NewDB(t)
	for range 2 {
		s, err := postgres.Open(ctx, dsn)
		if err != nil {
			t.Fatal(err)
		}
		s.Close()
	}
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	if _, err := conn.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES (99)`); err != nil {
		t.Fatal(err)
	}
	_, err = postgres.Open(ctx, dsn)
	if !errors.Is(err, state.ErrNewerSchema) || !strings.Contains(err.Error(), "schema 99") {
		t.Fatalf("Open of a newer database: %v", err)
	}
}

// A bad connection string is reported without echoing it (it holds a password).
func TestBadDSN(t *testing.T) {
	_, err := postgres.Open(context.Background(), "postgres://u:s3cret@[bad")
	if err == nil || strings.Contains(err.Error(), "s3cret") {
		t.Fatalf("Open with a bad DSN: %v", err)
	}
}

func BenchmarkStore(b *testing.B) {
	s, err := postgres.Open(context.Background(), pgtest.Shared(b).NewDB(b))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	statetest.Bench(b, s)
}
