package answer

import (
	"math"
	"testing"
)

func TestConvertPrice(t *testing.T) {
	tests := []struct {
		name     string
		v        float64
		from, to string
		want     float64
		rules    int
		ok       bool
	}{
		{"same unit", 21, "dollars per pound", "dollars per pound", 21, 0, true},
		{"pound to metric ton", 21, "dollars per pound", "dollars per metric ton", 21 * 2204.62262, 1, true},
		{"metric ton to kilogram", 15000, "dollars per metric ton", "dollars per kilogram", 15, 1, true},
		{"cents per pound to dollars per pound", 490, "cents per pound", "dollars per pound", 4.9, 1, true},
		{"troy ounce to kilogram", 31.1034768, "dollars per troy ounce", "dollars per kilogram", 1000, 2, true},
		{"metric ton unit does not convert", 380, "dollars per dry metric ton unit of tungsten trioxide", "dollars per metric ton", 0, 0, false},
		{"contained metal does not convert", 660, "dollars per kilogram of contained beryllium", "dollars per kilogram", 0, 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, rules, ok := convertPrice(tt.v, tt.from, tt.to)
			if ok != tt.ok {
				t.Fatalf("ok = %v, want %v", ok, tt.ok)
			}
			if math.Abs(got-tt.want) > 1e-9*math.Max(1, tt.want) || len(rules) != tt.rules {
				t.Errorf("convertPrice(%v, %q, %q) = %v, %d rules; want %v, %d rules", tt.v, tt.from, tt.to, got, len(rules), tt.want, tt.rules)
			}
		})
	}
}

func TestAsksPriceLevelsAndRises(t *testing.T) {
	tests := []struct {
		name          string
		q             Query
		levels, rises bool
	}{
		{"most expensive", Query{Most: true, Terms: []string{"expensive"}}, true, false},
		{"más caro", Query{Terms: []string{"caro"}}, true, false},
		{"cheapest", Query{Cheaper: true, Terms: []string{"cheapest"}}, true, false},
		{"got more expensive in 2025", Query{Year: 2025, Terms: []string{"expensive", "2025"}}, false, true},
		{"qué minerales subieron", Query{Year: 2025, Direction: "up", WhichMinerals: true, Terms: []string{"subieron"}}, false, true},
		{"rose the most", Query{Year: 2025, Direction: "up", Most: true, Terms: []string{"rose"}}, false, false},
		{"subió más", Query{Year: 2025, Direction: "up", Terms: []string{"subio"}}, false, false},
		{"a mineral named", Query{Minerals: []string{"cobalt"}, Terms: []string{"expensive"}}, false, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := asksPriceLevels(tt.q); got != tt.levels {
				t.Errorf("asksPriceLevels = %v, want %v", got, tt.levels)
			}
			if got := asksPriceRises(tt.q); got != tt.rises {
				t.Errorf("asksPriceRises = %v, want %v", got, tt.rises)
			}
		})
	}
}
