// Command gen builds the example notebooks from their Markdown sources and,
// when given a tunebook binary, executes them so that their outputs are
// embedded.
//
// Usage, from the module root:
//
//	go run ./notebooks/internal/gen [-dir notebooks] [-tunebook BIN] [NAME ...]
//
// For each src/NAME.md under dir (all of them when no NAME is given) it
// writes NAME.ipynb without outputs. With -tunebook it then runs
// "BIN run NAME.ipynb --out NAME.ipynb" in dir, as the notebooks read their
// data from ../datasets, and stops at the first notebook that fails.
package main

import (
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/tunebook/tunebook/notebooks"
)

func main() {
	dir := flag.String("dir", "notebooks", "the notebooks `folder`, holding src/")
	bin := flag.String("tunebook", "", "execute each notebook with this tunebook `binary` (tunebook run)")
	flag.Parse()
	if err := run(*dir, *bin, flag.Args()); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

func run(dir, bin string, names []string) error {
	if len(names) == 0 {
		srcs, err := filepath.Glob(filepath.Join(dir, "src", "*.md"))
		if err != nil {
			return err
		}
		for _, s := range srcs {
			names = append(names, strings.TrimSuffix(filepath.Base(s), ".md"))
		}
	}
	if len(names) == 0 {
		return fmt.Errorf("no sources in %s", filepath.Join(dir, "src"))
	}
	if bin != "" {
		abs, err := filepath.Abs(bin)
		if err != nil {
			return err
		}
		bin = abs
	}
	for _, name := range names {
		src, err := os.ReadFile(filepath.Join(dir, "src", name+".md"))
		if err != nil {
			return err
		}
		nb, err := notebooks.Build(name, src)
		if err != nil {
			return err
		}
		out := name + ".ipynb"
		if err := nb.Write(filepath.Join(dir, out)); err != nil {
			return err
		}
		fmt.Printf("wrote %s\n", filepath.Join(dir, out))
		if bin == "" {
			continue
		}
		start := time.Now()
		cmd := exec.Command(bin, "run", out, "--out", out)
		cmd.Dir, cmd.Stdout, cmd.Stderr = dir, os.Stdout, os.Stderr
		if err := cmd.Run(); err != nil {
			return fmt.Errorf("executing %s: %w", out, err)
		}
		fmt.Printf("executed %s in %s\n", out, time.Since(start).Round(100*time.Millisecond))
	}
	return nil
}
