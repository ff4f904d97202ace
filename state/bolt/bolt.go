// Package bolt keeps mineralbot's state in one bbolt file: the default store, with nothing to
// install.
//
// The file is opened for each operation and closed after it, so that several processes on one
// machine may share it: bbolt's file lock makes each operation, and so each claim, atomic
// across them. A damaged file is reported as an error that names it and says what to do, never
// a panic.
package bolt

import (
	"bytes"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync"
	"time"

	bbolt "go.etcd.io/bbolt"

	"github.com/mineralbot/mineralbot/state"
)

// FileName is the state file's name in the data directory.
const FileName = "mineralbot.db"

// schemaVersion is the layout this code writes. Version 1 had claims without leases;
// version 2 has deliveries, events and feedback.
const schemaVersion = 2

var (
	bucketMeta       = []byte("meta")
	bucketSubs       = []byte("subscriptions")
	bucketDeliveries = []byte("deliveries")
	bucketEvents     = []byte("events")
	bucketUnanswered = []byte("unanswered")
	bucketFeedback   = []byte("feedback")
	// Conversations' topics: added without a schema version of its own, as a file without
	// the bucket is read as one without topics, and older mineralbots ignore it.
	bucketTopics = []byte("topics")
	// Messages acked and not yet answered: added the same way.
	bucketPending   = []byte("pending")
	bucketOldClaims = []byte("claims") // schema 1
	keySchema       = []byte("schema")
)

// Store is a [state.Store] in one bbolt file.
type Store struct {
	path    string
	timeout time.Duration
	mu      sync.Mutex
	damage  *damage // set when the file was found damaged
	// maxQuestions bounds the unanswered questions kept: the newest are kept.
	maxQuestions int
}

var _ state.Store = (*Store)(nil)

// ErrDamaged is returned, wrapped with the file's path, when the state file cannot be read.
var ErrDamaged = errors.New("the state file is damaged")

// Open prepares the state file in dir (creating both if needed), migrates it to the current
// schema, and checks that it opens. A file written by a newer mineralbot is refused.
func Open(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("data_dir %s: %w", dir, err)
	}
	s := &Store{path: filepath.Join(dir, FileName), timeout: 10 * time.Second, maxQuestions: state.MaxUnanswered}
	if err := s.update(migrate); err != nil {
		return nil, err
	}
	return s, nil
}

// Path is the state file's path.
func (s *Store) Path() string { return s.path }

// Close does nothing: the file is opened per operation.
func (s *Store) Close() error { return nil }

func migrate(tx *bbolt.Tx) error {
	meta, err := tx.CreateBucketIfNotExists(bucketMeta)
	if err != nil {
		return err
	}
	v := 1
	if b := meta.Get(keySchema); b != nil {
		if v, err = strconv.Atoi(string(b)); err != nil {
			return fmt.Errorf("schema version %q: %w", b, err)
		}
	} else if tx.Bucket(bucketSubs) == nil {
		v = 0 // a new file
	}
	if v > schemaVersion {
		return fmt.Errorf("%w: the file has schema %d, this mineralbot knows up to %d; run a newer mineralbot, or move the file aside to start afresh", state.ErrNewerSchema, v, schemaVersion)
	}
	for _, b := range [][]byte{bucketSubs, bucketDeliveries, bucketEvents, bucketUnanswered, bucketFeedback, bucketTopics, bucketPending} {
		if _, err := tx.CreateBucketIfNotExists(b); err != nil {
			return err
		}
	}
	if v < 2 {
		if err := migrateClaims(tx); err != nil {
			return err
		}
		if err := rekeyUnanswered(tx.Bucket(bucketUnanswered)); err != nil {
			return err
		}
	}
	return meta.Put(keySchema, []byte(strconv.Itoa(schemaVersion)))
}

