package bot

import (
	"slices"
	"sync"
	"testing"
	"time"
)

func TestLanesKeepAConversationInOrder(t *testing.T) {
	var ls lanes
	var mu sync.Mutex
	var order []int
	tickets := make([]*ticket, 6)
	for i := range tickets {
		tickets[i] = ls.enter("D1|")
	}
	// Jobs are handed in out of order, and finish later, on other goroutines.
	var started sync.WaitGroup
	for _, i := range []int{3, 1, 5, 0, 4, 2} {
		started.Go(func() {
			if i == 4 {
				tickets[i].release() // a message not answered (a duplicate)
				return
			}
			tickets[i].run(func(done func()) {
				mu.Lock()
				order = append(order, i)
				mu.Unlock()
				go func() {
					time.Sleep(time.Millisecond)
					done()
				}()
			})
		})
	}
	started.Wait()
	ls.wait()
	if want := []int{0, 1, 2, 3, 5}; !slices.Equal(order, want) {
		t.Errorf("jobs ran in order %v, want %v", order, want)
	}
	if len(ls.open) != 0 {
		t.Errorf("%d conversations still open after every message was done", len(ls.open))
	}
}

func TestLanesLetOtherConversationsThrough(t *testing.T) {
	var ls lanes
	first := ls.enter("D1|")
	second := ls.enter("D1|")
	other := ls.enter("D2|")
	var held func()
	first.run(func(done func()) { held = done }) // D1's first reply is slow to post
	ran := map[string]bool{}
	second.run(func(done func()) { ran["D1"] = true; done() })
	other.run(func(done func()) { ran["D2"] = true; done() })
	if ran["D1"] {
		t.Error("D1's second message ran before its first was done")
	}
	if !ran["D2"] {
		t.Error("D2 waited for D1")
	}
	held()
	held() // a second done is ignored
	if !ran["D1"] {
		t.Error("D1's second message did not run once its first was done")
	}
	ls.wait()
	first.release() // after run: no effect
	var none *ticket
	none.run(func(done func()) { done() })
	none.release()
}
