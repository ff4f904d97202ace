package bot

import (
	"context"
	"log/slog"
	"testing"
	"time"
)

// Redials sooner than stableConnection after the last wait 1 s, 2 s, 4 s … up to the cap
// (with jitter: between half and all of it); a connection made long ago is redialled at once.
func TestFlapGuardBacksOff(t *testing.T) {
	var waits []time.Duration
	g := &flapGuard{max: 8 * time.Second, log: slog.New(slog.DiscardHandler), sleep: func(_ context.Context, d time.Duration) error {
		waits = append(waits, d)
		return nil
	}}
	for range 6 {
		if err := g.wait(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	want := []time.Duration{time.Second, 2 * time.Second, 4 * time.Second, 8 * time.Second, 8 * time.Second}
	if len(waits) != len(want) {
		t.Fatalf("waits %v: want %d (none before the first dial)", waits, len(want))
	}
	for i, w := range want {
		if waits[i] < w/2 || waits[i] > w {
			t.Errorf("wait %d = %s, want between %s and %s", i, waits[i], w/2, w)
		}
	}
	// A connection that lived long enough resets the backoff.
	g.lastDial = time.Now().Add(-stableConnection - time.Second)
	waits = nil
	g.wait(context.Background())
	if len(waits) != 0 {
		t.Errorf("a redial after a stable connection waited %v", waits)
	}
	// A wait ends with the context.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	g.sleep = sleepCtx
	if err := g.wait(ctx); err == nil {
		t.Error("wait ignored a cancelled context")
	}
}
