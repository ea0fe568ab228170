package automl

import (
	"math"
	"sort"

	"github.com/tunebook/tunebook/automl/search"
)

// Importance is how much of the variation in the objective across
// completed trials one search parameter explains, from 0 to 1.
type Importance struct {
	Param string
	Value float64
}

// importance estimates each parameter's share of the objective's variance
// with the correlation ratio η² (Fisher, 1925): trials are grouped by the
// parameter's value (numeric values in up to four quantile bins), and η² is
// the between-group sum of squares over the total. Values are normalised to
// sum to 1. Parameters absent from a trial (conditional ones) form their own
// group. It returns nil with fewer than 8 completed trials, where such
// estimates mean little.
func importance(s *search.Study) []Importance {
	if s == nil {
		return nil
	}
	trials := s.Completed()
	if len(trials) < 8 {
		return nil
	}
	values := make([]float64, len(trials))
	names := map[string]bool{}
	for i, t := range trials {
		values[i] = t.Value
		for _, k := range t.Params.Keys() {
			names[k] = true
		}
	}
	total := sumSquares(values)
	if total == 0 {
		return nil
	}
	var out []Importance
	var sum float64
	for name := range names {
		groups := groupBy(trials, name)
		between := 0.0
		mean := meanOf(values)
		for _, g := range groups {
			gm := meanOf(g)
			between += float64(len(g)) * (gm - mean) * (gm - mean)
		}
		eta := between / total
		out = append(out, Importance{Param: name, Value: eta})
		sum += eta
	}
	for i := range out {
		out[i].Value /= sum
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Value != out[j].Value {
			return out[i].Value > out[j].Value
		}
		return out[i].Param < out[j].Param
	})
	return out
}

// groupBy splits the trials' objective values by the value of one
// parameter: categorical values as they are, numbers by quartile bins.
func groupBy(trials []search.Trial, name string) map[string][]float64 {
	var nums []float64
	for _, t := range trials {
		if v, ok := t.Params[name].(float64); ok {
			nums = append(nums, v)
		} else if v, ok := t.Params[name].(int); ok {
			nums = append(nums, float64(v))
		}
	}
	sort.Float64s(nums)
	bin := func(v float64) string {
		for q := 1; q < 4; q++ {
			if v <= nums[(len(nums)*q)/4] {
				return string(rune('0' + q))
			}
		}
		return "4"
	}
	groups := map[string][]float64{}
	for _, t := range trials {
		key := "(absent)"
		switch v := t.Params[name].(type) {
		case string:
			key = v
		case float64:
			key = bin(v)
		case int:
			key = bin(float64(v))
		}
		groups[key] = append(groups[key], t.Value)
	}
	return groups
}

func meanOf(v []float64) float64 {
	s := 0.0
	for _, x := range v {
		s += x
	}
	return s / float64(len(v))
}

func sumSquares(v []float64) float64 {
	m := meanOf(v)
	s := 0.0
	for _, x := range v {
		s += (x - m) * (x - m)
	}
	if math.IsNaN(s) {
		return 0
	}
	return s
}
