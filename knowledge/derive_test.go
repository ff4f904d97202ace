package knowledge_test

import (
	"math"
	"os"
	"slices"
	"testing"

	"github.com/mineralbot/mineralbot/knowledge"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestRankComputesSharesFromTheTable(t *testing.T) {
	kb := mustLoad(t, os.DirFS("testdata/valid"))
	r := kb.RankIn("antimony", "mine_production", 2024, knowledge.MCS2025)
	if r.Measure != "mine_production" || r.Year != 2024 || r.Edition != knowledge.MCS2025 || !r.Estimated {
		t.Errorf("ranking of %s %d %s (estimated %v), want mine_production 2024 MCS 2025 estimated", r.Measure, r.Year, r.Edition, r.Estimated)
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

func TestEditionsSideBySide(t *testing.T) {
	kb := mustLoad(t, os.DirFS("testdata/valid"))
	if got := kb.Editions(); len(got) != 2 || got[0] != knowledge.MCS2025 || got[1] != knowledge.MCS2026 {
		t.Fatalf("Editions() = %v, want [MCS 2025 MCS 2026]", got)
	}
	// The same country, measure and year, once per edition.
	old, ok1 := kb.FigureIn("antimony", "mine_production", "china", 2024, knowledge.MCS2025)
	cur, ok2 := kb.FigureIn("antimony", "mine_production", "china", 2024, knowledge.MCS2026)
	if !ok1 || !ok2 || old.Value != 60000 || cur.Value != 40000 {
		t.Fatalf("China 2024: MCS 2025 %v %v, MCS 2026 %v %v; want 60000 and 40000", old.Value, ok1, cur.Value, ok2)
	}
	if old.Edition != knowledge.MCS2025 || old.Source.Edition != "USGS Mineral Commodity Summaries 2025" {
		t.Errorf("MCS 2025 figure carries edition %v %q", old.Edition, old.Source.Edition)
	}
	for _, f := range kb.Production {
		if f.Edition == 0 {
			t.Errorf("%s: figure without an edition", f.Pos)
		}
	}
}

func TestNewestEditionIsTheDefault(t *testing.T) {
	kb := mustLoad(t, os.DirFS("testdata/valid"))
	tests := []struct {
		name    string
		got     knowledge.Ranking
		year    int
		edition knowledge.Edition
	}{
		{"primary: 2025e from MCS 2026", mustRanking(t)(kb.PrimaryRanking("antimony")), 2025, knowledge.MCS2026},
		{"a year both editions have: MCS 2026's revised 2024", kb.Rank("antimony", "mine_production", 2024), 2024, knowledge.MCS2026},
		{"a year only MCS 2025 has", kb.Rank("antimony", "mine_production", 2023), 2023, 0},
		{"reserves: MCS 2026", mustRanking(t)(kb.ReservesRanking("antimony")), 0, knowledge.MCS2026},
		{"a table only MCS 2025 has", mustRanking(t)(kb.PrimaryRanking("rare-earths")), 2024, knowledge.MCS2025},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.got.Year != tt.year || tt.got.Edition != tt.edition {
				t.Errorf("ranking of %d %s, want %d %s", tt.got.Year, tt.got.Edition, tt.year, tt.edition)
			}
		})
	}
	if got := kb.LatestYear("antimony", "mine_production"); got != 2025 {
		t.Errorf("LatestYear = %d, want 2025", got)
	}
	if got := kb.LatestEdition("antimony", "mine_production"); got != knowledge.MCS2026 {
		t.Errorf("LatestEdition = %v, want MCS 2026", got)
	}
}

// mustRanking unpacks a (Ranking, ok) pair that must be ok.
func mustRanking(tb testing.TB) func(knowledge.Ranking, bool) knowledge.Ranking {
	return func(r knowledge.Ranking, ok bool) knowledge.Ranking {
		tb.Helper()
		if !ok {
			tb.Fatal("no ranking")
		}
		return r
	}
}

func TestRankingsNeverMixEditions(t *testing.T) {
	kb := mustLoad(t, os.DirFS("testdata/valid"))
	tests := []struct {
		edition knowledge.Edition
		china   float64 // China's share of the 2024 world total, as each edition prints both
		hhi     float64
	}{
		{knowledge.MCS2025, 60000.0 / 100000, 60*60 + 0.8*0.8},
		{knowledge.MCS2026, 40000.0 / 119000, sq(40000.0/1190) + sq(600.0/1190)},
	}
	for _, tt := range tests {
		t.Run(tt.edition.String(), func(t *testing.T) {
			r := kb.RankIn("antimony", "mine_production", 2024, tt.edition)
			if r.Edition != tt.edition || r.World == nil || r.World.Edition != tt.edition {
				t.Fatalf("ranking %+v: want one of %s only", r, tt.edition)
			}
			for _, s := range r.Rows {
				f, _ := kb.FigureIn("antimony", "mine_production", s.Country, 2024, tt.edition)
				if f.Value != s.Value {
					t.Errorf("%s: %v in the ranking, %v in %s", s.Country, s.Value, f.Value, tt.edition)
				}
			}
			if s, _ := r.ShareOf("china"); !near(s.Share, tt.china) {
				t.Errorf("China's share %v, want %v", s.Share, tt.china)
			}
			if !near(r.HHI(), tt.hhi) {
				t.Errorf("HHI %v, want %v", r.HHI(), tt.hhi)
			}
		})
	}
}

func sq(x float64) float64 { return x * x }

func TestYearOverYear(t *testing.T) {
	kb := mustLoad(t, os.DirFS("testdata/valid"))
	c, ok := kb.YearOverYear("antimony", "mine_production", knowledge.World)
	if !ok || !c.Known() {
		t.Fatalf("world antimony: %+v, %v", c, ok)
	}
	if c.Edition != knowledge.MCS2026 || c.From.Year != 2024 || c.To.Year != 2025 || c.From.Value != 119000 || c.To.Value != 110000 {
		t.Errorf("change %s %d %v → %d %v, want MCS 2026 2024 119000 → 2025 110000", c.Edition, c.From.Year, c.From.Value, c.To.Year, c.To.Value)
	}
	if !c.To.Estimated || c.From.Estimated {
		t.Errorf("2025 must be estimated, 2024 not: %v %v", c.From.Estimated, c.To.Estimated)
	}
	if pct, ok := c.Percent(); !ok || !near(pct, (110000.0-119000)/119000*100) || c.Delta() != -9000 {
		t.Errorf("Percent %v %v, Delta %v", pct, ok, c.Delta())
	}

	// China's change within MCS 2026 is flat: never 60,000 (MCS 2025) → 40,000 (MCS 2026).
	c, ok = kb.YearOverYear("antimony", "mine_production", "china")
	if pct, pok := c.Percent(); !ok || c.Edition != knowledge.MCS2026 || !pok || pct != 0 {
		t.Errorf("China: %+v, percent %v", c, pct)
	}

	// A withheld figure: the change exists, but cannot be computed.
	c, ok = kb.YearOverYear("antimony", "mine_production", "united-states")
	if _, pok := c.Percent(); !ok || c.Known() || pok {
		t.Errorf("United States 2025 is withheld: ok %v, known %v, percent ok %v", ok, c.Known(), pok)
	}

	// Within one edition, between chosen years; an edition without them has no change.
	if c, ok := kb.ChangeIn("antimony", "mine_production", knowledge.World, knowledge.MCS2025, 2023, 2024); ok {
		t.Errorf("MCS 2025 has no 2023 world figure in the test data: %+v", c)
	}
	if _, ok := kb.ChangeIn("antimony", "mine_production", "mexico", knowledge.MCS2026, 2024, 2025); !ok {
		t.Error("Mexico 2024 → 2025 in MCS 2026: want a change")
	}
	if _, ok := kb.YearOverYear("rare-earths", "mine_production", "china"); ok {
		t.Error("rare earths have one year only: want no change")
	}
}

func TestRevisions(t *testing.T) {
	kb := mustLoad(t, os.DirFS("testdata/valid"))
	r, ok := kb.Revision("antimony", "mine_production", "china", 2024)
	if !ok {
		t.Fatal("China 2024: want a revision")
	}
	if r.Old.Edition != knowledge.MCS2025 || r.Old.Value != 60000 || r.New.Edition != knowledge.MCS2026 || r.New.Value != 40000 || r.Delta() != -20000 {
		t.Errorf("revision %s %v → %s %v", r.Old.Edition, r.Old.Value, r.New.Edition, r.New.Value)
	}
	if _, ok := kb.Revision("antimony", "mine_production", "united-states", 2024); ok {
		t.Error("United States 2024 is 0 in both editions: not a revision")
	}
	if _, ok := kb.Revision("antimony", "reserves", "china", 0); ok {
		t.Error("reserves are restated, not revised")
	}
	var got []string
	for _, r := range kb.Revisions("antimony") {
		got = append(got, r.Country)
	}
	if want := []string{"china", "mexico", "other", "world"}; !slices.Equal(got, want) {
		t.Errorf("Revisions(antimony) = %v, want %v", got, want)
	}
	if all := kb.Revisions(""); len(all) != 4 {
		t.Errorf("Revisions(\"\") = %d, want 4 (all antimony's)", len(all))
	}
}

func TestRelianceSeriesOfTheNewestEdition(t *testing.T) {
	kb := mustLoad(t, os.DirFS("testdata/valid"))
	series := kb.RelianceSeries("antimony")
	if len(series) != 1 {
		t.Fatalf("series %+v: want one", series)
	}
	s := series[0]
	var years []int
	for _, r := range s.Years {
		years = append(years, r.Year)
	}
	if s.Edition != knowledge.MCS2026 || !slices.Equal(years, []int{2021, 2022, 2023, 2024, 2025}) {
		t.Errorf("series %s %v, want MCS 2026 2021-2025", s.Edition, years)
	}
	if last := s.Years[len(s.Years)-1]; last.Percent != 91 || !last.Estimated {
		t.Errorf("2025e: %+v", last)
	}
	if r, ok := kb.LatestReliance("antimony"); !ok || r.Year != 2025 || r.Edition != knowledge.MCS2026 {
		t.Errorf("LatestReliance = %+v", r)
	}
	if got := kb.RelianceIn("antimony", knowledge.MCS2025); len(got) != 2 {
		t.Errorf("RelianceIn MCS 2025: %d rows, want 2", len(got))
	}
	// Only MCS 2025 has import sources and end uses in the test data: they are the newest.
	if src := kb.ImportSourcesOf("antimony"); len(src) != 2 || src[0].Edition != knowledge.MCS2025 {
		t.Errorf("import sources %+v", src)
	}
	if uses := kb.EndUsesOf("antimony"); len(uses) != 2 || uses[0].Percent != 40 || uses[0].Edition != knowledge.MCS2025 {
		t.Errorf("end uses %+v", uses)
	}
}

func TestPrices(t *testing.T) {
	kb := mustLoad(t, os.DirFS("testdata/valid"))
	ps := kb.PricesOf("antimony")
	if len(ps) != 2 {
		t.Fatalf("prices %+v: want MCS 2026's two years only", ps)
	}
	for _, p := range ps {
		if p.Edition != knowledge.MCS2026 || p.Form != "metal, average" || p.Unit != "dollars per pound" {
			t.Errorf("price %+v", p)
		}
	}
	latest := kb.LatestPrices("antimony")
	if len(latest) != 1 || latest[0].Year != 2025 || latest[0].Value != 25 || !latest[0].Estimated {
		t.Errorf("latest %+v, want 25 dollars per pound in 2025e", latest)
	}
	// A group lists its members' prices; a member has its own.
	var forms []string
	for _, p := range kb.LatestPrices("rare-earths") {
		forms = append(forms, p.Mineral)
	}
	if !slices.Equal(forms, []string{"rare-earths", "neodymium"}) {
		t.Errorf("rare-earth prices of %v", forms)
	}
	if nd := kb.LatestPrices("neodymium"); len(nd) != 1 || nd[0].Value != 73 {
		t.Errorf("neodymium %+v", nd)
	}
}

func TestParseEdition(t *testing.T) {
	for in, want := range map[string]knowledge.Edition{
		"USGS Mineral Commodity Summaries 2025": 2025,
		"USGS Mineral Commodity Summaries 2025 (figures quoted second-hand; primary chapter not yet checked)": 2025,
		"MCS 2026":                    2026,
		"mcs2026":                     2026,
		"USGS yearbook 2024":          0,
		"":                            0,
		"Mineral Commodity Summaries": 0,
	} {
		got, ok := knowledge.ParseEdition(in)
		if got != want || ok != (want != 0) {
			t.Errorf("ParseEdition(%q) = %v, %v; want %v", in, got, ok, want)
		}
	}
	if got := knowledge.MCS2026.String() + "|" + knowledge.MCS2026.Title(); got != "MCS 2026|USGS Mineral Commodity Summaries 2026" {
		t.Errorf("names %q", got)
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

// TestEmbeddedEditions checks the embedded knowledge base's MCS 2026 figures against the
// examples of the issue that brought them in.
func TestEmbeddedEditions(t *testing.T) {
	kb := mustLoad(t, knowledge.Embedded())
	if eds := kb.Editions(); !slices.Equal(eds, []knowledge.Edition{knowledge.MCS2025, knowledge.MCS2026}) {
		t.Fatalf("editions %v", eds)
	}
	t.Run("antimony leads with 2025e from MCS 2026", func(t *testing.T) {
		r, ok := kb.PrimaryRanking("antimony")
		if !ok || r.Edition != knowledge.MCS2026 || r.Year != 2025 || r.World == nil || r.World.Value != 110000 {
			t.Errorf("ranking %s %d, world %+v", r.Edition, r.Year, r.World)
		}
		c, ok := kb.YearOverYear("antimony", "mine_production", knowledge.World)
		if !ok || c.From.Value != 119000 || c.To.Value != 110000 || c.Edition != knowledge.MCS2026 {
			t.Errorf("world change %+v", c)
		}
		rev, ok := kb.Revision("antimony", "mine_production", "china", 2024)
		if !ok || rev.Old.Value != 60000 || rev.New.Value != 40000 {
			t.Errorf("China 2024 revision %+v", rev)
		}
	})
	t.Run("copper mine production stays MCS 2025", func(t *testing.T) {
		r, ok := kb.PrimaryRanking("copper")
		if !ok || r.Measure != "mine_production" || r.Edition != knowledge.MCS2025 || r.Year != 2024 {
			t.Errorf("copper ranking %s %s %d", r.Measure, r.Edition, r.Year)
		}
	})
	t.Run("fluorspar from its 2026 chapter, first-hand", func(t *testing.T) {
		r, ok := kb.PrimaryRanking("fluorspar")
		if !ok || r.Edition != knowledge.MCS2026 || r.Secondary {
			t.Errorf("fluorspar ranking %s, secondary %v", r.Edition, r.Secondary)
		}
		if s, ok := r.ShareOf("mexico"); !ok || s.Rank != 2 {
			t.Errorf("Mexico %+v", s)
		}
		for _, f := range kb.FiguresIn("fluorspar", knowledge.MCS2026) {
			if f.Secondary {
				t.Errorf("%s: an MCS 2026 figure marked second-hand", f.Pos)
			}
		}
	})
	t.Run("silver price and gallium reliance", func(t *testing.T) {
		ps := kb.LatestPrices("silver")
		if len(ps) != 1 || ps[0].Year != 2025 || ps[0].Value != 38 || ps[0].Unit != "dollars per troy ounce" {
			t.Errorf("silver prices %+v", ps)
		}
		s := kb.RelianceSeries("gallium")
		if len(s) != 1 || s[0].Edition != knowledge.MCS2026 || len(s[0].Years) != 5 || s[0].Years[0].Year != 2021 {
			t.Errorf("gallium reliance %+v", s)
		}
	})
}

// No ranking in the knowledge base gives shares that add up past 100%, in any edition and
// year, whatever USGS's rounding of its world totals (gallium 2025e: a world total of
// 900,000 kg beside China's 900,000 and 9,000 more).
func TestSharesNeverExceedTheWhole(t *testing.T) {
	kb := mustLoad(t, knowledge.Embedded())
	checked := 0
	for _, m := range kb.Minerals {
		for _, f := range kb.FiguresOf(m.ID) {
			if f.Country != knowledge.World {
				continue
			}
			r := kb.RankIn(m.ID, f.Measure, f.Year, f.Edition)
			if !r.HasShares() {
				continue
			}
			checked++
			sum := 0.0
			for _, row := range r.Rows {
				sum += row.Share
			}
			if sum > 1.0000001 {
				t.Errorf("%s %s %d (%s): shares add up to %.1f%%", m.ID, f.Measure, f.Year, f.Edition, sum*100)
			}
		}
	}
	if checked < 100 {
		t.Fatalf("checked only %d rankings", checked)
	}
}
