// Package knowledge owns mineralbot's domain: minerals, policy items, countries, glossary terms
// and the figures that describe them, together with the loader and validator of the curated
// knowledge base.
//
// The knowledge base is a folder of Markdown records with YAML front matter and CSV tables (see
// content/README.md). It is embedded in the binary ([Embedded]); [Load] reads the same shape from
// any fs.FS, such as os.DirFS for a curator's working copy.
//
// Every figure carries the edition of the USGS Mineral Commodity Summaries it comes from
// ([Edition]); editions stand side by side, and by default the newest edition that has a
// figure answers. Ranks, shares, concentration, year-over-year changes and revisions between
// editions are computed here from the tables, never typed, and never mix editions.
//
// This package must not import bleve, Slack or cron: it is the dependency-free core that the
// index, the answer layer and the bot build on.
package knowledge
