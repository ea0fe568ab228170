package plots

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/event"
	"github.com/go-echarts/go-echarts/v2/opts"
)

const hostile = "<script>alert(\"x\")</script> & 'quotes' </SCRIPT><!-- \u2028 end"

func TestHTMLFreshIDs(t *testing.T) {
	c := ROC([]ROCSeries{{Name: "m", FPR: []float64{0, 1}, TPR: []float64{0, 1}, AUC: 0.5}})
	const calls = 200
	seen := make(map[string]bool)
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range calls {
		wg.Add(1)
		go func() {
			defer wg.Done()
			frag := c.HTML(Assets{})
			ids := idsOf(frag)
			mu.Lock()
			defer mu.Unlock()
			if len(ids) != 1 {
				t.Errorf("fragment has %d chart containers, want 1", len(ids))
				return
			}
			if !strings.Contains(frag, `var id = "`+ids[0]+`";`) {
				t.Errorf("the script does not draw into its own container %q", ids[0])
			}
			seen[ids[0]] = true
		}()
	}
	wg.Wait()
	if len(seen) != calls {
		t.Errorf("%d renders gave %d distinct ids, want %d", calls, len(seen), calls)
	}
}

// topLevelDeclaration matches a let, const, var, function or class statement
// at the start of a line with no indentation, i.e. outside the IIFE.
var topLevelDeclaration = regexp.MustCompile(`(?m)^(let|const|var|function|class)\s`)

func TestHTMLDeclaresNoGlobals(t *testing.T) {
	frag := ROC(nil).HTML(Assets{})
	script := scriptBodies(frag)
	if len(script) != 1 {
		t.Fatalf("fragment has %d scripts, want 1", len(script))
	}
	body := strings.TrimSpace(script[0])
	if !strings.HasPrefix(body, "(function () {") || !strings.HasSuffix(body, "})();") {
		t.Errorf("the script is not one immediately invoked function:\n%s", body)
	}
	if m := topLevelDeclaration.FindString(body); m != "" {
		t.Errorf("the script declares %q at the top level", m)
	}
}

var scriptElement = regexp.MustCompile(`(?s)<script[^>]*>(.*?)</script>`)

func scriptBodies(html string) []string {
	var out []string
	for _, m := range scriptElement.FindAllStringSubmatch(html, -1) {
		out = append(out, m[1])
	}
	return out
}

func TestEscaping(t *testing.T) {
	tests := []struct {
		name  string
		chart *Chart
	}{
		{"ROC series name", ROC([]ROCSeries{{Name: hostile, FPR: []float64{0, 1}, TPR: []float64{0, 1}}})},
		{"confusion labels", ConfusionMatrix([]string{hostile, "b"}, [][]int{{1, 0}, {0, 1}}, false)},
		{"importance names", ParamImportance([]string{hostile}, []float64{1})},
		{"loss run name", LossCurves(hostile, []float64{1, 0.5}, nil)},
		{"history status", SearchHistory([]float64{1, 2}, []string{hostile, "complete"}, "min")},
		{"wrapped chart title", func() *Chart {
			bar := charts.NewBar()
			bar.SetGlobalOptions(charts.WithTitleOpts(opts.Title{Title: hostile}),
				charts.WithXAxisOpts(opts.XAxis{Name: hostile}))
			bar.SetXAxis([]string{hostile}).AddSeries(hostile, []opts.BarData{{Value: 1}})
			return Wrap(bar)
		}()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			raw, err := tt.chart.MarshalOption()
			if err != nil {
				t.Fatal(err)
			}
			var option any
			if err := json.Unmarshal(raw, &option); err != nil {
				t.Fatal(err)
			}
			if !holdsString(option, hostile) {
				t.Errorf("the option lost the name %q:\n%s", hostile, raw)
			}
			for _, frag := range []string{tt.chart.HTML(Assets{}), tt.chart.HTML(Assets{Inline: []byte("window.echarts = {};")})} {
				opens := strings.Count(strings.ToLower(frag), "<script")
				closes := strings.Count(strings.ToLower(frag), "</script")
				if opens != closes || opens != len(scriptBodies(frag)) {
					t.Errorf("fragment has %d <script, %d </script and %d script elements; a name broke out:\n%s",
						opens, closes, len(scriptBodies(frag)), frag)
				}
				if strings.Contains(frag, "<!--") {
					t.Errorf("fragment holds a raw <!--")
				}
			}
		})
	}
}

