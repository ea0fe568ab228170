package prep

import (
	"fmt"
	"math"
)

// BalancedClassWeights returns the weight of each of the given number of
// classes that makes them count equally in a weighted loss:
//
//	weight(c) = n / (classes * count(c))
//
// where n is the number of rows of y and count(c) the rows of class c, so
// that the sum of weight(c)*count(c) over the classes is n. This is
// scikit-learn's compute_class_weight("balanced"), the form settled in
// scikit-learn issue #4324 (after King and Zeng, Logistic Regression in Rare
// Events Data, Political Analysis 9(2), 2001). y holds class indices.
//
// Like scikit-learn, it fails when a class has no rows in y (its weight
// would be infinite) or when y holds a value that is not a class index.
// names, when given, are the class names used in the errors.
func BalancedClassWeights(y []float64, classes int, names ...string) ([]float64, error) {
	if classes < 1 {
		return nil, fmt.Errorf("prep: class weights for %d classes", classes)
	}
	counts := make([]int, classes)
	for i, v := range y {
		if !(v >= 0 && v < float64(classes)) || v != math.Trunc(v) {
			return nil, fmt.Errorf("prep: row %d: %v is not a class index below %d", i+1, v, classes)
		}
		counts[int(v)]++
	}
	weights := make([]float64, classes)
	for c, k := range counts {
		if k == 0 {
			return nil, fmt.Errorf("%w: class %s has no rows, so it has no balanced weight", ErrTooFewRows, className(c, names))
		}
		weights[c] = float64(len(y)) / float64(classes*k)
	}
	return weights, nil
}

// SampleWeights returns each row's weight, the weight of its class:
// scikit-learn's compute_sample_weight given class weights. It panics if y
// holds a value that is not an index into classWeights.
func SampleWeights(y []float64, classWeights []float64) []float64 {
	w := make([]float64, len(y))
	for i, v := range y {
		w[i] = classWeights[int(v)]
	}
	return w
}
