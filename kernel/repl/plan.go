package repl

import (
	"go/ast"
	"go/token"
)

// Wrappers the interpreter expects around declarations and statements.
const (
	declPrefix = "package main;"
	stmtPrefix = "package main; func main() {"
	stmtSuffix = "\n}"
)

// chunk is one evaluation of a cell: its imports, its declarations, or its
// statements. variants are the same chunk with fewer rewrites, tried in
// order until one compiles (see Session.evalChunk).
type chunk struct {
	stmt     bool
	variants []*chunkSrc
	segs     []*segment   // segments to index once the chunk compiles
	imports  []importSpec // imports to record after success
	types    bool         // declares types: refresh the value converter
}

// importSpec is an import of the cell: local name (_ and . included) and path.
type importSpec struct {
	name, path string
	start, end int // the spec in the cell
}

// planner turns the segments of a cell into chunks.
type planner struct {
	s        *Session
	cell     string
	segs     []*segment
	declared map[string]bool       // names declared by the cell or the notebook
	imports  map[string]importSpec // by importKey
	globals  map[string]bool       // the interpreter's global variables and constants
}

// plan orders a cell's segments as Go would see them in one file —
// imports, then declarations (so a function declared below a statement is
// visible to it), then statements in order — and prepares each chunk.
// It returns a *CellError for features the interpreter lacks and for
// redefinitions it would silently ignore.
func (s *Session) plan(cell string, segs []*segment) ([]*chunk, error) {
	s.mu.RLock()
	p := &planner{s: s, cell: cell, segs: segs, declared: declaredNames(segs), imports: map[string]importSpec{}}
	for name, d := range s.index.names {
		if d.kind != kindMethod {
			p.declared[name] = true
		}
	}
	for key, imp := range s.imports {
		p.imports[key] = imp
	}
	s.mu.RUnlock()

	p.globals = map[string]bool{}
	for name := range s.globals() {
		p.globals[name] = true
	}
	if err := checkUnsupported(cell, segs, p.declared); err != nil {
		return nil, err
	}
	imports := p.newImports()
	for _, imp := range imports {
		p.imports[importKey(imp.name, imp.path)] = imp
	}

	var decls, stmts []*segment
	var drops []edit
	stmtVars := p.statementNames()
	for _, seg := range segs {
		switch seg.kind {
		case segImport:
			continue
		case segStmt:
			stmts = append(stmts, seg)
			continue
		}
		keep, edits, err := p.checkRedefinition(seg)
		if err != nil {
			return nil, err
		}
		drops = append(drops, edits...)
		switch {
		case !keep:
		case p.varNeedsStatement(seg, stmtVars):
			stmts = append(stmts, seg)
		default:
			decls = append(decls, seg)
		}
	}

	edits, show := p.rewrite(stmts)
	edits = append(edits, drops...)
	var chunks []*chunk
	if len(imports) > 0 {
		chunks = append(chunks, p.importChunk(imports))
	}
	early, late := p.placeDecls(decls, stmts)
	addDecls := func(segs []*segment) {
		if len(segs) > 0 {
			c := &chunk{segs: segs, types: declaresTypes(segs)}
			c.variants = p.variants(segs, edits, nil, false)
			chunks = append(chunks, c)
		}
	}
	addDecls(early)
	if len(stmts) == 0 && p.declaresMain() {
		chunks = append(chunks, p.callMain())
	}
	from := 0
	for i := range stmts {
		if len(late[i]) == 0 && i < len(stmts)-1 {
			continue
		}
		c := &chunk{stmt: true, segs: stmts[from : i+1]}
		if i == len(stmts)-1 {
			c.variants = p.variants(c.segs, edits, show, true)
		} else {
			c.variants = p.variants(c.segs, edits, nil, true)
		}
		chunks = append(chunks, c)
		addDecls(late[i])
		from = i + 1
	}
	return chunks, nil
}

// declaredNames collects every name a cell declares anywhere (top level,
// parameters, locals), used to tell user names from builtins.
func declaredNames(segs []*segment) map[string]bool {
	names := map[string]bool{}
	add := func(ids ...*ast.Ident) {
		for _, id := range ids {
			names[id.Name] = true
		}
	}
	for _, s := range segs {
		ast.Inspect(s.node(), func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncDecl:
				if x.Recv == nil {
					add(x.Name)
				}
			case *ast.Field:
				add(x.Names...)
			case *ast.ValueSpec:
				add(x.Names...)
			case *ast.TypeSpec:
				add(x.Name)
			case *ast.AssignStmt:
				if x.Tok == token.DEFINE {
					for _, l := range x.Lhs {
						if id, ok := l.(*ast.Ident); ok {
							add(id)
						}
					}
				}
			}
			return true
		})
	}
	return names
}

// declaresTypes reports whether segs declare a type or a method, which
// the value converter must learn about.
func declaresTypes(segs []*segment) bool {
	for _, s := range segs {
		switch d := s.decl.(type) {
		case *ast.GenDecl:
			if d.Tok == token.TYPE {
				return true
			}
		case *ast.FuncDecl:
			if d.Recv != nil {
				return true
			}
		}
	}
	return false
}

