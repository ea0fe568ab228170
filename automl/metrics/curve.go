package metrics

import "slices"

// clfCurve holds, for every distinct score in decreasing order, the total
// weight of negatives (fps) and positives (tps) scored at or above it:
// scikit-learn's _binary_clf_curve.
type clfCurve struct {
	fps, tps, thresholds []float64
}

// scored is one sample to sort; 16 bytes keep the sort fast.
type scored struct {
	score float64
	index int
}

// binaryCurve computes the cumulative counts of a validated binary input.
// Samples with zero weight are dropped first, as scikit-learn does, so their
// scores do not become thresholds. Ties are sorted stably and walked in
// reverse, the order of numpy's argsort(kind="mergesort")[::-1], so weighted
// sums are added in scikit-learn's order. The sample index breaks ties, which
// makes the (faster) unstable sort give the stable order.
func binaryCurve(yTrue []int, score, weights []float64) clfCurve {
	samples := make([]scored, 0, len(yTrue))
	for i := range yTrue {
		if weightAt(weights, i) != 0 {
			samples = append(samples, scored{score: score[i], index: i})
		}
	}
	slices.SortFunc(samples, func(a, b scored) int {
		// Scores are finite (validated), so < and > order them totally.
		switch {
		case a.score < b.score:
			return -1
		case a.score > b.score:
			return 1
		}
		return a.index - b.index
	})

	var c clfCurve
	tp, fp := 0.0, 0.0
	for i := len(samples) - 1; i >= 0; i-- {
		s := samples[i]
		if w := weightAt(weights, s.index); yTrue[s.index] == 1 {
			tp += w
		} else {
			fp += w
		}
		if i == 0 || samples[i-1].score != s.score {
			c.tps = append(c.tps, tp)
			c.fps = append(c.fps, fp)
			c.thresholds = append(c.thresholds, s.score)
		}
	}
	return c
}
