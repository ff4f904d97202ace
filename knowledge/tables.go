package knowledge

import "io/fs"

// figureTable is one CSV table of figures: how to read its rows, and how to check them once
// the records are linked. Each lives in its own file (table_*.go); a new table is a new file
// and one line in figureTables.
type figureTable struct {
	load  func(fsys fs.FS, kb *KB, ps *problems)
	check func(l *linker)
}

// figureTables are the tables of figures, in the order they are loaded and checked.
func figureTables() []figureTable {
	return []figureTable{
		{loadProduction, checkProduction},
		{loadReliance, checkReliance},
		{loadImportSources, checkImportSources},
		{loadEndUses, checkEndUses},
		{loadPrices, checkPrices},
	}
}
