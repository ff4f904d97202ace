// The worker pool, and the bounded caches of seen events and conversations.

package bot

import (
	"context"
	"sync"
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

// pool runs answers on at most max long-lived workers, with a bounded queue. Workers keep
// their goroutine, and so its grown stack, from one answer to the next (a goroutine per
// answer spent 8% of the bot's CPU growing stacks); one that has been idle for idleFor
// exits, and a new one starts when work comes.
type pool struct {
	max, maxQueue int
	idleFor       time.Duration // how long a worker waits for work before it exits

	mu       sync.Mutex
	queue    []func() // accepted, not yet started
	accepted int      // queued or running
	running  int      // workers alive
	busy     int      // workers running a job
	idle     int      // workers waiting for a wake token
	wake     chan struct{}

	wg sync.WaitGroup
}

// workerIdle is how long a worker waits for work before it exits: a worker costs a little
// memory while idle, and starting one (and growing its stack) costs more than waiting.
const workerIdle = 30 * time.Second

func newPool(workers, queue int) *pool {
	workers = max(workers, 1)
	return &pool{max: workers, maxQueue: max(queue, 0), idleFor: workerIdle, wake: make(chan struct{}, workers)}
}

// try queues fn when the queue has room and reports whether it did, and whether a worker was
// free to run it at once (rather than after the work queued before it).
func (p *pool) try(fn func()) (started, now bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.accepted >= p.max+p.maxQueue {
		return false, false
	}
	p.accepted++
	p.wg.Add(1)
	p.queue = append(p.queue, fn)
	now = len(p.queue) <= p.max-p.busy
	switch {
	case p.idle > 0:
		p.idle--
		p.wake <- struct{}{} // never blocks: at most one token per idle worker
	case p.running < p.max:
		p.running++
		go p.worker()
	}
	return true, now
}

// worker runs queued jobs until it has been idle for idleFor.
func (p *pool) worker() {
	timer := time.NewTimer(p.idleFor)
	defer timer.Stop()
	for {
		p.mu.Lock()
		if len(p.queue) > 0 {
			fn := p.queue[0]
			p.queue[0] = nil
			p.queue = p.queue[1:]
			p.busy++
			p.mu.Unlock()
			p.run(fn)
			continue
		}
		p.idle++
		p.mu.Unlock()
		timer.Reset(p.idleFor)
		select {
		case <-p.wake:
		case <-timer.C:
			p.mu.Lock()
			select {
			case <-p.wake:
				// try chose this worker just as its time ran out: it stays.
				p.mu.Unlock()
				continue
			default:
			}
			p.idle--
			p.running--
			p.mu.Unlock()
			return
		}
	}
}

func (p *pool) run(fn func()) {
	defer func() {
		p.mu.Lock()
		p.busy--
		p.accepted--
		p.mu.Unlock()
		p.wg.Done()
	}()
	fn()
}

// spawn runs fn on a goroutine of its own, outside the workers' bound, that wait waits for
// as for the jobs.
func (p *pool) spawn(fn func()) {
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		fn()
	}()
}

// inFlight is how many jobs are queued or running.
func (p *pool) inFlight() int {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.accepted
}

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
