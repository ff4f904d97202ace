// Posting to Slack: the Web API retry policy, response_url posts, replies off the workers, digests.

package bot

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/slack-go/slack"
)

// countRateLimits is a retry handler that only counts and logs 429s; the handlers after it
// decide whether and when to retry (honouring Retry-After).
type countRateLimits struct {
	obs Observer
	log *slog.Logger
}

func (c countRateLimits) ShouldRetry(st *slack.RetryState, req *http.Request, resp *http.Response, _ error) (bool, time.Duration) {
	if resp != nil && resp.StatusCode == http.StatusTooManyRequests {
		c.obs.RateLimited()
		c.log.Warn("slack rate limit", "path", req.URL.Path, "retry_after", resp.Header.Get("Retry-After"), "attempt", st.Attempt)
	}
	return false, 0
}

// cappedRateLimit retries a 429 after its Retry-After, unless that is longer than max.
type cappedRateLimit struct{ max time.Duration }

func (c cappedRateLimit) ShouldRetry(st *slack.RetryState, _ *http.Request, resp *http.Response, _ error) (bool, time.Duration) {
	if resp == nil || resp.StatusCode != http.StatusTooManyRequests || st.Attempt >= st.MaxRetries {
		return false, 0
	}
	wait := max(retryAfter(resp.Header.Get("Retry-After"), time.Second), time.Second)
	if wait > c.max {
		return false, 0
	}
	return true, wait + rand.N(250*time.Millisecond)
}

// respond posts a slash command's reply to its response_url, retrying transient failures.
func (b *Bot) respond(ctx context.Context, log *slog.Logger, url string, r slashResponse) {
	b.respondJSON(ctx, log, url, b.encode(log, r))
}

// respondJSON posts an encoded reply to a response_url.
func (b *Bot) respondJSON(ctx context.Context, log *slog.Logger, url string, data []byte) {
	if err := b.postJSON(ctx, url, data); err != nil {
		b.obs.ReplyLost()
		b.obs.SlackError("response_url")
		log.Error("reply lost: response_url post failed", "err", err)
	}
}

// postJSON posts JSON to a response_url, honouring 429 Retry-After and retrying 5xx and
// network errors with backoff.
func (b *Bot) postJSON(ctx context.Context, url string, data []byte) error {
	backoff := 200 * time.Millisecond
	var last error
	for attempt := 0; attempt < 6; attempt++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, url, bytes.NewReader(data))
		if err != nil {
			return err
		}
		req.Header.Set("Content-Type", "application/json")
		resp, err := b.http.Do(req)
		wait := backoff
		switch {
		case err != nil:
			last = err
		case resp.StatusCode == http.StatusTooManyRequests:
			b.obs.RateLimited()
			b.log.Warn("slack rate limit", "path", "response_url", "retry_after", resp.Header.Get("Retry-After"))
			last = fmt.Errorf("429 from response_url")
			wait = retryAfter(resp.Header.Get("Retry-After"), backoff)
			drain(resp)
		case resp.StatusCode >= 500:
			last = fmt.Errorf("response_url: %s", resp.Status)
			drain(resp)
		case resp.StatusCode >= 300:
			drain(resp)
			return fmt.Errorf("response_url: %s", resp.Status)
		default:
			drain(resp)
			return nil
		}
		if wait > maxUsefulWait {
			// A reply that would arrive this late is of no use any more: dropped, counted.
			return fmt.Errorf("response_url: Slack asks to wait %s, past the %s a reply is useful (last error: %v)", wait, maxUsefulWait, last)
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("%w (last error: %v)", ctx.Err(), last)
		case <-time.After(wait):
		}
		backoff = min(backoff*2, 10*time.Second)
	}
	return last
}

// background runs a post off the answering workers, on the posters: at most
// maxPostsInFlight long-lived goroutines (a goroutine per post spent 4% of the bot's CPU
// growing its stack), with up to postQueue posts waiting. Past that the caller posts
// itself, which slows answering down rather than growing without bound.
func (b *Bot) background(post func()) {
	if started, _ := b.posters.try(post); !started {
		post()
	}
}

// tracked runs fn on its own goroutine, which shutdown waits for (within its grace) as it
// waits for answers: replies in flight are delivered, not dropped.
func (b *Bot) tracked(fn func()) { b.pool.spawn(fn) }

