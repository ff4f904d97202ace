package answer

// Verbs that ask what a mineral is used for, or what a sector needs, which the parser drops
// as stop words: "which minerals does the US need for batteries?" asks the sector's minerals,
// not what the U.S. produces of them; "what does graphite go into?" asks its uses.

// needOrGoInto reports whether a question says "need(s)" or "go(es) into": the words asking what
// is needed or what something goes into; goInto is the second.
func needOrGoInto(norm []string) (need, goInto bool) {
	for i, w := range norm {
		switch w {
		case "need", "needs":
			need = true
		case "go", "goes", "going", "went":
			if i+1 < len(norm) && norm[i+1] == "into" {
				goInto = true
			}
		}
	}
	return need || goInto, goInto
}

// sectorNamed reports whether a question names a sector ("does lithium go into solar
// panels?"): the sector's views answer it, whatever the measure.
func sectorNamed(q Query) bool {
	_, ok := sectorAsked(q)
	return ok
}
