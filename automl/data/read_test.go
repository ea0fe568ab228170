package data

import (
	"encoding/csv"
	"errors"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadErrors(t *testing.T) {
	tests := []struct {
		name, in string
		opts     Options
		kind     error
		msg      string
	}{
		{"empty", "", Options{}, ErrEmpty, "data: t.csv: the file is empty: no header row"},
		{"blank lines only", "\n  \r\n", Options{}, ErrEmpty, "data: t.csv: the file is empty: no header row"},
		{"header only", "a,b\n", Options{}, ErrNoRows, "data: t.csv: the file has a header row but no data rows"},
		{"ragged long", "a,b\n1,2\n\n3,4,5\n", Options{}, ErrRagged,
			"data: t.csv: row 2 (line 4) has 3 fields, want 2 as in the header"},
		{"ragged short", "a,b\r\n1\r\n", Options{}, ErrRagged,
			"data: t.csv: row 1 (line 2) has 1 fields, want 2 as in the header"},
		{"ragged after quoted newline", "a,b\n\"x\ny\",1\n2\n", Options{}, ErrRagged,
			"data: t.csv: row 2 (line 4) has 1 fields, want 2 as in the header"},
		{"empty name", "a,,c\n1,2,3\n", Options{}, ErrColumnName,
			"data: t.csv: line 1: column 2 has an empty name in the header"},
		{"duplicate name", "\n\na,b,\"a\"\n1,2,3\n", Options{}, ErrColumnName,
			`data: t.csv: line 3: columns 1 and 3 are both named "a"`},
		{"bare quote", "a,b\n1,2\n3,x\"y\n", Options{}, csv.ErrBareQuote,
			`data: t.csv: line 3: bare " in non-quoted-field`},
		{"unclosed quote", "a,b\n1,\"2\n3,4\n", Options{}, csv.ErrQuote,
			`data: t.csv: line 4 (in the record that starts on line 2): extraneous or missing " in quoted-field`},
		{"utf16", "\xFF\xFEa\x00", Options{}, ErrEncoding, "data: t.csv: the file is UTF-16 text; save it as UTF-8"},
		{"declared numeric", "a,glucose\n1,80\n\n2,abc\n", Options{Types: map[string]Kind{"glucose": Numeric}}, ErrValue,
			`data: t.csv: row 2 (line 4), column "glucose": "abc" is not a number`},
		{"declared boolean", "a,ok\n1,true\n2,yes\n", Options{Types: map[string]Kind{"ok": Boolean}}, ErrValue,
			`data: t.csv: row 2 (line 3), column "ok": "yes" is not a boolean (true or false)`},
		{"missing not configured", "a,b\n1,\n", Options{Missing: []string{}, Types: map[string]Kind{"b": Numeric}}, ErrValue,
			`data: t.csv: row 1 (line 2), column "b": "" is not a number`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Read(strings.NewReader(tt.in), "t.csv", tt.opts)
			if err == nil {
				t.Fatalf("got frame with %d rows, want error %q", f.Rows, tt.msg)
			}
			if !errors.Is(err, tt.kind) {
				t.Errorf("got error %v, want it to wrap %v", err, tt.kind)
			}
			if err.Error() != tt.msg {
				t.Errorf("got message\n%s\nwant\n%s", err, tt.msg)
			}
		})
	}
}

func TestReadCSVMissingFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "nope.csv")
	_, err := ReadCSV(path, Options{})
	if !errors.Is(err, os.ErrNotExist) || !strings.Contains(err.Error(), "nope.csv") {
		t.Errorf("got %v, want a not-exist error naming nope.csv", err)
	}
}

