package metrics

import "math"

// ROC is a receiver operating characteristic curve: at Thresholds[i], the
// samples scored >= Thresholds[i] are called positive, giving the false
// positive rate FPR[i] and the true positive rate TPR[i]. FPR and TPR
// increase; Thresholds decrease.
//
// Thresholds[0] is max(score) + 1, the point where nothing is called
// positive, as in scikit-learn <= 1.2; scikit-learn >= 1.3 uses +Inf there.
// A finite value keeps the curve encodable as JSON.
type ROC struct {
	FPR, TPR, Thresholds []float64
}

// ROCCurve returns the ROC curve of binary labels yTrue (0 or 1) and scores
// (higher means class 1), as scikit-learn's roc_curve with
// drop_intermediate=True: one point per distinct score, then the points that
// lie on a straight line between their neighbours are dropped. It accepts
// WithWeights.
//
// When yTrue (or its positive weight) holds one class only, the rate of the
// missing class is NaN throughout; ROCCurve returns that curve, as
// scikit-learn does with its warning, together with an error wrapping
// ErrUndefined.
//
// Reference: T. Fawcett, An introduction to ROC analysis, Pattern
// Recognition Letters 27(8):861-874, 2006.
func ROCCurve(yTrue []int, score []float64, opts ...Option) (ROC, error) {
	const fn = "ROCCurve"
	c, err := configure(fn, optWeights, opts)
	if err != nil {
		return ROC{}, err
	}
	if err := checkBinaryInput(fn, yTrue, "score", score, c.weights); err != nil {
		return ROC{}, err
	}
	roc := rocCurve(binaryCurve(yTrue, score, c.weights))
	return roc, undefinedRates(fn, roc)
}

// rocCurve turns cumulative counts into the ROC curve.
func rocCurve(cc clfCurve) ROC {
	fps, tps, thr := cc.fps, cc.tps, cc.thresholds
	if len(fps) > 2 {
		keep := []int{0}
		for i := 1; i < len(fps)-1; i++ {
			// numpy.diff(x, 2) != 0, in numpy's order of operations.
			d2f := (fps[i+1] - fps[i]) - (fps[i] - fps[i-1])
			d2t := (tps[i+1] - tps[i]) - (tps[i] - tps[i-1])
			if d2f != 0 || d2t != 0 {
				keep = append(keep, i)
			}
		}
		keep = append(keep, len(fps)-1)
		fps, tps, thr = pick(fps, keep), pick(tps, keep), pick(thr, keep)
	}

	n := len(fps) + 1
	roc := ROC{FPR: make([]float64, n), TPR: make([]float64, n), Thresholds: make([]float64, n)}
	roc.Thresholds[0] = thr[0] + 1
	copy(roc.Thresholds[1:], thr)
	negatives, positives := fps[len(fps)-1], tps[len(tps)-1]
	for i := range n {
		f, t := 0.0, 0.0
		if i > 0 {
			f, t = fps[i-1], tps[i-1]
		}
		roc.FPR[i] = rate(f, negatives)
		roc.TPR[i] = rate(t, positives)
	}
	return roc
}

// rate is x/total, or NaN when total is not positive (scikit-learn).
func rate(x, total float64) float64 {
	if total <= 0 {
		return math.NaN()
	}
	return x / total
}

// undefinedRates reports a curve whose rates are NaN (one class only).
func undefinedRates(fn string, roc ROC) error {
	switch {
	case math.IsNaN(roc.TPR[0]):
		return fail(fn, ErrUndefined, "no positive samples in yTrue, the true positive rate is NaN")
	case math.IsNaN(roc.FPR[0]):
		return fail(fn, ErrUndefined, "no negative samples in yTrue, the false positive rate is NaN")
	}
	return nil
}

func pick(x []float64, idx []int) []float64 {
	out := make([]float64, len(idx))
	for i, j := range idx {
		out[i] = x[j]
	}
	return out
}

// ROCAUC returns the area under the ROC curve of binary labels yTrue (0 or
// 1) and scores, as scikit-learn's roc_auc_score: the trapezoidal area under
// ROCCurve. It accepts WithWeights.
//
// ROC AUC is undefined when yTrue (or its positive weight) holds one class:
// ROCAUC then returns NaN (scikit-learn >= 1.6; <= 1.5 raises) with an error
// wrapping ErrUndefined, never 0 or 0.5.
func ROCAUC(yTrue []int, score []float64, opts ...Option) (float64, error) {
	const fn = "ROCAUC"
	c, err := configure(fn, optWeights, opts)
	if err != nil {
		return 0, err
	}
	if err := checkBinaryInput(fn, yTrue, "score", score, c.weights); err != nil {
		return 0, err
	}
	return binaryAUC(fn, yTrue, score, c.weights)
}

// binaryAUC computes ROC AUC of a validated input.
func binaryAUC(fn string, yTrue []int, score, weights []float64) (float64, error) {
	first, single := yTrue[0], true
	for _, y := range yTrue {
		single = single && y == first
	}
	if single {
		return math.NaN(), fail(fn, ErrUndefined,
			"only one class (%d) present in yTrue, ROC AUC is not defined", first)
	}
	roc := rocCurve(binaryCurve(yTrue, score, weights))
	if err := undefinedRates(fn, roc); err != nil {
		return math.NaN(), err
	}
	return trapezoid(roc.FPR, roc.TPR), nil
}

// trapezoid is numpy.trapz(y, x): the sum of dx * (y[i+1] + y[i]) / 2.
func trapezoid(x, y []float64) float64 {
	area := 0.0
	for i := 1; i < len(x); i++ {
		area += (x[i] - x[i-1]) * (y[i] + y[i-1]) / 2
	}
	return area
}

// AUC returns the area under the curve through the points (x[i], y[i]) by
// the trapezoidal rule, as scikit-learn's auc. The x values must be
// monotonic (increasing or decreasing; a decreasing x gives the same
// positive area), finite, and at least two.
func AUC(x, y []float64) (float64, error) {
	const fn = "AUC"
	if err := checkLen(fn, "x", len(x), "y", len(y)); err != nil {
		return 0, err
	}
	if len(x) < 2 {
		return 0, fail(fn, ErrInvalid, "need at least 2 points, got %d", len(x))
	}
	if err := checkFinite(fn, "x", x); err != nil {
		return 0, err
	}
	if err := checkFinite(fn, "y", y); err != nil {
		return 0, err
	}
	up, down := true, true
	for i := 1; i < len(x); i++ {
		up = up && x[i] >= x[i-1]
		down = down && x[i] <= x[i-1]
	}
	switch {
	case up:
		return trapezoid(x, y), nil
	case down:
		return -trapezoid(x, y), nil
	}
	return 0, fail(fn, ErrInvalid, "x is neither increasing nor decreasing")
}
