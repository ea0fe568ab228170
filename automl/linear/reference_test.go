package linear

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
)

// referenceFile mirrors testdata/reference.json, written by
// testdata/gen_reference.py with scikit-learn.
type referenceFile struct {
	SklearnVersion string           `json:"sklearn_version"`
	Logistic       []logisticCase   `json:"logistic"`
	Regression     []regressionCase `json:"regression"`
}

// dataset is a training matrix and a test matrix, stored inline or named by
// a CSV file in testdata (then the test matrix is the training matrix).
type dataset struct {
	Rows        int       `json:"rows"`
	Cols        int       `json:"cols"`
	X           []float64 `json:"X"`
	Y           []float64 `json:"y"`
	TestRows    int       `json:"test_rows"`
	XTest       []float64 `json:"X_test"`
	CSV         string    `json:"csv"`
	Target      string    `json:"target"`
	Standardize bool      `json:"standardize"`
}

type logisticCase struct {
	Name string `json:"name"`
	dataset
	Classes int       `json:"classes"`
	C       float64   `json:"C"`
	Weights []float64 `json:"weights"`
	Exact   struct {
		Coef      []float64 `json:"coef"`
		Intercept []float64 `json:"intercept"`
		Proba     []float64 `json:"proba"`
	} `json:"exact"`
	Default struct {
		Proba []float64 `json:"proba"`
	} `json:"default"`
}

type regressionCase struct {
	Name string `json:"name"`
	dataset
	Alpha       float64   `json:"alpha"`
	Weights     []float64 `json:"weights"`
	Coef        []float64 `json:"coef"`
	Intercept   float64   `json:"intercept"`
	Predictions []float64 `json:"predictions"`
}

func loadReference(t testing.TB) referenceFile {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join("testdata", "reference.json"))
	if err != nil {
		t.Fatalf("reading reference (regenerate with testdata/gen_reference.py): %v", err)
	}
	var ref referenceFile
	if err := json.Unmarshal(raw, &ref); err != nil {
		t.Fatalf("decoding testdata/reference.json: %v", err)
	}
	return ref
}

// load fills a CSV-backed dataset from testdata. Class labels (categorical
// targets) become indices into their sorted list, as in gen_reference.py.
func (d *dataset) load(t *testing.T, categorical bool) {
	t.Helper()
	if d.CSV == "" {
		return
	}
	f, err := os.Open(filepath.Join("testdata", d.CSV))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	records, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatalf("reading %s: %v", d.CSV, err)
	}
	target := slices.Index(records[0], d.Target)
	if target < 0 {
		t.Fatalf("%s: no target column %q", d.CSV, d.Target)
	}

	body := records[1:]
	d.Rows, d.Cols = len(body), len(records[0])-1
	d.X, d.Y = nil, make([]float64, d.Rows)
	var names []string
	for _, rec := range body {
		names = append(names, rec[target])
	}
	slices.Sort(names)
	names = slices.Compact(names)
	for i, rec := range body {
		for j, field := range rec {
			v, err := strconv.ParseFloat(field, 64)
			switch {
			case j == target && categorical:
				d.Y[i] = float64(slices.Index(names, field))
				continue
			case err != nil:
				t.Fatalf("%s row %d column %d: %v", d.CSV, i+1, j, err)
			case j == target:
				d.Y[i] = v
			default:
				d.X = append(d.X, v)
			}
		}
	}
	if d.Standardize {
		standardize(d.X, d.Rows, d.Cols)
	}
	d.TestRows, d.XTest = d.Rows, d.X
}

// standardize scales each column to mean 0 and population standard
// deviation 1 in place, as the reference script does.
func standardize(X []float64, rows, cols int) {
	for j := range cols {
		var mean, sq float64
		for i := range rows {
			mean += X[i*cols+j]
		}
		mean /= float64(rows)
		for i := range rows {
			d := X[i*cols+j] - mean
			sq += d * d
		}
		sd := math.Sqrt(sq / float64(rows))
		for i := range rows {
			X[i*cols+j] = (X[i*cols+j] - mean) / sd
		}
	}
}

// errorKind says how maxDiff measures an error.
type errorKind int

const (
	absolute errorKind = iota // |got - want|
	mixed                     // |got - want| / max(1, |want|)
)

// maxDiff returns the largest error between got[i] and want[i] and its index.
func maxDiff(got, want []float64, kind errorKind) (float64, int) {
	worst, at := 0.0, -1
	for i := range want {
		d := math.Abs(got[i] - want[i])
		if kind == mixed {
			d /= math.Max(1, math.Abs(want[i]))
		}
		if !(d <= worst) {
			worst, at = d, i
		}
	}
	return worst, at
}

func checkClose(t *testing.T, what string, got, want []float64, kind errorKind, tol float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s: got %d values, want %d", what, len(got), len(want))
		return
	}
	d, i := maxDiff(got, want, kind)
	t.Logf("%s: largest error %.3g (tolerance %.3g)", what, d, tol)
	if d > tol {
		t.Errorf("%s[%d]: got %.12g, want %.12g (error %.3g > tolerance %.3g)",
			what, i, got[i], want[i], d, tol)
	}
}

