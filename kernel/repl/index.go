package repl

import (
	"go/ast"
	"go/token"
	"strings"
)

// declKind is the kind of a notebook declaration.
type declKind int

const (
	kindConst declKind = iota
	kindVar
	kindType
	kindFunc
	kindMethod
)

// decl describes a name declared by a cell, for completion, inspection and
// the checks that guard against the interpreter's silent redefinition bugs.
type decl struct {
	name     string
	kind     declKind
	recv     string // methods: the receiver's base type
	doc      string // doc comment
	sig      string // declaration without body: "func f(x int) int", "type T struct{…}"
	source   string // the declaration as written in the cell
	norm     string // the declaration printed without comments, for comparisons
	typeName string // vars: the type when it is obvious from the source ("T", "*T")
	results  int    // funcs and methods: number of results
	params   int    // funcs and methods: number of parameters
	result   string // funcs and methods with one result: its type
	ptrRecv  bool   // methods: pointer receiver
	generic  bool   // types and funcs with type parameters
	iface    bool   // interface types
	alias    bool   // type aliases
	isStruct bool   // struct types
	fields   []string
	free     map[string]bool // funcs and methods: names used but not declared inside
	order    int             // position in the notebook's declaration order
}

// index holds the declarations of every successfully evaluated chunk.
// Later declarations replace earlier ones of the same name.
type index struct {
	names   map[string]*decl
	methods map[string]map[string]*decl // receiver type → method name → decl
	next    int                         // order of the next declaration
}

func newIndex() *index {
	return &index{names: map[string]*decl{}, methods: map[string]map[string]*decl{}}
}

// method returns the method name of type typ, or nil.
func (ix *index) method(typ, name string) *decl { return ix.methods[typ][name] }

// isVar reports whether name is a notebook variable.
func (ix *index) isVar(name string) bool {
	d := ix.names[name]
	return d != nil && d.kind == kindVar
}

// addSegment records what seg declares.
func (ix *index) addSegment(cell string, seg *segment) {
	for _, d := range segmentDecls(cell, seg) {
		d.order = ix.next
		ix.next++
		if d.kind == kindFunc || d.kind == kindMethod {
			d.free = freeNames(cell, seg)
		}
		if d.kind == kindMethod {
			if ix.methods[d.recv] == nil {
				ix.methods[d.recv] = map[string]*decl{}
			}
			ix.methods[d.recv][d.name] = d
			continue
		}
		ix.names[d.name] = d
	}
}

// segmentDecls lists the declarations of one segment.
func segmentDecls(cell string, seg *segment) []*decl {
	switch n := seg.node().(type) {
	case *ast.FuncDecl:
		return []*decl{funcDecl(cell, seg, n)}
	case *ast.GenDecl:
		return genDecls(cell, seg, n)
	case *ast.AssignStmt:
		if n.Tok != token.DEFINE {
			return nil
		}
		var out []*decl
		for i, lhs := range n.Lhs {
			id, ok := lhs.(*ast.Ident)
			if !ok || id.Name == "_" {
				continue
			}
			d := &decl{name: id.Name, kind: kindVar, source: seg.text(cell, n), sig: seg.print(n)}
			if len(n.Rhs) == len(n.Lhs) {
				d.typeName = obviousType(n.Rhs[i])
			}
			out = append(out, d)
		}
		return out
	case *ast.DeclStmt:
		if g, ok := n.Decl.(*ast.GenDecl); ok {
			return genDecls(cell, seg, g)
		}
	}
	return nil
}

func funcDecl(cell string, seg *segment, f *ast.FuncDecl) *decl {
	header := *f
	header.Doc, header.Body = nil, nil
	d := &decl{
		name:    f.Name.Name,
		kind:    kindFunc,
		doc:     f.Doc.Text(),
		sig:     seg.print(&header),
		source:  cell[seg.start:seg.end],
		norm:    seg.print(f),
		generic: f.Type.TypeParams != nil,
	}
	d.results = f.Type.Results.NumFields()
	d.params = f.Type.Params.NumFields()
	if d.results == 1 {
		d.result = seg.print(f.Type.Results.List[0].Type)
	}
	if f.Recv != nil && len(f.Recv.List) == 1 {
		d.kind = kindMethod
		d.recv = receiverType(f.Recv.List[0].Type)
		_, d.ptrRecv = f.Recv.List[0].Type.(*ast.StarExpr)
	}
	return d
}

