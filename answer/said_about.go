package answer

// Helper R: "¿qué dijo Sheinbaum del litio?", "what did Sheinbaum say about lithium?": what
// someone said in the past is news (policy items), whoever said it, even a person the
// knowledge base does not name; no figure says it.

// saidWords are past forms of saying; present ones ("what does USGS say") are left out, as
// they more often ask what the statistics show.
var saidWords = set("said", "declared", "stated", "announced", "dijo", "dijeron", "declaro", "declararon", "afirmo", "afirmaron", "anuncio", "anunciaron")

// asksSaid reports whether a question asks what was said: a past form of saying, or "did …
// say", and the statistics not named.
func asksSaid(norm []string) bool {
	if namesStatistics(norm) {
		return false
	}
	did := false
	for _, w := range norm {
		switch {
		case saidWords[w], did && w == "say":
			return true
		case w == "did":
			did = true
		}
	}
	return false
}
