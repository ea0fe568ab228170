package prep

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/tunebook/tunebook/automl/data"
)

// readLabels reads a JSON list of class names and encodes it.
func readLabels(t *testing.T, path string) ([]float64, *Labels) {
	t.Helper()
	var raw []json.RawMessage
	readJSON(t, path, &raw)
	names := make([]string, len(raw))
	for i, r := range raw {
		var s string
		if json.Unmarshal(r, &s) != nil {
			s = string(r) // a number
		}
		names[i] = s
	}
	labels := NewLabels(names)
	y := make([]float64, len(names))
	for i, s := range names {
		c, err := labels.Encode(s)
		if err != nil {
			t.Fatal(err)
		}
		y[i] = float64(c)
	}
	return y, labels
}

func readJSON(t *testing.T, path string, v any) {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
}

// classCounts counts the rows of each class among rows.
func classCounts(y []float64, rows []int, classes int) []int {
	counts := make([]int, classes)
	for _, r := range rows {
		counts[int(y[r])]++
	}
	return counts
}

// TestCaseC06Counts checks the per-class train and test counts of case c06
// (scikit-learn's train_test_split with stratify) for several seeds.
func TestCaseC06Counts(t *testing.T) {
	dir := filepath.Join("testdata", "cases", "c06")
	var expected struct {
		Counts map[string]struct {
			Train map[string]int `json:"train_counts"`
			Test  map[string]int `json:"test_counts"`
		} `json:"labels_two_counts_by_test_size"`
	}
	readJSON(t, filepath.Join(dir, "expected.json"), &expected)
	y, labels := readLabels(t, filepath.Join(dir, "labels_two.json"))

	for size, want := range expected.Counts {
		test, _ := strconv.ParseFloat(size, 64)
		for seed := range uint64(10) {
			s, err := TrainValidTest(y, data.Binary, 0, test, seed, labels.Classes...)
			if err != nil {
				t.Fatal(err)
			}
			train, tst := classCounts(y, s.Train, 2), classCounts(y, s.Test, 2)
			for c, name := range labels.Classes {
				if train[c] != want.Train[name] || tst[c] != want.Test[name] {
					t.Errorf("test size %s seed %d class %q: got train %d test %d, want %d and %d",
						size, seed, name, train[c], tst[c], want.Train[name], want.Test[name])
				}
			}
			lost := want.Test["b"] == 0
			if got := strings.Contains(strings.Join(s.Warnings, "\n"), `the test part has no rows of class "b"`); got != lost {
				t.Errorf("test size %s: got warning %v (%q), want %v", size, got, s.Warnings, lost)
			}
		}
	}
}

// TestCaseC06RareClass checks the documented fallback for a class with a
// single row: no error, the row trains, and a warning names the class.
func TestCaseC06RareClass(t *testing.T) {
	y, labels := readLabels(t, filepath.Join("testdata", "cases", "c06", "labels_rare.json"))
	s, err := TrainValidTest(y, data.Multiclass, 0, 0.3, 1, labels.Classes...)
	if err != nil {
		t.Fatalf("got error %v, want the documented fallback", err)
	}
	c, _ := labels.Encode("c")
	if got := classCounts(y, s.Train, 3)[c]; got != 1 {
		t.Errorf("class c in training: got %d rows, want 1", got)
	}
	want := `class "c" has 1 row, too few to stratify`
	if !strings.Contains(strings.Join(s.Warnings, "\n"), want) {
		t.Errorf("warnings: got %q, want one containing %q", s.Warnings, want)
	}
	if got := len(s.Train) + len(s.Test); got != len(y) || len(s.Test) != 3 {
		t.Errorf("sizes: got train %d test %d, want 7 and 3", len(s.Train), len(s.Test))
	}
}

// TestCaseC06Folds checks the test labels of each fold of a stratified
// 2-fold split of case c06.
func TestCaseC06Folds(t *testing.T) {
	dir := filepath.Join("testdata", "cases", "c06")
	var expected struct {
		Folds [][]string `json:"labels_two_stratified_2fold_test_labels"`
	}
	readJSON(t, filepath.Join(dir, "expected.json"), &expected)
	y, labels := readLabels(t, filepath.Join(dir, "labels_two.json"))
	folds, err := StratifiedKFold(y, 2, 7, labels.Classes...)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range folds {
		var got []string
		for _, r := range f.Test {
			got = append(got, labels.Decode(int(y[r])))
		}
		slices.Sort(got)
		if strings.Join(got, ",") != strings.Join(expected.Folds[i], ",") {
			t.Errorf("fold %d test labels: got %v, want %v", i, got, expected.Folds[i])
		}
	}
}