// migrateClaims turns schema 1's claims into deliveries: a posted or skipped claim is done;
// any other is failed, to be retried (within the grace window) rather than forgotten.
func migrateClaims(tx *bbolt.Tx) error {
	old := tx.Bucket(bucketOldClaims)
	if old == nil {
		return nil
	}
	type claim struct {
		Subscription string    `json:"subscription"`
		Period       time.Time `json:"period"`
		ClaimedAt    time.Time `json:"claimed_at"`
		Owner        string    `json:"owner"`
		PostedTS     string    `json:"posted_ts,omitempty"`
		PostedAt     time.Time `json:"posted_at,omitzero"`
		Error        string    `json:"error,omitempty"`
		Note         string    `json:"note,omitempty"`
	}
	dst := tx.Bucket(bucketDeliveries)
	err := old.ForEach(func(_, v []byte) error {
		var c claim
		if json.Unmarshal(v, &c) != nil {
			return nil // unreadable: dropped
		}
		d := state.Delivery{DeliveryKey: state.DeliveryKey{Subscription: c.Subscription, Period: c.Period.UTC()},
			Owner: c.Owner, Attempts: 1, ClaimedAt: c.ClaimedAt, DoneAt: c.PostedAt, PostedTS: c.PostedTS, Note: c.Note, LastError: c.Error}
		switch {
		case c.PostedTS != "":
			d.State = state.Posted
		case c.Note != "":
			d.State = state.Skipped
		default:
			d.State = state.Failed
		}
		return putJSON(dst, deliveryKey(d.DeliveryKey), d)
	})
	if err != nil {
		return err
	}
	return tx.DeleteBucket(bucketOldClaims)
}

func (s *Store) open() (db *bbolt.DB, err error) {
	db, _, err = s.openFile()
	return db, err
}

// openFile opens the state file as open does, and returns the file bbolt opened as well.
func (s *Store) openFile() (db *bbolt.DB, f *os.File, err error) {
	if err := s.knownDamage(); err != nil {
		return nil, nil, err
	}
	defer func() {
		// bbolt panics on some damage (a bad freelist page) while opening, with the file
		// locked and mapped: unlock it (closing is not enough while the mapping holds the
		// file), and remember the damage so that the file is not mapped again.
		if r := recover(); r != nil {
			if f != nil {
				unlock(f)
				f.Close()
			}
			db, f, err = nil, nil, s.damaged(r)
			s.remember(err)
		}
	}()
	openFile := func(name string, flag int, perm os.FileMode) (*os.File, error) {
		var err error
		f, err = os.OpenFile(name, flag, perm)
		return f, err
	}
	db, err = bbolt.Open(s.path, 0o600, &bbolt.Options{Timeout: s.timeout, OpenFile: openFile})
	if err != nil {
		if errors.Is(err, bbolt.ErrInvalid) || errors.Is(err, bbolt.ErrChecksum) || errors.Is(err, bbolt.ErrVersionMismatch) {
			return nil, nil, s.damaged(err)
		}
		return nil, nil, fmt.Errorf("state file %s: %w", s.path, err)
	}
	return db, f, nil
}

// damage is a damaged file's error and the file's size and time when it was found: the same
// file is not opened again, a replaced one is.
type damage struct {
	err  error
	size int64
	mod  time.Time
}

func (s *Store) remember(err error) {
	fi, statErr := os.Stat(s.path)
	if statErr != nil {
		return
	}
	s.mu.Lock()
	s.damage = &damage{err, fi.Size(), fi.ModTime()}
	s.mu.Unlock()
}

func (s *Store) knownDamage() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.damage == nil {
		return nil
	}
	if fi, err := os.Stat(s.path); err == nil && fi.Size() == s.damage.size && fi.ModTime().Equal(s.damage.mod) {
		return s.damage.err
	}
	s.damage = nil // moved aside or replaced: try again
	return nil
}

// damaged wraps a failure to read the file with what to do about it.
func (s *Store) damaged(cause any) error {
	return fmt.Errorf("%w: %s (%v); stop mineralbot, move the file aside (it keeps subscriptions, digest deliveries and questions) and start it again, or run \"mineralbot state check\" for details", ErrDamaged, s.path, cause)
}

