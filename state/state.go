package state

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"
)

// Store is mineralbot's durable state, in the bot's own words. Every method takes a context
// and is safe for concurrent use, by several goroutines and by several processes sharing the
// same store.
type Store interface {
	// PutSubscription adds or replaces a channel's digest subscription.
	PutSubscription(ctx context.Context, s Subscription) error
	// DeleteSubscription removes a channel's subscription and reports whether there was one.
	DeleteSubscription(ctx context.Context, channel string) (bool, error)
	// Subscriptions returns every stored subscription, by channel.
	Subscriptions(ctx context.Context) ([]Subscription, error)

	// Claim takes the delivery of one digest period for owner, with a lease until now+lease.
	// It returns ErrDone when the period was posted or skipped already, and ErrTaken while
	// another owner's lease runs; both with the delivery as it stands. A claim whose lease
	// ended, or whose last attempt failed, passes to the next owner that asks, with Attempts
	// counting the tries.
	Claim(ctx context.Context, key DeliveryKey, owner string, now time.Time, lease time.Duration) (Delivery, error)
	// Complete records that owner posted the period's digest (ts set) or that nothing needed
	// posting (note set). The first completion stands; later ones return ErrDone.
	Complete(ctx context.Context, key DeliveryKey, owner string, done Outcome, now time.Time) error
	// Release records a failed attempt and ends owner's lease at once, so that the period
	// is tried again.
	Release(ctx context.Context, key DeliveryKey, owner, failure string, now time.Time) error
	// Deliveries returns a subscription's deliveries, oldest period first.
	Deliveries(ctx context.Context, subscription string) ([]Delivery, error)

	// FirstSeen records an event id and reports whether it is the first time the store sees
	// it within ttl: a retried event is answered once, by whichever process gets it first.
	FirstSeen(ctx context.Context, eventID string, now time.Time, ttl time.Duration) (bool, error)

	// SetTopic records what a conversation is about until now+ttl, so that a follow-up
	// ("and its reserves?") is understood by whichever process receives it.
	SetTopic(ctx context.Context, conversation string, t Topic, now time.Time, ttl time.Duration) error
	// Topic returns a conversation's topic; ok is false when there is none, or it expired.
	Topic(ctx context.Context, conversation string, now time.Time) (t Topic, ok bool, err error)

	// AddPending records messages that owner has acked to Slack and not yet answered, each
	// leased to owner until now+lease. Slack does not deliver an acked message again: kept
	// here, a message whose process dies before replying is answered by another process, or
	// by the same one restarted (see TakePending). A message already pending is left as it is.
	AddPending(ctx context.Context, owner string, ps []Pending, now time.Time, lease time.Duration) error
	// DonePending forgets pending messages: answered, or given up. Ids not pending are
	// ignored.
	DonePending(ctx context.Context, ids []string) error
	// EarlierPending reports whether a message of the same conversation (channel and
	// thread) sent before ts is pending with another owner than owner: a replica waits
	// for it before answering a message that may follow it up.
	EarlierPending(ctx context.Context, channel, thread, ts, owner string) (bool, error)
	// TakePending hands owner, with a lease until now+lease, up to max pending messages
	// whose lease has ended, oldest first, with Attempts counting the tries.
	TakePending(ctx context.Context, owner string, now time.Time, lease time.Duration, max int) ([]Pending, error)

	// AddUnanswered records questions the bot could not answer (each cut to
	// MaxQuestionBytes), in one write, keeping the newest MaxUnanswered.
	AddUnanswered(ctx context.Context, us ...Unanswered) error
	// UnansweredBetween returns the questions not answered in (from, to], oldest first.
	UnansweredBetween(ctx context.Context, from, to time.Time) ([]Unanswered, error)

	// AddFeedback records a reaction to an answer.
	AddFeedback(ctx context.Context, f Feedback) error
	// FeedbackBetween returns the feedback given in (from, to], oldest first.
	FeedbackBetween(ctx context.Context, from, to time.Time) ([]Feedback, error)

	// Prune deletes what is older than before: finished deliveries, event ids, topics,
	// pending messages, questions and feedback. Subscriptions and unfinished deliveries stay.
	Prune(ctx context.Context, before time.Time) error

	// Close releases the store.
	Close() error
}

