package repl

import (
	"go/ast"
	"path"
	"strconv"
)

// newImports returns the cell's imports that are not in effect yet.
// Re-importing a package is a no-op, as a REPL user expects (the
// interpreter would fail with "redeclared in this block").
func (p *planner) newImports() []importSpec {
	var out []importSpec
	seen := map[string]bool{}
	for _, seg := range p.segs {
		if seg.kind != segImport {
			continue
		}
		for _, spec := range seg.decl.(*ast.GenDecl).Specs {
			is := spec.(*ast.ImportSpec)
			ipath, err := strconv.Unquote(is.Path.Value)
			if err != nil {
				continue
			}
			name := packageName(ipath)
			if is.Name != nil {
				name = is.Name.Name
			}
			key := importKey(name, ipath)
			if seen[key] || p.imports[key].path == ipath {
				continue
			}
			seen[key] = true
			out = append(out, importSpec{name: name, path: ipath, start: seg.off(is.Pos()), end: seg.off(is.End())})
		}
	}
	return out
}

// importKey identifies an import: by its local name, except for blank and
// dot imports, of which a cell may have several.
func importKey(name, ipath string) string {
	if name == "_" || name == "." {
		return name + ipath
	}
	return name
}

// packageName returns the name a package is known by when imported
// without a name: the name in its symbol table, else the last path element.
func packageName(ipath string) string {
	if name, ok := binaryPackageNames()[ipath]; ok {
		return name
	}
	return path.Base(ipath)
}

// importChunk evaluates the new imports in one import declaration.
func (p *planner) importChunk(imports []importSpec) *chunk {
	b := newChunkBuilder(p.cell, nil, false)
	b.text("import (\n", -1)
	for _, imp := range imports {
		b.copyRange(imp.start, imp.end)
		b.text("\n", -1)
	}
	b.text(")", -1)
	return &chunk{variants: []*chunkSrc{b.finish(declPrefix, "")}, imports: imports}
}
