package knowledge_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mineralbot/mineralbot/knowledge"
)

// A knowledge file over the size limit is refused before it is read, with an error that
// names the file and the limit; the rest of the knowledge base still loads.
func TestOversizedFileIsRefused(t *testing.T) {
	for _, file := range []string{"tables/production.csv", "minerals/antimony.md"} {
		t.Run(file, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.CopyFS(dir, knowledge.Embedded()); err != nil {
				t.Fatal(err)
			}
			f, err := os.OpenFile(filepath.Join(dir, file), os.O_WRONLY|os.O_APPEND, 0)
			if err != nil {
				t.Fatal(err)
			}
			// Sparse: the size is over the limit without writing 16 MiB.
			if err := f.Truncate(knowledge.MaxFileBytes + 1); err != nil {
				t.Fatal(err)
			}
			f.Close()
			_, err = knowledge.Load(os.DirFS(dir))
			if err == nil {
				t.Fatal("an oversized file loaded")
			}
			if msg := err.Error(); !strings.Contains(msg, file) || !strings.Contains(msg, "over the 16 MiB limit for one knowledge file") {
				t.Errorf("error %q does not name %s and the limit", msg, file)
			}
		})
	}
}
