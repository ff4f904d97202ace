package answer

// eitherWay ask which way a figure went, not whether it did, in English or Spanish: "is
// lithium production going up or down?", "¿subió o bajó?" get the change, with no "yes" or
// "no".
var eitherWay = newPhrases("up or down", "down or up", "rising or falling", "falling or rising",
	"rise or fall", "fall or rise", "rose or fell", "fell or rose", "increasing or decreasing",
	"decreasing or increasing", "increase or decrease", "decrease or increase", "increased or decreased",
	"decreased or increased", "growing or shrinking", "grow or shrink", "higher or lower", "lower or higher",
	"gone up or down", "went up or down",
	"sube o baja", "subio o bajo", "suben o bajan", "subieron o bajaron", "aumento o disminuyo",
	"aumenta o disminuye", "crece o cae", "crecio o cayo", "baja o sube", "bajo o subio")
