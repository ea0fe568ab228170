package prep

import (
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/tunebook/tunebook/automl/data"
)

func readFrame(t *testing.T, name string) *data.Frame {
	t.Helper()
	f, err := data.ReadCSV(filepath.Join("testdata", name), data.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func parseFrame(t *testing.T, name, csv string, opts data.Options) *data.Frame {
	t.Helper()
	f, err := data.Read(strings.NewReader(csv), name, opts)
	if err != nil {
		t.Fatal(err)
	}
	return f
}

func closeTo(got, want, tol float64) bool {
	return math.Abs(got-want) <= tol*math.Max(1, math.Abs(want))
}

// TestPimaMatchesSklearn compares the numeric encoding of the Pima data
// (652 missing cells) with scikit-learn's SimpleImputer(median,
// add_indicator) + StandardScaler, fitted on the same training rows.
func TestPimaMatchesSklearn(t *testing.T) {
	ref := readReference(t).Pima
	f := readFrame(t, "pima_diabetes.csv")
	var train []int
	for i := range f.Rows {
		if i%3 != 0 {
			train = append(train, i)
		}
	}
	p, err := Fit(f, train, "diabetes", data.Binary)
	if err != nil {
		t.Fatal(err)
	}
	const tol = 1e-12
	for k, name := range ref.Features {
		ft := p.Features[k]
		if ft.Column != name {
			t.Fatalf("feature %d: got %q, want %q", k, ft.Column, name)
		}
		if !closeTo(ft.Median, ref.Medians[k], tol) || !closeTo(ft.Mean, ref.Means[k], tol) || !closeTo(ft.Scale, ref.Scales[k], tol) {
			t.Errorf("%s: got median %v mean %v scale %v, want %v %v %v",
				name, ft.Median, ft.Mean, ft.Scale, ref.Medians[k], ref.Means[k], ref.Scales[k])
		}
		if want := slices.Contains(ref.Indicators, name); ft.Indicator != want {
			t.Errorf("%s: got indicator %v, want %v", name, ft.Indicator, want)
		}
	}

	X, nrows, ncols, err := p.Transform(f, ref.TestRows)
	if err != nil {
		t.Fatal(err)
	}
	if nrows != len(ref.TestRows) || ncols != 8+len(ref.Indicators) {
		t.Fatalf("shape: got %d x %d, want %d x %d", nrows, ncols, len(ref.TestRows), 8+len(ref.Indicators))
	}
	names := p.FeatureNames()
	for i := range nrows {
		for k, name := range ref.Features {
			j := slices.Index(names, name)
			if got := X[i*ncols+j]; !closeTo(got, ref.Values[i][k], tol) {
				t.Errorf("row %d %s: got %v, want %v", ref.TestRows[i], name, got, ref.Values[i][k])
			}
		}
		for k, name := range ref.Indicators {
			j := slices.Index(names, name+" (missing)")
			if got := X[i*ncols+j]; got != ref.IndValues[i][k] {
				t.Errorf("row %d %s indicator: got %v, want %v", ref.TestRows[i], name, got, ref.IndValues[i][k])
			}
		}
	}
}

func TestCreditCardOneHot(t *testing.T) {
	f := readFrame(t, "credit_card_applications.csv")
	f, err := f.Drop("expenditure", "share") // they leak the target
	if err != nil {
		t.Fatal(err)
	}
	all := make([]int, f.Rows)
	for i := range all {
		all[i] = i
	}
	p, err := Fit(f, all, "card", data.Binary)
	if err != nil {
		t.Fatal(err)
	}
	want := "reports,age,income,owner=no,owner=yes,selfemp=no,selfemp=yes,dependents,months,majorcards,active"
	if got := strings.Join(p.FeatureNames(), ","); got != want {
		t.Errorf("feature names: got %s, want %s", got, want)
	}
	X, nrows, ncols, err := p.Transform(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	if nrows != 1319 || ncols != 11 || len(X) != nrows*ncols {
		t.Fatalf("shape: got %d x %d (%d values), want 1319 x 11", nrows, ncols, len(X))
	}
	for i := range nrows {
		if owner := X[i*ncols+3] + X[i*ncols+4]; owner != 1 {
			t.Fatalf("row %d: got owner one-hot sum %v, want 1", i, owner)
		}
	}
	y, err := p.Target(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := classCounts(y, all, 2); !slices.Equal(got, []int{296, 1023}) || strings.Join(p.Labels.Classes, ",") != "no,yes" {
		t.Errorf("target: got counts %v of %v, want [296 1023] of [no yes]", got, p.Labels.Classes)
	}
}

// TestNoLeakage fits on some rows and checks, by construction, that the
// other rows have no influence: the pipeline equals one fitted on a frame
// holding only the training rows, whatever the other rows hold.
func TestNoLeakage(t *testing.T) {
	const csv = "x,c,y\n1,red,a\n2,,b\n,blue,a\n4,red,b\n1000,green,a\n1000,,b\n"
	f := parseFrame(t, "l.csv", csv, data.Options{})
	train := []int{0, 1, 2, 3}
	p, err := Fit(f, train, "y", data.Binary)
	if err != nil {
		t.Fatal(err)
	}
	q, err := Fit(f.Subset(train), nil, "y", data.Binary)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(p, q) {
		t.Errorf("fitted on rows %v: got %+v, want the pipeline of those rows alone %+v", train, p, q)
	}

	x := p.Features[0]
	mean := (1 + 2 + 2 + 4) / 4.0 // the missing value imputed with the median 2
	scale := math.Sqrt((1.25*1.25 + 0.25*0.25 + 0.25*0.25 + 1.75*1.75) / 4)
	if x.Median != 2 || !closeTo(x.Mean, mean, 1e-15) || !closeTo(x.Scale, scale, 1e-15) || !x.Indicator {
		t.Errorf("x: got %+v, want median 2, mean %v, scale %v, indicator", x, mean, scale)
	}
	c := p.Features[1]
	if !slices.Equal(c.Levels, []string{"blue", "red"}) || !c.MissingLevel || c.Other {
		t.Errorf("c: got %+v, want levels blue, red and a missing level", c)
	}
	X, _, ncols, err := p.Transform(f, []int{4, 5})
	if err != nil {
		t.Fatal(err)
	}
	// Row 5: x = 1000, c = green (unseen: all zeros). Row 6: c missing.
	want := []float64{(1000 - mean) / scale, 0, 0, 0, 0, (1000 - mean) / scale, 0, 0, 0, 1}
	for j, w := range want {
		if !closeTo(X[j], w, 1e-12) {
			t.Errorf("X[%d] (row %d, %s): got %v, want %v", j, 5+j/ncols, p.FeatureNames()[j%ncols], X[j], w)
		}
	}
}

func TestJSONRoundTrip(t *testing.T) {
	for _, tt := range []struct{ file, target string }{
		{"pima_diabetes.csv", "diabetes"}, {"credit_card_applications.csv", "card"},
	} {
		f := readFrame(t, tt.file)
		col, _ := f.Column(tt.target)
		y, labels, err := EncodeTarget(col, data.Binary)
		if err != nil {
			t.Fatal(err)
		}
		s, err := TrainValidTest(y, data.Binary, 0.2, 0.2, 5, labels.Classes...)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Fit(f, s.Train, tt.target, data.Binary)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("%s: marshal: %v", tt.file, err)
		}
		var q Pipeline
		if err := json.Unmarshal(b, &q); err != nil {
			t.Fatalf("%s: unmarshal: %v", tt.file, err)
		}
		X1, _, _, err1 := p.Transform(f, nil)
		X2, _, _, err2 := q.Transform(f, nil)
		if err1 != nil || err2 != nil || !slices.Equal(X1, X2) {
			t.Errorf("%s: transform after JSON round trip differs (errors %v, %v)", tt.file, err1, err2)
		}
		y1, _ := p.Target(f, s.Test)
		y2, _ := q.Target(f, s.Test)
		if !slices.Equal(y1, y2) || !slices.Equal(p.FeatureNames(), q.FeatureNames()) {
			t.Errorf("%s: target or names differ after JSON round trip", tt.file)
		}
		for i, v := range X1 {
			if math.IsNaN(v) || math.IsInf(v, 0) {
				t.Fatalf("%s: X[%d] = %v, want finite", tt.file, i, v)
			}
		}
	}
}

// TestTransformNewFile applies a fitted pipeline to a prediction file with
// reordered columns, no target, a new level and a missing value.
func TestTransformNewFile(t *testing.T) {
	const train = "age,color,ok,label\n30,red,true,a\n40,blue,false,b\n50,red,true,a\n"
	p, err := Fit(parseFrame(t, "train.csv", train, data.Options{}), []int{0, 1, 2}, "label", data.Binary)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(p.FeatureNames(), ","); got != "age,color=blue,color=red,ok" {
		t.Fatalf("feature names: got %s", got)
	}

	const next = "ok,extra,color,age\nfalse,1,green,40\n,2,blue,\n"
	X, _, _, err := p.Transform(parseFrame(t, "new.csv", next, data.Options{}), nil)
	if err != nil {
		t.Fatal(err)
	}
	scale := math.Sqrt(200.0 / 3)
	okScale := math.Sqrt(2.0 / 9)
	want := []float64{0, 0, 0, (0 - 2.0/3) / okScale, (40 - 40) / scale, 1, 0, (1 - 2.0/3) / okScale}
	for j, w := range want {
		if !closeTo(X[j], w, 1e-12) {
			t.Errorf("X[%d]: got %v, want %v", j, X[j], w)
		}
	}

	tests := []struct{ name, csv, want string }{
		{"missing column", "age,ok\n1,true\n",
			`prep: bad.csv lacks the feature column(s) "color" used in training (it has: age, ok)`},
		{"text in numeric", "age,color,ok\n31,red,true\nthirty,red,false\n",
			`prep: bad.csv: row 2, column "age": "thirty" is not a number, as the column was in training`},
		{"number in boolean", "age,color,ok\n31,red,2\n",
			`prep: bad.csv: row 1, column "ok": "2" is not a boolean (true or false), as the column was in training`},
	}
	for _, tt := range tests {
		_, _, _, err := p.Transform(parseFrame(t, "bad.csv", tt.csv, data.Options{}), nil)
		if err == nil || err.Error() != tt.want || !errors.Is(err, ErrColumn) {
			t.Errorf("%s: got error\n%v\nwant\n%s", tt.name, err, tt.want)
		}
	}

	// Reading with the pipeline's kinds reports the bad value with its line.
	_, err = data.Read(strings.NewReader(tests[1].csv), "bad.csv", data.Options{Types: p.Kinds()})
	want2 := `data: bad.csv: row 2 (line 3), column "age": "thirty" is not a number`
	if err == nil || err.Error() != want2 {
		t.Errorf("read with Kinds: got %v, want %s", err, want2)
	}
}

func TestFitNotes(t *testing.T) {
	const csv = "empty,const,x,y\n,5,1,a\n,5,2,b\n,5,3,a\n7,5,4,b\n"
	f := parseFrame(t, "n.csv", csv, data.Options{})
	p, err := Fit(f, []int{0, 1, 2}, "y", data.Binary)
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(p.FeatureNames(), ","); got != "const,x" {
		t.Errorf("features: got %s, want const,x", got)
	}
	wantNote := `column "empty" is dropped: it has no values in the 3 training rows`
	if len(p.Notes) != 1 || p.Notes[0] != wantNote {
		t.Errorf("notes: got %q, want %q", p.Notes, wantNote)
	}
	if c := p.Features[0]; c.Scale != 1 || c.Mean != 5 {
		t.Errorf("constant column: got mean %v scale %v, want 5 and 1", c.Mean, c.Scale)
	}
	X, _, _, err := p.Transform(f, []int{3})
	if err != nil || X[0] != 0 {
		t.Errorf("constant column row 4: got %v (%v), want 0", X, err)
	}
}

func TestMaxLevels(t *testing.T) {
	var b strings.Builder
	b.WriteString("id,y\n")
	for i := range MaxLevels + 6 {
		fmt.Fprintf(&b, "L%03d,%d\n", i, i%2)
		if i < 3 {
			fmt.Fprintf(&b, "L%03d,%d\n", i+10, i%2) // L010..L012 twice
		}
	}
	f := parseFrame(t, "m.csv", b.String(), data.Options{})
	rows := make([]int, f.Rows)
	for i := range rows {
		rows[i] = i
	}
	p, err := Fit(f, rows, "y", data.Binary)
	if err != nil {
		t.Fatal(err)
	}
	ft := p.Features[0]
	if len(ft.Levels) != MaxLevels || !ft.Other || !slices.Contains(ft.Levels, "L012") || slices.Contains(ft.Levels, "L069") {
		t.Errorf("got %d levels (other %v), want the %d most frequent, L012 in, L069 out", len(ft.Levels), ft.Other, MaxLevels)
	}
	if len(p.Notes) != 1 || !strings.Contains(p.Notes[0], `column "id" has 70 levels`) {
		t.Errorf("notes: got %q", p.Notes)
	}
	X, _, ncols, err := p.Transform(parseFrame(t, "m2.csv", "id\nL069\nnever\n", data.Options{}), nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		if X[i*ncols+ncols-1] != 1 {
			t.Errorf("row %d: got other column %v, want 1", i+1, X[i*ncols+ncols-1])
		}
	}
}

func TestFitErrors(t *testing.T) {
	const csv = "x,cls,three,num,one\n1,a,p,1.5,k\n2,b,q,2.5,k\n3,a,r,3.5,k\n4,b,p,,k\n"
	f := parseFrame(t, "e.csv", csv, data.Options{})
	tests := []struct {
		name   string
		rows   []int
		target string
		task   data.Task
		kind   error
		want   string
	}{
		{"unknown target", []int{0, 1}, "clss", data.Binary, data.ErrNoColumn,
			`data: e.csv: no column "clss"; did you mean "cls"? (columns: x, cls, three, num, one)`},
		{"single class in training", []int{0, 2}, "cls", data.Binary, data.ErrSingleClass,
			`prep: e.csv: the 2 training rows hold 1 of the classes of target "cls" ("a", "b"); a model needs at least two`},
		{"single class", []int{0, 1}, "one", data.Binary, data.ErrSingleClass,
			`prep: target column "one" holds the single class "k"; a model needs at least two`},
		{"binary with three classes", []int{0, 1}, "three", data.Binary, data.ErrTask,
			`prep: target column "three" holds 3 classes, but a binary task needs 2`},
		{"regression on text", []int{0, 1}, "cls", data.Regression, data.ErrTask,
			`prep: target column "cls" is categorical, but regression needs a numeric target`},
		{"row out of range", []int{0, 4}, "cls", data.Binary, nil,
			`prep: e.csv: row index 4 is outside the 4 rows`},
		{"no rows", []int{}, "cls", data.Binary, nil, `prep: e.csv: no training rows`},
		{"no task", nil, "cls", 0, data.ErrTask, `prep: invalid task Task(0)`},
	}
	for _, tt := range tests {
		_, err := Fit(f, tt.rows, tt.target, tt.task)
		if err == nil || err.Error() != tt.want || (tt.kind != nil && !errors.Is(err, tt.kind)) {
			t.Errorf("%s: got error\n%v\nwant\n%s", tt.name, err, tt.want)
		}
	}

	only := parseFrame(t, "o.csv", "y\na\nb\n", data.Options{})
	if _, err := Fit(only, []int{0, 1}, "y", data.Binary); err == nil || !strings.Contains(err.Error(), "no feature column") {
		t.Errorf("no features: got %v", err)
	}
}

func TestTargetRegression(t *testing.T) {
	f := parseFrame(t, "r.csv", "x,y\n1,2.5\n2,\n3,7\n", data.Options{})
	p, err := Fit(f, []int{0, 2}, "y", data.Regression)
	if err != nil {
		t.Fatal(err)
	}
	if p.Labels != nil {
		t.Errorf("regression labels: got %v, want nil", p.Labels)
	}
	y, err := p.Target(f, []int{2, 0})
	if err != nil || !slices.Equal(y, []float64{7, 2.5}) {
		t.Errorf("got %v, %v, want [7 2.5]", y, err)
	}
	_, err = p.Target(f, nil)
	if want := `prep: r.csv: row 2: the target "y" is missing`; err == nil || err.Error() != want {
		t.Errorf("missing target: got %v, want %s", err, want)
	}

	g := parseFrame(t, "c.csv", "x,y\n1,a\n2,b\n3,c\n", data.Options{})
	q, err := Fit(g, []int{0, 1}, "y", data.Multiclass)
	if err != nil {
		t.Fatal(err)
	}
	h := parseFrame(t, "d.csv", "x,y\n1,d\n", data.Options{})
	_, err = q.Target(h, nil)
	if want := `prep: d.csv: row 1: target "y" holds the class "d", unknown when fitting (classes: "a", "b", "c")`; err == nil || err.Error() != want {
		t.Errorf("unknown class: got %v, want %s", err, want)
	}
}
