// Package mcsimport turns a USGS Mineral Commodity Summaries data-release CSV (the official
// long format, MCS2026_Commodities_Data.csv: one row per chapter, country, statistic and year)
// into rows of the knowledge base's tables, and merges them into the existing table text.
//
// It is pure: [Read] takes an io.Reader and returns rows, [Merge] and [MergeCountries] take
// the current CSV text and return the new text. Reading and writing files, and validating the
// result with knowledge.Load, is the caller's job (mineralbot kb import).
//
// What it imports:
//   - rows of the "World …" sections (production, reserves, capacity by country) of chapters
//     that map to a mineral record, into tables/production.csv;
//   - "Net import reliance" rows of the "Salient Statistics—United States" section into
//     tables/import_reliance.csv.
//
// Everything else (other salient statistics, import sources, chapters with no mineral record)
// is counted in [Result.Skipped], never dropped silently. A value, year or country it cannot
// map is an error naming the file and line.
//
// It imports the knowledge package only for its name folding and its special country ids; it
// must not import the index, the answer layer or anything of Slack.
package mcsimport