// update and view run fn in a transaction of a freshly opened file. A damaged file makes bbolt
// panic inside a cursor: that is turned into an error naming the file.
func (s *Store) update(fn func(*bbolt.Tx) error) error { return s.write(fn, false) }

// updateClearing is update for a write that deletes text users typed (a message answered, a
// question dropped): the free pages are zeroed after it (see scrub).
func (s *Store) updateClearing(fn func(*bbolt.Tx) error) error { return s.write(fn, true) }

func (s *Store) write(fn func(*bbolt.Tx) error, clear bool) (err error) {
	db, f, err := s.openFile()
	if err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil {
			err = s.damaged(r)
		}
		err = errors.Join(err, db.Close())
	}()
	if err := db.Update(fn); err != nil || !clear {
		return err
	}
	return scrub(db, f)
}

// scrub overwrites with zeros the pages of the file that are free and not zero already.
//
// bbolt never writes a page in place: a change writes a new copy of the page and frees the
// old one, which keeps what it held until a later write reuses it. So a message that waits
// for its answer (the pending bucket holds a DM's text, for a restarted process to answer
// it) would stay in the file, readable, long after it was answered and deleted. Text is
// copied into freed pages only while it is live (bbolt rewrites a small bucket's records with
// the page that holds them, whatever the write changed), so zeroing every free page after
// each write that deletes text (updateClearing) leaves no copy of what it deleted: it is
// gone from the file once its record is.
//
// It runs after the write has committed and while the file is still locked (each operation
// holds bbolt's exclusive lock for as long as the file is open), so no other reader or writer
// can be using those pages, and neither the committed tree nor the one before it (the other
// meta page bbolt would fall back to) refers to them: bbolt itself reuses them in the next
// write. The zeros reach the disk with the next write's sync, or with the page cache's.
func scrub(db *bbolt.DB, f *os.File) error {
	tx, err := db.Begin(true)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	size := db.Info().PageSize
	page := make([]byte, size)
	zeros := make([]byte, size)
	for id := 2; ; id++ { // pages 0 and 1 are the meta pages
		info, err := tx.Page(id)
		if err != nil {
			return err
		}
		if info == nil {
			return nil // past the last page in use
		}
		if info.Type != "free" {
			continue
		}
		off := int64(id) * int64(size)
		if _, err := f.ReadAt(page, off); err != nil {
			return fmt.Errorf("state file %s: reading free page %d: %w", f.Name(), id, err)
		}
		if bytes.Equal(page, zeros) {
			continue
		}
		if _, err := f.WriteAt(zeros, off); err != nil {
			return fmt.Errorf("state file %s: clearing free page %d: %w", f.Name(), id, err)
		}
	}
}

func (s *Store) view(fn func(*bbolt.Tx) error) (err error) {
	db, err := s.open()
	if err != nil {
		return err
	}
	defer func() {
		if r := recover(); r != nil {
			err = s.damaged(r)
		}
		err = errors.Join(err, db.Close())
	}()
	return db.View(fn)
}

// Check reads every page of the file and reports what is wrong with it, for "mineralbot state
// check".
func (s *Store) Check(ctx context.Context) error {
	return s.view(func(tx *bbolt.Tx) error {
		var errs []error
		for err := range tx.Check() {
			errs = append(errs, err)
			if len(errs) == 10 || ctx.Err() != nil {
				break
			}
		}
		if len(errs) > 0 {
			return s.damaged(errors.Join(errs...))
		}
		return nil
	})
}

func putJSON(b *bbolt.Bucket, k []byte, v any) error {
	data, err := json.Marshal(v)
	if err != nil {
		return err
	}
	return b.Put(k, data)
}

// PutSubscription implements [state.Store].
func (s *Store) PutSubscription(_ context.Context, sub state.Subscription) error {
	return s.update(func(tx *bbolt.Tx) error { return putJSON(tx.Bucket(bucketSubs), []byte(sub.Channel), sub) })
}

