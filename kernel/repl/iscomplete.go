package repl

import (
	"go/scanner"
	"go/token"
	"strings"
)

// Statuses returned by IsComplete, as in Jupyter's is_complete_reply.
const (
	statusComplete   = "complete"
	statusIncomplete = "incomplete"
	statusInvalid    = "invalid"
)

// IsComplete tells a console front end whether code is ready to run:
// "incomplete" when a bracket, a raw string or a comment is still open or
// the last line ends with an operator or a comma (indent is then the
// indentation for the next line, one tab per open bracket); "invalid" when
// the code cannot be parsed; "complete" otherwise. Leading magic lines are
// ignored.
func (s *Session) IsComplete(code string) (status, indent string) {
	goCode, _ := splitMagics(code)
	if strings.TrimSpace(goCode) == "" {
		return statusComplete, ""
	}

	fset := token.NewFileSet()
	var sc scanner.Scanner
	var errs []string
	sc.Init(fset.AddFile("", -1, len(goCode)), []byte(goCode), func(_ token.Position, msg string) { errs = append(errs, msg) }, 0)
	depth := 0
	last := token.ILLEGAL
	for {
		_, tok, lit := sc.Scan()
		if tok == token.EOF {
			break
		}
		switch tok {
		case token.LPAREN, token.LBRACK, token.LBRACE:
			depth++
		case token.RPAREN, token.RBRACK, token.RBRACE:
			depth--
		}
		if tok != token.SEMICOLON || lit == ";" {
			last = tok
		}
	}
	for _, msg := range errs {
		if strings.Contains(msg, "raw string literal not terminated") || strings.Contains(msg, "comment not terminated") {
			return statusIncomplete, ""
		}
	}
	switch {
	case len(errs) > 0 || depth < 0:
		return statusInvalid, ""
	case depth > 0:
		return statusIncomplete, strings.Repeat("\t", depth)
	case continues(last):
		return statusIncomplete, "\t"
	}
	if _, err := splitCell(goCode); err != nil {
		return statusInvalid, ""
	}
	return statusComplete, ""
}

// continues reports whether a line ending with tok continues on the next
// line (no semicolon is inserted after it).
func continues(tok token.Token) bool {
	return tok == token.COMMA || tok == token.PERIOD || tok == token.COLON ||
		(tok.IsOperator() && tok != token.RPAREN && tok != token.RBRACK && tok != token.RBRACE &&
			tok != token.INC && tok != token.DEC && tok != token.SEMICOLON)
}
