package main

import (
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mineralbot/mineralbot/internal/slackfake"
)

// BenchmarkSlashBurst sends bursts of 200 slash commands through the Slack stand-in to the
// real `mineralbot run`, and reports the p50 and p99 of the ack latency (envelope sent →
// ack read) and of the answer latency (envelope sent → answer in the ack or at the
// response_url), in milliseconds.
func BenchmarkSlashBurst(b *testing.B) {
	lb := startBot(b, map[string]string{"MINERALBOT_LOG_LEVEL": "warn", "MINERALBOT_BOT_ACK_BUDGET": os.Getenv("BENCH_ACK_BUDGET"), "MINERALBOT_BOT_WORKERS": os.Getenv("BENCH_WORKERS")})
	questions := []string{"antimony", "who produces graphite", "mexico", "compare antimony tungsten", "silver in peru"}
	var acks, answers []time.Duration
	const burst = 200
	for b.Loop() {
		sent := make(map[string]time.Time, burst)
		urls := make(map[string]string, burst) // response_url path → envelope
		for i := range burst {
			env, url, err := lb.fake.SendSlashCommand(slackfake.SlashCommand{Text: questions[i%len(questions)], User: "UB", Channel: "CB"})
			if err != nil {
				b.Fatal(err)
			}
			sent[env] = time.Now()
			urls[url[strings.Index(url, "/response/"):]] = env
		}
		answered := map[string]time.Time{}
		seenAcks, seenPosts := 0, 0
		err := lb.fake.WaitFor(60*time.Second, func(posts []slackfake.Post, as []slackfake.Ack) bool {
			for _, a := range as[seenAcks:] {
				if _, ok := sent[a.EnvelopeID]; ok && len(a.Payload) > 0 {
					answered[a.EnvelopeID] = a.At
				}
			}
			for _, p := range posts[seenPosts:] {
				if env, ok := urls[p.ResponseURL]; ok {
					answered[env] = p.At
				}
			}
			seenAcks, seenPosts = len(as), len(posts)
			return len(answered) >= burst
		})
		if err != nil {
			b.Fatal(err)
		}
		for env, at := range sent {
			d, ok := lb.fake.AckLatency(env)
			if !ok {
				b.Fatalf("envelope %s not acked", env)
			}
			acks = append(acks, d)
			answers = append(answers, answered[env].Sub(at))
		}
	}
	report := func(name string, ds []time.Duration) {
		slices.Sort(ds)
		pct := func(p float64) float64 { return float64(ds[int(p*float64(len(ds)-1))].Microseconds()) / 1000 }
		b.ReportMetric(pct(0.50), name+"-p50-ms")
		b.ReportMetric(pct(0.99), name+"-p99-ms")
	}
	report("ack", acks)
	report("answer", answers)
}
