package knowledge

import (
	"cmp"
	"slices"
	"strings"
	"sync"
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

// Ranking is a mineral's producers (or reserve holders) for one measure and year in one
// edition, largest first. Rankings never mix editions.
type Ranking struct {
	Mineral   string // the mineral whose table it is (a group for rare-earth elements and PGMs)
	Measure   string
	Year      int     // 0 for reserves
	Edition   Edition // the edition whose figures it ranks
	Unit      string
	World     *Figure // nil where USGS gives no world total
	Others    *Figure // "other countries", where printed
	Rows      []Share // countries listed by name with a known, non-zero value
	Unknown   []Figure
	Source    Source
	Estimated bool // any figure in it is an estimate
	Secondary bool // any figure in it is second-hand
	// Base is what shares are shares of: the world total, or, where USGS rounded the world
	// total below the sum of the countries it lists (gallium 2025e: 900,000 kg beside
	// China's 900,000 and 9,000 more), that sum, so that no share set adds up past 100%.
	Base float64
}

// OfListedSum reports whether the shares are of the countries' sum rather than of the
// printed world total, which is below it.
func (r Ranking) OfListedSum() bool { return r.HasShares() && r.Base > r.World.Value }

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

// FiguresOf returns the production and reserves figures of a mineral, or of its group, of
// every edition.
func (kb *KB) FiguresOf(mineral string) []Figure { return kb.figures[kb.TableOf(mineral)] }

// FiguresIn returns the production and reserves figures of a mineral, or of its group, that
// one edition prints.
func (kb *KB) FiguresIn(mineral string, ed Edition) []Figure {
	return inEdition(kb.FiguresOf(mineral), ed, func(f Figure) Edition { return f.Edition })
}

// FigureIn returns one figure of a mineral's table: a country's (or [World], [Others]) for a
// measure and year (0 for reserves) as one edition prints it.
func (kb *KB) FigureIn(mineral, measure, country string, year int, ed Edition) (Figure, bool) {
	figs := kb.FiguresOf(mineral)
	for i := range figs {
		if f := &figs[i]; f.Measure == measure && f.Country == country && f.Year == year && f.Edition == ed {
			return *f, true
		}
	}
	return Figure{}, false
}

// Measures returns the measures a mineral's table has, production before reserves and
// capacity, in the table's order otherwise.
//
// Like the other derived figures it is computed once per table; callers must not modify it.
func (kb *KB) Measures(mineral string) []string {
	table := kb.TableOf(mineral)
	return memo(kb, "measures", table, func() []string {
		var out []string
		for _, f := range kb.figures[table] {
			if !slices.Contains(out, f.Measure) {
				out = append(out, f.Measure)
			}
		}
		slices.SortStableFunc(out, func(a, b string) int { return cmp.Compare(measureOrder(a), measureOrder(b)) })
		return out
	})
}

// measureInfo is what a table says of one measure's editions and years.
type measureInfo struct {
	measure string
	newest  Edition  // the newest edition with the measure
	seen    []edYear // each edition and year with figures, once
}

// edYear is an edition and a year it has figures for. A measure has a handful: a slice
// takes a tenth of the memory of maps, which at 100,000 minerals was 55 MB.
type edYear struct {
	edition Edition
	year    int
}

// latestYear returns an edition's latest year (0 for reserves).
func (mi *measureInfo) latestYear(ed Edition) int {
	y := 0
	for _, s := range mi.seen {
		if s.edition == ed {
			y = max(y, s.year)
		}
	}
	return y
}

// editionWith returns the newest edition with figures for a year, or 0.
func (mi *measureInfo) editionWith(year int) Edition {
	var ed Edition
	for _, s := range mi.seen {
		if s.year == year {
			ed = max(ed, s.edition)
		}
	}
	return ed
}

// measureInfo returns what a mineral's table says of a measure's editions and years,
// computed once per table.
func (kb *KB) measureInfo(mineral, measure string) *measureInfo {
	table := kb.TableOf(mineral)
	infos := memo(kb, "measure-info", table, func() []measureInfo {
		var out []measureInfo
		for _, f := range kb.figures[table] {
			i := slices.IndexFunc(out, func(mi measureInfo) bool { return mi.measure == f.Measure })
			if i < 0 {
				i = len(out)
				out = append(out, measureInfo{measure: f.Measure})
			}
			mi := &out[i]
			mi.newest = max(mi.newest, f.Edition)
			if s := (edYear{f.Edition, f.Year}); !slices.Contains(mi.seen, s) {
				mi.seen = append(mi.seen, s)
			}
		}
		return out
	})
	for i := range infos {
		if infos[i].measure == measure {
			return &infos[i]
		}
	}
	return &measureInfo{}
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

// LatestYear returns the latest year with figures for a measure (0 for reserves) in the
// newest edition that has the measure.
func (kb *KB) LatestYear(mineral, measure string) int {
	return kb.LatestYearIn(mineral, measure, kb.LatestEdition(mineral, measure))
}

// LatestYearIn returns the latest year with figures for a measure (0 for reserves) in one
// edition.
func (kb *KB) LatestYearIn(mineral, measure string, ed Edition) int {
	return kb.measureInfo(mineral, measure).latestYear(ed)
}

// Rank computes a ranking of a mineral's table for a measure and year (0 for reserves) from
// the newest edition that has figures for that measure and year. The knowledge base does not
// change once loaded, so each ranking is computed once and kept; callers must not modify its
// rows.
func (kb *KB) Rank(mineral, measure string, year int) Ranking {
	return kb.RankIn(mineral, measure, year, kb.editionWith(mineral, measure, year))
}

// RankIn computes a ranking of a mineral's table for a measure and year (0 for reserves) from
// one edition's figures only. Like [KB.Rank], it is computed once and kept.
func (kb *KB) RankIn(mineral, measure string, year int, ed Edition) Ranking {
	return *kb.rankIn(mineral, measure, year, ed)
}

// rankIn is RankIn's ranking as kept, which country standings share.
func (kb *KB) rankIn(mineral, measure string, year int, ed Edition) *Ranking {
	key := rankKey{kb.TableOf(mineral), measure, year, ed}
	return kb.ranks.get(key, func() *Ranking { return kb.rank(key.table, measure, year, ed) })
}

type rankKey struct {
	table, measure string
	year           int
	edition        Edition
}

func (kb *KB) rank(mineral, measure string, year int, ed Edition) *Ranking {
	r := &Ranking{Mineral: kb.TableOf(mineral), Measure: measure, Year: year, Edition: ed}
	figs := kb.FiguresOf(mineral)
	for i := range figs {
		// World and Others point into the table, which does not change once loaded.
		f := &figs[i]
		if f.Measure != measure || f.Year != year || f.Edition != ed {
			continue
		}
		if r.Unit == "" {
			r.Unit, r.Source = f.Unit, f.Source
		}
		r.Estimated = r.Estimated || f.Estimated
		r.Secondary = r.Secondary || f.Secondary
		switch {
		case f.Country == World:
			r.World = f
		case f.Country == Others:
			r.Others = f
		case !f.Known():
			r.Unknown = append(r.Unknown, *f)
		case f.Value > 0:
			r.Rows = append(r.Rows, Share{Country: f.Country, Form: f.Form, Value: f.Value, AtLeast: f.AtLeast, Estimated: f.Estimated, Share: -1})
		}
	}
	slices.SortStableFunc(r.Rows, func(a, b Share) int {
		return cmp.Or(cmp.Compare(b.Value, a.Value), cmp.Compare(a.Country, b.Country))
	})
	if r.HasShares() {
		r.Base = r.World.Value
		listed := 0.0
		for _, row := range r.Rows {
			listed += row.Value
		}
		if r.Others != nil && r.Others.Known() {
			listed += r.Others.Value
		}
		r.Base = max(r.Base, listed)
	}
	for i := range r.Rows {
		r.Rows[i].Rank = i + 1
		if i > 0 && r.Rows[i].Value == r.Rows[i-1].Value {
			r.Rows[i].Rank = r.Rows[i-1].Rank
		}
		if r.HasShares() {
			r.Rows[i].Share = r.Rows[i].Value / r.Base
		}
	}
	return r
}

// PrimaryRanking returns the ranking most answers lead with: the first production measure of
// the mineral's table, in its latest year of the newest edition that has the measure. ok is
// false when the mineral has no country table.
func (kb *KB) PrimaryRanking(mineral string) (Ranking, bool) {
	return kb.primaryRanking(mineral, func(m string) Edition { return kb.LatestEdition(mineral, m) })
}

// PrimaryRankingIn is [KB.PrimaryRanking] from one edition's figures only: the first
// production measure that edition has, in its latest year.
func (kb *KB) PrimaryRankingIn(mineral string, ed Edition) (Ranking, bool) {
	return kb.primaryRanking(mineral, func(string) Edition { return ed })
}

func (kb *KB) primaryRanking(mineral string, edition func(measure string) Edition) (Ranking, bool) {
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
		ed := edition(m)
		r := kb.RankIn(mineral, m, kb.LatestYearIn(mineral, m, ed), ed)
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

// ReservesRanking returns the mineral's reserves ranking from the newest edition that has
// reserves, if its table has one.
func (kb *KB) ReservesRanking(mineral string) (Ranking, bool) {
	return kb.reservesRanking(mineral, func(m string) Edition { return kb.LatestEdition(mineral, m) })
}

// ReservesRankingIn is [KB.ReservesRanking] from one edition's figures only.
func (kb *KB) ReservesRankingIn(mineral string, ed Edition) (Ranking, bool) {
	return kb.reservesRanking(mineral, func(string) Edition { return ed })
}

func (kb *KB) reservesRanking(mineral string, edition func(measure string) Edition) (Ranking, bool) {
	for _, m := range kb.Measures(mineral) {
		if IsReserves(m) {
			r := kb.RankIn(mineral, m, 0, edition(m))
			if len(r.Rows) > 0 || r.World != nil {
				return r, true
			}
		}
	}
	return Ranking{}, false
}

// RelianceOf returns a mineral's U.S. net import reliance rows, by product then year, from
// the newest edition of each chapter that has any (magnesium metal from MCS 2026, magnesium
// compounds from MCS 2025, whose chapter the MCS 2026 extracts lack).
func (kb *KB) RelianceOf(mineral string) []Reliance {
	return memo(kb, "reliance", mineral, func() []Reliance {
		return newestPerChapter(kb.relianceRows(mineral), func(r Reliance) (Source, Edition) { return r.Source, r.Edition })
	})
}

// derivedKey names a mineral's derived rows of one kind.
type derivedKey struct{ kind, mineral string }

// memo returns a mineral's derived rows of one kind, computing them on first use: the
// knowledge base does not change once loaded. Callers must not modify the rows.
func memo[T any](kb *KB, kind, mineral string, compute func() []T) []T {
	return kb.derived.get(derivedKey{kind, mineral}, func() any { return compute() }).([]T)
}

// cache holds values computed once per key. At 100,000 minerals a sync.Map's entries took
// three times the memory of a map's.
type cache[K comparable, V any] struct {
	mu sync.RWMutex
	m  map[K]V
}

// get returns the value for key, computing it first if need be. Two goroutines may both
// compute it; both get the one that was kept.
func (c *cache[K, V]) get(key K, compute func() V) V {
	c.mu.RLock()
	v, ok := c.m[key]
	c.mu.RUnlock()
	if ok {
		return v
	}
	v = compute()
	c.mu.Lock()
	defer c.mu.Unlock()
	if kept, ok := c.m[key]; ok {
		return kept
	}
	if c.m == nil {
		c.m = make(map[K]V)
	}
	c.m[key] = v
	return v
}

// RelianceIn returns a mineral's U.S. net import reliance rows from one edition, by product
// then year.
func (kb *KB) RelianceIn(mineral string, ed Edition) []Reliance {
	return inEdition(kb.relianceRows(mineral), ed, relianceEdition)
}

func relianceEdition(r Reliance) Edition { return r.Edition }

// relianceRows returns a mineral's reliance rows of every edition: its own, or its group's.
func (kb *KB) relianceRows(mineral string) []Reliance {
	var out []Reliance
	for _, r := range kb.Reliance {
		if r.Mineral == kb.TableOf(mineral) || r.Mineral == mineral {
			out = append(out, r)
		}
	}
	return out
}

// RelianceSeries is one product's U.S. net import reliance year by year, from one edition.
type RelianceSeries struct {
	Mineral string
	Product string // empty for the commodity as a whole
	Edition Edition
	Source  Source
	Years   []Reliance // oldest first
}

// RelianceSeries returns a mineral's U.S. net import reliance series from the newest edition
// of each chapter that has any (2021–2025e in MCS 2026): one per product, in table order.
func (kb *KB) RelianceSeries(mineral string) []RelianceSeries {
	return relianceSeries(kb.RelianceOf(mineral))
}

// RelianceSeriesIn is RelianceSeries from one edition ("over time in the 2025 edition"); nil
// when that edition gives none.
func (kb *KB) RelianceSeriesIn(mineral string, ed Edition) []RelianceSeries {
	return relianceSeries(kb.RelianceIn(mineral, ed))
}

// relianceSeries groups reliance rows into one series per product, each oldest first.
func relianceSeries(rows []Reliance) []RelianceSeries {
	var out []RelianceSeries
	for _, r := range rows {
		i := slices.IndexFunc(out, func(s RelianceSeries) bool { return s.Product == r.Product && s.Mineral == r.Mineral })
		if i < 0 {
			out = append(out, RelianceSeries{Mineral: r.Mineral, Product: r.Product, Edition: r.Edition, Source: r.Source})
			i = len(out) - 1
		}
		out[i].Years = append(out[i].Years, r)
	}
	for i := range out {
		slices.SortStableFunc(out[i].Years, func(a, b Reliance) int { return cmp.Compare(a.Year, b.Year) })
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

// ImportSourcesOf returns the U.S. import sources of a mineral from the newest edition of
// each chapter that has any, grouped by product in table order.
func (kb *KB) ImportSourcesOf(mineral string) []ImportSource {
	return memo(kb, "import-sources", mineral, func() []ImportSource {
		table := kb.TableOf(mineral)
		var all []ImportSource
		for _, s := range kb.ImportSources {
			if s.Mineral == mineral || s.Mineral == table {
				all = append(all, s)
			}
		}
		return newestPerChapter(all, func(s ImportSource) (Source, Edition) { return s.Source, s.Edition })
	})
}

// EndUsesOf returns the U.S. end-use shares of a mineral from the newest edition that has
// any, largest first.
func (kb *KB) EndUsesOf(mineral string) []EndUse {
	return memo(kb, "end-uses", mineral, func() []EndUse {
		var all []EndUse
		for _, u := range kb.EndUses {
			if u.Mineral == mineral {
				all = append(all, u)
			}
		}
		out := newestPerChapter(all, func(u EndUse) (Source, Edition) { return u.Source, u.Edition })
		slices.SortStableFunc(out, func(a, b EndUse) int { return cmp.Compare(b.Percent, a.Percent) })
		return out
	})
}

// PricesOf returns the annual average prices of a mineral from the newest edition of each
// chapter that has any, by form in table order, then by year. A mineral with no prices of its own draws on its
// group's (the rare-earths chapter's mischmetal); a group also lists its members' (each
// rare-earth oxide). They are USGS annual averages and unit values, never market quotes.
// The slice is computed once per knowledge base and shared: callers must not modify it.
func (kb *KB) PricesOf(mineral string) []Price {
	return memo(kb, "prices", mineral, func() []Price { return kb.pricesOf(mineral) })
}

func (kb *KB) pricesOf(mineral string) []Price {
	ids := []string{mineral}
	if m, ok := kb.minerals[mineral]; ok {
		ids = append(ids, m.Members...)
		if m.Group != "" && !slices.ContainsFunc(kb.Prices, func(p Price) bool { return p.Mineral == mineral }) {
			ids = append(ids, m.Group)
		}
	}
	var all []Price
	for _, p := range kb.Prices {
		if slices.Contains(ids, p.Mineral) {
			all = append(all, p)
		}
	}
	out := newestPerChapter(all, func(p Price) (Source, Edition) { return p.Source, p.Edition })
	var forms []string
	for _, p := range out {
		if !slices.Contains(forms, p.Mineral+"\x00"+p.Form) {
			forms = append(forms, p.Mineral+"\x00"+p.Form)
		}
	}
	slices.SortStableFunc(out, func(a, b Price) int {
		return cmp.Or(cmp.Compare(slices.Index(forms, a.Mineral+"\x00"+a.Form), slices.Index(forms, b.Mineral+"\x00"+b.Form)), cmp.Compare(a.Year, b.Year))
	})
	return out
}

// LatestPrices returns, for each form [KB.PricesOf] gives, its price in the latest year with
// a known value.
func (kb *KB) LatestPrices(mineral string) []Price {
	var out []Price
	for _, p := range kb.PricesOf(mineral) {
		if !p.Known() {
			continue
		}
		i := slices.IndexFunc(out, func(q Price) bool { return q.Mineral == p.Mineral && q.Form == p.Form })
		switch {
		case i < 0:
			out = append(out, p)
		case p.Year > out[i].Year:
			out[i] = p
		}
	}
	return out
}

// Standing is a country's place in one mineral's ranking.
type Standing struct {
	Mineral string   // the table's mineral (a group id for rare earths and PGMs)
	Ranking *Ranking // shared by the standings of every country in the table
	Share   Share
}

// CountryStandings returns, for every mineral table that lists a country with a known
// production figure, its rank and share in the latest year of each production measure (in
// the newest edition that has the measure), largest share first. It is computed once per
// country; callers must not modify the result.
func (kb *KB) CountryStandings(country string) []Standing {
	kb.standingsOnce.Do(kb.indexStandings)
	return kb.standings[country]
}

// indexStandings ranks every table once and files each row under its country: one pass for
// all countries, where asking country by country walked every table each time.
func (kb *KB) indexStandings() {
	kb.standings = make(map[string][]Standing)
	for _, m := range kb.Minerals {
		if len(kb.figures[m.ID]) == 0 {
			continue
		}
		for _, measure := range kb.Measures(m.ID) {
			if IsReserves(measure) || IsCapacity(measure) {
				continue
			}
			year := kb.LatestYear(m.ID, measure)
			r := kb.rankIn(m.ID, measure, year, kb.editionWith(m.ID, measure, year))
			for _, s := range r.Rows {
				kb.standings[s.Country] = append(kb.standings[s.Country], Standing{Mineral: m.ID, Ranking: r, Share: s})
			}
		}
	}
	for _, st := range kb.standings {
		slices.SortStableFunc(st, func(a, b Standing) int {
			return cmp.Or(cmp.Compare(a.Share.Rank, b.Share.Rank), cmp.Compare(b.Share.Share, a.Share.Share))
		})
	}
}

// WarmUp computes now what answers would otherwise compute on first use (country standings
// and the rankings they need), so that no question pays for it.
func (kb *KB) WarmUp() { kb.standingsOnce.Do(kb.indexStandings) }

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
