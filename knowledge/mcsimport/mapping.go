package mcsimport

import (
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Mapping says how the names of a data release map to the knowledge base. [DefaultMapping]
// holds what is known of the MCS 2026 release; a later edition that renames a chapter or a
// statistic needs an entry here, not new code.
type Mapping struct {
	// Chapters maps a chapter, by its folded "MCS chapter" name ("platinum group metals"), to
	// the record it feeds. A chapter not listed here feeds the mineral whose id is its folded
	// name with dashes ("rare earths" → rare-earths), if there is one, and is skipped otherwise.
	Chapters map[string]Chapter
	// Measures renames a measure of a mineral: (mineral, measure derived from
	// Statistics_detail) → the measure the knowledge base uses.
	Measures map[[2]string]string
	// Countries maps a folded USGS country name to a country id, for names that are neither a
	// name nor an alias in tables/countries.csv.
	Countries map[string]string
}

// Chapter is where a chapter's rows go.
type Chapter struct {
	Mineral string // the mineral record's id; empty to skip the chapter
	Slug    string // the chapter's PDF name: https://pubs.usgs.gov/periodicals/mcsYYYY/mcsYYYY-<Slug>.pdf
	// MeasurePrefix is put before every measure, where two chapters feed one mineral
	// (magnesium: "magnesite_" for compounds, "metal_" for the metal).
	MeasurePrefix string
	// Product is the import-reliance product of the whole chapter (magnesium: "compounds").
	Product string
}

// DefaultMapping returns the mapping for the MCS data releases as of the 2026 edition.
func DefaultMapping() *Mapping {
	return &Mapping{
		Chapters: map[string]Chapter{
			"platinum group metals":         {Mineral: "platinum-group-metals", Slug: "platinum-group"},
			"graphite natural":              {Mineral: "graphite", Slug: "graphite"},
			"zirconium and hafnium":         {Mineral: "zirconium", Slug: "zirconium-hafnium"},
			"magnesium compounds":           {Mineral: "magnesium", Slug: "magnesium-compounds", MeasurePrefix: "magnesite_", Product: "compounds"},
			"magnesium metal":               {Mineral: "magnesium", Slug: "magnesium-metal", MeasurePrefix: "metal_", Product: "metal"},
			"titanium and titanium dioxide": {Mineral: "titanium", Slug: "titanium"},
		},
		Measures: map[[2]string]string{
			// The 2026 release calls it "Primary production" under "World Low-Purity
			// Production"; MCS 2025's table named the measure after the title.
			{"gallium", "primary_production"}: "primary_low_purity_production",
		},
		Countries: map[string]string{
			"world":               knowledge.World,
			"world total":         knowledge.World,
			"world total rounded": knowledge.World,
			"other":               knowledge.Others,
			"other countries":     knowledge.Others,
			"korea republic of":   "south-korea",
			"korea north":         "north-korea",
		},
	}
}

// chapter returns where a chapter's rows go, and whether it feeds a mineral at all.
func (m *Mapping) chapter(name string, minerals map[string]bool) (Chapter, bool) {
	key := knowledge.Normalize(name)
	if c, ok := m.Chapters[key]; ok {
		return c, c.Mineral != "" && minerals[c.Mineral]
	}
	id := strings.ReplaceAll(key, " ", "-")
	if minerals[id] {
		return Chapter{Mineral: id, Slug: id}, true
	}
	return Chapter{}, false
}

// measure turns a Statistics_detail ("Mine production: rounded", "Reserves") into a measure
// name (mine_production, reserves).
func (m *Mapping) measure(c Chapter, detail, statistic string) string {
	if strings.TrimSpace(detail) == "" {
		detail = statistic
	}
	s := snake(stripRounded(detail))
	if s == "" {
		return ""
	}
	s = c.MeasurePrefix + s
	if r, ok := m.Measures[[2]string{c.Mineral, s}]; ok {
		return r
	}
	return s
}

// stripRounded drops the ": rounded" that world totals carry ("Mine production: rounded").
func stripRounded(s string) string {
	s = strings.TrimSpace(s)
	for _, suf := range []string{": rounded", ", rounded", " (rounded)", " rounded"} {
		if len(s) > len(suf) && strings.EqualFold(s[len(s)-len(suf):], suf) {
			return strings.TrimSpace(s[:len(s)-len(suf)])
		}
	}
	return s
}

// snake folds a label to a measure name: "Mine production, iron content" →
// mine_production_iron_content.
func snake(s string) string {
	return strings.ReplaceAll(knowledge.Normalize(s), " ", "_")
}
