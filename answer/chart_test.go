package answer_test

import (
	"context"
	"strings"
	"testing"

	"github.com/mineralbot/mineralbot/answer"
)

// /mineral chart draws what it says: the headline first, then the figures behind the chart,
// computed from the tables.
func TestChart(t *testing.T) {
	e, _ := mustEngine(t)
	for _, tc := range []struct {
		mineral, kind string
		lang          answer.Lang
		headline      string // the start of the headline
		bars, series  bool
		firstLabel    string
	}{
		{"antimony", "production", answer.English, "China accounted for 36% of world mine production of antimony in 2025e", true, false, "China"},
		{"antimonio", "production", answer.Spanish, "China aportó el 36% de la producción minera mundial de antimonio en 2025e", true, false, "China"},
		{"Sb", "reserves", answer.English, "China holds the largest antimony reserves: 830,000 metric tons, 35% of the world's (USGS MCS 2026).", true, false, ""},
		{"gallium", "trend", answer.English, "The U.S. relied on net imports for 100% of its apparent consumption of gallium in 2025e", false, true, ""},
		{"cesium", "production", answer.English, "USGS publishes no production by country for cesium", false, false, ""},
		{"unobtainium", "production", answer.English, "Sorry, I don't know a mineral called “unobtainium”.", false, false, ""},
	} {
		t.Run(tc.mineral+"/"+tc.kind, func(t *testing.T) {
			a := e.Chart(context.Background(), tc.mineral, tc.kind, tc.lang)
			if a.Headline == "" || !strings.HasPrefix(a.Headline, tc.headline) {
				t.Fatalf("headline = %q, want it to start %q", a.Headline, tc.headline)
			}
			var bars []answer.Bar
			var series []answer.Point
			for _, s := range a.Sections {
				bars = append(bars, s.Bars...)
				series = append(series, s.Series...)
			}
			if (len(bars) > 0) != tc.bars || (len(series) > 0) != tc.series {
				t.Fatalf("%d bars, %d points; want bars %v, series %v", len(bars), len(series), tc.bars, tc.series)
			}
			if tc.firstLabel != "" && !strings.HasPrefix(bars[0].Label, tc.firstLabel) {
				t.Errorf("first bar %q, want %q", bars[0].Label, tc.firstLabel)
			}
			for i := 1; i < len(bars); i++ {
				if bars[i].Share > bars[i-1].Share {
					t.Errorf("bars not ranked: %v after %v", bars[i], bars[i-1])
				}
			}
			for i := 1; i < len(series); i++ {
				if series[i].Label <= series[i-1].Label {
					t.Errorf("series not in year order: %q after %q", series[i].Label, series[i-1].Label)
				}
			}
			for _, p := range series {
				if p.Value < 0 || p.Value > 100 {
					t.Errorf("reliance %v%% in %s", p.Value, p.Label)
				}
			}
		})
	}
}
