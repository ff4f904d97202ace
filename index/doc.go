// Package index is mineralbot's full-text search over the knowledge base, built on bleve v2
// with the scorch engine, in memory.
//
// The mapping is explicit (no dynamic fields): names and aliases are folded for accents and
// boosted over body text; bodies get English analysis, Spanish names Spanish analysis; a
// synonym collection generated from the knowledge base's aliases makes "baryte" find barite and
// "plata" find silver; element symbols match only exactly. Chat text is never handed to bleve's
// query-string parser: [Index.Search] builds match and disjunction queries from it.
//
// An [Index] is safe for concurrent searches, and [Index.Swap] replaces its contents with a
// freshly built index atomically while searches run.
//
// Only this package imports bleve.
package index
