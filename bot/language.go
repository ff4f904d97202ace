package bot

import (
	"context"
	"log/slog"
	"sync"
	"time"

	"github.com/mineralbot/mineralbot/answer"
)

// language chooses the language of a reply: the question's own, when its words tell; else
// the user's Slack locale (users.info, cached); else the configured default.
func (b *Bot) language(ctx context.Context, log *slog.Logger, user, text string) answer.Lang {
	if l, ok := b.cfg.Answerer.DetectLanguage(text); ok {
		return l
	}
	if user != "" {
		if l, ok := b.userLanguage(ctx, log, user); ok {
			return l
		}
	}
	return b.cfg.Language
}

// localeWait bounds how long an answer waits for users.info (Slack slow, or rate limiting
// it); past it the answer goes in the default language. localeRetry is how long a failed
// lookup is not tried again for that user.
const (
	localeWait  = time.Second
	localeRetry = time.Minute
)

// userLanguage is the language of a user's Slack locale, if it is one mineralbot speaks.
func (b *Bot) userLanguage(ctx context.Context, log *slog.Logger, user string) (answer.Lang, bool) {
	if locale, ok := b.locale.get(user); ok {
		return answer.ParseLang(locale)
	}
	ctx, cancel := context.WithTimeout(ctx, localeWait)
	defer cancel()
	u, err := b.api.GetUserInfoContext(ctx, user)
	if err != nil {
		log.Warn("users.info failed; answering in the default language", "err", err)
		b.locale.put(user, "", localeRetry)
		return "", false
	}
	b.locale.put(user, u.Locale, b.locale.ttl)
	return answer.ParseLang(u.Locale)
}

// localeCache remembers users' locales for a while, bounded in size.
type localeCache struct {
	mu  sync.Mutex
	max int
	ttl time.Duration
	m   map[string]localeEntry
}

type localeEntry struct {
	locale  string
	expires time.Time
}

func newLocaleCache(max int, ttl time.Duration) *localeCache {
	return &localeCache{max: max, ttl: ttl, m: make(map[string]localeEntry)}
}

func (c *localeCache) get(user string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[user]
	if !ok || time.Now().After(e.expires) {
		return "", false
	}
	return e.locale, true
}

// put remembers a user's locale ("" when it could not be had) for ttl.
func (c *localeCache) put(user, locale string, ttl time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) >= c.max {
		for k := range c.m { // evict an arbitrary entry: a cache, not a record
			delete(c.m, k)
			break
		}
	}
	c.m[user] = localeEntry{locale, time.Now().Add(ttl)}
}
