package space

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
)

// MaxGridSize is the largest number of points Grid enumerates before it
// gives up with an error.
const MaxGridSize = 100_000

// ErrGridTooLarge is returned (wrapped) by Grid when the product of the
// parameters' values exceeds MaxGridSize.
var ErrGridTooLarge = errors.New("space: grid too large")

// Sample draws one point of the space: each parameter in order, skipping the
// ones whose condition does not hold for the values drawn before it. The
// space must be valid (see Validate); Sample panics on an empty choice list.
func (s *Space) Sample(rng *rand.Rand) Params {
	p := Params{}
	for _, q := range s.params {
		if !Active(q, p) {
			continue
		}
		p[q.key()] = q.sample(rng)
	}
	return p
}

// Grid enumerates the product of the values of the active parameters:
// every choice of a categorical, every value of an Int with Values, every
// step of an Int or stepped Float with at most points steps, and otherwise
// points values spaced evenly (geometrically for Log) from Low to High.
// Conditional parameters are enumerated only on the branches where they
// exist, so a grid over layers 1..2 with width_2 under "layers >= 2" holds
// one point for layers=1 per width_1 value. The first parameter varies
// slowest. Grid fails when the space is invalid, points < 1, or the grid
// would exceed MaxGridSize points.
func (s *Space) Grid(points int) ([]Params, error) {
	if points < 1 {
		return nil, fmt.Errorf("space: grid needs at least 1 point per continuous parameter, got %d", points)
	}
	if err := s.Validate(); err != nil {
		return nil, err
	}
	out := []Params{{}}
	for _, q := range s.params {
		values := q.grid(points)
		var next []Params
		for _, p := range out {
			if !Active(q, p) {
				next = append(next, p)
				continue
			}
			for _, v := range values {
				c := p.Clone()
				c[q.key()] = v
				next = append(next, c)
			}
			if len(next) > MaxGridSize {
				return nil, fmt.Errorf("%w: more than %d points after parameter %q; use fewer points or fix parameters",
					ErrGridTooLarge, MaxGridSize, q.key())
			}
		}
		out = next
	}
	return out, nil
}

// Active reports whether parameter q exists at point p: it has no
// condition, or the parameter its condition tests is present in p with a
// value that meets it. Samplers call it with the values drawn so far.
func Active(q Param, p Params) bool {
	c := q.cond()
	if c == nil {
		return true
	}
	v, ok := p[c.Param]
	return ok && c.Holds(v)
}

func (p Int) sample(rng *rand.Rand) any {
	switch {
	case len(p.Values) > 0:
		return p.Values[rng.IntN(len(p.Values))]
	case p.Log:
		lo, hi := math.Log(float64(p.Low)), math.Log(float64(p.High)+1)
		v := int(math.Exp(lo + rng.Float64()*(hi-lo)))
		return min(max(v, p.Low), p.High)
	default:
		n := (p.High-p.Low)/p.step() + 1
		return p.Low + rng.IntN(n)*p.step()
	}
}

func (p Float) sample(rng *rand.Rand) any {
	switch {
	case p.Log:
		lo, hi := math.Log(p.Low), math.Log(p.High)
		return min(max(math.Exp(lo+rng.Float64()*(hi-lo)), p.Low), p.High)
	case p.Step > 0:
		n := int(math.Round((p.High-p.Low)/p.Step)) + 1
		return tidy(p.Low + float64(rng.IntN(n))*p.Step)
	default:
		return p.Low + rng.Float64()*(p.High-p.Low)
	}
}

func (p Int) grid(points int) []any {
	if len(p.Values) > 0 {
		return toAny(p.Values)
	}
	n := (p.High-p.Low)/p.step() + 1
	var out []any
	if n <= points {
		for k := range n {
			out = append(out, p.Low+k*p.step())
		}
		return out
	}
	for _, f := range spread(points, n, p.Log, float64(p.Low), float64(p.High)) {
		var v int
		if p.Log {
			v = int(math.Round(f))
		} else {
			v = p.Low + int(math.Round(f))*p.step()
		}
		out = appendNew(out, v)
	}
	return out
}

func (p Float) grid(points int) []any {
	n := 0
	if p.Step > 0 {
		n = int(math.Round((p.High-p.Low)/p.Step)) + 1
	}
	var out []any
	for _, f := range spread(points, n, p.Log, p.Low, p.High) {
		v := f
		if p.Step > 0 && !p.Log {
			v = tidy(p.Low + f*p.Step)
		}
		out = appendNew(out, v)
	}
	return out
}

// spread returns the positions a grid visits. With n > 0 discrete steps
// (and no log scale) it returns step indexes: all of them when n <= points,
// else points indexes spread evenly. Otherwise it returns points values from
// low to high, spaced evenly or geometrically, or the middle when points is 1.
func spread(points, n int, log bool, low, high float64) []float64 {
	if n > 0 && !log {
		if n <= points {
			points = n
		}
		low, high = 0, float64(n-1)
	}
	out := make([]float64, points)
	for i := range out {
		t := 0.5
		if points > 1 {
			t = float64(i) / float64(points-1)
		}
		switch {
		case points > 1 && i == 0:
			out[i] = low
		case points > 1 && i == points-1:
			out[i] = high
		case log:
			out[i] = tidy(math.Exp(math.Log(low) + t*(math.Log(high)-math.Log(low))))
		default:
			out[i] = low + t*(high-low)
		}
	}
	if n > 0 && !log {
		for i := range out {
			out[i] = math.Round(out[i])
		}
	}
	return out
}

// appendNew appends v unless out already holds it.
func appendNew[T comparable](out []any, v T) []any {
	for _, o := range out {
		if o == any(v) {
			return out
		}
	}
	return append(out, v)
}

// tidy rounds v to 12 significant digits, so that 3 steps of 0.1 print as
// 0.3 rather than 0.30000000000000004.
func tidy(v float64) float64 {
	t, err := strconv.ParseFloat(strconv.FormatFloat(v, 'g', 12, 64), 64)
	if err != nil {
		return v
	}
	return t
}
