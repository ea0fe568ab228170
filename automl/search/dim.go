package search

import (
	"math"
	"slices"
	"strconv"

	"github.com/tunebook/tunebook/automl/space"
)

// dim is a parameter as TPE models it: a numeric interval, on a log scale
// for Log parameters, or a list of choices (categorical parameters and
// integers given as Values).
type dim struct {
	name string

	// A numeric dim: the interval [low, high] in model units, the
	// parameter's own bounds, and its grid step (0 for a continuous Float).
	low, high   float64
	pLow, pHigh float64
	step        float64
	log, isInt  bool

	// A categorical dim: the values in order.
	choices []any
}

// newDim describes q for TPE. An integer or stepped interval is widened by
// half a step at both ends, so that its end values are as likely as the
// others once rounded.
func newDim(q space.Param) dim {
	switch q := q.(type) {
	case space.Int:
		if len(q.Values) > 0 {
			return dim{name: q.Name, choices: toAnySlice(q.Values)}
		}
		step := float64(max(q.Step, 1))
		d := dim{name: q.Name, pLow: float64(q.Low), pHigh: float64(q.High), step: step,
			log: q.Log, isInt: true}
		d.low, d.high = d.pLow-step/2, d.pHigh+step/2
		if q.Log {
			d.low, d.high = math.Log(d.pLow-0.5), math.Log(d.pHigh+0.5)
		}
		return d
	case space.Float:
		d := dim{name: q.Name, pLow: q.Low, pHigh: q.High, step: q.Step, log: q.Log}
		switch {
		case q.Log:
			d.low, d.high = math.Log(q.Low), math.Log(q.High)
		case q.Step > 0:
			d.low, d.high = q.Low-q.Step/2, q.High+q.Step/2
		default:
			d.low, d.high = q.Low, q.High
		}
		return d
	case space.Categorical:
		return dim{name: q.Name, choices: toAnySlice(q.Choices)}
	}
	panic("search: unknown parameter kind")
}

func toAnySlice[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

func (d dim) categorical() bool { return d.choices != nil }

// encode returns the model value of the parameter in p: the position of
// its choice for a categorical dim. It reports false when p lacks the
// parameter or holds a value the dim does not know.
func (d dim) encode(p space.Params) (float64, bool) {
	v, ok := p[d.name]
	if !ok {
		return 0, false
	}
	if d.categorical() {
		i := slices.IndexFunc(d.choices, func(c any) bool { return sameValue(c, v) })
		return float64(i), i >= 0
	}
	x := p.Float(d.name)
	if d.log {
		x = math.Log(x)
	}
	return x, !math.IsNaN(x) && x >= d.low && x <= d.high
}

// sameValue compares a choice with a value that may have come through JSON
// (an int choice then arrives as float64).
func sameValue(choice, v any) bool {
	if n, ok := choice.(int); ok {
		if f, ok := v.(float64); ok {
			return float64(n) == f
		}
	}
	return choice == v
}

// decode turns a model value into the parameter's value: rounded to the
// grid and kept within the parameter's bounds.
func (d dim) decode(x float64) any {
	if d.categorical() {
		return d.choices[int(x)]
	}
	if d.log {
		x = math.Exp(x)
	}
	if d.isInt {
		var v float64
		if d.log {
			v = math.Round(x)
		} else {
			v = d.pLow + math.Round((x-d.pLow)/d.step)*d.step
		}
		return int(math.Min(math.Max(v, d.pLow), d.pHigh))
	}
	if d.step > 0 {
		x = d.pLow + math.Round((x-d.pLow)/d.step)*d.step
		x, _ = strconv.ParseFloat(strconv.FormatFloat(x, 'g', 12, 64), 64)
	}
	return math.Min(math.Max(x, d.pLow), d.pHigh)
}
