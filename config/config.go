// Package config is mineralbot's configuration: one struct with defaults, strict YAML
// decoding (an unknown key is an error naming it), overrides from the environment, and
// validation whose messages name the setting.
//
// Every setting can be overridden by an environment variable: MINERALBOT_ and the key path in
// upper case joined by "_" (slack.api_url → MINERALBOT_SLACK_API_URL). The Slack tokens and
// API URL also come from Slack's usual SLACK_BOT_TOKEN, SLACK_APP_TOKEN and SLACK_API_URL.
package config

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/url"
	"os"
	"reflect"
	"strconv"
	"strings"
	"time"

	"go.yaml.in/yaml/v3"
)

// Config is the whole configuration of mineralbot.
type Config struct {
	Slack     Slack     `yaml:"slack"`
	Knowledge Knowledge `yaml:"knowledge"`
	Bot       Bot       `yaml:"bot"`
	Digest    Digest    `yaml:"digest"`
	HTTP      HTTP      `yaml:"http"`
	Log       Log       `yaml:"log"`
	State     State     `yaml:"state"`
	Answer    Answer    `yaml:"answer"`
	// DataDir holds the bot's durable state (digest subscriptions and what was posted).
	DataDir string `yaml:"data_dir"`
	// Admins are the Slack user ids that may change digest subscriptions and reload the
	// knowledge base, besides the workspace's admins and owners.
	Admins []string `yaml:"admins"`
}

// Digest configures the weekly digest.
type Digest struct {
	// Schedule is a cron spec (5 fields, or @every/@weekly…); a CRON_TZ=Zone/Name prefix sets
	// its time zone.
	Schedule string `yaml:"schedule"`
	// Channels get the digest on Schedule, besides those subscribed from Slack.
	Channels []string `yaml:"channels"`
	// Grace is how late a digest missed while the bot was down may still be posted on start.
	Grace Duration `yaml:"grace"`
}

// HTTP configures the operations endpoint: /healthz, /readyz and /metrics.
type HTTP struct {
	// Addr is the address to listen on; empty turns the endpoint off.
	Addr string `yaml:"addr"`
}

// Slack configures the connection to Slack.
type Slack struct {
	// BotToken is the bot user's token (xoxb-…), for the Web API.
	BotToken Secret `yaml:"bot_token"`
	// AppToken is the app-level token (xapp-…) with connections:write, for Socket Mode.
	AppToken Secret `yaml:"app_token"`
	// APIURL is the Web API's base URL; any Slack-compatible server will do.
	APIURL string `yaml:"api_url"`
}

// Knowledge configures where the knowledge base comes from.
type Knowledge struct {
	// Dir is a knowledge-base folder to load instead of the embedded one.
	Dir string `yaml:"dir"`
}

// Bot tunes how the bot answers.
type Bot struct {
	// Workers is how many answers are computed at once; 0 means one fewer than the CPUs
	// (at least one), leaving a core for the socket.
	Workers int `yaml:"workers"`
	// Queue is how many requests may wait for a worker before new ones are turned away
	// politely.
	Queue int `yaml:"queue"`
	// AckBudget is how long a slash command waits for its answer to ride in the ack; past it
	// the ack goes empty and the answer follows by response_url. Slack's limit is 3s.
	AckBudget Duration `yaml:"ack_budget"`
	// ShutdownGrace bounds how long answers in flight may take to finish on shutdown.
	ShutdownGrace Duration `yaml:"shutdown_grace"`
	// TakeOverAfter is how long a message acked by a process that has not answered it (it
	// was killed, or stalled) waits before another process, or the same one restarted,
	// answers it.
	TakeOverAfter Duration `yaml:"take_over_after"`
}

// Answer configures answers.
type Answer struct {
	// Language is used when neither the question nor the user's Slack locale says which:
	// en or es.
	Language string `yaml:"language"`
}

// State configures what the bot keeps in its state.
type State struct {
	// KeepQuestions stores the questions the bot could not answer (cut to 300 characters,
	// the newest 5,000) for the admins' private curation report. They are never posted in a
	// channel. false stores none.
	KeepQuestions bool `yaml:"keep_questions"`
	// Driver is where state is kept: bolt (a file under data_dir; the default, nothing to
	// install) or postgres (shared by several replicas of the bot).
	Driver string `yaml:"driver"`
	// DSN is the PostgreSQL connection string for driver postgres
	// (postgres://user:password@host:5432/db?sslmode=require). A secret.
	DSN Secret `yaml:"dsn"`
}

