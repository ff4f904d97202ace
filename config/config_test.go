package config_test

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mineralbot/mineralbot/config"
)

func noEnv(string) string { return "" }

// The example file documents every setting with its default: loading it gives Default().
func TestExampleIsTheDefault(t *testing.T) {
	cfg, err := config.Load("../config.example.yaml", noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(cfg, config.Default()) {
		t.Errorf("config.example.yaml = %+v, want the defaults %+v", cfg, config.Default())
	}
	data, _ := os.ReadFile("../config.example.yaml")
	for _, key := range config.Keys() {
		leaf := key[strings.LastIndex(key, ".")+1:]
		if !strings.Contains(string(data), leaf+":") {
			t.Errorf("config.example.yaml does not document %s", key)
		}
	}
}

func TestBadConfigs(t *testing.T) {
	files, _ := filepath.Glob("testdata/bad/*.yaml")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			want, err := os.ReadFile(strings.TrimSuffix(f, ".yaml") + ".want")
			if err != nil {
				t.Fatal(err)
			}
			cfg, err := config.Load(f, noEnv)
			if err == nil {
				err = cfg.Validate()
			}
			if err == nil {
				t.Fatal("no error")
			}
			got := strings.TrimPrefix(err.Error(), "config "+f+": ")
			if got != strings.TrimSpace(string(want)) {
				t.Errorf("error:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestEnvOverrides(t *testing.T) {
	env := map[string]string{
		"SLACK_BOT_TOKEN":            "xoxb-from-slack-name",
		"MINERALBOT_SLACK_BOT_TOKEN": "xoxb-from-mineralbot-name",
		"SLACK_APP_TOKEN":            "xapp-1",
		"MINERALBOT_BOT_WORKERS":     "3",
		"MINERALBOT_BOT_ACK_BUDGET":  "900ms",
		"MINERALBOT_KNOWLEDGE_DIR":   "/kb",
	}
	cfg, err := config.Load("", func(k string) string { return env[k] })
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Slack.BotToken.Reveal() != "xoxb-from-mineralbot-name" || cfg.Slack.AppToken.Reveal() != "xapp-1" {
		t.Errorf("tokens %q %q", cfg.Slack.BotToken.Reveal(), cfg.Slack.AppToken.Reveal())
	}
	if cfg.Bot.Workers != 3 || cfg.Bot.AckBudget.D() != 900*time.Millisecond || cfg.Knowledge.Dir != "/kb" {
		t.Errorf("overrides not applied: %+v", cfg)
	}
	if err := cfg.ValidateSlack(); err != nil {
		t.Error(err)
	}

	_, err = config.Load("", func(k string) string { return map[string]string{"MINERALBOT_BOT_WORKERS": "lots"}[k] })
	if err == nil || !strings.Contains(err.Error(), `bot.workers (MINERALBOT_BOT_WORKERS): "lots" is not a whole number`) {
		t.Errorf("bad env value: %v", err)
	}
}

func TestSecretsNeverPrint(t *testing.T) {
	cfg := config.Default()
	cfg.Slack.BotToken = "xoxb-secret"
	cfg.Slack.AppToken = "xapp-secret"
	for _, s := range []string{cfg.Slack.BotToken.String(), cfg.Slack.AppToken.String(),
		strings.Join([]string{cfg.Slack.BotToken.LogValue().String()}, "")} {
		if strings.Contains(s, "secret") {
			t.Errorf("secret printed: %s", s)
		}
	}
	cfg.Slack.BotToken = "xapp-wrong-kind"
	err := cfg.ValidateSlack()
	if err == nil || strings.Contains(err.Error(), "wrong-kind") {
		t.Errorf("ValidateSlack: %v", err)
	}
}

// A token pasted into the wrong setting, in the file or the environment, is refused without
// printing any of it.
func TestTokenInTheWrongSettingIsNotEchoed(t *testing.T) {
	const token = "xoxb-1234567-abcdefgh"
	for _, tc := range []struct{ name, yaml string }{
		{"int", "bot:\n  workers: " + token + "\n"},
		{"duration", "bot:\n  ack_budget: " + token + "\n"},
		{"bool", "state:\n  keep_questions: " + token + "\n"},
		{"list", "digest:\n  channels: " + token + "\n"},
		{"channel", "digest:\n  channels: [" + token + "]\n"},
		{"language", "answer:\n  language: " + token + "\n"},
		{"log level", "log:\n  level: " + token + "\n"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var cfg config.Config
			cfg = config.Default()
			err := config.Decode([]byte(tc.yaml), &cfg)
			if err == nil {
				err = cfg.Validate()
			}
			if err == nil {
				t.Fatalf("%q accepted", tc.yaml)
			}
			if strings.Contains(err.Error(), "1234") || strings.Contains(err.Error(), "xoxb-") {
				t.Errorf("the error echoes the token: %v", err)
			}
		})
	}
	for _, env := range []string{"MINERALBOT_BOT_WORKERS", "MINERALBOT_BOT_ACK_BUDGET", "MINERALBOT_STATE_KEEP_QUESTIONS"} {
		_, err := config.Load("", func(k string) string {
			if k == env {
				return token
			}
			return ""
		})
		if err == nil || strings.Contains(err.Error(), "1234") || strings.Contains(err.Error(), "xoxb-") {
			t.Errorf("%s=%s: %v", env, "<token>", err)
		}
	}
}
