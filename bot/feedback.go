package bot

import (
	"context"
	"encoding/json"
	"log/slog"
	"time"

	"github.com/slack-go/slack"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/state"
)

// Feedback on answers: 👍 and 👎 under every answer; 👎 opens a modal asking what was wrong.
// Feedback is stored with the question, the intent and the records shown, counted in metrics,
// and shown to admins privately in the curation report.
const (
	actionFeedbackUp   = "feedback_up"
	actionFeedbackDown = "feedback_down"
	callbackFeedback   = "feedback_modal"
)

// The reasons a 👎 modal offers, as stored; their labels are translated.
var feedbackReasons = []struct{ value, label string }{
	{"wrong_figure", "A figure is wrong"},
	{"did_not_answer", "It didn't answer my question"},
	{"out_of_date", "It is out of date"},
	{"other", "Something else"},
}

// feedbackRef is what a feedback button carries: the question, the intent, the records shown
// and the language.
type feedbackRef struct {
	Question string   `json:"q"`
	Intent   string   `json:"i"`
	Records  []string `json:"r,omitempty"`
	Lang     string   `json:"l,omitempty"`
}

func newFeedbackRef(a *answer.Answer) feedbackRef {
	// The question is escaped like everything sent to Slack (a button's value is not shown,
	// but nothing raw goes out), and unescaped when it comes back.
	ref := feedbackRef{Question: esc(truncate(a.Question, state.MaxQuestionBytes)), Intent: string(a.Intent), Lang: string(a.Lang)}
	if a.Record.ID != "" {
		ref.Records = append(ref.Records, string(a.Record.Kind)+":"+a.Record.ID)
	}
	for _, id := range a.Query.Minerals {
		if r := "mineral:" + id; len(ref.Records) < 6 && (len(ref.Records) == 0 || ref.Records[0] != r) {
			ref.Records = append(ref.Records, r)
		}
	}
	return ref
}

// feedbackButtons are the 👍 and 👎 buttons of an answer.
func feedbackButtons(a *answer.Answer) []slack.BlockElement {
	data, err := json.Marshal(newFeedbackRef(a))
	if err != nil || len(data) > maxButtonValue {
		return nil
	}
	l := a.Lang
	up := slack.NewButtonBlockElement(actionFeedbackUp, string(data), slack.NewTextBlockObject(slack.PlainTextType, "👍 "+l.T("Helpful"), true, false))
	down := slack.NewButtonBlockElement(actionFeedbackDown, string(data), slack.NewTextBlockObject(slack.PlainTextType, "👎 "+l.T("Not helpful"), true, false))
	return []slack.BlockElement{up, down}
}

// onFeedback handles a 👍 (stored, thanked) or a 👎 (a modal asking what was wrong).
func (b *Bot) onFeedback(ctx context.Context, log *slog.Logger, cb slack.InteractionCallback, act *slack.BlockAction) {
	var ref feedbackRef
	if err := json.Unmarshal([]byte(act.Value), &ref); err != nil {
		log.Warn("feedback button with a bad value", "err", err)
		return
	}
	ref.Question = unesc(ref.Question)
	lang, ok := answer.ParseLang(ref.Lang)
	if !ok {
		lang = b.cfg.Language
	}
	if act.ActionID == actionFeedbackUp {
		b.storeFeedback(ctx, log, state.Feedback{At: time.Now(), User: cb.User.ID, Question: ref.Question, Intent: ref.Intent, Records: ref.Records, Helpful: true})
		b.tracked(func() {
			b.respond(ctx, log, cb.ResponseURL, slashResponse{ResponseType: "ephemeral", Text: esc(lang.T("Thanks for the feedback."))})
		})
		return
	}
	// A trigger id is good for 3 seconds: a modal that cannot open by then never will.
	octx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	if _, err := b.api.OpenViewContext(octx, cb.TriggerID, feedbackModal(lang, act.Value)); err != nil {
		b.obs.SlackError("views.open")
		log.Error("opening the feedback modal failed; the 👎 is stored without a reason", "err", err)
		b.storeFeedback(ctx, log, state.Feedback{At: time.Now(), User: cb.User.ID, Question: ref.Question, Intent: ref.Intent, Records: ref.Records})
	}
}

// feedbackModal asks what was wrong with an answer; the answer's reference rides in the
// private metadata.
func feedbackModal(l answer.Lang, ref string) slack.ModalViewRequest {
	text := func(s string) *slack.TextBlockObject {
		return slack.NewTextBlockObject(slack.PlainTextType, l.T(s), false, false)
	}
	var options []*slack.OptionBlockObject
	for _, r := range feedbackReasons {
		options = append(options, slack.NewOptionBlockObject(r.value, text(r.label), nil))
	}
	reason := slack.NewInputBlock("reason", text("What was wrong?"), nil, slack.NewRadioButtonsBlockElement("reason", options...))
	input := slack.NewPlainTextInputBlockElement(text("Tell us more (optional)"), "comment")
	input.Multiline, input.MaxLength = true, state.MaxCommentBytes
	comment := slack.NewInputBlock("comment", text("Comment"), nil, input)
	comment.Optional = true
	return slack.ModalViewRequest{Type: slack.VTModal, CallbackID: callbackFeedback, PrivateMetadata: ref,
		Title: text("Feedback"), Submit: text("Send"), Close: text("Cancel"),
		Blocks: slack.Blocks{BlockSet: []slack.Block{reason, comment}}}
}

// onFeedbackSubmission stores a 👎 with its reason and comment.
func (b *Bot) onFeedbackSubmission(ctx context.Context, log *slog.Logger, cb slack.InteractionCallback) {
	var ref feedbackRef
	if err := json.Unmarshal([]byte(cb.View.PrivateMetadata), &ref); err != nil {
		log.Warn("feedback modal with bad metadata", "err", err)
		return
	}
	ref.Question = unesc(ref.Question)
	f := state.Feedback{At: time.Now(), User: cb.User.ID, Question: ref.Question, Intent: ref.Intent, Records: ref.Records}
	if v, ok := cb.View.State.Values["reason"]["reason"]; ok {
		f.Reason = v.SelectedOption.Value
	}
	if v, ok := cb.View.State.Values["comment"]["comment"]; ok {
		f.Comment = v.Value
	}
	b.storeFeedback(ctx, log, f)
}

// storeFeedback counts feedback and stores it off the request's path.
func (b *Bot) storeFeedback(ctx context.Context, log *slog.Logger, f state.Feedback) {
	b.obs.Feedback(f.Helpful)
	log.Info("feedback", "helpful", f.Helpful, "reason", f.Reason, "intent", f.Intent)
	if b.cfg.Store == nil || !b.cfg.KeepQuestions {
		return
	}
	b.tracked(func() {
		ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
		defer cancel()
		if err := b.cfg.Store.AddFeedback(ctx, f); err != nil {
			log.Warn("could not store feedback", "err", err)
		}
	})
}
