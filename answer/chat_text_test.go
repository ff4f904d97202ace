package answer

import "testing"

// Helper X: chatText takes the chat off both ends of a question, and only the chat.
func TestChatText(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"hey, is lithium critical", "is lithium critical"},
		{"hola, ¿el cobalto es crítico? gracias!", "¿el cobalto es crítico?"},
		{"*hey* is cobalt critical", "is cobalt critical"},
		{"> _¿el cobalto es crítico?_", "¿el cobalto es crítico?"},
		{":wave: hi all, who produces antimony? :pray:", "who produces antimony?"},
		{"silver 🇲🇽", "silver  MX"},
		{"subio la produccion de litio?", "¿subio la produccion de litio?"},
		{"hey, can you tell me if cobalt is critical.", "cobalt is critical?"},
		{"dime si el cobalto es crítico", "¿el cobalto es crítico?"},
		// Unchanged: chat alone, a flag code, a question with nothing around it, words that
		// follow the question mark and are not thanks.
		{"hi there!", "hi there!"},
		{"thank you very much", "thank you very much"},
		{":flag-mx: silver", ":flag-mx: silver"},
		{"who produces antimony?", "who produces antimony?"},
		{"is cobalt critical? and nickel", "is cobalt critical? and nickel"},
		{"produce silver?", "produce silver?"},
		{"tell me if", "tell me if"},
	} {
		if got := chatText(tt.in); got != tt.want {
			t.Errorf("chatText(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if got := chatText(chatText(tt.in)); got != chatText(tt.in) {
			t.Errorf("chatText(%q) is not idempotent: %q", tt.in, got)
		}
	}
}
