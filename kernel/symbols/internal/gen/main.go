// Command gen regenerates the interpreter symbol tables of package symbols
// (one file per compiled package, written by yaegi's extractor) and the
// documentation index docs.json.gz used for inspection in notebooks.
//
// It is run by `go generate ./kernel/symbols` from the module. Packages that
// do not build are skipped with a message (and their stale table removed),
// so the tables can be generated while parts of the module are unfinished.
package main

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/traefik/yaegi/extract"
)

func main() {
	packages := flag.String("packages", "packages.txt", "file listing the packages to extract, one import path per line")
	stdDocs := flag.String("stddocs", "stddocs.txt", "file listing standard library packages to index for documentation")
	out := flag.String("out", ".", "output directory (the symbols package)")
	flag.Parse()
	log.SetFlags(0)
	log.SetPrefix("symbols/gen: ")

	pkgs, err := readList(*packages)
	if err != nil {
		log.Fatal(err)
	}
	std, err := readList(*stdDocs)
	if err != nil {
		log.Fatal(err)
	}

	var built []string
	for _, pkg := range pkgs {
		file := filepath.Join(*out, tableFile(pkg))
		if msg, ok := builds(pkg); !ok {
			log.Printf("skipping %s, it does not build:\n%s", pkg, msg)
			if err := os.Remove(file); err != nil && !os.IsNotExist(err) {
				log.Fatal(err)
			}
			continue
		}
		if err := writeTable(pkg, file); err != nil {
			log.Printf("skipping %s: %v", pkg, err)
			continue
		}
		built = append(built, pkg)
	}

	if err := writeDocs(filepath.Join(*out, "docs.json.gz"), append(built, std...)); err != nil {
		log.Fatal(err)
	}
}

// readList reads one import path per line, skipping blank lines and
// lines starting with #.
func readList(name string) ([]string, error) {
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, fmt.Errorf("read package list: %w", err)
	}
	var list []string
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line != "" && !strings.HasPrefix(line, "#") {
			list = append(list, line)
		}
	}
	return list, nil
}

// builds reports whether pkg compiles, with the compiler output if not.
func builds(pkg string) (string, bool) {
	out, err := exec.Command("go", "build", pkg).CombinedOutput()
	return string(out), err == nil
}

// tableFile names the generated file for pkg as `yaegi extract` does, with
// a prefix that sorts the tables before gen.go: go generate reads the files
// in order, so a table the generator removes has been read already.
func tableFile(pkg string) string {
	return "extracted_" + strings.NewReplacer("/", "-", ".", "_", "~", "_").Replace(pkg) + ".go"
}

// writeTable extracts the exported symbols of pkg into file.
func writeTable(pkg, file string) error {
	ext := extract.Extractor{Dest: "symbols"}
	var buf bytes.Buffer
	if _, err := ext.Extract(pkg, "", &buf); err != nil {
		return fmt.Errorf("extract %s: %w", pkg, err)
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write symbols of %s: %w", pkg, err)
	}
	return nil
}
