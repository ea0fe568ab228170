package repl

import (
	"errors"
	"strings"
	"testing"
)

// step is one cell of a scripted session and what it must produce.
type step struct {
	code    string
	result  string // text/plain of the result; "" for none
	stdout  string // exact standard output
	stderr  string // exact standard error; "-" to skip the check
	errName string // CellError name; "" for success
	errHas  string // text the error (value and traceback) contains
}

func runSteps(t *testing.T, steps []step) {
	t.Helper()
	ts := newTestSession(t)
	for i, st := range steps {
		got := ts.exec(t, st.code)
		var ce *CellError
		switch {
		case st.errName == "" && got.err != nil:
			t.Errorf("cell %d %q: error %v, want success", i+1, st.code, got.err)
		case st.errName != "" && !errors.As(got.err, &ce):
			t.Errorf("cell %d %q: err = %v, want a %s CellError", i+1, st.code, got.err, st.errName)
		case st.errName != "":
			text := strings.Join(ce.Traceback, "\n")
			if ce.Name != st.errName || !strings.Contains(text, st.errHas) {
				t.Errorf("cell %d %q: error %s with traceback %q, want %s containing %q", i+1, st.code, ce.Name, text, st.errName, st.errHas)
			}
		}
		text, _ := got.text()
		if text != st.result {
			t.Errorf("cell %d %q: result %q, want %q", i+1, st.code, text, st.result)
		}
		if got.stdout != st.stdout {
			t.Errorf("cell %d %q: stdout %q, want %q", i+1, st.code, got.stdout, st.stdout)
		}
		if st.stderr != "-" && got.stderr != st.stderr {
			t.Errorf("cell %d %q: stderr %q, want %q", i+1, st.code, got.stderr, st.stderr)
		}
	}
}

func TestSessionCompileErrorsPointIntoTheCell(t *testing.T) {
	runSteps(t, []step{
		{code: "import \"fmt\"\nx := 1\ny := undefinedName + x", errName: errCompile, errHas: "3:6: undefined: undefinedName"},
		{code: "func f() int {\n\treturn \"s\"\n}", errName: errCompile, errHas: "2:"},
		{code: "a := 1\nfmt.Println(a)\nb := a +", errName: errCompile, errHas: "   3 | b := a +"},
		{code: "1 + 1", result: "2"},
	})
}

func TestSessionPanicsUseGoWording(t *testing.T) {
	runSteps(t, []step{
		{code: "func at(xs []int, i int) int {\n\treturn xs[i]\n}", stderr: ""},
		{code: "at([]int{1, 2, 3}, 5)", errName: errPanic, errHas: "runtime error: index out of range", stderr: ""},
		{code: "at([]int{1, 2, 3}, 5)", errName: errPanic, errHas: "in at (earlier cell, line 2:", stderr: ""},
		{code: "s := []int{1, 2, 3}\n_ = s[1:7]", errName: errPanic, errHas: "slice bounds out of range", stderr: ""},
		{code: "z := 0\n_ = 3 / z", errName: errPanic, errHas: "integer divide by zero", stderr: ""},
		{code: "var ii interface{} = 1\n_ = ii.(string)", errName: errPanic, errHas: "interface conversion", stderr: ""},
		{code: "import \"log\"\nlog.Fatal(\"fatal\")", errName: errPanic, errHas: "fatal", stderr: "-"},
		{code: "len(s)", result: "3"},
	})
}

func TestSessionGoroutines(t *testing.T) {
	runSteps(t, []step{
		{code: "ch := make(chan int)\nfor i := 0; i < 3; i++ {\n\tgo func(k int) { ch <- k * 10 }(i)\n}\n(<-ch) + (<-ch) + (<-ch)", result: "30"},
		{code: "func send(c chan int, v int) { c <- v }\nfor i := 1; i <= 3; i++ {\n\tgo send(ch, i)\n}\n(<-ch) + (<-ch) + (<-ch)", result: "6"},
		{code: "go func() { panic(\"boom in goroutine\") }()\n1", errName: errPanic, errHas: "boom in goroutine (in a goroutine started by the cell)"},
		{code: "import \"os\"\ngo os.Exit(4)\n2", errName: errPanic, errHas: "os.Exit(4)"},
		{code: "3", result: "3"},
	})
}

func TestSessionLatePanicGoesToStderr(t *testing.T) {
	ts := newTestSession(t)
	got := ts.exec(t, "import \"time\"\ngo func() {\n\ttime.Sleep(150 * time.Millisecond)\n\tpanic(\"late\")\n}()")
	if got.err != nil {
		t.Fatalf("starting cell: %v", got.err)
	}
	got = ts.exec(t, "time.Sleep(300 * time.Millisecond)\n7")
	if text, _ := got.text(); got.err != nil || text != "7" {
		t.Errorf("second cell: result %q, error %v, want 7 and no error", text, got.err)
	}
	if !strings.Contains(got.stderr, "panic: late (in a goroutine started by the cell)") {
		t.Errorf("stderr %q, want the late goroutine panic", got.stderr)
	}
}

