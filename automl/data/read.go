package data

import (
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"
)

// Options configures how Read turns CSV text into a Frame. The zero value
// reads with the defaults.
type Options struct {
	// Missing lists the tokens (compared after trimming surrounding spaces)
	// that mean "missing value". Nil means DefaultMissing; an empty non-nil
	// slice means that no token is missing, not even the empty field.
	Missing []string
	// Types declares the kind of some columns by name; the others are
	// inferred (see Read). A value that does not fit a declared kind is an
	// error. A name that the input lacks is recorded in Frame.Notes.
	Types map[string]Kind
}

// ReadCSV reads the CSV file at path with Read, naming the frame and its
// errors by path.
func ReadCSV(path string, opts Options) (*Frame, error) {
	file, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("data: %w", err)
	}
	defer file.Close()
	return Read(file, path, opts)
}

// Read reads comma-separated text with a header row into a Frame named
// name; name also prefixes every error message.
//
// The text is parsed by encoding/csv with strict quoting (RFC 4180) after
// normalize has stripped a UTF-8 byte-order mark, turned CRLF and CR line
// ends outside quotes into LF, dropped empty and whitespace-only lines, and
// trimmed spaces around fields. Quoted fields keep commas, doubled quotes
// and line breaks; an empty quoted field is the empty string, which is
// missing under the default Options.Missing.
//
// Each column's kind is taken from Options.Types or else inferred from its
// non-missing values: Numeric when every value is a number (ParseNumber),
// Boolean when every value is a boolean token (ParseBool), Categorical
// otherwise. A column whose values are all missing is Numeric, all NaN, with
// a note. Categories written as numbers (codes such as 1..6) are therefore
// read as Numeric unless declared Categorical.
//
// Errors name the input, the data row (1-based, header excluded) and the
// line of the input, and the column, and wrap ErrEmpty, ErrNoRows,
// ErrSyntax, ErrRagged, ErrColumnName, ErrEncoding or ErrValue.
func Read(r io.Reader, name string, opts Options) (*Frame, error) {
	src, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("data: read %s: %w", name, err)
	}
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		return nil, errorf(ErrEncoding, "%s: the file is UTF-16 text; save it as UTF-8", name)
	}

	norm := normalize(src)
	if len(norm.text) == 0 {
		return nil, errorf(ErrEmpty, "%s: the file is empty: no header row", name)
	}
	rd := &reader{name: name, norm: norm, missing: missingSet(opts.Missing)}
	header, raw, err := rd.records()
	if err != nil {
		return nil, err
	}

	f := &Frame{Name: name, Rows: len(rd.rowLines)}
	for _, col := range slices.Sorted(maps.Keys(opts.Types)) {
		if !slices.Contains(header, col) {
			f.Notes = append(f.Notes, fmt.Sprintf("Options.Types names column %q, which %s lacks", col, name))
		}
	}
	for j, colName := range header {
		kind, declared := opts.Types[colName]
		col, note, err := rd.column(colName, raw[j], kind, declared)
		if err != nil {
			return nil, err
		}
		if note != "" {
			f.Notes = append(f.Notes, note)
		}
		f.Columns = append(f.Columns, col)
	}
	return f, nil
}

// reader holds the state of one Read.
type reader struct {
	name     string
	norm     normalized
	missing  map[string]bool
	rowLines []int // original line of each data row
}

// records parses the normalized text into the header and the raw values
// of each column (raw[j][i] is row i of column j).
func (rd *reader) records() (header []string, raw [][]string, err error) {
	cr := csv.NewReader(bytes.NewReader(rd.norm.text))
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true

	rec, err := cr.Read()
	if err != nil {
		return nil, nil, rd.syntaxError(err)
	}
	header, err = rd.header(rec)
	if err != nil {
		return nil, nil, err
	}

	raw = make([][]string, len(header))
	for {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, nil, rd.syntaxError(err)
		}
		line, _ := cr.FieldPos(0)
		line = rd.norm.origLine(line)
		row := len(rd.rowLines) + 1
		if len(rec) != len(header) {
			return nil, nil, errorf(ErrRagged, "%s: row %d (line %d) has %d fields, want %d as in the header",
				rd.name, row, line, len(rec), len(header))
		}
		rd.rowLines = append(rd.rowLines, line)
		for j, v := range rec {
			raw[j] = append(raw[j], v)
		}
	}
	if len(rd.rowLines) == 0 {
		return nil, nil, errorf(ErrNoRows, "%s: the file has a header row but no data rows", rd.name)
	}
	return header, raw, nil
}

// header checks the column names: none empty, none repeated.
func (rd *reader) header(rec []string) ([]string, error) {
	names := make([]string, len(rec))
	first := make(map[string]int, len(rec))
	for j, v := range rec {
		name := strings.TrimSpace(v)
		if name == "" {
			return nil, errorf(ErrColumnName, "%s: line %d: column %d has an empty name in the header",
				rd.name, rd.norm.origLine(1), j+1)
		}
		if k, dup := first[name]; dup {
			return nil, errorf(ErrColumnName, "%s: line %d: columns %d and %d are both named %q",
				rd.name, rd.norm.origLine(1), k+1, j+1, name)
		}
		first[name] = j
		names[j] = name
	}
	return names, nil
}

// syntaxError rewrites an encoding/csv error with the original line numbers.
func (rd *reader) syntaxError(err error) error {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return wrapf(ErrSyntax, err, "%s: %v", rd.name, err)
	}
	line, start := rd.norm.origLine(pe.Line), rd.norm.origLine(pe.StartLine)
	where := fmt.Sprintf("line %d", line)
	if start != line {
		where = fmt.Sprintf("line %d (in the record that starts on line %d)", line, start)
	}
	return wrapf(ErrSyntax, pe.Err, "%s: %s: %v", rd.name, where, pe.Err)
}

// missingSet returns the set of missing-value tokens for Options.Missing.
func missingSet(tokens []string) map[string]bool {
	if tokens == nil {
		tokens = DefaultMissing
	}
	set := make(map[string]bool, len(tokens))
	for _, t := range tokens {
		set[strings.TrimSpace(t)] = true
	}
	return set
}
