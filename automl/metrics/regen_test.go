package metrics

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// TestReferenceRegenerates runs testdata/gen_reference.py with scikit-learn
// and checks that it reproduces the committed reference.json within tol, so
// the test data stays the output of its script.
//
// The Python interpreter is $TUNEBOOK_PYTHON, else python3 on PATH; it must
// import sklearn. Without one the test skips, unless CI is set, where it
// fails. A scikit-learn version other than the one recorded in
// reference.json skips the comparison.
func TestReferenceRegenerates(t *testing.T) {
	if testing.Short() {
		t.Skip("runs Python; skipped with -short")
	}
	python := os.Getenv("TUNEBOOK_PYTHON")
	if python == "" {
		python = "python3"
	}
	out, err := exec.Command(python, "-c", "import sklearn; print(sklearn.__version__)").Output()
	if err != nil {
		msg := fmt.Sprintf("%s with scikit-learn not available (%v); set TUNEBOOK_PYTHON to Debian's python3 with python3-sklearn", python, err)
		if os.Getenv("CI") != "" {
			t.Fatal(msg)
		}
		t.Skip(msg)
	}
	version := strings.TrimSpace(string(out))
	if want := loadReference(t).SklearnVersion; version != want {
		t.Skipf("%s has scikit-learn %s, reference.json was made with %s", python, version, want)
	}

	path := filepath.Join(t.TempDir(), "reference.json")
	cmd := exec.Command(python, "gen_reference.py", path)
	cmd.Dir = "testdata"
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("gen_reference.py: %v\n%s", err, msg)
	}
	var got, want any
	for _, f := range []struct {
		path string
		v    *any
	}{{path, &got}, {filepath.Join("testdata", "reference.json"), &want}} {
		b, err := os.ReadFile(f.path)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(b, f.v); err != nil {
			t.Fatalf("decode %s: %v", f.path, err)
		}
	}
	for _, d := range jsonDiff("", got, want, nil) {
		t.Error(d)
	}
}

// jsonDiff lists the differences between decoded JSON values, comparing
// numbers within tol.
func jsonDiff(at string, got, want any, diffs []string) []string {
	if len(diffs) > 20 {
		return diffs
	}
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return append(diffs, fmt.Sprintf("%s: got %T, want an object", at, got))
		}
		keys := make([]string, 0, len(w))
		for k := range w {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			diffs = jsonDiff(at+"."+k, g[k], w[k], diffs)
		}
		if len(g) != len(w) {
			diffs = append(diffs, fmt.Sprintf("%s: got %d keys, want %d", at, len(g), len(w)))
		}
	case []any:
		g, ok := got.([]any)
		if !ok || len(g) != len(w) {
			return append(diffs, fmt.Sprintf("%s: got %v, want %d elements", at, got, len(w)))
		}
		for i := range w {
			diffs = jsonDiff(fmt.Sprintf("%s[%d]", at, i), g[i], w[i], diffs)
		}
	case float64:
		g, ok := got.(float64)
		if !ok || math.Abs(g-w) > tol {
			diffs = append(diffs, fmt.Sprintf("%s: got %v, want %v", at, got, w))
		}
	default:
		if got != want {
			diffs = append(diffs, fmt.Sprintf("%s: got %v, want %v", at, got, want))
		}
	}
	return diffs
}
