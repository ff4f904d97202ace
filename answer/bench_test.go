package answer_test

import (
	"context"
	"testing"

	"github.com/mineralbot/mineralbot/answer"
	"github.com/mineralbot/mineralbot/index"
	"github.com/mineralbot/mineralbot/knowledge"
)

// benchQuestions has one question for each intent.
var benchQuestions = []struct{ name, q string }{
	{"mineral", "antimony"},
	{"producers", "who produces fluorspar"},
	{"uses", "what is lithium used for"},
	{"lists", "is copper critical"},
	{"risk", "how concentrated is gallium supply"},
	{"compare", "compare antimony tungsten gallium"},
	{"country", "¿qué minerales críticos produce México?"},
	{"mineral_in_country", "silver in peru"},
	{"policy", "US-Mexico action plan"},
	{"list", "list new-in-2025"},
	{"search", "search flame retardants"},
	{"fuzzy", "antimoney"},
	{"not_found", "qwxzzzv blorf"},
}

// BenchmarkAnswer times each intent's answer through Ask, the bot's and the CLI's entry point.
func BenchmarkAnswer(b *testing.B) {
	e, _ := mustEngine(b)
	ctx := context.Background()
	for _, bq := range benchQuestions {
		b.Run(bq.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := e.Ask(ctx, bq.q, answer.English); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkRawSearch times the bleve search of the same text, for the ratio answer/search.
func BenchmarkRawSearch(b *testing.B) {
	ix, _ := mustIndex(b)
	ctx := context.Background()
	for _, bq := range benchQuestions {
		b.Run(bq.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := ix.Search(ctx, bq.q, index.Options{Size: 6}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkAliasLookup times resolving a name, alias or symbol to a record.
func BenchmarkAliasLookup(b *testing.B) {
	_, kb := mustEngine(b)
	for _, n := range []string{"fluorita", "Sb", "EE. UU.", "section 232"} {
		b.Run(n, func(b *testing.B) {
			for b.Loop() {
				if _, ok := kb.Resolve(n); !ok {
					b.Fatal(n)
				}
			}
		})
	}
}

// BenchmarkPickerLookup is a picker's options for what a user has typed: it runs in the ack
// of every keystroke.
func BenchmarkPickerLookup(b *testing.B) {
	e, _ := mustEngine(b)
	for _, tc := range []struct {
		typed string
		kind  knowledge.Kind
	}{{"a", knowledge.KindMineral}, {"fluor", knowledge.KindMineral}, {"antimny", knowledge.KindMineral}, {"mex", knowledge.KindCountry}} {
		b.Run(tc.typed, func(b *testing.B) {
			for b.Loop() {
				if len(e.Lookup(tc.typed, tc.kind, answer.English, 20)) == 0 {
					b.Fatal(tc.typed)
				}
			}
		})
	}
}

// BenchmarkDetectLanguage is the language decision for a 32-word question, made on every
// request before answering.
func BenchmarkDetectLanguage(b *testing.B) {
	e, _ := mustEngine(b)
	q := "hola quiero saber quien produce el antimonio y la fluorita en mexico y cuales son las reservas de plata en peru y chile comparadas con china en dos mil veinticuatro por favor gracias"
	for b.Loop() {
		e.DetectLanguage(q)
	}
}

// BenchmarkParse turns questions into queries: a 30-word question with two misspelt names
// (the worst case: every unknown word is looked up for a correction), and a short one.
func BenchmarkParse(b *testing.B) {
	e, _ := mustEngine(b)
	for _, q := range []struct{ name, text string }{
		{"30_words_typos", "hi there, could you please tell me who is the second largest producer of antimoney after China in 2024 and how much fluorpsar Mexico mined compared with Mongolia last year thanks"},
		{"short", "who produces fluorspar?"},
	} {
		b.Run(q.name, func(b *testing.B) {
			for b.Loop() {
				e.Parse(q.text)
			}
		})
	}
}
