package plots

import (
	"fmt"
	"math"
	"strconv"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
	"github.com/go-echarts/go-echarts/v2/types"
)

// defaultHeight is the height of every chart the builders make; their width
// follows the page (100%).
const defaultHeight = "380px"

// palette is the series colour cycle of the builders: distinguishable hues
// of similar weight, readable on white.
var palette = opts.Colors{
	"#2563eb", "#ea580c", "#16a34a", "#9333ea", "#0891b2",
	"#ca8a04", "#db2777", "#4b5563", "#65a30d",
}

// Colours with a fixed meaning across charts.
const (
	colorReference = "#94a3b8" // chance diagonal, baselines, y = x, zero line
	colorBest      = "#dc2626" // best epoch, best threshold, best so far
	colorText      = "#0f172a"
	colorSubtle    = "#64748b"
	colorGrid      = "#e2e8f0"
)

// baseOptions returns the global options every builder sets: size, palette,
// title, legend at the bottom, tooltip and toolbox. Each builder adds one
// grid, usually plotGrid().
func baseOptions(title, subtitle, trigger string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithInitializationOpts(opts.Initialization{Width: "100%", Height: defaultHeight}),
		charts.WithColorsOpts(palette),
		charts.WithTitleOpts(opts.Title{
			Title:         title,
			Subtitle:      subtitle,
			Left:          "8",
			TitleStyle:    &opts.TextStyle{Color: colorText, FontSize: 15, FontWeight: "600"},
			SubtitleStyle: &opts.TextStyle{Color: colorSubtle, FontSize: 12},
		}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Type: "scroll", Bottom: "4"}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: trigger}),
		charts.WithToolboxOpts(opts.Toolbox{
			Show:    opts.Bool(true),
			Right:   "12",
			Feature: &opts.ToolBoxFeature{SaveAsImage: &opts.ToolBoxFeatureSaveAsImage{Show: opts.Bool(true), Title: "save"}},
		}),
	}
}

// plotGrid places the plot area below the title and subtitle, with right
// and bottom margins in pixels (room for a colour scale or a legend); the
// axis labels fit inside.
func plotGrid(right, bottom int) charts.GlobalOpts {
	return charts.WithGridOpts(opts.Grid{
		Left: "48", Right: strconv.Itoa(right), Top: "84", Bottom: strconv.Itoa(bottom),
		ContainLabel: opts.Bool(true),
	})
}

// valueXAxis returns a value x axis named name; min and max are nil for
// automatic bounds.
func valueXAxis(name string, min, max any) charts.GlobalOpts {
	return charts.WithXAxisOpts(opts.XAxis{
		Type: "value", Name: name, NameLocation: "middle", NameGap: 28,
		Min: min, Max: max, Scale: autoScale(min, max),
		SplitLine: gridLines(), AxisLine: offZero(),
	})
}

// valueYAxis returns a value y axis named name; min and max are nil for
// automatic bounds.
func valueYAxis(name string, min, max any) charts.GlobalOpts {
	return charts.WithYAxisOpts(opts.YAxis{
		Type: "value", Name: name, NameLocation: "end",
		Min: min, Max: max, Scale: autoScale(min, max),
		SplitLine: gridLines(), AxisLine: offZero(),
	})
}

// autoScale lets an axis without fixed bounds leave out zero, so the data
// fill the plot.
func autoScale(min, max any) types.Bool {
	if min == nil && max == nil {
		return opts.Bool(true)
	}
	return nil
}

// offZero keeps an axis line at the edge of the plot rather than where the
// other axis is zero, which for data around zero would cut through it.
func offZero() *opts.AxisLine {
	return &opts.AxisLine{OnZero: opts.Bool(false)}
}

func gridLines() *opts.SplitLine {
	return &opts.SplitLine{Show: opts.Bool(true), LineStyle: &opts.LineStyle{Color: colorGrid}}
}

// lineStyle returns series options for a plain line: width, optional
// colour and dash ("solid", "dashed", "dotted").
func lineStyle(width float32, color, dash string) charts.SeriesOpts {
	return charts.WithLineStyleOpts(opts.LineStyle{Width: width, Color: color, Type: dash})
}

// noSymbols hides the point markers of a line series.
func noSymbols() charts.SeriesOpts {
	return charts.WithLineChartOpts(opts.LineChart{ShowSymbol: opts.Bool(false)})
}

// referenceLine returns the two points of a straight line from (x0, y0) to
// (x1, y1), drawn with referenceStyle.
func referenceLine(x0, y0, x1, y1 float64) []opts.LineData {
	return []opts.LineData{{Value: []any{x0, y0}}, {Value: []any{x1, y1}}}
}

// referenceStyle styles a reference line (chance diagonal, baseline, y = x):
// thin, dashed and grey, with a matching legend icon.
func referenceStyle() charts.SeriesOpts {
	return func(s *charts.SingleSeries) {
		noSymbols()(s)
		lineStyle(1.5, colorReference, "dashed")(s)
		charts.WithItemStyleOpts(opts.ItemStyle{Color: colorReference})(s)
	}
}

// pairs returns the points (x[i], y[i]) as line data, using the shorter of
// the two slices and recording a note on c when their lengths differ.
// Non-finite values stay; the sanitiser turns them into nulls.
func pairs(c *Chart, what, xName, yName string, x, y []float64) []opts.LineData {
	n := min(len(x), len(y))
	if len(x) != len(y) {
		c.note("%s: %s has %d values and %s %d; %d points drawn", what, xName, len(x), yName, len(y), n)
	}
	data := make([]opts.LineData, n)
	for i := range n {
		data[i] = opts.LineData{Value: []any{x[i], y[i]}}
	}
	return data
}

// formatMetric formats a metric for a legend or label with three decimals,
// or "n/a" when it is not finite.
func formatMetric(v float64) string {
	if !isFinite(v) {
		return "n/a"
	}
	return strconv.FormatFloat(v, 'f', 3, 64)
}

// formatNumber formats v compactly (up to four significant digits).
func formatNumber(v float64) string {
	if !isFinite(v) {
		return fmt.Sprint(v)
	}
	return strconv.FormatFloat(v, 'g', 4, 64)
}

// finiteRange returns the smallest and largest finite values in the slices,
// and false when there are none.
func finiteRange(slices ...[]float64) (lo, hi float64, ok bool) {
	lo, hi = math.Inf(1), math.Inf(-1)
	for _, s := range slices {
		for _, v := range s {
			if isFinite(v) {
				lo, hi, ok = min(lo, v), max(hi, v), true
			}
		}
	}
	return lo, hi, ok
}

// markLineStyle styles the labelled marker lines that point out a best
// value (best epoch, best threshold).
func markLineStyle() charts.SeriesOpts {
	return charts.WithMarkLineStyleOpts(opts.MarkLineStyle{
		Symbol:    []string{"none", "none"},
		LineStyle: &opts.LineStyle{Color: colorBest, Type: "dashed", Width: 1.5},
		Label:     &opts.Label{Show: opts.Bool(true), Formatter: "{b}", Position: "insideEndTop", Color: colorBest},
	})
}
