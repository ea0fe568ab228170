package metrics

import "math"

// ThresholdCurve holds precision, recall and F1 of the class-1 decision
// "score >= Thresholds[i]" at every distinct score, Thresholds increasing;
// it is the data of a threshold plot.
type ThresholdCurve struct {
	Thresholds, Precision, Recall, F1 []float64
}

// ThresholdScores returns the ThresholdCurve of binary labels yTrue (0 or 1)
// and scores. Precision and recall are those of PRCurve without its end
// point; F1 is computed from counts, 2tp / (2tp + fp + fn). It accepts
// WithWeights.
//
// Without any positive sample, recall is set to 1 and F1 is 0 at every
// threshold, and an error wrapping ErrUndefined is returned with the curve.
func ThresholdScores(yTrue []int, score []float64, opts ...Option) (ThresholdCurve, error) {
	const fn = "ThresholdScores"
	c, err := configure(fn, optWeights, opts)
	if err != nil {
		return ThresholdCurve{}, err
	}
	if err := checkBinaryInput(fn, yTrue, "score", score, c.weights); err != nil {
		return ThresholdCurve{}, err
	}
	cc := binaryCurve(yTrue, score, c.weights)
	pr, err := prCurve(fn, cc)

	n := len(cc.tps)
	positives := cc.tps[n-1]
	tc := ThresholdCurve{
		Thresholds: pr.Thresholds,
		Precision:  pr.Precision[:n],
		Recall:     pr.Recall[:n],
		F1:         make([]float64, n),
	}
	for i := range n {
		// Ascending thresholds walk the decreasing-score counts backwards.
		tp, fp := cc.tps[n-1-i], cc.fps[n-1-i]
		// 2tp + fp + fn = tp + fp + positives > 0: at least one sample is
		// called positive at every threshold.
		tc.F1[i] = 2 * tp / (tp + fp + positives)
	}
	return tc, err
}

// BestF1 returns the threshold with the highest F1 and that F1; among equal
// F1 values it returns the lowest threshold (the first, as numpy.argmax).
// It returns NaN, NaN for an empty curve.
func (c ThresholdCurve) BestF1() (threshold, f1 float64) {
	threshold, f1 = math.NaN(), math.NaN()
	for i, v := range c.F1 {
		if i == 0 || v > f1 {
			threshold, f1 = c.Thresholds[i], v
		}
	}
	return threshold, f1
}
