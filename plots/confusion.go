package plots

import (
	"fmt"
	"math"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// ConfusionMatrix returns a heatmap of a confusion matrix: counts[i][j] is
// the number of samples of true class labels[i] predicted as labels[j]
// (sklearn.metrics.confusion_matrix's layout). True classes run down the y
// axis, predicted classes along the x axis, each cell shows its value, and a
// colour scale sits at the right.
//
// With normalize true, each row is divided by its total, so a cell shows the
// share of a true class given each prediction (the diagonal is per-class
// recall); the cells of a row with no samples stay empty. A counts row or
// column beyond len(labels) is ignored and a missing one drawn empty, with a
// note in the subtitle.
func ConfusionMatrix(labels []string, counts [][]int, normalize bool) *Chart {
	c := &Chart{}
	k := len(labels)
	if len(counts) != k {
		c.note("counts has %d rows for %d labels", len(counts), k)
	}

	title, subtitle := "Confusion matrix", "counts"
	if normalize {
		subtitle = "share of each true class (rows sum to 1)"
	}
	data := make([]opts.HeatMapData, 0, k*k)
	top := 0.0
	for i := 0; i < min(k, len(counts)); i++ {
		row := counts[i]
		if len(row) != k {
			c.note("counts row %d has %d values for %d labels", i, len(row), k)
		}
		total := 0
		for j := 0; j < min(k, len(row)); j++ {
			total += row[j]
		}
		for j := 0; j < min(k, len(row)); j++ {
			v := float64(row[j])
			if normalize {
				if total == 0 {
					continue
				}
				v = math.Round(v/float64(total)*1000) / 1000
			}
			top = max(top, v)
			data = append(data, opts.HeatMapData{Value: [3]any{j, i, v}})
		}
	}
	if top == 0 {
		top = 1
	}

	hm := charts.NewHeatMap()
	hm.SetGlobalOptions(baseOptions(title, subtitle, "item")...)
	if k > 10 {
		// Give each class a readable row: 22 px a class plus the margins,
		// and smaller cell labels.
		hm.SetGlobalOptions(charts.WithInitializationOpts(opts.Initialization{
			Width: "100%", Height: fmt.Sprintf("%dpx", 22*k+140)}))
	}
	hm.SetGlobalOptions(
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		plotGrid(96, 36),
		charts.WithXAxisOpts(opts.XAxis{
			Type: "category", Data: labels, Name: "Predicted", NameLocation: "middle", NameGap: 28,
			SplitArea: &opts.SplitArea{Show: opts.Bool(true)},
		}),
		charts.WithYAxisOpts(opts.YAxis{
			Type: "category", Data: labels, Name: "True", NameLocation: "start", Inverse: opts.Bool(true),
			SplitArea: &opts.SplitArea{Show: opts.Bool(true)},
		}),
		charts.WithVisualMapOpts(opts.VisualMap{
			Calculable: opts.Bool(true),
			Min:        0,
			Max:        float32(top),
			Orient:     "vertical",
			Right:      "8",
			Top:        "middle",
			InRange:    &opts.VisualMapInRange{Color: []string{"#f8fafc", "#bfdbfe", "#60a5fa"}},
		}),
	)
	hm.AddSeries("confusion matrix", data,
		charts.WithLabelOpts(opts.Label{Show: opts.Bool(true), Color: colorText, FontSize: labelSize(k)}),
		charts.WithItemStyleOpts(opts.ItemStyle{BorderColor: "#ffffff", BorderWidth: 2}))

	c.src = hm
	return c
}

// labelSize is the font size of the cell values for k classes: smaller
// when many classes share the width.
func labelSize(k int) float32 {
	if k > 10 {
		return 9
	}
	return 12
}