// DeleteSubscription implements [state.Store].
func (s *Store) DeleteSubscription(_ context.Context, channel string) (bool, error) {
	var had bool
	err := s.update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketSubs)
		had = b.Get([]byte(channel)) != nil
		return b.Delete([]byte(channel))
	})
	return had, err
}

// Subscriptions implements [state.Store].
func (s *Store) Subscriptions(_ context.Context) ([]state.Subscription, error) {
	var out []state.Subscription
	err := s.view(func(tx *bbolt.Tx) error {
		return tx.Bucket(bucketSubs).ForEach(func(_, v []byte) error {
			var sub state.Subscription
			if err := json.Unmarshal(v, &sub); err != nil {
				return err
			}
			out = append(out, sub)
			return nil
		})
	})
	return out, err
}

// deliveryKey sorts a subscription's deliveries by period.
func deliveryKey(k state.DeliveryKey) []byte {
	return []byte(k.Subscription + "|" + k.Period.UTC().Format(time.RFC3339Nano))
}

func getDelivery(b *bbolt.Bucket, k state.DeliveryKey) (state.Delivery, bool, error) {
	v := b.Get(deliveryKey(k))
	if v == nil {
		return state.Delivery{}, false, nil
	}
	var d state.Delivery
	if err := json.Unmarshal(v, &d); err != nil {
		return d, false, fmt.Errorf("delivery %s: %w", deliveryKey(k), err)
	}
	return d, true, nil
}

// Claim implements [state.Store].
func (s *Store) Claim(_ context.Context, key state.DeliveryKey, owner string, now time.Time, lease time.Duration) (state.Delivery, error) {
	key.Period = key.Period.UTC()
	var d state.Delivery
	err := s.update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketDeliveries)
		cur, ok, err := getDelivery(b, key)
		if err != nil {
			return err
		}
		d = cur
		switch {
		case !ok:
			d = state.Delivery{DeliveryKey: key, ClaimedAt: now.UTC()}
		case cur.Done():
			return state.ErrDone
		case cur.State == state.Claimed && cur.Owner != owner && now.Before(cur.LeaseUntil):
			return state.ErrTaken
		}
		d.State, d.Owner, d.LeaseUntil = state.Claimed, owner, now.Add(lease).UTC()
		d.Attempts++
		return putJSON(b, deliveryKey(key), d)
	})
	return d, err
}

// Complete implements [state.Store].
func (s *Store) Complete(_ context.Context, key state.DeliveryKey, owner string, done state.Outcome, now time.Time) error {
	return s.changeDelivery(key, func(d *state.Delivery) error {
		if d.Done() {
			return state.ErrDone
		}
		d.State = state.Posted
		if done.PostedTS == "" {
			d.State = state.Skipped
		}
		d.Owner, d.PostedTS, d.Note, d.DoneAt, d.LeaseUntil = owner, done.PostedTS, done.Note, now.UTC(), time.Time{}
		return nil
	})
}

// Release implements [state.Store].
func (s *Store) Release(_ context.Context, key state.DeliveryKey, owner, failure string, now time.Time) error {
	return s.changeDelivery(key, func(d *state.Delivery) error {
		if d.Done() {
			return state.ErrDone
		}
		if d.Owner != owner && d.State == state.Claimed && now.Before(d.LeaseUntil) {
			return state.ErrTaken // someone else holds it now: leave their claim alone
		}
		d.State, d.LastError, d.LeaseUntil = state.Failed, failure, now.UTC()
		return nil
	})
}

// changeDelivery changes a delivery, which must exist, in one transaction.
func (s *Store) changeDelivery(key state.DeliveryKey, change func(*state.Delivery) error) error {
	key.Period = key.Period.UTC()
	return s.update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketDeliveries)
		d, ok, err := getDelivery(b, key)
		if err != nil {
			return err
		}
		if !ok {
			return fmt.Errorf("no delivery %s", deliveryKey(key))
		}
		if err := change(&d); err != nil {
			return err
		}
		return putJSON(b, deliveryKey(key), d)
	})
}

