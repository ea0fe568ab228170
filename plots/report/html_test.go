package report

import (
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/tunebook/tunebook/plots"
)

const hostile = `<script>alert("x")</script> & 'q'`

func sampleChart() *plots.Chart {
	return plots.ROC([]plots.ROCSeries{{Name: "m", FPR: []float64{0, 0.2, 1}, TPR: []float64{0, 0.8, 1}, AUC: 0.8}})
}

func TestWriteHTMLEscapesText(t *testing.T) {
	doc := Document{
		Title:    hostile,
		Subtitle: hostile,
		Cards:    []Card{{Label: hostile, Value: hostile, Detail: hostile}},
		Sections: []Section{{Heading: hostile, Blocks: []Block{
			Paragraph(hostile),
			KeyValues([][2]string{{hostile, hostile}}),
			Table([]string{hostile}, [][]string{{hostile}}),
		}}},
	}
	var b strings.Builder
	if err := doc.WriteHTML(&b, plots.Assets{URL: `x.js?a=1&b="2"`}); err != nil {
		t.Fatal(err)
	}
	page := b.String()

	if strings.Contains(page, "<script>alert") || strings.Contains(page, `x.js?a=1&b="2"`) {
		t.Errorf("the page holds unescaped text:\n%s", page)
	}
	const escaped = "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt; &amp; &#39;q&#39;"
	// title, h1, subtitle, card label, value and detail, h2, paragraph, dt, dd, th, td
	if n := strings.Count(page, escaped); n != 12 {
		t.Errorf("escaped text appears %d times, want 12", n)
	}
	if !strings.Contains(page, `<script src="x.js?a=1&amp;b=&#34;2&#34;"></script>`) {
		t.Errorf("the library URL is not escaped in the head")
	}
}

func TestWriteHTMLLayout(t *testing.T) {
	c := sampleChart()
	doc := Document{
		Title: "r",
		Sections: []Section{
			{Heading: "Two grids", Blocks: []Block{
				Chart(c), Chart(c), Paragraph("first\n\n  \nsecond"), Chart(c), Raw(`<hr class="mine">`),
			}},
			{Heading: "Model comparison!", Blocks: []Block{Chart(sampleChart())}},
		},
	}
	var b strings.Builder
	if err := doc.WriteHTML(&b, plots.Assets{}); err != nil {
		t.Fatal(err)
	}
	page := b.String()

	tests := []struct {
		what string
		re   string
		want int
	}{
		{"chart grids", `<div class="charts">`, 3},
		{"charts", `<figure class="chart">\s*<div class="tunebook-chart"`, 4},
		{"paragraphs", `<p>(first|second)</p>`, 2},
		{"raw block", `<hr class="mine">`, 1},
		{"section anchors", `<section id="s1-two-grids">|<section id="s2-model-comparison">`, 2},
		{"nav links", `<a href="#s[12]-`, 2},
		{"library loads", `<script src="` + regexp.QuoteMeta(plots.DefaultURL) + `"></script>`, 1},
		{"no summary cards", `class="cards"`, 0},
	}
	for _, tt := range tests {
		if got := len(regexp.MustCompile(tt.re).FindAllString(page, -1)); got != tt.want {
			t.Errorf("%s: %d matches of %s, want %d", tt.what, got, tt.re, tt.want)
		}
	}

	ids := regexp.MustCompile(`class="tunebook-chart" id="([^"]+)"`).FindAllStringSubmatch(page, -1)
	distinct := map[string]bool{}
	for _, m := range ids {
		distinct[m[1]] = true
	}
	if len(distinct) != 4 {
		t.Errorf("%d distinct chart ids for 4 charts (one chart shown three times)", len(distinct))
	}
}

func TestWriteHTMLInlineLibraryOnce(t *testing.T) {
	lib := []byte("/* lib */ window.echarts = window.echarts || {};")
	doc := Document{Title: "r", Sections: []Section{{Heading: "s", Blocks: []Block{Chart(sampleChart()), Chart(sampleChart())}}}}
	var b strings.Builder
	if err := doc.WriteHTML(&b, plots.Assets{Inline: lib}); err != nil {
		t.Fatal(err)
	}
	page := b.String()

	if n := strings.Count(page, string(lib)); n != 1 {
		t.Errorf("library inlined %d times, want 1", n)
	}
	head := page[:strings.Index(page, "</head>")]
	if !strings.Contains(head, string(lib)) {
		t.Error("the library is not in the head")
	}
	if strings.Contains(head, "<script src=") {
		t.Error("an inline page also loads the library from a URL")
	}
}

type failingWriter struct{}

var errDiskFull = errors.New("disk full")

func (failingWriter) Write([]byte) (int, error) { return 0, errDiskFull }

func TestWriteHTMLWriteError(t *testing.T) {
	err := (&Document{Title: "r"}).WriteHTML(failingWriter{}, plots.Assets{})
	if !errors.Is(err, errDiskFull) {
		t.Errorf("got %v, want an error wrapping %v", err, errDiskFull)
	}
}

func TestChartNilPanics(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("Chart(nil) did not panic")
		}
	}()
	Chart(nil)
}

func TestSectionID(t *testing.T) {
	tests := []struct {
		i       int
		heading string
		want    string
	}{
		{0, "Leaderboard", "s1-leaderboard"},
		{2, "  ROC & PR curves ", "s3-roc-pr-curves"},
		{3, `<script>"`, "s4-script"},
		{1, "Ünïcode only", "s2-ünïcode-only"},
		{4, "", "s5"},
	}
	for _, tt := range tests {
		if got := sectionID(tt.i, tt.heading); got != tt.want {
			t.Errorf("sectionID(%d, %q) = %q, want %q", tt.i, tt.heading, got, tt.want)
		}
	}
}
