package bot

import (
	"bytes"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
)

// countingConn records the writes that reach the network.
type countingConn struct {
	net.Conn
	mu     sync.Mutex
	writes [][]byte
}

func (c *countingConn) Write(p []byte) (int, error) {
	c.mu.Lock()
	c.writes = append(c.writes, bytes.Clone(p))
	c.mu.Unlock()
	return c.Conn.Write(p)
}

func (c *countingConn) written() [][]byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([][]byte(nil), c.writes...)
}

func tcpPair(t *testing.T) (client, server net.Conn) {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	accepted := make(chan net.Conn, 1)
	go func() {
		c, _ := l.Accept()
		accepted <- c
	}()
	client, err = net.Dial("tcp", l.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	server = <-accepted
	t.Cleanup(func() { client.Close(); server.Close() })
	return client, server
}

// Writes made between reads leave in one write before the next read; writes made while a
// read waits on the network leave at once; a held write leaves after maxHold at the latest.
func TestCoalescingConn(t *testing.T) {
	raw, peer := tcpPair(t)
	inner := &countingConn{Conn: raw}
	c := &coalescingConn{Conn: inner}

	for _, ack := range []string{"ack1 ", "ack2 ", "ack3 "} {
		if _, err := c.Write([]byte(ack)); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(inner.written()); n != 0 {
		t.Fatalf("%d writes reached the network before the next read, want 0", n)
	}
	peer.Write([]byte("frame"))
	buf := make([]byte, 16)
	if _, err := c.Read(buf); err != nil {
		t.Fatal(err)
	}
	if w := inner.written(); len(w) != 1 || string(w[0]) != "ack1 ack2 ack3 " {
		t.Fatalf("writes %q, want the three acks in one", w)
	}
	got := make([]byte, 15)
	peer.SetReadDeadline(time.Now().Add(5 * time.Second))
	if _, err := peer.Read(got); err != nil || string(got) != "ack1 ack2 ack3 " {
		t.Fatalf("the peer read %q, %v", got, err)
	}

	// A write while the reader waits on the network goes straight out.
	readDone := make(chan struct{})
	go func() { c.Read(buf); close(readDone) }()
	deadline := time.Now().Add(5 * time.Second)
	for {
		c.mu.Lock()
		reading := c.reading
		c.mu.Unlock()
		if reading {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the read never started")
		}
		time.Sleep(time.Millisecond)
	}
	c.Write([]byte("pong"))
	if w := inner.written(); len(w) != 2 || string(w[1]) != "pong" {
		t.Fatalf("writes %q: the write during a read was held", w)
	}
	peer.Write([]byte("x"))
	<-readDone

	// A held write with no read after it leaves after maxHold.
	c.Write([]byte("late"))
	for len(inner.written()) < 3 {
		if time.Now().After(deadline) {
			t.Fatal("a held write never left")
		}
		time.Sleep(time.Millisecond)
	}

	// Close sends what is held.
	c.Write([]byte("last"))
	c.Close()
	if w := inner.written(); len(w) != 4 || string(w[3]) != "last" {
		t.Fatalf("writes %q: Close dropped a held write", w)
	}
}

// The socket's dialer speaks wss (TLS over the coalescing connection, as against Slack):
// the handshake, frames both ways and acks written between reads.
func TestDialerOverTLS(t *testing.T) {
	upgrader := websocket.Upgrader{}
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, err := upgrader.Upgrade(w, r, nil)
		if err != nil {
			return
		}
		defer conn.Close()
		for i := range 3 {
			conn.WriteMessage(websocket.TextMessage, fmt.Appendf(nil, `{"envelope_id":"e%d"}`, i))
		}
		for range 3 {
			if _, data, err := conn.ReadMessage(); err != nil || !bytes.HasPrefix(data, []byte(`{"ack":"e`)) {
				return
			}
		}
		conn.WriteMessage(websocket.TextMessage, []byte("done"))
	}))
	defer srv.Close()

	g := &flapGuard{max: time.Second, log: slog.New(slog.DiscardHandler), sleep: sleepCtx}
	d := g.dialer()
	d.TLSClientConfig = srv.Client().Transport.(*http.Transport).TLSClientConfig
	conn, _, err := d.Dial("wss"+strings.TrimPrefix(srv.URL, "https"), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	for range 3 {
		_, data, err := conn.ReadMessage()
		if err != nil {
			t.Fatal(err)
		}
		// Acked between reads: held, then sent before the next read.
		if err := conn.WriteMessage(websocket.TextMessage, []byte(`{"ack":"`+string(data[len(`{"envelope_id":"`):len(data)-2])+`"}`)); err != nil {
			t.Fatal(err)
		}
	}
	if _, data, err := conn.ReadMessage(); err != nil || string(data) != "done" {
		t.Fatalf("after the acks: %q, %v", data, err)
	}
}

// A stream of writes with no read between them does not hold the first one back: held
// writes leave a hold after the first of them, however many follow. A hold renewed by each
// write would keep them until the stream stopped. The hold is lengthened to 200 ms and the
// writes come every 20 ms for a second, so that neither a loaded machine slow to run the
// flush (20 ms late under -cpu 1 beside other tests) nor a pause of the writer (which lets a
// renewed hold run out) decides the outcome.
func TestCoalescingConnHoldsNoLongerThanMaxHold(t *testing.T) {
	raw, _ := tcpPair(t)
	inner := &countingConn{Conn: raw}
	c := &coalescingConn{Conn: inner, hold: 200 * time.Millisecond}
	defer c.Close()
	start := time.Now()
	for time.Since(start) < time.Second && len(inner.written()) == 0 {
		c.Write([]byte("ack "))
		time.Sleep(20 * time.Millisecond)
	}
	if len(inner.written()) == 0 {
		t.Fatalf("nothing reached the network during a second of writes; held writes must leave %s after the first", c.hold)
	}
}