// Deliveries implements [state.Store].
func (s *Store) Deliveries(_ context.Context, sub string) ([]state.Delivery, error) {
	var out []state.Delivery
	prefix := []byte(sub + "|")
	err := s.view(func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucketDeliveries).Cursor()
		for k, v := c.Seek(prefix); k != nil && len(k) >= len(prefix) && string(k[:len(prefix)]) == string(prefix); k, v = c.Next() {
			var d state.Delivery
			if err := json.Unmarshal(v, &d); err != nil {
				return err
			}
			out = append(out, d)
		}
		return nil
	})
	slices.SortFunc(out, func(a, b state.Delivery) int { return a.Period.Compare(b.Period) })
	return out, err
}

// FirstSeen implements [state.Store]. Ids are kept with the time they expire.
func (s *Store) FirstSeen(_ context.Context, id string, now time.Time, ttl time.Duration) (bool, error) {
	first := false
	err := s.update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketEvents)
		if v := b.Get([]byte(id)); len(v) == 8 && now.UnixNano() < int64(binary.BigEndian.Uint64(v)) {
			return nil
		}
		first = true
		v := make([]byte, 8)
		binary.BigEndian.PutUint64(v, uint64(now.Add(ttl).UnixNano()))
		return b.Put([]byte(id), v)
	})
	return first, err
}

// SetTopic implements [state.Store]. A topic is kept as the time it expires (8 bytes) and
// its JSON.
func (s *Store) SetTopic(_ context.Context, conversation string, t state.Topic, now time.Time, ttl time.Duration) error {
	data, err := json.Marshal(t)
	if err != nil {
		return err
	}
	v := binary.BigEndian.AppendUint64(make([]byte, 0, 8+len(data)), uint64(now.Add(ttl).UnixNano()))
	return s.update(func(tx *bbolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketTopics)
		if err != nil {
			return err
		}
		return b.Put([]byte(conversation), append(v, data...))
	})
}

// Topic implements [state.Store].
func (s *Store) Topic(_ context.Context, conversation string, now time.Time) (t state.Topic, ok bool, err error) {
	err = s.view(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketTopics)
		if b == nil {
			return nil
		}
		v := b.Get([]byte(conversation))
		if len(v) < 8 || now.UnixNano() >= int64(binary.BigEndian.Uint64(v)) {
			return nil
		}
		if err := json.Unmarshal(v[8:], &t); err != nil {
			return fmt.Errorf("topic of %s: %w", conversation, err)
		}
		ok = true
		return nil
	})
	return t, ok, err
}

// AddPending implements [state.Store]. Messages are kept as JSON by id.
func (s *Store) AddPending(_ context.Context, owner string, ps []state.Pending, now time.Time, lease time.Duration) error {
	if len(ps) == 0 {
		return nil
	}
	return s.update(func(tx *bbolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(bucketPending)
		if err != nil {
			return err
		}
		for _, p := range ps {
			if b.Get([]byte(p.ID)) != nil {
				continue
			}
			p.Text = state.Truncate(p.Text, state.MaxPendingBytes)
			p.Received, p.Owner, p.LeaseUntil, p.Attempts = p.Received.UTC(), owner, now.Add(lease).UTC(), 1
			if err := putJSON(b, []byte(p.ID), p); err != nil {
				return err
			}
		}
		return nil
	})
}

// DonePending implements [state.Store].
func (s *Store) DonePending(_ context.Context, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	return s.updateClearing(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketPending)
		if b == nil {
			return nil
		}
		for _, id := range ids {
			if err := b.Delete([]byte(id)); err != nil {
				return err
			}
		}
		return nil
	})
}

// EarlierPending implements [state.Store].
func (s *Store) EarlierPending(_ context.Context, channel, thread, ts, owner string) (bool, error) {
	found := false
	err := s.view(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketPending)
		if b == nil {
			return nil
		}
		return b.ForEach(func(_, v []byte) error {
			var p state.Pending
			if json.Unmarshal(v, &p) == nil && p.Channel == channel && p.Thread == thread && p.Owner != owner && state.TSBefore(p.TS, ts) {
				found = true
			}
			return nil
		})
	})
	return found, err
}

