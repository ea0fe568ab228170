package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/tunebook/tunebook/automl/data"
)

// parse parses a command's flags and rejects words left over, which would
// otherwise silently drop every flag after them.
func parse(fs *flag.FlagSet, args []string) error {
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q (flags start with -, and take their value as --flag value or --flag=value)", fs.Arg(0))
	}
	return nil
}

// readingFlags are the flags that say how a CSV file is read.
type readingFlags struct {
	categorical, missing *string
}

func addReadingFlags(fs *flag.FlagSet) readingFlags {
	return readingFlags{
		categorical: fs.String("categorical", "", "comma-separated `columns` to read as categorical even when their values look like numbers (codes)"),
		missing:     fs.String("missing", "", "comma-separated `tokens` that mean a missing value (default: empty, NA, N/A, NaN, null, ?)"),
	}
}

// options turns the reading flags into data options.
func (r readingFlags) options() data.Options {
	var opts data.Options
	if cols := splitList(*r.categorical); len(cols) > 0 {
		opts.Types = map[string]data.Kind{}
		for _, c := range cols {
			opts.Types[c] = data.Categorical
		}
	}
	if *r.missing != "" {
		opts.Missing = strings.Split(*r.missing, ",")
	}
	return opts
}

// checkOutput fails early, before any training, when an output file
// cannot be created where asked.
func checkOutput(flagName, path string) error {
	if path == "" {
		return nil
	}
	dir := filepath.Dir(path)
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return fmt.Errorf("--%s %s: folder %s does not exist", flagName, path, dir)
	}
	if st, err := os.Stat(path); err == nil && st.IsDir() {
		return fmt.Errorf("--%s %s: is a folder", flagName, path)
	}
	return nil
}

// checkRange reports a numeric flag outside [lo, hi].
func checkRange(name string, v, lo, hi int) error {
	if v < lo || v > hi {
		return fmt.Errorf("--%s %d: want a number from %d to %d", name, v, lo, hi)
	}
	return nil
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ",") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
