package plots

import (
	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// PredictedActual returns a scatter chart of a regression model's predicted
// values against the actual ones, with the dashed line y = x on which
// perfect predictions lie. Pairs are matched by index; a length mismatch is
// drawn up to the shorter slice with a note, and non-finite values are
// omitted.
func PredictedActual(actual, predicted []float64) *Chart {
	c := &Chart{}
	scatter := charts.NewScatter()
	scatter.SetGlobalOptions(baseOptions("Predicted vs actual", "", "item")...)
	scatter.SetGlobalOptions(plotGrid(24, 56))
	scatter.SetGlobalOptions(valueXAxis("Actual", nil, nil), valueYAxis("Predicted", nil, nil))
	scatter.AddSeries("samples", points(c, "samples", "actual", "predicted", actual, predicted), pointStyle())

	if lo, hi, ok := finiteRange(actual, predicted); ok {
		line := charts.NewLine()
		line.AddSeries("y = x", referenceLine(lo, lo, hi, hi), referenceStyle())
		scatter.Overlap(line)
	}

	c.src = scatter
	return c
}

// Residuals returns a scatter chart of a regression model's residuals
// (actual minus predicted) against its predictions, with a dashed line at
// zero. Mismatched lengths and non-finite values are handled as in
// PredictedActual.
func Residuals(predicted, residual []float64) *Chart {
	c := &Chart{}
	scatter := charts.NewScatter()
	scatter.SetGlobalOptions(baseOptions("Residuals", "actual − predicted", "item")...)
	scatter.SetGlobalOptions(plotGrid(24, 56))
	scatter.SetGlobalOptions(valueXAxis("Predicted", nil, nil), valueYAxis("Residual", nil, nil))
	scatter.AddSeries("samples", points(c, "samples", "predicted", "residual", predicted, residual), pointStyle(),
		charts.WithMarkLineNameYAxisItemOpts(opts.MarkLineNameYAxisItem{Name: "zero", YAxis: 0}),
		charts.WithMarkLineStyleOpts(opts.MarkLineStyle{
			Symbol:    []string{"none", "none"},
			LineStyle: &opts.LineStyle{Color: colorReference, Type: "dashed", Width: 1.5},
			Label:     &opts.Label{Show: opts.Bool(false)},
		}))

	c.src = scatter
	return c
}

// points is pairs for scatter charts.
func points(c *Chart, what, xName, yName string, x, y []float64) []opts.ScatterData {
	line := pairs(c, what, xName, yName, x, y)
	data := make([]opts.ScatterData, len(line))
	for i, d := range line {
		data[i] = opts.ScatterData{Value: d.Value}
	}
	return data
}

// pointStyle styles the sample points of the regression charts: small and
// translucent, so dense regions show.
func pointStyle() charts.SeriesOpts {
	return func(s *charts.SingleSeries) {
		charts.WithScatterChartOpts(opts.ScatterChart{SymbolSize: 6})(s)
		charts.WithItemStyleOpts(opts.ItemStyle{Color: palette[0], Opacity: opts.Float(0.55)})(s)
	}
}
