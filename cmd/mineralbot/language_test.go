package main

import (
	"strings"
	"testing"
	"time"

	"github.com/mineralbot/mineralbot/internal/slackfake"
)

// The language of a reply: the question's own when its words tell, else the user's Slack
// locale, else answer.language.
func TestRepliesInTheAskersLanguage(t *testing.T) {
	lb := startBot(t, nil)
	for _, tt := range []struct {
		user, text, want, notWant string
	}{
		// A symbol says nothing: the es-MX locale decides.
		{"UESMX1", "Sb", "China aportó el 36% de la producción minera mundial de antimonio", "Top producers"},
		// The same user asking in English gets English.
		{"UESMX1", "who produces antimony?", "China accounted for 36% of world mine production of antimony", "aportó"},
		// An en-US user asking in Spanish gets Spanish.
		{"UENUS1", "¿quién produce antimonio?", "China aportó el 36% de la producción minera mundial de antimonio", "accounted"},
		// An en-US user with no sign in the question: English.
		{"UENUS1", "Sb", "China accounted for 36% of world mine production of antimony", "Principales productores"},
	} {
		out := lb.slash(t, tt.user, tt.text)
		// The reply starts with its fallback text, which starts with the headline.
		if !strings.HasPrefix(out, tt.want) || strings.Contains(out, tt.notWant) {
			t.Errorf("%s asks %q: want a reply that starts %q (and no %q):\n%s", tt.user, tt.text, tt.want, tt.notWant, out)
		}
	}
	// Buttons are in the answer's language too.
	if out := lb.slash(t, "UESMX1", "Sb"); !strings.Contains(out, "Compartir en el canal") {
		t.Errorf("Spanish card without a Spanish share button: %s", out)
	}
}

// When Slack rate-limits users.info (Retry-After 30s), an answer that needs the locale does
// not wait for it: it arrives promptly in the default language.
func TestLocaleLookupNeverStallsAnAnswer(t *testing.T) {
	lb := startBot(t, nil)
	lb.fake.RateLimit("users.info", 100, 30)
	start := time.Now()
	out := lb.slash(t, "UESMX2", "Sb")
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("the answer took %s behind a rate-limited users.info", d.Round(time.Millisecond))
	}
	if !strings.HasPrefix(out, "China accounted for 36% of world mine production of antimony") {
		t.Errorf("want the default language (English) when the locale cannot be had: %s", out)
	}
}

// A Spanish subscription gets its digest in Spanish.
func TestSpanishDigest(t *testing.T) {
	lb := startBot(t, nil)
	env, url, _ := lb.fake.SendSlashCommand(slackfake.SlashCommand{Text: "digest subscribe every 1s es", User: "UADMIN1", Channel: "CES"})
	reply, err := lb.fake.WaitReply(env, url, 10*time.Second)
	// "es" reads as Spanish, so the reply is Spanish too.
	if err != nil || !strings.Contains(string(reply), "Suscrito") || !strings.Contains(string(reply), "en español") {
		t.Fatalf("subscribe: %v %s", err, reply)
	}
	posts := waitPosts(t, lb.fake, "CES", 1)
	body := posts[0].Text + plainJSON(t, posts[0].Blocks)
	if !strings.HasPrefix(posts[0].Text, "Resumen de minerales críticos") || strings.Contains(body, "Critical minerals digest") || !strings.Contains(body, "Mineral de la semana") {
		t.Errorf("the Spanish subscription's digest is not in Spanish: %s", body)
	}
}
