package repl

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// expectedCell is one cell of a case's expected.json.
type expectedCell struct {
	Index            int      `json:"index"`
	Status           string   `json:"status"`
	Stdout           *string  `json:"stdout"`
	Stderr           *string  `json:"stderr"`
	Result           *string  `json:"result"`
	ResultOptional   *string  `json:"result_optional"`
	ErrorContains    []string `json:"error_contains"`
	ErrorContainsAny []string `json:"error_contains_any"`
}

func loadCase(t *testing.T, name string) ([]string, []expectedCell) {
	t.Helper()
	dir := filepath.Join("testdata", "cases", name)
	var cells []string
	var expected struct{ Cells []expectedCell }
	for file, v := range map[string]any{"cells.json": &cells, "expected.json": &expected} {
		data, err := os.ReadFile(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, v); err != nil {
			t.Fatalf("%s/%s: %v", name, file, err)
		}
	}
	if len(cells) != len(expected.Cells) {
		t.Fatalf("%s: %d cells, %d expectations", name, len(cells), len(expected.Cells))
	}
	return cells, expected.Cells
}

// TestCases runs the notebook cases k01 (mixed cells), k02 (re-run cells),
// k05 (notebook types in output), k06 (streams, multiple values) and k08
// (panics and os.Exit) cell by cell in one session each.
func TestCases(t *testing.T) {
	for _, name := range []string{"k01", "k02", "k05", "k06", "k08"} {
		t.Run(name, func(t *testing.T) {
			cells, expected := loadCase(t, name)
			ts := newTestSession(t)
			for i, code := range cells {
				checkCell(t, i+1, ts.exec(t, code), expected[i])
			}
		})
	}
}

func checkCell(t *testing.T, index int, got cellRun, want expectedCell) {
	t.Helper()
	if want.Status == "ok" && got.err != nil {
		t.Errorf("cell %d: error %v, want ok", index, got.err)
		return
	}
	if want.Status == "error" {
		var ce *CellError
		if !errors.As(got.err, &ce) {
			t.Errorf("cell %d: err = %v, want a *CellError", index, got.err)
			return
		}
		text := ce.Error() + "\n" + strings.Join(ce.Traceback, "\n")
		for _, s := range want.ErrorContains {
			if !strings.Contains(text, s) {
				t.Errorf("cell %d: error %q does not contain %q", index, text, s)
			}
		}
		if len(want.ErrorContainsAny) > 0 && !containsAny(text, want.ErrorContainsAny) {
			t.Errorf("cell %d: error %q contains none of %q", index, text, want.ErrorContainsAny)
		}
	}
	if want.Stdout != nil && got.stdout != *want.Stdout {
		t.Errorf("cell %d: stdout %q, want %q", index, got.stdout, *want.Stdout)
	}
	if want.Stderr != nil && got.stderr != *want.Stderr {
		t.Errorf("cell %d: stderr %q, want %q", index, got.stderr, *want.Stderr)
	}
	text, ok := got.text()
	switch {
	case want.Result != nil && (!ok || text != *want.Result):
		t.Errorf("cell %d: result %q (present %v), want %q", index, text, ok, *want.Result)
	case want.Result == nil && ok && (want.ResultOptional == nil || text != *want.ResultOptional):
		t.Errorf("cell %d: result %q, want none", index, text)
	}
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}
