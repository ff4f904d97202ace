package bot

import (
	"math"
	"strconv"
	"strings"

	"github.com/slack-go/slack"

	"github.com/mineralbot/mineralbot/answer"
)

// Block Kit limits (see Slack's reference); the renderer stays within them whatever the data.
const (
	maxBlocks       = 50
	maxHeaderChars  = 150
	maxSectionChars = 3000
	maxContextChars = 2000
	// maxMessageChars keeps the blocks' total text well under the ~13k characters at which
	// Slack answers msg_blocks_too_long.
	maxMessageChars = 11000
	maxFallback     = 3000
	maxButtonValue  = 2000
)

// Action ids of the interactive elements.
const (
	actionShare    = "share_answer"
	actionFullCard = "full_card"
)

// maxReplyLines is how many lines of text a reply shows before its "Full card" button: one
// screen of a chat window.
const maxReplyLines = 15

// maxReplySources is how many sources a reply links; the full card has them all.
const maxReplySources = 2

// Message is a reply ready for Slack: Block Kit blocks and the plain-text fallback that
// notifications and screen readers use.
type Message struct {
	Text   string
	Blocks []slack.Block
}

// renderOptions say what to add around an answer.
type renderOptions struct {
	shareButton bool   // offer "Share in channel" (ephemeral slash replies)
	sharedBy    string // user id of who shared it, for in_channel re-posts
	// full renders every section (the full card, digests, reports); otherwise a reply is
	// the headline and what fits in maxReplyLines, with a "Full card" button.
	full bool
}

// render turns an answer into a Slack message. All text from the answer is escaped.
func render(a *answer.Answer, opt renderOptions) Message {
	// Help and charts are shown whole: a chart is the point of asking for one.
	if !opt.full && a.Headline != "" && a.Headline != a.Title && a.Intent != answer.IntentHelp && a.Intent != answer.IntentChart {
		return renderReply(a, opt)
	}
	l := a.Lang
	b := &builder{lang: l}
	b.add(slack.NewHeaderBlock(slack.NewTextBlockObject(slack.PlainTextType, truncateRunes(esc(a.Title), maxHeaderChars), false, false)))
	if a.Headline != "" && a.Headline != a.Title {
		b.section("*" + esc(a.Headline) + "*")
	}
	var ctx []string
	if a.Subtitle != "" {
		ctx = append(ctx, esc(a.Subtitle))
	}
	if len(a.DidYouMean) > 0 && a.Found() {
		ctx = append(ctx, l.Sprintf("Showing results for %s", "*"+esc(strings.Join(a.DidYouMean, ", "))+"*"))
	}
	if opt.sharedBy != "" {
		ctx = append(ctx, l.Sprintf("Shared by %s", "<@"+esc(opt.sharedBy)+">"))
	}
	if len(ctx) > 0 {
		b.context(strings.Join(ctx, "  ·  "))
	}
	for _, s := range a.Sections {
		// The full card draws shares as a native chart where Slack's limits allow, the
		// text bars otherwise.
		chart := shareChart(l, s)
		if chart != nil {
			s.Bars = nil
		}
		if line := seriesChart(s); line != nil {
			chart, s.Series = line, nil
		}
		if txt := sectionText(l, s); txt != "" {
			b.section(txt)
		}
		if chart != nil {
			b.add(chart)
		}
		if s.Note != "" {
			b.context(esc(s.Note))
		}
	}
	if len(a.DidYouMean) > 0 && !a.Found() {
		b.section(l.Sprintf("Did you mean: %s?", "*"+esc(strings.Join(a.DidYouMean, "*, *"))+"*"))
	}
	if len(a.Related) > 0 && a.Intent != answer.IntentSearch {
		var names []string
		for _, l := range a.Related {
			names = append(names, esc(l.Title))
		}
		b.context(l.Sprintf("See also: %s", listWithMore(l, names, 8, "; ")))
	}
	if len(a.Sources) > 0 {
		var links []string
		for _, s := range a.Sources {
			links = append(links, link(s.URL, s.Edition))
		}
		label := l.Sprintf("Sources: %s", "")
		b.context(label + joinWithin(l, links, "  ·  ", maxContextChars-len(label)))
	}
	if opt.shareButton && a.Found() && a.Question != "" {
		// The value is escaped too: Slack does not render it, but nothing raw goes out.
		btn := slack.NewButtonBlockElement(actionShare, truncate(esc(a.Question), maxButtonValue),
			slack.NewTextBlockObject(slack.PlainTextType, l.T("Share in channel"), false, false))
		b.reserve(slack.NewActionBlock("share", btn))
	}
	return Message{Text: fallback(a), Blocks: b.done()}
}

