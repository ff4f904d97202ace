package state

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"
)

// ErrUnavailable is returned by a [Deferred] store until its store opens.
var ErrUnavailable = errors.New("state: the state store is not available yet")

// Deferred is a Store that opens its real store in the background, retrying until it opens:
// a damaged state file or a database that is down when the bot starts does not stop the bot
// from answering. Until the store opens every method returns an error wrapping
// ErrUnavailable and the cause: digests wait, event dedupe falls back to memory, questions
// are not recorded.
type Deferred struct {
	mu      sync.RWMutex
	store   Store
	lastErr error
	done    chan struct{}
	cancel  context.CancelFunc
}

// OpenDeferred tries open at once and, if that fails, every retry until it succeeds or Close
// is called.
func OpenDeferred(open func(context.Context) (Store, error), retry time.Duration, log *slog.Logger) *Deferred {
	ctx, cancel := context.WithCancel(context.Background())
	d := &Deferred{done: make(chan struct{}), cancel: cancel}
	go func() {
		defer close(d.done)
		for attempt := 1; ; attempt++ {
			s, err := open(ctx)
			if err == nil {
				d.mu.Lock()
				d.store, d.lastErr = s, nil
				d.mu.Unlock()
				if attempt > 1 {
					log.Info("state store available", "after_attempts", attempt)
				}
				return
			}
			d.mu.Lock()
			d.lastErr = err
			d.mu.Unlock()
			log.Error("state store unavailable; answering goes on, digests wait", "err", err, "retry_in", retry)
			select {
			case <-ctx.Done():
				return
			case <-time.After(retry):
			}
		}
	}()
	return d
}

// Wait waits up to timeout for the first attempt to open to finish, and returns its error.
func (d *Deferred) Wait(timeout time.Duration) error {
	deadline := time.Now().Add(timeout)
	for time.Now().Before(deadline) {
		d.mu.RLock()
		s, err := d.store, d.lastErr
		d.mu.RUnlock()
		if s != nil || err != nil {
			return err
		}
		time.Sleep(10 * time.Millisecond)
	}
	return ErrUnavailable
}

func (d *Deferred) get() (Store, error) {
	d.mu.RLock()
	defer d.mu.RUnlock()
	if d.store != nil {
		return d.store, nil
	}
	if d.lastErr != nil {
		return nil, fmt.Errorf("%w: %w", ErrUnavailable, d.lastErr)
	}
	return nil, ErrUnavailable
}

// Close stops retrying and closes the store if it opened.
func (d *Deferred) Close() error {
	d.cancel()
	<-d.done
	if s, err := d.get(); err == nil {
		return s.Close()
	}
	return nil
}

func (d *Deferred) PutSubscription(ctx context.Context, sub Subscription) error {
	s, err := d.get()
	if err != nil {
		return err
	}
	return s.PutSubscription(ctx, sub)
}

func (d *Deferred) DeleteSubscription(ctx context.Context, channel string) (bool, error) {
	s, err := d.get()
	if err != nil {
		return false, err
	}
	return s.DeleteSubscription(ctx, channel)
}

func (d *Deferred) Subscriptions(ctx context.Context) ([]Subscription, error) {
	s, err := d.get()
	if err != nil {
		return nil, err
	}
	return s.Subscriptions(ctx)
}

func (d *Deferred) Claim(ctx context.Context, key DeliveryKey, owner string, now time.Time, lease time.Duration) (Delivery, error) {
	s, err := d.get()
	if err != nil {
		return Delivery{}, err
	}
	return s.Claim(ctx, key, owner, now, lease)
}

func (d *Deferred) Complete(ctx context.Context, key DeliveryKey, owner string, done Outcome, now time.Time) error {
	s, err := d.get()
	if err != nil {
		return err
	}
	return s.Complete(ctx, key, owner, done, now)
}

func (d *Deferred) Release(ctx context.Context, key DeliveryKey, owner, failure string, now time.Time) error {
	s, err := d.get()
	if err != nil {
		return err
	}
	return s.Release(ctx, key, owner, failure, now)
}

func (d *Deferred) Deliveries(ctx context.Context, subscription string) ([]Delivery, error) {
	s, err := d.get()
	if err != nil {
		return nil, err
	}
	return s.Deliveries(ctx, subscription)
}

func (d *Deferred) FirstSeen(ctx context.Context, id string, now time.Time, ttl time.Duration) (bool, error) {
	s, err := d.get()
	if err != nil {
		return false, err
	}
	return s.FirstSeen(ctx, id, now, ttl)
}

func (d *Deferred) SetTopic(ctx context.Context, conversation string, t Topic, now time.Time, ttl time.Duration) error {
	s, err := d.get()
	if err != nil {
		return err
	}
	return s.SetTopic(ctx, conversation, t, now, ttl)
}

func (d *Deferred) Topic(ctx context.Context, conversation string, now time.Time) (Topic, bool, error) {
	s, err := d.get()
	if err != nil {
		return Topic{}, false, err
	}
	return s.Topic(ctx, conversation, now)
}

func (d *Deferred) AddPending(ctx context.Context, owner string, ps []Pending, now time.Time, lease time.Duration) error {
	s, err := d.get()
	if err != nil {
		return err
	}
	return s.AddPending(ctx, owner, ps, now, lease)
}

func (d *Deferred) DonePending(ctx context.Context, ids []string) error {
	s, err := d.get()
	if err != nil {
		return err
	}
	return s.DonePending(ctx, ids)
}

func (d *Deferred) EarlierPending(ctx context.Context, channel, thread, ts, owner string) (bool, error) {
	s, err := d.get()
	if err != nil {
		return false, err
	}
	return s.EarlierPending(ctx, channel, thread, ts, owner)
}

func (d *Deferred) TakePending(ctx context.Context, owner string, now time.Time, lease time.Duration, max int) ([]Pending, error) {
	s, err := d.get()
	if err != nil {
		return nil, err
	}
	return s.TakePending(ctx, owner, now, lease, max)
}

func (d *Deferred) AddUnanswered(ctx context.Context, us ...Unanswered) error {
	s, err := d.get()
	if err != nil {
		return err
	}
	return s.AddUnanswered(ctx, us...)
}

func (d *Deferred) UnansweredBetween(ctx context.Context, from, to time.Time) ([]Unanswered, error) {
	s, err := d.get()
	if err != nil {
		return nil, err
	}
	return s.UnansweredBetween(ctx, from, to)
}

func (d *Deferred) AddFeedback(ctx context.Context, f Feedback) error {
	s, err := d.get()
	if err != nil {
		return err
	}
	return s.AddFeedback(ctx, f)
}

func (d *Deferred) FeedbackBetween(ctx context.Context, from, to time.Time) ([]Feedback, error) {
	s, err := d.get()
	if err != nil {
		return nil, err
	}
	return s.FeedbackBetween(ctx, from, to)
}

func (d *Deferred) Prune(ctx context.Context, before time.Time) error {
	s, err := d.get()
	if err != nil {
		return err
	}
	return s.Prune(ctx, before)
}

var _ Store = (*Deferred)(nil)