func TestSessionLoopVariablesPerIteration(t *testing.T) {
	runSteps(t, []step{
		{code: "var fs []func() int\nfor i := 0; i < 3; i++ {\n\tfs = append(fs, func() int { return i })\n}\nfs[0]() + fs[1]() + fs[2]()", result: "3"},
		{code: "var gs []func() int\nfor _, v := range []int{1, 2, 3} {\n\tgs = append(gs, func() int { return v * v })\n}\ngs[0]() + gs[1]() + gs[2]()", result: "14"},
		{code: "func total() int {\n\tvar hs []func() int\n\tfor i := 0; i < 4; i++ {\n\t\ths = append(hs, func() int { return i })\n\t}\n\ts := 0\n\tfor _, h := range hs {\n\t\ts += h()\n\t}\n\treturn s\n}\ntotal()", result: "6"},
		{code: "n := 0\nfor i := 0; i < 10; i++ {\n\tif i%2 == 0 {\n\t\ti++\n\t}\n\tn++\n}\nn", result: "5"},
	})
}

func TestSessionDeclarationsAndRedefinition(t *testing.T) {
	runSteps(t, []step{
		{code: "type T struct{ A int }\nfunc (t T) Double() int { return 2 * t.A }\nT{4}.Double()", result: "8"},
		{code: "type T struct{ A int }\nfunc (t T) Double() int { return 2 * t.A }\nT{5}.Double()", result: "10"},
		{code: "type T struct{ A, B int }", errName: errUnsupported, errHas: "type T is already declared with a different definition"},
		{code: "func (t T) Double() int { return 3 * t.A }", errName: errUnsupported, errHas: "method T.Double is already declared"},
		{code: "func f() int { return 1 }\nf()", result: "1"},
		{code: "func f() int { return 2 }\nf()", result: "2"},
		{code: "base := 10\nvar derived = base * 2\nderived", result: "20"},
		{code: "var again = base + derived\nagain", result: "30"},
		{code: "count := 0\nfunc bump() int {\n\tcount++\n\treturn count\n}\nbump() + bump()", result: "3"},
	})
}

func TestSessionUnsupportedFeatures(t *testing.T) {
	runSteps(t, []step{
		{code: "for i := range 3 {\n\t_ = i\n}", errName: errUnsupported, errHas: "range over an integer"},
		{code: "min(1, 2)", errName: errUnsupported, errHas: "min is a Go 1.21 builtin"},
		{code: "func min(a, b int) int {\n\tif a < b {\n\t\treturn a\n\t}\n\treturn b\n}\nmin(4, 3)", result: "3"},
		{code: "n := 5\nfor i := range n {\n\t_ = i\n}", errName: errUnsupported, errHas: "range over an integer or a function"},
		{code: "1", result: "1"},
	})
}

func TestSessionOutputAndResults(t *testing.T) {
	runSteps(t, []step{
		{code: "import \"fmt\"\nprintln(\"x\", 1.5, -2, true, 'a')\nprint(\"a\", \"b\", 3, \"\\n\")", stderr: "x +1.500000e+000 -2 true 97\nab3\n"},
		{code: "fmt.Sprint(\"a\", \"b\")", result: "ab"},
		{code: "func two() (string, int) { return \"a\", 1 }\ntwo()", result: "a 1"},
		{code: "func nothing() {}\nnothing()"},
		{code: "x := 3\nx", result: "3"},
		{code: "type Temp float64\nfunc (t Temp) String() string { return fmt.Sprintf(\"%.1f°C\", float64(t)) }\nfunc (t *Temp) Raise() { *t++ }\nts := []*Temp{new(Temp)}\nts[0].Raise()\nfmt.Printf(\"%v %T %5.1f|%[2]T\\n\", ts[0], ts, float64(*ts[0]))\nmap[string]int{\"a\": 1}", stdout: "1.0°C []*main.Temp   1.0|[]*main.Temp\n", result: "map[a:1]"},
		{code: "type E struct{ Code int }\nfunc (e E) Error() string { return fmt.Sprint(\"code \", e.Code) }\nvar err error = E{7}\nfmt.Println(err, E{8})\nE{9}", stdout: "code 7 code 8\n", result: "code 9"},
		{code: "f := 2.5\ntemps := []Temp{1, 2}\nfmt.Println(f, float64(3), temps, []float64{4})\nfmt.Printf(\"%T %T\\n\", f, temps)\nf", stdout: "2.5 3 [1.0°C 2.0°C] [4]\n" + "float64 []main.Temp\n", result: "2.5"},
		{code: "var st fmt.Stringer = Temp(7)\nfmt.Println(st)\nst", stdout: "7.0°C\n", result: "7.0°C"},
		{code: "import \"os\"\nfmt.Fprintln(os.Stdout, \"out\")\nfmt.Fprintln(os.Stderr, \"err\")", stdout: "out\n", stderr: "err\n"},
	})
}