// renderReply is the short reply: the headline first, then the answer's sections while they
// fit in maxReplyLines, the sources, and a "Full card" button for the rest.
func renderReply(a *answer.Answer, opt renderOptions) Message {
	l := a.Lang
	b := &builder{lang: l}
	left := false
	var sources string
	if len(a.Sources) > 0 {
		// The first sources, on one line; the full card lists them all.
		var links []string
		for _, s := range a.Sources[:min(maxReplySources, len(a.Sources))] {
			links = append(links, link(s.URL, s.Edition))
		}
		sources = l.Sprintf("Sources: %s", "") + strings.Join(links, "  ·  ")
		if n := len(a.Sources) - maxReplySources; n > 0 {
			sources += "  ·  " + l.Sprintf("…and %s more", strconv.Itoa(n))
			left = true
		}
	}
	var ctx []string
	if len(a.DidYouMean) > 0 && a.Found() {
		ctx = append(ctx, l.Sprintf("Showing results for %s", "*"+esc(strings.Join(a.DidYouMean, ", "))+"*"))
	}
	if opt.sharedBy != "" {
		ctx = append(ctx, l.Sprintf("Shared by %s", "<@"+esc(opt.sharedBy)+">"))
	}
	headline := esc(a.Headline)
	b.section(headline)
	budget := maxReplyLines - lineCount(headline) - lineCount(sources)
	if len(ctx) > 0 {
		c := strings.Join(ctx, "  ·  ")
		b.context(c)
		budget -= lineCount(c)
	}
	for _, s := range a.Sections {
		if s.Detail {
			left = true
			continue
		}
		if len(s.Bars) > 0 {
			s.Facts = nil // the headline gives the leader's share; the chart shows the rest
		}
		txt := sectionText(l, s)
		if txt == "" {
			continue
		}
		if n := lineCount(txt); n <= budget {
			b.section(txt)
			budget -= n
		} else {
			left = true // a shorter section further on may still fit
		}
	}
	if len(a.DidYouMean) > 0 && !a.Found() {
		if txt := l.Sprintf("Did you mean: %s?", "*"+esc(strings.Join(a.DidYouMean, "*, *"))+"*"); lineCount(txt) <= budget {
			b.section(txt)
		}
	}
	if sources != "" {
		b.context(sources)
	}
	var buttons []slack.BlockElement
	if a.Record.ID != "" && (left || a.Intent != answer.IntentMineral && a.Intent != answer.IntentCountry && a.Intent != answer.IntentPolicy) {
		value := string(a.Lang) + "|" + string(a.Record.Kind) + "|" + a.Record.ID
		buttons = append(buttons, slack.NewButtonBlockElement(actionFullCard, truncate(value, maxButtonValue),
			slack.NewTextBlockObject(slack.PlainTextType, l.T("Full card"), false, false)))
	}
	if opt.shareButton && a.Found() && a.Question != "" {
		buttons = append(buttons, slack.NewButtonBlockElement(actionShare, truncate(esc(a.Question), maxButtonValue),
			slack.NewTextBlockObject(slack.PlainTextType, l.T("Share in channel"), false, false)))
	}
	if a.Found() && a.Question != "" && opt.sharedBy == "" {
		buttons = append(buttons, feedbackButtons(a)...)
	}
	if len(buttons) > 0 {
		b.reserve(slack.NewActionBlock("answer_actions", buttons...))
	}
	return Message{Text: truncate(headline, maxFallback), Blocks: b.done()}
}

// lineCount is how many lines a block of text takes, counting a long paragraph as one line
// per 100 characters, about the width of a chat window, and a mrkdwn link, <url|label>, by
// its label: that is all a chat window shows of it. It runs on every reply's every block, so
// it counts in one pass, without a regular expression or copies.
func lineCount(s string) int {
	if s == "" {
		return 0
	}
	n, chars := 0, 0
	feed := func(text string) {
		for _, r := range text {
			if r == '\n' {
				n += 1 + chars/100
				chars = 0
			} else {
				chars++
			}
		}
	}
	for s != "" {
		lt := strings.IndexByte(s, '<')
		if lt < 0 {
			feed(s)
			break
		}
		feed(s[:lt])
		s = s[lt:]
		// <url|label>: the first '|' before the first '>'.
		if end := strings.IndexByte(s, '>'); end > 0 {
			if bar := strings.IndexByte(s[:end], '|'); bar > 0 {
				feed(s[bar+1 : end])
				s = s[end+1:]
				continue
			}
		}
		feed("<")
		s = s[1:]
	}
	return n + 1 + chars/100
}

