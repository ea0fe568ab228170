package metrics

import (
	"math"
	"slices"
)

// LogLoss returns the mean negative log-likelihood (cross-entropy) of class
// indices yTrue under predicted probabilities, as scikit-learn's log_loss
// with labels=range(k) (or [0, 1] when k = 1).
//
// prob is row-major with len(yTrue) rows and k columns: k = 1 means a binary
// problem and prob[i] is the probability of class 1; k >= 2 means k classes.
// Each probability is clipped to [eps, 1-eps] (eps = MachineEpsilon unless
// WithEps), so a confident miss costs -ln(eps) ≈ 36.04 instead of +Inf
// (scikit-learn issues #17399, PR #24365); then each row is divided by its
// sum, as scikit-learn 1.2 does. It accepts WithWeights and WithEps.
func LogLoss(yTrue []int, prob []float64, k int, opts ...Option) (float64, error) {
	const fn = "LogLoss"
	c, err := configure(fn, optWeights|optEps, opts)
	if err != nil {
		return 0, err
	}
	classes := k
	if k == 1 {
		classes = 2
	}
	if k < 1 {
		return 0, fail(fn, ErrInvalid, "k = %d columns, want at least 1", k)
	}
	if err := checkClasses(fn, "yTrue", yTrue, classes); err != nil {
		return 0, err
	}
	return logLoss(fn, yTrue, prob, k, c)
}

// LogLossLabels is LogLoss for string labels. The classes are the sorted
// WithLabels list or else the sorted distinct labels of yTrue; the columns of
// prob follow that sorted order (with k = 1, prob is the probability of the
// second class). With only one class the problem is unknown: without
// WithLabels that is an error wrapping ErrLabel that asks for them (as
// scikit-learn). A yTrue label outside WithLabels is an error too (scikit-
// learn 1.2 silently scores such a row 0). It accepts WithWeights, WithLabels
// and WithEps.
func LogLossLabels(yTrue []string, prob []float64, k int, opts ...Option) (float64, error) {
	const fn = "LogLossLabels"
	c, err := configure(fn, optWeights|optLabels|optEps, opts)
	if err != nil {
		return 0, err
	}
	if len(yTrue) == 0 {
		return 0, fail(fn, ErrEmpty, "yTrue has no elements")
	}
	classes := slices.Clone(yTrue)
	if c.set&optLabels != 0 {
		if _, err := checkLabelList(fn, c.labels); err != nil {
			return 0, err
		}
		classes = slices.Clone(c.labels)
	}
	slices.Sort(classes)
	classes = slices.Compact(classes)
	switch {
	case len(classes) == 1 && c.set&optLabels == 0:
		return 0, fail(fn, ErrLabel,
			"yTrue contains only one label (%q); give all classes with WithLabels", classes[0])
	case len(classes) == 1:
		return 0, fail(fn, ErrLabel, "WithLabels needs at least two labels for log loss, got %q", classes)
	case k == 1 && len(classes) != 2:
		return 0, fail(fn, ErrInvalid,
			"k = 1 (binary probabilities) but there are %d classes %q", len(classes), classes)
	case k != 1 && len(classes) != k:
		return 0, fail(fn, ErrInvalid,
			"prob has k = %d columns but there are %d classes %q", k, len(classes), classes)
	}

	index := make(map[string]int, len(classes))
	for i, name := range classes {
		index[name] = i
	}
	codes := make([]int, len(yTrue))
	for i, y := range yTrue {
		j, ok := index[y]
		if !ok {
			return 0, fail(fn, ErrLabel, "yTrue[%d] = %q is not among the labels %q", i, y, classes)
		}
		codes[i] = j
	}
	return logLoss(fn, codes, prob, k, c)
}

// logLoss computes the loss of validated class codes.
func logLoss(fn string, codes []int, prob []float64, k int, c config) (float64, error) {
	n := len(codes)
	if n == 0 {
		return 0, fail(fn, ErrEmpty, "yTrue has no elements")
	}
	if len(prob) != n*k {
		return 0, fail(fn, ErrLength, "prob has %d elements, want len(yTrue)*k = %d", len(prob), n*k)
	}
	if err := checkFinite(fn, "prob", prob); err != nil {
		return 0, err
	}
	if err := checkWeights(fn, c.weights, n); err != nil {
		return 0, err
	}
	clip := func(p float64) float64 { return min(max(p, c.eps), 1-c.eps) }

	loss := make([]float64, n)
	for i, y := range codes {
		var pTrue, rowSum float64
		if k == 1 {
			p := clip(prob[i])
			q := 1 - p
			rowSum = q + p
			pTrue = p
			if y == 0 {
				pTrue = q
			}
		} else {
			for j, p := range prob[i*k : (i+1)*k] {
				p = clip(p)
				rowSum += p
				if j == y {
					pTrue = p
				}
			}
		}
		loss[i] = -math.Log(pTrue / rowSum)
	}
	return average(loss, c.weights), nil
}

// BrierScore returns the mean squared difference between binary labels
// yTrue (0 or 1) and the predicted probability of class 1, as scikit-learn's
// brier_score_loss. Probabilities outside [0, 1] are an error wrapping
// ErrInvalid. It accepts WithWeights.
//
// Reference: G. W. Brier, Verification of forecasts expressed in terms of
// probability, Monthly Weather Review 78(1):1-3, 1950.
func BrierScore(yTrue []int, prob []float64, opts ...Option) (float64, error) {
	const fn = "BrierScore"
	c, err := configure(fn, optWeights, opts)
	if err != nil {
		return 0, err
	}
	if err := checkBinaryInput(fn, yTrue, "prob", prob, c.weights); err != nil {
		return 0, err
	}
	sq := make([]float64, len(yTrue))
	for i, p := range prob {
		if p < 0 || p > 1 {
			return 0, fail(fn, ErrInvalid, "prob[%d] = %v is outside [0, 1]", i, p)
		}
		d := float64(yTrue[i]) - p
		sq[i] = d * d
	}
	return average(sq, c.weights), nil
}
