package slackfake

import (
	"net"
	"net/http"
	"sync/atomic"
	"time"
)

// Arrival times.
//
// The stand-in shares the machine with the bot it serves: under a burst, its own goroutines
// may wait for a core while the bot's acks and replies sit in its socket buffers, and a
// latency taken when the stand-in gets round to reading them counts the stand-in's wait as
// the bot's. Slack runs elsewhere. So where the kernel can say when bytes arrived (Linux:
// SO_TIMESTAMPNS), acks and response_url posts are timed by the arrival of their last bytes;
// elsewhere, by when they are read.

// arrivalListener hands out connections that note when their bytes arrived.
type arrivalListener struct{ net.Listener }

func (l arrivalListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	tc, ok := c.(*net.TCPConn)
	if !ok {
		return c, nil
	}
	ac := &arrivalConn{TCPConn: tc}
	if !ac.enable() {
		return c, nil
	}
	return ac, nil
}

// arrivalConn is a TCP connection whose reads note the kernel's receive time of the newest
// bytes they return.
type arrivalConn struct {
	*net.TCPConn
	last atomic.Int64 // Unix nanoseconds; 0 until a read carries a timestamp
}

// arrived is when the bytes of the latest read reached this machine's socket, or, when the
// kernel gave no time, now.
func (c *arrivalConn) arrived() time.Time {
	if ns := c.last.Load(); ns != 0 {
		return time.Unix(0, ns)
	}
	return time.Now()
}

// arrivalOf is when the bytes last read on conn arrived (now for a connection that cannot
// tell).
func arrivalOf(conn net.Conn) time.Time {
	if ac, ok := conn.(*arrivalConn); ok {
		return ac.arrived()
	}
	return time.Now()
}

// connKey is the context key of the connection a request came on.
type connKey struct{}

// requestArrival is when the bytes of a request read so far arrived.
func requestArrival(r *http.Request) time.Time {
	if c, ok := r.Context().Value(connKey{}).(net.Conn); ok {
		return arrivalOf(c)
	}
	return time.Now()
}

// since is how long after sent (a time.Now) a message that arrived at arrived came: both as
// wall-clock times, as the kernel's timestamps are.
func since(sent, arrived time.Time) time.Duration { return arrived.Round(0).Sub(sent.Round(0)) }