// shareChart draws a section's share bars as a Block Kit pie chart: the five largest and the
// rest of the world. It returns nil when the data does not fit Slack's limits (labels of at
// most 20 characters, 1 to 6 positive segments, a title of at most 50).
func shareChart(l answer.Lang, s answer.Section) slack.Block {
	if len(s.Bars) < 2 {
		return nil
	}
	var segs []slack.DataVisualizationSegment
	rest := 1.0
	for _, bar := range s.Bars[:min(5, len(s.Bars))] {
		if bar.Share <= 0 {
			return nil
		}
		segs = append(segs, slack.NewDataVisualizationSegment(truncateRunes(bar.Label, 20), math.Round(bar.Share*1000)/10))
		rest -= bar.Share
	}
	if rest > 0.0005 {
		segs = append(segs, slack.NewDataVisualizationSegment(truncateRunes(l.T("Rest of the world"), 20), math.Round(rest*1000)/10))
	}
	block := slack.NewDataVisualizationBlock(chartTitle(s.Heading), slack.NewDataVisualizationPieChart(segs...))
	if block.Validate() != nil {
		return nil
	}
	return block
}

// chartTitle is a section's heading as a chart's title, at most 50 characters: a heading
// too long loses its parenthesis (the source, which the context under the chart names).
func chartTitle(heading string) string {
	if i := strings.LastIndex(heading, " ("); i > 0 && len([]rune(heading)) > 50 {
		heading = heading[:i]
	}
	return truncateRunes(heading, 50)
}

// maxSeriesPoints is Slack's limit on the points of one chart series.
const maxSeriesPoints = 20

// seriesChart draws a section's Series as a line chart, its newest 20 points; nil when there
// are fewer than two or Slack's limits do not allow it (the text then lists them).
func seriesChart(s answer.Section) slack.Block {
	if len(s.Series) < 2 {
		return nil
	}
	points := s.Series[max(0, len(s.Series)-maxSeriesPoints):]
	cats := make([]string, len(points))
	data := make([]slack.DataVisualizationDataPoint, len(points))
	for i, p := range points {
		cats[i] = truncateRunes(p.Label, 20)
		data[i] = slack.NewDataVisualizationDataPoint(cats[i], p.Value)
	}
	name := s.SeriesName
	if name == "" {
		name = s.Heading
	}
	chart := slack.NewDataVisualizationLineChart(slack.NewDataVisualizationAxisConfig(cats...),
		slack.NewDataVisualizationDataSeries(truncateRunes(name, 20), data...))
	block := slack.NewDataVisualizationBlock(chartTitle(s.Heading), chart)
	if block.Validate() != nil {
		return nil
	}
	return block
}

// sectionText is one section as mrkdwn: heading, paragraph, items, chart, facts.
func sectionText(l answer.Lang, s answer.Section) string {
	var parts []string
	if s.Heading != "" {
		parts = append(parts, "*"+esc(s.Heading)+"*")
	}
	if s.Text != "" {
		parts = append(parts, esc(s.Text))
	}
	if len(s.Snippet) > 0 {
		parts = append(parts, snippet(s.Snippet))
	}
	if len(s.Items) > 0 {
		items := make([]string, len(s.Items))
		for i, it := range s.Items {
			items[i] = "• " + esc(it)
		}
		parts = append(parts, listWithMore(l, items, 12, "\n"))
	}
	if len(s.Bars) > 0 {
		parts = append(parts, "```\n"+esc(strings.TrimRight(answer.Bars(s.Bars), "\n"))+"\n```")
	}
	if len(s.Series) > 0 {
		points := make([]string, len(s.Series))
		for i, p := range s.Series {
			points[i] = p.Label + ": " + strconv.FormatFloat(p.Value, 'f', -1, 64)
		}
		parts = append(parts, esc(strings.Join(points, " · ")))
	}
	for _, f := range s.Facts {
		parts = append(parts, "*"+esc(f.Label)+":* "+esc(f.Value))
	}
	return truncate(strings.Join(parts, "\n"), maxSectionChars)
}

