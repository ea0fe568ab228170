package notebook

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestRoundTrip checks that Read then Write reproduces, byte for byte, a
// notebook written by nbformat's own writer (testdata/make_roundtrip.py).
func TestRoundTrip(t *testing.T) {
	want, err := os.ReadFile("testdata/roundtrip.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	nb, err := Read("testdata/roundtrip.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "out.ipynb")
	if err := nb.Write(out); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		gl, wl := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
		for i := range min(len(gl), len(wl)) {
			if gl[i] != wl[i] {
				t.Fatalf("line %d: got %q, want %q", i+1, gl[i], wl[i])
			}
		}
		t.Fatalf("got %d lines, want %d", len(gl), len(wl))
	}
}

func TestReadJoinsMultilineFields(t *testing.T) {
	nb, err := Read("testdata/roundtrip.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	code := nb.Cells[1]
	checks := []struct {
		what      string
		got, want any
	}{
		{"cell count", len(nb.Cells), 4},
		{"markdown source", nb.Cells[0].Source, "# Heading\n\nSome *text* and ![dot](attachment:dot.png)\n"},
		{"code source", code.Source, "x := 1\nfmt.Println(x)"},
		{"execution count", code.ExecutionCount, 1},
		{"stream text", code.Outputs[0].Text, "1\nzwei ünïcödé\n"},
		{"progress text", code.Outputs[1].Text, "10%\r50%\r100%\n"},
		{"html", code.Outputs[2].Data["text/html"], "<div id=\"c\">\n<script>var a = 1 < 2 && 3 > 2;</script>\n</div>"},
		{"json stays a value", code.Outputs[3].Data["application/vnd.custom+json"].(map[string]any)["k"], "v"},
		{"result count", code.Outputs[3].ExecutionCount, 1},
		{"traceback", code.Outputs[4].Traceback[0], "\x1b[0;31mpanic\x1b[0m: boom"},
		{"empty cell count", nb.Cells[2].ExecutionCount, 0},
		{"metadata number", nb.Metadata["custom"].(map[string]any)["big"], json.Number("12345678901234567890")},
		{"cell id", nb.Cells[3].ID, "raw-1"},
		{"first line", code.FirstLine(), "x := 1"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: got %#v, want %#v", c.what, c.got, c.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"invalid JSON", "{\n\"cells\": [,]}", "invalid JSON at line 2"},
		{"old format", `{"nbformat": 3, "cells": []}`, "nbformat 3 is not supported"},
		{"no cells", `{"nbformat": 4, "nbformat_minor": 5}`, "cells: want a list, got null"},
		{"bad source", `{"nbformat": 4, "cells": [{"cell_type": "code", "source": 3}]}`,
			"cell 1: source: want a string or a list of strings, got a number"},
		{"bad line", `{"nbformat": 4, "cells": [{"cell_type": "markdown", "source": []}, {"cell_type": "markdown", "source": ["a", 1]}]}`,
			"cell 2: source[1]: want a string, got a number"},
		{"unknown cell type", `{"nbformat": 4, "cells": [{"cell_type": "heading", "source": ""}]}`,
			`cell 1: cell_type: unknown type "heading"`},
		{"unknown output", `{"nbformat": 4, "cells": [{"cell_type": "code", "source": "", "outputs": [{"output_type": "pyout"}]}]}`,
			`cell 1: outputs[0]: output_type: unknown type "pyout"`},
		{"bad count", `{"nbformat": 4, "cells": [{"cell_type": "code", "source": "", "execution_count": -1}]}`,
			"cell 1: execution_count: want a non-negative integer, got -1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse(strings.NewReader(tt.doc))
			if err == nil || !strings.Contains(err.Error(), tt.want) || !strings.HasPrefix(err.Error(), "notebook: ") {
				t.Errorf("Parse: got error %v, want one starting with %q and containing %q", err, "notebook: ", tt.want)
			}
		})
	}
}

func TestReadErrorNamesFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "broken.ipynb")
	if err := os.WriteFile(path, []byte(`{"nbformat": 4, "cells": [{"cell_type": 1}]}`), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Read(path)
	want := "notebook: " + path + ": cell 1: cell_type: want a string, got a number"
	if err == nil || err.Error() != want {
		t.Errorf("Read: got error %v, want %q", err, want)
	}
}

func TestSplitLines(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"", []string{}},
		{"a", []string{"a"}},
		{"a\n", []string{"a\n"}},
		{"a\nb", []string{"a\n", "b"}},
		{"a\r\nb\rc\n\n", []string{"a\r\n", "b\r", "c\n", "\n"}},
		{"x\u2028y\fz", []string{"x\u2028", "y\f", "z"}},
	}
	for _, tt := range tests {
		if got := splitLines(tt.in); !slices.Equal(got, tt.want) {
			t.Errorf("splitLines(%q): got %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWriteAddsCellIDs(t *testing.T) {
	nb := codeNotebook("value 1")
	var buf bytes.Buffer
	if err := nb.Encode(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := Parse(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if id := back.Cells[0].ID; len(id) != 8 || id != nb.Cells[0].ID {
		t.Errorf("cell id: got %q written and %q kept, want the same 8 hex digits", id, nb.Cells[0].ID)
	}
}
