// Slash commands: acks within budget, replies by response_url, help and reload.

package bot

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"os"
	"runtime"
	"strings"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/state"
)

const busyText = "I'm answering a lot of questions right now. Please try again in a moment."

func busyAnswer(lang answer.Lang) *answer.Answer {
	return &answer.Answer{Intent: answer.IntentNotFound, Lang: lang, Title: lang.T(busyText)}
}

// slashResponse is the JSON body of a slash command reply, in the ack or by response_url.
type slashResponse struct {
	ResponseType    string        `json:"response_type,omitempty"`
	Text            string        `json:"text"`
	Blocks          []slack.Block `json:"blocks,omitempty"`
	ReplaceOriginal bool          `json:"replace_original,omitempty"`
	DeleteOriginal  bool          `json:"delete_original,omitempty"`
}

// maxAckBytes is below slack-go's 20 KB limit for ack payloads.
const maxAckBytes = 19 * 1024

func (b *Bot) onSlashCommand(ctx context.Context, evt socketmode.Event) {
	req := evt.Request
	payload, ok := evt.Data.(*slashPayload)
	if !ok {
		b.ack(req, nil)
		b.requestLogger(req).Warn("slash command with unexpected payload", "type", fmt.Sprintf("%T", evt.Data))
		return
	}
	// This runs on the socket's reading goroutine, which only acks: the payload is decoded,
	// and the reply rendered and encoded, on the worker, so that answering's CPU stays within
	// the pool and the reading goroutine keeps the rest.
	reply := make(chan slashReplyOut, 1)
	inAck := make(chan bool, 1) // whether the reply may ride in the ack: known once try returns
	started, now := b.pool.try(func() {
		// The worker hands its reply, once, to the ack or to the posters.
		delivered := false
		deliver := func(out slashReplyOut) {
			if delivered {
				return
			}
			delivered = true
			if <-inAck {
				reply <- out
				// The goroutine waiting to ack with this reply was made runnable on this
				// worker's processor, behind the worker itself: under a burst the worker
				// takes the next command at once, and the ack waited until the worker was
				// preempted or another processor stole it: 1.6 ms median between reply
				// and ack in bursts of 200. Yielding lets it run first: 36 µs median.
				runtime.Gosched()
				return
			}
			b.background(func() { b.respondRecorded(ctx, req, out) })
		}
		cmd, err := payload.command()
		if err != nil {
			b.requestLogger(req).Warn("slash command whose payload does not parse; acked, not answered", "err", err)
			deliver(slashReplyOut{})
			return
		}
		log := b.requestLogger(req).With("command", cmd.Command, "user", cmd.UserID, "channel", cmd.ChannelID)
		defer b.guard(log, func() {
			deliver(slashReplyOut{b.encode(log, slashResponse{ResponseType: "ephemeral", Text: esc(b.cfg.Language.T(panicText))}), cmd.ResponseURL, log})
		})
		deliver(slashReplyOut{b.encode(log, b.slashReply(ctx, log, cmd)), cmd.ResponseURL, log})
	})
	if !started {
		b.obs.Busy()
		b.requestLogger(req).Warn("busy: slash command turned away")
		b.ack(req, slashResponse{ResponseType: "ephemeral", Text: esc(b.cfg.Language.T(busyText))})
		return
	}
	if !now {
		// Every worker is busy: ack at once; the reply goes by response_url when a worker
		// is free, so that a burst never delays acks. Acked, the command is recorded as
		// pending until its reply is posted.
		b.ack(req, nil)
		b.tryRecord(slashPending(req, payload))
		inAck <- false
		return
	}
	inAck <- true
	b.tracked(func() {
		timer := time.NewTimer(b.cfg.AckBudget)
		defer timer.Stop()
		select {
		case out := <-reply:
			if out.data != nil && len(out.data) <= maxAckBytes && req.AcceptsResponsePayload && b.ack(req, json.RawMessage(out.data)) {
				return
			}
			// Too big for the ack, or the socket went away while answering (Slack does
			// not redeliver a slash command): the reply goes by response_url.
			b.ack(req, nil)
			b.respondPending(ctx, req, payload, func() slashReplyOut { return out })
		case <-timer.C:
			b.ack(req, nil)
			b.respondPending(ctx, req, payload, func() slashReplyOut { return <-reply })
		}
	})
}

// respondPending records an acked slash command as pending, posts its reply (once out
// has it) to its response_url, and settles it.
func (b *Bot) respondPending(ctx context.Context, req *socketmode.Request, payload *slashPayload, out func() slashReplyOut) {
	b.record(slashPending(req, payload), nil)
	b.respondRecorded(ctx, req, out())
}