// snippet renders a search snippet, escaped, its matched words in bold.
func snippet(ss []answer.Span) string {
	var b strings.Builder
	for _, s := range ss {
		if s.Match && strings.TrimSpace(s.Text) != "" {
			b.WriteString("*" + esc(s.Text) + "*")
		} else {
			b.WriteString(esc(s.Text))
		}
	}
	return b.String()
}

// link formats a mrkdwn link whose label is escaped; a URL that could break out of the link
// syntax is shown as text instead.
func link(url, label string) string {
	if label == "" {
		label = url
	}
	if strings.ContainsAny(url, "<>| \n") {
		return esc(label) + " (" + esc(url) + ")"
	}
	return "<" + url + "|" + esc(label) + ">"
}

// listWithMore joins up to n items and says how many more there are.
func listWithMore(l answer.Lang, items []string, n int, sep string) string {
	if len(items) <= n {
		return strings.Join(items, sep)
	}
	return strings.Join(items[:n], sep) + sep + l.Sprintf("…and %s more", strconv.Itoa(len(items)-n))
}

// joinWithin joins whole items (never cutting one, so links stay intact) up to max bytes,
// and says how many more there are.
func joinWithin(l answer.Lang, items []string, sep string, max int) string {
	var b strings.Builder
	for i, it := range items {
		more := sep + l.Sprintf("…and %s more", strconv.Itoa(len(items)-i))
		if b.Len()+len(sep)+len(it)+len(more) > max && i < len(items)-1 || b.Len()+len(sep)+len(it) > max {
			if i == 0 {
				return l.Sprintf("%s sources", strconv.Itoa(len(items)))
			}
			b.WriteString(more)
			return b.String()
		}
		if i > 0 {
			b.WriteString(sep)
		}
		b.WriteString(it)
	}
	return b.String()
}

// fallback is the message's plain text, which notifications show: the headline where there
// is one, the title and the first paragraph otherwise.
func fallback(a *answer.Answer) string {
	if a.Headline != "" && a.Headline != a.Title {
		return truncate(esc(a.Headline), maxFallback)
	}
	t := a.Title
	if a.Subtitle != "" {
		t += " (" + a.Subtitle + ")"
	}
	// A title that is a sentence ("Sorry, I couldn't find that.") is followed by the next
	// one; a title that names something ("Antimony (Sb)") by a colon.
	sep := ": "
	if strings.HasSuffix(t, ".") || strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!") {
		sep = " "
	}
	for _, s := range a.Sections {
		if s.Text != "" {
			t += sep + s.Text
			break
		}
		if len(s.Snippet) > 0 {
			t += sep + answer.SpanText(s.Snippet)
			break
		}
	}
	return truncate(esc(t), maxFallback)
}

// builder collects blocks within the count and size limits, keeping room for the last
// (reserved) ones and saying when it had to leave something out.
type builder struct {
	lang    answer.Lang
	blocks  []slack.Block
	chars   int
	dropped int
	tail    []slack.Block
}

const reservedBlocks = 2 // the "left out" note and the share button

func (b *builder) fits(n int) bool {
	return len(b.blocks) < maxBlocks-reservedBlocks && b.chars+n <= maxMessageChars
}

func (b *builder) add(bl slack.Block) { b.blocks = append(b.blocks, bl) }

func (b *builder) section(mrkdwn string) {
	if !b.fits(len(mrkdwn)) {
		b.dropped++
		return
	}
	b.chars += len(mrkdwn)
	b.add(slack.NewSectionBlock(slack.NewTextBlockObject(slack.MarkdownType, mrkdwn, false, false), nil, nil))
}

func (b *builder) context(mrkdwn string) {
	mrkdwn = truncate(mrkdwn, maxContextChars)
	if !b.fits(len(mrkdwn)) {
		b.dropped++
		return
	}
	b.chars += len(mrkdwn)
	b.add(slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, mrkdwn, false, false)))
}

func (b *builder) reserve(bl slack.Block) { b.tail = append(b.tail, bl) }

func (b *builder) done() []slack.Block {
	if b.dropped > 0 {
		note := "_" + b.lang.Sprintf("…and %s more parts left out to fit in one message.", strconv.Itoa(b.dropped)) + "_"
		b.add(slack.NewContextBlock("", slack.NewTextBlockObject(slack.MarkdownType, note, false, false)))
	}
	return append(b.blocks, b.tail...)
}
