package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/bot"
	"github.com/mineralbot/mineralbot/index"
	"github.com/mineralbot/mineralbot/knowledge"
)

// Exit codes.
const (
	exitOK    = 0
	exitError = 1 // a failure, or a knowledge base with problems
	exitUsage = 2 // bad command line
)

const usage = `mineralbot answers questions about critical minerals.

Usage:
  mineralbot run [-config FILE]         run the Slack bot (Socket Mode)
  mineralbot ask [-kb DIR] [-lang en|es] QUESTION...
                                        answer a question in the terminal, in the
                                        question's language (or -lang's); with "-",
                                        answer questions read one per line as a
                                        conversation, each a follow-up of the last
  mineralbot kb check [DIR]             validate a knowledge base (default: the embedded one)
  mineralbot kb import [-edition YEAR] [-kb DIR] [-add-countries] FILE.csv
                                        import a USGS MCS data-release CSV into DIR's tables
                                        (default knowledge/content), replacing that edition's rows
  mineralbot state check [-config FILE] open the configured state store (bolt file or PostgreSQL),
                                        migrate it and read it through; a damaged file is
                                        reported with what to do
  mineralbot healthcheck [-url URL]     exit 0 if a running bot's /healthz answers (for containers)
  mineralbot version                    print version and build information

Examples:
  mineralbot ask antimony
  mineralbot ask "who produces fluorspar?"
  mineralbot ask "¿qué minerales críticos produce México?"
`

// usageError is a bad command line; run prints it with the usage and exits 2.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// run is the whole program; main only wires it to the process.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) int {
	err := dispatch(ctx, args[1:], getenv, stdout, stderr)
	var ue usageError
	var ce exitCodeError
	switch {
	case err == nil:
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "mineralbot: %s\n\n%s", ue.msg, usage)
		return exitUsage
	case errors.As(err, &ce):
		return ce.code
	case errors.Is(err, context.Canceled):
		return exitOK
	default:
		fmt.Fprintf(stderr, "mineralbot: %v\n", err)
		return exitError
	}
}

// exitCodeError ends the program with a code after the command printed its own report.
type exitCodeError struct{ code int }

func (e exitCodeError) Error() string { return fmt.Sprintf("exit %d", e.code) }

func dispatch(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usageError{"missing command"}
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "run":
		return cmdRun(ctx, rest, getenv, stderr)
	case "ask":
		return cmdAsk(ctx, rest, stdout)
	case "kb":
		switch {
		case len(rest) > 0 && rest[0] == "check":
			return cmdKBCheck(rest[1:], stdout, stderr)
		case len(rest) > 0 && rest[0] == "import":
			return cmdKBImport(rest[1:], stdout, stderr)
		}
		return usageError{"kb: want \"kb check [DIR]\" or \"kb import FILE.csv\""}
	case "state":
		return cmdState(ctx, rest, getenv, stdout)
	case "version":
		return cmdVersion(rest, stdout)
	case "healthcheck":
		return cmdHealthcheck(ctx, rest, getenv, stdout)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return nil
	default:
		return usageError{fmt.Sprintf("unknown command %q", cmd)}
	}
}

// newFlagSet returns a flag set that reports errors as usage errors instead of exiting.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	return fs
}

func parseFlags(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return usageError{fs.Name() + ": " + err.Error()}
	}
	return nil
}

// knowledgeFS returns the embedded knowledge base, or dir's when dir is set.
func knowledgeFS(dir string) (fs.FS, error) {
	if dir == "" {
		return knowledge.Embedded(), nil
	}
	st, err := os.Stat(dir)
	if err != nil {
		return nil, fmt.Errorf("knowledge base %s: %w", dir, err)
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("knowledge base %s: not a directory", dir)
	}
	return os.DirFS(dir), nil
}

// loadEngine loads a knowledge base, indexes it and returns an answer engine.
func loadEngine(dir string) (*answer.Engine, *index.Index, error) {
	eng, ix, _, err := loadEngineKB(dir, nil)
	return eng, ix, err
}

// loadEngineKB is loadEngine that also returns the knowledge base; the search index builds
// once indexAfter is closed (at once when it is nil).
func loadEngineKB(dir string, indexAfter <-chan struct{}) (*answer.Engine, *index.Index, *knowledge.KB, error) {
	fsys, err := knowledgeFS(dir)
	if err != nil {
		return nil, nil, nil, err
	}
	kb, err := knowledge.Load(fsys)
	if err != nil {
		var ps knowledge.Problems
		if errors.As(err, &ps) {
			return nil, nil, nil, fmt.Errorf("knowledge base has %d problem(s), the first: %s (run \"mineralbot kb check\" for all)", len(ps), ps[0])
		}
		return nil, nil, nil, fmt.Errorf("load knowledge base: %w", err)
	}
	// The search index and the engine's derived data build in the background: an answer
	// waits for the engine, and a full-text search for the index.
	ix := index.StartAfter(kb, indexAfter)
	eng, err := answer.Start(kb, answer.FromIndex(ix))
	if err != nil {
		ix.Close()
		return nil, nil, nil, err
	}
	return eng, ix, kb, nil
}