// reference holds the values computed by testdata/gen_reference.py.
type reference struct {
	Stratified []struct {
		Counts   []int   `json:"counts"`
		TestSize float64 `json:"test_size"`
		Train    []int   `json:"train"`
		Test     []int   `json:"test"`
	} `json:"stratified"`
	KFold []struct {
		Labels []float64 `json:"labels"`
		K      int       `json:"k"`
		Test   [][]int   `json:"test_counts"`
	} `json:"kfold"`
	Pima struct {
		Features   []string    `json:"features"`
		Medians    []float64   `json:"medians"`
		Means      []float64   `json:"means"`
		Scales     []float64   `json:"scales"`
		Indicators []string    `json:"indicator_features"`
		TestRows   []int       `json:"test_rows"`
		Values     [][]float64 `json:"test_values"`
		IndValues  [][]float64 `json:"test_indicators"`
	} `json:"pima"`
}

func readReference(t *testing.T) reference {
	t.Helper()
	var ref reference
	readJSON(t, filepath.Join("testdata", "reference.json"), &ref)
	return ref
}

func TestStratifiedMatchesSklearn(t *testing.T) {
	for _, c := range readReference(t).Stratified {
		var y []float64
		for class, k := range c.Counts {
			for range k {
				y = append(y, float64(class))
			}
		}
		for seed := range uint64(5) {
			s, err := TrainValidTest(y, data.Multiclass, 0, c.TestSize, seed)
			if err != nil {
				t.Fatal(err)
			}
			train, test := classCounts(y, s.Train, len(c.Counts)), classCounts(y, s.Test, len(c.Counts))
			if slices.Contains(c.Train, 0) {
				// scikit-learn leaves a class out of training here; the
				// documented rule gives it one training row instead.
				if slices.Contains(train, 0) {
					t.Errorf("counts %v test size %g: got train %v, want every class", c.Counts, c.TestSize, train)
				}
				continue
			}
			if !slices.Equal(train, c.Train) || !slices.Equal(test, c.Test) {
				t.Errorf("counts %v test size %g seed %d: got train %v test %v, want %v and %v",
					c.Counts, c.TestSize, seed, train, test, c.Train, c.Test)
			}
		}
	}
}

func TestStratifiedKFoldMatchesSklearn(t *testing.T) {
	for _, c := range readReference(t).KFold {
		folds, err := StratifiedKFold(c.Labels, c.K, 3)
		if err != nil {
			t.Fatal(err)
		}
		classes := len(c.Test[0])
		for i, f := range folds {
			if got := classCounts(c.Labels, f.Test, classes); !slices.Equal(got, c.Test[i]) {
				t.Errorf("labels %v fold %d: got test counts %v, want %v", c.Labels, i, got, c.Test[i])
			}
			if len(f.Train)+len(f.Test) != len(c.Labels) {
				t.Errorf("fold %d: got %d+%d rows, want %d", i, len(f.Train), len(f.Test), len(c.Labels))
			}
		}
	}
}

// checkPartition checks that the parts are disjoint, sorted, and cover
// exactly the rows of y that are not NaN.
func checkPartition(t *testing.T, y []float64, parts ...[]int) {
	t.Helper()
	seen := make(map[int]int)
	for _, p := range parts {
		if !slices.IsSorted(p) {
			t.Errorf("part %v is not sorted", p)
		}
		for _, r := range p {
			seen[r]++
		}
	}
	for i, v := range y {
		want := 1
		if math.IsNaN(v) {
			want = 0
		}
		if seen[i] != want {
			t.Errorf("row %d is in %d parts, want %d", i, seen[i], want)
		}
	}
}

func TestTrainValidTest(t *testing.T) {
	y := make([]float64, 103)
	for i := range y {
		y[i] = float64(i % 3)
	}
	y[5], y[50] = math.NaN(), math.NaN()
	tests := []struct {
		task                 data.Task
		valid, test          float64
		nTrain, nValid, nTst int
	}{
		{data.Multiclass, 0.2, 0.2, 59, 21, 21},
		{data.Multiclass, 0, 0.25, 75, 0, 26},
		{data.Regression, 0.15, 0.15, 69, 16, 16},
		{data.Regression, 0, 0, 101, 0, 0},
	}
	for _, tt := range tests {
		s, err := TrainValidTest(y, tt.task, tt.valid, tt.test, 42)
		if err != nil {
			t.Fatal(err)
		}
		if len(s.Train) != tt.nTrain || len(s.Valid) != tt.nValid || len(s.Test) != tt.nTst {
			t.Errorf("%v %g/%g: got sizes %d/%d/%d, want %d/%d/%d", tt.task, tt.valid, tt.test,
				len(s.Train), len(s.Valid), len(s.Test), tt.nTrain, tt.nValid, tt.nTst)
		}
		checkPartition(t, y, s.Train, s.Valid, s.Test)
		if len(s.Warnings) == 0 || s.Warnings[0] != "2 of 103 rows have a missing target and are left out" {
			t.Errorf("warnings: got %q, want the missing-target warning first", s.Warnings)
		}
		if tt.task == data.Multiclass {
			for c, k := range classCounts(y, s.Valid, 3) {
				if want := float64(tt.nValid) / 3; math.Abs(float64(k)-want) > 1 {
					t.Errorf("validation class %d: got %d rows, want %.1f ± 1", c, k, want)
				}
			}
		}
	}
}

