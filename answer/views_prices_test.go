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
