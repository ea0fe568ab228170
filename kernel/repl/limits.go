package repl

import (
	"go/ast"
	"go/token"
	"strings"
)

// Messages for Go features the interpreter (yaegi v0.16.1) lacks; see
// LIMITS.md.
const (
	msgRangeInt  = "range over an integer (Go 1.22) is not supported by the notebook interpreter (yaegi v0.16.1); write for i := 0; i < n; i++ instead"
	msgRangeFunc = "range over a function (Go 1.23) is not supported by the notebook interpreter (yaegi v0.16.1); call the function with a callback instead"
	msgBuiltin   = " is a Go 1.21 builtin the notebook interpreter (yaegi v0.16.1) does not have; declare your own function (for floats use math.Min/math.Max)"
	msgNilType   = "the interpreter failed on an unsupported construct (\"nil type\"): range over an integer or a function (Go 1.22/1.23), " +
		"or v, ok := <-ch at the top level of a cell (declare v and ok first, then assign), are the usual causes"
)

// newBuiltins are builtins added after Go 1.20 that yaegi v0.16.1 lacks.
var newBuiltins = map[string]bool{"min": true, "max": true, "clear": true}

// checkUnsupported finds uses of Go features the interpreter lacks that it
// would otherwise report confusingly (or crash on): range over an integer
// or a function, and the min, max and clear builtins. declared holds the
// names the notebook or cell declares, which shadow builtins.
func checkUnsupported(cell string, segs []*segment, declared map[string]bool) error {
	var err error
	for _, s := range segs {
		ast.Inspect(s.node(), func(n ast.Node) bool {
			if err != nil {
				return false
			}
			switch x := n.(type) {
			case *ast.RangeStmt:
				switch {
				case isIntegerExpr(x.X):
					err = positionedError(errUnsupported, cell, s.off(x.X.Pos()), msgRangeInt)
				case isFuncLit(x.X):
					err = positionedError(errUnsupported, cell, s.off(x.X.Pos()), msgRangeFunc)
				}
			case *ast.CallExpr:
				if id, ok := x.Fun.(*ast.Ident); ok && newBuiltins[id.Name] && !declared[id.Name] {
					err = positionedError(errUnsupported, cell, s.off(id.Pos()), id.Name+msgBuiltin)
				}
			}
			return true
		})
	}
	return err
}

// isIntegerExpr reports whether e is obviously an integer: an integer
// literal, len(…) or cap(…), or arithmetic on those.
func isIntegerExpr(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.BasicLit:
		return x.Kind == token.INT
	case *ast.CallExpr:
		id, ok := x.Fun.(*ast.Ident)
		return ok && (id.Name == "len" || id.Name == "cap")
	case *ast.ParenExpr:
		return isIntegerExpr(x.X)
	case *ast.BinaryExpr:
		return isIntegerExpr(x.X) || isIntegerExpr(x.Y)
	}
	return false
}

func isFuncLit(e ast.Expr) bool {
	_, ok := e.(*ast.FuncLit)
	return ok
}

// runtimeWording replaces the interpreter's wording of run-time errors
// (reflect package messages) by the Go runtime's.
func runtimeWording(msg string) string {
	switch {
	case strings.HasPrefix(msg, "reflect: slice index out of range"),
		strings.HasPrefix(msg, "reflect: array index out of range"),
		strings.HasPrefix(msg, "reflect: string index out of range"):
		return "runtime error: index out of range"
	case strings.HasPrefix(msg, "reflect.Value.Slice: slice index out of bounds"),
		strings.HasPrefix(msg, "reflect.Value.Slice3: slice index out of bounds"),
		strings.HasPrefix(msg, "reflect.Value.Slice: string slice index out of bounds"):
		return "runtime error: slice bounds out of range"
	case strings.HasPrefix(msg, "reflect: call of reflect.Value.") && strings.HasSuffix(msg, "on zero Value"),
		strings.Contains(msg, "reflect: call of reflect.Value.Elem on zero Value"),
		strings.HasPrefix(msg, "reflect: indirection through nil pointer"):
		return "runtime error: invalid memory address or nil pointer dereference"
	}
	return msg
}
