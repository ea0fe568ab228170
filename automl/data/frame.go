package data

import (
	"math"
	"slices"
)

// Column is one named column of a Frame. Numeric and boolean columns keep
// their values in Num (NaN where missing; booleans as 0 and 1) and leave Str
// nil; categorical columns keep their raw text in Str ("" where missing) and
// leave Num nil. Missing marks the missing rows of every kind.
type Column struct {
	Name    string
	Kind    Kind
	Num     []float64
	Str     []string
	Missing []bool
}

// Len returns the number of rows of the column.
func (c *Column) Len() int { return len(c.Missing) }

// Present returns the number of rows whose value is not missing.
func (c *Column) Present() int {
	n := 0
	for _, m := range c.Missing {
		if !m {
			n++
		}
	}
	return n
}

// Value returns row i's value as text: the raw text of a categorical value,
// "true" or "false" for a boolean, the shortest exact decimal form of a
// number ("1", "0.25"), and "" when the value is missing. It panics if i is
// out of range.
func (c *Column) Value(i int) string {
	switch {
	case c.Missing[i]:
		return ""
	case c.Kind == Categorical:
		return c.Str[i]
	case c.Kind == Boolean:
		if c.Num[i] != 0 {
			return "true"
		}
		return "false"
	}
	return formatNumber(c.Num[i])
}

// Levels returns the distinct non-missing values of the column, as given by
// Value, in the order of SortLevels.
func (c *Column) Levels() []string {
	var levels []string
	if c.Kind == Categorical {
		seen := make(map[string]bool)
		for i, v := range c.Str {
			if !c.Missing[i] && !seen[v] {
				seen[v] = true
				levels = append(levels, v)
			}
		}
	} else {
		// Distinct numbers first, so each is formatted once.
		seen := make(map[float64]bool)
		for i, v := range c.Num {
			if !c.Missing[i] && !seen[v] {
				seen[v] = true
				levels = append(levels, c.Value(i))
			}
		}
	}
	SortLevels(levels)
	return levels
}

// subset returns a copy of the column holding the given rows in order.
func (c *Column) subset(rows []int) *Column {
	out := &Column{Name: c.Name, Kind: c.Kind, Missing: make([]bool, len(rows))}
	if c.Num != nil {
		out.Num = make([]float64, len(rows))
	}
	if c.Str != nil {
		out.Str = make([]string, len(rows))
	}
	for k, i := range rows {
		out.Missing[k] = c.Missing[i]
		if c.Num != nil {
			out.Num[k] = c.Num[i]
		}
		if c.Str != nil {
			out.Str[k] = c.Str[i]
		}
	}
	return out
}

// Frame is a table read from one CSV input: named, typed columns of equal
// length. Notes holds remarks made while reading that do not stop the read,
// such as a column whose values are all missing.
type Frame struct {
	Name    string
	Columns []*Column
	Rows    int
	Notes   []string
}

// Names returns the column names in order.
func (f *Frame) Names() []string {
	names := make([]string, len(f.Columns))
	for i, c := range f.Columns {
		names[i] = c.Name
	}
	return names
}

// Index returns the position of the named column, or -1 if there is none.
// Names are matched exactly.
func (f *Frame) Index(name string) int {
	for i, c := range f.Columns {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// Column returns the named column. When there is none, the error (which
// wraps ErrNoColumn) suggests close names and lists the available ones.
func (f *Frame) Column(name string) (*Column, error) {
	if i := f.Index(name); i >= 0 {
		return f.Columns[i], nil
	}
	return nil, noColumnError(f.Name, name, f.Names())
}

// Select returns a frame with only the named columns, in the given order.
// The new frame shares column storage with f. It fails with ErrNoColumn
// for an unknown name.
func (f *Frame) Select(names ...string) (*Frame, error) {
	out := &Frame{Name: f.Name, Rows: f.Rows, Notes: slices.Clip(f.Notes)}
	for _, name := range names {
		c, err := f.Column(name)
		if err != nil {
			return nil, err
		}
		out.Columns = append(out.Columns, c)
	}
	return out, nil
}

// Drop returns a frame without the named columns. The new frame shares
// column storage with f. It fails with ErrNoColumn for an unknown name, so
// that a misspelt name is not silently kept.
func (f *Frame) Drop(names ...string) (*Frame, error) {
	drop := make(map[string]bool, len(names))
	for _, name := range names {
		if _, err := f.Column(name); err != nil {
			return nil, err
		}
		drop[name] = true
	}
	out := &Frame{Name: f.Name, Rows: f.Rows, Notes: slices.Clip(f.Notes)}
	for _, c := range f.Columns {
		if !drop[c.Name] {
			out.Columns = append(out.Columns, c)
		}
	}
	return out, nil
}

// Subset returns a copy of the frame holding the given rows, in the given
// order (a row may repeat). It panics if a row is out of range.
func (f *Frame) Subset(rows []int) *Frame {
	out := &Frame{Name: f.Name, Rows: len(rows), Notes: slices.Clip(f.Notes)}
	for _, c := range f.Columns {
		out.Columns = append(out.Columns, c.subset(rows))
	}
	return out
}

// numericStats returns the minimum, mean and maximum of the non-missing
// values of a numeric or boolean column, and how many there are.
func (c *Column) numericStats() (lo, mean, hi float64, n int) {
	lo, hi = math.Inf(1), math.Inf(-1)
	sum := 0.0
	for i, v := range c.Num {
		if c.Missing[i] {
			continue
		}
		n++
		sum += v
		lo = math.Min(lo, v)
		hi = math.Max(hi, v)
	}
	if n == 0 {
		return 0, 0, 0, 0
	}
	return lo, sum / float64(n), hi, n
}