func TestReadKinds(t *testing.T) {
	const in = "num,flag,yn,cat,none,codes,mostly\n" +
		"1.5,TRUE,yes,red,,1,10\n" +
		"-2,false,no,blue,NA,2,abc\n" +
		"NaN,True,yes,?,?,3,30\n" +
		"3e2,,no,red,,1,40\n"
	tests := []struct {
		opts  Options
		col   string
		kind  Kind
		value []string
	}{
		{Options{}, "num", Numeric, []string{"1.5", "-2", "", "300"}},
		{Options{}, "flag", Boolean, []string{"true", "false", "true", ""}},
		{Options{}, "yn", Categorical, []string{"yes", "no", "yes", "no"}},
		{Options{}, "cat", Categorical, []string{"red", "blue", "", "red"}},
		{Options{}, "none", Numeric, []string{"", "", "", ""}},
		{Options{}, "codes", Numeric, []string{"1", "2", "3", "1"}},
		{Options{Types: map[string]Kind{"codes": Categorical}}, "codes", Categorical, []string{"1", "2", "3", "1"}},
		{Options{}, "mostly", Categorical, []string{"10", "abc", "30", "40"}},
		{Options{Missing: []string{"", "abc"}}, "mostly", Numeric, []string{"10", "", "30", "40"}},
		{Options{Missing: []string{""}}, "cat", Categorical, []string{"red", "blue", "?", "red"}},
	}
	for _, tt := range tests {
		t.Run(tt.col, func(t *testing.T) {
			f, err := Read(strings.NewReader(in), "k.csv", tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			col, err := f.Column(tt.col)
			if err != nil {
				t.Fatal(err)
			}
			if col.Kind != tt.kind {
				t.Errorf("kind: got %v, want %v", col.Kind, tt.kind)
			}
			for i, w := range tt.value {
				if got := col.Value(i); got != w {
					t.Errorf("row %d: got %q, want %q", i+1, got, w)
				}
				if col.Missing[i] != (w == "") {
					t.Errorf("row %d: got missing %v, want %v", i+1, col.Missing[i], w == "")
				}
				if col.Kind != Categorical && col.Missing[i] != math.IsNaN(col.Num[i]) {
					t.Errorf("row %d: got Num %v with missing %v", i+1, col.Num[i], col.Missing[i])
				}
			}
		})
	}
}

func TestReadNotes(t *testing.T) {
	const in = "a,b,c\n1,,x\n2,,3\n3,,4\n"
	f, err := Read(strings.NewReader(in), "n.csv", Options{Types: map[string]Kind{"target": Numeric}})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		`Options.Types names column "target", which n.csv lacks`,
		`column "b": every value is missing`,
		`column "c" is read as categorical although 2 of its 3 values are numbers: row 1 (line 2) holds "x"; ` +
			`declare it numeric in Options.Types to report such values as errors, or add the token to Options.Missing`,
	}
	if got := strings.Join(f.Notes, "\n"); got != strings.Join(want, "\n") {
		t.Errorf("notes: got\n%s\nwant\n%s", got, strings.Join(want, "\n"))
	}
}

func TestParseNumber(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"3", 3, true}, {"-0.25", -0.25, true}, {"+1.5e-3", 0.0015, true}, {".5", 0.5, true},
		{"1e999", 0, false}, {"Inf", 0, false}, {"nan", 0, false}, {"0x10", 0, false},
		{"1_000", 0, false}, {"1,5", 0, false}, {"", 0, false}, {"e", 0, false}, {"--1", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseNumber(tt.in)
		if ok != tt.ok || got != tt.want {
			t.Errorf("ParseNumber(%q): got %v, %v, want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestSortLevels(t *testing.T) {
	tests := []struct{ in, want string }{
		{"b,a,C", "C,a,b"},
		{"10,9,1.5,-1", "-1,1.5,9,10"},
		{"10,9,x", "10,9,x"},
		{"true,false", "false,true"},
		{"no,yes", "no,yes"},
	}
	for _, tt := range tests {
		levels := strings.Split(tt.in, ",")
		SortLevels(levels)
		if got := strings.Join(levels, ","); got != tt.want {
			t.Errorf("SortLevels(%s): got %s, want %s", tt.in, got, tt.want)
		}
	}
}
