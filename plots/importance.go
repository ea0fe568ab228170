package plots

import (
	"math"
	"sort"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// ParamImportance returns a horizontal bar chart of hyperparameter
// importances, the most important parameter at the top and each bar labelled
// with its value. Names and importances pair by index; a length mismatch is
// drawn up to the shorter slice with a note in the subtitle, and non-finite
// importances sort last and draw no bar.
func ParamImportance(names []string, importance []float64) *Chart {
	c := &Chart{}
	n := min(len(names), len(importance))
	if len(names) != len(importance) {
		c.note("%d names for %d importances; %d bars drawn", len(names), len(importance), n)
	}

	order := make([]int, n)
	for i := range order {
		order[i] = i
	}
	// Ascending, as a category y axis draws its first entry at the bottom.
	sort.SliceStable(order, func(a, b int) bool { return rankValue(importance[order[a]]) < rankValue(importance[order[b]]) })
	labels := make([]string, n)
	data := make([]opts.BarData, n)
	for k, i := range order {
		labels[k] = names[i]
		data[k] = opts.BarData{Value: roundTo(importance[i], 4)}
	}

	bar := charts.NewBar()
	bar.SetGlobalOptions(baseOptions("Hyperparameter importance", "", "item")...)
	bar.SetGlobalOptions(
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		plotGrid(56, 36),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: "Importance", NameLocation: "middle", NameGap: 28, SplitLine: gridLines()}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: labels}),
	)
	bar.AddSeries("importance", data,
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Position: "right", Color: colorText}),
		charts.WithItemStyleOpts(opts.ItemStyle{Color: palette[0], BorderRadius: "0 3 3 0"}),
		charts.WithBarChartOpts(opts.BarChart{BarWidth: "60%"}))

	c.src = bar
	return c
}

// rankValue orders non-finite importances below every finite one.
func rankValue(v float64) float64 {
	if !isFinite(v) {
		return math.Inf(-1)
	}
	return v
}

// roundTo rounds v to the given number of decimals, keeping non-finite
// values as they are.
func roundTo(v float64, decimals int) float64 {
	if !isFinite(v) {
		return v
	}
	p := math.Pow(10, float64(decimals))
	return math.Round(v*p) / p
}