// Subscription is a channel's digest schedule.
type Subscription struct {
	Channel  string    `json:"channel"`
	Schedule string    `json:"schedule"` // cron spec, with CRON_TZ=
	Source   string    `json:"source"`   // "config", "slack" or "curation"
	By       string    `json:"by,omitempty"`
	Since    time.Time `json:"since"`
	Lang     string    `json:"lang,omitempty"` // the digest's language; the default when empty
}

// ID names the subscription in deliveries: its channel and schedule, so that changing the
// schedule starts new periods.
func (s Subscription) ID() string { return s.Channel + " " + s.Schedule }

// DeliveryKey names one digest period of one subscription.
type DeliveryKey struct {
	Subscription string
	Period       time.Time
}

// DeliveryState is where a delivery stands.
type DeliveryState string

// The delivery states: claimed (a lease runs), failed (the last attempt failed; the next
// claim retries), posted and skipped (done).
const (
	Claimed DeliveryState = "claimed"
	Failed  DeliveryState = "failed"
	Posted  DeliveryState = "posted"
	Skipped DeliveryState = "skipped"
)

// Delivery is the durable record of one digest period.
type Delivery struct {
	DeliveryKey
	State      DeliveryState
	Owner      string    // the process that holds or held it
	LeaseUntil time.Time // while State is Claimed
	Attempts   int       // claims taken, the current one included
	ClaimedAt  time.Time // the first claim
	DoneAt     time.Time
	PostedTS   string // the Slack ts of the posted digest
	Note       string // why nothing was posted, when skipped
	LastError  string // the last failed attempt's error
}

// Done reports whether the period was posted or skipped.
func (d Delivery) Done() bool { return d.State == Posted || d.State == Skipped }

// Outcome is how a delivery ended: a posted message, or a note saying why none was needed.
type Outcome struct {
	PostedTS string
	Note     string
}

// Topic is what a conversation is about: the knowledge-base records its last answer was
// about, or the sector it asked about, and what it asked of them. It holds ids, labels and
// flags, never the words of a question: a DM's text is not kept for follow-ups.
type Topic struct {
	Minerals  []string `json:"minerals,omitempty"`
	Countries []string `json:"countries,omitempty"`
	Policies  []string `json:"policies,omitempty"`
	Measure   string   `json:"measure,omitempty"`
	Lists     []string `json:"lists,omitempty"`     // the critical lists asked about, by id
	Year      int      `json:"year,omitempty"`      // a year asked for
	Sector    string   `json:"sector,omitempty"`    // a sector asked about, by its label ("batteries")
	YesNo     bool     `json:"yes_no,omitempty"`    // a yes/no question: "is antimony critical?"
	Compare   bool     `json:"compare,omitempty"`   // a comparison
	Why       bool     `json:"why,omitempty"`       // a question asking for a reason
	Direction string   `json:"direction,omitempty"` // the way a yes/no question asks a figure moved: "up", "down"
	// How a question asked its figure: the world's, a superlative, near the top, the top N,
	// a rank, "more"/"less" than another, a share, an amount, several countries' together.
	World       bool   `json:"world,omitempty"`
	WorldNamed  bool   `json:"world_named,omitempty"`
	Most        bool   `json:"most,omitempty"`
	Major       bool   `json:"major,omitempty"`
	Top         int    `json:"top,omitempty"`
	Rank        int    `json:"rank,omitempty"`
	Comparative string `json:"comparative,omitempty"`
	Share       bool   `json:"share,omitempty"`
	Amount      bool   `json:"amount,omitempty"`
	Together    bool   `json:"together,omitempty"`
	Output      bool   `json:"output,omitempty"` // asked about production in so many words
	// Besides are the countries a question left out ("outside China"), by id.
	Besides []string `json:"besides,omitempty"`
	// Polarity is "not" for a question asked in the negative ("what does Peru lack?"), "still"
	// for one asking whether something still holds.
	Polarity string `json:"polarity,omitempty"`
}

