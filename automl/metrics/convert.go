package metrics

import "math"

// ClassIndices converts class indices stored as float64, the pipeline's
// target slice y, into the ints the class-index functions take. Every value
// must be a non-negative integer; anything else (NaN, infinity, 1.5, -1) is
// an error naming the index.
func ClassIndices(y []float64) ([]int, error) {
	const fn = "ClassIndices"
	if err := checkFinite(fn, "y", y); err != nil {
		return nil, err
	}
	out := make([]int, len(y))
	for i, v := range y {
		if v < 0 || v != math.Trunc(v) || v > math.MaxInt32 {
			return nil, fail(fn, ErrLabel, "y[%d] = %v is not a class index", i, v)
		}
		out[i] = int(v)
	}
	return out, nil
}

// PredictClasses turns model scores (row-major, rows*k, as Model.Predict
// returns them) into predicted class indices. With k = 1 the scores are
// probabilities of class 1 and the class is 1 when the score exceeds 0.5, as
// scikit-learn's LogisticRegression.predict; with k >= 2 it is the column of
// the row's largest score, the first one among ties (numpy.argmax). NaN
// scores are an error wrapping ErrNonFinite.
func PredictClasses(scores []float64, k int) ([]int, error) {
	const fn = "PredictClasses"
	if k < 1 || len(scores)%k != 0 {
		return nil, fail(fn, ErrLength, "%d scores do not make rows of k = %d", len(scores), k)
	}
	if err := checkFinite(fn, "scores", scores); err != nil {
		return nil, err
	}
	out := make([]int, len(scores)/k)
	for i := range out {
		row := scores[i*k : (i+1)*k]
		if k == 1 {
			if row[0] > 0.5 {
				out[i] = 1
			}
			continue
		}
		for j, v := range row {
			if v > row[out[i]] {
				out[i] = j
			}
		}
	}
	return out, nil
}
