package slackfake

import (
	"io"
	"syscall"
	"unsafe"
)

// enable asks the kernel to timestamp the bytes received (SO_TIMESTAMPNS: for TCP, each read
// gets the time of the newest segment it returns).
func (c *arrivalConn) enable() bool {
	rc, err := c.SyscallConn()
	if err != nil {
		return false
	}
	var serr error
	if err := rc.Control(func(fd uintptr) {
		serr = syscall.SetsockoptInt(int(fd), syscall.SOL_SOCKET, syscall.SO_TIMESTAMPNS, 1)
	}); err != nil || serr != nil {
		return false
	}
	return true
}

func (c *arrivalConn) Read(p []byte) (int, error) {
	rc, err := c.SyscallConn()
	if err != nil {
		return 0, err
	}
	var (
		n    int
		oob  [64]byte
		oobn int
		rerr error
	)
	if err := rc.Read(func(fd uintptr) bool {
		n, oobn, _, _, rerr = syscall.Recvmsg(int(fd), p, oob[:], 0)
		return rerr != syscall.EAGAIN
	}); err != nil {
		return 0, err
	}
	if rerr != nil {
		return 0, rerr
	}
	if n == 0 && len(p) > 0 {
		return 0, io.EOF
	}
	// A read without a time (the kernel turns timestamping on a moment after it is asked
	// for) is timed when it happens.
	var at int64
	if msgs, err := syscall.ParseSocketControlMessage(oob[:oobn]); err == nil {
		for _, m := range msgs {
			if m.Header.Level == syscall.SOL_SOCKET && m.Header.Type == syscall.SCM_TIMESTAMPNS && len(m.Data) >= int(unsafe.Sizeof(syscall.Timespec{})) {
				at = (*syscall.Timespec)(unsafe.Pointer(&m.Data[0])).Nano()
			}
		}
	}
	c.last.Store(at)
	return n, nil
}
