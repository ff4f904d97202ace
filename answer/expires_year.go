package answer

// Helper W: "what expires in 2026?", "¿qué vence en 2026?" ask what ends that year, as "what
// ends in 2026?" does: with a year and no item named, "expire" dates an end, it does not ask
// whether something is still in force.

// expiryWords are the status phrases that only say an end.
var expiryWords = set("expire", "expires", "expired", "vence", "vencio", "vencen", "vencieron")

// asksExpiryInYear reports whether the only status words of a question that names a year and
// no policy item are expiry words.
func asksExpiryInYear(q Query, norm []string) bool {
	if q.Year == 0 || q.Month != 0 || len(q.Policies) > 0 {
		return false
	}
	var rest []string
	found := false
	for _, w := range norm {
		if months[w] != 0 && len(w) > 3 {
			return false // "what expires on 27 November 2026?" keeps its own answer
		}
		if expiryWords[w] {
			found = true
			continue
		}
		rest = append(rest, w)
	}
	if !found {
		return false
	}
	joined := " "
	for _, w := range rest {
		joined += w + " "
	}
	return !statusPhrases.any(rest, joined)
}
