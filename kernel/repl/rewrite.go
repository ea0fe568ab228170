package repl

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"
)

// mainName replaces the name main in notebooks that declare func main:
// yaegi runs a function named main after every evaluation, so a pasted
// program would run again with each later cell.
const mainName = "__tb_main"

// fmtPrintFuncs are the fmt functions whose calls in cells go through the
// prelude's converting wrappers (__tb_fmt_<name>).
var fmtPrintFuncs = map[string]bool{
	"Print": true, "Println": true, "Printf": true,
	"Sprint": true, "Sprintln": true, "Sprintf": true,
	"Fprint": true, "Fprintln": true, "Fprintf": true,
}

// rewriter collects the edits that adapt a cell to the interpreter:
//
//   - go statements recover panics (goroutine safety, essential);
//   - the print and println builtins write to standard error (essential);
//   - loop variables captured by closures get a per-iteration copy, the
//     Go 1.22 semantics yaegi v0.16.1 lacks (essential);
//   - some top-level statements are reshaped around bugs of yaegi's
//     statement mode (essential, see topLevel);
//   - failed comma-ok forms give the zero value (essential, see
//     fixCommaOks), and `return <-c` works (essential, see returnRecv);
//   - fmt print calls and display.Show pass values through the prelude so
//     notebook types print with their names and methods (cosmetic).
//
// Edits keep line breaks, so positions map back to the cell exactly (see
// chunkBuilder).
type rewriter struct {
	cell         string
	edits        []edit
	fmtNames     map[string]bool // local names of package fmt
	displayNames map[string]bool // local names of package display
	pkgNames     map[string]bool // every imported package name
	declared     map[string]bool // names the user declared (cell and notebook)
	isConst      func(name string) bool
	types        map[string]bool   // notebook types (cell and notebook)
	varTypes     map[string]string // variables whose type the source shows
	renameMain   bool              // the notebook declares func main (see mainName)
	cellVars     []cellVar         // variables the cell declares at its top level
	gotos        map[string]int    // goto statements at the cell's top level, by label

	n int
}

// cellVar is a variable declared at the top level of a cell, by a var
// declaration or a statement.
type cellVar struct {
	name string
	seg  *segment
}

// rewriteSegment adds the edits for one segment.
func (r *rewriter) rewriteSegment(s *segment) {
	r.walk(s, s.node())
	r.fixCommaOks(s)
}

// walk visits the nodes under root, leaving out the names selected by
// selector expressions (the Println of fmt.Println).
func (r *rewriter) walk(s *segment, root ast.Node) {
	ast.Inspect(root, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			r.walk(s, sel.X)
			return false
		}
		return r.visit(s, n)
	})
}

// visit adds the edits for one node of a segment.
func (r *rewriter) visit(s *segment, n ast.Node) bool {
	switch x := n.(type) {
	case *ast.Ident:
		if r.renameMain && x.Name == "main" {
			r.edits = append(r.edits, replaceWith(s.off(x.Pos()), s.off(x.End()), mainName, false))
		}
	case *ast.GoStmt:
		r.goStmt(s, x)
	case *ast.ReturnStmt:
		r.returnRecv(s, x)
	case *ast.CallExpr:
		r.call(s, x)
	case *ast.RangeStmt:
		if x.Tok == token.DEFINE {
			r.loopCopy(s, x.Body, identNames(x.Key, x.Value))
		}
	case *ast.ForStmt:
		if init, ok := x.Init.(*ast.AssignStmt); ok && init.Tok == token.DEFINE {
			names := identNames(init.Lhs...)
			if !assignsAny(x.Body, names) {
				r.loopCopy(s, x.Body, names)
			}
		}
	}
	return true
}

// call rewrites builtin print calls, fmt print calls and display.Show.
func (r *rewriter) call(s *segment, c *ast.CallExpr) {
	start, end := s.off(c.Fun.Pos()), s.off(c.Fun.End())
	switch fun := c.Fun.(type) {
	case *ast.Ident:
		if (fun.Name == "print" || fun.Name == "println") && !r.declared[fun.Name] {
			name := "Print"
			if fun.Name == "println" {
				name = "Println"
			}
			r.edits = append(r.edits, replaceWith(start, end, "__tbrt."+name, false))
		}
	case *ast.SelectorExpr:
		pkg, ok := fun.X.(*ast.Ident)
		if !ok {
			return
		}
		switch {
		case r.fmtNames[pkg.Name] && fmtPrintFuncs[fun.Sel.Name]:
			r.edits = append(r.edits, replaceWith(start, end, "__tb_fmt_"+fun.Sel.Name, true))
			for _, a := range c.Args {
				r.nameSlice(s, a)
			}
		case r.displayNames[pkg.Name] && fun.Sel.Name == "Show" && len(c.Args) == 1 && !c.Ellipsis.IsValid():
			a := c.Args[0]
			r.edits = append(r.edits, wrapWith(s.off(a.Pos()), s.off(a.End()), "__tb_rich(", ")", true))
		}
	}
}

