package bot

import (
	"context"
	"fmt"
	"log/slog"
	"strconv"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/mineralbot/mineralbot/answer"
)

// actionRunExample runs an example question from the App Home; the answer comes by DM.
const actionRunExample = "run_example"

// onHomeOpened publishes the App Home tab: what the bot answers, example questions to run,
// the newest policy items, and for admins the digest subscriptions and the week's curation
// counts.
// homeBudget bounds building and publishing one App Home (a variable for tests).
var homeBudget = 15 * time.Second

func (b *Bot) onHomeOpened(ctx context.Context, log *slog.Logger, e *slackevents.AppHomeOpenedEvent) {
	if e.Tab != "" && e.Tab != "home" {
		return
	}
	// Built and published here, on an events goroutine: bounded, so that a Slack that hangs
	// cannot hold the goroutine (and the events behind it) for long.
	ctx, cancel := context.WithTimeout(ctx, homeBudget)
	defer cancel()
	lang := b.language(ctx, log, e.User, "")
	admin, err := b.isAdmin(ctx, e.User)
	if err != nil {
		log.Warn("admin check for the App Home failed; showing members' home", "err", err)
	}
	h := b.cfg.Answerer.Home(lang, answer.Audience{Slack: true, Admin: admin})
	l := h.Lang
	blocks := []slack.Block{
		slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, truncateRunes(esc(h.Title), maxHeaderChars), false, false)),
		slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, esc(h.Headline), false, false), nil, nil),
	}
	for _, s := range h.Sections {
		blocks = append(blocks, slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, "*"+esc(s.Heading)+"*", false, false), nil, nil))
		if s.Heading == l.T("Try") {
			// Each example is a button that runs it; Slack allows 5 elements per actions block.
			var buttons []slack.BlockElement
			for i, q := range s.Items {
				buttons = append(buttons, slack.NewButtonBlockElement(actionRunExample, truncate(esc(q), maxButtonValue),
					slack.NewTextBlockObject(slack.PlainTextType, truncateRunes(q, 75), false, false)))
				if len(buttons) == 5 || i == len(s.Items)-1 {
					blocks = append(blocks, slack.NewActionBlock(fmt.Sprintf("examples_%d", i), buttons...))
					buttons = nil
				}
			}
			blocks = append(blocks, pickerBlock(l))
			continue
		}
		limit := 8 // policy items: the newest few
		if s.Heading == l.T("Commands") {
			limit = len(s.Items) // every command: the home is where people look for them
		}
		blocks = append(blocks, slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, listWithMore(l, escAll(s.Items), limit, "\n"), false, false), nil, nil))
	}
	if admin {
		blocks = append(blocks, b.adminHome(ctx, log, l)...)
	}
	req := slack.PublishViewContextRequest{UserID: e.User, View: slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: blocks}}}
	if _, err := b.api.PublishViewContext(ctx, req); err != nil {
		b.obs.SlackError("views.publish")
		log.Error("publishing the App Home failed", "err", err)
	}
}

// adminHome is the admins' part of the App Home: subscriptions and the week's curation counts.
func (b *Bot) adminHome(ctx context.Context, log *slog.Logger, l answer.Lang) []slack.Block {
	section := func(text string) slack.Block {
		return slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, text, false, false), nil, nil)
	}
	out := []slack.Block{slack.NewDividerBlock(), section("*" + esc(l.T("For admins")) + "*")}
	if b.digest != nil {
		subs, err := b.digest.subscriptions(ctx)
		if err != nil {
			log.Warn("reading subscriptions for the App Home", "err", err)
		}
		var items []string
		for _, s := range subs {
			if s.Source == sourceCuration {
				continue
			}
			items = append(items, "<#"+esc(s.Channel)+"> `"+esc(s.Schedule)+"`")
		}
		if len(items) == 0 {
			items = []string{esc(l.T("No channel gets the digest."))}
		}
		out = append(out, section(esc(l.T("Digest subscriptions"))+"\n"+listWithMore(l, items, 15, "\n")))
	}
	if b.cfg.Store != nil && b.cfg.KeepQuestions {
		now := time.Now()
		us, err1 := b.cfg.Store.UnansweredBetween(ctx, now.Add(-curationWindow), now)
		fs, err2 := b.cfg.Store.FeedbackBetween(ctx, now.Add(-curationWindow), now)
		if err1 == nil && err2 == nil {
			out = append(out, section(esc(l.Sprintf("Last 7 days: %s unanswered question(s), %s answer(s) marked not helpful. `/mineral curate` lists them.",
				strconv.Itoa(len(us)), strconv.Itoa(len(notHelpful(fs)))))))
		}
	}
	return out
}

func escAll(items []string) []string {
	out := make([]string, len(items))
	for i, it := range items {
		out[i] = "• " + esc(it)
	}
	return out
}

// runExample answers an example question clicked in the App Home, by DM to the user.
func (b *Bot) runExample(ctx context.Context, log *slog.Logger, cb slack.InteractionCallback, question string) {
	user := cb.User.ID
	b.work(log, "example", nil, func() (deliver func()) {
		m := render(b.ask(ctx, log, question, fromHome, b.language(ctx, log, user, question)), renderOptions{})
		return func() { b.post(ctx, log, user, "", m) }
	}, func() { b.post(ctx, log, user, "", Message{Text: esc(b.cfg.Language.T(panicText))}) },
		func() { b.post(ctx, log, user, "", render(busyAnswer(b.cfg.Language), renderOptions{})) })
}