// Pending is a message acked to Slack and not yet answered. It holds the message's text, a
// DM's included, for as long as it takes to answer it: it is deleted once the reply is
// posted, and the store keeps no copy (see [Store.DonePending]; the bbolt store zeroes the
// pages a deletion frees, PostgreSQL keeps dead rows until vacuum).
type Pending struct {
	ID          string    `json:"id"`    // the message's channel and ts, or a slash command's envelope
	Where       string    `json:"where"` // "dm", "mention" or "slash"
	User        string    `json:"user"`
	Channel     string    `json:"channel"`
	TS          string    `json:"ts,omitempty"`
	Thread      string    `json:"thread,omitempty"`
	Text        string    `json:"text"`                   // cut to MaxPendingBytes
	ResponseURL string    `json:"response_url,omitempty"` // a slash command's
	Received    time.Time `json:"received"`
	// Set by the store.
	Owner      string    `json:"owner"`
	LeaseUntil time.Time `json:"lease_until"`
	Attempts   int       `json:"attempts"`
}

// TSBefore reports whether Slack timestamp a ("1700000000.000100") is before b; false when
// either does not parse.
func TSBefore(a, b string) bool {
	ai, af, ok1 := splitTS(a)
	bi, bf, ok2 := splitTS(b)
	if !ok1 || !ok2 {
		return false
	}
	if ai != bi {
		return ai < bi
	}
	return af < bf
}

// ValidTS reports whether ts is a Slack timestamp: digits, and a fraction of up to 9 digits.
func ValidTS(ts string) bool {
	_, _, ok := splitTS(ts)
	return ok
}

// splitTS splits a Slack timestamp into its seconds and its fraction, padded to compare as
// text.
func splitTS(ts string) (int64, string, bool) {
	sec, frac, _ := strings.Cut(ts, ".")
	n, err := strconv.ParseInt(sec, 10, 64)
	if err != nil || n < 0 || strings.HasPrefix(sec, "+") || len(frac) > 9 || strings.Trim(frac, "0123456789") != "" {
		return 0, "", false
	}
	return n, frac + strings.Repeat("0", 9-len(frac)), true
}

// Unanswered is a question the bot could not answer. It may come from a DM: it is shown to
// admins only, never posted in a channel.
type Unanswered struct {
	At       time.Time `json:"at"`
	Question string    `json:"question"`
	Where    string    `json:"where,omitempty"` // "dm", "mention", "slash" or "share"
}

// Feedback is a reaction to an answer: a vote, and for a 👎 why.
type Feedback struct {
	At       time.Time `json:"at"`
	User     string    `json:"user"`
	Question string    `json:"question"`
	Intent   string    `json:"intent"`
	Records  []string  `json:"records,omitempty"` // the records the answer showed
	Helpful  bool      `json:"helpful"`
	Reason   string    `json:"reason,omitempty"` // wrong figure, didn't answer, out of date, other
	Comment  string    `json:"comment,omitempty"`
}

// Bounds on what is kept of users' text.
const (
	MaxUnanswered    = 5000
	MaxQuestionBytes = 300
	MaxCommentBytes  = 1000
	// MaxPendingBytes bounds a pending message's text: Slack's own bound on a message
	// is 40,000 characters; a question longer than this is not answered as asked anyway.
	MaxPendingBytes = 4000
)

// Errors of [Store.Claim] and [Store.Complete].
var (
	ErrTaken = errors.New("state: the period is held by another process")
	ErrDone  = errors.New("state: the period was delivered already")
)

// ErrNewerSchema is returned when a store was written by a newer mineralbot: this one must
// not change it.
var ErrNewerSchema = errors.New("state: the store's schema is newer than this mineralbot")

// Lease is how long a claim on a digest period lasts for a schedule whose periods are every
// apart: a third of that, at most a minute, so a dead holder's period passes to another
// process soon enough to be posted in time.
func Lease(every time.Duration) time.Duration {
	return min(max(every/3, time.Second), time.Minute)
}

// Truncate cuts s to at most n bytes on a rune boundary.
func Truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && n < len(s) && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}
