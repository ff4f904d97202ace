package answer

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// number formats a figure with thousands separators: 60000 → "60,000", 2.5 → "2.5".
func number(v float64) string {
	if v != math.Trunc(v) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	s := strconv.FormatInt(int64(v), 10)
	var b strings.Builder
	for i, r := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// printed is a figure as USGS printed it, with thousands separators where it is a plain
// number ("4100" → "4,100", "1234.5" → "1,234.5"); anything else ("W", ">50", "10–20") is
// left as printed.
func printed(s string) string {
	whole, frac, hasFrac := strings.Cut(s, ".")
	if len(whole) < 4 || strings.Trim(whole, "0123456789") != "" || hasFrac && strings.Trim(frac, "0123456789") != "" {
		return s
	}
	v, err := strconv.ParseInt(whole, 10, 64)
	if err != nil {
		return s
	}
	if hasFrac {
		return number(float64(v)) + "." + frac
	}
	return number(float64(v))
}

// formLabel is a price's form inside parentheses: a closing parenthetical of its own becomes
// a comma, "Germanium metal (annual average)" → "Germanium metal, annual average".
func formLabel(form string) string {
	if i := strings.LastIndex(form, " ("); i > 0 && strings.HasSuffix(form, ")") && !strings.Contains(form[i+2:len(form)-1], "(") {
		return form[:i] + ", " + form[i+2:len(form)-1]
	}
	return form
}

// percent formats a fraction as a percentage: 0.6 → "60%", 0.008 → "0.8%", 0.0004 → "<0.1%".
func percent(f float64) string {
	p := f * 100
	switch {
	case p > 0 && p < 0.1:
		return "<0.1%"
	case p < 9.95:
		return strconv.FormatFloat(math.Round(p*10)/10, 'f', -1, 64) + "%"
	}
	return strconv.FormatFloat(math.Round(p), 'f', 0, 64) + "%"
}

// yearLabel is "2024e" for an estimate, "2024" otherwise.
func yearLabel(year int, estimated bool) string {
	if year == 0 {
		return ""
	}
	if estimated {
		return strconv.Itoa(year) + "e"
	}
	return strconv.Itoa(year)
}

// figureValue formats one share row's value: "60,000", ">1,000".
func figureValue(s knowledge.Share) string {
	v := number(s.Value)
	if s.AtLeast {
		v = ">" + v
	}
	return v
}

// dataNote says where a ranking comes from: "USGS Mineral Commodity Summaries 2025, 2024
// estimates; metric tons, antimony content. Shares and ranks derived by mineralbot."
func (e *snap) dataNote(r knowledge.Ranking) string {
	key := noteKey{r.Mineral, r.Measure, r.Year, r.Edition, e.lang}
	if n, ok := e.notes.Load(key); ok {
		return n.(string)
	}
	n := e.makeDataNote(r)
	e.notes.Store(key, n)
	return n
}

// noteKey names a ranking's data note: one per table, measure, year, edition and language.
type noteKey struct {
	mineral, measure string
	year             int
	edition          knowledge.Edition
	lang             Lang
}

func (e *snap) makeDataNote(r knowledge.Ranking) string {
	var b strings.Builder
	b.WriteString(r.Source.Edition)
	switch {
	case r.Year == 0:
	case r.Estimated:
		b.WriteString(", " + e.f("%s estimates", strconv.Itoa(r.Year)))
	default:
		b.WriteString(", " + e.f("%s data", strconv.Itoa(r.Year)))
	}
	if r.Unit != "" {
		b.WriteString("; " + e.t(r.Unit))
	}
	b.WriteString(". " + e.t("Shares and ranks are derived by mineralbot from the table."))
	switch {
	case r.OfListedSum() && r.World.AtLeast:
		b.WriteString(" " + e.t("USGS gives the world total only as a lower bound, so shares are of the sum of the countries it lists."))
	case r.OfListedSum():
		b.WriteString(" " + e.t("USGS rounds the world total below the sum of the countries it lists, so shares are of that sum."))
	}
	if r.Secondary {
		b.WriteString(" " + e.t("Figures quoted second-hand; not yet checked against the primary chapter."))
	}
	return b.String()
}

// relianceText formats a net import reliance row for people.
func (e *snap) relianceText(r knowledge.Reliance) string {
	switch {
	case r.NetExporter():
		return e.t("net exporter")
	case r.Printed == "NA":
		return e.t("not available")
	}
	p := r.Printed
	switch {
	case strings.HasPrefix(p, ">"):
		return e.f("more than %s", p[1:]+"%")
	case strings.HasPrefix(p, "<"):
		return e.f("less than %s", p[1:]+"%")
	}
	return p + "%"
}

// A vintaged name is one item of a list of figures with the year and edition its figure is
// from: lists built across tables (a country's leads, the minerals the U.S. imports all of)
// take each table's newest edition, which need not be the same one.
type vintaged struct {
	name, year string
	edition    knowledge.Edition
}

// mixedVintages reports whether a list's figures come from more than one year or edition.
func mixedVintages(items []vintaged) bool {
	for _, x := range items[min(1, len(items)):] {
		if x.year != items[0].year || x.edition != items[0].edition {
			return true
		}
	}
	return false
}

// byVintage names a list's items grouped by the year and edition of their figures, each
// group labelled: "gallium (99%) and magnesium (86%) (2025e, USGS MCS 2026); silicon (85%)
// (2024, USGS MCS 2025)"; total counts them all, those not named said as a number.
func (e *snap) byVintage(items []vintaged, total int) string {
	type group struct {
		year    string
		edition knowledge.Edition
		names   []string
	}
	var gs []group
	for _, x := range items {
		j := slices.IndexFunc(gs, func(g group) bool { return g.year == x.year && g.edition == x.edition })
		if j < 0 {
			j = len(gs)
			gs = append(gs, group{year: x.year, edition: x.edition})
		}
		gs[j].names = append(gs[j].names, x.name)
	}
	parts := make([]string, len(gs))
	for i, g := range gs {
		label := source(g.edition)
		if g.year != "" {
			label = g.year + ", " + label
		}
		parts[i] = e.and(g.names) + " (" + label + ")"
	}
	if total > len(items) {
		parts = append(parts, e.f("and %s more", itoa(total-len(items))))
	}
	return strings.Join(parts, "; ")
}
