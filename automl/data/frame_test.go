package data

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
)

func testFrame(t *testing.T) *Frame {
	t.Helper()
	const in = "glucose,Mass,diabetes,age\n80,,neg,21\n150,33.1,pos,50\n99,25,neg,\n"
	f, err := Read(strings.NewReader(in), "p.csv", Options{})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func TestFrameColumn(t *testing.T) {
	f := testFrame(t)
	tests := []struct{ name, want string }{
		{"diabetes", ""},
		{"diabetis", `data: p.csv: no column "diabetis"; did you mean "diabetes"? (columns: glucose, Mass, diabetes, age)`},
		{"mass", `data: p.csv: no column "mass"; did you mean "Mass"? (columns: glucose, Mass, diabetes, age)`},
		{"target", `data: p.csv: no column "target" (columns: glucose, Mass, diabetes, age)`},
	}
	for _, tt := range tests {
		c, err := f.Column(tt.name)
		if tt.want == "" {
			if err != nil || c.Name != tt.name {
				t.Errorf("Column(%q): got %v, %v", tt.name, c, err)
			}
			continue
		}
		if err == nil || err.Error() != tt.want || !errors.Is(err, ErrNoColumn) {
			t.Errorf("Column(%q): got error\n%v\nwant\n%s", tt.name, err, tt.want)
		}
	}
	if got := f.Index("age"); got != 3 {
		t.Errorf("Index(age): got %d, want 3", got)
	}
	if got := f.Index("AGE"); got != -1 {
		t.Errorf("Index(AGE): got %d, want -1", got)
	}
}

func TestListNamesElides(t *testing.T) {
	var names []string
	for i := range 25 {
		names = append(names, fmt.Sprintf("x%d", i))
	}
	got := listNames(names)
	if !strings.HasSuffix(got, "x19, … and 5 more") {
		t.Errorf("got %q, want the first 20 names and a count of 5 more", got)
	}
}

func TestFrameSelectDrop(t *testing.T) {
	f := testFrame(t)
	s, err := f.Select("age", "glucose")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(s.Names(), ","); got != "age,glucose" || s.Rows != 3 {
		t.Errorf("Select: got %s with %d rows, want age,glucose with 3", got, s.Rows)
	}
	d, err := f.Drop("Mass", "diabetes")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(d.Names(), ","); got != "glucose,age" {
		t.Errorf("Drop: got %s, want glucose,age", got)
	}
	if _, err := f.Select("nope"); !errors.Is(err, ErrNoColumn) {
		t.Errorf("Select(nope): got %v, want ErrNoColumn", err)
	}
	if _, err := f.Drop("nope"); !errors.Is(err, ErrNoColumn) {
		t.Errorf("Drop(nope): got %v, want ErrNoColumn", err)
	}
}

func TestFrameSubset(t *testing.T) {
	f := testFrame(t)
	s := f.Subset([]int{2, 0, 2})
	if s.Rows != 3 {
		t.Fatalf("rows: got %d, want 3", s.Rows)
	}
	tests := []struct {
		col  string
		want []string
	}{
		{"glucose", []string{"99", "80", "99"}},
		{"Mass", []string{"25", "", "25"}},
		{"diabetes", []string{"neg", "neg", "neg"}},
		{"age", []string{"", "21", ""}},
	}
	for _, tt := range tests {
		c, _ := s.Column(tt.col)
		for i, w := range tt.want {
			if got := c.Value(i); got != w {
				t.Errorf("%s row %d: got %q, want %q", tt.col, i, got, w)
			}
		}
	}
	// The subset is a copy: changing it leaves f alone.
	s.Columns[0].Num[0] = math.Pi
	if f.Columns[0].Num[2] != 99 {
		t.Errorf("Subset shares storage with its frame")
	}
}

func TestSummaryString(t *testing.T) {
	f := testFrame(t)
	got := Summarize(f, "diabetes").String()
	want := `p.csv: 3 rows, 4 columns
column    kind         missing  distinct  min  mean   max
glucose   numeric      0        3         80   109.7  150
Mass      numeric      1        2         25   29.05  33.1
diabetes  categorical  0        2         -    -      -
age       numeric      1        2         21   35.5   50
target "diabetes": binary
class  rows  share
neg    2     66.7%
pos    1     33.3%
`
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}

	s := Summarize(f, "outcome")
	if s.Task != 0 || len(s.Notes) != 1 || !strings.Contains(s.Notes[0], `no column "outcome"`) {
		t.Errorf("unknown target: got task %v, notes %q", s.Task, s.Notes)
	}
}
