package answer

import (
	"context"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/mineralbot/mineralbot/knowledge"
)

// policyGlossary answers a question that names a policy item and asks about something its
// glossary entry explains: "what are the CRMA benchmarks?", "EU CRMA 65% limit", "CRMA
// targets". The entry is a glossary term whose name contains one of the item's names
// ("Critical Raw Materials Act benchmarks"; not the item's own name, "Section 232", whose
// items answer), and every other content word of the question is
// in the entry's text, one at least a word of the entry's names ("benchmarks", "limit") and
// one at least not in the item's own text. The headline is the sentence of the entry that names the most of
// those words, after the first sentence of its paragraph; the entry's card follows. Nil for
// another view.
func (e *snap) policyGlossary(ctx context.Context, q Query) (*Answer, error) {
	if q.Measure != MeasurePolicy || len(q.Policies) != 1 || len(q.Minerals)+len(q.Countries) > 0 || len(q.Terms) == 0 ||
		q.Year != 0 || q.Month != 0 || q.Timeline != "" || q.Status {
		return nil, nil
	}
	p, ok := e.kb.Policy(q.Policies[0])
	if !ok {
		return nil, nil
	}
	own := strings.ToLower(p.Title + " " + p.Summary + " " + knowledge.Normalize(p.TitleES+" "+p.SummaryES)) // Helper AA: "aranceles de la sección 232"
	if !slices.ContainsFunc(q.Terms, func(w string) bool { return !strings.Contains(own, stem(w)) }) {
		return nil, nil // "section 232 tariffs": the item's own text names what is asked
	}
	var names []string
	for _, n := range e.kb.Names(knowledge.Ref{Kind: knowledge.KindPolicy, ID: q.Policies[0]}) {
		if n = normalizedName(n); len(n) >= 4 {
			names = append(names, " "+n+" ")
		}
	}
	for _, t := range e.kb.Glossary {
		term := " " + normalizedName(t.Term) + " "
		if !slices.ContainsFunc(names, func(n string) bool { return len(term) > len(n) && strings.Contains(term, n) }) {
			continue // "Section 232" is the item's own name: its items answer
		}
		text := strings.ToLower(t.Definition + " " + strings.Join(t.Aliases, " ") + " " + t.Term)
		if slices.ContainsFunc(q.Terms, func(w string) bool { return !strings.Contains(text, stem(w)) }) {
			continue
		}
		named := " " + normalizedName(t.Term+" "+strings.Join(t.Aliases, " ")) + " "
		if !slices.ContainsFunc(q.Terms, func(w string) bool { return strings.Contains(named, " "+w+" ") }) {
			continue // "latest section 232 measures": no word of the entry's names beside the item's
		}
		a, err := e.glossaryView(ctx, Query{Measure: MeasureGlossary, Term: t.ID, Policies: q.Policies})
		if a == nil || err != nil {
			return a, err
		}
		if h := e.termFocus(t, q.Terms); h != "" {
			a.Headline = h
		}
		return a, nil
	}
	return nil, nil
}

// termFocus is the sentence of a glossary entry's definition that names the most of words
// (the last of equals), after the first sentence of its paragraph, or "" when that is the
// definition's first sentence (the headline already) or none names any.
func (e *snap) termFocus(t *knowledge.Term, words []string) string {
	paras := strings.Split(strings.TrimSpace(e.summary(t.Definition, t.DefinitionES)), "\n\n")
	best, score, lead := "", 0, ""
	for i, p := range paras {
		ss := sentencesOf(p)
		for _, s := range ss {
			low := strings.ToLower(s)
			n := 0
			for _, w := range words {
				if strings.Contains(low, stem(w)) {
					n++
				}
			}
			if n > 0 && n >= score {
				// A later paragraph's sentence wins a tie: the first is the overview.
				best, score, lead = s, n, ""
				if s != ss[0] {
					lead = ss[0]
				}
				if i == 0 && lead == "" {
					best = "" // the lead sentence itself, which the headline already is
				}
			}
		}
	}
	if h := sentences(lead, best); utf8.RuneCountInString(h) <= maxHeadlineRunes {
		return h
	}
	return best
}

// normalizedName is a name as the parser matches it: accent-folded, lower case, hyphens as
// spaces.
func normalizedName(n string) string {
	return strings.Join(strings.Fields(knowledge.Normalize(strings.ReplaceAll(n, "-", " "))), " ")
}
