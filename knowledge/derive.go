package knowledge

import (
	"cmp"
	"slices"
	"strings"
)

// Derived figures: everything in this file is computed from the tables, never typed. Answers
// label them as derived.

// Share is one country's standing in a [Ranking].
type Share struct {
	Country   string
	Form      string // what the figure counts, where it differs from the table's unit
	Value     float64
	AtLeast   bool
	Estimated bool
	// Share is the country's fraction of the world total, or -1 where USGS gives no world
	// total to divide by.
	Share float64
	// Rank is the position among the countries the table lists by name (1 = largest).
	// Countries with equal values share a rank.
	Rank int
}

// Ranking is a mineral's producers (or reserve holders) for one measure and year, largest
// first.
type Ranking struct {
	Mineral   string // the mineral whose table it is (a group for rare-earth elements and PGMs)
	Measure   string
	Year      int // 0 for reserves
	Unit      string
	World     *Figure // nil where USGS gives no world total
	Others    *Figure // "other countries", where printed
	Rows      []Share // countries listed by name with a known, non-zero value
	Unknown   []Figure
	Source    Source
	Estimated bool // any figure in it is an estimate
	Secondary bool // any figure in it is second-hand
}

// HasShares reports whether shares of a world total can be given.
func (r Ranking) HasShares() bool { return r.World != nil && r.World.Known() && r.World.Value > 0 }

// Top returns up to n leading rows.
func (r Ranking) Top(n int) []Share { return r.Rows[:min(n, len(r.Rows))] }

// TopShare returns the combined share of the n leading producers, or -1 without shares.
func (r Ranking) TopShare(n int) float64 {
	if !r.HasShares() {
		return -1
	}
	var s float64
	for _, row := range r.Top(n) {
		s += row.Share
	}
	return s
}

// ShareOf returns a country's row, if the table lists it with a known value.
func (r Ranking) ShareOf(country string) (Share, bool) {
	for _, s := range r.Rows {
		if s.Country == country {
			return s, true
		}
	}
	return Share{}, false
}

// HHI is the Herfindahl–Hirschman index of the ranking, on the 0–10,000 scale, from the
// countries listed by name (each share in percent, squared and summed). "Other countries" are
// left out, so the index is a lower bound. It is -1 without shares.
func (r Ranking) HHI() float64 {
	if !r.HasShares() {
		return -1
	}
	var h float64
	for _, s := range r.Rows {
		p := s.Share * 100
		h += p * p
	}
	return h
}

// TableOf returns the id of the mineral whose tables hold a mineral's figures: its own, or
// its group's for members of a group such as the rare-earth elements.
func (kb *KB) TableOf(mineral string) string {
	if len(kb.figures[mineral]) == 0 {
		if m, ok := kb.minerals[mineral]; ok && m.Group != "" {
			return m.Group
		}
	}
	return mineral
}

// FiguresOf returns the production and reserves figures of a mineral, or of its group.
func (kb *KB) FiguresOf(mineral string) []Figure { return kb.figures[kb.TableOf(mineral)] }

// Measures returns the measures a mineral's table has, production before reserves and
// capacity, in the table's order otherwise.
func (kb *KB) Measures(mineral string) []string {
	var out []string
	for _, f := range kb.FiguresOf(mineral) {
		if !slices.Contains(out, f.Measure) {
			out = append(out, f.Measure)
		}
	}
	slices.SortStableFunc(out, func(a, b string) int { return cmp.Compare(measureOrder(a), measureOrder(b)) })
	return out
}

func measureOrder(m string) int {
	switch {
	case strings.Contains(m, "capacity"):
		return 2
	case strings.Contains(m, "reserves"):
		return 1
	}
	return 0
}

// IsReserves reports whether a measure is a reserves measure.
func IsReserves(measure string) bool { return strings.Contains(measure, "reserves") }

// IsCapacity reports whether a measure is a capacity measure.
func IsCapacity(measure string) bool { return strings.Contains(measure, "capacity") }

// LatestYear returns the latest year with figures for a measure (0 for reserves).
func (kb *KB) LatestYear(mineral, measure string) int {
	y := 0
	for _, f := range kb.FiguresOf(mineral) {
		if f.Measure == measure && f.Year > y {
			y = f.Year
		}
	}
	return y
}

