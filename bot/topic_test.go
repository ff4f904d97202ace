package bot

import (
	"context"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/internal/slackfake"
	"github.com/mineralbot/mineralbot/state"
	"github.com/mineralbot/mineralbot/state/bolt"
)

// topicAnswerer answers a question as being about the mineral it names, and a follow-up as
// being about the conversation's mineral.
type topicAnswerer struct{ panicky }

func (topicAnswerer) Ask(_ context.Context, q string, lang answer.Lang) (*answer.Answer, error) {
	return &answer.Answer{Intent: answer.IntentMineral, Title: q, Headline: "About " + q, Lang: lang,
		Query: answer.Query{Minerals: []string{q}}}, nil
}

func (topicAnswerer) AskAfter(_ context.Context, q string, lang answer.Lang, prev answer.Query) (*answer.Answer, error) {
	return &answer.Answer{Intent: answer.IntentMineral, Title: q, Headline: q + " of " + strings.Join(prev.Minerals, ", "), Lang: lang,
		Query: prev}, nil
}

// stuckStore is a state store whose calls on the answering path never return until the test
// ends, whatever their context says: as bbolt waiting for another process's file lock.
type stuckStore struct {
	state.Store
	release chan struct{}
}

func (s stuckStore) FirstSeen(context.Context, string, time.Time, time.Duration) (bool, error) {
	<-s.release
	return false, nil
}

func (s stuckStore) Topic(context.Context, string, time.Time) (state.Topic, bool, error) {
	<-s.release
	return state.Topic{}, false, nil
}

func (s stuckStore) SetTopic(context.Context, string, state.Topic, time.Time, time.Duration) error {
	<-s.release
	return nil
}

func (s stuckStore) AddPending(context.Context, string, []state.Pending, time.Time, time.Duration) error {
	<-s.release
	return nil
}

func (s stuckStore) DonePending(context.Context, []string) error {
	<-s.release
	return nil
}

func (s stuckStore) EarlierPending(context.Context, string, string, string, string) (bool, error) {
	<-s.release
	return false, nil
}

func (s stuckStore) TakePending(context.Context, string, time.Time, time.Duration, int) ([]state.Pending, error) {
	<-s.release
	return nil, nil
}

// A state store that hangs holds up no answer, and a follow-up is still understood from
// this process's memory of the conversation.
func TestAStuckStoreHoldsUpNoAnswer(t *testing.T) {
	fake := slackfake.New()
	defer fake.Close()
	real, err := bolt.Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	store := stuckStore{real, make(chan struct{})}
	defer close(store.release)
	runBot(t, fake, Config{Answerer: topicAnswerer{}, Store: store, Digests: titleBuilder, DigestSchedule: "0 9 * * MON"})
	for i, text := range []string{"antimony", "and its reserves?"} {
		if _, err := fake.SendEvent(slackfake.Event{Inner: map[string]any{"type": "message", "channel_type": "im",
			"user": "U1", "text": text, "channel": "DSTUCK", "ts": "1700000000.00000" + string(rune('1'+i))}}); err != nil {
			t.Fatal(err)
		}
		if err := fake.WaitFor(5*time.Second, func(posts []slackfake.Post, _ []slackfake.Ack) bool { return len(posts) > i }); err != nil {
			t.Fatalf("%q: no reply while the store hangs: %v", text, err)
		}
	}
	posts := fake.Posts()
	if got, _, _ := strings.Cut(posts[1].Text, "\n"); got != "and its reserves? of antimony" {
		t.Errorf("the follow-up's reply begins %q, want it about antimony", got)
	}
}

// What a conversation keeps of an answer (answer.Answer.Followed, which TestFollowUps in
// package answer continues from) survives the state store's topic whole: a follow-up that
// reaches another replica, or comes after a restart, reads as one answered at once.
func TestTopicKeepsWhatFollowUpsRead(t *testing.T) {
	eng := embeddedEngine(t)
	for _, q := range []string{
		"is antimony critical?", "lithium price in 2023", "which minerals are used in batteries?",
		"how much of the world's silver do mexico and peru produce", "is mexico the biggest silver producer?",
		"top 3 lithium producers", "has lithium production gone up?", "who is second in fluorspar?",
		"does Mexico produce more silver than Peru?", "world production of silver", "what did Mexico sign with the US?",
		"compare lithium and cobalt", "why is antimony critical?", "is Mexico a major producer of graphite?",
		"which critical minerals does the US produce?", "which minerals are strategic?", "¿cuáles son los minerales críticos de EE.UU.?",
		"rare earth production outside China", "who produces tungsten besides China and Russia?",
		"what critical minerals does Peru lack?", "is China's gallium ban still in force?",
	} {
		a, err := eng.Ask(context.Background(), q, answer.English)
		if err != nil {
			t.Fatal(err)
		}
		want := a.Followed()
		if got := fromTopic(toTopic(want)); !reflect.DeepEqual(got, want) {
			t.Errorf("%q: the store gives back\n%+v\nof what the conversation keeps\n%+v", q, got, want)
		}
	}
}