// variants builds the chunk's source with all rewrites (and the display of
// the last expression), then without the display, then with only the
// essential rewrites; identical variants are left out.
func (p *planner) variants(segs []*segment, edits []edit, show *edit, stmt bool) []*chunkSrc {
	prefix, suffix := declPrefix, ""
	if stmt {
		prefix, suffix = stmtPrefix, stmtSuffix
	}
	build := func(edits []edit, cosmetic bool) *chunkSrc {
		b := newChunkBuilder(p.cell, edits, cosmetic)
		for i, seg := range segs {
			if i > 0 {
				b.text(";\n", -1)
			}
			b.copyRange(seg.start, seg.end)
		}
		return b.finish(prefix, suffix)
	}
	var out []*chunkSrc
	add := func(c *chunkSrc) {
		if len(out) == 0 || out[len(out)-1].body != c.body {
			out = append(out, c)
		}
	}
	if show != nil {
		add(build(append([]edit{*show}, edits...), true)) // outermost: first of equal ranges
	}
	add(build(edits, true))
	add(build(edits, false))
	return out
}

// rewrite computes the cell's edits and, when the last statement is an
// expression whose value should be shown, the edit that shows it.
func (p *planner) rewrite(stmts []*segment) ([]edit, *edit) {
	r := &rewriter{
		cell:         p.cell,
		fmtNames:     map[string]bool{},
		displayNames: map[string]bool{},
		pkgNames:     map[string]bool{},
		declared:     p.declared,
		isConst:      p.isConst,
		types:        map[string]bool{},
		varTypes:     map[string]string{},
		renameMain:   p.declaresMain() || p.notebookMain(),
	}
	p.s.mu.RLock()
	for name, d := range p.s.index.names {
		switch d.kind {
		case kindType:
			r.types[name] = true
		case kindVar:
			r.varTypes[name] = d.typeName
		}
	}
	p.s.mu.RUnlock()
	for _, seg := range p.segs {
		for _, d := range segmentDecls(p.cell, seg) {
			switch d.kind {
			case kindType:
				r.types[d.name] = true
			case kindVar:
				r.varTypes[d.name] = d.typeName
				r.cellVars = append(r.cellVars, cellVar{name: d.name, seg: seg})
			}
		}
	}
	r.countGotos(p.segs)
	for _, imp := range p.imports {
		if imp.name == "_" || imp.name == "." {
			continue
		}
		r.pkgNames[imp.name] = true
		switch imp.path {
		case "fmt":
			r.fmtNames[imp.name] = true
		case displayImport:
			r.displayNames[imp.name] = true
		}
	}
	for _, seg := range p.segs {
		if seg.kind != segImport {
			r.rewriteSegment(seg)
		}
		if seg.kind == segStmt {
			r.topLevel(seg)
		}
	}
	if len(stmts) == 0 {
		return r.edits, nil
	}
	last := stmts[len(stmts)-1]
	es, ok := last.stmt.(*ast.ExprStmt)
	if !ok || p.void(es.X, r.fmtNames) {
		return r.edits, nil
	}
	r.nameSlice(last, es.X)
	show := wrapWith(last.off(es.X.Pos()), last.off(es.X.End()), "__tb_show(", ")", true)
	return r.edits, &show
}

// isConst reports whether name is a constant of the cell or the notebook.
func (p *planner) isConst(name string) bool {
	for _, seg := range p.segs {
		if g, ok := seg.decl.(*ast.GenDecl); ok && g.Tok == token.CONST {
			for _, spec := range g.Specs {
				for _, n := range spec.(*ast.ValueSpec).Names {
					if n.Name == name {
						return true
					}
				}
			}
		}
	}
	p.s.mu.RLock()
	defer p.s.mu.RUnlock()
	d := p.s.index.names[name]
	return d != nil && d.kind == kindConst
}

// declaresMain reports whether the cell declares func main(), as a program
// pasted into a cell does.
func (p *planner) declaresMain() bool {
	return p.mainDecl() != nil
}

// notebookMain reports whether an earlier cell declared func main.
func (p *planner) notebookMain() bool {
	p.s.mu.RLock()
	defer p.s.mu.RUnlock()
	d := p.s.index.names["main"]
	return d != nil && d.kind == kindFunc
}

// mainDecl returns the cell's func main() declaration, or nil.
func (p *planner) mainDecl() *segment {
	for _, seg := range p.segs {
		if f, ok := seg.decl.(*ast.FuncDecl); ok && f.Recv == nil && f.Name.Name == "main" &&
			f.Type.Params.NumFields() == 0 && f.Type.Results.NumFields() == 0 {
			return seg
		}
	}
	return nil
}

// callMain runs the main function of a cell that declares one and has no
// statements, so a pasted program runs as with `go run`.
func (p *planner) callMain() *chunk {
	b := newChunkBuilder(p.cell, nil, false)
	b.text(mainName+"()", p.mainDecl().tokStart)
	return &chunk{stmt: true, variants: []*chunkSrc{b.finish(stmtPrefix, stmtSuffix)}}
}
