//go:build !linux

package slackfake

// enable reports that this system gives no receive times: reads are timed when they happen.
func (c *arrivalConn) enable() bool { return false }
