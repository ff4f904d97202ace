package bot

import (
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/mineralbot/mineralbot/answer"
)

// Store is the bot's durable state in one bbolt file: digest subscriptions, and for each
// (subscription, period) the claim and the posted message's ts; also the questions the bot
// could not answer, for the curators' part of the digest.
//
// The file is opened for each operation and closed after it, so that several processes may
// share it: bbolt's file lock makes each operation, and so each claim, atomic across them.
type Store struct {
	path    string
	timeout time.Duration
	// maxQuestions bounds the unanswered questions kept: the newest are kept.
	maxQuestions int
}

var (
	bucketSubs       = []byte("subscriptions")
	bucketClaims     = []byte("claims")
	bucketUnanswered = []byte("unanswered")
)

// OpenStore prepares the state file in dir (creating both if needed) and checks that it
// opens.
func OpenStore(dir string) (*Store, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("data_dir %s: %w", dir, err)
	}
	s := &Store{path: filepath.Join(dir, "mineralbot.db"), timeout: 10 * time.Second, maxQuestions: maxUnanswered}
	err := s.update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{bucketSubs, bucketClaims, bucketUnanswered} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		return rekeyUnanswered(tx.Bucket(bucketUnanswered))
	})
	if err != nil {
		return nil, fmt.Errorf("state file %s: %w", s.path, err)
	}
	return s, nil
}

// Path is the state file's path.
func (s *Store) Path() string { return s.path }

func (s *Store) open(readOnly bool) (*bolt.DB, error) {
	return bolt.Open(s.path, 0o600, &bolt.Options{Timeout: s.timeout, ReadOnly: readOnly})
}

func (s *Store) update(fn func(*bolt.Tx) error) error {
	db, err := s.open(false)
	if err != nil {
		return err
	}
	return errors.Join(db.Update(fn), db.Close())
}

func (s *Store) view(fn func(*bolt.Tx) error) error {
	db, err := s.open(false)
	if err != nil {
		return err
	}
	return errors.Join(db.View(fn), db.Close())
}

// Subscription is a channel's digest schedule.
type Subscription struct {
	Channel  string    `json:"channel"`
	Schedule string    `json:"schedule"` // cron spec, with CRON_TZ=
	Source   string    `json:"source"`   // "config" or "slack"
	By       string    `json:"by,omitempty"`
	Since    time.Time `json:"since"`
	// Lang is the digest's language; the configured default when empty.
	Lang answer.Lang `json:"lang,omitempty"`
}

// lang is the subscription's language, or def.
func (s Subscription) lang(def answer.Lang) answer.Lang {
	if s.Lang == "" {
		return def
	}
	return s.Lang
}

// ID names the subscription in claims: its channel and schedule, so that changing the
// schedule starts new periods.
func (s Subscription) ID() string { return s.Channel + " " + s.Schedule }

// PutSubscription adds or replaces a channel's subscription.
func (s *Store) PutSubscription(sub Subscription) error {
	data, err := json.Marshal(sub)
	if err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error { return tx.Bucket(bucketSubs).Put([]byte(sub.Channel), data) })
}

// DeleteSubscription removes a channel's subscription and reports whether there was one.
func (s *Store) DeleteSubscription(channel string) (bool, error) {
	var had bool
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSubs)
		had = b.Get([]byte(channel)) != nil
		return b.Delete([]byte(channel))
	})
	return had, err
}

// Subscriptions returns every subscription stored from Slack, by channel.
func (s *Store) Subscriptions() ([]Subscription, error) {
	var out []Subscription
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSubs).ForEach(func(_, v []byte) error {
			var sub Subscription
			if err := json.Unmarshal(v, &sub); err != nil {
				return err
			}
			out = append(out, sub)
			return nil
		})
	})
	return out, err
}

// Claim is the durable record of one digest period.
type Claim struct {
	Subscription string    `json:"subscription"`
	Period       time.Time `json:"period"`
	ClaimedAt    time.Time `json:"claimed_at"`
	Owner        string    `json:"owner"`
	PostedTS     string    `json:"posted_ts,omitempty"`
	PostedAt     time.Time `json:"posted_at,omitzero"`
	Error        string    `json:"error,omitempty"`
	// Note says why nothing was posted, when nothing needed to be.
	Note string `json:"note,omitempty"`
}

// Posted reports whether the digest went out.
func (c Claim) Posted() bool { return c.PostedTS != "" }

func claimKey(sub string, period time.Time) []byte {
	return []byte(sub + "|" + period.UTC().Format(time.RFC3339))
}

// ErrClaimed is returned by [Store.Claim] when the period was claimed already.
var ErrClaimed = errors.New("period already claimed")

// Claim records, atomically, that owner is about to post the digest of sub for period. It
// returns ErrClaimed, and the existing claim, when anyone claimed that period before.
func (s *Store) Claim(sub string, period time.Time, owner string, now time.Time) (Claim, error) {
	c := Claim{Subscription: sub, Period: period.UTC(), ClaimedAt: now.UTC(), Owner: owner}
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketClaims)
		k := claimKey(sub, period)
		if v := b.Get(k); v != nil {
			if err := json.Unmarshal(v, &c); err != nil {
				return err
			}
			return ErrClaimed
		}
		data, err := json.Marshal(c)
		if err != nil {
			return err
		}
		return b.Put(k, data)
	})
	return c, err
}

