package repl

import (
	"errors"
	"reflect"
	"strings"
	"testing"
)

// TestTopLevelBlocksDeclareAsInFunctions runs compound statements at the
// top level of cells that declare variables inside: yaegi v0.16.1 fails on
// `a, e := f()` there ("undefined: e", or "incomplete type" when a struct
// field is named e) unless the statement runs in a function literal.
func TestTopLevelBlocksDeclareAsInFunctions(t *testing.T) {
	runSteps(t, []step{
		{code: "import (\n\t\"fmt\"\n\t\"strconv\"\n)\ntype P struct{ e int }"},
		{code: "if true { a, e := strconv.Atoi(\"5\"); _ = e; println(a) }", stderr: "5\n"},
		{code: "for i := 0; i < 2; i++ {\n\ta, e := strconv.Atoi(\"7\")\n\tfmt.Println(P{e: a + i}.e, e)\n}", stdout: "7 <nil>\n8 <nil>\n"},
		{code: "switch {\ncase true:\n\ta, e := strconv.Atoi(\"9\")\n\tfmt.Println(a, e)\n}", stdout: "9 <nil>\n"},
		{code: "{\n\ta, e := strconv.Atoi(\"x\")\n\tfmt.Println(a, e != nil)\n}", stdout: "0 true\n"},
		{code: "ch := make(chan string, 1)\nch <- \"3\"\nselect {\ncase s := <-ch:\n\tn, e := strconv.Atoi(s)\n\tfmt.Println(n, e)\n}", stdout: "3 <nil>\n"},
		{code: "var fs []func() int\nfor _, s := range []string{\"1\", \"2\"} {\n\tn, _ := strconv.Atoi(s)\n\tfs = append(fs, func() int { return n })\n}\nfs[0]() + fs[1]()", result: "3"},
		{code: "x := 1\nif true {\n\tn, _ := strconv.Atoi(\"4\")\n\tx += n\n\tz := 9\n\t_ = z\n}\ny := x * 10\ny", result: "50"},
		{code: "x + y", result: "55"},
		{code: "z", errName: errCompile, errHas: "1:1: undefined: z"},
		{code: "if true {\n\tundefinedThing()\n}", errName: errCompile, errHas: "2:2: undefined: undefinedThing"},
	})
}

// TestTopLevelBlocksControlFlow checks that running a statement in a
// function literal keeps break, continue, labels, goto, return,
// goroutines and the order of output.
func TestTopLevelBlocksControlFlow(t *testing.T) {
	runSteps(t, []step{
		{code: "import (\n\t\"fmt\"\n\t\"strconv\"\n)"},
		{code: "n := 0\nfor i := 0; i < 10; i++ {\n\tif i == 2 {\n\t\tcontinue\n\t}\n\tif i == 5 {\n\t\tbreak\n\t}\n\tv, e := strconv.Atoi(strconv.Itoa(i))\n\t_ = e\n\tn += v\n}\nn", result: "8"},
		{code: "total := 0\nouter:\nfor i := 0; i < 3; i++ {\n\tfor j := 0; j < 3; j++ {\n\t\tif j == 2 {\n\t\t\tcontinue outer\n\t\t}\n\t\tif i == 2 {\n\t\t\tbreak outer\n\t\t}\n\t\ta, _ := strconv.Atoi(\"1\")\n\t\ttotal += a\n\t}\n}\ntotal", result: "4"},
		{code: "k := 0\nloop:\nk++\nif k < 3 {\n\tgoto loop\n}\nk", result: "3"},
		{code: "{\n\ti, _ := strconv.Atoi(\"0\")\nagain:\n\ti++\n\tif i < 4 {\n\t\tgoto again\n\t}\n\tfmt.Println(i)\n}", stdout: "4\n"},
		{code: "fmt.Println(\"before\")\nif true {\n\tfmt.Println(\"in\")\n\treturn\n}\nfmt.Println(\"after\")\n5", stdout: "before\nin\n"},
		{code: "fmt.Println(\"a\")\nreturn\nfmt.Println(\"b\")\nfunc later() int { return 6 }", stdout: "a\n"},
		{code: "later()", result: "6"},
		{code: "for _, w := range []string{\"x\", \"stop\", \"y\"} {\n\tif w == \"stop\" {\n\t\treturn\n\t}\n\tfmt.Println(w)\n}\nfmt.Println(\"not reached\")", stdout: "x\n"},
		{code: "ch := make(chan int)\nif true {\n\tn, _ := strconv.Atoi(\"4\")\n\tgo func() { ch <- n * 10 }()\n}\n<-ch", result: "40"},
		{code: "if true {\n\tgo func() { panic(\"boom in block\") }()\n}\n1", errName: errPanic, errHas: "boom in block (in a goroutine started by the cell)"},
		{code: "if true {\n\tfmt.Println(1)\n\tprintln(2)\n\tfmt.Println(3)\n}\nfmt.Println(4)", stdout: "1\n3\n4\n", stderr: "2\n"},
		{code: "if true {\n\tpanic([]int{1})\n}", errName: errPanic, errHas: "[1]"},
	})
}