func TestSplitDeterministic(t *testing.T) {
	y := make([]float64, 200)
	for i := range y {
		y[i] = float64(i % 2)
	}
	for _, task := range []data.Task{data.Binary, data.Regression} {
		a, _ := TrainValidTest(y, task, 0.2, 0.2, 9)
		b, _ := TrainValidTest(y, task, 0.2, 0.2, 9)
		c, _ := TrainValidTest(y, task, 0.2, 0.2, 10)
		if !slices.Equal(a.Train, b.Train) || !slices.Equal(a.Valid, b.Valid) || !slices.Equal(a.Test, b.Test) {
			t.Errorf("%v: same seed gave different splits", task)
		}
		if slices.Equal(a.Test, c.Test) {
			t.Errorf("%v: seeds 9 and 10 gave the same test part", task)
		}
		fa, _ := Folds(y, task, 5, 9)
		fb, _ := Folds(y, task, 5, 9)
		for i := range fa {
			if !slices.Equal(fa[i].Test, fb[i].Test) {
				t.Errorf("%v: same seed gave different fold %d", task, i)
			}
		}
	}
}

// TestSplitTrainGetsEveryClass checks that a small training share still
// holds a row of every class, where the largest-remainder rule alone would
// give the rare class none.
func TestSplitTrainGetsEveryClass(t *testing.T) {
	y := make([]float64, 102)
	y[100], y[101] = 1, 1
	s, err := TrainValidTest(y, data.Binary, 0.45, 0.45, 3, "a", "b")
	if err != nil {
		t.Fatal(err)
	}
	counts := classCounts(y, s.Train, 2)
	if counts[1] != 1 || counts[0]+counts[1] != len(s.Train) || len(s.Train) != 10 {
		t.Errorf("training counts: got %v, want 9 and 1", counts)
	}
	checkPartition(t, y, s.Train, s.Valid, s.Test)
}

func TestSplitErrors(t *testing.T) {
	y := []float64{0, 1, 0, 1, 0, 1}
	tests := []struct {
		name        string
		y           []float64
		task        data.Task
		valid, test float64
		want        string
	}{
		{"fractions sum to 1", y, data.Binary, 0.5, 0.5, "must be at least 0 and sum to less than 1"},
		{"negative", y, data.Binary, -0.1, 0.2, "must be at least 0"},
		{"NaN fraction", y, data.Binary, math.NaN(), 0.2, "must be at least 0"},
		{"no training rows", y, data.Binary, 0.45, 0.45, "leave no training rows"},
		{"bad class index", []float64{0, 1.5, 0, 1}, data.Binary, 0, 0.5, "row 2: class index 1.5"},
		{"too few to train every class", []float64{0, 0, 1, 1, 2, 2, 3, 3}, data.Multiclass, 0.3, 0.3,
			"fewer than the 4 classes"},
		{"invalid task", y, 0, 0, 0.5, "invalid task"},
	}
	for _, tt := range tests {
		_, err := TrainValidTest(tt.y, tt.task, tt.valid, tt.test, 1)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

func TestFoldErrors(t *testing.T) {
	y := []float64{0, 0, 0, 0, 1, 1, 2, 2, 2}
	_, err := StratifiedKFold(y, 3, 1, "x", "y", "z")
	want := `prep: too few rows: class "y" has 2 rows, fewer than the 3 folds; use fewer folds or merge rare classes`
	if err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
	if _, err := Folds(y, data.Regression, 1, 1); err == nil {
		t.Errorf("1 fold: got no error")
	}
	if _, err := Folds(y, data.Regression, 10, 1); err == nil {
		t.Errorf("10 folds of 9 rows: got no error")
	}
	folds, err := Folds(y, data.Regression, 4, 1)
	if err != nil {
		t.Fatal(err)
	}
	var sizes []int
	for _, f := range folds {
		sizes = append(sizes, len(f.Test))
		checkPartition(t, y, f.Train, f.Test)
	}
	if !slices.Equal(sizes, []int{3, 2, 2, 2}) {
		t.Errorf("regression fold sizes: got %v, want [3 2 2 2]", sizes)
	}
}
