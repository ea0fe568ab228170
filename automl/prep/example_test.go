package prep_test

import (
	"fmt"
	"strings"

	"github.com/tunebook/tunebook/automl/data"
	"github.com/tunebook/tunebook/automl/prep"
)

func Example() {
	const csv = "glucose,smoker,diabetes\n" +
		"148,no,pos\n85,yes,neg\n,no,pos\n89,no,neg\n137,yes,pos\n" +
		"116,no,neg\n78,,neg\n115,yes,neg\n197,no,pos\n125,yes,neg\n"
	f, err := data.Read(strings.NewReader(csv), "patients.csv", data.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	target, _ := f.Column("diabetes")
	y, labels, _ := prep.EncodeTarget(target, data.Binary)

	split, _ := prep.TrainValidTest(y, data.Binary, 0, 0.2, 3, labels.Classes...)
	p, _ := prep.Fit(f, split.Train, "diabetes", data.Binary)
	X, rows, cols, _ := p.Transform(f, split.Test)
	yTest, _ := p.Target(f, split.Test)
	weights, _ := prep.BalancedClassWeights(y, labels.Len())

	fmt.Println(labels.Classes, len(split.Train), len(split.Test))
	fmt.Println(p.FeatureNames())
	fmt.Println(rows, cols, len(X), len(yTest))
	fmt.Printf("%.3f\n", weights)
	// Output:
	// [neg pos] 8 2
	// [glucose glucose (missing) smoker=no smoker=yes smoker (missing)]
	// 2 5 10 2
	// [0.833 1.250]
}
