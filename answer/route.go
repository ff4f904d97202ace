package answer

import (
	"context"
	"strings"

	"github.com/mineralbot/mineralbot/index"
	"github.com/mineralbot/mineralbot/knowledge"
)

// More intents, for questions routed by what they ask.
const (
	IntentProducers      Intent = "producers"
	IntentUses           Intent = "uses"
	IntentLists          Intent = "lists"
	IntentRisk           Intent = "supply_risk"
	IntentCompare        Intent = "compare"
	IntentMineralCountry Intent = "mineral_in_country"
	IntentPolicyList     Intent = "policy_list"
	IntentList           Intent = "list"
)

// Command is a subcommand: the first word of a slash command or question.
type Command struct {
	Name    string
	Aliases []string // Spanish and other spellings
	Usage   string
	Example string
	Help    string
	run     func(e *snap, ctx context.Context, args, question string) (*Answer, error)
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
			Help: "this help", run: func(e *snap, _ context.Context, _, q string) (*Answer, error) { return e.help(q), nil }},
	}
}

// command finds the subcommand a question starts with.
func command(question string) (Command, string, bool) {
	first, rest, _ := strings.Cut(strings.TrimSpace(question), " ")
	first = strings.ToLower(first)
	for _, c := range Commands() {
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

// Word sets that signal what a question asks, in English and Spanish (accent-folded).
var (
	wordsCompare  = set("compare", "comparison", "versus", "vs", "compara", "comparar", "comparacion", "against", "contra")
	wordsProduce  = set("produce", "produces", "producing", "producer", "producers", "production", "mine", "mines", "mined", "mining", "supplies", "supply", "largest", "biggest", "top", "leading", "productor", "productores", "produccion", "producen", "mayor", "mayores", "principales", "principal", "extrae", "mina")
	wordsUse      = set("use", "used", "uses", "usage", "applications", "application", "for", "usa", "usan", "usos", "uso", "sirve", "aplicaciones", "utiliza")
	wordsCritical = set("critical", "critico", "critica", "criticos", "criticas", "list", "lists", "listed", "lista", "listas", "strategic", "estrategico", "estrategica", "crma")
	wordsAdded    = set("added", "new", "additions", "addition", "nuevo", "nuevos", "nuevas", "agregado", "agregados", "agrego", "agregaron", "anadido", "anadidos", "anadieron", "incorporados", "incorporaron", "incluyeron", "sumaron", "nueva")
	wordsRisk     = set("concentrated", "concentration", "risk", "risky", "hhi", "herfindahl", "dependence", "dependent", "reliance", "reliant", "import", "imports", "riesgo", "concentracion", "concentrada", "concentrado", "dependencia", "importa", "importaciones")
	wordsPolicy   = set("policy", "policies", "export", "exports", "controls", "control", "ban", "banned", "tariff", "tariffs", "section", "232", "agreement", "plan", "law", "decree", "nationalization", "nationalisation", "act", "ministerial", "forge", "politica", "politicas", "exportacion", "exportaciones", "controles", "prohibicion", "arancel", "aranceles", "acuerdo", "ley", "decreto", "nacionalizacion", "sanctions", "restrictions", "restricciones")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

func hasAny(words []string, s map[string]bool) bool {
	for _, w := range words {
		if s[w] {
			return true
		}
	}
	return false
}

// route answers free text by what it asks. ok is false when the question names nothing the
// router can act on, and full-text search should answer it.
func (e *snap) route(ctx context.Context, q string) (*Answer, bool, error) {
	ents := e.findEntities(q)
	words := strings.Fields(knowledge.Normalize(q))
	minerals := refs(ents.minerals)
	countries := refs(ents.countries)

	switch {
	case len(minerals) >= 2 && (hasAny(words, wordsCompare) || len(ents.rest) <= 2):
		return e.compare(q, minerals), true, nil
	case len(minerals) == 0 && hasAny(words, wordsAdded) && strings.Contains(q, "2025"):
		return e.list(q, "new-in-2025"), true, nil
	case len(minerals) == 0 && len(countries) >= 1:
		c, _ := e.kb.Country(countries[0].ID)
		return e.countryCard(c, q, hasAny(words, wordsCritical)), true, nil
	case len(minerals) >= 1 && len(countries) == 1 && countries[0].ID == "united-states" && hasAny(words, wordsRisk):
		// "U.S. import reliance on antimony": the supply-risk answer has the U.S. figures.
		m, _ := e.kb.Mineral(minerals[0].ID)
		return e.riskAnswer(m, q), true, nil
	case len(minerals) >= 1 && len(countries) >= 1:
		return e.mineralInCountry(q, minerals[0], countries[0]), true, nil
	case len(minerals) >= 1:
		m, _ := e.kb.Mineral(minerals[0].ID)
		switch {
		case hasAny(words, wordsRisk):
			return e.riskAnswer(m, q), true, nil
		case hasAny(words, wordsCritical) || hasAny(words, wordsAdded):
			return e.listsAnswer(m, q), true, nil
		case hasAny(words, wordsProduce):
			return e.producersAnswer(m, q), true, nil
		case hasAny(words, wordsUse):
			return e.usesAnswer(m, q), true, nil
		case hasAny(words, wordsPolicy):
			if a, ok, err := e.policySearch(ctx, q, true); ok || err != nil {
				return a, ok, err
			}
		}
		return e.mineralCard(m, q), true, nil
	case len(ents.policies) >= 1:
		return e.card(ents.policies[0].ref, q), true, nil
	case hasAny(words, wordsCritical) && !hasAny(words, wordsPolicy):
		return e.list(q, "usgs-2025"), true, nil
	case hasAny(words, wordsPolicy):
		return e.policySearch(ctx, q, false)
	}
	return nil, false, nil
}

func refs(ms []mention) []knowledge.Ref {
	out := make([]knowledge.Ref, len(ms))
	for i, m := range ms {
		out[i] = m.ref
	}
	return out
}

func (e *snap) cmdCountry(_ context.Context, args, q string) (*Answer, error) {
	if args == "" {
		return e.usage("country"), nil
	}
	if ref, ok := e.kb.Resolve(args); ok && ref.Kind == knowledge.KindCountry {
		c, _ := e.kb.Country(ref.ID)
		return e.countryCard(c, q, false), nil
	}
	ents := e.findEntities(args)
	if len(ents.countries) > 0 {
		c, _ := e.kb.Country(ents.countries[0].ref.ID)
		return e.countryCard(c, q, false), nil
	}
	return e.notFoundKind(q, args, "country"), nil
}

func (e *snap) cmdCompare(ctx context.Context, args, q string) (*Answer, error) {
	ents := e.findEntities(args)
	ms := refs(ents.minerals)
	if len(ms) < 2 {
		// Forgive typos: resolve each word that named nothing by fuzzy search.
		for _, w := range ents.rest {
			res, err := e.ix.Search(ctx, w, index.Options{Size: 1, Kind: knowledge.KindMineral})
			if err != nil {
				return nil, err
			}
			if len(res.Hits) > 0 && !containsRef(ms, res.Hits[0].Ref) {
				ms = append(ms, res.Hits[0].Ref)
			}
		}
	}
	if len(ms) < 2 {
		a := e.usage("compare")
		a.Title = e.t("Name at least two minerals to compare")
		return a, nil
	}
	return e.compare(q, ms), nil
}

func containsRef(rs []knowledge.Ref, r knowledge.Ref) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

func (e *snap) cmdPolicy(ctx context.Context, args, q string) (*Answer, error) {
	if args == "" {
		return e.policyList(q, e.kb.Policies, "Policy and news, newest first"), nil
	}
	if ref, ok := e.kb.Resolve(args); ok && ref.Kind == knowledge.KindPolicy {
		return e.card(ref, q), nil
	}
	a, ok, err := e.policySearch(ctx, args, false)
	if err != nil {
		return nil, err
	}
	if !ok {
		return e.notFoundKind(q, args, "policy"), nil
	}
	a.Question = q
	return a, nil
}

func (e *snap) cmdList(_ context.Context, args, q string) (*Answer, error) {
	return e.list(q, args), nil
}

func (e *snap) cmdSearch(ctx context.Context, args, q string) (*Answer, error) {
	if args == "" {
		return e.usage("search"), nil
	}
	res, err := e.ix.Search(ctx, args, index.Options{Size: 8})
	if err != nil {
		return nil, err
	}
	if len(res.Hits) == 0 {
		return e.notFound(q), nil
	}
	return e.searchAnswer(q, res), nil
}

// usage is the help of one subcommand.
func (e *snap) usage(name string) *Answer {
	for _, c := range Commands() {
		if c.Name == name {
			return &Answer{Intent: IntentHelp, Title: e.f("Usage: %s", e.t(c.Usage)),
				Sections: []Section{{Text: e.f("%s. For example: %s", capitalize(e.t(c.Help)), e.t(c.Example))}}}
		}
	}
	return e.help("")
}

func (e *snap) notFoundKind(q, what, kind string) *Answer {
	a := e.notFound(q)
	format := "Sorry, I don't know a policy called %s."
	if kind == "country" {
		format = "Sorry, I don't know a country called %s."
	}
	a.Title = e.f(format, "“"+what+"”")
	return a
}

// policySearch answers with the policy items that match text: the card of a clear best match,
// else a list. ok is false when none matches.
func (e *snap) policySearch(ctx context.Context, q string, strict bool) (*Answer, bool, error) {
	res, err := e.ix.Search(ctx, q, index.Options{Size: 6, Kind: knowledge.KindPolicy})
	if err != nil {
		return nil, false, err
	}
	if len(res.Hits) == 0 || strict && res.Fuzzy {
		return nil, false, nil
	}
	if len(res.Hits) == 1 || res.Hits[0].Score >= 1.5*res.Hits[1].Score {
		return e.card(res.Hits[0].Ref, q), true, nil
	}
	var ps []*knowledge.Policy
	for _, h := range res.Hits {
		if p, ok := e.kb.Policy(h.Ref.ID); ok {
			ps = append(ps, p)
		}
	}
	return e.policyList(q, ps, "Policy items that match"), true, nil
}