func cmdAsk(ctx context.Context, args []string, stdout io.Writer) error {
	fs := newFlagSet("ask")
	dir := fs.String("kb", "", "load the knowledge base from `DIR` instead of the embedded one")
	langFlag := fs.String("lang", "", "answer in `LANG` (en or es) instead of the question's own language")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var lang answer.Lang
	if *langFlag != "" {
		l, ok := answer.ParseLang(*langFlag)
		if !ok {
			return usageError{fmt.Sprintf("ask: -lang %q: want en or es", *langFlag)}
		}
		lang = l
	}
	question := strings.Join(fs.Args(), " ")
	if strings.TrimSpace(question) == "" {
		return usageError{"ask: missing question"}
	}
	eng, ix, err := loadEngine(*dir)
	if err != nil {
		return err
	}
	defer ix.Close()
	if question == "-" {
		return askConversation(ctx, eng, lang, stdin, stdout)
	}
	if lang == "" {
		var ok bool
		if lang, ok = eng.DetectLanguage(question); !ok {
			lang = answer.English
		}
	}
	a, err := eng.Ask(ctx, question, lang)
	if err != nil {
		return err
	}
	return answer.WriteText(stdout, a)
}

// stdin is what `mineralbot ask -` reads its questions from.
var stdin io.Reader = os.Stdin

// maxConversationLine bounds one question read by `mineralbot ask -`; a longer line is
// answered from its start, as a long chat message is.
const maxConversationLine = 64 << 10

// askConversation answers questions read one per line, as a conversation in a DM: each one
// a follow-up of the answers before it, kept as the bot keeps them in Slack
// (bot.Remembered). Each answer follows its question, after "> ". A line that names no
// language is answered in the conversation's last one.
func askConversation(ctx context.Context, eng *answer.Engine, lang answer.Lang, in io.Reader, out io.Writer) error {
	r := bufio.NewReaderSize(in, maxConversationLine)
	var prev answer.Query
	last, first := answer.English, true
	for {
		line, err := readLine(r)
		if err != nil && err != io.EOF {
			return fmt.Errorf("ask -: reading questions: %w", err)
		}
		q := strings.TrimSpace(line)
		if q == "" {
			if err == io.EOF {
				return nil
			}
			continue
		}
		l := lang
		if l == "" {
			if d, ok := eng.DetectLanguage(q); ok {
				l = d
			} else {
				l = last
			}
		}
		a, err := eng.AskAfter(ctx, q, l, prev)
		if err != nil {
			return err
		}
		if !first {
			fmt.Fprintln(out)
		}
		first, last = false, l
		fmt.Fprintf(out, "> %s\n\n", shortened(q, 200))
		if err := answer.WriteText(out, a); err != nil {
			return err
		}
		if p, ok := bot.Remembered(a.Followed()); ok {
			prev = p
		}
		if err == io.EOF {
			return nil
		}
	}
}

// shortened is s cut to at most n runes, with "…" where it was cut.
func shortened(s string, n int) string {
	for i := range s {
		if n--; n < 0 {
			return s[:i] + "…"
		}
	}
	return s
}

// readLine reads a line of r, without its end; of a line longer than r's buffer, the start.
func readLine(r *bufio.Reader) (string, error) {
	line, err := r.ReadSlice('\n')
	s := string(line)
	for err == bufio.ErrBufferFull {
		_, err = r.ReadSlice('\n') // the rest of the line is dropped
	}
	return strings.TrimRight(s, "\r\n"), err
}

func cmdKBCheck(args []string, stdout, stderr io.Writer) error {
	if len(args) > 1 {
		return usageError{"kb check: want at most one DIR"}
	}
	dir := ""
	if len(args) == 1 {
		dir = args[0]
	}
	fsys, err := knowledgeFS(dir)
	if err != nil {
		return err
	}
	kb, err := knowledge.Load(fsys)
	var ps knowledge.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			fmt.Fprintln(stderr, p)
		}
		fmt.Fprintf(stderr, "%d problem(s)\n", len(ps))
		return exitCodeError{exitError}
	}
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, knowledge.Summarize(kb))
	return nil
}

func cmdHealthcheck(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	fs := newFlagSet("healthcheck")
	def := "http://127.0.0.1:8080/healthz"
	if addr := getenv("MINERALBOT_HTTP_ADDR"); addr != "" {
		host, port, err := net.SplitHostPort(addr)
		if err == nil {
			if host == "" || host == "0.0.0.0" || host == "::" {
				host = "127.0.0.1"
			}
			def = "http://" + net.JoinHostPort(host, port) + "/healthz"
		}
	}
	url := fs.String("url", def, "the `URL` of /healthz")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, *url, nil)
	if err != nil {
		return usageError{"healthcheck: " + err.Error()}
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return fmt.Errorf("healthcheck: %w", err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("healthcheck: %s answered %s", *url, resp.Status)
	}
	fmt.Fprintln(stdout, "ok")
	return nil
}

func cmdVersion(args []string, stdout io.Writer) error {
	if len(args) > 0 {
		return usageError{"version takes no arguments"}
	}
	fmt.Fprintln(stdout, versionString())
	return nil
}

func versionString() string {
	version, revision, goVersion := buildInfo()
	v := "mineralbot " + version
	if revision != "" {
		v += " " + revision
	}
	return v + " " + goVersion
}

// buildInfo returns the module version, the VCS revision (with "+dirty" for a modified work
// tree) and the Go version the binary was built with.
func buildInfo() (version, revision, goVersion string) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown", "", runtime.Version()
	}
	var modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "+dirty"
			}
		}
	}
	if revision != "" {
		revision += modified
	}
	return bi.Main.Version, revision, bi.GoVersion
}
