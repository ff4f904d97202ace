package answer

import (
	"context"
	"strings"
)

// More intents, for questions routed by what they ask.
const (
	IntentProducers       Intent = "producers"
	IntentUses            Intent = "uses"
	IntentLists           Intent = "lists"
	IntentRisk            Intent = "supply_risk"
	IntentCompare         Intent = "compare"
	IntentMineralCountry  Intent = "mineral_in_country"
	IntentPolicyList      Intent = "policy_list"
	IntentList            Intent = "list"
	IntentListChange      Intent = "list_change"
	IntentReserves        Intent = "reserves"
	IntentRelianceRanking Intent = "reliance_ranking"
	IntentPrice           Intent = "price"
	IntentChange          Intent = "change"
)

// Command is a subcommand: the first word of a slash command or question.
type Command struct {
	Name    string
	Aliases []string // Spanish and other spellings
	Usage   string
	Example string
	Help    string
	run     func(e *snap, ctx context.Context, args string) (*Answer, error)
}

// Commands is the one table that defines the subcommands; help is generated from it.
func Commands() []Command {
	return []Command{
		{Name: "country", Aliases: []string{"pais", "país", "countries"}, Usage: "country <name>", Example: "country mexico",
			Help: "what a country produces, where it ranks, and the policy that concerns it", run: (*snap).cmdCountry},
		{Name: "compare", Aliases: []string{"compara", "comparar", "vs"}, Usage: "compare <a> <b> [c …]", Example: "compare antimony tungsten gallium",
			Help: "top producer, concentration, U.S. import reliance and lists side by side", run: (*snap).cmdCompare},
		{Name: "policy", Aliases: []string{"policies", "politica", "política", "politicas", "políticas"}, Usage: "policy [text]", Example: "policy export controls",
			Help: "dated policy and news items, newest first; with text, the ones that match", run: (*snap).cmdPolicy},
		{Name: "list", Aliases: []string{"lista", "lists", "listas"}, Usage: "list [usgs-2025 | usgs-2022 | eu | new-in-2025]", Example: "list new-in-2025",
			Help: "the minerals on a critical list", run: (*snap).cmdList},
		{Name: "search", Aliases: []string{"buscar", "busca", "find"}, Usage: "search <text>", Example: "search flame retardants",
			Help: "full-text search of the knowledge base, with snippets", run: (*snap).cmdSearch},
		{Name: "help", Aliases: []string{"ayuda", "?"}, Usage: "help", Example: "help",
			Help: "this help", run: func(e *snap, _ context.Context, _ string) (*Answer, error) { return e.help(), nil }},
	}
}

// commandTable is Commands, built once.
var commandTable = Commands()

// command finds the subcommand a question starts with.
func command(question string) (Command, string, bool) {
	first, rest, _ := strings.Cut(strings.TrimSpace(question), " ")
	first = strings.ToLower(first)
	for _, c := range commandTable {
		if first == c.Name {
			return c, strings.TrimSpace(rest), true
		}
		for _, a := range c.Aliases {
			if first == a {
				return c, strings.TrimSpace(rest), true
			}
		}
	}
	return Command{}, "", false
}

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func (e *snap) cmdCountry(_ context.Context, args string) (*Answer, error) {
	if args == "" {
		return e.usage("country"), nil
	}
	q := e.lex.Parse(args)
	if len(q.Countries) == 0 {
		return e.notFoundKind(args, "country"), nil
	}
	c, _ := e.kb.Country(q.Countries[0])
	return e.countryCard(c, q, false), nil
}

func (e *snap) cmdCompare(_ context.Context, args string) (*Answer, error) {
	q := e.lex.Parse(args)
	if len(q.Minerals) < 2 {
		a := e.usage("compare")
		a.Title = e.t("Name at least two minerals to compare")
		a.Headline = a.Title + "."
		return a, nil
	}
	return e.compareView(q, q.Measure), nil
}

func (e *snap) cmdPolicy(ctx context.Context, args string) (*Answer, error) {
	if args == "" {
		a := e.policyList(newestFirst(e.kb.Policies), "Policy and news, newest first")
		a.Headline = e.f("%s policy and news items, newest first.", itoa(len(e.kb.Policies)))
		return a, nil
	}
	q := e.lex.Parse(args)
	q.Measure = MeasurePolicy
	a, err := e.policyView(ctx, q)
	if a == nil && err == nil {
		return e.notFoundKind(args, "policy"), nil
	}
	return a, err
}

func (e *snap) cmdList(_ context.Context, args string) (*Answer, error) {
	a := e.list(args)
	if a.Intent == IntentHelp {
		// "lista de materias primas estratégicas de la UE": the list named in words.
		if q := e.lex.Parse(args); len(q.Lists) > 0 {
			return e.list(string(q.Lists[0])), nil
		}
	}
	return a, nil
}

func (e *snap) cmdSearch(ctx context.Context, args string) (*Answer, error) {
	if args == "" {
		return e.usage("search"), nil
	}
	res, err := e.ix.Search(ctx, args, SearchOptions{Size: 8})
	if err != nil {
		return nil, err
	}
	if len(res.Hits) == 0 {
		return e.notFound(args), nil
	}
	a := e.searchAnswer(res)
	if !res.Fuzzy {
		a.Headline = e.f("%s records mention “%s”.", itoa(len(res.Hits)), args)
	}
	return a, nil
}

// usage is the help of one subcommand.
func (e *snap) usage(name string) *Answer {
	for _, c := range Commands() {
		if c.Name == name {
			a := &Answer{Intent: IntentHelp, Title: e.f("Usage: %s", e.t(c.Usage)),
				Sections: []Section{{Text: e.f("%s. For example: %s", capitalize(e.t(c.Help)), e.t(c.Example))}}}
			a.Headline = a.Title
			return a
		}
	}
	return e.help()
}

func (e *snap) notFoundKind(what, kind string) *Answer {
	a := e.notFound(what)
	format := "Sorry, I don't know a policy called %s."
	if kind == "country" {
		format = "Sorry, I don't know a country called %s."
	}
	a.Title = e.f(format, "“"+what+"”")
	a.Headline = a.Title
	return a
}
