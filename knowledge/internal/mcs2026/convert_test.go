package main

import "testing"

func TestValue(t *testing.T) {
	tests := []struct{ in, v, note string }{
		{"1,270", "1270", ""},
		{"—", "0", ""},
		{">2,000,000", ">2000000", ""},
		{"W", "W", ""},
		{"NA", "NA", ""},
		{"Small", "small", ""},
		{"( )", "NA", "included in the world total"},
		{"0.5", "0.5", ""},
	}
	for _, tt := range tests {
		v, note, ok := value(tt.in)
		if !ok || v != tt.v || note != tt.note {
			t.Errorf("value(%q) = %q, %q, %v; want %q, %q", tt.in, v, note, ok, tt.v, tt.note)
		}
	}
	for _, in := range []string{"XX", "", "about 19000", "12x"} {
		if v, _, ok := value(in); ok {
			t.Errorf("value(%q) = %q, want no figure", in, v)
		}
	}
}

func TestPriceForm(t *testing.T) {
	tests := []struct{ label, unit, form string }{
		{"Price, bullion, average, dollars per troy ounce", "dollars per troy ounce", "bullion, average"},
		{"Price, average unit value of imports, cost, insurance, and freight, dollars per metric ton: Acid grade", "dollars per metric ton",
			"Acid grade (average unit value of imports, cost, insurance, and freight)"},
		{"Price: Chromite ore (gross weight), dollars per metric ton", "dollars per metric ton", "Chromite ore (gross weight)"},
		{"Price, dollars per troy ounce: Palladium", "dollars per troy ounce", "Palladium"},
	}
	for _, tt := range tests {
		if form, unit := priceForm(tt.label, tt.unit); form != tt.form || unit != tt.unit {
			t.Errorf("priceForm(%q) = %q, %q; want %q", tt.label, form, unit, tt.form)
		}
	}
}

func TestPriceMineral(t *testing.T) {
	for _, tt := range []struct{ chapter, form, want string }{
		{"rare-earths", "Neodymium oxide, 99.5% minimum (average)", "neodymium"},
		{"rare-earths", "Neodymium-praseodymium (NdPr) oxide, 99% minimum (average)", "rare-earths"},
		{"platinum-group", "Rhodium", "rhodium"},
		{"zirconium-hafnium", "Hafnium, unwrought", "hafnium"},
	} {
		if got, _ := priceMineral(tt.chapter, tt.form); got != tt.want {
			t.Errorf("priceMineral(%q, %q) = %q, want %q", tt.chapter, tt.form, got, tt.want)
		}
	}
}
