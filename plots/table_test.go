package plots

import (
	"regexp"
	"strings"
	"testing"
)

func TestTableHTML(t *testing.T) {
	tab := Table([]string{"model", "AUC", "<b>note</b>"}, [][]string{
		{"mlp & co", "0.991", `"quoted"`},
		{"<script>alert(1)</script>", "0.9"},
		{"logistic", "", "x", "extra"},
	})
	html := tab.HTML()

	for _, bad := range []string{"<script>", "<b>note</b>", "mlp & co", `"quoted"`} {
		if strings.Contains(html, bad) {
			t.Errorf("HTML holds unescaped %q", bad)
		}
	}
	for _, want := range []string{"&lt;script&gt;alert(1)&lt;/script&gt;", "mlp &amp; co", "&#34;quoted&#34;", "&lt;b&gt;note&lt;/b&gt;"} {
		if !strings.Contains(html, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
	if n := strings.Count(html, "<tr>"); n != 4 {
		t.Errorf("%d rows, want 4 (header and 3)", n)
	}
	if n := strings.Count(html, "<td"); n != 12 {
		t.Errorf("%d body cells, want 12 (3 rows padded to 4 columns)", n)
	}

	cells := regexp.MustCompile(`<t[hd] style="[^"]*text-align:(left|right)`).FindAllStringSubmatch(html, 4)
	var aligns []string
	for _, c := range cells {
		aligns = append(aligns, c[1])
	}
	if got, want := strings.Join(aligns, " "), "left right left left"; got != want {
		t.Errorf("header alignment %q, want %q (the AUC column is numeric)", got, want)
	}
}

func TestTableText(t *testing.T) {
	tests := []struct {
		name    string
		headers []string
		rows    [][]string
		want    string
	}{
		{"aligned", []string{"trial", "loss"}, [][]string{{"1", "0.5"}, {"12", "0.25"}},
			"trial  loss\n    1   0.5\n   12  0.25\n"},
		{"ragged and unicode", []string{"név"}, [][]string{{"α", "x"}, {}},
			"név\nα    x\n\n"},
		{"empty", nil, nil, "\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Table(tt.headers, tt.rows).Text(); got != tt.want {
				t.Errorf("Text() =\n%q\nwant\n%q", got, tt.want)
			}
		})
	}
	if m := Table([]string{"a"}, nil).MIME(); m["text/plain"] != "a\n" || !strings.Contains(m["text/html"].(string), "<table") {
		t.Errorf("MIME() = %v", m)
	}
}