// Log configures logging.
type Log struct {
	// Level is debug, info, warn or error.
	Level string `yaml:"level"`
	// Format is json, text, or auto (text on a terminal, JSON otherwise).
	Format string `yaml:"format"`
}

// Default returns the configuration used where nothing else is set.
func Default() Config {
	return Config{
		Slack: Slack{APIURL: "https://slack.com/api/"},
		Bot: Bot{
			Workers:       0,
			Queue:         1000,
			AckBudget:     Duration(250 * time.Millisecond),
			ShutdownGrace: Duration(10 * time.Second),
			TakeOverAfter: Duration(2 * time.Minute),
		},
		Digest: Digest{
			Schedule: "CRON_TZ=America/Mexico_City 0 9 * * 1",
			Channels: []string{},
			Grace:    Duration(6 * time.Hour),
		},
		Admins:  []string{},
		HTTP:    HTTP{Addr: ":8080"},
		Log:     Log{Level: "info", Format: "auto"},
		State:   State{KeepQuestions: true, Driver: "bolt"},
		Answer:  Answer{Language: "en"},
		DataDir: "data",
	}
}

// Secret is a string that never prints: not in logs, errors or replies.
type Secret string

// String hides the secret.
func (s Secret) String() string {
	if s == "" {
		return ""
	}
	return "[redacted]"
}

// LogValue hides the secret from slog.
func (s Secret) LogValue() slog.Value { return slog.StringValue(s.String()) }

// Reveal returns the secret itself, for the one place that needs it.
func (s Secret) Reveal() string { return string(s) }

// Duration is a time.Duration written as "1.5s" or "10m".
type Duration time.Duration

// D returns the duration as a time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }

// UnmarshalYAML reads a Go duration string.
func (d *Duration) UnmarshalYAML(n *yaml.Node) error {
	v, err := time.ParseDuration(n.Value)
	if err != nil {
		return fmt.Errorf("%s is not a duration such as 1.5s or 10m", shown(n.Value))
	}
	*d = Duration(v)
	return nil
}

// Load reads a configuration file over the defaults (path may be empty), then applies the
// environment through getenv.
func Load(path string, getenv func(string) string) (Config, error) {
	cfg := Default()
	if path != "" {
		data, err := os.ReadFile(path)
		if err != nil {
			return cfg, fmt.Errorf("config: %w", err)
		}
		if err := Decode(data, &cfg); err != nil {
			return cfg, fmt.Errorf("config %s: %w", path, err)
		}
	}
	if err := applyEnv(&cfg, getenv); err != nil {
		return cfg, fmt.Errorf("config: %w", err)
	}
	return cfg, nil
}

// Decode reads YAML into cfg strictly: every problem is reported, each naming its key and
// line.
func Decode(data []byte, cfg *Config) error {
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil // an empty file keeps the defaults
		}
		return fmt.Errorf("not valid YAML: %s", strings.TrimPrefix(err.Error(), "yaml: "))
	}
	if len(doc.Content) == 0 {
		return nil
	}
	var errs []error
	decodeStruct(doc.Content[0], reflect.ValueOf(cfg).Elem(), "", &errs)
	return errors.Join(errs...)
}

// decodeStruct decodes a YAML mapping into a struct, field by field, so that an unknown key or
// a bad value is reported with its full key path.
func decodeStruct(n *yaml.Node, v reflect.Value, prefix string, errs *[]error) {
	if n.Kind != yaml.MappingNode {
		*errs = append(*errs, fmt.Errorf("line %d: %s: want a mapping of keys to values", n.Line, strings.TrimSuffix(prefix, ".")))
		return
	}
	t := v.Type()
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		path := prefix + key.Value
		idx := fieldIndex(t, key.Value)
		if idx < 0 {
			*errs = append(*errs, fmt.Errorf("line %d: %s: unknown setting", key.Line, path))
			continue
		}
		f := v.Field(idx)
		if isSection(f.Type()) {
			decodeStruct(val, f, path+".", errs)
			continue
		}
		if err := val.Decode(f.Addr().Interface()); err != nil {
			if f.Kind() == reflect.Bool {
				// The same words as for the environment, not YAML's "cannot unmarshal !!str".
				*errs = append(*errs, fmt.Errorf("line %d: %s: %s is not true or false", val.Line, path, shown(val.Value)))
				continue
			}
			msg := err.Error()
			msg = strings.TrimPrefix(msg, "yaml: unmarshal errors:\n")
			msg = strings.TrimSpace(msg)
			if i := strings.Index(msg, ": "); strings.HasPrefix(msg, "line ") && i > 0 {
				msg = msg[i+2:]
			}
			if looksLikeToken(val.Value) {
				// YAML's message quotes the value's first characters: not a token's.
				msg = shown(val.Value) + " is not valid here"
			}
			*errs = append(*errs, fmt.Errorf("line %d: %s: %s", val.Line, path, msg))
		}
	}
}

