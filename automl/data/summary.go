package data

import (
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"
)

// Summary describes a frame column by column, and the class balance of its
// target. Build it with Summarize; print it with String.
type Summary struct {
	Name    string
	Rows    int
	Columns []ColumnSummary
	// Target is the target column's name, "" when none was given.
	Target string
	// Task is the task inferred from the target (see InferTask), or 0 when
	// there is no target or none can be inferred (the reason is in Notes).
	Task Task
	// Classes counts the rows of each class of a classification target,
	// in the order of SortLevels; nil for regression.
	Classes []ClassCount
	// Notes holds the frame's notes and any problem with the target.
	Notes []string
}

// ColumnSummary describes one column. Min, Mean and Max are those of the
// non-missing values of numeric and boolean columns (for booleans, Mean is
// the share of true values); they are 0 for categorical columns and for
// columns with no values.
type ColumnSummary struct {
	Name           string
	Kind           Kind
	Missing        int
	Distinct       int
	Min, Mean, Max float64
}

// ClassCount is the number of rows of one class of the target.
type ClassCount struct {
	Label string
	Count int
}

// Summarize describes f. When target is not empty it also infers the task
// from that column and counts its classes; an unknown or unusable target is
// reported in Summary.Notes rather than as an error, so that a summary can
// always be shown.
func Summarize(f *Frame, target string) Summary {
	s := Summary{Name: f.Name, Rows: f.Rows, Target: target, Notes: append([]string(nil), f.Notes...)}
	for _, c := range f.Columns {
		cs := ColumnSummary{Name: c.Name, Kind: c.Kind, Missing: c.Len() - c.Present(), Distinct: len(c.Levels())}
		if c.Kind != Categorical {
			cs.Min, cs.Mean, cs.Max, _ = c.numericStats()
		}
		s.Columns = append(s.Columns, cs)
	}
	if target == "" {
		return s
	}

	col, err := f.Column(target)
	if err == nil {
		s.Task, err = InferTask(col)
	}
	if err != nil {
		s.Notes = append(s.Notes, err.Error())
		return s
	}
	if s.Task.IsClassification() {
		s.Classes = countClasses(col)
	}
	return s
}

// countClasses counts the non-missing values of col by level.
func countClasses(col *Column) []ClassCount {
	counts := make(map[string]int)
	for i := range col.Missing {
		if !col.Missing[i] {
			counts[col.Value(i)]++
		}
	}
	out := make([]ClassCount, 0, len(counts))
	for _, level := range col.Levels() {
		out = append(out, ClassCount{Label: level, Count: counts[level]})
	}
	return out
}

// String renders the summary as a plain-text table, followed by the class
// balance and the notes.
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s: %d rows, %d columns\n", s.Name, s.Rows, len(s.Columns))
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "column\tkind\tmissing\tdistinct\tmin\tmean\tmax")
	for _, c := range s.Columns {
		lo, mean, hi := "-", "-", "-"
		if c.Kind != Categorical && c.Missing < s.Rows {
			lo, mean, hi = short(c.Min), short(c.Mean), short(c.Max)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\t%s\n", c.Name, c.Kind, c.Missing, c.Distinct, lo, mean, hi)
	}
	tw.Flush()

	if s.Task != 0 {
		fmt.Fprintf(&b, "target %q: %s\n", s.Target, s.Task)
	}
	if len(s.Classes) > 0 {
		total := 0
		for _, c := range s.Classes {
			total += c.Count
		}
		tw = tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "class\trows\tshare")
		for _, c := range s.Classes {
			fmt.Fprintf(tw, "%s\t%d\t%.1f%%\n", c.Label, c.Count, 100*float64(c.Count)/float64(total))
		}
		tw.Flush()
	}
	for _, n := range s.Notes {
		fmt.Fprintf(&b, "note: %s\n", n)
	}
	return b.String()
}

// short formats a statistic with four significant digits.
func short(v float64) string { return strconv.FormatFloat(v, 'g', 4, 64) }