// nameSlice wraps an argument whose source shows it is a slice of a
// notebook type ([]T{…}, or a variable declared so) in __tb_slicef, so
// that its elements print through their String methods and %T names it:
// at run time such a slice is indistinguishable from a slice of the
// underlying type.
func (r *rewriter) nameSlice(s *segment, e ast.Expr) {
	var t string
	switch x := e.(type) {
	case *ast.CompositeLit:
		t = typeText(x.Type)
	case *ast.Ident:
		t = r.varTypes[x.Name]
	}
	elem, ok := strings.CutPrefix(t, "[]")
	if !ok || !r.types[strings.TrimPrefix(elem, "*")] {
		return
	}
	r.edits = append(r.edits, wrapWith(s.off(e.Pos()), s.off(e.End()), fmt.Sprintf("__tb_slicef(%q, ", "[]"+shapeName(elem)), ")", true))
}

// goStmt rewrites `go f(x, y)` to
//
//	{ g := __tbrt.GoStart(); a0 := x; go func() { __tbrt.Go(g, func() { defer func() { __tbrt.GoPanic(g, recover()) }(); f(a0, y) }) }() }
//
// The function value and non-constant arguments are evaluated before the
// goroutine starts, as the Go specification requires; constant arguments
// stay in place so that untyped constants keep their meaning. The
// goroutine runs the call through compiled code (goTracker.run), which
// learns when it ends even if an interrupt stops the interpreted code
// before its deferred calls run. (The go statement stays interpreted:
// yaegi gives a goroutine its own copy of a0, not a function value passed
// to compiled code.)
func (r *rewriter) goStmt(s *segment, g *ast.GoStmt) {
	r.n++
	id := fmt.Sprintf("__tb_go%d", r.n)
	parts := []part{lit("{ " + id + " := __tbrt.GoStart(); ")}
	var call []part

	fun := g.Call.Fun
	if r.stable(fun) {
		call = append(call, src(s.off(fun.Pos()), s.off(fun.End())))
	} else {
		name := id + "f"
		parts = append(parts, lit(name+" := "), src(s.off(fun.Pos()), s.off(fun.End())), lit("; "))
		call = append(call, lit(name))
	}
	call = append(call, lit("("))
	for i, a := range g.Call.Args {
		if i > 0 {
			call = append(call, lit(", "))
		}
		if r.constant(a) {
			call = append(call, src(s.off(a.Pos()), s.off(a.End())))
			continue
		}
		name := fmt.Sprintf("%sa%d", id, i)
		parts = append(parts, lit(name+" := "), src(s.off(a.Pos()), s.off(a.End())), lit("; "))
		call = append(call, lit(name))
	}
	if g.Call.Ellipsis.IsValid() {
		call = append(call, lit("..."))
	}
	call = append(call, lit(")"))

	parts = append(parts, lit("go func() { __tbrt.Go("+id+", func() { defer func() { __tbrt.GoPanic("+id+", recover()) }(); "))
	parts = append(parts, call...)
	parts = append(parts, lit(" }) }() }"))
	r.edits = append(r.edits, edit{start: s.off(g.Pos()), end: s.off(g.End()), parts: parts})
}

// returnRecv rewrites `return <-c`, which yaegi v0.16.1 fails to run
// ("reflect.Value.Set using unaddressable value"), to
// `{ __tb_recvN := <-c; return __tb_recvN }`.
func (r *rewriter) returnRecv(s *segment, ret *ast.ReturnStmt) {
	if len(ret.Results) != 1 {
		return
	}
	e := ret.Results[0]
	for {
		p, ok := e.(*ast.ParenExpr)
		if !ok {
			break
		}
		e = p.X
	}
	if u, ok := e.(*ast.UnaryExpr); !ok || u.Op != token.ARROW {
		return
	}
	tmp := fmt.Sprintf("__tb_recv%d", r.nextID())
	res := ret.Results[0]
	r.edits = append(r.edits, edit{start: s.off(ret.Pos()), end: s.off(ret.End()), parts: []part{
		lit("{ " + tmp + " := "), src(s.off(res.Pos()), s.off(res.End())), lit("; return " + tmp + " }"),
	}})
}

// stable reports whether evaluating the function expression later gives
// the same function: a name, a package member or a function literal.
func (r *rewriter) stable(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Ident, *ast.FuncLit:
		return true
	case *ast.SelectorExpr:
		id, ok := x.X.(*ast.Ident)
		return ok && r.pkgNames[id.Name]
	case *ast.ParenExpr:
		return r.stable(x.X)
	}
	return false
}

