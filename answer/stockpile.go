package answer

import "slices"

// Helper S: "reserva estratégica", "strategic stockpile" name a government's stockpile of
// minerals (a policy item such as Project Vault), not the EU's strategic raw materials list
// nor a mineral's reserves in the ground.

var stockpilePhrases = []string{"strategic reserve", "strategic reserves", "strategic stockpile", "strategic stockpiles",
	"stockpile", "stockpiles", "stockpiling", "reserva estrategica", "reservas estrategicas", "reserva estrategico",
	"reservas estrategicos", "acopio", "almacenamiento estrategico",
	"strategic minerals reserve", "strategic mineral reserve", "critical minerals reserve", "critical mineral reserve"} // Helper AC

// namesStockpile reports whether a question names a stockpile of minerals.
func namesStockpile(has func(string) bool) bool {
	return slices.ContainsFunc(stockpilePhrases, has)
}

// stockpileTerms reports whether a question's words name a strategic reserve in Spanish
// ("¿EE. UU. tiene una reserva estratégica de litio?"), whose "reserva" alone is reserves in
// the ground.
func stockpileTerms(terms []string) bool {
	return hasAny(terms, reserveWordsES) && hasAny(terms, strategicWords)
}

var reserveWordsES = set("reserva", "reservas")
