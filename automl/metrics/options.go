package metrics

import (
	"fmt"
	"math"
	"strings"
)

// MachineEpsilon is the float64 machine epsilon, 2^-52, the default clipping
// bound of LogLoss (scikit-learn's eps="auto").
const MachineEpsilon = 0x1p-52

// Average selects how per-class precision, recall and F-scores are combined,
// as scikit-learn's average argument. The zero value is not a valid Average.
type Average int

const (
	// AverageBinary reports the scores of the positive class only: class
	// index 1 in the integer functions, the WithPosLabel label in the
	// string functions.
	AverageBinary Average = iota + 1
	// AverageMicro pools the counts of all labels, then divides once.
	AverageMicro
	// AverageMacro is the unweighted mean of the per-label scores.
	AverageMacro
	// AverageWeighted is the mean of the per-label scores weighted by each
	// label's support (its total true weight).
	AverageWeighted
)

// String returns scikit-learn's name for a.
func (a Average) String() string {
	switch a {
	case AverageBinary:
		return "binary"
	case AverageMicro:
		return "micro"
	case AverageMacro:
		return "macro"
	case AverageWeighted:
		return "weighted"
	}
	return fmt.Sprintf("Average(%d)", int(a))
}

// ZeroDivision selects the value of a precision, recall or F-score whose
// denominator is zero, as scikit-learn's zero_division argument. Whatever the
// choice, the ill-defined values are listed in the Warnings of the result.
type ZeroDivision int

const (
	// ZeroDivisionZero sets ill-defined values to 0 (scikit-learn's default
	// "warn" and zero_division=0).
	ZeroDivisionZero ZeroDivision = iota
	// ZeroDivisionOne sets ill-defined values to 1 (zero_division=1).
	ZeroDivisionOne
	// ZeroDivisionNaN sets ill-defined values to NaN and leaves them out of
	// macro and weighted averages (zero_division=np.nan, scikit-learn >= 1.3).
	ZeroDivisionNaN
)

// Option configures a metric function. Each function documents the options
// it accepts; passing another one is an error wrapping ErrInvalid, never
// silently ignored.
type Option func(*config)

// optionSet is a bit set of option kinds.
type optionSet uint

const (
	optWeights optionSet = 1 << iota
	optLabels
	optPosLabel
	optAverage
	optBeta
	optZeroDivision
	optEps
	optForceFinite
)

var optionNames = []string{
	"WithWeights", "WithLabels", "WithPosLabel", "WithAverage",
	"WithBeta", "WithZeroDivision", "WithEps", "WithForceFinite",
}

// config is the result of applying options.
type config struct {
	set         optionSet
	weights     []float64
	labels      []string
	posLabel    string
	average     Average
	beta        float64
	zeroDiv     ZeroDivision
	eps         float64
	forceFinite bool
}

// WithWeights sets per-sample weights (scikit-learn's sample_weight). They
// must be finite and non-negative with a positive sum; nil means all ones.
func WithWeights(w []float64) Option {
	return func(c *config) { c.weights, c.set = w, c.set|optWeights }
}

// WithLabels sets the label list of a string-label function: which labels
// are scored and in which order (scikit-learn's labels). Without it the
// labels are the sorted union of those present. Duplicates are an error.
func WithLabels(labels ...string) Option {
	return func(c *config) { c.labels, c.set = labels, c.set|optLabels }
}

// WithPosLabel sets the positive label of a string-label function for
// AverageBinary (scikit-learn's pos_label).
func WithPosLabel(label string) Option {
	return func(c *config) { c.posLabel, c.set = label, c.set|optPosLabel }
}

// WithAverage sets how per-label scores are combined.
func WithAverage(a Average) Option {
	return func(c *config) { c.average, c.set = a, c.set|optAverage }
}

// WithBeta sets the beta of the F-score (default 1, the F1 score): recall is
// beta times as important as precision. Beta must be >= 0; +Inf gives recall.
func WithBeta(beta float64) Option {
	return func(c *config) { c.beta, c.set = beta, c.set|optBeta }
}

// WithZeroDivision sets the value of ill-defined precision, recall and
// F-scores (default ZeroDivisionZero).
func WithZeroDivision(z ZeroDivision) Option {
	return func(c *config) { c.zeroDiv, c.set = z, c.set|optZeroDivision }
}

// WithEps sets the clipping bound of LogLoss: probabilities are clipped to
// [eps, 1-eps]. The default is MachineEpsilon; scikit-learn < 1.2 used 1e-15.
func WithEps(eps float64) Option {
	return func(c *config) { c.eps, c.set = eps, c.set|optEps }
}

// WithForceFinite selects R2's convention for a constant yTrue (scikit-learn's
// force_finite, default true): with true, R2 is 1 for a perfect prediction and
// 0 otherwise; with false, it is the raw NaN or -Inf, returned with an error
// wrapping ErrUndefined.
func WithForceFinite(on bool) Option {
	return func(c *config) { c.forceFinite, c.set = on, c.set|optForceFinite }
}

// configure applies opts for function fn, which accepts the options in
// allowed, and validates their values.
func configure(fn string, allowed optionSet, opts []Option) (config, error) {
	c := config{beta: 1, eps: MachineEpsilon, forceFinite: true}
	for _, o := range opts {
		if o != nil {
			o(&c)
		}
	}
	if bad := c.set &^ allowed; bad != 0 {
		var names []string
		for i, name := range optionNames {
			if bad&(1<<i) != 0 {
				names = append(names, name)
			}
		}
		return c, fail(fn, ErrInvalid, "option %s does not apply", strings.Join(names, ", "))
	}
	if c.set&optAverage != 0 && (c.average < AverageBinary || c.average > AverageWeighted) {
		return c, fail(fn, ErrInvalid, "unknown average %v", c.average)
	}
	if math.IsNaN(c.beta) || c.beta < 0 {
		return c, fail(fn, ErrInvalid, "beta = %v, want >= 0", c.beta)
	}
	if c.zeroDiv < ZeroDivisionZero || c.zeroDiv > ZeroDivisionNaN {
		return c, fail(fn, ErrInvalid, "unknown zero division mode %d", int(c.zeroDiv))
	}
	if !(c.eps > 0 && c.eps < 0.5) {
		return c, fail(fn, ErrInvalid, "eps = %v, want 0 < eps < 0.5", c.eps)
	}
	return c, nil
}