// respondRecorded posts a slash command's reply to its response_url, then settles the
// command's pending record. The post does not wait for the record: a process that dies
// before the record is written loses the reply either way, and one that has posted by then
// has not.
func (b *Bot) respondRecorded(ctx context.Context, req *socketmode.Request, out slashReplyOut) {
	if b.cfg.CrashBeforeReply && out.data != nil {
		b.flushJournal() // the failpoint's moment: recorded, not yet posted
		out.log.Warn("failpoint crash-before-reply: exiting before posting the reply")
		os.Exit(137)
	}
	defer b.settle(slashPendingID(req))
	b.respondOut(ctx, out)
}

// slashPendingID names a slash command among pending messages.
func slashPendingID(req *socketmode.Request) string { return "slash/" + req.EnvelopeID }

// slashPending returns a slash command's pending record, decoded when the journal asks.
func slashPending(req *socketmode.Request, payload *slashPayload) func() (state.Pending, bool) {
	return func() (state.Pending, bool) {
		cmd, err := payload.command()
		if err != nil || cmd.ResponseURL == "" || req.EnvelopeID == "" {
			return state.Pending{}, false
		}
		return state.Pending{ID: slashPendingID(req), Where: fromSlash, User: cmd.UserID, Channel: cmd.ChannelID, Text: cmd.Text, ResponseURL: cmd.ResponseURL}, true
	}
}

// slashReplyOut is a slash command's encoded reply, where it goes, and the command's logger;
// data is nil for a command that could not be read.
type slashReplyOut struct {
	data []byte
	url  string
	log  *slog.Logger
}

func (b *Bot) respondOut(ctx context.Context, out slashReplyOut) {
	if out.data != nil {
		b.respondJSON(ctx, out.log, out.url, out.data)
	}
}

// encode encodes a reply; one that cannot be encoded becomes an apology.
func (b *Bot) encode(log *slog.Logger, r slashResponse) []byte {
	data, err := json.Marshal(r)
	if err != nil {
		log.Error("encoding a reply failed; the user got an apology", "err", err)
		data, _ = json.Marshal(slashResponse{ResponseType: "ephemeral", Text: esc(b.cfg.Language.T(panicText))})
	}
	return data
}

// slashReply answers a slash command: ephemeral, with a "Share in channel" button.
func (b *Bot) slashReply(ctx context.Context, log *slog.Logger, cmd slack.SlashCommand) slashResponse {
	text := strings.TrimSpace(cmd.Text)
	lang := b.language(ctx, log, cmd.UserID, text)
	log = log.With("lang", lang)
	if first, rest, _ := strings.Cut(text, " "); strings.EqualFold(first, "digest") {
		return b.digestCommand(ctx, log, cmd, strings.TrimSpace(rest), lang)
	}
	if strings.EqualFold(text, "reload") {
		return b.reloadCommand(ctx, log, cmd, lang)
	}
	if first, _, _ := strings.Cut(text, " "); strings.EqualFold(first, "curate") {
		return b.curateCommand(ctx, log, cmd, lang)
	}
	var a *answer.Answer
	if text == "" || isHelp(text) {
		a = b.helpAnswer(ctx, log, cmd.UserID, lang)
	} else {
		a = b.ask(ctx, log, text, fromSlash, lang)
	}
	m := render(a, renderOptions{shareButton: true})
	return slashResponse{ResponseType: "ephemeral", Text: m.Text, Blocks: m.Blocks}
}

func isHelp(text string) bool {
	return strings.EqualFold(text, "help") || strings.EqualFold(text, "ayuda")
}

// helpAnswer is the help generated from the command table, with the admins' commands for
// admins.
func (b *Bot) helpAnswer(ctx context.Context, log *slog.Logger, user string, lang answer.Lang) *answer.Answer {
	admin, err := b.isAdmin(ctx, user)
	if err != nil {
		log.Warn("admin check for help failed; showing members' help", "err", err)
	}
	return b.cfg.Answerer.Help(lang, answer.Audience{Slack: true, Admin: admin})
}

// reloadCommand reloads the knowledge base, for admins.
func (b *Bot) reloadCommand(ctx context.Context, log *slog.Logger, cmd slack.SlashCommand, lang answer.Lang) slashResponse {
	reply := func(format string, args ...any) slashResponse {
		return slashResponse{ResponseType: "ephemeral", Text: lang.Sprintf(format, args...)}
	}
	if b.cfg.Reloader == nil {
		return reply("Reloading is not enabled on this bot.")
	}
	ok, err := b.isAdmin(ctx, cmd.UserID)
	if err != nil {
		log.Error("admin check failed", "err", err)
		return reply("Sorry, I couldn't check your permissions just now. Please try again in a moment.")
	}
	if !ok {
		return reply("Sorry, only workspace admins and the bot's configured admins can reload the knowledge base.")
	}
	summary, err := b.cfg.Reloader.Reload(ctx)
	if err != nil {
		return reply("The reload failed; the previous knowledge base keeps serving.%s", "\n```\n"+esc(truncate(err.Error(), 2500))+"\n```")
	}
	return reply("Reloaded: %s", esc(summary))
}