// MarkPosted records the ts of the posted digest (or the error that stopped it).
func (s *Store) MarkPosted(sub string, period time.Time, ts string, postErr error, now time.Time) error {
	return s.updateClaim(sub, period, func(c *Claim) {
		c.PostedTS, c.PostedAt = ts, now.UTC()
		if postErr != nil {
			c.Error = postErr.Error()
		}
	})
}

// MarkSkipped records that a claimed period needed no post, and why.
func (s *Store) MarkSkipped(sub string, period time.Time, why string, now time.Time) error {
	return s.updateClaim(sub, period, func(c *Claim) { c.Note, c.PostedAt = why, now.UTC() })
}

// updateClaim changes a period's claim, which must exist, in one transaction.
func (s *Store) updateClaim(sub string, period time.Time, change func(*Claim)) error {
	return s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketClaims)
		k := claimKey(sub, period)
		var c Claim
		if v := b.Get(k); v == nil {
			return fmt.Errorf("no claim for %s", k)
		} else if err := json.Unmarshal(v, &c); err != nil {
			return err
		}
		change(&c)
		data, err := json.Marshal(c)
		if err != nil {
			return err
		}
		return b.Put(k, data)
	})
}

// Claims returns the claims of a subscription, oldest first.
func (s *Store) Claims(sub string) ([]Claim, error) {
	var out []Claim
	prefix := []byte(sub + "|")
	err := s.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketClaims).Cursor()
		for k, v := c.Seek(prefix); k != nil && len(k) >= len(prefix) && string(k[:len(prefix)]) == string(prefix); k, v = c.Next() {
			var cl Claim
			if err := json.Unmarshal(v, &cl); err != nil {
				return err
			}
			out = append(out, cl)
		}
		return nil
	})
	sort.Slice(out, func(i, j int) bool { return out[i].Period.Before(out[j].Period) })
	return out, err
}

// LastPosted returns the latest posted claim of a subscription, if any.
func (s *Store) LastPosted(sub string) (Claim, bool, error) {
	cs, err := s.Claims(sub)
	if err != nil {
		return Claim{}, false, err
	}
	for i := len(cs) - 1; i >= 0; i-- {
		if cs[i].Posted() {
			return cs[i], true, nil
		}
	}
	return Claim{}, false, nil
}

// Unanswered is a question the bot could not answer. It may come from a DM: it is shown to
// admins only, never posted in a channel.
type Unanswered struct {
	At       time.Time `json:"at"`
	Question string    `json:"question"`
	// Where it was asked: "dm", "mention", "slash" or "share".
	Where string `json:"where,omitempty"`
}

// maxUnanswered bounds what is kept of unanswered questions; maxQuestionBytes, each one.
const (
	maxUnanswered    = 5000
	maxQuestionBytes = 300
)

// unansweredKey sorts by time, oldest first: the time in nanoseconds and a sequence number,
// both big-endian.
func unansweredKey(at time.Time, seq uint64) []byte {
	k := make([]byte, 16)
	binary.BigEndian.PutUint64(k, uint64(at.UnixNano()))
	binary.BigEndian.PutUint64(k[8:], seq)
	return k
}

// rekeyUnanswered moves questions stored under the old text keys (which did not sort by
// time) to time-ordered keys.
func rekeyUnanswered(b *bolt.Bucket) error {
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
		var u Unanswered
		if err := b.Delete(e.k); err != nil {
			return err
		}
		if json.Unmarshal(e.v, &u) != nil {
			continue // unreadable: dropped rather than kept forever
		}
		seq, _ := b.NextSequence()
		if err := b.Put(unansweredKey(u.At, seq), e.v); err != nil {
			return err
		}
	}
	return nil
}

// AddUnanswered records a question the bot could not answer, cut to 300 bytes, keeping the
// newest 5,000.
func (s *Store) AddUnanswered(q, where string, now time.Time) error {
	data, err := json.Marshal(Unanswered{At: now.UTC(), Question: truncate(q, maxQuestionBytes), Where: where})
	if err != nil {
		return err
	}
	return s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketUnanswered)
		// Count before writing: bbolt's Stats do not see the writes of the transaction in
		// progress (counting after the Put saw one key too few).
		n := b.Stats().KeyN + 1
		seq, err := b.NextSequence()
		if err != nil {
			return err
		}
		if err := b.Put(unansweredKey(now, seq), data); err != nil {
			return err
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

// UnansweredBetween returns the questions not answered in (from, to], oldest first.
func (s *Store) UnansweredBetween(from, to time.Time) ([]Unanswered, error) {
	var out []Unanswered
	err := s.view(func(tx *bolt.Tx) error {
		c := tx.Bucket(bucketUnanswered).Cursor()
		for k, v := c.Seek(unansweredKey(from, 0)); k != nil; k, v = c.Next() {
			var u Unanswered
			if err := json.Unmarshal(v, &u); err != nil {
				return err
			}
			if u.At.After(to) {
				break
			}
			if u.At.After(from) {
				out = append(out, u)
			}
		}
		return nil
	})
	return out, err
}
