package main

import (
	"os"
	"slices"
	"testing"

	"go.yaml.in/yaml/v3"
)

// The Slack app manifest declares what each feature needs, and nothing it does not use.
func TestManifest(t *testing.T) {
	data, err := os.ReadFile("../../manifest.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var m struct {
		DisplayInformation struct {
			Name string `yaml:"name"`
		} `yaml:"display_information"`
		Features struct {
			AppHome struct {
				HomeTab bool `yaml:"home_tab_enabled"`
			} `yaml:"app_home"`
			SlashCommands []struct {
				Command string `yaml:"command"`
			} `yaml:"slash_commands"`
			Shortcuts []struct {
				Type       string `yaml:"type"`
				CallbackID string `yaml:"callback_id"`
			} `yaml:"shortcuts"`
		} `yaml:"features"`
		OAuth struct {
			Scopes struct {
				Bot []string `yaml:"bot"`
			} `yaml:"scopes"`
		} `yaml:"oauth_config"`
		Settings struct {
			Events struct {
				Bot []string `yaml:"bot_events"`
			} `yaml:"event_subscriptions"`
			Interactivity struct {
				Enabled bool `yaml:"is_enabled"`
			} `yaml:"interactivity"`
			SocketMode bool `yaml:"socket_mode_enabled"`
		} `yaml:"settings"`
	}
	if err := yaml.Unmarshal(data, &m); err != nil {
		t.Fatalf("manifest.yaml: %v", err)
	}
	if m.DisplayInformation.Name == "" || !m.Settings.SocketMode || !m.Settings.Interactivity.Enabled || !m.Features.AppHome.HomeTab {
		t.Errorf("manifest: name, Socket Mode, interactivity and the Home tab are required: %+v", m)
	}
	if len(m.Features.SlashCommands) != 1 || m.Features.SlashCommands[0].Command != "/mineral" {
		t.Errorf("slash commands %+v, want /mineral", m.Features.SlashCommands)
	}
	if !slices.ContainsFunc(m.Features.Shortcuts, func(s struct {
		Type       string `yaml:"type"`
		CallbackID string `yaml:"callback_id"`
	}) bool {
		return s.Type == "message" && s.CallbackID == "ask_mineralbot"
	}) {
		t.Errorf("no message shortcut ask_mineralbot: %+v", m.Features.Shortcuts)
	}
	// The scopes each feature needs, and no other.
	needs := map[string]string{
		"commands":          "/mineral",
		"app_mentions:read": "app_mention events",
		"chat:write":        "replies and digests",
		"channels:history":  "finding a posted digest",
		"groups:history":    "finding a posted digest in private channels",
		"channels:read":     "checking membership before a subscription",
		"groups:read":       "checking membership in private channels",
		"im:history":        "DMs",
		"im:write":          "opening an admin's DM",
		"users:read":        "locale and admins",
	}
	for scope, why := range needs {
		if !slices.Contains(m.OAuth.Scopes.Bot, scope) {
			t.Errorf("scope %s is missing (needed for %s)", scope, why)
		}
	}
	for _, s := range m.OAuth.Scopes.Bot {
		if _, ok := needs[s]; !ok {
			t.Errorf("scope %s is not needed by any feature", s)
		}
	}
	for _, ev := range []string{"app_home_opened", "app_mention", "message.im"} {
		if !slices.Contains(m.Settings.Events.Bot, ev) {
			t.Errorf("event %s is not subscribed", ev)
		}
	}
}
