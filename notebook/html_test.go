package notebook

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/tunebook/tunebook/plots"
)

// exportHTML returns the page WriteHTML makes of nb.
func exportHTML(t *testing.T, nb *Notebook, opts HTMLOptions) string {
	t.Helper()
	var b strings.Builder
	if err := WriteHTML(&b, nb, opts); err != nil {
		t.Fatalf("WriteHTML: %v", err)
	}
	return b.String()
}

// TestCaseP04 exports the notebook of case p04 and checks every expectation
// of its expected.json (from nbconvert 6.5.3's HTML export).
func TestCaseP04(t *testing.T) {
	var expected struct {
		Checks struct {
			Verbatim       []string `json:"html_output_kept_verbatim"`
			ScriptAfterDiv bool     `json:"script_after_its_div"`
			StreamEscaped  string   `json:"stream_text_escaped"`
			StreamNotRaw   string   `json:"stream_not_raw"`
			ResultEscaped  string   `json:"execute_result_text_escaped"`
		} `json:"checks"`
	}
	raw, err := os.ReadFile("testdata/cases/p04/expected.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &expected); err != nil {
		t.Fatal(err)
	}
	nb, err := Read("testdata/cases/p04/input.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	page := exportHTML(t, nb, HTMLOptions{})
	c := expected.Checks

	for _, s := range c.Verbatim {
		if !strings.Contains(page, s) {
			t.Errorf("page lacks the HTML output verbatim: %q", s)
		}
	}
	div, script := strings.Index(page, c.Verbatim[0]), strings.Index(page, c.Verbatim[1])
	if c.ScriptAfterDiv && !(div >= 0 && div < script) {
		t.Errorf("script at %d, div at %d: want the script after its div", script, div)
	}
	for _, s := range []string{"<bar chart>", "&lt;bar chart&gt;"} {
		if strings.Contains(page, s) {
			t.Errorf("page holds the text/plain fallback %q; want text/html to win", s)
		}
	}
	if !strings.Contains(page, c.StreamEscaped) {
		t.Errorf("page lacks the escaped stream %q", c.StreamEscaped)
	}
	if strings.Contains(page, c.StreamNotRaw) {
		t.Errorf("page holds the stream text unescaped: %q", c.StreamNotRaw)
	}
	if !strings.Contains(page, c.ResultEscaped) {
		t.Errorf("page lacks the escaped result %q", c.ResultEscaped)
	}
	if strings.ContainsRune(page, 0x1b) {
		t.Error("page holds an ESC byte")
	}
	for _, s := range []string{"panic", ": boom"} {
		if !strings.Contains(page, s) {
			t.Errorf("page lacks the traceback text %q", s)
		}
	}
	if !strings.Contains(page, `<span class="ansi-red-fg">panic</span>: boom`) {
		t.Error("the traceback's red 'panic' is not a red span")
	}
	if !strings.Contains(page, "In&nbsp;[4]:") || !strings.Contains(page, "Out[3]:") {
		t.Error("page lacks the In [4] or Out[3] prompt")
	}
	if strings.Contains(page, "echarts") {
		t.Error("page without charts loads ECharts")
	}
}

func TestOutputPreference(t *testing.T) {
	const png = "iVBORw0KGgo=\n"
	tests := []struct {
		name    string
		data    map[string]any
		meta    map[string]any
		want    string
		notWant string
	}{
		{"html over everything", map[string]any{"text/html": "<i>h</i>", "image/svg+xml": "<svg/>", "text/plain": "p"}, nil, "<i>h</i>", "<svg/>"},
		{"svg inline over png", map[string]any{"image/svg+xml": "<svg id=\"s\"/>", "image/png": png}, nil, `<svg id="s"/>`, "data:image/png"},
		{"png as a data URI with its size", map[string]any{"image/png": png, "text/markdown": "*m*"},
			map[string]any{"image/png": map[string]any{"width": json.Number("320")}},
			`<img src="data:image/png;base64,iVBORw0KGgo=" width="320" alt="">`, "<em>m</em>"},
		{"markdown rendered over latex", map[string]any{"text/markdown": "**bold**", "text/latex": "$x$"}, nil, "<strong>bold</strong>", "$x$"},
		{"latex escaped over plain", map[string]any{"text/latex": "$a<b$", "text/plain": "p"}, nil, "$a&lt;b$", ">p<"},
		{"json indented", map[string]any{"application/json": map[string]any{"k": "<v>"}}, nil, "{\n  &#34;k&#34;: &#34;&lt;v&gt;&#34;\n}", ""},
		{"plain escaped, ANSI to spans", map[string]any{"text/plain": "\x1b[1ma<b\x1b[0m"}, nil, `<span class="ansi-bold">a&lt;b</span>`, "\x1b"},
		{"unknown types show nothing", map[string]any{"application/x-widget": "widget-state"}, nil, `<div class="output-body"></div>`, "widget-state"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nb := New()
			nb.Cells = []*Cell{{Type: CodeCell, Source: "x", ExecutionCount: 1, Outputs: []Output{
				{Type: DisplayData, Data: tt.data, Metadata: tt.meta},
			}}}
			page := exportHTML(t, nb, HTMLOptions{})
			if !strings.Contains(page, tt.want) {
				t.Errorf("page lacks %q", tt.want)
			}
			if tt.notWant != "" && strings.Contains(page, tt.notWant) {
				t.Errorf("page holds %q", tt.notWant)
			}
		})
	}
}

