package plots

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// readCase decodes a file of a case copied from the shared case set.
func readCase(t *testing.T, name, file string, v any) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "cases", name, file))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, v); err != nil {
		t.Fatalf("%s/%s: %v", name, file, err)
	}
}

// p01Charts builds the go-echarts charts of case p01's cells 2 and 4.
func p01Charts() map[string]*Chart {
	bar := charts.NewBar()
	bar.SetXAxis([]string{"a", "b", "c"}).AddSeries("s", []opts.BarData{{Value: 1}, {Value: 5}, {Value: 12}})
	bar2 := charts.NewBar()
	bar2.SetXAxis([]string{"x"}).AddSeries("t", []opts.BarData{{Value: 2}})
	return map[string]*Chart{"bar": Wrap(bar), "bar2": Wrap(bar2)}
}

// displayedNames returns, for each cell whose last line is a bare name, that
// name: the value the cell displays.
func displayedNames(cells []string) []string {
	bare := regexp.MustCompile(`^[A-Za-z_]\w*$`)
	var names []string
	for _, cell := range cells {
		lines := strings.Split(strings.TrimSpace(cell), "\n")
		if last := strings.TrimSpace(lines[len(lines)-1]); bare.MatchString(last) {
			names = append(names, last)
		}
	}
	return names
}

// p01Outputs renders the displays of case p01's cells as a notebook would:
// one HTML fragment per display, the first carrying the library inline.
func p01Outputs(t *testing.T, lib []byte, url string) []string {
	t.Helper()
	var cells []string
	readCase(t, "p01", "cells.json", &cells)
	names := displayedNames(cells)
	if want := []string{"bar", "bar", "bar2"}; !reflect.DeepEqual(names, want) {
		t.Fatalf("p01 cells display %q, want %q", names, want)
	}
	built := p01Charts()
	assets := NewNotebookAssets(Assets{URL: url, Inline: lib})
	var outputs []string
	for _, name := range names {
		outputs = append(outputs, built[name].MIMEWith(assets.Next())["text/html"].(string))
	}
	return outputs
}

func TestCaseP01SameChartTwice(t *testing.T) {
	lib := []byte("window.echarts = window.echarts || {};")
	outputs := p01Outputs(t, lib, "echarts.min.js")

	// Every container id appears in exactly one output: 3 outputs, 3 ids.
	seen := map[string]int{}
	for i, out := range outputs {
		ids := idsOf(out)
		if len(ids) != 1 {
			t.Fatalf("output %d has %d chart containers, want 1", i, len(ids))
		}
		seen[ids[0]]++
		if !strings.Contains(out, `var id = "`+ids[0]+`";`) {
			t.Errorf("output %d's script does not draw into its own container %s", i, ids[0])
		}
	}
	if len(seen) != 3 {
		t.Errorf("3 outputs have %d distinct container ids %v, want 3", len(seen), seen)
	}
	for _, out := range outputs {
		for id := range seen {
			if n := strings.Count(out, `id="`+id+`"`); n > 1 {
				t.Errorf("id %s appears %d times in one output", id, n)
			}
		}
	}

	// No top-level JavaScript name is declared at all, so none twice.
	page := strings.Join(outputs, "\n")
	for _, body := range scriptBodies(page) {
		if m := topLevelDeclaration.FindString(body); m != "" {
			t.Errorf("a script declares %q at the top level", m)
		}
	}

	// The library comes before the first chart script.
	libAt := strings.Index(page, string(lib))
	drawAt := strings.Index(page, "function draw(echarts, tries)")
	if libAt < 0 || libAt > drawAt {
		t.Errorf("library at %d, first chart script at %d; want the library first", libAt, drawAt)
	}
	if n := strings.Count(page, string(lib)); n != 1 {
		t.Errorf("library inlined %d times, want once", n)
	}
}

func TestCaseP02NaNInSeries(t *testing.T) {
	var expected struct {
		SeriesData []*float64 `json:"series_data_expected"`
	}
	readCase(t, "p02", "expected.json", &expected)

	line := charts.NewLine()
	line.SetXAxis([]string{"a", "b", "c", "d"}).AddSeries("s",
		[]opts.LineData{{Value: 1.0}, {Value: math.NaN()}, {Value: 3.0}, {Value: math.Inf(1)}})
	c := Wrap(line)

	option := optionOf(t, c)
	got := valuesOf(seriesOf(t, option)[0])
	if len(got) != len(expected.SeriesData) {
		t.Fatalf("series data %v, want %d values", got, len(expected.SeriesData))
	}
	for i, want := range expected.SeriesData {
		switch {
		case want == nil && (got[i] == nil || got[i] == "-"):
		case want != nil && got[i] == *want:
		default:
			t.Errorf("value %d = %#v, want %v (null or \"-\" for a missing value)", i, got[i], want)
		}
	}
	if sub := subtitleOf(option); sub != "2 non-finite values omitted" {
		t.Errorf("subtitle %q, want the omission noted", sub)
	}

	// The fragment assigns a complete option, without NaN or Infinity tokens.
	frag := c.HTML(Assets{})
	m := regexp.MustCompile(`chart\.setOption\((.*)\);\n`).FindStringSubmatch(frag)
	if m == nil || !json.Valid([]byte(m[1])) {
		t.Fatalf("the fragment's option is not a complete JSON object:\n%s", frag)
	}
	if tok := regexp.MustCompile(`\b(NaN|Infinity)\b`).FindString(frag); tok != "" {
		t.Errorf("the fragment holds the token %s", tok)
	}
}

// Charts fed by metric code meet non-finite values too (cases m01, m08).
func TestCaseP02MetricCharts(t *testing.T) {
	nan := math.NaN()
	tests := []struct {
		name         string
		chart        *Chart
		wantOmitted  string
		wantSubtitle string
	}{
		{"single-class ROC", ROC([]ROCSeries{{Name: "m", FPR: []float64{0, 0.5, 1}, TPR: []float64{nan, nan, nan}, AUC: nan}}),
			"3 non-finite values omitted", ""},
		{"R2 history with -Inf", SearchHistory([]float64{0.3, math.Inf(-1), 0.5}, nil, "maximize"),
			"", "1 trial without a value (1 complete)"},
		{"diverged loss", LossCurves("", []float64{1, math.Inf(1)}, []float64{nan, nan}),
			"3 non-finite values omitted", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sub := subtitleOf(optionOf(t, tt.chart))
			if tt.wantOmitted != "" && !strings.Contains(sub, tt.wantOmitted) {
				t.Errorf("subtitle %q lacks %q", sub, tt.wantOmitted)
			}
			if tt.wantSubtitle != "" && !strings.Contains(sub, tt.wantSubtitle) {
				t.Errorf("subtitle %q lacks %q", sub, tt.wantSubtitle)
			}
		})
	}
}
