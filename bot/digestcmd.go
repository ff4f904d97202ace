package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/knowledge"
	"github.com/mineralbot/mineralbot/state"
)

const digestUsage = "/mineral digest subscribe [weekly|daily] [day] [HH:MM] [Area/City] [en|es] (or: every 24h) · unsubscribe · status · preview"

// digestCommand handles /mineral digest …: subscriptions are changed by admins only; status
// and preview are for everyone. Every reply is ephemeral.
func (b *Bot) digestCommand(ctx context.Context, log *slog.Logger, cmd slack.SlashCommand, args string, lang answer.Lang) slashResponse {
	reply := func(format string, a ...any) slashResponse {
		return slashResponse{ResponseType: "ephemeral", Text: lang.Sprintf(format, a...)}
	}
	if b.digest == nil {
		return reply("Digests are not enabled on this bot.")
	}
	verb, rest, _ := strings.Cut(args, " ")
	switch strings.ToLower(verb) {
	case "subscribe", "unsubscribe":
		ok, err := b.isAdmin(ctx, cmd.UserID)
		if err != nil {
			log.Error("admin check failed", "err", err)
			return reply("Sorry, I couldn't check your permissions just now. Please try again in a moment.")
		}
		if !ok {
			return reply("Sorry, only workspace admins and the bot's configured admins can change this channel's digest. You can still use `/mineral digest status` and `/mineral digest preview`.")
		}
		if strings.EqualFold(verb, "unsubscribe") {
			return b.unsubscribe(ctx, log, cmd, reply)
		}
		return b.subscribe(ctx, log, cmd, rest, reply, lang)
	case "status", "":
		return b.digestStatus(ctx, cmd, reply, lang)
	case "preview":
		now := b.cfg.Clock.Now()
		a := b.cfg.Digests.Digest(answer.DigestInput{Period: now, Since: now.Add(-7 * 24 * time.Hour), Location: time.UTC, Lang: lang})
		m := render(a, renderOptions{full: true})
		return slashResponse{ResponseType: "ephemeral", Text: m.Text, Blocks: m.Blocks}
	default:
		return reply("Usage: %s", esc(digestUsage))
	}
}

func (b *Bot) subscribe(ctx context.Context, log *slog.Logger, cmd slack.SlashCommand, args string, reply func(string, ...any) slashResponse, lang answer.Lang) slashResponse {
	args, subLang := subscriptionLang(args, b.cfg.Language)
	spec, desc, err := subscriptionSpec(args)
	if err != nil {
		return reply("%s\nUsage: %s", esc(err.Error()), esc(digestUsage))
	}
	sched, err := ParseSchedule(spec)
	if err != nil {
		return reply("That schedule doesn't work: %s", esc(err.Error()))
	}
	if member, err := b.isMember(ctx, cmd.ChannelID); err != nil {
		log.Warn("checking the bot's membership of the channel", "err", err)
	} else if !member {
		// Subscribing where the bot cannot post would fail at every digest, silently.
		return reply("I'm not a member of this channel, so I couldn't post the digest here. Invite me first (`/invite @mineralbot`), then subscribe again.")
	}
	sub := state.Subscription{Channel: cmd.ChannelID, Schedule: spec, Source: "slack", By: cmd.UserID, Since: b.cfg.Clock.Now(), Lang: string(subLang)}
	if err := b.cfg.Store.PutSubscription(ctx, sub); err != nil {
		log.Error("saving a subscription failed", "err", err)
		return reply("Sorry, I couldn't save the subscription. Please try again in a moment.")
	}
	b.digest.notify()
	log.Info("digest subscribed", "schedule", spec, "digest_lang", subLang)
	next := sched.Next(b.cfg.Clock.Now()).In(sched.Loc)
	return reply("Subscribed: this channel gets the digest %s, in %s. Next one: %s.", esc(desc), lang.T(langName(subLang)), when(lang, next))
}

func (b *Bot) unsubscribe(ctx context.Context, log *slog.Logger, cmd slack.SlashCommand, reply func(string, ...any) slashResponse) slashResponse {
	had, err := b.cfg.Store.DeleteSubscription(ctx, cmd.ChannelID)
	if err != nil {
		log.Error("removing a subscription failed", "err", err)
		return reply("Sorry, I couldn't remove the subscription. Please try again in a moment.")
	}
	b.digest.notify()
	if slices.Contains(b.cfg.DigestChannels, cmd.ChannelID) {
		return reply("This channel also gets the digest from the bot's configuration (digest.channels); an operator can remove it there.")
	}
	if !had {
		return reply("This channel had no digest subscription.")
	}
	log.Info("digest unsubscribed")
	return reply("Unsubscribed: no more digests in this channel.")
}

func (b *Bot) digestStatus(ctx context.Context, cmd slack.SlashCommand, reply func(string, ...any) slashResponse, lang answer.Lang) slashResponse {
	subs, err := b.digest.subscriptions(ctx)
	if err != nil {
		return reply("Sorry, I couldn't read the subscriptions just now.")
	}
	for _, s := range subs {
		if s.Channel != cmd.ChannelID {
			continue
		}
		next := s.sched.Next(b.cfg.Clock.Now()).In(s.sched.Loc)
		msg := lang.Sprintf("This channel gets the digest on %s (from %s), in %s. Next one: %s.", "`"+esc(s.Schedule)+"`", lang.T(s.Source), lang.T(langName(subLang(s.Subscription, b.cfg.Language))), when(lang, next))
		if ds, err := b.cfg.Store.Deliveries(ctx, s.ID()); err == nil {
			for i := len(ds) - 1; i >= 0; i-- {
				if ds[i].State == state.Posted {
					msg += " " + lang.Sprintf("Last posted: %s.", when(lang, ds[i].DoneAt.In(s.sched.Loc)))
					break
				}
			}
		}
		return slashResponse{ResponseType: "ephemeral", Text: msg}
	}
	return reply("This channel has no digest. An admin can start one with `/mineral digest subscribe`.")
}

