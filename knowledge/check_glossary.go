package knowledge

import (
	"cmp"
	"slices"
	"strings"
)

// glossary/<id>.md: one term the answers use, defined in the project's own words.

// checkGlossary checks the glossary terms and indexes them by id, term and alias. A term's
// names are its own namespace: they answer "what is X", so each belongs to one term only,
// and none may be the name of a mineral, country or policy item, whose card "X" asks for.
func checkGlossary(l *linker) {
	kb, ps := l.kb, l.ps
	kb.terms = make(map[string]*Term, len(kb.Glossary))
	kb.termNames = make(map[string]*Term, 4*len(kb.Glossary))
	where := map[string]Pos{}
	for _, t := range kb.Glossary {
		pos := Pos{t.File, 1}
		if t.broken {
			kb.terms[fileID(t.File)] = t
			continue
		}
		if !checkID(t.ID, t.File, ps) {
			continue
		}
		if _, dup := kb.terms[t.ID]; dup {
			ps.at(pos, "duplicate glossary id %q", t.ID)
			continue
		}
		kb.terms[t.ID] = t
		required(ps, pos, "term", t.Term)
		required(ps, pos, "term_es", t.TermES)
		if t.Updated.IsZero() {
			ps.at(pos, "missing required field \"updated\"")
		}
		checkSummaries(ps, pos, t.Definition, t.DefinitionES)
		checkSources(t.Sources, pos, ps)
		for i, name := range append([]string{t.Term, t.TermES}, t.Aliases...) {
			at := kb.at(t.File, "aliases")
			switch i {
			case 0:
				at = kb.at(t.File, "term")
			case 1:
				at = kb.at(t.File, "term_es")
			}
			n := Normalize(name)
			if n == "" {
				continue
			}
			if prev, dup := kb.termNames[n]; dup {
				if prev != t {
					ps.at(at, "term or alias %q is also used by glossary term %s (%s)", name, prev.ID, where[n])
				}
				continue
			}
			if r, taken := kb.names[n]; taken {
				ps.at(at, "term or alias %q is the name of %s %s: \"what is %s\" asks for its card", name, r.Kind, r.ID, name)
				continue
			}
			kb.termNames[n] = t
			where[n] = at
		}
	}
	slices.SortFunc(kb.Glossary, func(a, b *Term) int { return cmp.Compare(a.ID, b.ID) })
}

// Term returns the glossary term with the given id.
func (kb *KB) Term(id string) (*Term, bool) { t, ok := kb.terms[id]; return t, ok }

// LookupTerm finds the glossary term a phrase names: its term, Spanish term or an alias,
// after [Normalize], with hyphens read as spaces.
func (kb *KB) LookupTerm(phrase string) (*Term, bool) {
	n := Normalize(strings.ReplaceAll(phrase, "-", " "))
	t, ok := kb.termNames[n]
	if !ok {
		t, ok = kb.termNames[Normalize(phrase)]
	}
	if !ok || t.broken {
		return nil, false
	}
	return t, true
}
