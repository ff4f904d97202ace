package bot

import (
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bolt "go.etcd.io/bbolt"
)

// The newest questions are kept when the store trims, in time order, whatever the times'
// fractions of a second (text keys sorted "…:00Z" after "…:00.5Z").
func TestUnansweredKeepsTheNewest(t *testing.T) {
	s, err := OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	s.maxQuestions = 5
	base := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	for i := range 12 {
		// Alternate whole seconds and fractions: a text key would misorder them.
		at := base.Add(time.Duration(i) * 500 * time.Millisecond)
		if err := s.AddUnanswered(fmt.Sprintf("q%02d", i), "dm", at); err != nil {
			t.Fatal(err)
		}
	}
	us, err := s.UnansweredBetween(base.Add(-time.Hour), base.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range us {
		got = append(got, u.Question)
	}
	if want := "q07 q08 q09 q10 q11"; strings.Join(got, " ") != want {
		t.Errorf("kept %v, want the newest five in order: %s", got, want)
	}
	if us[0].Where != "dm" {
		t.Errorf("where = %q, want dm", us[0].Where)
	}
}

// Past the limit, one more question deletes exactly one, the oldest (it used to delete them
// all: the count did not see the deletions of the same transaction).
func TestUnansweredTrimAtTheLimit(t *testing.T) {
	s, err := OpenStore(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	s.maxQuestions = 50
	base := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	for i := range 53 {
		if err := s.AddUnanswered(fmt.Sprintf("q%02d", i), "slash", base.Add(time.Duration(i)*time.Second)); err != nil {
			t.Fatal(err)
		}
	}
	us, _ := s.UnansweredBetween(base.Add(-time.Hour), base.Add(time.Hour))
	if len(us) != 50 || us[0].Question != "q03" || us[49].Question != "q52" {
		t.Fatalf("kept %d, from %q to %q; want 50 from q03 to q52", len(us), us[0].Question, us[len(us)-1].Question)
	}
}

// Questions are cut to 300 bytes.
func TestUnansweredIsBounded(t *testing.T) {
	s, _ := OpenStore(t.TempDir())
	now := time.Now()
	s.AddUnanswered(strings.Repeat("é", 1000), "dm", now)
	us, _ := s.UnansweredBetween(now.Add(-time.Second), now.Add(time.Second))
	if len(us) != 1 || len(us[0].Question) > maxQuestionBytes {
		t.Fatalf("stored %d bytes, want at most %d", len(us[0].Question), maxQuestionBytes)
	}
}

// A state file written with the old text keys is re-keyed on open, in time order.
func TestUnansweredOldKeysAreRekeyed(t *testing.T) {
	dir := t.TempDir()
	db, err := bolt.Open(filepath.Join(dir, "mineralbot.db"), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	base := time.Date(2026, 11, 23, 12, 0, 0, 0, time.UTC)
	db.Update(func(tx *bolt.Tx) error {
		b, _ := tx.CreateBucketIfNotExists(bucketUnanswered)
		for i, at := range []time.Time{base.Add(1500 * time.Millisecond), base, base.Add(time.Second)} {
			v, _ := json.Marshal(Unanswered{At: at, Question: fmt.Sprint("old", i)})
			b.Put([]byte(fmt.Sprintf("%s|%020d", at.Format(time.RFC3339Nano), i)), v)
		}
		return nil
	})
	db.Close()
	s, err := OpenStore(dir)
	if err != nil {
		t.Fatal(err)
	}
	us, _ := s.UnansweredBetween(base.Add(-time.Hour), base.Add(time.Hour))
	var got []string
	for _, u := range us {
		got = append(got, u.Question)
	}
	if strings.Join(got, " ") != "old1 old2 old0" {
		t.Errorf("after re-keying: %v, want old1 old2 old0 (time order)", got)
	}
}
