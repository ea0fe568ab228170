package plots

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tunebook/tunebook/internal/browser"
)

// copyFile copies src to dir/name.
func copyFile(t *testing.T, src, dir, name string) {
	t.Helper()
	b, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// renderPage writes a page with the given head and body into dir, renders it
// in the browser and returns its DOM, failing the test on any JavaScript
// error.
func renderPage(t *testing.T, dir, head, body string) string {
	t.Helper()
	page := filepath.Join(dir, "page.html")
	html := "<!DOCTYPE html>\n<html>\n<head>\n<meta charset=\"utf-8\">\n" + head +
		"</head>\n<body>\n" + body + "</body>\n</html>\n"
	if err := os.WriteFile(page, []byte(html), 0o644); err != nil {
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
	return dom
}

// assertDrawn checks that ECharts drew into every chart container of html.
func assertDrawn(t *testing.T, dom, html string) {
	t.Helper()
	ids := idsOf(html)
	if len(ids) == 0 {
		t.Fatal("the page has no charts")
	}
	for _, id := range ids {
		if tag := browser.StartTag(dom, id); !strings.Contains(tag, "_echarts_instance_") {
			t.Errorf("chart %s not drawn: %q", id, tag)
		}
	}
	if n := strings.Count(dom, "<canvas"); n < len(ids) {
		t.Errorf("%d canvases for %d charts", n, len(ids))
	}
}

// notebookBody returns the outputs of case p01 plus a chart whose series
// name tries to break out of its script.
func notebookBody(t *testing.T, lib []byte, url string) string {
	outputs := p01Outputs(t, lib, url)
	hostileChart := ROC([]ROCSeries{{Name: `</script><div id="pwned"></div>` + hostile, FPR: []float64{0, 1}, TPR: []float64{0, 1}}})
	return strings.Join(append(outputs, hostileChart.HTML(Assets{URL: url})), "\n")
}

func TestBrowserLoaders(t *testing.T) {
	browser.Require(t)
	echartsJS := browser.EChartsJS(t)

	tests := []struct {
		name   string
		head   string
		inline bool
		check  func(t *testing.T, dom string)
	}{
		{"script tag", "", false, func(t *testing.T, dom string) {
			loads := regexp.MustCompile(`<script src="echarts\.min\.js"`).FindAllString(dom, -1)
			if len(loads) != 1 {
				t.Errorf("the library was loaded by %d script tags, want 1", len(loads))
			}
		}},
		{"AMD loader", `<script src="amd-stub.js"></script>` + "\n", false, func(t *testing.T, dom string) {
			if !strings.Contains(dom, `data-amd-loads="1"`) {
				t.Errorf("the library was not loaded once through require")
			}
		}},
		{"RequireJS", `<script src="require.js"></script>` + "\n", false, func(t *testing.T, dom string) {
			loads := regexp.MustCompile(`<script[^>]*data-requiremodule=`).FindAllString(dom, -1)
			if len(loads) != 1 {
				t.Errorf("RequireJS loaded %d modules, want 1", len(loads))
			}
		}},
		{"inline under AMD loader", `<script src="amd-stub.js"></script>` + "\n", true, func(t *testing.T, dom string) {
			if strings.Contains(dom, "data-amd-loads") {
				t.Errorf("the inline library was ignored and loaded through require")
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			dir := t.TempDir()
			copyFile(t, filepath.Join("testdata", "amd-stub.js"), dir, "amd-stub.js")
			url := "echarts.min.js"
			var lib []byte
			if tt.inline {
				url = "not-there/echarts.min.js"
				var err error
				if lib, err = os.ReadFile(echartsJS); err != nil {
					t.Fatal(err)
				}
			} else {
				copyFile(t, echartsJS, dir, "echarts.min.js")
			}
			if strings.Contains(tt.head, "require.js") {
				copyFile(t, browser.RequireJS(t), dir, "require.js")
			}

			body := notebookBody(t, lib, url)
			dom := renderPage(t, dir, tt.head, body)
			assertDrawn(t, dom, body)
			if strings.Contains(dom, `<div id="pwned">`) {
				t.Error("a series name injected an element into the page")
			}
			tt.check(t, dom)
		})
	}
}

// TestBrowserLateContainer runs a chart's script before its container is on
// the page, as front ends that evaluate output scripts before attaching the
// output do; the chart must still draw once the container appears.
func TestBrowserLateContainer(t *testing.T) {
	browser.Require(t)
	t.Parallel()
	dir := t.TempDir()
	copyFile(t, browser.EChartsJS(t), dir, "echarts.min.js")

	frag := ConfusionMatrix([]string{"a", "b"}, [][]int{{3, 1}, {0, 4}}, false).HTML(Assets{URL: "echarts.min.js"})
	div, script, ok := strings.Cut(frag, "\n")
	if !ok || !strings.HasPrefix(div, "<div") {
		t.Fatalf("unexpected fragment layout:\n%s", frag)
	}
	body := script + "<script>setTimeout(function () { document.body.insertAdjacentHTML(\"beforeend\", " +
		jsString(div) + "); }, 400);</script>\n"

	dom := renderPage(t, dir, "", body)
	assertDrawn(t, dom, div)
}
