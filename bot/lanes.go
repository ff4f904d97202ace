// Conversations answered in order.

package bot

import (
	"sync"
)

// lanes keeps the messages of one conversation (a DM channel, a mention's thread) in the
// order Slack sent them, from the reading goroutine to the posted reply: a follow-up ("and
// its reserves?") is answered after the question it follows, with its context, and the
// replies appear in the order of the questions. Different conversations do not wait for
// each other, and nothing waits on a goroutine: a message whose turn has not come is
// parked, and started by the reply before it.
type lanes struct {
	mu   sync.Mutex
	open map[string]*lane // conversations with messages not yet done
	wg   sync.WaitGroup   // tickets not yet done
}

// lane is one conversation's queue: tickets issued in arrival order, and jobs whose
// ticket's turn has not come.
type lane struct {
	issued, turn uint64
	parked       map[uint64]func()
}

// ticket is a message's place in its conversation. Its holder either runs a job with it
// or releases it; the next message's job starts once this one's is done.
type ticket struct {
	ls   *lanes
	key  string
	n    uint64
	once sync.Once // run or release, whichever comes first
}

// enter issues the next ticket of a conversation. It is called on the reading goroutine,
// in the order the messages arrive.
func (ls *lanes) enter(key string) *ticket {
	ls.mu.Lock()
	defer ls.mu.Unlock()
	if ls.open == nil {
		ls.open = make(map[string]*lane)
	}
	l := ls.open[key]
	if l == nil {
		l = &lane{parked: make(map[uint64]func())}
		ls.open[key] = l
	}
	t := &ticket{ls: ls, key: key, n: l.issued}
	l.issued++
	ls.wg.Add(1)
	return t
}

// run runs job when the ticket's turn comes (at once if it has). job must not block, and
// must call done exactly once, when the message is dealt with (its reply posted or given
// up on). A nil ticket runs job at once.
func (t *ticket) run(job func(done func())) {
	if t == nil {
		job(func() {})
		return
	}
	t.once.Do(func() { t.ls.start(t, func() { job(t.ls.doneFunc(t.key)) }) })
}

// release gives the ticket's turn away if it was not used: for a message that is not
// answered (a duplicate, a bot's). It is safe to call after run.
func (t *ticket) release() {
	if t == nil {
		return
	}
	t.once.Do(func() { t.ls.start(t, t.ls.doneFunc(t.key)) })
}

// start runs fn now if it is t's turn, or parks it until it is.
func (ls *lanes) start(t *ticket, fn func()) {
	ls.mu.Lock()
	l := ls.open[t.key]
	if l.turn != t.n {
		l.parked[t.n] = fn
		ls.mu.Unlock()
		return
	}
	ls.mu.Unlock()
	fn()
}

// doneFunc returns the done of the job holding a conversation's turn: it passes the turn
// on, starting the next message's job if it is parked.
func (ls *lanes) doneFunc(key string) func() {
	var once sync.Once
	return func() {
		once.Do(func() {
			ls.mu.Lock()
			l := ls.open[key]
			l.turn++
			next := l.parked[l.turn]
			delete(l.parked, l.turn)
			if l.turn == l.issued {
				delete(ls.open, key)
			}
			ls.mu.Unlock()
			ls.wg.Done()
			if next != nil {
				next()
			}
		})
	}
}

// wait waits until every ticket issued is done.
func (ls *lanes) wait() { ls.wg.Wait() }
