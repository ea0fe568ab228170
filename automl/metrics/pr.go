package metrics

import "slices"

// PR is a precision-recall curve as scikit-learn returns it: Thresholds
// increase, one per distinct score; Precision[i] and Recall[i] are those of
// calling positive the samples scored >= Thresholds[i]. Precision and Recall
// hold one more point than Thresholds, the end point (recall 0, precision 1)
// that has no threshold. Recall decreases.
type PR struct {
	Precision, Recall, Thresholds []float64
}

// PRCurve returns the precision-recall curve of binary labels yTrue (0 or 1)
// and scores, as scikit-learn's precision_recall_curve. It accepts
// WithWeights.
//
// Without any positive sample, recall is undefined: PRCurve then sets it to
// 1 at every threshold, as scikit-learn does with its warning, and returns
// the curve with an error wrapping ErrUndefined.
func PRCurve(yTrue []int, score []float64, opts ...Option) (PR, error) {
	const fn = "PRCurve"
	c, err := configure(fn, optWeights, opts)
	if err != nil {
		return PR{}, err
	}
	if err := checkBinaryInput(fn, yTrue, "score", score, c.weights); err != nil {
		return PR{}, err
	}
	return prCurve(fn, binaryCurve(yTrue, score, c.weights))
}

// prCurve turns cumulative counts into the precision-recall curve.
func prCurve(fn string, cc clfCurve) (PR, error) {
	n := len(cc.tps)
	positives := cc.tps[n-1]
	pr := PR{
		Precision:  make([]float64, n+1),
		Recall:     make([]float64, n+1),
		Thresholds: slices.Clone(cc.thresholds),
	}
	for i := range n {
		// scikit-learn leaves precision 0 where nothing is predicted.
		if ps := cc.tps[i] + cc.fps[i]; ps != 0 {
			pr.Precision[i] = cc.tps[i] / ps
		}
		pr.Recall[i] = 1
		if positives != 0 {
			pr.Recall[i] = cc.tps[i] / positives
		}
	}
	slices.Reverse(pr.Precision[:n])
	slices.Reverse(pr.Recall[:n])
	slices.Reverse(pr.Thresholds)
	pr.Precision[n], pr.Recall[n] = 1, 0
	if positives == 0 {
		return pr, fail(fn, ErrUndefined, "no positive samples in yTrue, recall is set to 1")
	}
	return pr, nil
}

// AveragePrecision returns the average precision of binary labels yTrue (0
// or 1) and scores, as scikit-learn's average_precision_score: the step sum
// over thresholds of (R[n] - R[n-1]) * P[n], not the trapezoidal area under
// the precision-recall curve, which linear interpolation makes too
// optimistic (scikit-learn issues #6377, #5379; PR #9017). With constant
// scores it equals the share of positives. It accepts WithWeights.
//
// Without any positive sample, AP is ill-defined: AveragePrecision returns
// 0, the value scikit-learn returns with its warning, and an error wrapping
// ErrUndefined.
//
// Reference: C. D. Manning, P. Raghavan and H. Schütze, Introduction to
// Information Retrieval, section 8.4, Cambridge University Press, 2008.
func AveragePrecision(yTrue []int, score []float64, opts ...Option) (float64, error) {
	const fn = "AveragePrecision"
	c, err := configure(fn, optWeights, opts)
	if err != nil {
		return 0, err
	}
	if err := checkBinaryInput(fn, yTrue, "score", score, c.weights); err != nil {
		return 0, err
	}
	pr, err := prCurve(fn, binaryCurve(yTrue, score, c.weights))
	ap := 0.0
	for i := 0; i+1 < len(pr.Recall); i++ {
		ap -= (pr.Recall[i+1] - pr.Recall[i]) * pr.Precision[i]
	}
	if ap == 0 {
		ap = 0 // no negative zero
	}
	return ap, err
}
