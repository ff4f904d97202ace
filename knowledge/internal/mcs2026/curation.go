package main

import "strings"

// What a curator decided about the MCS 2026 extracts, one table per question. Every entry
// says why; SOURCES.md (shared data folder) describes the defects they refer to.

// chapterMineral maps an MCS chapter slug to the mineral record its figures belong to, where
// they differ; "" leaves a chapter out (the knowledge base has no record for it).
var chapterMineral = map[string]string{
	"abrasives":         "",
	"diamond":           "",
	"iron-steel":        "",
	"magnesium-metal":   "magnesium",
	"platinum-group":    "platinum-group-metals",
	"zirconium-hafnium": "zirconium",
}

// measureMap maps an extract's (chapter, measure) to the measure the knowledge tables already
// use for the same column in MCS 2025.
var measureMap = map[[2]string]string{
	{"magnesium-metal", "primary_production"}:                               "metal_smelter_production",
	{"magnesium-metal", "production_capacity"}:                              "metal_smelter_capacity",
	{"boron", "production"}:                                                 "production_all_forms",
	{"zirconium-hafnium", "mine_production_zirconium_mineral_concentrates"}: "mine_production",
}

// cleared lists flagged (chapter, measure) columns that are carried over all the same,
// because their parse_issue concerns another column of the chapter's table, not this one.
// Every other flagged row is left out and its MCS 2025 figure stays. Each column below passes
// kb check's sums where it has a world total.
var cleared = map[[2]string]string{
	{"aluminum", "smelter_production"}:              "the flag concerns the capacity column's year",
	{"arsenic", "production_arsenic_trioxide"}:      "the flag concerns the capacity column",
	{"beryllium", "mine_production"}:                "the flag concerns the reserves column (prose in the PDF)",
	{"copper", "refinery_production"}:               "the flag concerns the mine columns, which were lost; the pair kept is refinery production, as the flag itself checks against the salient table (U.S. 921 = 882 primary + 39 secondary)",
	{"copper", "reserves"}:                          "the flag concerns the mine columns; the reserves column is whole",
	{"platinum-group", "mine_production_palladium"}: "the flag concerns platinum's lost 2024 column and the units line (kilograms, as in MCS 2025: the magnitudes agree)",
	{"platinum-group", "mine_production_platinum"}:  "2025e only: the flag concerns the lost 2024 column and the units line (kilograms, as in MCS 2025)",
	{"platinum-group", "reserves_pgm"}:              "the flag concerns platinum's lost 2024 column and the units line (kilograms, as in MCS 2025)",
	{"indium", "refinery_production"}:               "the flag concerns the capacity column",
	{"magnesium-metal", "primary_production"}:       "the flag concerns the capacity column",
	{"potash", "mine_production"}:                   "the flag concerns the reserves columns",
	{"tellurium", "refinery_production"}:            "the flag concerns the capacity column",
	{"titanium", "sponge_production"}:               "the flag concerns the capacity columns, which were lost",
}

// relianceForms maps a chapter's net-import-reliance form to the mineral and product of the
// reliance table, where they are not the chapter's mineral and the form in lower case (MCS
// 2025's names, so that a series continues across editions).
var relianceForms = map[[2]string][2]string{
	{"magnesium-metal", ""}:                                  {"magnesium", "metal"},
	{"platinum-group", "Palladium"}:                          {"palladium", ""},
	{"platinum-group", "Platinum"}:                           {"platinum", ""},
	{"titanium", "Titanium sponge metal"}:                    {"titanium", "sponge metal"},
	{"titanium", "TiO2 pigment"}:                             {"titanium", "TiO2 pigment"},
	{"zirconium-hafnium", "Zirconium ores and concentrates"}: {"zirconium", "ores and concentrates"},
	{"zirconium-hafnium", "Hafnium"}:                         {"hafnium", ""},
}

// skipSources lists import-source lists left out, with why: lists the parse truncated, where
// a country is missing (an "other" share alone missing is kept: the named countries are
// whole).
var skipSources = map[[2]string]string{
	{"chromium", "Stainless steel"}: "truncated by the parse (Taiwan 16, others 55)",
	{"indium", ""}:                  "a country was lost by the parse (the shares add up to 78 with other countries)",
	{"magnesium-metal", "Scrap"}:    "the parse merged two lists into it",
	{"magnesium-metal", `(unlabelled list merged into "Scrap" by the parse)`}:                "an unlabelled list",
	{"nickel", "Nickel-containing scrap, including nickel content of stainless-steel scrap"}: "may be truncated (3 countries, 77)",
}

// priceMineral returns the mineral record a price of a grouped chapter belongs to: each
// platinum-group metal, rare-earth oxide and zirconium or hafnium product has its own record.
func priceMineral(chapter, form string) (string, bool) {
	f := strings.ToLower(form)
	switch chapter {
	case "platinum-group":
		for _, m := range []string{"palladium", "platinum", "iridium", "rhodium", "ruthenium"} {
			if strings.HasPrefix(f, m) {
				return m, true
			}
		}
	case "rare-earths":
		if strings.HasPrefix(f, "neodymium-praseodymium") || strings.HasPrefix(f, "mischmetal") {
			return "rare-earths", true
		}
		for _, m := range []string{"lanthanum", "cerium", "praseodymium", "neodymium", "samarium", "europium", "gadolinium"} {
			if strings.HasPrefix(f, m) {
				return m, true
			}
		}
	case "zirconium-hafnium":
		if strings.HasPrefix(f, "hafnium") {
			return "hafnium", true
		}
		return "zirconium", true
	}
	return "", false
}

