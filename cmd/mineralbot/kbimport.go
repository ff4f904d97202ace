package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/mineralbot/mineralbot/knowledge"
	"github.com/mineralbot/mineralbot/knowledge/mcsimport"
)

// cmdKBImport imports a USGS MCS data-release CSV into a knowledge-base folder: it replaces
// the edition's rows of tables/production.csv and tables/import_reliance.csv, then loads and
// validates the folder. A file it cannot map writes nothing; a knowledge base that does not
// validate after the import keeps the written tables, so that the problems' file:line can be
// read (git undoes them), and exits 1.
func cmdKBImport(args []string, stdout, stderr io.Writer) error {
	fset := newFlagSet("kb import")
	edition := fset.Int("edition", 0, "the MCS edition `YEAR` (default: from the file name, MCS2026_…)")
	dir := fset.String("kb", "knowledge/content", "the knowledge-base folder `DIR` to import into")
	addCountries := fset.Bool("add-countries", false, "add countries tables/countries.csv lacks instead of failing")
	if err := parseFlags(fset, args); err != nil {
		return err
	}
	if fset.NArg() != 1 {
		return usageError{"kb import: want one FILE.csv (flags before it)"}
	}
	file := fset.Arg(0)
	ed, err := importEdition(*edition, file)
	if err != nil {
		return err
	}
	opt := mcsimport.Options{Edition: ed, AddCountries: *addCountries}
	if opt.Minerals, err = mineralIDs(*dir); err != nil {
		return err
	}
	countriesPath := filepath.Join(*dir, filepath.FromSlash(mcsimport.CountriesTable.File))
	countriesText, err := os.ReadFile(countriesPath)
	if err != nil {
		return fmt.Errorf("kb import: %w", err)
	}
	if opt.Countries, err = mcsimport.ReadCountries(countriesText); err != nil {
		return fmt.Errorf("kb import: %w", err)
	}

	f, err := os.Open(file)
	if err != nil {
		return fmt.Errorf("kb import: %w", err)
	}
	res, err := mcsimport.Read(f, filepath.Base(file), opt)
	f.Close()
	var lineErrs mcsimport.Errors
	if errors.As(err, &lineErrs) {
		for _, e := range lineErrs {
			fmt.Fprintln(stderr, e)
		}
		fmt.Fprintf(stderr, "%d problem(s) in %s; nothing written\n", len(lineErrs), file)
		return exitCodeError{exitError}
	}
	if err != nil {
		return fmt.Errorf("kb import: %w", err)
	}

	fmt.Fprintf(stdout, "%s: %s, %s\n", filepath.Base(file), rowCount(res.Rows), ed.Title())
	type table struct {
		t    mcsimport.Table
		rows [][]string
	}
	for _, tb := range []table{
		{mcsimport.ProductionTable, mcsimport.ProductionRecords(res.Production)},
		{mcsimport.RelianceTable, mcsimport.RelianceRecords(res.Reliance)},
	} {
		if len(tb.rows) == 0 {
			fmt.Fprintf(stdout, "%s: nothing in the file for it; left as it was\n", tb.t.File)
			continue
		}
		path := filepath.Join(*dir, filepath.FromSlash(tb.t.File))
		old, err := os.ReadFile(path)
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("kb import: %w", err)
		}
		m, err := mcsimport.Merge(old, tb.t, ed.Title(), tb.rows)
		if err != nil {
			return fmt.Errorf("kb import: %w", err)
		}
		if err := writeFileAtomic(path, m.Text); err != nil {
			return fmt.Errorf("kb import: %w", err)
		}
		fmt.Fprintf(stdout, "%s: %s for %s (replaced %s of the edition, kept %d)\n",
			tb.t.File, rowCount(m.Added), strings.Join(mineralsOf(tb.rows), ", "), rowCount(m.Replaced), m.Kept)
	}
	if len(res.NewCountries) > 0 {
		m, err := mcsimport.MergeCountries(countriesText, res.NewCountries)
		if err != nil {
			return fmt.Errorf("kb import: %w", err)
		}
		if err := writeFileAtomic(countriesPath, m.Text); err != nil {
			return fmt.Errorf("kb import: %w", err)
		}
		ids := make([]string, len(res.NewCountries))
		for i, c := range res.NewCountries {
			ids[i] = c.ID
		}
		fmt.Fprintf(stdout, "%s: added %s (give them a Spanish name and aliases)\n", mcsimport.CountriesTable.File, strings.Join(ids, ", "))
	}
	if len(res.Skipped) > 0 {
		n := 0
		for _, s := range res.Skipped {
			n += s.Rows
		}
		fmt.Fprintf(stdout, "skipped %s:\n", rowCount(n))
		for _, s := range res.Skipped {
			fmt.Fprintf(stdout, "  %s of %s: %s\n", rowCount(s.Rows), s.Name, s.Reason)
		}
	}

	kb, err := knowledge.Load(os.DirFS(*dir))
	var ps knowledge.Problems
	if errors.As(err, &ps) {
		for _, p := range ps {
			fmt.Fprintln(stderr, p)
		}
		fmt.Fprintf(stderr, "%d problem(s) in %s after the import; the tables are written (git checkout undoes them)\n", len(ps), *dir)
		return exitCodeError{exitError}
	}
	if err != nil {
		return fmt.Errorf("kb import: load %s: %w", *dir, err)
	}
	fmt.Fprintf(stdout, "%s: %s\n", *dir, knowledge.Summarize(kb))
	return nil
}

// importEdition returns the edition from -edition or, without it, from the file name.
func importEdition(flag int, file string) (knowledge.Edition, error) {
	named, ok := mcsimport.EditionFromFileName(filepath.Base(file))
	switch {
	case flag == 0 && !ok:
		return 0, usageError{"kb import: the file name does not say the edition (MCS2026_…): pass -edition YEAR"}
	case flag == 0:
		return named, nil
	case flag < 1900 || flag > 2100:
		return 0, usageError{fmt.Sprintf("kb import: -edition %d is not a year", flag)}
	case ok && int(named) != flag:
		return 0, usageError{fmt.Sprintf("kb import: -edition %d, but the file name says MCS%d", flag, int(named))}
	}
	return knowledge.Edition(flag), nil
}

// mineralIDs returns the ids of a knowledge base's mineral records: the names of its
// minerals/*.md files.
func mineralIDs(dir string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(dir, "minerals"))
	if err != nil {
		return nil, fmt.Errorf("kb import: knowledge base %s: %w", dir, err)
	}
	var ids []string
	for _, e := range entries {
		if id, ok := strings.CutSuffix(e.Name(), ".md"); ok && !e.IsDir() {
			ids = append(ids, id)
		}
	}
	return ids, nil
}

// rowCount says "1 row" or "n rows".
func rowCount(n int) string {
	if n == 1 {
		return "1 row"
	}
	return fmt.Sprintf("%d rows", n)
}

// mineralsOf returns the minerals of table rows (their first column), sorted.
func mineralsOf(rows [][]string) []string {
	var out []string
	for _, r := range rows {
		if !slices.Contains(out, r[0]) {
			out = append(out, r[0])
		}
	}
	slices.Sort(out)
	return out
}

// writeFileAtomic replaces a file with data, so that a reader (the bot reloading
// knowledge.dir) sees the old table or the new one, never half of one. It keeps the file's
// mode.
func writeFileAtomic(path string, data []byte) error {
	mode := fs.FileMode(0o644)
	if st, err := os.Stat(path); err == nil {
		mode = st.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename, there is nothing to remove
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