// Rank computes a ranking of a mineral's table for a measure and year (0 for reserves). The
// knowledge base does not change once loaded, so each ranking is computed once and kept;
// callers must not modify its rows.
func (kb *KB) Rank(mineral, measure string, year int) Ranking {
	key := rankKey{kb.TableOf(mineral), measure, year}
	if r, ok := kb.ranks.Load(key); ok {
		return r.(Ranking)
	}
	r := kb.rank(key.table, measure, year)
	kb.ranks.Store(key, r)
	return r
}

type rankKey struct {
	table, measure string
	year           int
}

func (kb *KB) rank(mineral, measure string, year int) Ranking {
	r := Ranking{Mineral: kb.TableOf(mineral), Measure: measure, Year: year}
	for _, f := range kb.FiguresOf(mineral) {
		if f.Measure != measure || f.Year != year {
			continue
		}
		if r.Unit == "" {
			r.Unit, r.Source = f.Unit, f.Source
		}
		r.Estimated = r.Estimated || f.Estimated
		r.Secondary = r.Secondary || f.Secondary
		switch {
		case f.Country == World:
			r.World = &f
		case f.Country == Others:
			r.Others = &f
		case !f.Known():
			r.Unknown = append(r.Unknown, f)
		case f.Value > 0:
			r.Rows = append(r.Rows, Share{Country: f.Country, Form: f.Form, Value: f.Value, AtLeast: f.AtLeast, Estimated: f.Estimated, Share: -1})
		}
	}
	slices.SortStableFunc(r.Rows, func(a, b Share) int {
		return cmp.Or(cmp.Compare(b.Value, a.Value), cmp.Compare(a.Country, b.Country))
	})
	for i := range r.Rows {
		r.Rows[i].Rank = i + 1
		if i > 0 && r.Rows[i].Value == r.Rows[i-1].Value {
			r.Rows[i].Rank = r.Rows[i-1].Rank
		}
		if r.HasShares() {
			r.Rows[i].Share = r.Rows[i].Value / r.World.Value
		}
	}
	return r
}

// PrimaryRanking returns the ranking most answers lead with: the first production measure of
// the mineral's table in its latest year. ok is false when the mineral has no country table.
func (kb *KB) PrimaryRanking(mineral string) (Ranking, bool) {
	measures := kb.Measures(mineral)
	// A member of a group whose table has a measure of its own (platinum in the PGM table)
	// leads with it.
	if own := OwnMeasure(measures, mineral); own != "" {
		measures = append([]string{own}, measures...)
	}
	for _, m := range measures {
		if IsReserves(m) || IsCapacity(m) {
			continue
		}
		r := kb.Rank(mineral, m, kb.LatestYear(mineral, m))
		if len(r.Rows) > 0 {
			return r, true
		}
	}
	return Ranking{}, false
}

// OwnMeasure returns the measure of a group's table that is a member's own
// ("mine_production_platinum" for platinum), if there is one.
func OwnMeasure(measures []string, member string) string {
	for _, m := range measures {
		if strings.HasSuffix(m, "_"+member) {
			return m
		}
	}
	return ""
}

// ReservesRanking returns the mineral's reserves ranking, if its table has one.
func (kb *KB) ReservesRanking(mineral string) (Ranking, bool) {
	for _, m := range kb.Measures(mineral) {
		if IsReserves(m) {
			r := kb.Rank(mineral, m, 0)
			if len(r.Rows) > 0 || r.World != nil {
				return r, true
			}
		}
	}
	return Ranking{}, false
}

// RelianceOf returns a mineral's U.S. net import reliance rows, by product then year.
func (kb *KB) RelianceOf(mineral string) []Reliance {
	var out []Reliance
	for _, r := range kb.Reliance {
		if r.Mineral == kb.TableOf(mineral) || r.Mineral == mineral {
			out = append(out, r)
		}
	}
	return out
}

