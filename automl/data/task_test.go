package data

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

func TestParseTask(t *testing.T) {
	tests := []struct {
		in   string
		want Task
		err  bool
	}{
		{"binary", Binary, false}, {"Multiclass", Multiclass, false}, {" REGRESSION ", Regression, false},
		{"classification", 0, true}, {"", 0, true},
	}
	for _, tt := range tests {
		got, err := ParseTask(tt.in)
		if got != tt.want || (err != nil) != tt.err {
			t.Errorf("ParseTask(%q): got %v, %v, want %v, error %v", tt.in, got, err, tt.want, tt.err)
		}
		if err != nil && !errors.Is(err, ErrTask) {
			t.Errorf("ParseTask(%q): got error %v, want it to wrap ErrTask", tt.in, err)
		}
		if err == nil && got.String() != strings.ToLower(strings.TrimSpace(tt.in)) {
			t.Errorf("String: got %q, want %q", got.String(), strings.ToLower(strings.TrimSpace(tt.in)))
		}
	}
}

func TestTaskJSON(t *testing.T) {
	b, err := json.Marshal(map[string]any{"task": Multiclass, "kind": Boolean})
	if err != nil {
		t.Fatal(err)
	}
	if got, want := string(b), `{"kind":"boolean","task":"multiclass"}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	var back struct {
		Task Task
		Kind Kind
	}
	if err := json.Unmarshal(b, &back); err != nil || back.Task != Multiclass || back.Kind != Boolean {
		t.Errorf("round trip: got %+v, %v", back, err)
	}
	if b, err := json.Marshal(Task(0)); err != nil || string(b) != `""` {
		t.Errorf("marshal Task(0): got %s, %v, want \"\"", b, err)
	}
	if _, err := json.Marshal(Task(7)); err == nil {
		t.Errorf("marshal Task(7): got no error, want one")
	}
	s := Summary{Name: "x"}
	if _, err := json.Marshal(s); err != nil {
		t.Errorf("marshal a Summary without target: %v", err)
	}
}

func TestInferTask(t *testing.T) {
	tests := []struct {
		name, csv string
		want      Task
		err       error
	}{
		{"yes/no", "y\nyes\nno\nyes\n", Binary, nil},
		{"three levels", "y\na\nb\nc\n", Multiclass, nil},
		{"boolean", "y\nTRUE\nFALSE\n", Binary, nil},
		{"0/1", "y\n0\n1\n1\n", Binary, nil},
		{"1/2", "y\n1\n2\n", Binary, nil},
		{"small integers", "y\n1\n2\n3\n2\n", Multiclass, nil},
		{"many integers", "y\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n", Regression, nil},
		{"ten integers", "y\n1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", Multiclass, nil},
		{"fractions", "y\n0.5\n1\n", Regression, nil},
		{"single class", "y\npos\npos\n\n", 0, ErrSingleClass},
		{"all missing", "y\nNA\n?\n", 0, ErrNoValues},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Read(strings.NewReader(tt.csv), "t.csv", Options{})
			if err != nil {
				t.Fatal(err)
			}
			got, err := InferTask(f.Columns[0])
			if got != tt.want || !errors.Is(err, tt.err) || (err == nil) != (tt.err == nil) {
				t.Errorf("got %v, %v, want %v, %v", got, err, tt.want, tt.err)
			}
			if err != nil && !strings.Contains(err.Error(), `"y"`) {
				t.Errorf("error %q does not name the column", err)
			}
		})
	}
}
