package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// Helper Z: an importer's measure named by the question, asked of a trading partner
// ("Section 232 tariffs on Mexico", "aranceles de la Sección 232 a México").

// namedAbroad reports whether an item the question names, by its id or a name its family
// shares, is an importer's measure that singles out no trading partner: it applies to goods
// from every country, so a question that names another country is still about it. The
// Section 232 items list only the United States; "Section 232 tariffs on Mexico" asks them,
// not a Section 301 item that happens to list Mexico.
func (e *snap) namedAbroad(q Query, p *knowledge.Policy) bool {
	if len(q.Policies) == 0 || len(p.Countries) > 1 {
		return false
	}
	if !slices.Contains(q.Policies, p.ID) && !e.namedFamily(q, p) {
		return false
	}
	// Not a measure of a country the question names (Mexico's own law is not Mexico's
	// trading partners').
	return !slices.ContainsFunc(q.Countries, func(c string) bool {
		return slices.Contains(p.Countries, c) || strings.Contains(p.Jurisdiction, e.kb.CountryName(c))
	})
}
