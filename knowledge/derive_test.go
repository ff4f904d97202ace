package knowledge_test

import (
	"math"
	"os"
	"testing"

	"github.com/mineralbot/mineralbot/knowledge"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestRankComputesSharesFromTheTable(t *testing.T) {
	kb := mustLoad(t, os.DirFS("testdata/valid"))
	r, ok := kb.PrimaryRanking("antimony")
	if !ok {
		t.Fatal("no ranking for antimony")
	}
	if r.Measure != "mine_production" || r.Year != 2024 || !r.Estimated {
		t.Errorf("ranking of %s %d (estimated %v), want mine_production 2024 estimated", r.Measure, r.Year, r.Estimated)
	}
	if len(r.Rows) != 2 {
		t.Fatalf("rows %+v: want China and Mexico (the United States produced 0, other countries are not ranked)", r.Rows)
	}
	china, mexico := r.Rows[0], r.Rows[1]
	if china.Country != "china" || china.Rank != 1 || !near(china.Share, 0.6) {
		t.Errorf("first row %+v, want china rank 1 share 0.6", china)
	}
	if mexico.Country != "mexico" || mexico.Rank != 2 || !near(mexico.Share, 0.008) {
		t.Errorf("second row %+v, want mexico rank 2 share 0.008", mexico)
	}
	if got := r.HHI(); !near(got, 60*60+0.8*0.8) {
		t.Errorf("HHI = %v, want %v", got, 60*60+0.8*0.8)
	}
	if got := r.TopShare(3); !near(got, 0.608) {
		t.Errorf("TopShare(3) = %v, want 0.608", got)
	}
	if r.Source.URL != "https://pubs.usgs.gov/periodicals/mcs2025/mcs2025-antimony.pdf" {
		t.Errorf("source %v", r.Source)
	}
}

func TestReservesAtLeast(t *testing.T) {
	kb := mustLoad(t, os.DirFS("testdata/valid"))
	r, ok := kb.ReservesRanking("antimony")
	if !ok || r.World == nil || !r.World.AtLeast || r.World.Value != 2_000_000 {
		t.Fatalf("reserves %+v: want world total >2,000,000", r)
	}
}

func TestMembersDrawOnTheGroupTable(t *testing.T) {
	kb := mustLoad(t, os.DirFS("testdata/valid"))
	if got := kb.TableOf("neodymium"); got != "rare-earths" {
		t.Errorf("TableOf(neodymium) = %q, want rare-earths", got)
	}
	r, ok := kb.PrimaryRanking("neodymium")
	if !ok || r.Mineral != "rare-earths" || r.Rows[0].Country != "china" {
		t.Errorf("neodymium ranking %+v", r)
	}
}

func TestCountryStandings(t *testing.T) {
	kb := mustLoad(t, os.DirFS("testdata/valid"))
	st := kb.CountryStandings("united-states")
	if len(st) != 1 || st[0].Mineral != "rare-earths" || st[0].Share.Rank != 2 {
		t.Fatalf("standings %+v: want rare earths, rank 2 (antimony's 0 is not a standing)", st)
	}
}

func TestListsAndAddedIn2025(t *testing.T) {
	kb := mustLoad(t, os.DirFS("testdata/valid"))
	sb, _ := kb.Mineral("antimony")
	nd, _ := kb.Mineral("neodymium")
	if !sb.On(knowledge.USGS2025) || !sb.AddedIn2025() {
		t.Errorf("antimony: on 2025 list and not on 2022: want AddedIn2025")
	}
	if !nd.On(knowledge.USGS2022) || nd.AddedIn2025() {
		t.Errorf("neodymium is on both lists: not added in 2025")
	}
}

func TestResolve(t *testing.T) {
	kb := mustLoad(t, os.DirFS("testdata/valid"))
	tests := []struct {
		in   string
		want knowledge.Ref
		ok   bool
	}{
		{"Antimony", knowledge.Ref{Kind: knowledge.KindMineral, ID: "antimony"}, true},
		{"ANTIMONIO", knowledge.Ref{Kind: knowledge.KindMineral, ID: "antimony"}, true},
		{"stibnite", knowledge.Ref{Kind: knowledge.KindMineral, ID: "antimony"}, true},
		{"Sb", knowledge.Ref{Kind: knowledge.KindMineral, ID: "antimony"}, true},
		{"sb", knowledge.Ref{}, false},
		{"México", knowledge.Ref{Kind: knowledge.KindCountry, ID: "mexico"}, true},
		{"u.s.", knowledge.Ref{Kind: knowledge.KindCountry, ID: "united-states"}, true},
		{"test controls", knowledge.Ref{Kind: knowledge.KindPolicy, ID: "test-export-controls"}, true},
		{"unobtainium", knowledge.Ref{}, false},
	}
	for _, tt := range tests {
		got, ok := kb.Resolve(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("Resolve(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"México":         "mexico",
		"Côte d’Ivoire":  "cote divoire",
		"  Níquel!! ":    "niquel",
		"rare-earth  el": "rare earth el",
		"EE. UU.":        "ee uu",
	} {
		if got := knowledge.Normalize(in); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

func BenchmarkResolve(b *testing.B) {
	kb := mustLoad(b, knowledge.Embedded())
	for b.Loop() {
		kb.Resolve("fluorita")
	}
}

func BenchmarkLoadEmbedded(b *testing.B) {
	for b.Loop() {
		if _, err := knowledge.Load(knowledge.Embedded()); err != nil {
			b.Fatal(err)
		}
	}
}
