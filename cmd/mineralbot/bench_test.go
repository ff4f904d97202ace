package main

import (
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/mineralbot/mineralbot/internal/slackfake"
)

// realisticMix is what a team asks in a busy hour: cards, questions, Spanish, countries,
// comparisons, searches, misspellings and things the bot does not know.
var realisticMix = []string{
	"antimony", "who produces graphite?", "mexico", "compare antimony tungsten gallium", "silver in peru",
	"¿quién produce fluorita?", "US import reliance on gallium over time", "is copper on the EU list?",
	"antimny", "fluorpsar producers", "search flame retardants", "price of lithium in 2023",
	"what's the weather today", "thanks!", "top 3 lithium producers", "country china",
	"section 232", "¿qué minerales críticos produce México?", "unobtainium", "chart gallium trend",
}

// BenchmarkSlashBurst sends bursts of 200 slash commands of a realistic mix through the
// Slack stand-in to the real `mineralbot run` in this process, and reports the p50 and p99 of
// the ack latency (envelope sent → ack read) and of the answer latency (envelope sent →
// answer in the ack or at the response_url), in milliseconds.
func BenchmarkSlashBurst(b *testing.B) {
	lb := startBot(b, map[string]string{"MINERALBOT_LOG_LEVEL": "warn", "MINERALBOT_BOT_ACK_BUDGET": os.Getenv("BENCH_ACK_BUDGET"), "MINERALBOT_BOT_WORKERS": os.Getenv("BENCH_WORKERS")})
	burstBench(b, lb.fake, 200, nil)
}

// BenchmarkSlashBurstProcess is BenchmarkSlashBurst with the bot in its own process (the
// built binary, with its default settings), as in production, for bursts of 200 and 1,000.
// BENCH_BOT_ENV adds settings to the bot's environment, for experiments:
// BENCH_BOT_ENV="GOMAXPROCS=4 MINERALBOT_BOT_WORKERS=1".
func BenchmarkSlashBurstProcess(b *testing.B) {
	for _, burst := range []int{200, 1000} {
		b.Run(fmt.Sprint(burst), func(b *testing.B) {
			fake := slackfake.New()
			b.Cleanup(fake.Close)
			env := map[string]string{
				"SLACK_BOT_TOKEN": slackfake.BotToken, "SLACK_APP_TOKEN": slackfake.AppToken, "SLACK_API_URL": fake.APIURL(),
				"MINERALBOT_LOG_LEVEL": "warn", "MINERALBOT_HTTP_ADDR": "127.0.0.1:0", "MINERALBOT_DATA_DIR": b.TempDir(),
			}
			for _, kv := range strings.Fields(os.Getenv("BENCH_BOT_ENV")) {
				k, v, _ := strings.Cut(kv, "=")
				env[k] = v
			}
			bot := startReplica(b, "bot", env)
			if err := fake.WaitConnected(1, 20*time.Second); err != nil {
				b.Fatal(err)
			}
			burstBench(b, fake, burst, func() time.Duration { return processCPU(b, bot.cmd.Process.Pid) })
		})
	}
}

// burstBench sends bursts of slash commands and reports ack and answer latencies, and, given
// the bot's CPU time (when it runs in its own process), the bot's CPU per command: what the
// bot costs, apart from the stand-in that shares the machine with it.
func burstBench(b *testing.B, fake *slackfake.Server, burst int, botCPU func() time.Duration) {
	questions := realisticMix
	// One burst first, unmeasured, as a bot that has been up a while: its search index built
	// (it builds once connected), its connections to Slack open.
	sendBurst(b, fake, burst, questions)
	var acks, answers, bare []time.Duration
	var cpu0 time.Duration
	if botCPU != nil {
		cpu0 = botCPU()
	}
	conns0 := fake.HTTPConnections()
	self0 := selfCPU()
	for b.Loop() {
		a, ans, ba := sendBurst(b, fake, burst, questions)
		acks, answers, bare = append(acks, a...), append(answers, ans...), append(bare, ba...)
	}
	report := func(name string, ds []time.Duration) {
		slices.Sort(ds)
		pct := func(p float64) float64 { return float64(ds[int(p*float64(len(ds)-1))].Microseconds()) / 1000 }
		b.ReportMetric(pct(0.50), name+"-p50-ms")
		b.ReportMetric(pct(0.99), name+"-p99-ms")
	}
	report("ack", acks)
	report("answer", answers)
	// An ack carries the answer when a worker was free and answered within the ack budget:
	// its latency is that answer's. The bare acks are those that did not wait for one.
	if len(bare) > 0 {
		report("bare-ack", bare)
	}
	b.ReportMetric(float64(len(acks)-len(bare))*100/float64(len(acks)), "answered-in-ack-%")
	// Every command is answered by one post (to response_url) or in its ack.
	b.ReportMetric(float64(fake.HTTPConnections()-conns0)*100/float64(b.N*burst), "new-conns/100-answers")
	if botCPU != nil {
		b.ReportMetric(float64((botCPU()-cpu0).Microseconds())/float64(b.N*burst), "bot-cpu-us/cmd")
		b.ReportMetric(float64((selfCPU()-self0).Microseconds())/float64(b.N*burst), "standin-cpu-us/cmd")
	}
}

// sendBurst sends a burst of slash commands, waits until every one is answered (in its ack
// or at its response_url), and returns each one's ack and answer latency.
func sendBurst(b *testing.B, fake *slackfake.Server, burst int, questions []string) (acks, answers, bare []time.Duration) {
	sent := make(map[string]time.Time, burst)
	urls := make(map[string]string, burst) // response_url path → envelope
	for i := range burst {
		env, url, err := fake.SendSlashCommand(slackfake.SlashCommand{Text: questions[i%len(questions)], User: "UB", Channel: "CB"})
		if err != nil {
			b.Fatal(err)
		}
		sent[env] = time.Now()
		urls[url[strings.Index(url, "/response/"):]] = env
	}
	answered := map[string]time.Time{}
	inAck := map[string]bool{}
	seenAcks, seenPosts := 0, 0
	err := fake.WaitFor(60*time.Second, func(posts []slackfake.Post, as []slackfake.Ack) bool {
		for _, a := range as[seenAcks:] {
			if _, ok := sent[a.EnvelopeID]; ok && len(a.Payload) > 0 {
				answered[a.EnvelopeID] = a.At
				inAck[a.EnvelopeID] = true
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
		d, ok := fake.AckLatency(env)
		if !ok {
			b.Fatalf("envelope %s not acked", env)
		}
		acks = append(acks, d)
		answers = append(answers, answered[env].Sub(at))
		if !inAck[env] {
			bare = append(bare, d)
		}
	}
	return acks, answers, bare
}

// selfCPU is the CPU time this process (the stand-in, and the benchmark driving it) has used.
func selfCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// processCPU is the user and system CPU time a process has used so far, from /proc (in
// clock ticks of 10 ms: a figure per command needs a burst or several).
func processCPU(tb testing.TB, pid int) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		tb.Fatalf("CPU time of process %d: %v", pid, err)
	}
	// The fields after the command name (which is in parentheses and may hold spaces):
	// utime and stime are the 12th and 13th.
	f := strings.Fields(string(data[strings.LastIndexByte(string(data), ')')+1:]))
	if len(f) < 13 {
		tb.Fatalf("CPU time of process %d: short /proc stat %q", pid, data)
	}
	utime, err1 := strconv.ParseInt(f[11], 10, 64)
	stime, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		tb.Fatalf("CPU time of process %d: %q", pid, data)
	}
	return time.Duration(utime+stime) * 10 * time.Millisecond
}
