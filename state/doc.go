// Package state is mineralbot's durable state behind one interface, [Store]: digest
// subscriptions, digest deliveries, event dedupe, conversations' topics, messages acked and not
// yet answered, unanswered questions and feedback. The bot depends on the interface only; state/bolt keeps it in one file (the
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
// # Pending messages: every acked message answered
//
// Slack never delivers an acked envelope again, so a process that dies between an ack and its
// reply would lose the reply. The bot records a DM or mention ([Store.AddPending]) before it
// acks it, and a slash command whose reply goes by response_url right after (recording first
// would hold up the ack: the gap is the journal's one write). The record is leased to the
// process; once the reply is posted it is deleted ([Store.DonePending]). Every process, at
// start and every quarter lease, takes the records whose lease has ended
// ([Store.TakePending], each to one taker) and answers them, with Attempts counting the
// processes that tried: at most three, and within 30 minutes of the message.
//
// What this guarantees, given a store that holds: a DM or mention acked is answered (a slash
// command, once it is recorded), by its process or, a lease later, by another; at least once,
// and twice only when a process dies between posting a reply and deleting its record.
//
// While the store is unreachable, digests wait (nothing is posted without a claim); answering
// does not depend on the store (messages are acked without a record after 300 ms), and event
// dedupe and conversations' topics fall back to the process's memory.
package state
