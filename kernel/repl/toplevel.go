package repl

import (
	"go/ast"
	"go/token"
	"strings"
)

// topLevel adapts a statement at the top level of a cell to two yaegi
// v0.16.1 bugs of its statement mode (measured: the same code works inside
// a function):
//
//   - a compound statement (if, for, switch, select, block, labeled
//     statement) containing a comma-ok form or a type switch panics with
//     "nil type" or takes the wrong branch; it runs in a function literal
//     called at once, which keeps its meaning (its variables are local to
//     it anyway) and also stops loop variables leaking into the notebook;
//   - `v, ok := m[k]` and `v, ok := x.(T)` panic with "nil type"; they
//     become `var v = m[k]; var ok bool; _, ok = m[k]` and
//     `var v T; var ok bool; v, ok = x.(T)`.
func (r *rewriter) topLevel(s *segment) {
	switch st := s.stmt.(type) {
	case *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt,
		*ast.SelectStmt, *ast.BlockStmt, *ast.LabeledStmt:
		r.edits = append(r.edits, wrapWith(s.off(st.Pos()), s.off(st.End()), "func() { ", " }()", false))
	case *ast.AssignStmt:
		r.commaOk(s, st)
	}
}

// commaOk rewrites a top-level comma-ok definition.
func (r *rewriter) commaOk(s *segment, a *ast.AssignStmt) {
	if a.Tok != token.DEFINE || len(a.Lhs) != 2 || len(a.Rhs) != 1 {
		return
	}
	v, ok1 := a.Lhs[0].(*ast.Ident)
	ok, ok2 := a.Lhs[1].(*ast.Ident)
	if !ok1 || !ok2 {
		return
	}
	text := func(e ast.Node) string { return r.cell[s.off(e.Pos()):s.off(e.End())] }
	rhs := text(a.Rhs[0])
	var decls []string
	switch x := a.Rhs[0].(type) {
	case *ast.IndexExpr:
		if !pure(x.X) || !pure(x.Index) {
			return
		}
		if v.Name != "_" {
			decls = append(decls, "var "+v.Name+" = "+rhs)
		}
		if ok.Name != "_" {
			decls = append(decls, "var "+ok.Name+" bool", "_, "+ok.Name+" = "+rhs)
		}
	case *ast.TypeAssertExpr:
		if x.Type == nil {
			return
		}
		if v.Name != "_" {
			decls = append(decls, "var "+v.Name+" "+text(x.Type))
		}
		if ok.Name != "_" {
			decls = append(decls, "var "+ok.Name+" bool")
		}
		decls = append(decls, v.Name+", "+ok.Name+" = "+rhs)
	default:
		return
	}
	r.edits = append(r.edits, replaceWith(s.off(a.Pos()), s.off(a.End()), strings.Join(decls, "; "), false))
}

// pure reports whether evaluating e twice is harmless: names, literals,
// selectors and index expressions of those, without calls or receives.
func pure(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Ident, *ast.BasicLit:
		return true
	case *ast.SelectorExpr:
		return pure(x.X)
	case *ast.IndexExpr:
		return pure(x.X) && pure(x.Index)
	case *ast.ParenExpr:
		return pure(x.X)
	case *ast.BinaryExpr:
		return pure(x.X) && pure(x.Y)
	case *ast.UnaryExpr:
		return x.Op != token.ARROW && pure(x.X)
	}
	return false
}
