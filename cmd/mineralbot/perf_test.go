package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/index"
	"github.com/mineralbot/mineralbot/internal/slackfake"
	"github.com/mineralbot/mineralbot/knowledge"
)

// BenchmarkColdStart times `mineralbot run` from its start to a live Socket Mode connection
// to the stand-in, with the embedded knowledge base: load and validate it, build the answer
// engine, open the state file, authenticate and connect (the search index finishes building
// in the background). It reports the mean as to-connected-ms.
func BenchmarkColdStart(b *testing.B) {
	var total time.Duration
	for b.Loop() {
		fake := slackfake.New()
		env := map[string]string{
			"SLACK_BOT_TOKEN": slackfake.BotToken, "SLACK_APP_TOKEN": slackfake.AppToken, "SLACK_API_URL": fake.APIURL(),
			"MINERALBOT_LOG_LEVEL": "warn", "MINERALBOT_DATA_DIR": b.TempDir(),
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan int, 1)
		start := time.Now()
		go func() {
			done <- run(ctx, []string{"mineralbot", "run"}, func(k string) string { return env[k] }, io.Discard, io.Discard)
		}()
		if err := fake.WaitConnected(1, 20*time.Second); err != nil {
			b.Fatal(err)
		}
		total += time.Since(start)
		cancel()
		<-done
		fake.Close()
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "to-connected-ms")
}

// BenchmarkResidentMemory reports the process's resident memory (VmRSS) after loading the
// embedded knowledge base and answering one question, with the test binary's own share in it.
func BenchmarkResidentMemory(b *testing.B) {
	var ix *index.Index
	for b.Loop() {
		if ix != nil {
			ix.Close()
		}
		var eng *answer.Engine
		var err error
		eng, ix, err = loadEngine("")
		if err != nil {
			b.Fatal(err)
		}
		eng.Ask(context.Background(), "antimony", answer.English)
	}
	runtime.GC()
	b.ReportMetric(float64(vmRSS(b))/(1<<20), "rss-MB")
	ix.Close()
}

func vmRSS(tb testing.TB) int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		tb.Fatalf("resident memory is read from /proc/self/status: %v", err)
	}
	for _, line := range strings.Split(string(data), "\n") {
		if f := strings.Fields(line); len(f) >= 2 && f[0] == "VmRSS:" {
			kb, _ := strconv.ParseInt(f[1], 10, 64)
			return kb << 10
		}
	}
	return 0
}

// syntheticKB is a knowledge base of n mineral records with production tables, made up of
// varied words so that search has work to do.
// syntheticEdition is the edition the synthetic figures claim: kb check wants a real one.
const syntheticEdition = "USGS Mineral Commodity Summaries 2025"

func syntheticKB(n int) fstest.MapFS {
	words := strings.Fields("alloy battery catalyst ceramic magnet semiconductor alloying refractory pigment glass fertilizer steel solar wind defense aerospace electronics coating solder cable")
	fsys := fstest.MapFS{}
	var prod, lists strings.Builder
	prod.WriteString("mineral,country,measure,year,value,estimated,unit,form,secondary,source_url,edition,note\n")
	lists.WriteString("list,item,mineral,source_url,edition\n")
	for i := range n {
		id := fmt.Sprintf("mineral-%05d", i)
		body := fmt.Sprintf("Synthetic mineral %d is used in %s and %s, mined mostly in country %d.", i, words[i%len(words)], words[(i*7)%len(words)], i%50)
		fsys["minerals/"+id+".md"] = &fstest.MapFile{Data: fmt.Appendf(nil, `---
id: %s
name: Synthetic %05d
name_es: Sintético %05d
aliases: [synth%d]
uses: [%s, %s]
uses_es: [uso %s, uso %s]
sources:
  - url: https://example.org/%s
    edition: Synthetic edition
updated: 2026-11-26
---
%s

## Español

El mineral sintético %d sirve para pruebas.
`, id, i, i, i, words[i%len(words)], words[(i*3)%len(words)], words[i%len(words)], words[(i*3)%len(words)], id, body, i)}
		// Three countries and a world total that they add up to (kb check sums them).
		for c := range 3 {
			fmt.Fprintf(&prod, "%s,country-%d,mine_production,2024,%d,,metric tons,,,https://example.org/t,%s,\n", id, (i+c)%50, 1000+i*c, syntheticEdition)
		}
		fmt.Fprintf(&prod, "%s,world,mine_production,2024,%d,,metric tons,,,https://example.org/t,%s,\n", id, 3000+3*i, syntheticEdition)
	}
	fsys["tables/production.csv"] = &fstest.MapFile{Data: []byte(prod.String())}
	fsys["tables/lists.csv"] = &fstest.MapFile{Data: []byte(lists.String())}
	var countries strings.Builder
	countries.WriteString("id,name,name_es,aliases\n")
	for c := range 50 {
		fmt.Fprintf(&countries, "country-%d,Country %d,País %d,\n", c, c, c)
	}
	fsys["tables/countries.csv"] = &fstest.MapFile{Data: []byte(countries.String())}
	fsys["tables/import_reliance.csv"] = &fstest.MapFile{Data: []byte("mineral,product,year,value,estimated,source_url,edition\n")}
	fsys["tables/import_sources.csv"] = &fstest.MapFile{Data: []byte("mineral,product,country,share_pct,period,source_url,edition\n")}
	fsys["tables/end_uses.csv"] = &fstest.MapFile{Data: []byte("mineral,use,share_pct,year,estimated,source_url,edition,note\n")}
	fsys["tables/prices.csv"] = &fstest.MapFile{Data: []byte("mineral,form,unit,year,value,estimated,source_url,edition\n")}
	fsys["policies/.keep"] = &fstest.MapFile{}
	fsys["countries/.keep"] = &fstest.MapFile{}
	return fsys
}

