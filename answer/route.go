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
	// SlackOnly marks a command the Slack bot runs itself (digests, curation, reload); the
	// engine does not answer it.
	SlackOnly bool
	// Admin marks a command only admins may run; help shows it to admins only.
	Admin bool
	run   func(e *snap, ctx context.Context, args string) (*Answer, error)
}

// Audience is who help is for: in Slack or in the terminal, an admin or not.
type Audience struct {
	Slack bool
	Admin bool
}

// shows says whether help for the audience lists the command.
func (c Command) shows(in Audience) bool {
	return (in.Slack || !c.SlackOnly) && (in.Admin || !c.Admin || !in.Slack)
}

// Commands is the one table that defines the subcommands: the engine routes by it, and help
// everywhere (Slack's /mineral help, the App Home, ask help, the README) is generated from it.
func Commands() []Command {
	return []Command{
		{Name: "country", Aliases: []string{"pais", "país", "countries"}, Usage: "country <name>", Example: "country mexico",
			Help: "what a country produces, where it ranks, and the policy that concerns it", run: (*snap).cmdCountry},
		{Name: "compare", Aliases: []string{"compara", "comparar", "vs"}, Usage: "compare <a> <b> [c …]", Example: "compare antimony tungsten gallium",
			Help: "minerals: top producer, concentration, U.S. import reliance and lists side by side; two or three countries: the minerals they both produce and which ranks higher; policy items: each one's lead", run: (*snap).cmdCompare},
		{Name: "policy", Aliases: []string{"policies", "politica", "política", "politicas", "políticas"}, Usage: "policy [text]", Example: "policy export controls",
			Help: "dated policy and news items, newest first; with text, the ones that match", run: (*snap).cmdPolicy},
		{Name: "list", Aliases: []string{"lista", "lists", "listas"}, Usage: "list [usgs-2025 | usgs-2022 | eu | new-in-2025]", Example: "list new-in-2025",
			Help: "the minerals on a critical list", run: (*snap).cmdList},
		{Name: "search", Aliases: []string{"buscar", "busca", "find"}, Usage: "search <text>", Example: "search flame retardants",
			Help: "full-text search of the knowledge base, English and Spanish text", run: (*snap).cmdSearch},
		{Name: "chart", Aliases: []string{"gráfica", "grafica", "charts"}, Usage: "chart <mineral> [production | reserves | trend]", Example: "chart gallium trend",
			Help: "producers' or reserves' shares, or U.S. import reliance by year, as a chart", run: (*snap).cmdChart},
		{Name: "help", Aliases: []string{"ayuda", "?"}, Usage: "help", Example: "help",
			Help: "every subcommand, with an example", run: func(e *snap, _ context.Context, _ string) (*Answer, error) { return e.help(Audience{}), nil }},
		{Name: "digest", Usage: "digest subscribe | unsubscribe | status | preview", Example: "digest preview", SlackOnly: true,
			Help: "the channel's weekly digest (subscribing is for admins)"},
		{Name: "curate", Usage: "curate", Example: "curate", SlackOnly: true, Admin: true,
			Help: "the questions nobody could answer and the answers marked not helpful, privately"},
		{Name: "reload", Usage: "reload", Example: "reload", SlackOnly: true, Admin: true,
			Help: "reload the knowledge base"},
	}
}

// commandTable is Commands, built once.
var commandTable = Commands()

