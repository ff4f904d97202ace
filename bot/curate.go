package bot

import (
	"context"
	"log/slog"
	"time"

	"github.com/slack-go/slack"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/state"
)

// curationWindow is how far back /mineral curate looks.
const curationWindow = 7 * 24 * time.Hour

// curateCommand shows an admin, privately, the questions the bot could not answer in the
// last week. The report quotes what users typed, in DMs too: it is for admins only and is
// always ephemeral.
func (b *Bot) curateCommand(ctx context.Context, log *slog.Logger, cmd slack.SlashCommand, lang answer.Lang) slashResponse {
	reply := func(text string) slashResponse { return slashResponse{ResponseType: "ephemeral", Text: lang.T(text)} }
	ok, err := b.isAdmin(ctx, cmd.UserID)
	if err != nil {
		log.Error("admin check failed", "err", err)
		return reply("Sorry, I couldn't check your permissions just now. Please try again in a moment.")
	}
	if !ok {
		return reply("Sorry, only workspace admins and the bot's configured admins can see the curation report.")
	}
	now := time.Now()
	in := answer.CurationInput{Since: now.Add(-curationWindow), Until: now, Kept: b.cfg.KeepQuestions && b.cfg.Store != nil, Most: 25, Lang: lang}
	if in.Kept {
		us, err := b.cfg.Store.UnansweredBetween(ctx, in.Since, in.Until)
		if err != nil {
			log.Error("reading unanswered questions failed", "err", err)
			return reply("Sorry, I couldn't read the stored questions just now. Please try again in a moment.")
		}
		in.Questions = questionTexts(us)
		fs, err := b.cfg.Store.FeedbackBetween(ctx, in.Since, in.Until)
		if err != nil {
			log.Warn("reading feedback failed", "err", err)
		}
		in.NotHelpful = notHelpful(fs)
	}
	m := render(answer.Curation(in), renderOptions{full: true})
	return slashResponse{ResponseType: "ephemeral", Text: m.Text, Blocks: m.Blocks}
}

// notHelpful lists the 👎 answers: the question, and the reason given.
func notHelpful(fs []state.Feedback) []string {
	var out []string
	for _, f := range fs {
		if f.Helpful {
			continue
		}
		item := f.Question
		if f.Reason != "" {
			item += " — " + f.Reason
		}
		out = append(out, item)
	}
	return out
}
