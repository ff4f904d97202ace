package bot

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"testing"

	"github.com/mineralbot/mineralbot/state"
)

// slowQuestionStore records AddUnanswered calls; the first waits for release.
type slowQuestionStore struct {
	state.Store
	started chan struct{}
	release chan struct{}
	mu      sync.Mutex
	calls   [][]string
}

func (s *slowQuestionStore) AddUnanswered(_ context.Context, us ...state.Unanswered) error {
	s.mu.Lock()
	first := len(s.calls) == 0
	var qs []string
	for _, u := range us {
		qs = append(qs, u.Question)
	}
	s.calls = append(s.calls, qs)
	s.mu.Unlock()
	if first {
		close(s.started)
		<-s.release
	}
	return nil
}

// Questions that come in while a write is on its way go together in the next write: a burst
// costs two writes, and none is lost.
func TestUnansweredQuestionsGoInGroupCommits(t *testing.T) {
	store := &slowQuestionStore{started: make(chan struct{}), release: make(chan struct{})}
	var q questionLog
	var wg sync.WaitGroup
	spawn := func(fn func()) { wg.Go(fn) }
	log := slog.New(slog.DiscardHandler)
	q.add(state.Unanswered{Question: "q0"}, log, spawn, store)
	<-store.started
	for i := 1; i <= 50; i++ {
		q.add(state.Unanswered{Question: fmt.Sprint("q", i)}, log, spawn, store)
	}
	close(store.release)
	wg.Wait()
	if len(store.calls) != 2 || len(store.calls[0]) != 1 || len(store.calls[1]) != 50 || store.calls[1][0] != "q1" || store.calls[1][49] != "q50" {
		t.Fatalf("writes %v: want q0 alone, then q1…q50 in one", store.calls)
	}
	// Idle again: the next question starts a write of its own.
	q.add(state.Unanswered{Question: "later"}, log, spawn, store)
	wg.Wait()
	if len(store.calls) != 3 || store.calls[2][0] != "later" {
		t.Fatalf("writes %v: the question after the burst was not written", store.calls)
	}
}
