package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/printer"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// entry is the documentation of one package member or method; the JSON
// names are short because the index is embedded in the kernel binary.
type entry struct {
	Sig string `json:"s"`
	Doc string `json:"d,omitempty"`
}

// writeDocs writes a gzipped JSON object to file mapping "importpath.Name"
// and "importpath.Type.Method" to the signature and doc comment of every
// exported member of pkgs.
func writeDocs(file string, pkgs []string) error {
	dirs, err := packageFiles(pkgs)
	if err != nil {
		return err
	}
	index := map[string]entry{}
	for _, pkg := range pkgs {
		files := dirs[pkg]
		if len(files) == 0 {
			return fmt.Errorf("docs of %s: no Go files found", pkg)
		}
		if err := indexPackage(index, pkg, files); err != nil {
			return err
		}
	}

	data, err := json.Marshal(index)
	if err != nil {
		return fmt.Errorf("encode docs: %w", err)
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		return err
	}
	if _, err := zw.Write(data); err != nil {
		return fmt.Errorf("compress docs: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("compress docs: %w", err)
	}
	if err := os.WriteFile(file, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write docs: %w", err)
	}
	return nil
}

// packageFiles lists the non-test Go files of each package with go list.
func packageFiles(pkgs []string) (map[string][]string, error) {
	args := append([]string{"list", "-f", "{{.ImportPath}}\t{{.Dir}}\t{{join .GoFiles \"\\t\"}}"}, pkgs...)
	out, err := exec.Command("go", args...).Output()
	if err != nil {
		return nil, fmt.Errorf("go list: %w", err)
	}
	files := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Split(line, "\t")
		if len(fields) < 3 {
			continue
		}
		for _, name := range fields[2:] {
			files[fields[0]] = append(files[fields[0]], filepath.Join(fields[1], name))
		}
	}
	return files, nil
}

// indexPackage adds the exported members of the package made of files.
func indexPackage(index map[string]entry, pkg string, files []string) error {
	fset := token.NewFileSet()
	var parsed []*ast.File
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		if err != nil {
			return fmt.Errorf("docs of %s: %w", pkg, err)
		}
		parsed = append(parsed, f)
	}
	p, err := doc.NewFromFiles(fset, parsed, pkg)
	if err != nil {
		return fmt.Errorf("docs of %s: %w", pkg, err)
	}

	addFuncs := func(prefix string, funcs []*doc.Func) {
		for _, f := range funcs {
			decl := *f.Decl
			decl.Doc, decl.Body = nil, nil
			index[prefix+f.Name] = entry{Sig: source(fset, &decl), Doc: f.Doc}
		}
	}
	addValues := func(values []*doc.Value) {
		for _, v := range values {
			for _, spec := range v.Decl.Specs {
				vs := *spec.(*ast.ValueSpec)
				vs.Doc, vs.Comment = nil, nil
				sig := v.Decl.Tok.String() + " " + source(fset, &vs)
				for _, name := range vs.Names {
					if name.IsExported() {
						index[pkg+"."+name.Name] = entry{Sig: sig, Doc: v.Doc}
					}
				}
			}
		}
	}

	addFuncs(pkg+".", p.Funcs)
	addValues(p.Consts)
	addValues(p.Vars)
	for _, t := range p.Types {
		for _, spec := range t.Decl.Specs {
			ts := *spec.(*ast.TypeSpec)
			if ts.Name.Name != t.Name {
				continue
			}
			ts.Doc, ts.Comment = nil, nil
			index[pkg+"."+t.Name] = entry{Sig: "type " + source(fset, &ts), Doc: t.Doc}
		}
		addFuncs(pkg+".", t.Funcs)
		addFuncs(pkg+"."+t.Name+".", t.Methods)
		addValues(t.Consts)
		addValues(t.Vars)
	}
	return nil
}

// source prints node as Go source without comments.
func source(fset *token.FileSet, node any) string {
	var buf bytes.Buffer
	if err := printer.Fprint(&buf, fset, node); err != nil {
		return fmt.Sprintf("<%v>", err)
	}
	return buf.String()
}
