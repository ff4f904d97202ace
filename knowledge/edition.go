package knowledge

import (
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Edition is the edition of the USGS Mineral Commodity Summaries (MCS) a figure comes from,
// named by its year of publication: MCS 2026 (February 2026) gives figures up to 2025, most of
// its 2025 ones estimated. Each edition also revises the years before it, so the same country,
// measure and year may have a different figure in each edition; the knowledge base keeps them
// side by side and never mixes editions in one ranking or trend.
type Edition int

// The editions the knowledge base holds.
const (
	MCS2025 Edition = 2025
	MCS2026 Edition = 2026
)

// editionPattern finds the edition year in a table's edition column: "USGS Mineral Commodity
// Summaries 2026", "MCS 2026".
var editionPattern = regexp.MustCompile(`(?i)\b(?:mineral commodity summaries|mcs)\s*(\d{4})\b`)

// ParseEdition reads the edition a table's edition text names ("USGS Mineral Commodity
// Summaries 2026", "MCS 2025 (figures quoted second-hand)"). ok is false when it names none.
func ParseEdition(text string) (Edition, bool) {
	m := editionPattern.FindStringSubmatch(text)
	if m == nil {
		return 0, false
	}
	y, _ := strconv.Atoi(m[1])
	if y < 1990 || y > 2100 {
		return 0, false
	}
	return Edition(y), true
}

// String returns the edition's short name: "MCS 2026".
func (e Edition) String() string {
	if e == 0 {
		return ""
	}
	return "MCS " + strconv.Itoa(int(e))
}

// Title returns the edition's full name: "USGS Mineral Commodity Summaries 2026".
func (e Edition) Title() string {
	if e == 0 {
		return ""
	}
	return "USGS Mineral Commodity Summaries " + strconv.Itoa(int(e))
}

// ChapterURL is a chapter's PDF in this edition:
// https://pubs.usgs.gov/periodicals/mcs2026/mcs2026-<slug>.pdf.
func (e Edition) ChapterURL(slug string) string {
	y := strconv.Itoa(int(e))
	return "https://pubs.usgs.gov/periodicals/mcs" + y + "/mcs" + y + "-" + slug + ".pdf"
}

// DataYear is the latest year an edition gives figures for, mostly estimates: 2025 for MCS
// 2026.
func (e Edition) DataYear() int { return int(e) - 1 }

// FirstYear is the earliest year an edition's tables give figures for: its salient statistics
// cover five years, 2021–2025 in MCS 2026.
func (e Edition) FirstYear() int { return int(e) - 5 }

// Editions returns the editions the knowledge base holds figures from, oldest first.
func (kb *KB) Editions() []Edition { return slices.Clone(kb.editions) }

// LatestEdition returns the newest edition holding any figure of a mineral's table (see
// [KB.TableOf]) for a measure, or 0 when there is none.
func (kb *KB) LatestEdition(mineral, measure string) Edition {
	return kb.measureInfo(mineral, measure).newest
}

// editionWith returns the newest edition with figures for a measure and year (0 for
// reserves) in a mineral's table, or 0.
func (kb *KB) editionWith(mineral, measure string, year int) Edition {
	return kb.measureInfo(mineral, measure).editionWith(year)
}

// chapterOf names the USGS chapter a source cites, the same in every edition:
// "magnesium-metal" for .../mcs2026/mcs2026-magnesium-metal.pdf; any other URL names itself.
func chapterOf(s Source) string {
	base := path.Base(s.URL)
	// "mcs" and four digits, then "-": the edition part of the file name.
	if len(base) > len("mcs2026-") && strings.HasPrefix(base, "mcs") && base[7] == '-' &&
		strings.Trim(base[3:7], "0123456789") == "" {
		return strings.TrimSuffix(base[8:], ".pdf")
	}
	return s.URL
}

// newestPerChapter keeps, of the items, those of the newest edition of each USGS chapter
// they cite, in their order. An edition updates a chapter as a whole, so a figure from an
// older edition stays only where the newer edition has nothing from that chapter (MCS 2026
// has no magnesium-compounds chapter in the project's extracts: MCS 2025's stays).
func newestPerChapter[T any](items []T, source func(T) (Source, Edition)) []T {
	newest := make(map[string]Edition)
	for _, x := range items {
		s, ed := source(x)
		c := chapterOf(s)
		newest[c] = max(newest[c], ed)
	}
	var out []T
	for _, x := range items {
		if s, ed := source(x); ed == newest[chapterOf(s)] {
			out = append(out, x)
		}
	}
	return out
}

// inEdition returns the items of one edition, in their order.
func inEdition[T any](items []T, ed Edition, edition func(T) Edition) []T {
	var out []T
	for _, x := range items {
		if edition(x) == ed {
			out = append(out, x)
		}
	}
	return out
}
