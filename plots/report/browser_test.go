package report

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tunebook/tunebook/internal/browser"
	"github.com/tunebook/tunebook/plots"
)

// TestBrowserReport renders an offline report, with ECharts inlined and one
// chart shown twice, in headless Chromium and checks that every chart drew
// without a JavaScript error.
func TestBrowserReport(t *testing.T) {
	browser.Require(t)
	assets, err := plots.LoadAssets(browser.EChartsJS(t))
	if err != nil {
		t.Fatal(err)
	}
	assets.URL = "not-there/echarts.min.js" // must not be needed

	roc := sampleChart()
	doc := Document{
		Title:    `Report </script><div id="pwned"></div>`,
		Subtitle: "offline",
		Cards:    []Card{{Label: "Best ROC AUC", Value: "0.800"}},
		Sections: []Section{
			{Heading: "Curves", Blocks: []Block{Chart(roc), Chart(roc)}},
			{Heading: "Diagnostics", Blocks: []Block{
				Paragraph("The matrix counts predictions by true class."),
				Chart(plots.ConfusionMatrix([]string{"a", `</script><div id="pwned"></div>`}, [][]int{{5, 1}, {2, 7}}, true)),
				Chart(plots.LossCurves("run", []float64{1, 0.6, 0.4}, []float64{1.1, 0.7, 0.65})),
			}},
		},
	}
	page := filepath.Join(t.TempDir(), "report.html")
	f, err := os.Create(page)
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.WriteHTML(f, assets); err != nil {
		t.Fatal(err)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	src, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dom, errs, err := browser.Render(ctx, page)
	if err != nil {
		t.Fatal(err)
	}
	if len(errs) > 0 {
		t.Errorf("JavaScript errors: %q", errs)
	}
	ids := regexp.MustCompile(`class="tunebook-chart" id="([^"]+)"`).FindAllStringSubmatch(string(src), -1)
	if len(ids) != 4 {
		t.Fatalf("%d charts in the page, want 4", len(ids))
	}
	for _, m := range ids {
		if tag := browser.StartTag(dom, m[1]); !strings.Contains(tag, "_echarts_instance_") {
			t.Errorf("chart %s not drawn: %q", m[1], tag)
		}
	}
	if strings.Contains(dom, `<div id="pwned">`) {
		t.Error("text from the document injected an element")
	}
	if strings.Contains(dom, `<script src="not-there`) {
		t.Error("the report loaded the library from its URL despite inlining it")
	}
}