// constant reports whether e is built only from literals, known constants
// and package members, so evaluating it later gives the same value.
func (r *rewriter) constant(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.BasicLit, *ast.FuncLit:
		return true
	case *ast.Ident:
		switch x.Name {
		case "true", "false", "nil", "iota":
			return !r.declared[x.Name]
		}
		return r.isConst(x.Name)
	case *ast.SelectorExpr:
		id, ok := x.X.(*ast.Ident)
		return ok && r.pkgNames[id.Name]
	case *ast.ParenExpr:
		return r.constant(x.X)
	case *ast.UnaryExpr:
		return x.Op != token.ARROW && x.Op != token.AND && r.constant(x.X)
	case *ast.BinaryExpr:
		return r.constant(x.X) && r.constant(x.Y)
	}
	return false
}

// loopCopy gives each iteration its own copy of the loop variables names
// that closures in body refer to: it inserts `__tb_lvN_i := i;` at the top
// of the body and renames i inside those closures. (Shadowing with
// `i := i` does not work at the top level of a yaegi v0.16.1 cell.)
func (r *rewriter) loopCopy(s *segment, body *ast.BlockStmt, names []string) {
	uses := map[string][]*ast.Ident{}
	collectCaptured(body, nameSet(names), false, uses)
	if len(uses) == 0 {
		return
	}
	r.n++
	var copies, originals []string
	for _, name := range names {
		if len(uses[name]) == 0 {
			continue
		}
		c := fmt.Sprintf("__tb_lv%d_%s", r.n, name)
		copies, originals = append(copies, c), append(originals, name)
		for _, id := range uses[name] {
			r.edits = append(r.edits, replaceWith(s.off(id.Pos()), s.off(id.End()), c, false))
		}
	}
	at := s.off(body.Lbrace) + 1
	r.edits = append(r.edits, replaceWith(at, at, " "+strings.Join(copies, ", ")+" := "+strings.Join(originals, ", ")+";", false))
}

// collectCaptured records in uses the identifiers named in want that
// appear inside function literals under n. It does not look where an inner
// loop or a function literal's parameters redeclare a name, and skips
// selectors' field names and composite literal keys.
func collectCaptured(n ast.Node, want map[string]bool, inFunc bool, uses map[string][]*ast.Ident) {
	if n == nil || len(want) == 0 {
		return
	}
	ast.Inspect(n, func(m ast.Node) bool {
		switch x := m.(type) {
		case *ast.FuncLit:
			var params []*ast.Ident
			for _, list := range []*ast.FieldList{x.Type.Params, x.Type.Results} {
				if list != nil {
					for _, f := range list.List {
						params = append(params, f.Names...)
					}
				}
			}
			collectCaptured(x.Body, without(want, params), true, uses)
			return false
		case *ast.RangeStmt:
			if x.Tok != token.DEFINE {
				return true
			}
			var ids []*ast.Ident
			for _, e := range []ast.Expr{x.Key, x.Value} {
				if id, ok := e.(*ast.Ident); ok {
					ids = append(ids, id)
				}
			}
			collectCaptured(x.X, want, inFunc, uses)
			collectCaptured(x.Body, without(want, ids), inFunc, uses)
			return false
		case *ast.SelectorExpr:
			collectCaptured(x.X, want, inFunc, uses)
			return false
		case *ast.KeyValueExpr:
			collectCaptured(x.Value, want, inFunc, uses)
			return false
		case *ast.Ident:
			if inFunc && want[x.Name] {
				uses[x.Name] = append(uses[x.Name], x)
			}
		}
		return true
	})
}

// nameSet returns names as a set.
func nameSet(names []string) map[string]bool {
	set := make(map[string]bool, len(names))
	for _, n := range names {
		set[n] = true
	}
	return set
}

// without returns a copy of set without the names of ids.
func without(set map[string]bool, ids []*ast.Ident) map[string]bool {
	out := make(map[string]bool, len(set))
	for k, v := range set {
		out[k] = v
	}
	for _, id := range ids {
		delete(out, id.Name)
	}
	return out
}

// identNames returns the names of the identifiers among exprs, without _.
func identNames(exprs ...ast.Expr) []string {
	var names []string
	for _, e := range exprs {
		if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
			names = append(names, id.Name)
		}
	}
	return names
}

// assignsAny reports whether body assigns to, increments or takes the
// address of one of names; a per-iteration copy would then change the
// loop's behaviour, so none is made.
func assignsAny(body *ast.BlockStmt, names []string) bool {
	want := map[string]bool{}
	for _, n := range names {
		want[n] = true
	}
	hit := func(e ast.Expr) bool {
		id, ok := e.(*ast.Ident)
		return ok && want[id.Name]
	}
	found := false
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.AssignStmt:
			for _, l := range x.Lhs {
				found = found || hit(l)
			}
		case *ast.IncDecStmt:
			found = found || hit(x.X)
		case *ast.UnaryExpr:
			found = found || (x.Op == token.AND && hit(x.X))
		}
		return !found
	})
	return found
}
