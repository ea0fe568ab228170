package prep

import (
	"cmp"
	"fmt"
	"math"
	"slices"

	"github.com/tunebook/tunebook/automl/data"
)

// MaxLevels is the largest number of levels of a categorical column that
// get their own one-hot column. When the training rows hold more, the
// MaxLevels most frequent levels keep theirs and the rest share the
// column's "(other)" column.
const MaxLevels = 64

// Feature is the fitted encoding of one input column. Numeric and boolean
// columns become one standardised column, plus a missing-value indicator
// when the training rows had missing values; categorical columns become
// one-hot columns. All fields are finite, so a Feature encodes to JSON.
type Feature struct {
	// Column is the input column's name; Kind its kind in the training data.
	Column string    `json:"column"`
	Kind   data.Kind `json:"kind"`

	// Median replaces missing values of a numeric or boolean column before
	// standardising with Mean and Scale: x' = (x - Mean) / Scale.
	Median float64 `json:"median,omitempty"`
	Mean   float64 `json:"mean,omitempty"`
	Scale  float64 `json:"scale,omitempty"`
	// Indicator adds a column that is 1 where the value was missing.
	Indicator bool `json:"indicator,omitempty"`

	// Levels are the categorical levels with a one-hot column each.
	Levels []string `json:"levels,omitempty"`
	// MissingLevel adds a column that is 1 where the value is missing; it
	// is set when the training rows had missing values.
	MissingLevel bool `json:"missing_level,omitempty"`
	// Other adds a column that is 1 for a level without its own column: a
	// level beyond the MaxLevels most frequent in training or, at
	// prediction time, a level never seen in training. It is set only when
	// training had such levels; otherwise an unseen level encodes as all
	// zeros, like scikit-learn's OneHotEncoder(handle_unknown="ignore").
	Other bool `json:"other,omitempty"`
}

// Width returns the number of matrix columns the feature produces.
func (ft *Feature) Width() int {
	if ft.Kind != data.Categorical {
		return 1 + b2i(ft.Indicator)
	}
	return len(ft.Levels) + b2i(ft.MissingLevel) + b2i(ft.Other)
}

// Names returns the names of the matrix columns the feature produces:
// "glucose" and "glucose (missing)" for a numeric column, "owner=yes",
// "owner (missing)" and "owner (other)" for a categorical one.
func (ft *Feature) Names() []string {
	if ft.Kind != data.Categorical {
		if ft.Indicator {
			return []string{ft.Column, ft.Column + " (missing)"}
		}
		return []string{ft.Column}
	}
	names := make([]string, 0, ft.Width())
	for _, l := range ft.Levels {
		names = append(names, ft.Column+"="+l)
	}
	if ft.MissingLevel {
		names = append(names, ft.Column+" (missing)")
	}
	if ft.Other {
		names = append(names, ft.Column+" (other)")
	}
	return names
}

// fitNumeric fits the imputation and standardisation of a numeric or
// boolean column on the given rows. ok is false when the rows hold no value.
func fitNumeric(col *data.Column, rows []int) (ft Feature, ok bool) {
	var vals []float64
	for _, r := range rows {
		if !col.Missing[r] {
			vals = append(vals, col.Num[r])
		}
	}
	if len(vals) == 0 {
		return Feature{}, false
	}
	ft = Feature{Column: col.Name, Kind: col.Kind, Median: median(vals), Indicator: len(vals) < len(rows)}

	// Mean and population variance of the imputed values by the two-pass
	// algorithm, as scikit-learn's SimpleImputer + StandardScaler.
	n := float64(len(rows))
	sum := 0.0
	for _, r := range rows {
		sum += ft.impute(col, r)
	}
	ft.Mean = sum / n
	ss := 0.0
	for _, r := range rows {
		d := ft.impute(col, r) - ft.Mean
		ss += d * d
	}
	variance := ss / n
	ft.Scale = math.Sqrt(variance)
	if isConstant(variance, ft.Mean, n) {
		ft.Scale = 1
	}
	return ft, true
}

// impute returns row r's value, or the median when it is missing.
func (ft *Feature) impute(col *data.Column, r int) float64 {
	if col.Missing[r] {
		return ft.Median
	}
	return col.Num[r]
}

// isConstant reports whether a variance computed from n values with the
// given mean is indistinguishable from zero given the rounding error bound
// of the two-pass algorithm (Chan, Golub and LeVeque, Algorithms for
// computing the sample variance: analysis and recommendations, The American
// Statistician 37(3), 1983), the test scikit-learn's StandardScaler uses
// before giving a constant column a scale of 1.
func isConstant(variance, mean, n float64) bool {
	const eps = 0x1p-52
	bound := n*eps*variance + (n*mean*eps)*(n*mean*eps)
	return variance <= bound
}

// median returns the median of vals (the mean of the two middle values for
// an even count); it reorders vals.
func median(vals []float64) float64 {
	slices.Sort(vals)
	m := len(vals) / 2
	if len(vals)%2 == 1 {
		return vals[m]
	}
	return (vals[m-1] + vals[m]) / 2
}

// fitCategorical fits the one-hot encoding of a categorical column on the
// given rows. ok is false when the rows hold no value; note tells about
// levels beyond MaxLevels.
func fitCategorical(col *data.Column, rows []int) (ft Feature, note string, ok bool) {
	counts := make(map[string]int)
	missing := false
	for _, r := range rows {
		if col.Missing[r] {
			missing = true
			continue
		}
		counts[col.Str[r]]++
	}
	if len(counts) == 0 {
		return Feature{}, "", false
	}

	levels := make([]string, 0, len(counts))
	for l := range counts {
		levels = append(levels, l)
	}
	ft = Feature{Column: col.Name, Kind: data.Categorical, MissingLevel: missing}
	if len(levels) > MaxLevels {
		slices.SortFunc(levels, func(a, b string) int {
			return cmp.Or(cmp.Compare(counts[b], counts[a]), cmp.Compare(a, b))
		})
		note = fmt.Sprintf("column %q has %d levels in the training rows; the %d most frequent get a column each, "+
			"the others share %q", col.Name, len(levels), MaxLevels, col.Name+" (other)")
		levels = levels[:MaxLevels]
		ft.Other = true
	}
	data.SortLevels(levels)
	ft.Levels = levels
	return ft, note, true
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}