// shown quotes a bad value for an error message, unless it looks like a Slack token.
func shown(v string) string {
	if looksLikeToken(v) {
		return "(a value that looks like a Slack token; not shown)"
	}
	return strconv.Quote(v)
}

// looksLikeToken reports whether a value looks like a Slack token (xoxb-, xoxp-, xapp-, …).
func looksLikeToken(v string) bool {
	v = strings.TrimSpace(v)
	return strings.HasPrefix(v, "xox") || strings.HasPrefix(v, "xapp-")
}

// isSection reports whether a field is a nested section rather than a value.
func isSection(t reflect.Type) bool { return t.Kind() == reflect.Struct }

func fieldIndex(t reflect.Type, key string) int {
	for i := range t.NumField() {
		if yamlKey(t.Field(i)) == key {
			return i
		}
	}
	return -1
}

func yamlKey(f reflect.StructField) string { return strings.Split(f.Tag.Get("yaml"), ",")[0] }

// aliases are the environment variables Slack's own tools use, beside MINERALBOT_….
var aliases = map[string]string{
	"slack.bot_token": "SLACK_BOT_TOKEN",
	"slack.app_token": "SLACK_APP_TOKEN",
	"slack.api_url":   "SLACK_API_URL",
}

// EnvName returns the environment variable that overrides a key path.
func EnvName(path string) string {
	return "MINERALBOT_" + strings.ToUpper(strings.NewReplacer(".", "_").Replace(path))
}

// applyEnv overrides settings from the environment. MINERALBOT_… wins over Slack's names.
func applyEnv(cfg *Config, getenv func(string) string) error {
	var errs []error
	walk(reflect.ValueOf(cfg).Elem(), "", func(path string, f reflect.Value) {
		name := EnvName(path)
		s := getenv(name)
		if s == "" {
			if alias, ok := aliases[path]; ok {
				name, s = alias, getenv(alias)
			}
		}
		if s == "" {
			return
		}
		if err := setString(f, s); err != nil {
			errs = append(errs, fmt.Errorf("%s (%s): %w", path, name, err))
		}
	})
	return errors.Join(errs...)
}

// walk calls fn for every value setting, with its key path.
func walk(v reflect.Value, prefix string, fn func(path string, f reflect.Value)) {
	t := v.Type()
	for i := range t.NumField() {
		path := prefix + yamlKey(t.Field(i))
		if isSection(t.Field(i).Type) {
			walk(v.Field(i), path+".", fn)
			continue
		}
		fn(path, v.Field(i))
	}
}

// Keys returns every setting's key path, in declaration order.
func Keys() []string {
	var out []string
	cfg := Default()
	walk(reflect.ValueOf(&cfg).Elem(), "", func(path string, _ reflect.Value) { out = append(out, path) })
	return out
}

func setString(f reflect.Value, s string) error {
	switch f.Interface().(type) {
	case Duration:
		d, err := time.ParseDuration(s)
		if err != nil {
			return fmt.Errorf("%s is not a duration such as 1.5s or 10m", shown(s))
		}
		f.Set(reflect.ValueOf(Duration(d)))
		return nil
	}
	switch f.Kind() {
	case reflect.String:
		f.SetString(s)
	case reflect.Int:
		n, err := strconv.Atoi(s)
		if err != nil {
			return fmt.Errorf("%s is not a whole number", shown(s))
		}
		f.SetInt(int64(n))
	case reflect.Bool:
		b, err := strconv.ParseBool(s)
		if err != nil {
			return fmt.Errorf("%s is not true or false", shown(s))
		}
		f.SetBool(b)
	case reflect.Slice:
		var items []string
		for _, x := range strings.Split(s, ",") {
			if x = strings.TrimSpace(x); x != "" {
				items = append(items, x)
			}
		}
		f.Set(reflect.ValueOf(items))
	default:
		return fmt.Errorf("cannot be set from the environment")
	}
	return nil
}

