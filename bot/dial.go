// The socket's dialer: reconnects to a socket that keeps dropping back off.

package bot

import (
	"context"
	"log/slog"
	"math/rand/v2"
	"net"
	"sync"
	"time"

	"github.com/gorilla/websocket"
)

// stableConnection is how long a socket must have lived for the next connection to be made
// at once: Slack recycles healthy sockets after hours, so a reconnect sooner than this means
// something is wrong.
const stableConnection = 10 * time.Second

// flapGuard delays dialling the Socket Mode WebSocket when the previous connection was made
// less than stableConnection ago: 1 s, doubling to max, jittered. slack-go reconnects at
// once after a socket drops, so without it a socket dropped right after hello is redialled
// dozens of times a second.
type flapGuard struct {
	max   time.Duration
	log   *slog.Logger
	sleep func(ctx context.Context, d time.Duration) error

	mu       sync.Mutex
	lastDial time.Time
	backoff  time.Duration
}

// wait blocks until the next dial may go ahead, or ctx ends.
func (g *flapGuard) wait(ctx context.Context) error {
	g.mu.Lock()
	var d time.Duration
	if !g.lastDial.IsZero() && time.Since(g.lastDial) < stableConnection {
		g.backoff = min(max(2*g.backoff, time.Second), g.max)
		d = g.backoff/2 + rand.N(g.backoff/2+1)
	} else {
		g.backoff = 0
	}
	g.mu.Unlock()
	if d > 0 {
		g.log.Warn("slack socket keeps dropping; waiting before reconnecting", "in", d)
		if err := g.sleep(ctx, d); err != nil {
			return err
		}
	}
	g.mu.Lock()
	g.lastDial = time.Now()
	g.mu.Unlock()
	return nil
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// dialer is the socket's WebSocket dialer: the flap guard in front of each dial, and writes
// coalesced under bursts (coalescingConn).
func (g *flapGuard) dialer() *websocket.Dialer {
	var nd net.Dialer
	d := *websocket.DefaultDialer
	d.ReadBufferSize = 64 << 10 // a burst's frames in few reads, and so its acks in few writes
	d.NetDialContext = func(ctx context.Context, network, addr string) (net.Conn, error) {
		if err := g.wait(ctx); err != nil {
			return nil, err
		}
		conn, err := nd.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		return &coalescingConn{Conn: conn}, nil
	}
	return &d
}
