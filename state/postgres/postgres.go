// Package postgres keeps mineralbot's state in PostgreSQL, for several replicas of the bot.
//
// Claims are rows with a unique (subscription, period) key, changed only under a row lock, so
// that exactly one replica holds a period at a time; event ids are rows too, first insert
// wins. Subscriptions are read from the table each time the digester looks, so a change made
// through one replica reaches the others at their next look (within seconds). Migrations
// are embedded and applied at start, under an advisory lock; a database migrated by a newer
// mineralbot is refused.
package postgres

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/mineralbot/mineralbot/state"
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a [state.Store] in PostgreSQL.
type Store struct {
	pool         *pgxpool.Pool
	maxQuestions int
}

var _ state.Store = (*Store)(nil)

// migrationLock is the advisory lock that serializes migrations across replicas.
const migrationLock = 7_261_843_001

// Open connects to the database dsn names and applies the migrations it lacks.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, fmt.Errorf("state.dsn: %w", redact(err))
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("state.dsn: %w", redact(err))
	}
	s := &Store{pool: pool, maxQuestions: state.MaxUnanswered}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, err
	}
	return s, nil
}

// redact keeps a connection error from echoing the password.
func redact(err error) error {
	var pe *pgconn.ParseConfigError
	if errors.As(err, &pe) {
		return errors.New("not a valid PostgreSQL connection string")
	}
	return err
}

// Close closes the pool.
func (s *Store) Close() error { s.pool.Close(); return nil }

// SetMaxUnanswered lowers the bound on kept questions, for tests.
func (s *Store) SetMaxUnanswered(n int) { s.maxQuestions = n }

// migrate applies the embedded migrations in order, each in a transaction, recording them in
// schema_migrations.
func (s *Store) migrate(ctx context.Context) error {
	conn, err := s.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("connecting to PostgreSQL: %w", err)
	}
	defer conn.Release()
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, migrationLock); err != nil {
		return fmt.Errorf("locking for migrations: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, migrationLock)
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`); err != nil {
		return fmt.Errorf("creating schema_migrations: %w", err)
	}
	var have int
	if err := conn.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM schema_migrations`).Scan(&have); err != nil {
		return err
	}
	files, err := fs.Glob(migrations, "migrations/*.sql")
	if err != nil {
		return err
	}
	slices.Sort(files)
	known := 0
	for _, f := range files {
		v, err := strconv.Atoi(strings.SplitN(strings.TrimPrefix(f, "migrations/"), "_", 2)[0])
		if err != nil {
			return fmt.Errorf("migration %s: the name must start with its version number", f)
		}
		known = max(known, v)
		if v <= have {
			continue
		}
		sql, err := migrations.ReadFile(f)
		if err != nil {
			return err
		}
		err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, string(sql)); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO schema_migrations (version) VALUES ($1)`, v)
			return err
		})
		if err != nil {
			return fmt.Errorf("applying migration %s: %w", f, err)
		}
	}
	if have > known {
		return fmt.Errorf("%w: the database is at schema %d, this mineralbot knows up to %d; run a newer mineralbot", state.ErrNewerSchema, have, known)
	}
	return nil
}

// PutSubscription implements [state.Store].
func (s *Store) PutSubscription(ctx context.Context, sub state.Subscription) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO subscriptions (channel, schedule, source, by_user, since, lang) VALUES ($1, $2, $3, $4, $5, $6)
		ON CONFLICT (channel) DO UPDATE SET schedule = $2, source = $3, by_user = $4, since = $5, lang = $6`,
		sub.Channel, sub.Schedule, sub.Source, sub.By, sub.Since.UTC(), sub.Lang)
	return err
}

// DeleteSubscription implements [state.Store].
func (s *Store) DeleteSubscription(ctx context.Context, channel string) (bool, error) {
	tag, err := s.pool.Exec(ctx, `DELETE FROM subscriptions WHERE channel = $1`, channel)
	return tag.RowsAffected() > 0, err
}

// Subscriptions implements [state.Store].
func (s *Store) Subscriptions(ctx context.Context) ([]state.Subscription, error) {
	rows, err := s.pool.Query(ctx, `SELECT channel, schedule, source, by_user, since, lang FROM subscriptions ORDER BY channel`)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (state.Subscription, error) {
		var sub state.Subscription
		err := r.Scan(&sub.Channel, &sub.Schedule, &sub.Source, &sub.By, &sub.Since, &sub.Lang)
		sub.Since = sub.Since.UTC()
		return sub, err
	})
}

