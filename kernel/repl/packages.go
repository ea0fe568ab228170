package repl

import (
	"go/ast"
	"path"
	"reflect"
	"sync"

	"github.com/traefik/yaegi/stdlib"

	"github.com/tunebook/tunebook/kernel/symbols"
)

// displayImport is the import path of the display package, whose Show
// calls pass interpreted values through the prelude.
const displayImport = "github.com/tunebook/tunebook/kernel/display"

// binary holds the compiled packages available to cells, by import path.
var binary struct {
	once    sync.Once
	names   map[string]string                   // import path → package name
	members map[string]map[string]reflect.Value // import path → exported symbols
}

func loadBinary() {
	binary.names = map[string]string{}
	binary.members = map[string]map[string]reflect.Value{}
	for _, tables := range []map[string]map[string]reflect.Value{stdlib.Symbols, symbols.Symbols} {
		for key, members := range tables {
			ipath := path.Dir(key)
			binary.names[ipath] = path.Base(key)
			if binary.members[ipath] == nil {
				binary.members[ipath] = map[string]reflect.Value{}
			}
			for name, v := range members {
				binary.members[ipath][name] = v
			}
		}
	}
}

// binaryPackageNames maps import paths of compiled packages to their names.
func binaryPackageNames() map[string]string {
	binary.once.Do(loadBinary)
	return binary.names
}

// binaryMembers returns the exported symbols of a compiled package.
func binaryMembers(ipath string) map[string]reflect.Value {
	binary.once.Do(loadBinary)
	return binary.members[ipath]
}

// printingFuncs are fmt functions that print: a cell ending with one of
// them shows its output, not the byte count it returns.
var printingFuncs = map[string]bool{
	"Print": true, "Println": true, "Printf": true, "Fprint": true, "Fprintln": true, "Fprintf": true,
}

// voidBuiltins are builtins without a result.
var voidBuiltins = map[string]bool{
	"panic": true, "print": true, "println": true, "close": true, "delete": true, "clear": true,
}

// void reports whether the expression is a call known to have no value to
// show: a function without results, a builtin without result, or an fmt
// print function. Calls it cannot judge are shown; a compile failure of the
// display then falls back to running the call alone.
func (p *planner) void(e ast.Expr, fmtNames map[string]bool) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	switch f := call.Fun.(type) {
	case *ast.Ident:
		if voidBuiltins[f.Name] && !p.declared[f.Name] {
			return true
		}
		for _, seg := range p.segs {
			if fd, ok := seg.decl.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == f.Name {
				return fd.Type.Results.NumFields() == 0
			}
		}
		p.s.mu.RLock()
		d := p.s.index.names[f.Name]
		p.s.mu.RUnlock()
		return d != nil && d.kind == kindFunc && d.results == 0
	case *ast.SelectorExpr:
		pkg, ok := f.X.(*ast.Ident)
		if !ok {
			return false
		}
		if fmtNames[pkg.Name] && printingFuncs[f.Sel.Name] {
			return true
		}
		imp, ok := p.imports[pkg.Name]
		if !ok {
			return false
		}
		v, ok := binaryMembers(imp.path)[f.Sel.Name]
		return ok && v.Kind() == reflect.Func && v.Type().NumOut() == 0
	}
	return false
}