// command finds the subcommand a question starts with.
func command(question string) (Command, string, bool) {
	first, rest, _ := strings.Cut(strings.TrimSpace(question), " ")
	first = strings.ToLower(first)
	for _, c := range commandTable {
		if c.run == nil {
			continue // the bot's own
		}
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
	if len(q.Countries) == 0 && len(q.Minerals) > 0 {
		return nil, nil // Helper U: "countries that produce gallium" is a question about gallium
	}
	if len(q.Countries) == 0 {
		return e.notFoundKind(args, "country"), nil
	}
	c, _ := e.kb.Country(q.Countries[0])
	return e.countryCard(c, q, false), nil
}

func (e *snap) cmdCompare(ctx context.Context, args string) (*Answer, error) {
	q := e.lex.Parse(args)
	if len(q.Minerals) == 0 {
		if lq := e.lex.Parse("compare " + args); lq.ListSet != "" {
			// "compare the us and eu lists": two lists, not minerals, set side by side.
			return e.listSetView(lq), nil
		}
	}
	if a := e.policiesCompared(q); a != nil && len(q.Minerals) == 0 {
		return a, nil // "compare section 232 and section 301" (views_policies_compared.go)
	}
	if len(q.Minerals) == 0 && (q.Measure == MeasurePolicy || len(q.Policies) > 0) {
		// "compare US and China deals": the items concerning both.
		return e.policyView(ctx, q)
	}
	cq := q
	cq.Compare = true // the command says so
	if a := e.countriesCompared(cq); a != nil {
		// "compare Mexico and Peru": the minerals they both produce, and who ranks higher.
		return a, nil
	}
	if m, ok := e.mineral(q); ok && len(q.Minerals) == 1 && len(q.Countries) >= 2 {
		// "compare lithium production in Australia and Chile": one mineral, in each country.
		measure := MeasureProduction
		if q.Measure == MeasureReserves {
			measure = MeasureReserves
		}
		return e.acrossCountries(cq, m, measure), nil // Helper AD: cq, a comparison, not their sum
	}
	if len(q.Minerals) >= 2 && q.Measure == MeasurePrice {
		// "compare silver and gold prices": each one's USGS annual average.
		return e.pricesCompared(q), nil
	}
	if len(q.Minerals) >= 2 && (q.Measure == MeasureReliance || q.Measure == MeasureImportSources) {
		// "compare US import reliance for gallium and germanium"
		return e.relianceView(ctx, q)
	}
	if len(q.Minerals) == 1 && (len(q.Countries) == 1 || q.FromYear != 0) {
		// "compare graphite production in Mexico in 2024 and 2025", "compare silver in
		// Mexico": one mineral compared with itself, across years or with the world; the rest
		// is a question about it.
		return nil, nil
	}
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
		q := e.lex.Parse(args)
		if q.ListSet != "" {
			// "lista de eeuu vs lista ue": two lists set against each other, a question.
			return nil, nil
		}
		if _, ok := sectorAsked(q); ok {
			// "list of battery minerals": a sector's minerals, a question (views_used_in.go).
			return nil, nil
		}
		if len(q.Lists) > 0 && len(q.Minerals) == 0 {
			// "list the rare earths on the US list" (Helper T) names a mineral: a question.
			return e.list(string(q.Lists[0])), nil
		}
		// "list of critical minerals": words that name no list and nothing else ask for the
		// current U.S. list.
		if len(q.Minerals)+len(q.Countries)+len(q.Policies) == 0 {
			return e.list(""), nil
		}
		// "list all the minerals Mexico is #1 in": a question that opens with the word, not
		// the command; the engine answers it as a question.
		return nil, nil
	}
	return a, nil
}

func (e *snap) cmdSearch(ctx context.Context, args string) (*Answer, error) {
	if args == "" {
		return e.usage("search"), nil
	}
	res, err := e.ix.Search(ctx, args, SearchOptions{Size: 8, Lang: e.lang})
	if err != nil {
		return nil, err
	}
	if len(res.Hits) == 0 {
		return e.notFound(args), nil
	}
	a := e.searchAnswer(res)
	if !res.Fuzzy {
		a.Headline = e.f("%s records mention “%s”.", itoa(len(res.Hits)), args)
		if len(res.Hits) == 1 {
			a.Headline = e.f("One record mentions “%s”.", args)
		}
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
	return e.help(Audience{})
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
