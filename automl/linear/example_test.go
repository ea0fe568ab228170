package linear_test

import (
	"fmt"

	"github.com/tunebook/tunebook/automl/linear"
)

func Example() {
	// Six rows, one feature: small values belong to class 0, large to class 1.
	X := []float64{1, 2, 3, 4, 5, 6}
	y := []float64{0, 0, 1, 0, 1, 1}

	clf, err := linear.FitLogistic(X, 6, 1, y, 2, nil, linear.LogisticOptions{})
	if err != nil {
		fmt.Println(err)
		return
	}
	// scikit-learn's LogisticRegression gives 0.0639 and 0.9361 here.
	p := clf.Predict([]float64{0, 7}, 2)
	fmt.Printf("%s: P(class 1 | x=0) = %.3f, P(class 1 | x=7) = %.3f\n", clf.Name(), p[0], p[1])

	reg, err := linear.FitRidge(X, 6, 1, []float64{3, 5, 7, 9, 11, 13}, nil, 0)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: y = %.2f*x + %.2f\n", reg.Name(), reg.Coef[0], reg.Intercept[0])

	// A label outside [0, classes) is reported with its row.
	_, err = linear.FitLogistic(X, 6, 1, []float64{0, 0, 1, 0, 1, 2}, 2, nil, linear.LogisticOptions{})
	fmt.Println(err)
	// Output:
	// logistic regression: P(class 1 | x=0) = 0.064, P(class 1 | x=7) = 0.936
	// linear regression: y = 2.00*x + 1.00
	// linear: label out of class range: y row 5 is 2, want an integer in [0, 2)
}
