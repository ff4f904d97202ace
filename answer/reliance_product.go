package answer

import (
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// attributive is a mineral's name before a noun, lower case: "rare-earth" for the rare-earth
// elements ("rare-earth compounds and metals"), "zinc" for zinc. Spanish puts the name
// after the form ("compuestos y metales de tierras raras"), so it has no attributive.
func (e *snap) attributive(m *knowledge.Mineral) string {
	n := strings.ToLower(e.mineralName(m))
	if base, ok := strings.CutSuffix(n, " elements"); ok && e.lang != Spanish {
		return base
	}
	return n
}
