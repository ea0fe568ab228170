package repl

import (
	"fmt"
	"go/ast"
	"go/token"
)

// fixCommaOks works around a bug of yaegi v0.16.1's comma-ok forms, in
// function bodies as much as at the top level: when `v, ok = m[k]` (or
// :=) misses, or `v, ok = x.(T)` fails, v keeps the value it had instead
// of becoming the zero value; in a loop that is the previous iteration's
// value. Every such statement in a statement list of the segment gets a
// fix-up (top-level definitions are rewritten by commaOk instead):
//
//	v, ok := m[k]   →  v, ok := m[k]; if !ok { v = m[k] }
//	v, _ := m[k]    →  v := m[k]
//	v, ok := x.(T)  →  v, ok := x.(T); if !ok { var __tb_zeroN T; v = __tb_zeroN }
//	v, _ := x.(T)   →  v, __tb_okN := x.(T); if !__tb_okN { … }
//
// (A single-valued lookup of a missing key does give the zero value.) A
// map lookup whose map or key expression contains a call is left alone, as
// it would be evaluated twice; so are forms in the init statement of if,
// for and switch.
func (r *rewriter) fixCommaOks(s *segment) {
	if a, ok := s.stmt.(*ast.AssignStmt); ok && a.Tok == token.ASSIGN {
		r.fixCommaOk(s, a)
	}
	ast.Inspect(s.node(), func(n ast.Node) bool {
		var list []ast.Stmt
		switch x := n.(type) {
		case *ast.BlockStmt:
			list = x.List
		case *ast.CaseClause:
			list = x.Body
		case *ast.CommClause:
			list = x.Body
		}
		for _, st := range list {
			for {
				l, ok := st.(*ast.LabeledStmt)
				if !ok {
					break
				}
				st = l.Stmt
			}
			if a, ok := st.(*ast.AssignStmt); ok {
				r.fixCommaOk(s, a)
			}
		}
		return true
	})
}

// fixCommaOk adds the fix-up for one assignment, if it is a comma-ok map
// lookup or type assertion.
func (r *rewriter) fixCommaOk(s *segment, a *ast.AssignStmt) {
	if len(a.Lhs) != 2 || len(a.Rhs) != 1 || isBlank(a.Lhs[0]) || !pure(a.Lhs[0]) {
		return
	}
	text := func(n ast.Node) string { return r.cell[s.off(n.Pos()):s.off(n.End())] }
	value, status := a.Lhs[0], a.Lhs[1]
	statusID, isIdent := status.(*ast.Ident)
	var before, fix string
	switch x := a.Rhs[0].(type) {
	case *ast.IndexExpr:
		if isBlank(status) {
			r.edits = append(r.edits, replaceWith(s.off(value.End()), s.off(status.End()), "", false))
			return
		}
		if !isIdent || !pure(x.X) || !pure(x.Index) {
			return
		}
		fix = fmt.Sprintf("if !%s { %s = %s }", statusID.Name, text(value), text(x))
	case *ast.TypeAssertExpr:
		if x.Type == nil || (!isIdent && !isBlank(status)) {
			return
		}
		ok := text(status)
		if isBlank(status) {
			ok = fmt.Sprintf("__tb_ok%d", r.nextID())
			r.edits = append(r.edits, replaceWith(s.off(status.Pos()), s.off(status.End()), ok, false))
			if a.Tok == token.ASSIGN {
				before = "var " + ok + " bool; "
			}
		}
		fix = zeroOnFailure(ok, text(value), text(x.Type), r.nextID())
	default:
		return
	}
	r.edits = append(r.edits, wrapWith(s.off(a.Pos()), s.off(a.End()), before, "; "+fix, false))
}

// zeroOnFailure returns a statement that sets target to the zero value of
// type typ when the status variable ok is false.
func zeroOnFailure(ok, target, typ string, id int) string {
	zero := fmt.Sprintf("__tb_zero%d", id)
	return fmt.Sprintf("if !%s { var %s %s; %s = %s }", ok, zero, typ, target, zero)
}

// isBlank reports whether e is the blank identifier.
func isBlank(e ast.Expr) bool {
	id, ok := e.(*ast.Ident)
	return ok && id.Name == "_"
}

// nextID returns a number for a name the rewriter introduces.
func (r *rewriter) nextID() int {
	r.n++
	return r.n
}
