package repl

import (
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"strconv"
	"strings"
)

// confusingCompileErrors are messages yaegi v0.16.1 gives for an undefined
// name at the top level of a cell ("constant definition loop" for
// `y := undefinedName + 2`) or inside a function ("incomplete type").
var confusingCompileErrors = []string{"definition loop", "incomplete type", "CFG post-order panic"}

// findUndefined looks for a name the cell uses that nothing defines: not a
// builtin, an import, a notebook declaration, a notebook variable, or a
// declaration of the cell itself. It parses each segment with go/parser's
// name resolution and checks what stays unresolved. It is used only to
// replace a confusing interpreter message, so a name it misses only leaves
// that message in place.
func (s *Session) findUndefined(cell string, segs []*segment) error {
	known := map[string]bool{}
	for _, name := range types.Universe.Names() {
		known[name] = true
	}
	for name := range declaredTopLevel(cell, segs) {
		known[name] = true
	}
	s.mu.RLock()
	for _, imp := range s.imports {
		known[imp.name] = true
	}
	for name := range s.index.names {
		known[name] = true
	}
	s.mu.RUnlock()
	for name := range s.globals() {
		known[name] = true
	}
	for _, seg := range segs {
		if seg.kind == segImport {
			for _, spec := range seg.decl.(*ast.GenDecl).Specs {
				is := spec.(*ast.ImportSpec)
				if is.Name != nil {
					known[is.Name.Name] = true
				} else if p, err := strconv.Unquote(is.Path.Value); err == nil {
					known[packageName(p)] = true
				}
			}
		}
	}

	for _, seg := range segs {
		wrap, end := declWrap, ""
		if seg.kind == segStmt {
			wrap, end = stmtWrap, stmtWrapEnd
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "", wrap+cell[seg.start:seg.end]+end, 0)
		if err != nil {
			continue
		}
		for _, id := range f.Unresolved {
			if !known[id.Name] && !strings.HasPrefix(id.Name, "__tb") {
				off := fset.Position(id.Pos()).Offset - len(wrap) + seg.start
				return compileError(cell, off, "undefined: "+id.Name)
			}
		}
	}
	return nil
}

// declaredTopLevel returns the names a cell declares at its top level.
func declaredTopLevel(cell string, segs []*segment) map[string]bool {
	names := map[string]bool{}
	for _, seg := range segs {
		for _, d := range segmentDecls(cell, seg) {
			names[d.name] = true
		}
	}
	return names
}
