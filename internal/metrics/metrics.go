// Package metrics holds mineralbot's Prometheus metrics. Every series is prefixed
// mineralbot_. The bot reports to it through a small interface of its own.
package metrics

import (
	"net/http"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics is the set of mineralbot's metrics, on a registry of its own.
type Metrics struct {
	reg *prometheus.Registry

	envelopes      *prometheus.CounterVec
	answers        *prometheus.CounterVec
	unanswered     prometheus.Counter
	answerLatency  prometheus.Histogram
	slackErrors    *prometheus.CounterVec
	rateLimited    prometheus.Counter
	reconnects     prometheus.Counter
	duplicates     prometheus.Counter
	busy           prometheus.Counter
	lost           prometheus.Counter
	takenOver      prometheus.Counter
	digestsPosted  prometheus.Counter
	digestsFailed  prometheus.Counter
	deliveries     *prometheus.CounterVec
	panics         prometheus.Counter
	feedback       *prometheus.CounterVec
	records        *prometheus.GaugeVec
	reloads        *prometheus.CounterVec
	connected      prometheus.Gauge
	knowledgeReady prometheus.Gauge
}

// New registers the metrics, with build information and the Go runtime's and the process's
// (as mineralbot_go_… and mineralbot_process_…).
func New(version, revision, goVersion string) *Metrics {
	reg := prometheus.NewRegistry()
	f := func(c prometheus.Collector) { reg.MustRegister(c) }
	m := &Metrics{reg: reg,
		envelopes: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "mineralbot_requests_total",
			Help: "Slack requests received, by kind (slash_command, app_mention, message_im, interactive)."}, []string{"kind"}),
		answers: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "mineralbot_answers_total",
			Help: "Answers given, by intent."}, []string{"intent"}),
		unanswered: prometheus.NewCounter(prometheus.CounterOpts{Name: "mineralbot_unanswered_questions_total",
			Help: "Questions the knowledge base could not answer."}),
		answerLatency: prometheus.NewHistogram(prometheus.HistogramOpts{Name: "mineralbot_answer_duration_seconds",
			Help: "Time to answer a question, from the question to the rendered answer.", Buckets: prometheus.ExponentialBuckets(0.0005, 2, 14)}),
		slackErrors: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "mineralbot_slack_api_errors_total",
			Help: "Slack Web API calls that failed after retries, by method."}, []string{"method"}),
		rateLimited: prometheus.NewCounter(prometheus.CounterOpts{Name: "mineralbot_slack_rate_limited_total",
			Help: "HTTP 429 answers from Slack."}),
		reconnects: prometheus.NewCounter(prometheus.CounterOpts{Name: "mineralbot_slack_reconnects_total",
			Help: "Socket Mode connections after the first."}),
		duplicates: prometheus.NewCounter(prometheus.CounterOpts{Name: "mineralbot_duplicate_events_total",
			Help: "Redelivered events skipped."}),
		busy: prometheus.NewCounter(prometheus.CounterOpts{Name: "mineralbot_busy_rejections_total",
			Help: "Requests turned away politely because the queue was full."}),
		lost: prometheus.NewCounter(prometheus.CounterOpts{Name: "mineralbot_replies_lost_total",
			Help: "Replies that could not be delivered after retries."}),
		takenOver: prometheus.NewCounter(prometheus.CounterOpts{Name: "mineralbot_messages_taken_over_total",
			Help: "Messages acked by a process that did not answer them (it died or stalled), answered by this one."}),
		feedback: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "mineralbot_feedback_total",
			Help: "Feedback on answers: helpful (👍) or not_helpful (👎)."}, []string{"vote"}),
		panics: prometheus.NewCounter(prometheus.CounterOpts{Name: "mineralbot_panics_total",
			Help: "Requests and digests whose handling panicked (recovered; the user got an apology)."}),
		deliveries: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "mineralbot_digest_deliveries_total",
			Help: "Digest delivery outcomes: posted, skipped, found_posted (an earlier attempt's post found, not posted again), retry, store_error, given_up."}, []string{"outcome"}),
		digestsPosted: prometheus.NewCounter(prometheus.CounterOpts{Name: "mineralbot_digests_posted_total",
			Help: "Digests posted."}),
		digestsFailed: prometheus.NewCounter(prometheus.CounterOpts{Name: "mineralbot_digests_failed_total",
			Help: "Digests that failed to post."}),
		records: prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "mineralbot_knowledge_records",
			Help: "Records in the knowledge base being served, by kind."}, []string{"kind"}),
		reloads: prometheus.NewCounterVec(prometheus.CounterOpts{Name: "mineralbot_knowledge_reloads_total",
			Help: "Knowledge-base reloads, by result (ok, failed)."}, []string{"result"}),
		connected: prometheus.NewGauge(prometheus.GaugeOpts{Name: "mineralbot_slack_connected",
			Help: "1 while a Socket Mode connection is up."}),
		knowledgeReady: prometheus.NewGauge(prometheus.GaugeOpts{Name: "mineralbot_knowledge_ready",
			Help: "1 once a knowledge base is loaded and indexed."}),
	}
	for _, c := range []prometheus.Collector{m.envelopes, m.answers, m.unanswered, m.answerLatency, m.slackErrors,
		m.rateLimited, m.reconnects, m.duplicates, m.busy, m.lost, m.takenOver, m.digestsPosted, m.digestsFailed, m.deliveries, m.panics, m.feedback, m.records,
		m.reloads, m.connected, m.knowledgeReady} {
		f(c)
	}
	build := prometheus.NewGaugeVec(prometheus.GaugeOpts{Name: "mineralbot_build_info",
		Help: "Build information; the value is 1."}, []string{"version", "revision", "goversion"})
	build.WithLabelValues(version, revision, goVersion).Set(1)
	f(build)
	// The runtime's own series get the prefix too, so that every series is mineralbot_….
	prefixed := prometheus.WrapRegistererWithPrefix("mineralbot_", reg)
	prefixed.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	for _, r := range []string{"ok", "failed"} {
		m.reloads.WithLabelValues(r)
	}
	return m
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{})
}