const deliveryColumns = `subscription, period, state, owner, lease_until, attempts, claimed_at, done_at, posted_ts, note, last_error`

func scanDelivery(r pgx.Row) (state.Delivery, error) {
	var d state.Delivery
	var lease, done *time.Time
	err := r.Scan(&d.Subscription, &d.Period, &d.State, &d.Owner, &lease, &d.Attempts, &d.ClaimedAt, &done, &d.PostedTS, &d.Note, &d.LastError)
	d.Period, d.ClaimedAt = d.Period.UTC(), d.ClaimedAt.UTC()
	if lease != nil {
		d.LeaseUntil = lease.UTC()
	}
	if done != nil {
		d.DoneAt = done.UTC()
	}
	return d, err
}

// Claim implements [state.Store]: the row is inserted, or locked and taken over, in one
// transaction.
func (s *Store) Claim(ctx context.Context, key state.DeliveryKey, owner string, now time.Time, lease time.Duration) (state.Delivery, error) {
	var d state.Delivery
	err := pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `INSERT INTO deliveries (subscription, period, state, owner, lease_until, attempts, claimed_at)
			VALUES ($1, $2, 'claimed', $3, $4, 1, $5) ON CONFLICT DO NOTHING`,
			key.Subscription, key.Period.UTC(), owner, now.Add(lease).UTC(), now.UTC())
		if err != nil {
			return err
		}
		row := tx.QueryRow(ctx, `SELECT `+deliveryColumns+` FROM deliveries WHERE subscription = $1 AND period = $2 FOR UPDATE`, key.Subscription, key.Period.UTC())
		if d, err = scanDelivery(row); err != nil {
			return err
		}
		if tag.RowsAffected() == 1 {
			return nil
		}
		switch {
		case d.Done():
			return state.ErrDone
		case d.State == state.Claimed && d.Owner != owner && now.Before(d.LeaseUntil):
			return state.ErrTaken
		}
		d.State, d.Owner, d.LeaseUntil, d.Attempts = state.Claimed, owner, now.Add(lease).UTC(), d.Attempts+1
		_, err = tx.Exec(ctx, `UPDATE deliveries SET state = 'claimed', owner = $3, lease_until = $4, attempts = $5
			WHERE subscription = $1 AND period = $2`, key.Subscription, key.Period.UTC(), owner, d.LeaseUntil, d.Attempts)
		return err
	})
	return d, err
}

// Complete implements [state.Store].
func (s *Store) Complete(ctx context.Context, key state.DeliveryKey, owner string, done state.Outcome, now time.Time) error {
	st := state.Posted
	if done.PostedTS == "" {
		st = state.Skipped
	}
	tag, err := s.pool.Exec(ctx, `UPDATE deliveries SET state = $3, owner = $4, posted_ts = $5, note = $6, done_at = $7, lease_until = NULL
		WHERE subscription = $1 AND period = $2 AND state IN ('claimed', 'failed')`,
		key.Subscription, key.Period.UTC(), st, owner, done.PostedTS, done.Note, now.UTC())
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return s.why(ctx, key)
	}
	return nil
}

// Release implements [state.Store].
func (s *Store) Release(ctx context.Context, key state.DeliveryKey, owner, failure string, now time.Time) error {
	tag, err := s.pool.Exec(ctx, `UPDATE deliveries SET state = 'failed', last_error = $4, lease_until = $5
		WHERE subscription = $1 AND period = $2 AND (state = 'failed' OR state = 'claimed' AND (owner = $3 OR lease_until <= $5))`,
		key.Subscription, key.Period.UTC(), owner, failure, now.UTC())
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		if err := s.why(ctx, key); err != nil {
			return err
		}
		return state.ErrTaken // someone else holds it now: leave their claim alone
	}
	return nil
}

// why explains an update that changed no row: the period is done, or missing.
func (s *Store) why(ctx context.Context, key state.DeliveryKey) error {
	d, err := scanDelivery(s.pool.QueryRow(ctx, `SELECT `+deliveryColumns+` FROM deliveries WHERE subscription = $1 AND period = $2`, key.Subscription, key.Period.UTC()))
	switch {
	case errors.Is(err, pgx.ErrNoRows):
		return fmt.Errorf("no delivery %s %s", key.Subscription, key.Period.UTC().Format(time.RFC3339))
	case err != nil:
		return err
	case d.Done():
		return state.ErrDone
	}
	return nil
}

