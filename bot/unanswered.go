// Questions the bot could not answer, recorded for the curators.

package bot

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/mineralbot/mineralbot/state"
)

// questionLog records unanswered questions off the answers' path, in group commits: while
// one write is on its way to the disk or the database, the questions that come in wait and
// go together in the next. A burst of questions the bot cannot answer costs a few writes
// (each a file sync with bbolt), not one each.
type questionLog struct {
	mu      sync.Mutex
	queued  []queuedQuestion
	writing bool
}

type queuedQuestion struct {
	u   state.Unanswered
	log *slog.Logger
}

// add queues a question and, unless a write is under way, starts one; spawn runs it.
func (q *questionLog) add(u state.Unanswered, log *slog.Logger, spawn func(func()), store state.Store) {
	q.mu.Lock()
	q.queued = append(q.queued, queuedQuestion{u, log})
	start := !q.writing
	q.writing = true
	q.mu.Unlock()
	if start {
		spawn(func() { q.write(store) })
	}
}

// write writes what is queued, batch after batch, until nothing is.
func (q *questionLog) write(store state.Store) {
	for {
		q.mu.Lock()
		batch := q.queued
		q.queued = nil
		if len(batch) == 0 {
			q.writing = false
			q.mu.Unlock()
			return
		}
		q.mu.Unlock()
		us := make([]state.Unanswered, len(batch))
		for i, b := range batch {
			us[i] = b.u
		}
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		err := store.AddUnanswered(ctx, us...)
		cancel()
		if err != nil {
			for _, b := range batch {
				b.log.Warn("could not record an unanswered question", "err", err)
			}
		}
	}
}
