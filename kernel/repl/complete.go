package repl

import (
	"go/ast"
	"go/scanner"
	"go/token"
	"go/types"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// Complete returns the completions of the identifier before cursor (in
// code points) and the range [start, end), in code points, that a chosen
// match replaces. After a dot it completes members: of an imported
// package (its exported symbols), of a notebook variable (fields and
// methods, from reflection on its value and from the notebook's own
// declarations), or of a notebook type (its methods). Otherwise it
// completes keywords, builtins, imported package names, notebook names and
// identifiers of code.
func (s *Session) Complete(code string, cursor int) (matches []string, start, end int) {
	off := byteOffset(code, cursor)
	from := identStart(code, off)
	prefix := code[from:off]

	var candidates []string
	if from > 0 && code[from-1] == '.' {
		chain := selectorChain(code, from-1)
		if chain == nil {
			return nil, cursor, cursor
		}
		candidates = s.members(code, chain)
	} else {
		candidates = s.topLevelNames(code)
	}

	seen := map[string]bool{}
	for _, c := range candidates {
		if strings.HasPrefix(c, prefix) && !strings.HasPrefix(c, "__tb") && !seen[c] {
			seen[c] = true
			matches = append(matches, c)
		}
	}
	sort.Strings(matches)
	return matches, runeOffset(code, from), cursor
}

// topLevelNames lists the names that can start an expression.
func (s *Session) topLevelNames(code string) []string {
	var names []string
	for tok := token.BREAK; tok <= token.VAR; tok++ {
		if tok.IsKeyword() {
			names = append(names, tok.String())
		}
	}
	names = append(names, types.Universe.Names()...)
	s.mu.RLock()
	for _, imp := range s.imports {
		if imp.name != "_" && imp.name != "." {
			names = append(names, imp.name)
		}
	}
	for name := range s.index.names {
		names = append(names, name)
	}
	s.mu.RUnlock()
	for name := range s.idleGlobals() {
		names = append(names, name)
	}
	return append(names, codeIdentifiers(code)...)
}

// codeIdentifiers returns the identifiers of code that are not selected
// members (so "x" and "fmt" from "fmt.Println(x)", not "Println").
func codeIdentifiers(code string) []string {
	var sc scanner.Scanner
	fset := token.NewFileSet()
	sc.Init(fset.AddFile("", -1, len(code)), []byte(code), func(token.Position, string) {}, 0)
	var names []string
	prev := token.ILLEGAL
	for {
		_, tok, lit := sc.Scan()
		if tok == token.EOF {
			return names
		}
		if tok == token.IDENT && prev != token.PERIOD {
			names = append(names, lit)
		}
		prev = tok
	}
}

// members lists the members named by chain (the identifiers before the
// dot).
func (s *Session) members(code string, chain []string) []string {
	if len(chain) == 1 {
		if ipath, ok := s.importPath(code, chain[0]); ok {
			var names []string
			for name := range binaryMembers(ipath) {
				if ast.IsExported(name) {
					names = append(names, name)
				}
			}
			return names
		}
		s.mu.RLock()
		d := s.index.names[chain[0]]
		s.mu.RUnlock()
		if d != nil && d.kind == kindType {
			return s.notebookMembers(chain[0], false)
		}
	}

	var names []string
	if v, ok := s.valueOf(chain); ok {
		names = append(names, reflectMembers(v)...)
	}
	if typ := s.notebookType(chain); typ != "" {
		names = append(names, s.notebookMembers(typ, true)...)
	}
	return names
}

// importPath returns the import path of a package name imported by the
// session or by code.
func (s *Session) importPath(code, name string) (string, bool) {
	s.mu.RLock()
	imp, ok := s.imports[name]
	s.mu.RUnlock()
	if ok {
		return imp.path, true
	}
	fset := token.NewFileSet()
	var sc scanner.Scanner
	sc.Init(fset.AddFile("", -1, len(code)), []byte(code), func(token.Position, string) {}, 0)
	inImport, prevIdent := false, ""
	for {
		_, tok, lit := sc.Scan()
		switch tok {
		case token.EOF:
			return "", false
		case token.IMPORT:
			inImport = true
		case token.IDENT:
			prevIdent = lit
		case token.STRING:
			if p, err := strconv.Unquote(lit); err == nil && inImport &&
				(prevIdent == name || (prevIdent == "" && packageName(p) == name)) {
				return p, true
			}
			prevIdent = ""
		case token.SEMICOLON:
			if lit == "\n" || lit == ";" {
				prevIdent = ""
			}
		case token.LPAREN, token.RPAREN:
		default:
			inImport = false
		}
	}
}

// valueOf evaluates a chain of names without running code: a notebook
// global followed by fields, through reflection on its current value.
func (s *Session) valueOf(chain []string) (reflect.Value, bool) {
	v, ok := s.idleGlobals()[chain[0]]
	if !ok {
		return reflect.Value{}, false
	}
	for _, name := range chain[1:] {
		for v.Kind() == reflect.Pointer || v.Kind() == reflect.Interface {
			if v.IsNil() {
				return reflect.Value{}, false
			}
			v = v.Elem()
		}
		if v.Kind() != reflect.Struct {
			return reflect.Value{}, false
		}
		if v = v.FieldByName(name); !v.IsValid() {
			return reflect.Value{}, false
		}
	}
	return v, v.IsValid()
}

// reflectMembers lists the exported fields and methods of v's type,
// including the methods of its pointer type.
func reflectMembers(v reflect.Value) []string {
	if v.Kind() == reflect.Interface && !v.IsNil() {
		v = v.Elem()
	}
	t := v.Type()
	var names []string
	mt := t
	if t.Kind() != reflect.Pointer && t.Kind() != reflect.Interface {
		mt = reflect.PointerTo(t)
	}
	for i := range mt.NumMethod() {
		names = append(names, mt.Method(i).Name)
	}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() == reflect.Struct && t.Name() != "" {
		for i := range t.NumField() {
			if f := t.Field(i); f.IsExported() {
				names = append(names, f.Name)
			}
		}
	}
	return names
}

// notebookType returns the notebook type of a one-name chain when the
// variable's declaration shows it ("p := Person{…}" → "Person").
func (s *Session) notebookType(chain []string) string {
	if len(chain) != 1 {
		return ""
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	d := s.index.names[chain[0]]
	if d == nil || d.kind != kindVar {
		return ""
	}
	typ := strings.TrimPrefix(d.typeName, "*")
	if t := s.index.names[typ]; t != nil && t.kind == kindType {
		return typ
	}
	return ""
}

// notebookMembers lists the methods of a notebook type and, for values,
// its fields.
func (s *Session) notebookMembers(typ string, fields bool) []string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	var names []string
	for name := range s.index.methods[typ] {
		names = append(names, name)
	}
	if t := s.index.names[typ]; fields && t != nil {
		names = append(names, t.fields...)
	}
	return names
}
