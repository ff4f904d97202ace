// Package bot is mineralbot's Slack side: a Socket Mode client that answers the /mineral
// slash command, app mentions and direct messages, and renders answers as Block Kit within
// Slack's limits, escaping every piece of text it echoes.
//
// slack-go opens the Socket Mode connection and carries the Web API; the connection's frames
// are read, decoded into slack-go's types and acked on one goroutine (conn.go), so that acks
// never queue behind answers, which run on a bounded pool of workers (pool.go). Replies are
// posted off the workers.
//
// Only this package (and package cmd/mineralbot, which wires it up) imports slack-go. It
// reaches the answer layer through the small [Answerer] interface.
package bot
