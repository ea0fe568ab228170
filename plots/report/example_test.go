package report_test

import (
	"fmt"
	"strings"

	"github.com/tunebook/tunebook/plots"
	"github.com/tunebook/tunebook/plots/report"
)

func Example() {
	doc := report.Document{
		Title:    "Search on breast_cancer.csv",
		Subtitle: "binary classification of target",
		Cards:    []report.Card{{Label: "Best ROC AUC", Value: "0.991", Detail: "trial 17"}},
		Sections: []report.Section{
			{Heading: "Leaderboard", Blocks: []report.Block{
				report.Table([]string{"trial", "model", "ROC AUC"}, [][]string{{"17", "mlp", "0.991"}}),
			}},
			{Heading: "Best model", Blocks: []report.Block{
				report.KeyValues([][2]string{{"learning rate", "0.003"}}),
				report.Chart(plots.ConfusionMatrix([]string{"0", "1"}, [][]int{{50, 3}, {2, 88}}, false)),
			}},
		},
	}

	var page strings.Builder
	if err := doc.WriteHTML(&page, plots.Assets{}); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.HasPrefix(page.String(), "<!DOCTYPE html>"))
	fmt.Println(strings.Count(page.String(), `class="tunebook-chart"`))
	// Output:
	// true
	// 1
}
