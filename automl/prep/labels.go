package prep

import (
	"fmt"
	"math"
	"sort"
	"strconv"

	"github.com/tunebook/tunebook/automl/data"
)

// Labels maps class names to 0-based class indices and back, like
// scikit-learn's LabelEncoder: the classes are sorted, so index i is the
// i-th smallest class. Numeric classes (every name a number) are sorted
// and matched by value, so "2" < "10" and "1.0" encodes as "1"; other
// classes are sorted in byte order (code-point order, as Python sorts
// strings). Labels is safe for concurrent use once built.
type Labels struct {
	// Classes holds the class names in index order. Numeric class names
	// are written in their shortest form ("1", "0.5").
	Classes []string `json:"classes"`
	// Numeric reports whether the classes are numbers.
	Numeric bool `json:"numeric,omitempty"`
}

// NewLabels returns the Labels of the distinct values in values.
func NewLabels(values []string) *Labels {
	numeric := len(values) > 0
	for _, v := range values {
		if _, ok := data.ParseNumber(v); !ok {
			numeric = false
			break
		}
	}

	seen := make(map[string]bool)
	var classes []string
	for _, v := range values {
		if numeric {
			x, _ := data.ParseNumber(v)
			v = strconv.FormatFloat(x, 'g', -1, 64)
		}
		if !seen[v] {
			seen[v] = true
			classes = append(classes, v)
		}
	}
	data.SortLevels(classes)
	return &Labels{Classes: classes, Numeric: numeric}
}

// Len returns the number of classes.
func (l *Labels) Len() int { return len(l.Classes) }

// Encode returns the class index of s. It fails when s is not one of the
// classes.
func (l *Labels) Encode(s string) (int, error) {
	if l.Numeric {
		x, ok := data.ParseNumber(s)
		if ok {
			i := sort.Search(len(l.Classes), func(i int) bool { return l.value(i) >= x })
			if i < len(l.Classes) && l.value(i) == x {
				return i, nil
			}
		}
	} else {
		i := sort.SearchStrings(l.Classes, s)
		if i < len(l.Classes) && l.Classes[i] == s {
			return i, nil
		}
	}
	return -1, fmt.Errorf("prep: unknown class %q (classes: %s)", s, quoteList(l.Classes))
}

// value returns the number that numeric class i names.
func (l *Labels) value(i int) float64 {
	x, ok := data.ParseNumber(l.Classes[i])
	if !ok {
		return math.NaN()
	}
	return x
}

// Decode returns the name of class index i. It panics if i is out of range.
func (l *Labels) Decode(i int) string { return l.Classes[i] }

// className returns the name of class index c for messages, quoted, or the bare
// index when names has no entry for it.
func className(c int, names []string) string {
	if c >= 0 && c < len(names) {
		return strconv.Quote(names[c])
	}
	return strconv.Itoa(c)
}

// quoteList formats names as a comma-separated list of quoted strings.
func quoteList(names []string) string {
	s := ""
	for i, n := range names {
		if i > 0 {
			s += ", "
		}
		s += strconv.Quote(n)
	}
	return s
}