// Request counts a Slack request of a kind.
func (m *Metrics) Request(kind string) { m.envelopes.WithLabelValues(kind).Inc() }

// Answered records an answer of an intent and how long it took.
func (m *Metrics) Answered(intent string, d time.Duration, found bool) {
	m.answers.WithLabelValues(intent).Inc()
	m.answerLatency.Observe(d.Seconds())
	if !found {
		m.unanswered.Inc()
	}
}

// SlackError counts a Web API call that failed for good.
func (m *Metrics) SlackError(method string) { m.slackErrors.WithLabelValues(method).Inc() }

// RateLimited counts a 429 from Slack.
func (m *Metrics) RateLimited() { m.rateLimited.Inc() }

// Reconnected counts a new Socket Mode connection after the first.
func (m *Metrics) Reconnected() { m.reconnects.Inc() }

// Connected records whether the socket is up.
func (m *Metrics) Connected(up bool) { m.connected.Set(b2f(up)) }

// Duplicate counts a redelivered event.
func (m *Metrics) Duplicate() { m.duplicates.Inc() }

// Busy counts a request turned away.
func (m *Metrics) Busy() { m.busy.Inc() }

// ReplyLost counts a reply that could not be delivered.
func (m *Metrics) ReplyLost() { m.lost.Inc() }

// TakenOver counts a message another process acked and did not answer, answered here.
func (m *Metrics) TakenOver() { m.takenOver.Inc() }

// Digest counts a digest posted or failed.
func (m *Metrics) Digest(ok bool) {
	if ok {
		m.digestsPosted.Inc()
	} else {
		m.digestsFailed.Inc()
	}
}

// Feedback counts a 👍 or a 👎.
func (m *Metrics) Feedback(helpful bool) {
	vote := "not_helpful"
	if helpful {
		vote = "helpful"
	}
	m.feedback.WithLabelValues(vote).Inc()
}

// Panic counts a recovered panic.
func (m *Metrics) Panic() { m.panics.Inc() }

// DigestOutcome counts one outcome of a digest delivery attempt.
func (m *Metrics) DigestOutcome(outcome string) { m.deliveries.WithLabelValues(outcome).Inc() }

// Knowledge records the records being served.
func (m *Metrics) Knowledge(minerals, policies, countries int) {
	m.records.WithLabelValues("mineral").Set(float64(minerals))
	m.records.WithLabelValues("policy").Set(float64(policies))
	m.records.WithLabelValues("country").Set(float64(countries))
	m.knowledgeReady.Set(1)
}

// Reload counts a knowledge-base reload.
func (m *Metrics) Reload(ok bool) {
	if ok {
		m.reloads.WithLabelValues("ok").Inc()
	} else {
		m.reloads.WithLabelValues("failed").Inc()
	}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}