// newCountry is a country the MCS 2026 tables name that countries.csv lacked.
type newCountry struct{ id, name, nameES string }

// newCountries are the countries added from the MCS 2026 tables, by printed name.
var newCountries = map[string]newCountry{
	"Algeria":   {"algeria", "Algeria", "Argelia"},
	"Angola":    {"angola", "Angola", "Angola"},
	"Botswana":  {"botswana", "Botswana", "Botsuana"},
	"Egypt":     {"egypt", "Egypt", "Egipto"},
	"Ireland":   {"ireland", "Ireland", "Irlanda"},
	"Syria":     {"syria", "Syria", "Siria"},
	"Togo":      {"togo", "Togo", "Togo"},
	"Tunisia":   {"tunisia", "Tunisia", "Túnez"},
	"Venezuela": {"venezuela", "Venezuela", "Venezuela"},
}

// countryFix maps printed names that are not a country's name or alias.
var countryFix = map[string]string{
	"World total": "world", "World total (rounded)": "world",
	"Other countries": "other", "Other": "other", "other": "other", "others": "other",
	"Korea, North": "north-korea", "Korea, Republic of": "south-korea", "Republic of Korea": "south-korea",
}

// endUse is one use's share as a chapter prints it.
type endUse struct{ use, pct string }

// endUses2026 are the U.S. end-use shares of the MCS 2026 chapters, read by hand off their
// "Domestic Production and Use" sentences (the extract keeps them as prose), with MCS 2025's
// use labels where the use is the same. Left out: antimony (the extract's sentence is garbled:
// "metal products, including flame retardants, 49%"; check the PDF), arsenic (">80%" only),
// lithium and tellurium (global, not U.S., end uses), and chapters that give no shares.
var endUses2026 = []struct {
	mineral, chapter string
	estimated        bool
	note             string
	uses             []endUse
}{
	{"aluminum", "aluminum", false, "", []endUse{{"transportation", "36"}, {"packaging", "24"}, {"building", "13"},
		{"electrical", "9"}, {"consumer durables", "8"}, {"machinery", "8"}, {"other", "2"}}},
	{"beryllium", "beryllium", false, "shares of sales revenue", []endUse{{"consumer electronics", "29"},
		{"aerospace and defense", "24"}, {"industrial components", "17"}, {"automotive electronics", "9"}, {"energy", "8"},
		{"semiconductors", "2"}, {"other", "11"}}},
	{"cobalt", "cobalt", true, "estimated", []endUse{{"superalloys, mainly for aircraft gas turbines", "51"},
		{"chemical applications", "25"}, {"other metallic applications", "15"}, {"cemented carbides", "9"}}},
	{"copper", "copper", false, "per the Copper Development Association, as reported by USGS", []endUse{
		{"building construction", "42"}, {"electrical and electronic products", "23"}, {"transportation equipment", "18"},
		{"consumer and general products", "10"}, {"industrial machinery and equipment", "7"}}},
	{"gallium", "gallium", false, "", []endUse{{"integrated circuits", "73"}, {"optoelectronic devices", "26"}}},
	{"lead", "lead", true, "estimated; the chapter gives only the leading use", []endUse{{"lead-acid batteries", "67"}}},
	{"magnesium", "magnesium-metal", true, "primary magnesium metal", []endUse{{"castings", "69"},
		{"aluminum-base alloys", "15"}, {"desulfurization of iron and steel", "9"}, {"other", "7"}}},
	{"niobium", "niobium", true, "estimated", []endUse{{"steels", "77"}, {"superalloys", "23"}}},
	{"potash", "potash", false, "shares of U.S. potash sales; the chapter gives the fertilizer share, the rest went to chemical and industrial uses",
		[]endUse{{"fertilizer", "85"}}},
	{"rhenium", "rhenium", true, "estimated", []endUse{{"superalloys", "80"}, {"petroleum-reforming catalysts", "15"}}},
	{"silver", "silver", true, "estimated", []endUse{{"electrical and electronics", "25"},
		{"other industrial uses and photography", "19"}, {"physical investment (bars)", "18"}, {"photovoltaics", "15"},
		{"coins and medals", "14"}, {"jewelry and silverware", "6"}, {"brazing and solder", "3"}}},
	{"tin", "tin", false, "", []endUse{{"chemicals", "25"}, {"tinplate", "16"}, {"alloys", "12"}, {"solder", "11"},
		{"babbitt, brass and bronze, and tinning", "7"}, {"bar tin", "2"}, {"other", "27"}}},
	{"tungsten", "tungsten", true, "estimated; the chapter gives only the leading use", []endUse{{"cemented carbides", "60"}}},
}