func TestSessionExitAndSandbox(t *testing.T) {
	runSteps(t, []step{
		{code: "v := 1"},
		{code: "import \"os\"\nos.Exit(2)", errName: errExit, errHas: "os.Exit(2)"},
		{code: "import \"os/exec\"\nout, _ := exec.Command(\"sh\", \"-c\", \"echo hi\").Output()\nstring(out)", result: "hi\n"},
		{code: "v + 1", result: "2"},
	})
}

func TestSessionCompiledPackages(t *testing.T) {
	runSteps(t, []step{
		{code: "import \"gonum.org/v1/gonum/mat\"\nm := mat.NewDense(2, 2, []float64{1, 2, 3, 4})\nvar p mat.Dense\np.Mul(m, m)\np.At(1, 1)", result: "22"},
		{code: "import \"gonum.org/v1/gonum/stat\"\nstat.Mean([]float64{1, 2, 3, 6}, nil)", result: "3"},
		{code: "import \"gonum.org/v1/gonum/floats\"\nfloats.Sum([]float64{0.5, 0.25})", result: "0.75"},
		{code: "mat.Formatted(m)", result: "⎡1  2⎤\n⎣3  4⎦"},
		{code: "import (\n\t\"github.com/go-echarts/go-echarts/v2/charts\"\n\t\"github.com/go-echarts/go-echarts/v2/opts\"\n)\nbar := charts.NewBar()\nbar.SetGlobalOptions(charts.WithTitleOpts(opts.Title{Title: \"t\"}))\nbar.Title.Title", result: "t"},
	})
}

func TestSessionRedefinedFunctionReachesCallers(t *testing.T) {
	runSteps(t, []step{
		{code: "func rate() int { return 1 }\nfunc price(n int) int { return n * rate() }\nfunc total() int { return price(10) + 1 }"},
		{code: "type Shop struct{}\nfunc (Shop) Price() int { return rate() }"},
		{code: "total()", result: "11"},
		{code: "func rate() int { return 2 }", stderr: "note: method Shop.Price calls a function that changed but keeps calling the old definition (the interpreter cannot declare methods again): restart the kernel to update it\n"},
		{code: "total()", result: "21"},
		{code: "price(3)", result: "6"},
	})
}

func TestSessionPastedProgram(t *testing.T) {
	runSteps(t, []step{
		{code: "package main\n\nimport \"fmt\"\n\nfunc main() {\n\tfmt.Println(\"in main\")\n}", stdout: "in main\n"},
		{code: "main()", stdout: "in main\n"},
		{code: "1", result: "1"},
	})
}

func TestSessionTopLevelCommaOkAndTypeSwitch(t *testing.T) {
	runSteps(t, []step{
		{code: "import \"fmt\"\ntype Sq struct{ S float64 }\nvar y interface{} = Sq{2}\nm := map[string]int{\"a\": 1}"},
		{code: "v, ok := m[\"a\"]\n_, missing := m[\"b\"]\nq, isSq := y.(Sq)\nfmt.Println(v, ok, missing, q.S, isSq)", stdout: "1 true false 2 true\n"},
		{code: "if n, ok := m[\"a\"]; ok {\n\tfmt.Println(\"found\", n)\n}", stdout: "found 1\n"},
		{code: "switch z := y.(type) {\ncase Sq:\n\tfmt.Println(\"square\", z.S)\ndefault:\n\tfmt.Println(\"other\")\n}", stdout: "square 2\n"},
		{code: "for i := 0; i < 2; i++ {\n}\ni", errName: errCompile, errHas: "undefined: i"},
	})
}

func TestSessionReturnReceive(t *testing.T) {
	runSteps(t, []step{
		{code: "c := make(chan int, 3)\nc <- 1\nc <- 2\nc <- 3"},
		{code: "func next(c chan int) int { return <-c }\nnext(c)", result: "1"},
		{code: "nextAny := func(c chan int) interface{} {\n\tswitch {\n\tdefault:\n\t\treturn (<-c)\n\t}\n}\nnextAny(c)", result: "2"},
		{code: "next(c) * 10", result: "30"},
	})
}
