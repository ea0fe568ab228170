package metrics

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tol is the agreement required with scikit-learn's values.
const tol = 1e-9

// result is a reference value: a number, a list of numbers, null, or
// {"error": "..."}. Non-finite numbers are the strings "NaN", "+Inf", "-Inf".
type result struct {
	vals []float64
	err  string
	null bool
}

func (r *result) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case string(b) == "null":
		r.null = true
		return nil
	case b[0] == '{':
		var e struct{ Error string }
		if err := json.Unmarshal(b, &e); err != nil {
			return err
		}
		r.err = e.Error
		return nil
	case b[0] == '[':
		var xs []num
		if err := json.Unmarshal(b, &xs); err != nil {
			return err
		}
		r.vals = floats(xs)
		return nil
	}
	var x num
	if err := json.Unmarshal(b, &x); err != nil {
		return err
	}
	r.vals = []float64{float64(x)}
	return nil
}

// value returns the single number of r.
func (r result) value(t *testing.T) float64 {
	t.Helper()
	if r.err != "" || len(r.vals) != 1 {
		t.Fatalf("reference holds %+v, want one number", r)
	}
	return r.vals[0]
}

// num is a float64 that also decodes "NaN", "+Inf" and "-Inf".
type num float64

func (n *num) UnmarshalJSON(b []byte) error {
	switch string(b) {
	case `"NaN"`:
		*n = num(math.NaN())
	case `"+Inf"`, `"Infinity"`:
		*n = num(math.Inf(1))
	case `"-Inf"`, `"-Infinity"`:
		*n = num(math.Inf(-1))
	default:
		var f float64
		if err := json.Unmarshal(b, &f); err != nil {
			return fmt.Errorf("decode number %s: %w", b, err)
		}
		*n = num(f)
	}
	return nil
}

// floats converts decoded numbers; nil stays nil (a JSON null).
func floats(xs []num) []float64 {
	if xs == nil {
		return nil
	}
	out := make([]float64, len(xs))
	for i, x := range xs {
		out[i] = float64(x)
	}
	return out
}

// near reports whether got equals want within tol; NaN equals NaN and
// infinities must match exactly.
func near(got, want float64) bool {
	if math.IsNaN(want) || math.IsInf(want, 0) {
		return math.IsNaN(got) && math.IsNaN(want) || got == want
	}
	return math.Abs(got-want) <= tol
}

func checkClose(t *testing.T, what string, got, want float64) {
	t.Helper()
	if !near(got, want) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

func checkSlice(t *testing.T, what string, got, want []float64) {
	t.Helper()
	if len(got) != len(want) {
		t.Errorf("%s has %d values %v, want %d values %v", what, len(got), got, len(want), want)
		return
	}
	for i := range want {
		if !near(got[i], want[i]) {
			t.Errorf("%s[%d] = %v, want %v", what, i, got[i], want[i])
		}
	}
}

// checkUndefined requires errors.Is(err, ErrUndefined) to equal want.
func checkUndefined(t *testing.T, what string, err error, want bool) {
	t.Helper()
	if got := errors.Is(err, ErrUndefined); got != want {
		t.Errorf("%s: errors.Is(err, ErrUndefined) = %v (err %v), want %v", what, got, err, want)
	}
}

// checkErr requires a non-nil error wrapping want (any error when want is nil).
func checkErr(t *testing.T, what string, err error, want error) {
	t.Helper()
	switch {
	case err == nil:
		t.Errorf("%s: err = nil, want an error wrapping %v", what, want)
	case want != nil && !errors.Is(err, want):
		t.Errorf("%s: err = %v, want it to wrap %v", what, err, want)
	}
}

// sentinelFor maps a scikit-learn error message to the sentinel this
// package wraps for the same fault.
func sentinelFor(msg string) error {
	switch {
	case strings.Contains(msg, "Only one class present"):
		return ErrUndefined
	case strings.Contains(msg, "need to be probabilities"):
		return ErrInvalid
	case strings.Contains(msg, "pos_label="), strings.Contains(msg, "only one label"):
		return ErrLabel
	}
	return nil
}

// readJSON decodes a file under testdata into v.
func readJSON(t *testing.T, v any, path ...string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(append([]string{"testdata"}, path...)...))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("decode %s: %v", filepath.Join(path...), err)
	}
}
