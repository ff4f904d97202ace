// Package state is mineralbot's durable state behind one interface, [Store]: digest
// subscriptions, digest deliveries, event dedupe, conversations' topics, unanswered questions
// and feedback. The bot depends on the interface only; state/bolt keeps it in one file (the
// default, nothing to install), state/postgres in PostgreSQL, for several replicas.
//
// # Digest deliveries: every period posted once
//
// Every process computes the same periods: calendar schedules from the calendar, @every
// schedules from the Unix epoch (wall-clock aligned), never from its own start. A period's
// delivery is a small state machine, kept in the store:
//
//	(none) ──Claim──▶ claimed ──Complete──▶ posted | skipped   (done: never again)
//	                     │  ▲
//	             Release │  │ Claim (the lease ended, or the last attempt failed)
//	                     ▼  │
//	                   failed
//
// A claim is a lease ([Lease]: a third of the schedule's period, at most a minute). The holder
// posts and then completes. If it fails to post (Slack 500s, a timeout, SIGTERM), it releases
// the claim and retries with backoff within the period; if it dies (kill -9), its lease runs
// out and the next process that tries claims the period, with Attempts > 1.
//
// The one gap a store cannot close on its own is a holder that posted and died before
// completing. So the bot marks every digest it posts with Slack message metadata (event
// type mineralbot_digest, with the subscription and the period) and, before posting on any
// claim with Attempts > 1, looks for that mark in the channel's recent history: if the digest
// is there it completes the delivery with that message's ts instead of posting again.
//
// What this guarantees, given a store that holds and a Slack that answers:
//   - at most one digest per channel and period across any number of processes;
//   - a digest whose post failed or was cut off is posted within the period, once Slack
//     answers again (and on start, within digest.grace);
//   - a period claimed by a process that died is posted by another within a lease, or, by a
//     process that starts later, within digest.grace (even when newer periods have begun).
//
// A claim's owner names one attempt (the bot's process and a number per send), so two
// attempts at one period never share a lease, even within one process.
//
// While the store is unreachable, digests wait (nothing is posted without a claim); answering
// does not depend on the store, and event dedupe and conversations' topics fall back to the
// process's memory.
package state