// Validate checks the settings every command needs.
func (c Config) Validate() error {
	var errs []error
	if c.Bot.Workers < 0 {
		errs = append(errs, fmt.Errorf("bot.workers: must be 0 (automatic) or more, got %d", c.Bot.Workers))
	}
	if c.Bot.Queue < 0 {
		errs = append(errs, fmt.Errorf("bot.queue: must not be negative, got %d", c.Bot.Queue))
	}
	if b := c.Bot.AckBudget.D(); b <= 0 || b > 2500*time.Millisecond {
		errs = append(errs, fmt.Errorf("bot.ack_budget: must be between 0 and 2.5s (Slack's ack deadline is 3s), got %s", b))
	}
	if c.DataDir == "" {
		errs = append(errs, fmt.Errorf("data_dir: must not be empty"))
	}
	switch c.State.Driver {
	case "bolt":
	case "postgres":
		if c.State.DSN == "" {
			errs = append(errs, fmt.Errorf("state.dsn: missing; driver postgres needs a connection string (set it in the config file or %s)", EnvName("state.dsn")))
		}
	default:
		errs = append(errs, fmt.Errorf("state.driver: %s is not bolt or postgres", shown(c.State.Driver)))
	}
	if c.Digest.Grace.D() < 0 {
		errs = append(errs, fmt.Errorf("digest.grace: must not be negative"))
	}
	for _, ch := range c.Digest.Channels {
		if !validChannelID(ch) {
			errs = append(errs, fmt.Errorf("digest.channels: %s is not a Slack channel id (like C0123ABCD)", shown(ch)))
		}
	}
	for _, u := range c.Admins {
		if !validUserID(u) {
			errs = append(errs, fmt.Errorf("admins: %s is not a Slack user id (like U0123ABCD)", shown(u)))
		}
	}
	if c.Bot.ShutdownGrace.D() < 0 {
		errs = append(errs, fmt.Errorf("bot.shutdown_grace: must not be negative"))
	}
	if t := c.Bot.TakeOverAfter.D(); t < time.Second || t > 30*time.Minute {
		// Shorter, a process still answering would see its messages answered twice; longer,
		// a slash command's response_url (good for 30 minutes) has expired.
		errs = append(errs, fmt.Errorf("bot.take_over_after: must be between 1s and 30m, got %s", t))
	}
	switch c.Answer.Language {
	case "en", "es":
	default:
		errs = append(errs, fmt.Errorf("answer.language: %s is not en or es", shown(c.Answer.Language)))
	}
	switch c.Log.Level {
	case "debug", "info", "warn", "error":
	default:
		errs = append(errs, fmt.Errorf("log.level: %s is not debug, info, warn or error", shown(c.Log.Level)))
	}
	switch c.Log.Format {
	case "auto", "json", "text":
	default:
		errs = append(errs, fmt.Errorf("log.format: %s is not auto, json or text", shown(c.Log.Format)))
	}
	if u, err := url.Parse(c.Slack.APIURL); err != nil || (u.Scheme != "https" && u.Scheme != "http") || u.Host == "" {
		errs = append(errs, fmt.Errorf("slack.api_url: %s is not an http(s) URL", shown(c.Slack.APIURL)))
	}
	return errors.Join(errs...)
}

func validChannelID(s string) bool { return validSlackID(s, "CGD") }
func validUserID(s string) bool    { return validSlackID(s, "UW") }

func validSlackID(s, prefixes string) bool {
	if len(s) < 2 || !strings.ContainsRune(prefixes, rune(s[0])) {
		return false
	}
	for _, r := range s[1:] {
		if !(r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return false
		}
	}
	return true
}

// ValidateSlack checks the settings that running in Slack needs: both tokens, each of the
// right kind. Messages name the setting and its environment variables, never the value.
func (c Config) ValidateSlack() error {
	var errs []error
	check := func(path string, s Secret, prefix, what string) {
		env := EnvName(path) + " or " + aliases[path]
		switch {
		case s == "":
			errs = append(errs, fmt.Errorf("%s: missing; set it in the config file or %s (the %s)", path, env, what))
		case !strings.HasPrefix(string(s), prefix):
			errs = append(errs, fmt.Errorf("%s: not a %s token: it must start with %q (the %s)", path, prefix, prefix, what))
		}
	}
	check("slack.bot_token", c.Slack.BotToken, "xoxb-", "bot token from OAuth & Permissions")
	check("slack.app_token", c.Slack.AppToken, "xapp-", "app-level token with connections:write")
	return errors.Join(errs...)
}

// APIURL returns the Web API base URL with the trailing slash slack-go needs.
func (c Config) APIURL() string {
	if strings.HasSuffix(c.Slack.APIURL, "/") {
		return c.Slack.APIURL
	}
	return c.Slack.APIURL + "/"
}
