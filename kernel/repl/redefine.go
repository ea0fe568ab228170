package repl

import (
	"context"
	"fmt"
	"go/ast"
	"go/token"
	"sort"
)

// changedFuncs returns the functions a declaration chunk declares again
// with a different body.
func (s *Session) changedFuncs(c *chunk) map[string]bool {
	changed := map[string]bool{}
	s.mu.RLock()
	defer s.mu.RUnlock()
	for _, seg := range c.segs {
		f, ok := seg.decl.(*ast.FuncDecl)
		if !ok || f.Recv != nil {
			continue
		}
		if old := s.index.names[f.Name.Name]; old != nil && old.kind == kindFunc && old.norm != seg.print(f) {
			changed[f.Name.Name] = true
		}
	}
	return changed
}

// refreshDependents declares again the functions of earlier cells that
// call a changed function, directly or through each other. yaegi v0.16.1
// binds a call to the function declared when the caller was compiled, so
// without this they would keep calling the old definition. Methods cannot
// be declared again (see checkRedefinition); for them a note on standard
// error says that a restart is needed.
func (s *Session) refreshDependents(ctx context.Context, changed map[string]bool, declared []*segment) {
	current := map[string]bool{}
	for _, seg := range declared {
		if f, ok := seg.decl.(*ast.FuncDecl); ok && f.Recv == nil {
			current[f.Name.Name] = true
		}
	}
	stale := map[string]bool{}
	for name := range changed {
		stale[name] = true
	}
	var funcs, methods []*decl
	s.mu.RLock()
	for grown := true; grown; {
		grown = false
		for name, d := range s.index.names {
			if d.kind == kindFunc && !current[name] && !stale[name] && usesAny(d, stale) {
				stale[name], grown = true, true
				funcs = append(funcs, d)
			}
		}
	}
	for _, ms := range s.index.methods {
		for _, m := range ms {
			if usesAny(m, stale) {
				methods = append(methods, m)
			}
		}
	}
	s.mu.RUnlock()

	sort.Slice(funcs, func(i, j int) bool { return funcs[i].order < funcs[j].order })
	for _, d := range funcs {
		if err := s.redeclare(ctx, d.source); err != nil {
			s.writeStderr("note: %s calls a function that changed; declaring it again failed (%v), so it keeps calling the old definition", d.name, err)
		}
	}
	sort.Slice(methods, func(i, j int) bool { return methods[i].order < methods[j].order })
	for _, m := range methods {
		s.writeStderr("note: method %s.%s calls a function that changed but keeps calling the old definition "+
			"(the interpreter cannot declare methods again): restart the kernel to update it", m.recv, m.name)
	}
}

// usesAny reports whether a declaration uses one of names.
func usesAny(d *decl, names map[string]bool) bool {
	for name := range d.free {
		if names[name] {
			return true
		}
	}
	return false
}

// redeclare evaluates the source of a declaration again.
func (s *Session) redeclare(ctx context.Context, src string) error {
	segs, err := splitCell(src)
	if err != nil {
		return err
	}
	chunks, err := s.plan(src, segs)
	if err != nil {
		return err
	}
	x := &execution{ctx: ctx, cell: src, segs: segs}
	for _, c := range chunks {
		if err := s.evalChunk(x, c); err != nil {
			return err
		}
	}
	return nil
}

// checkRedefinition compares a declaration with the notebook's earlier
// ones. yaegi v0.16.1 silently keeps the first definition of a type or a
// method, so an identical redeclaration (a cell run again) is dropped and a
// different one is an error asking for a restart. keep is false when the
// whole segment is dropped; edits remove single dropped type specs.
func (p *planner) checkRedefinition(seg *segment) (keep bool, edits []edit, err error) {
	p.s.mu.RLock()
	defer p.s.mu.RUnlock()
	switch d := seg.decl.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil {
			return true, nil, nil
		}
		nd := funcDecl(p.cell, seg, d)
		old := p.s.index.method(nd.recv, nd.name)
		switch {
		case old == nil:
			return true, nil, nil
		case old.norm == nd.norm:
			return false, nil, nil
		}
		return false, nil, positionedError(errUnsupported, p.cell, seg.off(d.Name.Pos()), fmt.Sprintf(
			"method %s.%s is already declared with a different body; the notebook interpreter (yaegi v0.16.1) cannot redefine methods: restart the kernel to change it", nd.recv, nd.name))
	case *ast.GenDecl:
		if d.Tok != token.TYPE {
			return true, nil, nil
		}
		kept := 0
		for _, spec := range d.Specs {
			ts := spec.(*ast.TypeSpec)
			old := p.s.index.names[ts.Name.Name]
			if old == nil || old.kind != kindType {
				kept++
				continue
			}
			if old.norm != seg.print(ts) {
				return false, nil, positionedError(errUnsupported, p.cell, seg.off(ts.Name.Pos()), fmt.Sprintf(
					"type %s is already declared with a different definition; the notebook interpreter (yaegi v0.16.1) cannot redefine types: restart the kernel, or use a new name", ts.Name.Name))
			}
			edits = append(edits, replaceWith(seg.off(ts.Pos()), seg.off(ts.End()), "", false))
		}
		if kept == 0 {
			return false, nil, nil
		}
		if !d.Lparen.IsValid() {
			edits = nil
		}
		return true, edits, nil
	}
	return true, nil, nil
}
