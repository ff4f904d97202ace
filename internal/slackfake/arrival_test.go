package slackfake

import (
	"net"
	"runtime"
	"testing"
	"time"
)

// A read some time after the bytes came says when they came, not when they were read.
func TestArrivalIsWhenTheBytesCame(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Logf("no receive timestamps on %s: reads are timed when they happen", runtime.GOOS)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	l := arrivalListener{ln}
	client, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer client.Close()
	server, err := l.Accept()
	if err != nil {
		t.Fatal(err)
	}
	defer server.Close()

	// The kernel turns timestamping on a moment after it is asked for: the warm-up message
	// may be timed when read.
	for i, msg := range []string{"warm-up", "first", "second"} {
		wrote := time.Now()
		if _, err := client.Write([]byte(msg)); err != nil {
			t.Fatal(err)
		}
		time.Sleep(50 * time.Millisecond) // the reader is slow to get round to it
		buf := make([]byte, 64)
		n, err := server.Read(buf)
		if err != nil || string(buf[:n]) != msg {
			t.Fatalf("read %q, %v", buf[:n], err)
		}
		read := time.Now()
		got := since(wrote, arrivalOf(server))
		if i > 0 && runtime.GOOS == "linux" && (got < 0 || got > 25*time.Millisecond) {
			t.Errorf("%s: arrived %v after the write, read %v after: want the arrival", msg, got, read.Sub(wrote))
		}
	}
}
