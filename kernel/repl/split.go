package repl

import (
	"go/ast"
	"go/parser"
	"go/printer"
	"go/scanner"
	"go/token"
	"strings"
)

// segKind tells what a top-level piece of a cell is.
type segKind int

const (
	segImport segKind = iota // an import declaration
	segDecl                  // a type, const, var or func declaration
	segStmt                  // a statement
)

// segment is one top-level piece of a cell: a declaration or a statement,
// cut at a semicolon (explicit or automatic) outside any brackets.
type segment struct {
	kind     segKind
	start    int // offset in the cell, at the doc comment if there is one
	tokStart int // offset of the first token
	end      int // offset just after the last token
	decl     ast.Decl
	stmt     ast.Stmt
	fset     *token.FileSet
	file     *token.File // the file the segment was parsed in
	delta    int         // cell offset = offset in file + delta
}

// off converts a position in the segment's AST to an offset in the cell.
func (s *segment) off(p token.Pos) int { return s.file.Offset(p) + s.delta }

// text returns the cell source of node.
func (s *segment) text(cell string, n ast.Node) string { return cell[s.off(n.Pos()):s.off(n.End())] }

// print returns node printed as Go source without comments.
func (s *segment) print(n ast.Node) string {
	var b strings.Builder
	if err := printer.Fprint(&b, s.fset, n); err != nil {
		return ""
	}
	return b.String()
}

// node returns the segment's AST node.
func (s *segment) node() ast.Node {
	if s.kind == segStmt {
		return s.stmt
	}
	return s.decl
}

// Wrappers used to parse a segment on its own.
const (
	declWrap    = "package p\n"
	stmtWrap    = "package p;func _(){"
	stmtWrapEnd = "\n}"
)

// splitCell cuts a cell into segments and parses each one. A leading
// package clause is ignored. A syntax error is returned as a *CellError
// positioned in the cell.
func splitCell(cell string) ([]*segment, error) {
	raw, err := cutSegments(cell)
	if err != nil {
		return nil, err
	}
	if len(raw) > 0 && raw[0].first == token.PACKAGE {
		raw = raw[1:] // a whole program pasted into a cell
	}
	segs := make([]*segment, 0, len(raw))
	for _, r := range raw {
		s, err := parseSegment(cell, r)
		if err != nil {
			return nil, err
		}
		segs = append(segs, s)
	}
	return segs, nil
}

// rawSegment is a segment before parsing.
type rawSegment struct {
	start, tokStart, end int
	first, second        token.Token
}

// cutSegments tokenizes the cell with go/scanner and cuts it at semicolons
// at bracket depth zero, except in the header of an if, for or switch
// statement (up to its opening brace), where they separate clauses. A
// comment block directly above a segment (no blank line between) becomes
// part of it, so declarations keep their doc comments.
func cutSegments(cell string) ([]rawSegment, error) {
	fset := token.NewFileSet()
	file := fset.AddFile("cell", -1, len(cell))
	var errs scanner.ErrorList
	var sc scanner.Scanner
	sc.Init(file, []byte(cell), func(pos token.Position, msg string) { errs.Add(pos, msg) }, scanner.ScanComments)

	var out []rawSegment
	cur := rawSegment{start: -1, tokStart: -1}
	docStart, docEndLine := -1, 0
	depth, lastEnd := 0, 0
	inHeader := false // between if/for/switch and its body: ";" separates clauses
	for {
		pos, tok, lit := sc.Scan()
		if tok == token.EOF {
			break
		}
		off := file.Offset(pos)
		if tok == token.COMMENT {
			if cur.tokStart < 0 {
				line := file.Line(pos)
				if docStart < 0 || line > docEndLine+1 {
					docStart = off
				}
				docEndLine = line + strings.Count(lit, "\n")
			}
			continue
		}
		switch tok {
		case token.IF, token.FOR, token.SWITCH, token.SELECT:
			if depth == 0 {
				inHeader = true
			}
		case token.LBRACE:
			if depth == 0 {
				inHeader = false
			}
		}
		if tok == token.SEMICOLON && depth == 0 && !inHeader {
			if cur.tokStart >= 0 {
				cur.end = lastEnd
				out = append(out, cur)
			}
			cur = rawSegment{start: -1, tokStart: -1}
			docStart = -1
			continue
		}
		if tok == token.SEMICOLON && lit != ";" {
			continue // a semicolon inserted at a newline or at the end
		}
		switch tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		}
		if cur.tokStart < 0 {
			cur.tokStart, cur.start, cur.first = off, off, tok
			if docStart >= 0 && file.Line(pos) <= docEndLine+1 {
				cur.start = docStart
			}
		} else if cur.second == token.ILLEGAL {
			cur.second = tok
		}
		lastEnd = off + tokenLen(tok, lit)
	}
	if len(errs) > 0 {
		e := errs[0]
		return nil, compileError(cell, e.Pos.Offset, e.Msg)
	}
	if cur.tokStart >= 0 {
		cur.end = lastEnd
		out = append(out, cur)
	}
	return out, nil
}