// holdsString reports whether decoded JSON v holds a string containing s.
func holdsString(v any, s string) bool {
	switch v := v.(type) {
	case string:
		return strings.Contains(v, s)
	case []any:
		for _, e := range v {
			if holdsString(e, s) {
				return true
			}
		}
	case map[string]any:
		for _, e := range v {
			if holdsString(e, s) {
				return true
			}
		}
	}
	return false
}

func TestHTMLAssetModes(t *testing.T) {
	lib := []byte("/* fake */ window.echarts = {init: function () {}}; // </script> in a comment")
	tests := []struct {
		name       string
		assets     Assets
		wantURL    string
		wantInline bool
	}{
		{"default CDN", Assets{}, DefaultURL, false},
		{"custom URL", Assets{URL: "assets/echarts.min.js"}, "assets/echarts.min.js", false},
		{"inline with fallback URL", Assets{URL: "x.js", Inline: lib}, "x.js", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			frag := ROC(nil).HTML(tt.assets)
			if !strings.Contains(frag, `var url = "`+tt.wantURL+`";`) {
				t.Errorf("fragment does not load from %q:\n%s", tt.wantURL, frag)
			}
			inline := strings.Index(frag, "(function (define, module, exports) {")
			if (inline >= 0) != tt.wantInline {
				t.Fatalf("inline library present = %v, want %v", inline >= 0, tt.wantInline)
			}
			if !tt.wantInline {
				return
			}
			if draw := strings.Index(frag, "function draw(echarts, tries)"); inline > draw {
				t.Errorf("the library comes after the draw script")
			}
			if !strings.Contains(frag, `// <\/script> in a comment`) {
				t.Errorf("the inlined library's </script> is not escaped")
			}
		})
	}
}

