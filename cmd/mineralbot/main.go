// Command mineralbot answers questions about critical minerals, in Slack and in a terminal.
//
// Usage:
//
//	mineralbot ask QUESTION...   answer a question from the knowledge base
//	mineralbot kb check [DIR]    validate the knowledge base (the embedded one by default)
//	mineralbot version           print the version
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args, os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
