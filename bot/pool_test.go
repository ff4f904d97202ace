package bot

import (
	"context"
	"sync"
	"testing"
	"time"
)

// The pool runs at most its workers at once, queues up to its queue, and turns away the rest;
// it says whether a job starts at once.
func TestPoolQueuesThenTurnsAway(t *testing.T) {
	p := newPool(1, 2)
	release := make(chan struct{})
	var mu sync.Mutex
	var order []int
	job := func(i int) func() {
		return func() {
			<-release
			mu.Lock()
			order = append(order, i)
			mu.Unlock()
		}
	}
	type result struct{ started, now bool }
	want := []result{{true, true}, {true, false}, {true, false}, {false, false}}
	for i, w := range want {
		started, now := p.try(job(i))
		if (result{started, now}) != w {
			t.Errorf("job %d: started %v, now %v; want %v, %v", i, started, now, w.started, w.now)
		}
	}
	if n := p.inFlight(); n != 3 {
		t.Errorf("%d in flight, want 3", n)
	}
	close(release)
	if err := p.wait(ctxTimeout(t, 5*time.Second)); err != nil {
		t.Fatal(err)
	}
	if len(order) != 3 || order[0] != 0 || order[1] != 1 || order[2] != 2 {
		t.Errorf("ran %v, want [0 1 2] in order", order)
	}
	if started, now := p.try(func() {}); !started || !now {
		t.Errorf("after the queue drained: started %v, now %v; want both", started, now)
	}
}

// Workers outlive their jobs (one worker serves a stream of jobs), and leave when idle.
func TestPoolWorkersStayThenLeave(t *testing.T) {
	p := newPool(2, 100)
	p.idleFor = 50 * time.Millisecond
	for range 200 {
		done := make(chan struct{})
		p.try(func() { close(done) })
		<-done
	}
	p.mu.Lock()
	running := p.running
	p.mu.Unlock()
	if running < 1 || running > 2 {
		t.Errorf("%d workers after 200 jobs one at a time, want 1 or 2", running)
	}
	deadline := time.Now().Add(5 * time.Second)
	for {
		p.mu.Lock()
		running = p.running
		p.mu.Unlock()
		if running == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("%d workers still running 5 s after the last job, want 0", running)
		}
		time.Sleep(10 * time.Millisecond)
	}
	// Work after the workers left starts a new one.
	done := make(chan struct{})
	if started, now := p.try(func() { close(done) }); !started || !now {
		t.Errorf("after idling: started %v, now %v", started, now)
	}
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("a job queued after the workers left never ran")
	}
}

// Jobs queued while workers are leaving are never stranded.
func TestPoolNoJobStrandedByLeavingWorkers(t *testing.T) {
	p := newPool(2, 1000)
	p.idleFor = time.Microsecond // workers leave as soon as they are idle
	var wg sync.WaitGroup
	for i := range 2000 {
		wg.Add(1)
		for {
			if started, _ := p.try(wg.Done); started {
				break
			}
			time.Sleep(time.Microsecond)
		}
		if i%7 == 0 {
			time.Sleep(20 * time.Microsecond) // let workers run dry and leave
		}
	}
	done := make(chan struct{})
	go func() { wg.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatalf("jobs stranded: %d still in flight", p.inFlight())
	}
}

func ctxTimeout(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}
