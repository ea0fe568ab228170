package prep

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/tunebook/tunebook/automl/data"
)

// ErrColumn reports a frame that lacks a feature column or holds a value
// that does not fit the column's kind in the training data.
var ErrColumn = errors.New("prep: column does not match the training data")

// Transform encodes the given rows of f (all rows when rows is nil) into a
// dense row-major matrix X with nrows = len(rows) and ncols = Width()
// columns: element (i, j) is X[i*ncols+j]. Columns are found by name, so f
// may be a new file with the columns in another order, extra columns, or
// no target column.
//
// A value that is missing becomes the training median (numeric) or sets
// the "(missing)" column (categorical; all zeros when training had no
// missing values); a level not seen in training sets the "(other)" column,
// or no column when there is none. Transform fails, with an error wrapping
// ErrColumn, when a feature column is absent or a value does not fit the
// column's training kind, such as text in a numeric column (reading the
// file with data.Options{Types: p.Kinds()} reports that with its line).
func (p *Pipeline) Transform(f *data.Frame, rows []int) (X []float64, nrows, ncols int, err error) {
	rows, err = resolveRows(f, rows)
	if err != nil {
		return nil, 0, 0, err
	}
	cols, err := p.columns(f)
	if err != nil {
		return nil, 0, 0, err
	}

	nrows, ncols = len(rows), p.Width()
	X = make([]float64, nrows*ncols)
	offset := 0
	for k := range p.Features {
		ft := &p.Features[k]
		for i, r := range rows {
			out := X[i*ncols+offset : i*ncols+offset+ft.Width()]
			if err := ft.encode(f.Name, cols[k], r, out); err != nil {
				return nil, 0, 0, err
			}
		}
		offset += ft.Width()
	}
	return X, nrows, ncols, nil
}

// Target returns the target of the given rows of f (all rows when rows is
// nil): class indices (as float64) for classification, the numbers for
// regression. It fails when the target column is absent, when a row's
// target is missing, or when a class was not known when fitting.
func (p *Pipeline) Target(f *data.Frame, rows []int) ([]float64, error) {
	rows, err := resolveRows(f, rows)
	if err != nil {
		return nil, err
	}
	col, err := f.Column(p.TargetColumn)
	if err != nil {
		return nil, err
	}
	y := make([]float64, len(rows))
	for i, r := range rows {
		if col.Missing[r] {
			return nil, errorf(ErrColumn, "%s: row %d: the target %q is missing", f.Name, r+1, p.TargetColumn)
		}
		if p.Labels == nil {
			v, _, err := number(f.Name, col, r, data.Numeric)
			if err != nil {
				return nil, err
			}
			y[i] = v
			continue
		}
		c, err := p.Labels.Encode(col.Value(r))
		if err != nil {
			return nil, errorf(ErrColumn, "%s: row %d: target %q holds the class %q, unknown when fitting (classes: %s)",
				f.Name, r+1, p.TargetColumn, col.Value(r), quoteList(p.Labels.Classes))
		}
		y[i] = float64(c)
	}
	return y, nil
}

// resolveRows returns rows, or every row index of f when rows is nil.
func resolveRows(f *data.Frame, rows []int) ([]int, error) {
	if rows == nil {
		rows = make([]int, f.Rows)
		for i := range rows {
			rows[i] = i
		}
	}
	return rows, checkRows(f, rows)
}

// columns finds the column of every feature in f by name.
func (p *Pipeline) columns(f *data.Frame) ([]*data.Column, error) {
	cols := make([]*data.Column, len(p.Features))
	var missing []string
	for k, ft := range p.Features {
		i := f.Index(ft.Column)
		if i < 0 {
			missing = append(missing, fmt.Sprintf("%q", ft.Column))
			continue
		}
		cols[k] = f.Columns[i]
	}
	if len(missing) > 0 {
		return nil, errorf(ErrColumn, "%s lacks the feature column(s) %s used in training (it has: %s)",
			f.Name, strings.Join(missing, ", "), strings.Join(f.Names(), ", "))
	}
	return cols, nil
}

// encode writes the encoding of row r of col into out (Width() values).
func (ft *Feature) encode(file string, col *data.Column, r int, out []float64) error {
	if ft.Kind != data.Categorical {
		v, missing, err := number(file, col, r, ft.Kind)
		if err != nil {
			return err
		}
		if missing {
			v = ft.Median
		}
		out[0] = (v - ft.Mean) / ft.Scale
		if ft.Indicator && missing {
			out[1] = 1
		}
		return nil
	}

	if col.Missing[r] {
		if ft.MissingLevel {
			out[len(ft.Levels)] = 1
		}
		return nil
	}
	if k, ok := findLevel(ft.Levels, col.Value(r)); ok {
		out[k] = 1
	} else if ft.Other {
		out[len(out)-1] = 1
	}
	return nil
}

// findLevel returns the position of level in the sorted levels.
func findLevel(levels []string, level string) (int, bool) {
	for k, l := range levels {
		if l == level {
			return k, true
		}
	}
	return 0, false
}

// number returns row r of col as a value of a numeric or boolean feature,
// converting text and checking booleans when the column's kind in f is not
// its kind in training.
func number(file string, col *data.Column, r int, want data.Kind) (v float64, missing bool, err error) {
	if col.Missing[r] {
		return math.NaN(), true, nil
	}
	ok := true
	switch {
	case col.Kind == data.Categorical && want == data.Boolean:
		v, ok = data.ParseBool(col.Str[r])
	case col.Kind == data.Categorical:
		v, ok = data.ParseNumber(col.Str[r])
	default:
		v = col.Num[r]
		ok = want != data.Boolean || v == 0 || v == 1
	}
	if !ok {
		return 0, false, errorf(ErrColumn, "%s: row %d, column %q: %q is not %s, as the column was in training",
			file, r+1, col.Name, col.Value(r), article(want))
	}
	return v, false, nil
}

func article(k data.Kind) string {
	if k == data.Boolean {
		return "a boolean (true or false)"
	}
	return "a number"
}
