// Command mcs2026 transcribes the project's extracts of the USGS Mineral Commodity Summaries
// 2026 into the knowledge base's tables, as edition "USGS Mineral Commodity Summaries 2026".
//
// The extracts (usgs_mcs2026_world_production_reserves.csv and usgs_mcs2026_us_salient.csv in
// the shared data folder) are a third-party parse of the USGS chapter PDFs; SOURCES.md there
// says where they come from, how they were checked against the official data release, and
// which rows are defective (the parse_issue column). This program carries their figures over
// and nothing else: no prose, no derived numbers. It is a one-off for that parse; a USGS data
// release in the official format is imported by package mcsimport (mineralbot kb import).
//
// Run it from the repository root:
//
//	go run ./knowledge/internal/mcs2026 -data ../shared/data -kb knowledge/content
//	go run ./cmd/mineralbot kb check
//
// It rewrites tables/production.csv, import_reliance.csv, import_sources.csv, end_uses.csv
// and prices.csv: rows of other editions are kept as they are, the MCS 2026 rows are replaced
// (so it can be run again), and each mineral's new rows follow its existing ones. Countries the
// knowledge base lacks are added to tables/countries.csv from the newCountries table below.
// It prints, per chapter, what it carried over and what it left out and why.
//
// What it leaves out, so that the MCS 2025 figure stays (labelled with its edition):
//   - rows flagged in parse_issue, unless the row's figure matched the official data release
//     (official_check = match) or the flag, read by a curator, concerns another column of the
//     chapter (the cleared table below, each entry with its reason);
//   - chapters with no record in the knowledge base (abrasives, industrial diamond, iron and
//     steel);
//   - "XX" cells (not applicable: no figure).
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	if err := run(os.Args[1:], os.Stdout); err != nil {
		fmt.Fprintln(os.Stderr, "mcs2026:", err)
		os.Exit(1)
	}
}

func run(args []string, stdout io.Writer) error {
	fl := flag.NewFlagSet("mcs2026", flag.ContinueOnError)
	data := fl.String("data", "../shared/data", "the shared data folder holding the usgs_mcs2026_*.csv extracts")
	kbDir := fl.String("kb", "knowledge/content", "the knowledge base to update")
	if err := fl.Parse(args); err != nil {
		return err
	}
	c, err := newConverter(*kbDir)
	if err != nil {
		return err
	}
	world, err := readCSV(*data + "/usgs_mcs2026_world_production_reserves.csv")
	if err != nil {
		return err
	}
	salient, err := readCSV(*data + "/usgs_mcs2026_us_salient.csv")
	if err != nil {
		return err
	}
	out := tables{
		production: c.production(world),
		reliance:   c.reliance(salient),
		sources:    c.importSources(salient),
		endUses:    c.endUses(),
		prices:     c.prices(salient),
	}
	if len(c.errs) > 0 {
		for _, e := range c.errs {
			fmt.Fprintln(stdout, "error:", e)
		}
		return fmt.Errorf("%d rows could not be converted; nothing written", len(c.errs))
	}
	if err := c.write(out); err != nil {
		return err
	}
	c.report(stdout)
	return nil
}
