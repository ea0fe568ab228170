package repl

import (
	"go/ast"
	"go/parser"
	"go/token"
)

// placeDecls decides when each declaration is evaluated. Declarations are
// hoisted before the statements (so statements may call functions declared
// below them, as in a Go file), except those that refer to a variable the
// cell's statements create, such as bump in
//
//	count := 0
//	func bump() int { count++; return count }
//
// which cannot be compiled before count exists: they are evaluated right
// after the statement that creates the last such variable (late[i] follows
// stmts[i]), and so are declarations that refer to them.
func (p *planner) placeDecls(decls, stmts []*segment) (early []*segment, late map[int][]*segment) {
	defined := map[string]int{} // variable → index of the first statement creating it
	for i, st := range stmts {
		for _, d := range segmentDecls(p.cell, st) {
			if _, ok := defined[d.name]; !ok {
				defined[d.name] = i
			}
		}
	}
	pos := make([]int, len(decls)) // -1: early
	names := map[string]int{}      // declared name → index in decls
	free := make([]map[string]bool, len(decls))
	for k, d := range decls {
		pos[k] = -1
		free[k] = freeNames(p.cell, d)
		for _, dd := range segmentDecls(p.cell, d) {
			if dd.kind != kindMethod {
				names[dd.name] = k
			}
		}
	}
	for changed := true; changed; {
		changed = false
		for k := range decls {
			for name := range free[k] {
				at, ok := defined[name]
				if !ok {
					j, isDecl := names[name]
					if !isDecl || j == k || pos[j] < 0 {
						continue
					}
					at = pos[j]
				}
				if at > pos[k] {
					pos[k], changed = at, true
				}
			}
		}
	}
	late = map[int][]*segment{}
	for k, d := range decls {
		if pos[k] < 0 {
			early = append(early, d)
		} else {
			late[pos[k]] = append(late[pos[k]], d)
		}
	}
	return early, late
}

// freeNames returns the names a declaration uses but does not declare
// itself (go/parser's unresolved identifiers, with its own name removed).
func freeNames(cell string, seg *segment) map[string]bool {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", declWrap+cell[seg.start:seg.end], 0)
	out := map[string]bool{}
	if err != nil {
		return out
	}
	for _, id := range f.Unresolved {
		out[id.Name] = true
	}
	return out
}

// statementNames returns the variables the cell's statements declare.
func (p *planner) statementNames() map[string]bool {
	names := map[string]bool{}
	for _, seg := range p.segs {
		if seg.kind != segStmt {
			continue
		}
		for _, d := range segmentDecls(p.cell, seg) {
			names[d.name] = true
		}
	}
	return names
}

// varNeedsStatement reports whether a var declaration must run as a
// statement: when an initializer reads a variable from an earlier cell or
// from this cell's statements. As a package-level declaration yaegi
// v0.16.1 would fail with "variable definition loop" and set it to zero.
func (p *planner) varNeedsStatement(seg *segment, stmtVars map[string]bool) bool {
	g, ok := seg.decl.(*ast.GenDecl)
	if !ok || g.Tok != token.VAR {
		return false
	}
	p.s.mu.RLock()
	defer p.s.mu.RUnlock()
	isVar := func(name string) bool { return stmtVars[name] || p.globals[name] || p.s.index.isVar(name) }
	found := false
	for _, spec := range g.Specs {
		for _, v := range spec.(*ast.ValueSpec).Values {
			ast.Inspect(v, func(n ast.Node) bool {
				switch x := n.(type) {
				case *ast.SelectorExpr:
					ast.Inspect(x.X, func(m ast.Node) bool {
						if id, ok := m.(*ast.Ident); ok && isVar(id.Name) {
							found = true
						}
						return !found
					})
					return false
				case *ast.Ident:
					found = found || isVar(x.Name)
				}
				return !found
			})
		}
	}
	return found
}