// LatestReliance returns the latest net import reliance of a mineral as a whole (or of its
// first product where USGS splits it), if any.
func (kb *KB) LatestReliance(mineral string) (Reliance, bool) {
	rows := kb.RelianceOf(mineral)
	if len(rows) == 0 {
		return Reliance{}, false
	}
	product := rows[0].Product
	for _, r := range rows {
		if r.Product == "" || strings.EqualFold(r.Product, "total") {
			product = r.Product
			break
		}
	}
	var best Reliance
	for _, r := range rows {
		if r.Product == product && r.Year >= best.Year {
			best = r
		}
	}
	return best, true
}

// ImportSourcesOf returns the U.S. import sources of a mineral, grouped by product in table
// order.
func (kb *KB) ImportSourcesOf(mineral string) []ImportSource {
	var out []ImportSource
	for _, s := range kb.ImportSources {
		if s.Mineral == mineral || (s.Mineral == kb.TableOf(mineral) && s.Mineral != mineral) {
			out = append(out, s)
		}
	}
	return out
}

// EndUsesOf returns the U.S. end-use shares of a mineral, largest first.
func (kb *KB) EndUsesOf(mineral string) []EndUse {
	var out []EndUse
	for _, u := range kb.EndUses {
		if u.Mineral == mineral {
			out = append(out, u)
		}
	}
	slices.SortStableFunc(out, func(a, b EndUse) int { return cmp.Compare(b.Percent, a.Percent) })
	return out
}

// Standing is a country's place in one mineral's ranking.
type Standing struct {
	Mineral string // the table's mineral (a group id for rare earths and PGMs)
	Ranking Ranking
	Share   Share
}

// CountryStandings returns, for every mineral table that lists a country with a known
// production figure, its rank and share in the latest year of each production measure,
// largest share first.
func (kb *KB) CountryStandings(country string) []Standing {
	var out []Standing
	for _, m := range kb.Minerals {
		if len(kb.figures[m.ID]) == 0 {
			continue
		}
		for _, measure := range kb.Measures(m.ID) {
			if IsReserves(measure) || IsCapacity(measure) {
				continue
			}
			r := kb.Rank(m.ID, measure, kb.LatestYear(m.ID, measure))
			if s, ok := r.ShareOf(country); ok {
				out = append(out, Standing{Mineral: m.ID, Ranking: r, Share: s})
			}
		}
	}
	slices.SortStableFunc(out, func(a, b Standing) int {
		return cmp.Or(cmp.Compare(a.Share.Rank, b.Share.Rank), cmp.Compare(b.Share.Share, a.Share.Share))
	})
	return out
}

// measureLabels names the measures whose words do not read well in table order.
var measureLabels = map[string]string{
	"mine_production_platinum":           "platinum mine production",
	"mine_production_palladium":          "palladium mine production",
	"reserves_pgm":                       "PGM reserves",
	"mine_production_usable_ore":         "mine production (usable ore)",
	"mine_production_iron_content":       "mine production (iron content)",
	"reserves_crude_ore":                 "reserves (crude ore)",
	"reserves_iron_content":              "reserves (iron content)",
	"reserves_k2o_equivalent":            "reserves (K2O equivalent)",
	"reserves_recoverable_ore":           "reserves (recoverable ore)",
	"production_ferrosilicon":            "ferrosilicon production",
	"production_silicon_metal":           "silicon metal production",
	"production_arsenic_trioxide":        "arsenic trioxide production",
	"refinery_capacity_arsenic_trioxide": "arsenic trioxide refinery capacity",
	"production_all_forms":               "production (all forms)",
	"primary_low_purity_production":      "primary low-purity production",
	"sponge_production":                  "sponge production",
	"capacity_sponge":                    "sponge capacity",
	"capacity_pigment":                   "pigment capacity",
	"smelter_capacity_yearend":           "smelter capacity (year end)",
	"metal_smelter_production":           "metal smelter production",
	"metal_smelter_capacity":             "metal smelter capacity",
	"magnesite_mine_production":          "magnesite mine production",
	"magnesite_reserves":                 "magnesite reserves",
}

// MeasureLabel returns a measure's name for people: "mine production", "PGM reserves".
func MeasureLabel(measure string) string {
	if l, ok := measureLabels[measure]; ok {
		return l
	}
	return strings.ReplaceAll(measure, "_", " ")
}
