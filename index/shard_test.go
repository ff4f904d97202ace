package index

import (
	"context"
	"slices"
	"testing"
)

// A knowledge base split into shards finds the same records, and counts the same, as one
// index: the alias searches every shard.
func TestShardsFindWhatOneIndexFinds(t *testing.T) {
	kb, one := embeddedIndex(t)
	defer func(a, b int) { splitAt, maxShard = a, b }(splitAt, maxShard)
	splitAt, maxShard = 50, 100
	sharded, err := New(kb)
	if err != nil {
		t.Fatal(err)
	}
	defer sharded.Close()
	if len(sharded.cur) < 2 {
		t.Fatalf("%d shard(s), want several", len(sharded.cur))
	}
	n1, _ := one.Count()
	n2, _ := sharded.Count()
	if n1 != n2 || n1 == 0 {
		t.Errorf("count %d in one index, %d in shards", n1, n2)
	}
	for _, q := range []string{"antimony", "flame retardants", "export controls gallium", "fluorita", "Sb", "mexico"} {
		ids := func(ix *Index) []string {
			res, err := ix.Search(context.Background(), q, Options{Size: 20})
			if err != nil {
				t.Fatal(err)
			}
			var out []string
			for _, h := range res.Hits {
				out = append(out, h.Ref.ID)
			}
			slices.Sort(out)
			return out
		}
		a, b := ids(one), ids(sharded)
		if len(a) == 0 {
			t.Errorf("%q: nothing found", q)
		}
		// Scores differ a little between shards (term statistics are per shard), so the
		// order may too; the records found must not.
		if len(a) < 20 && !slices.Equal(a, b) {
			t.Errorf("%q: one index finds %v, shards %v", q, a, b)
		}
	}
}
