package notebook

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

// echartsJS returns the ECharts library for browser tests: the file named by
// TUNEBOOK_ECHARTS_JS, else the module's npm copy. Without one the test is
// skipped, or fails when CI is set.
func echartsJS(t *testing.T) []byte {
	t.Helper()
	path := os.Getenv(plots.EnvJS)
	if path == "" {
		path = filepath.Join("..", "node_modules", "echarts", "dist", "echarts.min.js")
	}
	js, err := os.ReadFile(path)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("CI is set but the ECharts library is missing: %v", err)
		}
		t.Skipf("skipping: no ECharts library (%v); run npm ci or set %s", err, plots.EnvJS)
	}
	return js
}

var chartID = regexp.MustCompile(`<div class="tunebook-chart" id="([^"]+)"`)

// TestBrowserDrawsCharts exports a notebook with two chart outputs and the
// script output of case p04, opens it in headless Chromium, and checks that
// both charts drew and the script ran. The charts' own loaders point at an
// unreachable URL, so they can only draw with the library the page's head
// provides.
func TestBrowserDrawsCharts(t *testing.T) {
	browser.Require(t)
	js := echartsJS(t)

	p04, err := Read("testdata/cases/p04/input.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	unreachable := plots.Assets{URL: "https://example.invalid/echarts.min.js"}
	loss := plots.LossCurves("trial 1", []float64{1, 0.5, 0.3}, []float64{1.1, 0.7, 0.5})
	roc := plots.ROC([]plots.ROCSeries{{Name: "model", FPR: []float64{0, 0.2, 1}, TPR: []float64{0, 0.8, 1}, AUC: 0.8}})
	nb := New()
	nb.Cells = []*Cell{
		{Type: MarkdownCell, Source: "# Two charts"},
		{Type: CodeCell, Source: "loss", ExecutionCount: 1,
			Outputs: []Output{{Type: DisplayData, Data: loss.MIMEWith(unreachable)}}},
		{Type: CodeCell, Source: "roc", ExecutionCount: 2,
			Outputs: []Output{{Type: ExecuteResult, ExecutionCount: 2, Data: roc.MIMEWith(unreachable)}}},
		p04.Cells[0],
	}

	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "echarts.min.js"), js, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct {
		name   string
		assets plots.Assets
	}{
		{"inlined", plots.Assets{Inline: js}},
		{"from a URL", plots.Assets{URL: "echarts.min.js"}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			page := exportHTML(t, nb, HTMLOptions{Title: "charts", ECharts: tt.assets})
			ids := chartID.FindAllStringSubmatch(page, -1)
			if len(ids) != 2 {
				t.Fatalf("page holds %d chart elements, want 2", len(ids))
			}
			path := filepath.Join(dir, strings.ReplaceAll(tt.name, " ", "-")+".html")
			if err := os.WriteFile(path, []byte(page), 0o644); err != nil {
				t.Fatal(err)
			}

			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			dom, consoleErrors, err := browser.Render(ctx, path)
			if err != nil {
				t.Fatal(err)
			}
			for _, m := range consoleErrors {
				if !strings.Contains(m, "example.invalid") {
					t.Errorf("JavaScript error: %s", m)
				}
			}
			for _, id := range ids {
				if tag := browser.StartTag(dom, id[1]); !strings.Contains(tag, "_echarts_instance_") {
					t.Errorf("chart %s did not draw: its element is %q", id[1], tag)
				}
			}
			if tag := browser.StartTag(dom, "chart-c1"); !strings.Contains(tag, `data-ok="yes"`) {
				t.Errorf("the p04 script did not run: its element is %q", tag)
			}
		})
	}
}
