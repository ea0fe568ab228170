package data

import (
	"math"
	"sort"
	"strconv"
)

// DefaultMissing lists the tokens read as missing values when
// Options.Missing is nil: the empty field and the usual spellings of "not
// available" written by R, pandas, SQL exports and the UCI repository.
var DefaultMissing = []string{"", "NA", "N/A", "NaN", "nan", "null", "NULL", "?"}

// ParseNumber reads s as a finite decimal number such as "3", "-0.25" or
// "1.5e-3". Unlike strconv.ParseFloat it rejects "Inf", "NaN", hexadecimal
// and digit-separator forms, and numbers too large for a float64, so that a
// column of such tokens is not silently read as numbers.
func ParseNumber(s string) (float64, bool) {
	if s == "" {
		return 0, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E' {
			return 0, false
		}
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// ParseBool reads the boolean tokens true, True, TRUE (1) and false, False,
// FALSE (0), the spellings written by Python, R and spreadsheets. Other
// two-valued tokens such as yes/no, t/f or 0/1 are not booleans: yes/no
// columns are categorical with two levels and 0/1 columns are numeric.
func ParseBool(s string) (float64, bool) {
	switch s {
	case "true", "True", "TRUE":
		return 1, true
	case "false", "False", "FALSE":
		return 0, true
	}
	return 0, false
}

// formatNumber writes v in its shortest exact decimal form, as used for the
// levels of numeric columns ("1", "0.5").
func formatNumber(v float64) string {
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// SortLevels sorts class labels or category levels in place: by numeric
// value when every level is a number (so "2" comes before "10"), otherwise
// in byte order, which for UTF-8 is code-point order, the order of Python's
// sorted() and so of scikit-learn's LabelEncoder for string labels.
func SortLevels(levels []string) {
	nums := make([]float64, len(levels))
	for i, s := range levels {
		v, ok := ParseNumber(s)
		if !ok {
			sort.Strings(levels)
			return
		}
		nums[i] = v
	}
	sort.Sort(byNumber{levels, nums})
}

// byNumber sorts strings by their parsed values, ties in byte order.
type byNumber struct {
	s []string
	v []float64
}

func (b byNumber) Len() int { return len(b.s) }
func (b byNumber) Less(i, j int) bool {
	if b.v[i] != b.v[j] {
		return b.v[i] < b.v[j]
	}
	return b.s[i] < b.s[j]
}
func (b byNumber) Swap(i, j int) {
	b.s[i], b.s[j] = b.s[j], b.s[i]
	b.v[i], b.v[j] = b.v[j], b.v[i]
}