// TestTopLevelBlockTracebacks checks that a panic in a statement run in a
// function literal shows the cell's frame once, with positions in the
// cell. (yaegi v0.16.1 gives each frame the position where its function
// started running, not the failing statement; see LIMITS.md.)
func TestTopLevelBlockTracebacks(t *testing.T) {
	ts := newTestSession(t)
	tests := []struct {
		code string
		want []string
	}{
		{
			code: "import \"fmt\"\nfunc boom() { panic(\"b\") }\nfmt.Println(1)\nif true {\n\tboom()\n}",
			want: []string{"panic: b", "    in boom line 2:15", "    in cell line 5:2"},
		},
		{
			code: "for i := 0; i < 1; i++ {\n\tfunc() {\n\t\tpanic(\"inner\")\n\t}()\n}",
			want: []string{"panic: inner", "    in func line 3:3", "    in cell line 1:5"},
		},
		{
			code: "if true {\n\tvar s []int\n\t_ = s[3]\n}",
			want: []string{"panic: runtime error: index out of range", "    in cell line 2:6"},
		},
	}
	for _, tt := range tests {
		got := ts.exec(t, tt.code)
		var ce *CellError
		if !errors.As(got.err, &ce) || ce.Name != errPanic {
			t.Errorf("%q: err = %v, want a panic", tt.code, got.err)
			continue
		}
		if !reflect.DeepEqual(ce.Traceback, tt.want) {
			t.Errorf("%q: traceback\n%s\nwant\n%s", tt.code, strings.Join(ce.Traceback, "\n"), strings.Join(tt.want, "\n"))
		}
	}
}

// TestTopLevelBlockTimed checks %time around a top-level loop that
// declares variables: the loop's output comes first, then the time.
func TestTopLevelBlockTimed(t *testing.T) {
	ts := newTestSession(t)
	got := ts.exec(t, "%time\nimport (\n\t\"fmt\"\n\t\"strconv\"\n)\nfor i := 0; i < 2; i++ {\n\ta, _ := strconv.Atoi(\"6\")\n\tfmt.Println(a + i)\n}")
	if got.err != nil {
		t.Fatalf("error %v, want none", got.err)
	}
	if !strings.HasPrefix(got.stdout, "6\n7\nwall time: ") {
		t.Errorf("stdout %q, want the loop's output and then the wall time", got.stdout)
	}
}

// TestCommaOkZeroValueOnFailure checks comma-ok forms that fail: yaegi
// v0.16.1 leaves the value variable as it was (in a loop, the previous
// iteration's value), Go sets it to the zero value.
func TestCommaOkZeroValueOnFailure(t *testing.T) {
	runSteps(t, []step{
		{code: "import \"fmt\"\nm := map[string]int{\"a\": 1}\nks := []string{\"a\", \"b\", \"a\"}\nvar y interface{} = \"str\""},
		{code: "for _, k := range ks {\n\tv, ok := m[k]\n\tw, _ := m[k]\n\tfmt.Println(v, ok, w)\n}", stdout: "1 true 1\n0 false 0\n1 true 1\n"},
		{code: "for i := 0; i < 3; i++ {\n\tv, ok := m[ks[i]]\n\tfmt.Println(i, v, ok)\n}", stdout: "0 1 true\n1 0 false\n2 1 true\n"},
		{code: "for _, it := range []interface{}{\"s\", 2.5, \"t\"} {\n\ts, ok := it.(string)\n\tu, _ := it.(string)\n\tfmt.Printf(\"%q %v %q\\n\", s, ok, u)\n}", stdout: "\"s\" true \"s\"\n\"\" false \"\"\n\"t\" true \"t\"\n"},
		{code: "for _, it := range []interface{}{1, \"s\", 2.5} {\n\tswitch z := it.(type) {\n\tcase int:\n\t\tfmt.Println(\"int\", z)\n\tcase string:\n\t\tfmt.Println(\"string\", z)\n\tdefault:\n\t\tfmt.Println(\"other\", z)\n\t}\n\tif f, ok := it.(float64); ok {\n\t\tfmt.Println(\"float\", f)\n\t}\n}", stdout: "int 1\nstring s\nother 2.5\nfloat 2.5\n"},
		{code: "func pair() string {\n\tv, ok := m[\"a\"]\n\ts := fmt.Sprint(v, ok)\n\tv, ok = m[\"b\"]\n\treturn s + \" \" + fmt.Sprint(v, ok)\n}\npair()", result: "1 true 0 false"},
		{code: "var tv int\nvar tok bool\ntv, tok = m[\"a\"]\ntv, tok = m[\"zz\"]\nfmt.Println(tv, tok)", stdout: "0 false\n"},
		{code: "func key() string { return \"a\" }\nkv, kok := m[key()]\nfmt.Println(kv, kok)", stdout: "1 true\n"},
		{code: "calls := 0\nfunc table() map[string]int { calls++; return m }\ntv2, tok2 := table()[key()]\nfmt.Println(tv2, tok2, calls)", stdout: "1 true 1\n"},
		{code: "x := 5\nx, found := m[\"b\"]\nfmt.Println(x, found)", stdout: "0 false\n"},
		{code: "q := 3\nq, isInt := y.(int)\nfmt.Println(q, isInt)", stdout: "0 false\n"},
		{code: "r, isStr := y.(string)\nfmt.Println(r, isStr)", stdout: "str true\n"},
		{code: "ch := make(chan int, 1)\nch <- 1\ncv, cok := <-ch\nfmt.Println(cv, cok)", errName: errUnsupported, errHas: "v, ok := <-ch"},
	})
}
