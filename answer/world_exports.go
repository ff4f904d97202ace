package answer

import (
	"slices"
	"strconv"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Words of questions whether a country leads a mineral's exports.
var (
	worldExportWords = set("export", "exports", "exported", "exporter", "exporters", "exporting",
		"exporta", "exportan", "exportador", "exportadores", "exportaciones", "exportacion")
	// notWorldExports are words that make an export question one about something else: the
	// U.S.'s trade ("net exporter", imports) or a policy (export controls, bans).
	notWorldExports = set("net", "neto", "import", "imports", "importer", "importador", "importaciones",
		"control", "controls", "controles", "controlled", "restrict", "restricts", "restricted", "restriction",
		"restrictions", "ban", "bans", "banned", "prohibicion", "prohibe", "restringe", "restricciones",
		"license", "licenses", "licencias", "quota", "quotas", "cuota", "cuotas", "tariff", "tariffs", "arancel", "aranceles")
)

// worldExports answers a yes/no question whether a country (not the U.S.) leads, or takes
// part in, a mineral's exports: "is Mexico the leader in silver exports?", "is Mexico the top
// exporter of fluorspar?", "¿es México el mayor exportador de plata?". The tables hold no
// world export figures, so the answer says so, then what they hold that is closest: the
// country's share and rank among the sources of U.S. imports of the mineral, and its rank in
// world production. Nil when the question is not one.
func (e *snap) worldExports(q Query) *Answer {
	if !q.YesNo || len(q.Minerals) != 1 || len(q.Countries) != 1 || q.Countries[0] == "united-states" ||
		len(q.Policies) > 0 || q.Measure == MeasurePolicy || q.Importer != "" {
		return nil
	}
	if !hasAny(q.Terms, worldExportWords) || hasAny(q.Terms, notWorldExports) {
		return nil
	}
	m, ok := e.mineral(q)
	if !ok {
		return nil
	}
	country := q.Countries[0]
	what := strings.ToLower(e.mineralName(m))
	a := &Answer{Intent: IntentRisk, Record: e.mineralRef(m), Title: e.f("Where U.S. imports of %s come from", what)}
	head := e.t("The knowledge base holds no world export figures, only the sources of U.S. imports.")
	srcs := e.kb.ImportSourcesOf(m.ID)
	var imports string
	if len(srcs) == 0 {
		imports = e.f("USGS gives no U.S. import sources for %s in the chapters this knowledge base holds.", what)
	} else {
		product := importProduct(srcs, m, q.Terms)
		if product != "" {
			what = e.productName(m, product)
		}
		imports = e.f("%s is not among the sources USGS lists for U.S. imports of %s.", capitalize(e.countryAfterIn(country)), what)
		for _, x := range srcs {
			if x.Country != country || x.Product != product {
				continue
			}
			rank, ahead := importRank(srcs, x)
			place := e.t("the largest source")
			if rank > 1 {
				place = e.rankAfter(rank, ahead)
			}
			imports = e.f("%s supplied %s of U.S. imports of %s in %s, %s (%s).", capitalize(e.countryAfterIn(country)),
				x.Printed+"%", what, x.Period, place, source(x.Edition))
			break
		}
		if s, ok := e.importSourcesSection(m, "", Query{Terms: q.Terms}); ok {
			s.Text = ""
			a.Sections = append(a.Sections, s)
		}
		a.Sources = appendSource(a.Sources, srcs[0].Source)
	}
	a.Headline = sentences(head, imports, e.productionPlace(m, country))
	return a
}

// productionPlace is a short sentence of a country's rank in a mineral's world production:
// "It ranked #1 of 14 in world mine production of silver in 2025e (24% of the world)."; ""
// when the table does not list it.
func (e *snap) productionPlace(m *knowledge.Mineral, country string) string {
	r, ok := e.kb.PrimaryRanking(m.ID)
	if !ok {
		return ""
	}
	i := slices.IndexFunc(r.Rows, func(x knowledge.Share) bool { return x.Country == country })
	if i < 0 {
		return ""
	}
	row := r.Rows[i]
	rank := e.f("#%s of %s", strconv.Itoa(row.Rank), strconv.Itoa(len(r.Rows)))
	share := ""
	if row.Share >= 0 {
		share = " (" + percent(row.Share) + " " + e.t("of the world") + ")"
	}
	measure := e.measure(r.Measure)
	if knowledge.IsReserves(r.Measure) {
		return ""
	}
	if e.measureNames(m, measure) {
		return e.f("It ranked %s in world %s in %s%s.", rank, measure, yearLabel(r.Year, row.Estimated), share)
	}
	return e.f("It ranked %s in world %s of %s in %s%s.", rank, measure, e.tableName(m, r), yearLabel(r.Year, row.Estimated), share)
}