func TestLoadAssets(t *testing.T) {
	dir := t.TempDir()
	good := filepath.Join(dir, "echarts.min.js")
	bad := filepath.Join(dir, "other.js")
	if err := os.WriteFile(good, []byte("!function(t,e){t.echarts={}}(this)"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(bad, []byte("console.log(1)"), 0o644); err != nil {
		t.Fatal(err)
	}

	a, err := LoadAssets(good)
	if err != nil || len(a.Inline) == 0 {
		t.Errorf("LoadAssets(%s) = %d bytes, %v; want the file", good, len(a.Inline), err)
	}
	for _, p := range []string{bad, filepath.Join(dir, "missing.js")} {
		if _, err := LoadAssets(p); err == nil {
			t.Errorf("LoadAssets(%s): got no error", p)
		}
	}
}

func TestDefaultAssets(t *testing.T) {
	dir := t.TempDir()
	js := filepath.Join(dir, "echarts.min.js")
	if err := os.WriteFile(js, []byte("this.echarts={}"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, url, js string
		wantURL       string
		wantInline    bool
		wantErr       bool
	}{
		{"nothing set", "", "", "", false, false},
		{"URL", "https://example.test/e.js", "", "https://example.test/e.js", false, false},
		{"inline", "", js, "", true, false},
		{"unreadable file", "u.js", filepath.Join(dir, "missing.js"), "u.js", false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Setenv(EnvURL, tt.url)
			t.Setenv(EnvJS, tt.js)
			a, err := DefaultAssets()
			if (err != nil) != tt.wantErr {
				t.Errorf("error = %v, want error %v", err, tt.wantErr)
			}
			if a.URL != tt.wantURL || (len(a.Inline) > 0) != tt.wantInline {
				t.Errorf("got URL %q inline %d bytes, want URL %q inline %v", a.URL, len(a.Inline), tt.wantURL, tt.wantInline)
			}
		})
	}
}

func TestNotebookAssets(t *testing.T) {
	inline := NewNotebookAssets(Assets{URL: "e.js", Inline: []byte("lib")})
	first, second := inline.Next(), inline.Next()
	if string(first.Inline) != "lib" || first.URL != "e.js" {
		t.Errorf("first Next() = %+v, want the library inline", first)
	}
	if len(second.Inline) != 0 || second.URL != "e.js" {
		t.Errorf("second Next() = %+v, want only the URL", second)
	}

	online := NewNotebookAssets(Assets{URL: "e.js"})
	for i := range 2 {
		if a := online.Next(); a.URL != "e.js" || a.Inline != nil {
			t.Errorf("Next() #%d = %+v, want the URL", i, a)
		}
	}
}

func TestMIME(t *testing.T) {
	c := ConfusionMatrix([]string{"a", "b"}, [][]int{{1, 0}, {0, 1}}, false)
	bundle := c.MIMEWith(Assets{URL: "e.js"})
	if got, want := bundle["text/plain"], "Confusion matrix chart"; got != want {
		t.Errorf("text/plain = %q, want %q", got, want)
	}
	html, _ := bundle["text/html"].(string)
	if len(idsOf(html)) != 1 || !strings.Contains(html, `"e.js"`) {
		t.Errorf("text/html is not a chart fragment loading e.js:\n%s", html)
	}
	if got := c.MIME(); len(got) != 2 {
		t.Errorf("MIME() has %d entries, want 2", len(got))
	}
}

func TestWrappedChartFunctionsAndListeners(t *testing.T) {
	line := charts.NewLine()
	line.SetGlobalOptions(
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Formatter: opts.FuncOpts(`function (p) { return p.value < 2 ? "low" : "</b>"; }`)}),
		charts.WithEventListeners(event.Listener{EventName: "click", Handler: opts.FuncOpts(`function (p) { %MY_ECHARTS%.resize(); }`)}),
		charts.WithInitializationOpts(opts.Initialization{Width: "640px", Height: "300px", Theme: "dark"}),
	)
	line.SetXAxis([]string{"a"}).AddSeries("s", []opts.LineData{{Value: 1}})
	line.AddJSFuncStrs(opts.FuncOpts(`console.log(%MY_ECHARTS%.getWidth())`))

	frag := Wrap(line).HTML(Assets{})
	for _, want := range []string{
		`"formatter":function (p) { return p.value < 2 ? "low" : "<\/b>"; }`,
		`chart.on("click", function (p) { chart.resize(); });`,
		`console.log(chart.getWidth())`,
		`echarts.init(el, "dark", {renderer: "canvas"})`,
		`style="width:640px;height:300px;`,
	} {
		if !strings.Contains(frag, want) {
			t.Errorf("fragment lacks %s:\n%s", want, frag)
		}
	}
}

func TestHTMLReportsUnencodableOption(t *testing.T) {
	bar := charts.NewBar()
	bar.SetGlobalOptions(charts.WithXAxisOpts(opts.XAxis{MinInterval: math.NaN()}))
	c := Wrap(bar)

	if _, err := c.MarshalOption(); err == nil || !strings.Contains(err.Error(), "minInterval") {
		t.Errorf("MarshalOption error = %v, want one naming minInterval", err)
	}
	frag := c.HTML(Assets{})
	if !strings.Contains(frag, "tunebook-chart-error") || strings.Contains(frag, "<script") {
		t.Errorf("fragment is not an error message:\n%s", frag)
	}
}

func TestWrapNil(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Wrap(nil chart) did not panic")
		}
	}()
	var line *charts.Line
	Wrap(line)
}
