package repl

import (
	"errors"
	"reflect"
	"testing"
)

func TestSplitCell(t *testing.T) {
	tests := []struct {
		name  string
		cell  string
		kinds []segKind
		texts []string
	}{
		{
			name:  "imports, declarations and statements",
			cell:  "import \"fmt\"\n\ntype P struct{ X int }\n\nfunc (p P) Get() int { return p.X }\n\np := P{3}\nfmt.Println(p.Get())\np",
			kinds: []segKind{segImport, segDecl, segDecl, segStmt, segStmt, segStmt},
			texts: []string{`import "fmt"`, "type P struct{ X int }", "func (p P) Get() int { return p.X }", "p := P{3}", "fmt.Println(p.Get())", "p"},
		},
		{
			name:  "function literal called at once is a statement",
			cell:  "func() {\n\tx := 1\n\t_ = x\n}()\nfunc f() {}",
			kinds: []segKind{segStmt, segDecl},
			texts: []string{"func() {\n\tx := 1\n\t_ = x\n}()", "func f() {}"},
		},
		{
			name:  "semicolons in a for header do not cut",
			cell:  "for i := 0; i < 3; i++ {\n\tn++\n}\nif x := f(); x > 0 { n-- }",
			kinds: []segKind{segStmt, segStmt},
			texts: []string{"for i := 0; i < 3; i++ {\n\tn++\n}", "if x := f(); x > 0 { n-- }"},
		},
		{
			name:  "explicit semicolons and a multi-line call",
			cell:  "a := 1; b := 2\nc := add(a,\n\tb)",
			kinds: []segKind{segStmt, segStmt, segStmt},
			texts: []string{"a := 1", "b := 2", "c := add(a,\n\tb)"},
		},
		{
			name:  "doc comment stays with its declaration",
			cell:  "// Double doubles x.\nfunc Double(x int) int { return 2 * x }\n\n// loose comment\n\nDouble(2) // trailing",
			kinds: []segKind{segDecl, segStmt},
			texts: []string{"// Double doubles x.\nfunc Double(x int) int { return 2 * x }", "Double(2)"},
		},
		{
			name:  "var and const are declarations",
			cell:  "const k = 2\nvar (\n\ta = 1\n\tb = k\n)",
			kinds: []segKind{segDecl, segDecl},
			texts: []string{"const k = 2", "var (\n\ta = 1\n\tb = k\n)"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			segs, err := splitCell(tt.cell)
			if err != nil {
				t.Fatalf("splitCell: %v", err)
			}
			var kinds []segKind
			var texts []string
			for _, s := range segs {
				kinds = append(kinds, s.kind)
				texts = append(texts, tt.cell[s.start:s.end])
			}
			if !reflect.DeepEqual(kinds, tt.kinds) {
				t.Errorf("kinds = %v, want %v", kinds, tt.kinds)
			}
			if !reflect.DeepEqual(texts, tt.texts) {
				t.Errorf("texts = %q, want %q", texts, tt.texts)
			}
		})
	}
}

func TestSplitCellSyntaxErrorPosition(t *testing.T) {
	tests := []struct {
		cell      string
		wantValue string
	}{
		{"x := 1\ny := (2 +\nz := 3", "3:3: expected ')', found ':='"},
		{"func f() {\n\treturn 1 +\n}", "3:1: expected operand, found '}'"},
		{"s := \"unterminated\nt := 2", "1:6: string literal not terminated"},
		{"héhé := 1\nx := ]", "2:6: expected operand, found ']'"},
	}
	for _, tt := range tests {
		_, err := splitCell(tt.cell)
		var ce *CellError
		if !errors.As(err, &ce) {
			t.Errorf("splitCell(%q) error = %v, want a *CellError", tt.cell, err)
			continue
		}
		if ce.Name != errCompile || ce.Value != tt.wantValue {
			t.Errorf("splitCell(%q) = %s: %s, want CompileError: %s", tt.cell, ce.Name, ce.Value, tt.wantValue)
		}
		if len(ce.Traceback) < 2 {
			t.Errorf("splitCell(%q) traceback %q, want the summary and the quoted line", tt.cell, ce.Traceback)
		}
	}
}
