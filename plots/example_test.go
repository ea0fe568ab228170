package plots_test

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"

	"github.com/tunebook/tunebook/plots"
)

func Example() {
	chart := plots.ROC([]plots.ROCSeries{{
		Name: "logistic",
		FPR:  []float64{0, 0, 0.5, 1},
		TPR:  []float64{0, 0.5, 1, 1},
		AUC:  0.875,
	}})

	// A notebook output or report fragment, loading ECharts from the CDN.
	fragment := chart.HTML(plots.Assets{})
	fmt.Println(strings.HasPrefix(fragment, `<div class="tunebook-chart" id="tunebook-`))

	// The option the fragment draws.
	raw, err := chart.MarshalOption()
	if err != nil {
		fmt.Println(err)
		return
	}
	var option struct {
		Series []struct{ Name string } `json:"series"`
	}
	if err := json.Unmarshal(raw, &option); err != nil {
		fmt.Println(err)
		return
	}
	for _, s := range option.Series {
		fmt.Println(s.Name)
	}
	// Output:
	// true
	// logistic (AUC 0.875)
	// chance
}

func ExampleLossCurves() {
	train := []float64{0.69, 0.41, 0.30, 0.26, 0.25}
	valid := []float64{0.70, 0.45, math.NaN(), 0.33, 0.36}
	raw, _ := plots.LossCurves("trial 3", train, valid).MarshalOption()

	var option struct {
		Title struct {
			Subtext string `json:"subtext"`
		} `json:"title"`
	}
	_ = json.Unmarshal(raw, &option)
	fmt.Println(option.Title.Subtext)
	// Output: trial 3 · 1 non-finite value omitted
}

func ExampleTable() {
	t := plots.Table([]string{"trial", "model", "ROC AUC"}, [][]string{
		{"17", "mlp 64-32", "0.991"},
		{"4", "logistic", "0.987"},
	})
	fmt.Print(t.Text())
	// Output:
	// trial  model      ROC AUC
	//    17  mlp 64-32    0.991
	//     4  logistic     0.987
}
