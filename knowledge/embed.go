package knowledge

import (
	"embed"
	"io/fs"
)

//go:embed content
var content embed.FS

// Embedded returns the knowledge base compiled into the binary, rooted at its top folder.
func Embedded() fs.FS {
	sub, err := fs.Sub(content, "content")
	if err != nil {
		// fs.Sub fails only for an invalid path; "content" is a constant.
		panic(err)
	}
	return sub
}