// TakePending implements [state.Store]. The bucket holds what is in flight, a few messages:
// it is read whole.
func (s *Store) TakePending(_ context.Context, owner string, now time.Time, lease time.Duration, max int) ([]state.Pending, error) {
	// Every process asks every quarter of bot.take_over_after, and there is nearly always
	// nothing to take: a read says so without the write transaction's file sync.
	due := false
	if err := s.view(func(tx *bbolt.Tx) error {
		if b := tx.Bucket(bucketPending); b != nil {
			return b.ForEach(func(_, v []byte) error {
				var p state.Pending
				due = due || json.Unmarshal(v, &p) != nil || p.LeaseUntil.Before(now)
				return nil
			})
		}
		return nil
	}); err != nil || !due {
		return nil, err
	}
	var out []state.Pending
	err := s.updateClearing(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketPending)
		if b == nil {
			return nil
		}
		var unreadable [][]byte // dropped: they would stand in the way of the others
		if err := b.ForEach(func(k, v []byte) error {
			var p state.Pending
			if json.Unmarshal(v, &p) != nil {
				unreadable = append(unreadable, slices.Clone(k))
			} else if p.LeaseUntil.Before(now) {
				out = append(out, p)
			}
			return nil
		}); err != nil {
			return err
		}
		for _, k := range unreadable {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
		slices.SortFunc(out, func(a, b state.Pending) int { return a.Received.Compare(b.Received) })
		out = out[:min(len(out), max)]
		for i := range out {
			out[i].Owner, out[i].LeaseUntil = owner, now.Add(lease).UTC()
			out[i].Attempts++
			if err := putJSON(b, []byte(out[i].ID), out[i]); err != nil {
				return err
			}
		}
		return nil
	})
	return out, err
}

// timeKey sorts by time, oldest first: the time in nanoseconds and a sequence number, both
// big-endian.
func timeKey(at time.Time, seq uint64) []byte {
	k := make([]byte, 16)
	binary.BigEndian.PutUint64(k, uint64(at.UnixNano()))
	binary.BigEndian.PutUint64(k[8:], seq)
	return k
}

// rekeyUnanswered moves questions stored under schema 1's first text keys (which did not sort
// by time) to time-ordered keys.
func rekeyUnanswered(b *bbolt.Bucket) error {
	type kv struct{ k, v []byte }
	var old []kv
	if err := b.ForEach(func(k, v []byte) error {
		if len(k) != 16 {
			old = append(old, kv{slices.Clone(k), slices.Clone(v)})
		}
		return nil
	}); err != nil {
		return err
	}
	for _, e := range old {
		var u state.Unanswered
		if err := b.Delete(e.k); err != nil {
			return err
		}
		if json.Unmarshal(e.v, &u) != nil {
			continue // unreadable: dropped rather than kept forever
		}
		seq, _ := b.NextSequence()
		if err := b.Put(timeKey(u.At, seq), e.v); err != nil {
			return err
		}
	}
	return nil
}

