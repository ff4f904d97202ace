package answer

import (
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
)

// useSynonyms are the everyday names of the U.S. end uses of the end-use table, in English
// and Spanish, accent-folded: "solar panels" for photovoltaics, "jet engines" for
// superalloys. Each names, in order of preference, uses as the table names them; a
// question's use is the first of them that the table gives for the mineral asked, so a
// name stands only for uses the table holds (TestUseSynonymsNameTableUses checks each is
// there). The words are matched as questions' Terms hold them: stop words left out, two
// letters or fewer dropped.
var useSynonyms = []struct {
	names, uses []string
}{
	{[]string{"solar", "solares", "solar panels", "solar cells", "paneles solares", "celdas solares", "celulas solares"},
		[]string{"photovoltaics"}},
	{[]string{"evs", "electric vehicles", "electric cars", "cars", "vehicles", "automobiles", "autos", "trucks", "coches",
		"carros", "vehiculos", "vehiculos electricos"},
		[]string{"transportation", "transportation equipment", "automotive electronics"}},
	{[]string{"planes", "airplanes", "aircraft", "jet engines", "jets", "aviation", "airliners", "aviones", "aeronaves",
		"motores de avion", "turbinas"},
		[]string{"superalloys, mainly for aircraft gas turbines", "superalloys", "aerospace and defense"}},
	{[]string{"defense", "defence", "military", "weapons", "defensa", "armas"}, []string{"aerospace and defense"}},
	{[]string{"phones", "smartphones", "cellphones", "computers", "laptops", "tvs", "televisions", "celulares", "telefonos",
		"computadoras"},
		[]string{"consumer electronics", "electrical and electronics", "electrical and electronic products"}},
	{[]string{"chips", "microchips"}, []string{"semiconductors", "integrated circuits"}},
	{[]string{"leds", "led", "lasers"}, []string{"optoelectronic devices"}},
	{[]string{"fertilizers", "farming", "agriculture", "crops", "fertilizantes", "agricultura"}, []string{"fertilizer"}},
	{[]string{"cans", "latas"}, []string{"packaging", "tinplate"}},
	{[]string{"construction", "housing", "buildings", "homes", "construccion", "vivienda"},
		[]string{"building construction", "building"}},
	{[]string{"bullion", "lingotes"}, []string{"physical investment (bars)"}},
	{[]string{"bullets", "ammo", "balas", "municiones"}, []string{"metal products, including antimonial lead and ammunition"}},
	{[]string{"pesticides", "pesticidas"}, []string{"herbicides, insecticides and wood preservatives"}},
	{[]string{"drill bits", "cutting tools", "tools", "herramientas"}, []string{"cemented carbides"}},
	{[]string{"gasoline", "refining", "refineries", "gasolina"}, []string{"petroleum-reforming catalysts"}},
	{[]string{"fireproofing", "fire retardants"}, []string{"flame retardants"}},
	{[]string{"jewellery", "joyeria", "joyas"}, []string{"jewelry and silverware"}},
}

// synonymEndUse is the use of uses (one mineral's rows of the end-use table) that a
// question's words name by an everyday name of useSynonyms: "what % of silver goes to solar
// panels?" asks the photovoltaics row.
func synonymEndUse(uses []knowledge.EndUse, terms []string) (knowledge.EndUse, bool) {
	joined := " " + strings.Join(terms, " ") + " "
	for _, s := range useSynonyms {
		if !slices.ContainsFunc(s.names, func(n string) bool { return strings.Contains(joined, " "+n+" ") }) {
			continue
		}
		for _, name := range s.uses {
			if i := slices.IndexFunc(uses, func(u knowledge.EndUse) bool { return u.Use == name }); i >= 0 {
				return uses[i], true
			}
		}
	}
	return knowledge.EndUse{}, false
}