func TestFitLogisticMatchesSklearn(t *testing.T) {
	ref := loadReference(t)
	if len(ref.Logistic) == 0 {
		t.Fatal("reference.json has no logistic cases")
	}
	for _, c := range ref.Logistic {
		t.Run(c.Name, func(t *testing.T) {
			c.load(t, true)
			m, err := FitLogistic(c.X, c.Rows, c.Cols, c.Y, c.Classes, c.Weights,
				LogisticOptions{C: c.C})
			if err != nil {
				t.Fatalf("FitLogistic: %v", err)
			}
			proba := m.Predict(c.XTest, c.TestRows)

			// The optimum itself (scikit-learn's newton-cg run to a gradient
			// norm of 1e-8).
			checkClose(t, "coef vs exact", m.Coef, c.Exact.Coef, mixed, 1e-4)
			checkClose(t, "intercept vs exact", m.Intercept, c.Exact.Intercept, mixed, 1e-4)
			checkClose(t, "proba vs exact", proba, c.Exact.Proba, absolute, 1e-5)

			// scikit-learn's default lbfgs stops at its own gradient
			// tolerance, up to gap away from the optimum; allow 1e-4 beyond it.
			gap, _ := maxDiff(c.Default.Proba, c.Exact.Proba, absolute)
			checkClose(t, "proba vs sklearn default", proba, c.Default.Proba, absolute, 1e-4+gap)
		})
	}
}

func TestFitRidgeMatchesSklearn(t *testing.T) {
	ref := loadReference(t)
	if len(ref.Regression) == 0 {
		t.Fatal("reference.json has no regression cases")
	}
	for _, c := range ref.Regression {
		t.Run(c.Name, func(t *testing.T) {
			c.load(t, false)
			m, err := FitRidge(c.X, c.Rows, c.Cols, c.Y, c.Weights, c.Alpha)
			if err != nil {
				t.Fatalf("FitRidge: %v", err)
			}
			const tol = 1e-8 // relative to max(1, |want|)
			checkClose(t, "coef", m.Coef, c.Coef, mixed, tol)
			checkClose(t, "intercept", m.Intercept, []float64{c.Intercept}, mixed, tol)
			checkClose(t, "predictions", m.Predict(c.XTest, c.TestRows), c.Predictions, mixed, tol)
		})
	}
}

// TestReferenceReproducible reruns testdata/gen_reference.py with Debian's
// Python and scikit-learn and checks that it reproduces the committed
// reference.json, so the reference cannot drift from its script.
func TestReferenceReproducible(t *testing.T) {
	const python = "/usr/bin/python3" // Debian's, which has python3-sklearn
	if err := exec.Command(python, "-c", "import sklearn").Run(); err != nil {
		if os.Getenv("CI") == "" {
			t.Skipf("skipping: %s with scikit-learn is not available (%v); with CI set this fails",
				python, err)
		}
		t.Fatalf("CI: %s with scikit-learn is required: %v", python, err)
	}
	out := filepath.Join(t.TempDir(), "reference.json")
	cmd := exec.Command(python, "gen_reference.py", out)
	cmd.Dir = "testdata"
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gen_reference.py: %v\n%s", err, msg)
	}

	var got, want any
	committed := filepath.Join("testdata", "reference.json")
	for path, v := range map[string]*any{out: &got, committed: &want} {
		raw, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(raw, v); err != nil {
			t.Fatalf("decoding %s: %v", path, err)
		}
	}
	// Numbers may differ in the last bits with another BLAS build.
	for _, diff := range jsonDiffs(got, want, 1e-9) {
		t.Error("regenerated reference differs from testdata/reference.json: " + diff)
	}
}

// jsonDiffs lists where two decoded JSON values differ, comparing numbers
// with the mixed error |a-b|/max(1,|b|) <= tol; it stops after 10.
func jsonDiffs(got, want any, tol float64) []string {
	var diffs []string
	var walk func(path string, got, want any)
	walk = func(path string, got, want any) {
		if len(diffs) >= 10 {
			return
		}
		switch w := want.(type) {
		case map[string]any:
			g, ok := got.(map[string]any)
			if !ok || len(g) != len(w) {
				diffs = append(diffs, fmt.Sprintf("%s: got %T with %d keys, want %d keys",
					path, got, len(g), len(w)))
				return
			}
			for k, v := range w {
				walk(path+"."+k, g[k], v)
			}
		case []any:
			g, ok := got.([]any)
			if !ok || len(g) != len(w) {
				diffs = append(diffs, fmt.Sprintf("%s: got %T of length %d, want length %d",
					path, got, len(g), len(w)))
				return
			}
			for i := range w {
				walk(fmt.Sprintf("%s[%d]", path, i), g[i], w[i])
			}
		case float64:
			g, ok := got.(float64)
			if !ok || !(math.Abs(g-w)/math.Max(1, math.Abs(w)) <= tol) {
				diffs = append(diffs, fmt.Sprintf("%s: got %v, want %v", path, got, w))
			}
		default:
			if got != want {
				diffs = append(diffs, fmt.Sprintf("%s: got %v, want %v", path, got, want))
			}
		}
	}
	walk("", got, want)
	return diffs
}

func TestJSONDiffs(t *testing.T) {
	want := map[string]any{"a": []any{1.0, 2.0}, "b": "x"}
	tests := []struct {
		name string
		got  any
		n    int
	}{
		{"equal", map[string]any{"a": []any{1.0, 2.0}, "b": "x"}, 0},
		{"within tolerance", map[string]any{"a": []any{1.0, 2.0 + 1e-12}, "b": "x"}, 0},
		{"number", map[string]any{"a": []any{1.0, 2.1}, "b": "x"}, 1},
		{"length", map[string]any{"a": []any{1.0}, "b": "x"}, 1},
		{"string and key", map[string]any{"a": []any{1.0, 2.0}, "c": "x"}, 1},
	}
	for _, tt := range tests {
		if got := jsonDiffs(tt.got, want, 1e-9); len(got) != tt.n {
			t.Errorf("%s: got %d differences %q, want %d", tt.name, len(got), got, tt.n)
		}
	}
}