// maxPostsInFlight bounds the replies being posted at once (one rate-limited channel's
// posts, waiting out Retry-After, must leave room for everyone else's); postQueue bounds
// those waiting for a poster.
const (
	maxPostsInFlight = 128
	postQueue        = 10_000
)

// maxUsefulWait is the longest Retry-After a reply waits for; past it the reply is dropped.
const maxUsefulWait = 10 * time.Second

// drain reads what is left of a response body (a little) and closes it, so that its
// connection goes back to the pool.
func drain(resp *http.Response) {
	io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
}

func retryAfter(h string, def time.Duration) time.Duration {
	var secs int
	if _, err := fmt.Sscanf(h, "%d", &secs); err == nil && secs >= 0 {
		return time.Duration(secs) * time.Second
	}
	return def
}

// NotifyAdmins sends a direct message to each configured admin.
func (b *Bot) NotifyAdmins(ctx context.Context, text string) {
	for _, u := range b.cfg.Admins {
		m := Message{Text: esc(truncate(text, maxFallback))}
		m.Blocks = []slack.Block{slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, "```\n"+m.Text+"\n```", false, false), nil, nil)}
		b.post(ctx, b.log.With("notify", u), u, "", m)
	}
}

// postDigest posts a digest to a channel, marked with message metadata that names its
// subscription and period, and returns its ts.
func (b *Bot) postDigest(ctx context.Context, channel string, m Message, mark digestMark) (string, error) {
	meta := slack.SlackMetadata{EventType: digestEventType, EventPayload: map[string]any{
		"subscription": mark.Subscription, "period": mark.Period.UTC().Format(time.RFC3339)}}
	_, ts, err := b.api.PostMessageContext(ctx, channel, slack.MsgOptionText(m.Text, false), slack.MsgOptionBlocks(m.Blocks...), slack.MsgOptionMetadata(meta))
	if err != nil {
		b.obs.SlackError("chat.postMessage")
	}
	return ts, err
}

// findDigest looks in a channel's history since a time for a digest marked with mark. A
// curation report goes to a user id: its history is that of the DM with the user.
func (b *Bot) findDigest(ctx context.Context, channel string, mark digestMark, since time.Time) (string, bool, error) {
	if strings.HasPrefix(channel, "U") || strings.HasPrefix(channel, "W") {
		c, _, _, err := b.api.OpenConversationContext(ctx, &slack.OpenConversationParameters{Users: []string{channel}, ReturnIM: true})
		if err != nil {
			b.obs.SlackError("conversations.open")
			return "", false, err
		}
		channel = c.ID
	}
	params := &slack.GetConversationHistoryParameters{ChannelID: channel, Oldest: strconv.FormatFloat(float64(since.UnixNano())/1e9, 'f', 6, 64),
		Limit: 200, IncludeAllMetadata: true}
	for {
		h, err := b.api.GetConversationHistoryContext(ctx, params)
		if err != nil {
			b.obs.SlackError("conversations.history")
			return "", false, err
		}
		for _, msg := range h.Messages {
			p := msg.Metadata.EventPayload
			if msg.Metadata.EventType == digestEventType && p["subscription"] == mark.Subscription && p["period"] == mark.Period.UTC().Format(time.RFC3339) {
				return msg.Timestamp, true, nil
			}
		}
		if !h.HasMore || h.ResponseMetaData.NextCursor == "" {
			return "", false, nil
		}
		params.Cursor = h.ResponseMetaData.NextCursor
	}
}

// post sends a message with chat.postMessage; the client retries 429s (after Retry-After),
// 5xx and network errors. What still fails is logged and counted.
func (b *Bot) post(ctx context.Context, log *slog.Logger, channel, thread string, m Message) {
	opts := []slack.MsgOption{slack.MsgOptionText(m.Text, false), slack.MsgOptionBlocks(m.Blocks...)}
	if thread != "" {
		opts = append(opts, slack.MsgOptionTS(thread))
	}
	if _, _, err := b.api.PostMessageContext(ctx, channel, opts...); err != nil {
		b.obs.ReplyLost()
		b.obs.SlackError("chat.postMessage")
		log.Error("reply lost: chat.postMessage failed", "err", err, "channel", channel)
	}
}
