// Acks written during a burst leave together.

package bot

import (
	"cmp"
	"net"
	"sync"
	"time"
)

// coalescingConn is the socket's network connection (under TLS, for wss). Writes made while
// the frames already read are being handled are held, and sent together just before the next
// read from the network, or after maxHold: under a burst the acks of the frames of one read
// leave in one write instead of a write (and a wakeup at Slack's end) each. When the reader
// is waiting on the network, writes go out at once.
type coalescingConn struct {
	net.Conn

	mu      sync.Mutex
	held    []byte
	reading bool // a Read is waiting on the network
	timer   *time.Timer
	err     error         // the error of a held write, returned by the next Read or Write
	hold    time.Duration // how long a write is held; maxHold when zero (tests lengthen it)
}

// maxHold bounds how long a write is held; maxHeld how much is held.
const (
	maxHold = time.Millisecond
	maxHeld = 64 << 10
)

func (c *coalescingConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.err != nil {
		return 0, c.err
	}
	if c.reading {
		return c.Conn.Write(p)
	}
	first := len(c.held) == 0
	c.held = append(c.held, p...)
	switch {
	case len(c.held) >= maxHeld:
		if err := c.flushLocked(); err != nil {
			return 0, err
		}
	case !first:
		// The timer armed by the first held write is running: maxHold counts from it, so
		// that a stream of writes cannot hold the first for longer.
	case c.timer == nil:
		c.timer = time.AfterFunc(cmp.Or(c.hold, maxHold), c.flush)
	default:
		c.timer.Reset(cmp.Or(c.hold, maxHold))
	}
	return len(p), nil
}

func (c *coalescingConn) Read(p []byte) (int, error) {
	c.mu.Lock()
	err := c.flushLocked()
	c.reading = err == nil
	c.mu.Unlock()
	if err != nil {
		return 0, err
	}
	n, err := c.Conn.Read(p)
	c.mu.Lock()
	c.reading = false
	c.mu.Unlock()
	return n, err
}

func (c *coalescingConn) Close() error {
	c.mu.Lock()
	c.flushLocked()
	if c.timer != nil {
		c.timer.Stop()
	}
	c.mu.Unlock()
	return c.Conn.Close()
}

func (c *coalescingConn) flush() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.flushLocked()
}

func (c *coalescingConn) flushLocked() error {
	if c.err != nil || len(c.held) == 0 {
		return c.err
	}
	_, c.err = c.Conn.Write(c.held)
	c.held = c.held[:0]
	return c.err
}
