package metrics

import (
	"errors"
	"fmt"
	"math"
)

// Sentinel errors. Every error returned by this package wraps one of them and
// names the function and the argument at fault, for example
// "metrics: ROCAUC: score[1] is NaN: input contains NaN or infinity".
var (
	// ErrEmpty reports an input without any sample.
	ErrEmpty = errors.New("empty input")
	// ErrLength reports arguments whose lengths do not match.
	ErrLength = errors.New("length mismatch")
	// ErrNonFinite reports a NaN or an infinity in a score, probability,
	// prediction, target or weight. Inputs are checked before anything is
	// sorted, so a NaN never produces a curve.
	ErrNonFinite = errors.New("input contains NaN or infinity")
	// ErrLabel reports a class label outside the allowed set.
	ErrLabel = errors.New("invalid label")
	// ErrInvalid reports any other invalid argument or option.
	ErrInvalid = errors.New("invalid argument")
	// ErrUndefined reports a metric that is not defined for the input, such
	// as ROC AUC when yTrue holds one class. Functions that return it also
	// return the value scikit-learn returns together with its
	// UndefinedMetricWarning (documented per function), so callers that
	// accept that convention can test errors.Is(err, ErrUndefined) and keep
	// the value.
	ErrUndefined = errors.New("metric undefined for this input")
)

// fail builds the package's error: function, detail, then the sentinel.
func fail(fn string, sentinel error, format string, args ...any) error {
	return fmt.Errorf("metrics: %s: %s: %w", fn, fmt.Sprintf(format, args...), sentinel)
}

// checkFinite rejects NaN and infinities in x, naming arg and the index.
func checkFinite(fn, arg string, x []float64) error {
	for i, v := range x {
		switch {
		case math.IsNaN(v):
			return fail(fn, ErrNonFinite, "%s[%d] is NaN", arg, i)
		case math.IsInf(v, 0):
			return fail(fn, ErrNonFinite, "%s[%d] is %v (infinity)", arg, i, v)
		}
	}
	return nil
}

// checkLen requires n > 0 samples in the reference argument and the same
// count in the other argument.
func checkLen(fn, refArg string, n int, arg string, m int) error {
	if n == 0 {
		return fail(fn, ErrEmpty, "%s has no elements", refArg)
	}
	if m != n {
		return fail(fn, ErrLength, "%s has %d elements, %s has %d", arg, m, refArg, n)
	}
	return nil
}

// checkWeights validates optional sample weights for n samples: nil is
// accepted (all ones); otherwise the length must be n, every weight finite and
// non-negative, and the total positive.
func checkWeights(fn string, w []float64, n int) error {
	if w == nil {
		return nil
	}
	if len(w) != n {
		return fail(fn, ErrLength, "weights has %d elements, want %d", len(w), n)
	}
	if err := checkFinite(fn, "weights", w); err != nil {
		return err
	}
	total := 0.0
	for i, v := range w {
		if v < 0 {
			return fail(fn, ErrInvalid, "weights[%d] = %v is negative", i, v)
		}
		total += v
	}
	if total == 0 {
		return fail(fn, ErrInvalid, "weights sum to zero")
	}
	return nil
}

// checkClasses requires every y[i] to be a class index in [0, k).
func checkClasses(fn, arg string, y []int, k int) error {
	for i, v := range y {
		if v < 0 || v >= k {
			return fail(fn, ErrLabel, "%s[%d] = %d, want a class index in [0, %d)", arg, i, v, k)
		}
	}
	return nil
}

// checkBinaryInput validates a binary yTrue (0 or 1), finite scores (named
// arg) of the same length and optional weights.
func checkBinaryInput(fn string, yTrue []int, arg string, score, weights []float64) error {
	if err := checkLen(fn, "yTrue", len(yTrue), arg, len(score)); err != nil {
		return err
	}
	if err := checkClasses(fn, "yTrue", yTrue, 2); err != nil {
		return err
	}
	if err := checkFinite(fn, arg, score); err != nil {
		return err
	}
	return checkWeights(fn, weights, len(yTrue))
}

// weightAt returns the weight of sample i (1 when w is nil).
func weightAt(w []float64, i int) float64 {
	if w == nil {
		return 1
	}
	return w[i]
}

// average is numpy.average(x, weights=w): the mean of x when w is nil,
// otherwise sum(w*x)/sum(w).
func average(x, w []float64) float64 {
	if w == nil {
		s := 0.0
		for _, v := range x {
			s += v
		}
		return s / float64(len(x))
	}
	s, sw := 0.0, 0.0
	for i, v := range x {
		s += w[i] * v
		sw += w[i]
	}
	return s / sw
}