func TestMarkdownCells(t *testing.T) {
	nb, err := Read("testdata/roundtrip.ipynb")
	if err != nil {
		t.Fatal(err)
	}
	nb.Cells = append(nb.Cells,
		&Cell{Type: MarkdownCell, Source: "# Heading\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n<div class=\"note\">raw</div>\n\n~~old~~ `a<b`"},
		&Cell{Type: RawCell, Source: "not for HTML"},
	)
	page := exportHTML(t, nb, HTMLOptions{})
	for _, want := range []string{
		`<h1 id="heading">Heading</h1>`,
		`<h1 id="heading-1">Heading</h1>`,
		"<em>text</em>",
		`<img src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==" alt="dot">`,
		"<th>a</th>",
		`<div class="note">raw</div>`,
		"<del>old</del>",
		"<code>a&lt;b</code>",
		"<b>raw</b>", // raw cell with raw_mimetype text/html
		`<title>Round trip — ünïcödé</title>`,          // title from metadata
		`<pre class="stream stderr">100%` + "\n</pre>", // carriage returns applied
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q", want)
		}
	}
	if strings.Contains(page, "not for HTML") {
		t.Error("page shows a raw cell without an HTML raw_mimetype")
	}
}

func TestEChartsInHead(t *testing.T) {
	chart := plots.LossCurves("trial 1", []float64{1, 0.5, 0.25}, []float64{1.1, 0.6, 0.4})
	nb := New()
	nb.Cells = []*Cell{{Type: CodeCell, Source: "chart", ExecutionCount: 1, Outputs: []Output{
		{Type: DisplayData, Data: chart.MIMEWith(plots.Assets{URL: "https://example.invalid/echarts.js"})},
	}}}
	tests := []struct {
		name string
		opts plots.Assets
		want string
	}{
		{"inline", plots.Assets{Inline: []byte("window.echarts = {fake: true};")},
			"(function (define, module, exports) {\nwindow.echarts = {fake: true};\n}).call(window);"},
		{"URL", plots.Assets{URL: "lib/echarts.min.js"}, `<script src="lib/echarts.min.js"></script>`},
		{"default URL", plots.Assets{}, `<script src="` + plots.DefaultURL + `"></script>`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			page := exportHTML(t, nb, HTMLOptions{ECharts: tt.opts})
			head, _, _ := strings.Cut(page, "</head>")
			if !strings.Contains(head, tt.want) {
				t.Errorf("head lacks %q", tt.want)
			}
		})
	}
}