// AddUnanswered implements [state.Store].
func (s *Store) AddUnanswered(_ context.Context, us ...state.Unanswered) error {
	if len(us) == 0 {
		return nil
	}
	return s.updateClearing(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketUnanswered)
		// Count before writing: bbolt's Stats do not see the writes of the transaction in
		// progress.
		n := b.Stats().KeyN + len(us)
		for _, u := range us {
			u.At, u.Question = u.At.UTC(), state.Truncate(u.Question, state.MaxQuestionBytes)
			seq, err := b.NextSequence()
			if err != nil {
				return err
			}
			if err := putJSON(b, timeKey(u.At, seq), u); err != nil {
				return err
			}
		}
		var drop [][]byte
		c := b.Cursor()
		for k, _ := c.First(); k != nil && n-len(drop) > s.maxQuestions; k, _ = c.Next() {
			drop = append(drop, slices.Clone(k))
		}
		for _, k := range drop {
			if err := b.Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
}

// UnansweredBetween implements [state.Store].
func (s *Store) UnansweredBetween(_ context.Context, from, to time.Time) ([]state.Unanswered, error) {
	return between[state.Unanswered](s, bucketUnanswered, from, to, func(u state.Unanswered) time.Time { return u.At })
}

// AddFeedback implements [state.Store].
func (s *Store) AddFeedback(_ context.Context, f state.Feedback) error {
	f.At = f.At.UTC()
	f.Question = state.Truncate(f.Question, state.MaxQuestionBytes)
	f.Comment = state.Truncate(f.Comment, state.MaxCommentBytes)
	return s.update(func(tx *bbolt.Tx) error {
		b := tx.Bucket(bucketFeedback)
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		return putJSON(b, timeKey(f.At, seq), f)
	})
}

// FeedbackBetween implements [state.Store].
func (s *Store) FeedbackBetween(_ context.Context, from, to time.Time) ([]state.Feedback, error) {
	return between[state.Feedback](s, bucketFeedback, from, to, func(f state.Feedback) time.Time { return f.At })
}

// between reads the time-keyed records of a bucket in (from, to], oldest first.
func between[T any](s *Store, bucket []byte, from, to time.Time, at func(T) time.Time) ([]T, error) {
	var out []T
	err := s.view(func(tx *bbolt.Tx) error {
		c := tx.Bucket(bucket).Cursor()
		for k, v := c.Seek(timeKey(from, 0)); k != nil; k, v = c.Next() {
			var x T
			if err := json.Unmarshal(v, &x); err != nil {
				return err
			}
			if at(x).After(to) {
				break
			}
			if at(x).After(from) {
				out = append(out, x)
			}
		}
		return nil
	})
	return out, err
}

// Prune implements [state.Store].
func (s *Store) Prune(_ context.Context, before time.Time) error {
	return s.updateClearing(func(tx *bbolt.Tx) error {
		var drop [][]byte
		del := func(b *bbolt.Bucket) error {
			for _, k := range drop {
				if err := b.Delete(k); err != nil {
					return err
				}
			}
			drop = drop[:0]
			return nil
		}
		// Time-keyed buckets: everything before the cut.
		for _, name := range [][]byte{bucketUnanswered, bucketFeedback} {
			b := tx.Bucket(name)
			c := b.Cursor()
			cut := timeKey(before, 0)
			for k, _ := c.First(); k != nil && string(k) < string(cut); k, _ = c.Next() {
				drop = append(drop, slices.Clone(k))
			}
			if err := del(b); err != nil {
				return err
			}
		}
		// dropWhere deletes a bucket's keys whose values old reports (a missing bucket has
		// none).
		dropWhere := func(name []byte, old func(v []byte) bool) error {
			b := tx.Bucket(name)
			if b == nil {
				return nil
			}
			if err := b.ForEach(func(k, v []byte) error {
				if old(v) {
					drop = append(drop, slices.Clone(k))
				}
				return nil
			}); err != nil {
				return err
			}
			return del(b)
		}
		// Buckets whose values start with the time they expire.
		expired := func(v []byte) bool { return len(v) < 8 || int64(binary.BigEndian.Uint64(v)) < before.UnixNano() }
		for _, name := range [][]byte{bucketEvents, bucketTopics} {
			if err := dropWhere(name, expired); err != nil {
				return err
			}
		}
		if err := dropWhere(bucketPending, func(v []byte) bool {
			var p state.Pending
			return json.Unmarshal(v, &p) != nil || p.Received.Before(before)
		}); err != nil {
			return err
		}
		return dropWhere(bucketDeliveries, func(v []byte) bool {
			var d state.Delivery
			return json.Unmarshal(v, &d) != nil || d.Done() && d.Period.Before(before)
		})
	})
}

// SetMaxUnanswered lowers the bound on kept questions, for tests.
func (s *Store) SetMaxUnanswered(n int) { s.maxQuestions = n }