// tokenLen is the length in bytes of a token's text.
func tokenLen(tok token.Token, lit string) int {
	if lit != "" {
		return len(lit)
	}
	return len(tok.String())
}

// parseSegment parses r as a declaration or a statement, deciding by its
// first tokens: import, type, const and var start declarations; func starts
// a declaration unless it is a function literal (then it parses as a
// statement); anything else is a statement.
func parseSegment(cell string, r rawSegment) (*segment, error) {
	text := cell[r.start:r.end]
	switch r.first {
	case token.IMPORT, token.TYPE, token.CONST, token.VAR:
		return parseDecl(cell, r, text)
	case token.FUNC:
		s, declErr := parseDecl(cell, r, text)
		if declErr == nil {
			return s, nil
		}
		s, stmtErr := parseStmt(cell, r, text)
		if stmtErr == nil {
			return s, nil
		}
		if r.second == token.IDENT {
			return nil, declErr
		}
		return nil, stmtErr
	}
	return parseStmt(cell, r, text)
}

func parseDecl(cell string, r rawSegment, text string) (*segment, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", declWrap+text, parser.ParseComments|parser.SkipObjectResolution)
	delta := r.start - len(declWrap)
	if err != nil {
		return nil, syntaxError(cell, err, delta)
	}
	if len(f.Decls) != 1 {
		return nil, compileError(cell, r.tokStart, "expected one declaration")
	}
	kind := segDecl
	if g, ok := f.Decls[0].(*ast.GenDecl); ok && g.Tok == token.IMPORT {
		kind = segImport
	}
	return &segment{
		kind: kind, start: r.start, tokStart: r.tokStart, end: r.end,
		decl: f.Decls[0], fset: fset, file: fset.File(f.Pos()), delta: delta,
	}, nil
}

func parseStmt(cell string, r rawSegment, text string) (*segment, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", stmtWrap+text+stmtWrapEnd, parser.ParseComments|parser.SkipObjectResolution)
	delta := r.start - len(stmtWrap)
	if err != nil {
		return nil, syntaxError(cell, err, delta)
	}
	body := f.Decls[0].(*ast.FuncDecl).Body.List
	if len(body) != 1 {
		return nil, compileError(cell, r.tokStart, "expected one statement")
	}
	return &segment{
		kind: segStmt, start: r.start, tokStart: r.tokStart, end: r.end,
		stmt: body[0], fset: fset, file: fset.File(f.Pos()), delta: delta,
	}, nil
}

// syntaxError turns a go/parser error into a CellError positioned in the
// cell; delta converts offsets in the parsed text to cell offsets.
func syntaxError(cell string, err error, delta int) error {
	list, ok := err.(scanner.ErrorList)
	if !ok || len(list) == 0 {
		return &CellError{Name: errCompile, Value: err.Error(), Traceback: []string{err.Error()}}
	}
	off := list[0].Pos.Offset + delta
	off = max(0, min(off, len(cell)))
	return compileError(cell, off, list[0].Msg)
}