// Deliveries implements [state.Store].
func (s *Store) Deliveries(ctx context.Context, sub string) ([]state.Delivery, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+deliveryColumns+` FROM deliveries WHERE subscription = $1 ORDER BY period`, sub)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (state.Delivery, error) { return scanDelivery(r) })
}

// FirstSeen implements [state.Store].
func (s *Store) FirstSeen(ctx context.Context, id string, now time.Time, ttl time.Duration) (bool, error) {
	tag, err := s.pool.Exec(ctx, `INSERT INTO events (id, expires_at) VALUES ($1, $2)
		ON CONFLICT (id) DO UPDATE SET expires_at = $2 WHERE events.expires_at <= $3`, id, now.Add(ttl).UTC(), now.UTC())
	return tag.RowsAffected() == 1, err
}

// SetTopic implements [state.Store].
func (s *Store) SetTopic(ctx context.Context, conversation string, t state.Topic, now time.Time, ttl time.Duration) error {
	data, err := json.Marshal(t)
	if err != nil {
		return err
	}
	_, err = s.pool.Exec(ctx, `INSERT INTO topics (conversation, topic, expires_at) VALUES ($1, $2, $3)
		ON CONFLICT (conversation) DO UPDATE SET topic = $2, expires_at = $3`, conversation, data, now.Add(ttl).UTC())
	return err
}

// Topic implements [state.Store].
func (s *Store) Topic(ctx context.Context, conversation string, now time.Time) (state.Topic, bool, error) {
	var data []byte
	err := s.pool.QueryRow(ctx, `SELECT topic FROM topics WHERE conversation = $1 AND expires_at > $2`, conversation, now.UTC()).Scan(&data)
	if errors.Is(err, pgx.ErrNoRows) {
		return state.Topic{}, false, nil
	}
	if err != nil {
		return state.Topic{}, false, err
	}
	var t state.Topic
	if err := json.Unmarshal(data, &t); err != nil {
		return state.Topic{}, false, fmt.Errorf("topic of %s: %w", conversation, err)
	}
	return t, true, nil
}

// AddPending implements [state.Store]. The message is kept as JSON; who holds it, and
// until when, in columns of their own.
func (s *Store) AddPending(ctx context.Context, owner string, ps []state.Pending, now time.Time, lease time.Duration) error {
	var batch pgx.Batch
	for _, p := range ps {
		p.Text = state.Truncate(p.Text, state.MaxPendingBytes)
		p.Received = p.Received.UTC()
		p.Owner, p.LeaseUntil, p.Attempts = "", time.Time{}, 0 // the columns hold them
		data, err := json.Marshal(p)
		if err != nil {
			return err
		}
		batch.Queue(`INSERT INTO pending (id, message, received, owner, lease_until, attempts) VALUES ($1, $2, $3, $4, $5, 1)
			ON CONFLICT (id) DO NOTHING`, p.ID, data, p.Received, owner, now.Add(lease).UTC())
	}
	if batch.Len() == 0 {
		return nil
	}
	return s.pool.SendBatch(ctx, &batch).Close()
}

// DonePending implements [state.Store].
func (s *Store) DonePending(ctx context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	_, err := s.pool.Exec(ctx, `DELETE FROM pending WHERE id = ANY($1)`, ids)
	return err
}

