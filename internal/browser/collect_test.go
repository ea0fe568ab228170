package browser

import (
	"slices"
	"strings"
	"testing"
)

func TestInject(t *testing.T) {
	tests := []struct {
		name, page, wantBefore string
	}{
		{"after head", "<!DOCTYPE html><html><head><title>x</title></head></html>", "<!DOCTYPE html><html><head>"},
		{"head with attributes", `<html><HEAD lang="en"><title>x</title></HEAD></html>`, `<html><HEAD lang="en">`},
		{"after html", "<!doctype html><html><body>x</body></html>", "<!doctype html><html>"},
		{"after doctype", "<!DOCTYPE html><p>x</p>", "<!DOCTYPE html>"},
		{"fragment", "<p>x</p>", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := inject(tt.page)
			i := strings.Index(got, collector)
			if i < 0 {
				t.Fatalf("inject(%q) lacks the collector", tt.page)
			}
			if before := got[:i]; before != tt.wantBefore {
				t.Errorf("inject(%q): text before the collector = %q, want %q", tt.page, before, tt.wantBefore)
			}
			if rest := got[:i] + got[i+len(collector):]; rest != tt.page {
				t.Errorf("inject(%q) changed the page: %q", tt.page, rest)
			}
		})
	}
}

func TestExtractErrors(t *testing.T) {
	dom := `<html><head>` + strings.TrimSuffix(collector, "\n") + `</head>` +
		`<ol id="browser-console-errors" hidden=""><li>Uncaught SyntaxError: a &lt; b</li>` +
		`<li>failed to load file:///x.js</li></ol><body><p>hi</p></body></html>`

	gotDOM, gotErrs := extractErrors(dom)
	if want := `<html><head></head><body><p>hi</p></body></html>`; gotDOM != want {
		t.Errorf("extractErrors DOM = %q, want %q", gotDOM, want)
	}
	wantErrs := []string{"Uncaught SyntaxError: a < b", "failed to load file:///x.js"}
	if !slices.Equal(gotErrs, wantErrs) {
		t.Errorf("extractErrors messages = %q, want %q", gotErrs, wantErrs)
	}
}

func TestStartTag(t *testing.T) {
	dom := `<body><div class="c" id="c-1" _echarts_instance_="ec_1"><canvas></canvas></div>` +
		`<div id="c-10"></div><span data-id="c-2" id="c-2"></span></body>`
	tests := []struct{ id, want string }{
		{"c-1", `<div class="c" id="c-1" _echarts_instance_="ec_1">`},
		{"c-10", `<div id="c-10">`},
		{"c-2", `<span data-id="c-2" id="c-2">`},
		{"c-3", ""},
		{"c-", ""},
	}
	for _, tt := range tests {
		if got := StartTag(dom, tt.id); got != tt.want {
			t.Errorf("StartTag(dom, %q) = %q, want %q", tt.id, got, tt.want)
		}
	}
}
