// Pickers: the App Home's mineral and country lookups (external selects with typeahead).

package bot

import (
	"context"
	"log/slog"
	"strings"

	"github.com/slack-go/slack"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/knowledge"
)

// Action ids of the pickers; each offers records of one kind.
const (
	actionPickMineral = "pick_mineral"
	actionPickCountry = "pick_country"
)

var pickerKinds = map[string]knowledge.Kind{
	actionPickMineral: knowledge.KindMineral,
	actionPickCountry: knowledge.KindCountry,
}

// maxPickerOptions is how many options a picker offers as the user types (Slack allows 100;
// a few good ones read better).
const maxPickerOptions = 20

// pickerBlock is the App Home's row of pickers.
func pickerBlock(l answer.Lang) slack.Block {
	picker := func(action, placeholder string) slack.BlockElement {
		el := slack.NewOptionsSelectBlockElement(slack.OptTypeExternal,
			slack.NewTextBlockObject(slack.PlainTextType, l.T(placeholder), false, false), action)
		one := 1
		el.MinQueryLength = &one
		return el
	}
	return slack.NewActionBlock("pickers", picker(actionPickMineral, "Find a mineral"), picker(actionPickCountry, "Find a country"))
}

// optionsResponse is slack.OptionsResponse without omitempty: an empty list must still be
// sent as "options": [], or Slack shows the picker as failed rather than "no results".
type optionsResponse struct {
	Options []*slack.OptionBlockObject `json:"options"`
}

// suggestions answers a picker's block_suggestion: the records whose names start with, or
// contain, what the user typed. It runs in the ack, so it is only a lookup in memory.
func (b *Bot) suggestions(ctx context.Context, log *slog.Logger, cb slack.InteractionCallback) optionsResponse {
	kind, ok := pickerKinds[cb.ActionID]
	if !ok {
		log.Warn("options requested for an unknown element", "action", cb.ActionID)
		return optionsResponse{Options: []*slack.OptionBlockObject{}}
	}
	typed := truncate(cb.Value, 100)
	lang := b.language(ctx, log, cb.User.ID, typed)
	opts := b.cfg.Answerer.Lookup(typed, kind, lang, maxPickerOptions)
	out := optionsResponse{Options: make([]*slack.OptionBlockObject, 0, len(opts))}
	for _, o := range opts {
		// Option text is plain text, at most 75 characters; the value is the record's ref.
		out.Options = append(out.Options, slack.NewOptionBlockObject(string(o.Ref.Kind)+"|"+o.Ref.ID,
			slack.NewTextBlockObject(slack.PlainTextType, truncateRunes(o.Label, 75), false, false), nil))
	}
	return out
}

// onPicked sends the card of the record picked in the App Home, by DM.
func (b *Bot) onPicked(ctx context.Context, log *slog.Logger, cb slack.InteractionCallback, act *slack.BlockAction) {
	user := cb.User.ID
	kind, id, _ := strings.Cut(act.SelectedOption.Value, "|")
	if want, ok := pickerKinds[act.ActionID]; !ok || knowledge.Kind(kind) != want || id == "" {
		log.Warn("picker: unexpected selection", "action", act.ActionID, "value", act.SelectedOption.Value)
		return
	}
	ref := knowledge.Ref{Kind: knowledge.Kind(kind), ID: id}
	b.work(log, "picker", nil, func() (deliver func()) {
		m := render(b.cfg.Answerer.Card(ref, "", b.language(ctx, log, user, "")), renderOptions{full: true})
		return func() { b.post(ctx, log, user, "", m) }
	}, func() { b.post(ctx, log, user, "", Message{Text: esc(b.language(ctx, log, user, "").T(panicText))}) },
		func() { b.post(ctx, log, user, "", render(busyAnswer(b.cfg.Language), renderOptions{})) })
}
