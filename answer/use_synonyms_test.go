package answer

import (
	"slices"
	"testing"

	"github.com/mineralbot/mineralbot/knowledge"
)

// TestUseSynonymsNameTableUses checks that every use useSynonyms names is a use the end-use
// table holds, so an everyday name never stands for a use no row has.
func TestUseSynonymsNameTableUses(t *testing.T) {
	kb, err := knowledge.Load(knowledge.Embedded())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range useSynonyms {
		for _, name := range s.uses {
			if !slices.ContainsFunc(kb.EndUses, func(u knowledge.EndUse) bool { return u.Use == name }) {
				t.Errorf("useSynonyms names %q (for %q), which no row of the end-use table has", name, s.names[0])
			}
		}
	}
}
