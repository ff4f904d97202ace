//go:build unix

package bolt

import (
	"os"
	"syscall"
)

// unlock drops bbolt's lock on a file it failed to open.
func unlock(f *os.File) { syscall.Flock(int(f.Fd()), syscall.LOCK_UN) }
