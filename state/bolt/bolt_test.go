package bolt_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	bbolt "go.etcd.io/bbolt"

	"github.com/mineralbot/mineralbot/state"
	"github.com/mineralbot/mineralbot/state/bolt"
	"github.com/mineralbot/mineralbot/state/statetest"
)

func TestContract(t *testing.T) {
	statetest.Run(t, func(t *testing.T) state.Store {
		s, err := bolt.Open(t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		return s
	})
}

// A damaged file is an error that names it and says what to do: never a panic.
func TestDamagedFile(t *testing.T) {
	dir := t.TempDir()
	s, err := bolt.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for i := range 50 {
		s.AddUnanswered(ctx, state.Unanswered{At: time.Unix(int64(i), 0), Question: strings.Repeat("x", 200)})
	}
	path := filepath.Join(dir, bolt.FileName)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// Overwrite the data pages (past the two meta pages) with garbage.
	for i := 2 * 4096; i < len(data); i++ {
		data[i] = byte(i * 7)
	}
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	check := func(what string, err error) {
		t.Helper()
		path := path
		if err == nil || !errors.Is(err, bolt.ErrDamaged) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "move the file aside") {
			t.Errorf("%s on a damaged file: %v; want ErrDamaged naming %s and what to do", what, err, path)
		}
	}
	_, err = s.UnansweredBetween(ctx, time.Unix(0, 0), time.Unix(100, 0))
	check("UnansweredBetween", err)
	check("Check", s.Check(ctx))
	_, err = bolt.Open(dir)
	check("Open", err)

	// A file that is not a bbolt file at all.
	other := t.TempDir()
	path = filepath.Join(other, bolt.FileName)
	os.WriteFile(path, []byte("not a database"), 0o600)
	_, err = bolt.Open(other)
	check("Open of a non-database", err)
}

// A file written by a newer mineralbot is refused, with a clear message.
func TestNewerSchema(t *testing.T) {
	dir := t.TempDir()
	if _, err := bolt.Open(dir); err != nil {
		t.Fatal(err)
	}
	db, err := bbolt.Open(filepath.Join(dir, bolt.FileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bbolt.Tx) error { return tx.Bucket([]byte("meta")).Put([]byte("schema"), []byte("99")) })
	db.Close()
	_, err = bolt.Open(dir)
	if !errors.Is(err, state.ErrNewerSchema) || !strings.Contains(err.Error(), "schema 99") {
		t.Fatalf("Open of a newer file: %v", err)
	}
}

// A schema 1 file (claims, text-keyed questions) is migrated: posted claims are done, a claim
// never confirmed is failed (to be retried), questions sort by time.
func TestMigratesSchema1(t *testing.T) {
	dir := t.TempDir()
	db, err := bbolt.Open(filepath.Join(dir, bolt.FileName), 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	db.Update(func(tx *bbolt.Tx) error {
		subs, _ := tx.CreateBucket([]byte("subscriptions"))
		subs.Put([]byte("C1"), []byte(`{"channel":"C1","schedule":"@weekly","source":"slack","since":"2026-01-01T00:00:00Z"}`))
		claims, _ := tx.CreateBucket([]byte("claims"))
		claims.Put([]byte("C1 @weekly|2026-11-16T00:00:00Z"), []byte(`{"subscription":"C1 @weekly","period":"2026-11-16T00:00:00Z","owner":"h/1","posted_ts":"1.1"}`))
		claims.Put([]byte("C1 @weekly|2026-11-23T00:00:00Z"), []byte(`{"subscription":"C1 @weekly","period":"2026-11-23T00:00:00Z","owner":"h/1"}`))
		q, _ := tx.CreateBucket([]byte("unanswered"))
		q.Put([]byte("zzz"), []byte(`{"at":"2026-11-20T00:00:00Z","question":"old"}`))
		return nil
	})
	db.Close()
	s, err := bolt.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	ds, err := s.Deliveries(ctx, "C1 @weekly")
	if err != nil || len(ds) != 2 || ds[0].State != state.Posted || ds[1].State != state.Failed {
		t.Fatalf("migrated deliveries %+v %v", ds, err)
	}
	us, _ := s.UnansweredBetween(ctx, time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC))
	if len(us) != 1 || us[0].Question != "old" {
		t.Fatalf("migrated questions %+v", us)
	}
}

func BenchmarkStore(b *testing.B) {
	s, err := bolt.Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	statetest.Bench(b, s)
}

// A message's text is in the file while it waits for its answer, and nowhere in it once it
// is answered: bbolt leaves a deleted or rewritten record's old page as it was, and the store
// clears the free pages after each write that deletes text. The same for questions kept for
// curation once they are dropped. Other writes in between (event ids, topics) copy the
// small pending bucket's page along with theirs, the case that leaves most copies.
func TestDeletedTextLeavesNoCopy(t *testing.T) {
	dir := t.TempDir()
	s, err := bolt.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	now := time.Now()
	secret := func(i int) string { return fmt.Sprintf("private-dm-%03d-text", i) }
	for i := range 40 {
		p := state.Pending{ID: fmt.Sprintf("D1/17000000%02d.000100", i), Where: "dm", User: "U1", Channel: "D1", Text: secret(i), Received: now}
		if err := s.AddPending(ctx, "me", []state.Pending{p}, now, time.Minute); err != nil {
			t.Fatal(err)
		}
		if _, err := s.FirstSeen(ctx, fmt.Sprintf("event-%d", i), now, time.Hour); err != nil {
			t.Fatal(err)
		}
		if err := s.SetTopic(ctx, "D1", state.Topic{Minerals: []string{"antimony"}}, now, time.Hour); err != nil {
			t.Fatal(err)
		}
		if i%3 == 2 { // answered a few at a time
			ids := []string{fmt.Sprintf("D1/17000000%02d.000100", i-2), fmt.Sprintf("D1/17000000%02d.000100", i-1), p.ID}
			if err := s.DonePending(ctx, ids); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := s.AddUnanswered(ctx, state.Unanswered{At: now.Add(-48 * time.Hour), Question: "private-question-text"}); err != nil {
		t.Fatal(err)
	}
	if err := s.Prune(ctx, now.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	// The last write answers a message, as when the bot falls quiet after a reply.
	last := state.Pending{ID: "D2/1700000099.000100", Where: "dm", User: "U2", Channel: "D2", Text: "private-last-text", Received: now}
	if err := s.AddPending(ctx, "me", []state.Pending{last}, now, time.Minute); err != nil {
		t.Fatal(err)
	}
	if err := s.DonePending(ctx, []string{last.ID}); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, bolt.FileName))
	if err != nil {
		t.Fatal(err)
	}
	// 39 is still waiting (40 is not a multiple of 3): it is there, the others are not.
	if !bytes.Contains(data, []byte(secret(39))) {
		t.Fatalf("the message still waiting is not in the file: the test proves nothing")
	}
	for i := range 39 {
		if bytes.Contains(data, []byte(secret(i))) {
			t.Errorf("message %d was answered, and its text is still in the file", i)
		}
	}
	if bytes.Contains(data, []byte("private-last-text")) {
		t.Errorf("the last message answered is still in the file")
	}
	if bytes.Contains(data, []byte("private-question-text")) {
		t.Errorf("a pruned question's text is still in the file")
	}
	if err := s.Check(ctx); err != nil {
		t.Errorf("the file after clearing: %v", err)
	}
}