// BenchmarkSynthetic10k builds a 10,000-record knowledge base and reports build time (load,
// validate, index, engine) and the p50 and p99 of answering questions against it.
func BenchmarkSynthetic10k(b *testing.B) { syntheticBench(b, 10_000, 1000) }

// BenchmarkSynthetic100k is the same at 100,000 records, with the process's peak resident
// memory; fewer rounds, as one build takes most of a minute here. Its production table is
// about 40 MB, so the per-file limit is raised for it.
func BenchmarkSynthetic100k(b *testing.B) {
	defer func(old int64) { knowledge.MaxFileBytes = old }(knowledge.MaxFileBytes)
	knowledge.MaxFileBytes = 64 << 20
	syntheticBench(b, 100_000, 100)
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		b.ReportMetric(float64(ru.Maxrss)/1024, "peak-rss-MB")
	}
}

// syntheticBench builds an n-record knowledge base and asks each kind of question rounds
// times (after one round to warm up).
func syntheticBench(b *testing.B, n, rounds int) {
	// On disk, as `run` loads a knowledge.dir: the files are read and let go, not held in
	// memory for the length of the benchmark.
	dir := b.TempDir()
	for name, f := range syntheticKB(n) {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(name)), 0o755); err != nil {
			b.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), f.Data, 0o644); err != nil {
			b.Fatal(err)
		}
	}
	fsys := os.DirFS(dir)
	runtime.GC()
	// One question per kind of answer, each reported on its own: a card, a search, producers,
	// a multi-word search, a misspelt name, a misspelt word, a country card (a real one:
	// "Country 7" is a synthetic country's name), a comparison, and answers over every mineral
	// or a sector's (see wantIntent). The multi-word search's
	// words name no sector: "battery catalyst steel" became three sectors' minerals, set
	// against each other, when steel and catalysts became sectors, and measured that.
	questions := []struct{ kind, q string }{
		{"card", "synthetic 01234"}, {"search", "magnet"}, {"producers", "who produces synthetic 00042"},
		{"search-words", "ceramic pigment coating"}, {"typo-name", "synth9999"}, {"typo-word", "semiconductr"},
		{"country", "what does Country 7 produce"}, {"compare", "compare synthetic 00001 synthetic 00002"},
		// Answers about every mineral, or every mineral of a sector: each walked every record
		// per question (0.04–0.5 s at 100,000 records) until it was found once per load.
		{"sector", "who produces battery minerals?"}, {"ranking", "which mineral is the most concentrated?"},
		{"changes", "what's new in the 2025 edition?"},
	}
	// The kinds whose answer is not what its words would find by search alone.
	wantIntent := map[string]answer.Intent{"country": answer.IntentCountry, "sector": answer.IntentLists,
		"ranking": answer.IntentRisk, "changes": answer.IntentChange}
	var builds, asks []time.Duration
	byKind := map[string][]time.Duration{}
	var gcs uint64
	for b.Loop() {
		start := time.Now()
		kb, err := knowledge.Load(fsys)
		if err != nil {
			b.Fatal(err)
		}
		// As `run` does: the index builds beside the engine; ready is when both are.
		ix := index.Start(kb)
		eng, _ := answer.New(kb, answer.FromIndex(ix))
		if err := ix.Wait(context.Background()); err != nil {
			b.Fatal(err)
		}
		builds = append(builds, time.Since(start))
		runtime.GC() // as a bot that has been up a while: the build's garbage is gone
		// One round to warm up, then enough samples that the p99 is not simply the slowest
		// one, and enough rounds that garbage collections come at the rate they would in a
		// running bot. With 200 rounds at 10,000 records, the p99 depended on whether one
		// collection happened to fall within them: a three-word search took 2 ms without
		// and 4–7 ms with one.
		gc0 := gcCycles()
		for round := range rounds + 1 {
			for _, q := range questions {
				t := time.Now()
				a, err := eng.Ask(context.Background(), q.q, answer.English)
				if err != nil {
					b.Fatal(err)
				}
				if want, ok := wantIntent[q.kind]; ok && a.Intent != want {
					b.Fatalf("%q: intent %s, want %s: the benchmark would measure another answer", q.q, a.Intent, want)
				}
				d := time.Since(t)
				if round == 0 {
					continue
				}
				asks = append(asks, d)
				byKind[q.kind] = append(byKind[q.kind], d)
			}
		}
		gcs += gcCycles() - gc0
		ix.Close()
	}
	slices.Sort(asks)
	b.ReportMetric(float64(gcs)/float64(b.N), "gc-cycles-while-asking")
	b.ReportMetric(float64(mean(builds).Milliseconds()), "build-ms")
	b.ReportMetric(float64(asks[len(asks)/2].Microseconds())/1000, "ask-p50-ms")
	b.ReportMetric(float64(asks[len(asks)*99/100].Microseconds())/1000, "ask-p99-ms")
	for kind, ds := range byKind {
		slices.Sort(ds)
		b.ReportMetric(float64(ds[len(ds)*99/100].Microseconds())/1000, kind+"-p99-ms")
	}
}

// gcCycles is the number of garbage collections the process has completed.
func gcCycles() uint64 {
	s := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}
	metrics.Read(s)
	return s[0].Value.Uint64()
}

func mean(ds []time.Duration) time.Duration {
	var t time.Duration
	for _, d := range ds {
		t += d
	}
	return t / time.Duration(len(ds))
}