// receiverType returns the base type name of a receiver: T for T, *T,
// T[K] and *T[K].
func receiverType(e ast.Expr) string {
	for {
		switch x := e.(type) {
		case *ast.StarExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		case *ast.Ident:
			return x.Name
		default:
			return ""
		}
	}
}

func genDecls(cell string, seg *segment, g *ast.GenDecl) []*decl {
	var out []*decl
	for _, spec := range g.Specs {
		doc := g.Doc.Text()
		switch s := spec.(type) {
		case *ast.TypeSpec:
			if s.Doc != nil {
				doc = s.Doc.Text()
			}
			d := &decl{
				name: s.Name.Name, kind: kindType, doc: doc,
				sig: "type " + seg.print(s), source: seg.text(cell, s), norm: seg.print(s),
				generic: s.TypeParams != nil, alias: s.Assign.IsValid(),
			}
			switch t := s.Type.(type) {
			case *ast.InterfaceType:
				d.iface = true
			case *ast.StructType:
				d.isStruct = true
				for _, f := range t.Fields.List {
					for _, n := range f.Names {
						d.fields = append(d.fields, n.Name)
					}
					if len(f.Names) == 0 {
						d.fields = append(d.fields, receiverType(f.Type))
					}
				}
			}
			out = append(out, d)
		case *ast.ValueSpec:
			if s.Doc != nil {
				doc = s.Doc.Text()
			}
			kind := kindVar
			if g.Tok == token.CONST {
				kind = kindConst
			}
			for i, n := range s.Names {
				if n.Name == "_" {
					continue
				}
				d := &decl{name: n.Name, kind: kind, doc: doc, sig: g.Tok.String() + " " + seg.print(s), source: seg.text(cell, s)}
				if s.Type != nil {
					d.typeName = typeText(s.Type)
				} else if i < len(s.Values) {
					d.typeName = obviousType(s.Values[i])
				}
				out = append(out, d)
			}
		}
	}
	return out
}

// obviousType returns the type of an initializer when the source shows it:
// T{…}, &T{…}, new(T), T(x) for a simple name T. It returns "" otherwise.
func obviousType(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.CompositeLit:
		if x.Type != nil {
			return typeText(x.Type)
		}
	case *ast.UnaryExpr:
		if x.Op == token.AND {
			if t := obviousType(x.X); t != "" {
				return "*" + t
			}
		}
	case *ast.CallExpr:
		if id, ok := x.Fun.(*ast.Ident); ok && id.Name == "new" && len(x.Args) == 1 {
			if t := typeText(x.Args[0]); t != "" {
				return "*" + t
			}
		}
	}
	return ""
}

// typeText returns simple type expressions (T, *T, []T, pkg.T, …) as text.
func typeText(e ast.Expr) string {
	switch x := e.(type) {
	case *ast.Ident:
		return x.Name
	case *ast.StarExpr:
		if t := typeText(x.X); t != "" {
			return "*" + t
		}
	case *ast.ArrayType:
		if t := typeText(x.Elt); t != "" && x.Len == nil {
			return "[]" + t
		}
	case *ast.SelectorExpr:
		if id, ok := x.X.(*ast.Ident); ok {
			return id.Name + "." + x.Sel.Name
		}
	}
	return ""
}

// typeInfos describes the notebook types the generated printing code can
// name (not generic, not interfaces, not aliases) with their methods
// without parameters and with one result.
func (ix *index) typeInfos() []typeInfo {
	var out []typeInfo
	for name, d := range ix.names {
		if d.kind != kindType || d.generic || d.iface || d.alias || name == "_" || strings.HasPrefix(name, "__tb") {
			continue
		}
		t := typeInfo{name: name, isStruct: d.isStruct, value: map[string]string{}, pointer: map[string]string{}}
		for _, m := range ix.methods[name] {
			if m.params != 0 || m.results != 1 {
				continue
			}
			if m.ptrRecv {
				t.pointer[m.name] = m.result
			} else {
				t.value[m.name] = m.result
			}
		}
		out = append(out, t)
	}
	return out
}
