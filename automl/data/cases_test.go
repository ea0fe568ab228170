package data

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// pandasFrame is the part of a case's expected.json written by pandas.
type pandasFrame struct {
	Columns []string                 `json:"columns"`
	NRows   int                      `json:"n_rows"`
	Dtypes  map[string]string        `json:"dtypes"`
	Data    map[string][]interface{} `json:"data"`
}

// pandasKinds maps pandas dtypes to column kinds.
var pandasKinds = map[string]Kind{"int64": Numeric, "float64": Numeric, "string": Categorical, "object": Categorical, "bool": Boolean}

// TestCases reads the inputs of cases c01-c03 (copied from the project's
// real-world cases) and compares the frame with pandas' read_csv result
// recorded in expected.json.
func TestCases(t *testing.T) {
	tests := []struct {
		dir, input, key string
	}{
		{"c01", "input.csv", "pandas_default"},
		{"c02", "input.csv", "pandas_default"},
		{"c03", "input.csv", "pandas_default"},
		{"c03", "input_cr_only.csv", "pandas_default_cr_only"},
	}
	for _, tt := range tests {
		t.Run(tt.dir+"/"+tt.input, func(t *testing.T) {
			dir := filepath.Join("testdata", "cases", tt.dir)
			var expected map[string]json.RawMessage
			readJSON(t, filepath.Join(dir, "expected.json"), &expected)
			var want pandasFrame
			if err := json.Unmarshal(expected[tt.key], &want); err != nil {
				t.Fatal(err)
			}

			f, err := ReadCSV(filepath.Join(dir, tt.input), Options{})
			if err != nil {
				t.Fatal(err)
			}
			comparePandas(t, f, want)
		})
	}
}

func comparePandas(t *testing.T, f *Frame, want pandasFrame) {
	t.Helper()
	if got := strings.Join(f.Names(), "|"); got != strings.Join(want.Columns, "|") {
		t.Fatalf("columns: got %q, want %q", got, want.Columns)
	}
	if f.Rows != want.NRows {
		t.Fatalf("rows: got %d, want %d", f.Rows, want.NRows)
	}
	for _, name := range want.Columns {
		col, err := f.Column(name)
		if err != nil {
			t.Fatal(err)
		}
		if wk := pandasKinds[want.Dtypes[name]]; col.Kind != wk {
			t.Errorf("column %q: got kind %v, want %v (pandas %s)", name, col.Kind, wk, want.Dtypes[name])
		}
		for i, w := range want.Data[name] {
			switch w := w.(type) {
			case nil:
				if !col.Missing[i] {
					t.Errorf("column %q row %d: got %q, want missing", name, i+1, col.Value(i))
				}
			case float64:
				if col.Missing[i] || col.Num[i] != w {
					t.Errorf("column %q row %d: got %q, want %v", name, i+1, col.Value(i), w)
				}
			case string:
				if col.Missing[i] || col.Str[i] != w {
					t.Errorf("column %q row %d: got %q, want %q", name, i+1, col.Value(i), w)
				}
			}
		}
	}
}

// TestCaseRawRecords checks c01 against Python's csv module: every field
// of every record, with the empty quoted field read as missing.
func TestCaseRawRecords(t *testing.T) {
	var want struct {
		Records [][]string `json:"csv_module_records"`
	}
	readJSON(t, filepath.Join("testdata", "cases", "c01", "expected.json"), &want)
	f, err := ReadCSV(filepath.Join("testdata", "cases", "c01", "input.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Names(); strings.Join(got, ",") != strings.Join(want.Records[0], ",") {
		t.Errorf("header: got %q, want %q", got, want.Records[0])
	}
	for i, rec := range want.Records[1:] {
		for j, w := range rec {
			if got := f.Columns[j].Value(i); got != w {
				t.Errorf("row %d column %d: got %q, want %q", i+1, j+1, got, w)
			}
		}
	}
}

// TestCaseBOMHeader checks c02: the first column is found by its plain
// name, without U+FEFF or quotes.
func TestCaseBOMHeader(t *testing.T) {
	var want struct {
		Naive string `json:"naive_utf8_first_header"`
		Sig   string `json:"utf8_sig_first_header"`
	}
	readJSON(t, filepath.Join("testdata", "cases", "c02", "expected.json"), &want)
	f, err := ReadCSV(filepath.Join("testdata", "cases", "c02", "input.csv"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := f.Columns[0].Name; got != want.Sig || got == want.Naive {
		t.Errorf("first column: got %q, want %q", got, want.Sig)
	}
	if _, err := f.Column(want.Sig); err != nil {
		t.Errorf("lookup by name: %v", err)
	}
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
