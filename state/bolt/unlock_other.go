//go:build !unix

package bolt

import "os"

// unlock does nothing where bbolt locks by other means; closing the file releases them.
func unlock(*os.File) {}
