package repl

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// cellReturnCall replaces a bare return at the top level of a cell: it
// panics with the bridge's cellReturn value, which ends the cell without
// an error (see Session.evalChunk).
const cellReturnCall = "__tbrt.Return()"

// topLevel adapts a statement at the top level of a cell to bugs of yaegi
// v0.16.1's statement mode (measured: the same code works inside a
// function body):
//
//   - variables declared inside a compound statement (if, for, switch,
//     select, block, labeled statement) are mishandled: the second
//     variable of `a, e := f()` is undefined ("undefined: e", or "CFG
//     post-order panic: incomplete type" when a struct field has that
//     name), comma-ok forms and type switches panic with "nil type" or
//     take the wrong branch, and loop variables leak into the notebook
//     (yaegi #1053). The statement runs in a function literal called at
//     once, `func() { … }()`, where yaegi compiles it as in a function
//     body. This keeps its meaning: what it declares is local to it
//     anyway, and the notebook's variables it assigns are reached through
//     the closure. A statement that a goto leaves or enters stays as it is
//     (labels are not visible across functions);
//   - a bare return at the top level crashes yaegi's compiler, and in a
//     wrapped statement it would only leave the function literal; it
//     becomes a call that ends the cell (cellReturnCall);
//   - `v, ok := m[k]` and `v, ok := x.(T)` panic with "nil type"; they
//     become declarations and assignments (see commaOk).
func (r *rewriter) topLevel(s *segment) {
	switch st := s.stmt.(type) {
	case *ast.IfStmt, *ast.ForStmt, *ast.RangeStmt, *ast.SwitchStmt, *ast.TypeSwitchStmt,
		*ast.SelectStmt, *ast.BlockStmt, *ast.LabeledStmt:
		if !r.jumpsAcross(st) {
			r.edits = append(r.edits, wrapInFunc(s.off(st.Pos()), s.off(st.End())))
		}
	case *ast.AssignStmt:
		r.commaOk(s, st)
	}
	inspectOutsideFuncs(s.stmt, func(n ast.Node) {
		if ret, ok := n.(*ast.ReturnStmt); ok && len(ret.Results) == 0 {
			r.edits = append(r.edits, replaceWith(s.off(ret.Pos()), s.off(ret.End()), cellReturnCall, false))
		}
	})
}

// wrapInFunc returns the edit that runs the cell bytes [start, end) in a
// function literal called at once. Its scope flag lets tracebacks show the
// literal's frame as the cell's (see chunkSrc.inFunc).
func wrapInFunc(start, end int) edit {
	e := wrapWith(start, end, "func() { ", " }()", false)
	e.scope = true
	return e
}

// countGotos records how many goto statements at the top level of the
// cell (outside function literals) name each label.
func (r *rewriter) countGotos(segs []*segment) {
	r.gotos = map[string]int{}
	for _, s := range segs {
		if s.kind != segStmt {
			continue
		}
		_, gotos := jumps(s.stmt)
		for label, n := range gotos {
			r.gotos[label] += n
		}
	}
}

// jumpsAcross reports whether a goto leaves st or enters it from another
// top-level statement of the cell.
func (r *rewriter) jumpsAcross(st ast.Stmt) bool {
	labels, gotos := jumps(st)
	for label := range gotos {
		if !labels[label] {
			return true
		}
	}
	for label := range labels {
		if r.gotos[label] > gotos[label] {
			return true
		}
	}
	return false
}

// jumps returns the labels that n declares and the number of goto
// statements naming each label, outside function literals.
func jumps(n ast.Node) (labels map[string]bool, gotos map[string]int) {
	labels, gotos = map[string]bool{}, map[string]int{}
	inspectOutsideFuncs(n, func(m ast.Node) {
		switch x := m.(type) {
		case *ast.LabeledStmt:
			labels[x.Label.Name] = true
		case *ast.BranchStmt:
			if x.Tok == token.GOTO && x.Label != nil {
				gotos[x.Label.Name]++
			}
		}
	})
	return labels, gotos
}

// inspectOutsideFuncs calls visit for every node under n that is not
// inside a function literal.
func inspectOutsideFuncs(n ast.Node, visit func(ast.Node)) {
	ast.Inspect(n, func(m ast.Node) bool {
		if _, ok := m.(*ast.FuncLit); ok || m == nil {
			return false
		}
		visit(m)
		return true
	})
}

// commaOk rewrites a top-level comma-ok definition: `v, ok := m[k]`
// becomes `var v = m[k]; var ok bool; _, ok = m[k]` (a map or key
// expression with calls is evaluated once, into __tb_mapN or __tb_keyN,
// first) and `v, ok := x.(T)` becomes
// `var v T; var ok bool; v, ok = x.(T)`. A name that an earlier statement
// of the cell declared is assigned instead, as := does.
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
	isNew := func(id *ast.Ident) bool { return id.Name != "_" && !r.declaredBefore(s, id.Name) }
	var decls []string
	switch x := a.Rhs[0].(type) {
	case *ast.IndexExpr:
		operand := func(e ast.Expr, name string) string {
			if pure(e) {
				return text(e)
			}
			v := fmt.Sprintf("__tb_%s%d", name, r.nextID())
			decls = append(decls, "var "+v+" = "+text(e))
			return v
		}
		m := operand(x.X, "map")
		rhs := m + "[" + operand(x.Index, "key") + "]"
		switch {
		case isNew(v):
			decls = append(decls, "var "+v.Name+" = "+rhs)
		case v.Name != "_":
			decls = append(decls, v.Name+" = "+rhs)
		}
		if isNew(ok) {
			decls = append(decls, "var "+ok.Name+" bool")
		}
		if ok.Name != "_" {
			decls = append(decls, "_, "+ok.Name+" = "+rhs)
		}
	case *ast.TypeAssertExpr:
		if x.Type == nil {
			return
		}
		if isNew(v) {
			decls = append(decls, "var "+v.Name+" "+text(x.Type))
		}
		if isNew(ok) {
			decls = append(decls, "var "+ok.Name+" bool")
		}
		decls = append(decls, v.Name+", "+ok.Name+" = "+text(x))
		if !isNew(v) && v.Name != "_" && ok.Name != "_" {
			decls = append(decls, zeroOnFailure(ok.Name, v.Name, text(x.Type), r.nextID()))
		}
	default:
		return
	}
	r.edits = append(r.edits, replaceWith(s.off(a.Pos()), s.off(a.End()), strings.Join(decls, "; "), false))
}

// declaredBefore reports whether a top-level statement of the cell before
// s, or a var declaration of the cell, declares name.
func (r *rewriter) declaredBefore(s *segment, name string) bool {
	for _, d := range r.cellVars {
		if d.name == name && (d.seg.kind == segDecl || d.seg.start < s.start) {
			return true
		}
	}
	return false
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
