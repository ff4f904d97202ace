// The worker pool, and the bounded caches of seen events and conversations.

package bot

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/mineralbot/mineralbot/answer"
)

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
