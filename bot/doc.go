// Package bot is mineralbot's Slack side: a Socket Mode client (slack-go) that answers the
// /mineral slash command, app mentions and direct messages, and renders answers as Block Kit
// within Slack's limits, escaping every piece of text it echoes.
//
// Only this package (and package cmd/mineralbot, which wires it up) imports slack-go. It
// reaches the answer layer through the small [Answerer] interface.
package bot