// when formats a digest time for people: "Mon 2 Jan 2006 15:04 MST", or in Spanish
// "2 ene 2026 15:04 CST".
func when(lang answer.Lang, t time.Time) string {
	if lang == answer.Spanish {
		y, m, d := t.Date()
		return lang.Date(knowledge.Date{Time: time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}) + " " + t.Format("15:04 MST")
	}
	return t.Format("Mon 2 Jan 2006 15:04 MST")
}

// langName is a language's name, to be translated.
func langName(l answer.Lang) string {
	if l == answer.Spanish {
		return "Spanish"
	}
	return "English"
}

// subscriptionLang takes a trailing language ("es", "en", "español", "english") off the
// subscription's words; def when there is none.
func subscriptionLang(args string, def answer.Lang) (string, answer.Lang) {
	f := strings.Fields(args)
	if len(f) > 0 {
		switch strings.ToLower(f[len(f)-1]) {
		case "es", "español", "espanol", "spanish":
			return strings.Join(f[:len(f)-1], " "), answer.Spanish
		case "en", "english", "inglés", "ingles":
			return strings.Join(f[:len(f)-1], " "), answer.English
		}
	}
	return args, def
}

var weekdays = map[string]int{
	"sunday": 0, "sun": 0, "domingo": 0, "monday": 1, "mon": 1, "lunes": 1, "tuesday": 2, "tue": 2, "martes": 2,
	"wednesday": 3, "wed": 3, "miercoles": 3, "miércoles": 3, "thursday": 4, "thu": 4, "jueves": 4,
	"friday": 5, "fri": 5, "viernes": 5, "saturday": 6, "sat": 6, "sabado": 6, "sábado": 6,
}

var weekdayNames = []string{"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"}

// subscriptionSpec turns "[weekly|daily] [day] [HH:MM] [Area/City]" into a cron spec and a
// description. The defaults are weekly, Monday, 09:00, America/Mexico_City.
//
// "every DURATION" (at least a second) subscribes at a fixed interval instead, for trials.
func subscriptionSpec(args string) (spec, desc string, err error) {
	if f := strings.Fields(args); len(f) == 2 && strings.EqualFold(f[0], "every") {
		d, err := time.ParseDuration(f[1])
		if err != nil || d < time.Second {
			return "", "", fmt.Errorf("%q is not an interval of at least 1s, like 24h", f[1])
		}
		return "@every " + d.String(), "every " + d.String(), nil
	}
	freq, day, hour, minute, zone := "weekly", 1, 9, 0, "America/Mexico_City"
	for _, w := range strings.Fields(args) {
		lw := strings.ToLower(w)
		switch {
		case lw == "weekly" || lw == "semanal":
			freq = "weekly"
		case lw == "daily" || lw == "diario":
			freq = "daily"
		case weekdays[lw] != 0 || lw == "sunday" || lw == "sun" || lw == "domingo":
			day = weekdays[lw]
		case strings.Contains(w, ":"):
			var h, m int
			if _, err := fmt.Sscanf(w, "%d:%d", &h, &m); err != nil || h < 0 || h > 23 || m < 0 || m > 59 {
				return "", "", fmt.Errorf("%q is not a time of day like 09:00", w)
			}
			hour, minute = h, m
		case strings.Contains(w, "/") || w == "UTC":
			if _, err := time.LoadLocation(w); err != nil {
				return "", "", fmt.Errorf("%q is not an IANA time zone like America/Mexico_City", w)
			}
			zone = w
		default:
			return "", "", fmt.Errorf("%q is not a frequency, a day, a time like 09:00 or a time zone like Area/City", w)
		}
	}
	if freq == "daily" {
		return fmt.Sprintf("CRON_TZ=%s %d %d * * *", zone, minute, hour),
			fmt.Sprintf("daily at %02d:%02d %s", hour, minute, zone), nil
	}
	return fmt.Sprintf("CRON_TZ=%s %d %d * * %d", zone, minute, hour, day),
		fmt.Sprintf("weekly on %s at %02d:%02d %s", weekdayNames[day], hour, minute, zone), nil
}

// isAdmin reports whether a user may change subscriptions: a configured admin, or a
// workspace admin or owner.
func (b *Bot) isAdmin(ctx context.Context, user string) (bool, error) {
	if slices.Contains(b.cfg.Admins, user) {
		return true, nil
	}
	u, err := b.api.GetUserInfoContext(ctx, user)
	if err != nil {
		return false, err
	}
	return u.IsAdmin || u.IsOwner || u.IsPrimaryOwner, nil
}

// isMember reports whether the bot can post in a channel: a member of it (direct messages
// always). A channel the bot cannot even see is one it is not a member of.
func (b *Bot) isMember(ctx context.Context, channel string) (bool, error) {
	if strings.HasPrefix(channel, "D") {
		return true, nil
	}
	info, err := b.api.GetConversationInfoContext(ctx, &slack.GetConversationInfoInput{ChannelID: channel})
	var se slack.SlackErrorResponse
	switch {
	case errors.As(err, &se) && se.Err == "channel_not_found":
		return false, nil
	case err != nil:
		return false, err
	}
	return info.IsMember, nil
}
