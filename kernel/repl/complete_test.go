package repl

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"
)

// setupNotebook runs cells that declare things to complete and inspect.
func setupNotebook(t *testing.T) *testSession {
	t.Helper()
	ts := newTestSession(t)
	for _, code := range []string{
		"import (\n\t\"strings\"\n\t\"gonum.org/v1/gonum/mat\"\n)",
		"// Person is someone.\ntype Person struct {\n\tName string\n\tAge  int\n}\n\n// Greet says hello.\nfunc (p Person) Greet() string { return \"hi \" + p.Name }\n\n// Twice doubles x.\nfunc Twice(x int) int { return 2 * x }",
		"person := Person{Name: \"Ann\", Age: 9}\ndense := mat.NewDense(1, 1, nil)\ncounter := 41",
	} {
		if got := ts.exec(t, code); got.err != nil {
			t.Fatalf("setup cell %q: %v", code, got.err)
		}
	}
	return ts
}

func TestComplete(t *testing.T) {
	ts := setupNotebook(t)
	tests := []struct {
		code       string
		cursor     int // -1: end of code
		want       []string
		notWant    []string
		start, end int // -1: cursor
	}{
		{code: "strings.Rep", want: []string{"Repeat", "Replace", "ReplaceAll"}, start: 8},
		{code: "mat.NewDe", want: []string{"NewDense"}, start: 4},
		{code: "person.", want: []string{"Age", "Greet", "Name"}, start: 7},
		{code: "dense.Set", want: []string{"Set", "SetCol", "SetRow"}, notWant: []string{"At"}, start: 6},
		{code: "Perso", want: []string{"Person"}, start: 0},
		{code: "x := coun", want: []string{"counter"}, start: 5},
		{code: "fu", want: []string{"func"}, start: 0},
		{code: "appe", want: []string{"append"}, start: 0},
		{code: "import \"encoding/json\"\njson.Marsh", want: []string{"Marshal", "MarshalIndent"}, start: 28},
		{code: "héllo := 1\nhé", want: []string{"héllo"}, start: 11},
		{code: "strings.Rep(x)", cursor: 11, want: []string{"Repeat"}, start: 8},
	}
	for _, tt := range tests {
		cursor := tt.cursor
		if cursor == 0 {
			cursor = len([]rune(tt.code))
		}
		matches, start, end := ts.Complete(tt.code, cursor)
		for _, w := range tt.want {
			if !slices.Contains(matches, w) {
				t.Errorf("Complete(%q, %d) = %q, want it to contain %q", tt.code, cursor, matches, w)
			}
		}
		for _, w := range tt.notWant {
			if slices.Contains(matches, w) {
				t.Errorf("Complete(%q, %d) = %q, want no %q", tt.code, cursor, matches, w)
			}
		}
		if start != tt.start || end != cursor {
			t.Errorf("Complete(%q, %d) range [%d, %d), want [%d, %d)", tt.code, cursor, start, end, tt.start, cursor)
		}
		for _, m := range matches {
			if strings.HasPrefix(m, "__tb") {
				t.Errorf("Complete(%q) offers internal name %q", tt.code, m)
			}
		}
	}
}

func TestInspect(t *testing.T) {
	ts := setupNotebook(t)
	tests := []struct {
		code   string
		cursor int // 0: end of code
		detail int
		want   []string
	}{
		{code: "mat.NewDense", want: []string{"func NewDense(r, c int, data []float64) *Dense", "NewDense creates a new Dense matrix"}},
		{code: "strings.Repeat(\"a\", ", want: []string{"func Repeat(s string, count int) string"}},
		{code: "Twice", want: []string{"func Twice(x int) int", "Twice doubles x."}},
		{code: "Twice", detail: 1, want: []string{"return 2 * x"}},
		{code: "Person", want: []string{"type Person struct", "Person is someone."}},
		{code: "person.Greet", want: []string{"func (p Person) Greet() string", "Greet says hello."}},
		{code: "counter", want: []string{"counter := 41", "int = 41"}},
		{code: "dense.Mul", want: []string{"func (m *Dense) Mul(a, b Matrix)"}},
		{code: "len", want: []string{"func len(v Type) int"}},
		{code: "x := Twice(3)", cursor: 7, want: []string{"func Twice(x int) int"}},
	}
	for _, tt := range tests {
		cursor := tt.cursor
		if cursor == 0 {
			cursor = len([]rune(tt.code))
		}
		data, found := ts.Inspect(tt.code, cursor, tt.detail)
		if !found {
			t.Errorf("Inspect(%q, %d) found nothing", tt.code, cursor)
			continue
		}
		text, _ := data["text/plain"].(string)
		md, _ := data["text/markdown"].(string)
		for _, w := range tt.want {
			if !strings.Contains(text, w) || !strings.Contains(md, w) {
				t.Errorf("Inspect(%q, %d, %d) text %q / markdown %q, want both to contain %q", tt.code, cursor, tt.detail, text, md, w)
			}
		}
	}
	if _, found := ts.Inspect("nothingHere", 5, 0); found {
		t.Error("Inspect of an unknown name found something")
	}
}

func TestIsComplete(t *testing.T) {
	ts := newTestSession(t)
	tests := []struct {
		code, status, indent string
	}{
		{"x := 1", "complete", ""},
		{"func f() {", "incomplete", "\t"},
		{"m := map[string][]int{\n\t\"a\": {", "incomplete", "\t\t"},
		{"x := 1 +", "incomplete", "\t"},
		{"s := `raw", "incomplete", ""},
		{"x := )", "invalid", ""},
		{"%time\nfor {", "incomplete", "\t"},
		{"%env", "complete", ""},
		{"x := := 2", "invalid", ""},
	}
	for _, tt := range tests {
		status, indent := ts.IsComplete(tt.code)
		if status != tt.status || indent != tt.indent {
			t.Errorf("IsComplete(%q) = %q, %q; want %q, %q", tt.code, status, indent, tt.status, tt.indent)
		}
	}
}

// TestCompleteWhileRunning checks that completion and inspection answer
// while a cell runs, from the declarations alone.
func TestCompleteWhileRunning(t *testing.T) {
	ts := setupNotebook(t)
	done := make(chan error)
	go func() {
		_, err := ts.Execute(context.Background(), "import \"time\"\ntime.Sleep(300 * time.Millisecond)")
		done <- err
	}()
	time.Sleep(50 * time.Millisecond)
	if matches, _, _ := ts.Complete("Twi", 3); !slices.Contains(matches, "Twice") {
		t.Errorf("Complete while running = %q, want Twice", matches)
	}
	if _, found := ts.Inspect("person.Greet", 12, 0); !found {
		t.Error("Inspect while running found nothing for person.Greet")
	}
	if err := <-done; err != nil {
		t.Errorf("running cell: %v", err)
	}
}
