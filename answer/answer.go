package answer

import (
	"github.com/mineralbot/mineralbot/knowledge"
)

// Intent says what kind of question an answer responds to.
type Intent string

// The intents.
const (
	IntentMineral  Intent = "mineral"
	IntentCountry  Intent = "country"
	IntentPolicy   Intent = "policy"
	IntentSearch   Intent = "search"
	IntentNotFound Intent = "not_found"
	IntentHelp     Intent = "help"
	IntentRefusal  Intent = "refusal" // a question outside the knowledge base
)

// Answer is a transport-free reply. All text is plain and unescaped; renderers escape it for
// their medium.
type Answer struct {
	Intent   Intent
	Question string // the question as asked
	// Headline answers the question in one to three plain sentences, with the figure, the
	// year and the edition. Renderers show it first.
	Headline string
	// Query is the question as parsed; zero for subcommands and cards asked by name.
	Query Query
	// Refusal says why a question of intent [IntentRefusal] is outside the knowledge base.
	Refusal  Refusal
	Title    string
	Subtitle string
	Sections []Section
	Related  []Link
	// DidYouMean holds suggestions when nothing matched, or when a fuzzy match was used.
	DidYouMean []string
	Sources    []knowledge.Source
	// Record is the record the answer is about, for card answers.
	Record knowledge.Ref
	// Lang is the language the answer is written in; renderers write their own words
	// (buttons, "Sources") in it too.
	Lang Lang
}

// Found reports whether the answer carries knowledge rather than an apology or help.
func (a *Answer) Found() bool {
	return a.Intent != IntentNotFound && a.Intent != IntentHelp && a.Intent != IntentRefusal
}

// Section is one titled part of an answer.
type Section struct {
	Heading string
	Text    string   // a paragraph
	Snippet []Span   // a search hit's words around the match, the matched words marked
	Items   []string // bullet items
	Facts   []Fact
	Bars    []Bar
	// Series is a figure over the years ("2021" → 100), for a line chart; SeriesName says
	// what it measures, in at most 20 characters ("Import reliance, %").
	Series     []Point
	SeriesName string
	Note       string // small print under the section: data year, edition, "derived"
	// Detail marks a section only the full card shows, not a short reply (the record's
	// prose, which the headline already sums up).
	Detail bool
}

// Fact is one labelled figure or statement.
type Fact struct {
	Label string
	Value string
}

// Bar is one row of a share chart.
type Bar struct {
	Label string
	Share float64 // 0..1
	Value string  // the figure behind it, formatted
}

// Point is one labelled value of a series.
type Point struct {
	Label string
	Value float64
}

// Link points at another record.
type Link struct {
	Ref   knowledge.Ref
	Title string
}
