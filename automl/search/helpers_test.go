package search

import (
	"context"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/tunebook/tunebook/automl/space"
)

// testSpace is a small space for a cheap quadratic objective.
func testSpace() *space.Space {
	return space.New(
		space.Float{Name: "x", Low: -2, High: 2},
		space.Float{Name: "y", Low: -2, High: 2},
	)
}

// quadratic is minimal (0) at x = 0.5, y = -0.3.
func quadratic(_ context.Context, h *TrialHandle) (float64, float64, error) {
	p := h.Params()
	dx, dy := p.Float("x")-0.5, p.Float("y")+0.3
	return dx*dx + dy*dy, 0, nil
}

// readCase decodes a t01 file, turning the strings "NaN" into math.NaN().
func readCase(t *testing.T, name string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "cases", "t01", name))
	if err != nil {
		t.Fatal(err)
	}
	var raw any
	if err := json.Unmarshal(b, &raw); err != nil {
		t.Fatal(err)
	}
	fixed, err := json.Marshal(replaceNaN(raw))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(fixed, v); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
}

// caseFloat is a float64 read from a case file, where NaN is null after
// replaceNaN.
type caseFloat float64

func (f *caseFloat) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*f = caseFloat(math.NaN())
		return nil
	}
	var v float64
	err := json.Unmarshal(b, &v)
	*f = caseFloat(v)
	return err
}

func replaceNaN(v any) any {
	switch x := v.(type) {
	case string:
		if x == "NaN" {
			return nil
		}
	case []any:
		for i := range x {
			x[i] = replaceNaN(x[i])
		}
	case map[string]any:
		for k := range x {
			x[k] = replaceNaN(x[k])
		}
	}
	return v
}