// EarlierPending implements [state.Store]. Slack's timestamps are compared as numbers.
func (s *Store) EarlierPending(ctx context.Context, channel, thread, ts, owner string) (bool, error) {
	if !state.ValidTS(ts) {
		return false, nil
	}
	var found bool
	err := s.pool.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pending WHERE message->>'channel' = $1
		AND coalesce(message->>'thread', '') = $2 AND owner <> $4
		AND message->>'ts' ~ '^[0-9]+(\.[0-9]+)?$' AND (message->>'ts')::numeric < $3::numeric)`, channel, thread, ts, owner).Scan(&found)
	return found, err
}

// TakePending implements [state.Store]. Rows another replica is taking at the same moment
// are skipped, not waited for.
func (s *Store) TakePending(ctx context.Context, owner string, now time.Time, lease time.Duration, max int) ([]state.Pending, error) {
	rows, err := s.pool.Query(ctx, `UPDATE pending SET owner = $1, lease_until = $2, attempts = attempts + 1
		WHERE id IN (SELECT id FROM pending WHERE lease_until < $3 ORDER BY received, id LIMIT $4 FOR UPDATE SKIP LOCKED)
		RETURNING message, owner, lease_until, attempts`, owner, now.Add(lease).UTC(), now.UTC(), max)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []state.Pending
	for rows.Next() {
		var data []byte
		var p state.Pending
		var leaseUntil time.Time
		var attempts int
		var holder string
		if err := rows.Scan(&data, &holder, &leaseUntil, &attempts); err != nil {
			return nil, err
		}
		if err := json.Unmarshal(data, &p); err != nil {
			return nil, fmt.Errorf("pending message: %w", err)
		}
		p.Owner, p.LeaseUntil, p.Attempts = holder, leaseUntil.UTC(), attempts
		out = append(out, p)
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	slices.SortFunc(out, func(a, b state.Pending) int { return a.Received.Compare(b.Received) })
	return out, nil
}

// AddUnanswered implements [state.Store].
func (s *Store) AddUnanswered(ctx context.Context, us ...state.Unanswered) error {
	if len(us) == 0 {
		return nil
	}
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		var batch pgx.Batch
		for _, u := range us {
			batch.Queue(`INSERT INTO unanswered (at, question, asked_in) VALUES ($1, $2, $3)`,
				u.At.UTC(), state.Truncate(u.Question, state.MaxQuestionBytes), u.Where)
		}
		if err := tx.SendBatch(ctx, &batch).Close(); err != nil {
			return err
		}
		_, err := tx.Exec(ctx, `DELETE FROM unanswered WHERE id IN (SELECT id FROM unanswered ORDER BY at DESC, id DESC OFFSET $1)`, s.maxQuestions)
		return err
	})
}

// UnansweredBetween implements [state.Store].
func (s *Store) UnansweredBetween(ctx context.Context, from, to time.Time) ([]state.Unanswered, error) {
	rows, err := s.pool.Query(ctx, `SELECT at, question, asked_in FROM unanswered WHERE at > $1 AND at <= $2 ORDER BY at, id`, from.UTC(), to.UTC())
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (state.Unanswered, error) {
		var u state.Unanswered
		err := r.Scan(&u.At, &u.Question, &u.Where)
		u.At = u.At.UTC()
		return u, err
	})
}

// AddFeedback implements [state.Store].
func (s *Store) AddFeedback(ctx context.Context, f state.Feedback) error {
	records := f.Records
	if records == nil {
		records = []string{}
	}
	_, err := s.pool.Exec(ctx, `INSERT INTO feedback (at, user_id, question, intent, records, helpful, reason, comment) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
		f.At.UTC(), f.User, state.Truncate(f.Question, state.MaxQuestionBytes), f.Intent, records, f.Helpful, f.Reason, state.Truncate(f.Comment, state.MaxCommentBytes))
	return err
}

// FeedbackBetween implements [state.Store].
func (s *Store) FeedbackBetween(ctx context.Context, from, to time.Time) ([]state.Feedback, error) {
	rows, err := s.pool.Query(ctx, `SELECT at, user_id, question, intent, records, helpful, reason, comment FROM feedback WHERE at > $1 AND at <= $2 ORDER BY at, id`, from.UTC(), to.UTC())
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, func(r pgx.CollectableRow) (state.Feedback, error) {
		var f state.Feedback
		err := r.Scan(&f.At, &f.User, &f.Question, &f.Intent, &f.Records, &f.Helpful, &f.Reason, &f.Comment)
		f.At = f.At.UTC()
		return f, err
	})
}

// Prune implements [state.Store].
func (s *Store) Prune(ctx context.Context, before time.Time) error {
	return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
		for _, q := range []string{
			`DELETE FROM deliveries WHERE state IN ('posted', 'skipped') AND period < $1`,
			`DELETE FROM events WHERE expires_at < $1`,
			`DELETE FROM topics WHERE expires_at < $1`,
			`DELETE FROM pending WHERE received < $1`,
			`DELETE FROM unanswered WHERE at < $1`,
			`DELETE FROM feedback WHERE at < $1`,
		} {
			if _, err := tx.Exec(ctx, q, before.UTC()); err != nil {
				return err
			}
		}
		return nil
	})
}
