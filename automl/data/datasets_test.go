package data

import (
	"path/filepath"
	"testing"
)

// The expected counts below are those stated in the datasets' README
// (testdata/README.md), checked there with R, pandas and Python's csv.

func TestReadPima(t *testing.T) {
	f, err := ReadCSV(filepath.Join("testdata", "pima_diabetes.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Rows != 768 || len(f.Columns) != 9 {
		t.Fatalf("shape: got %d x %d, want 768 x 9", f.Rows, len(f.Columns))
	}
	wantMissing := map[string]int{"glucose": 5, "pressure": 35, "triceps": 227, "insulin": 374, "mass": 11}
	total := 0
	for _, c := range f.Columns {
		missing := c.Len() - c.Present()
		total += missing
		if missing != wantMissing[c.Name] {
			t.Errorf("column %q: got %d missing, want %d", c.Name, missing, wantMissing[c.Name])
		}
		wantKind := Numeric
		if c.Name == "diabetes" {
			wantKind = Categorical
		}
		if c.Kind != wantKind {
			t.Errorf("column %q: got kind %v, want %v", c.Name, c.Kind, wantKind)
		}
	}
	if total != 652 {
		t.Errorf("missing cells: got %d, want 652", total)
	}

	s := Summarize(f, "diabetes")
	if s.Task != Binary {
		t.Errorf("task: got %v, want binary", s.Task)
	}
	want := []ClassCount{{"neg", 500}, {"pos", 268}}
	if len(s.Classes) != 2 || s.Classes[0] != want[0] || s.Classes[1] != want[1] {
		t.Errorf("classes: got %v, want %v", s.Classes, want)
	}
}

func TestReadCreditCard(t *testing.T) {
	f, err := ReadCSV(filepath.Join("testdata", "credit_card_applications.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if f.Rows != 1319 || len(f.Columns) != 12 {
		t.Fatalf("shape: got %d x %d, want 1319 x 12", f.Rows, len(f.Columns))
	}
	categorical := map[string]bool{"card": true, "owner": true, "selfemp": true}
	for _, c := range f.Columns {
		if got, want := c.Kind == Categorical, categorical[c.Name]; got != want {
			t.Errorf("column %q: got kind %v, want categorical %v", c.Name, c.Kind, want)
		}
		if c.Present() != f.Rows {
			t.Errorf("column %q: got %d values, want %d", c.Name, c.Present(), f.Rows)
		}
	}
	s := Summarize(f, "card")
	want := []ClassCount{{"no", 296}, {"yes", 1023}}
	if s.Task != Binary || len(s.Classes) != 2 || s.Classes[0] != want[0] || s.Classes[1] != want[1] {
		t.Errorf("target: got %v %v, want binary %v", s.Task, s.Classes, want)
	}
}
