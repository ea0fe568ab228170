package repl

import (
	"encoding/base64"
	"reflect"
	"sync"
	"testing"

	"github.com/tunebook/tunebook/kernel/display"
)

// published records the outputs cells publish through package display.
type published struct {
	mu      sync.Mutex
	bundles []display.Bundle
	ids     []string
	updates []bool
}

func (p *published) Display(b display.Bundle, id string, update bool) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.bundles, p.ids, p.updates = append(p.bundles, b), append(p.ids, id), append(p.updates, update)
}

func (p *published) ClearOutput(bool) {}

func TestRichResults(t *testing.T) {
	ts := newTestSession(t)
	tests := []struct {
		code string
		want map[string]any
	}{
		{
			code: "type Table struct{ Rows int }\nfunc (t Table) HTML() string { return \"<table></table>\" }\nfunc (t Table) String() string { return \"table\" }\nTable{2}",
			want: map[string]any{"text/html": "<table></table>", "text/plain": "table"},
		},
		{
			code: "type Doc struct{}\nfunc (d *Doc) Markdown() string { return \"# d\" }\n&Doc{}",
			want: map[string]any{"text/markdown": "# d", "text/plain": "&{}"},
		},
		{
			code: "type Pic struct{}\nfunc (Pic) PNG() []byte { return []byte{7} }\nfunc (Pic) JSON() interface{} { return []int{1} }\nPic{}",
			want: map[string]any{"image/png": base64.StdEncoding.EncodeToString([]byte{7}), "application/json": []any{1.0}, "text/plain": "{}"},
		},
		{
			code: "type Chart struct{}\nfunc (Chart) MIME() map[string]interface{} { return map[string]interface{}{\"text/html\": \"<div></div>\", \"text/plain\": \"chart\"} }\nChart{}",
			want: map[string]any{"text/html": "<div></div>", "text/plain": "chart"},
		},
		{
			code: "import \"image\"\nimage.NewGray(image.Rect(0, 0, 2, 2))",
			want: nil, // checked below: image/png present
		},
	}
	for _, tt := range tests {
		got := ts.exec(t, tt.code)
		if got.err != nil || got.result == nil {
			t.Errorf("%q: result %v, error %v", tt.code, got.result, got.err)
			continue
		}
		if tt.want == nil {
			if _, ok := got.result.Data["image/png"]; !ok {
				t.Errorf("%q: data %v, want image/png", tt.code, got.result.Data)
			}
			continue
		}
		if !reflect.DeepEqual(got.result.Data, tt.want) {
			t.Errorf("%q: data %#v, want %#v", tt.code, got.result.Data, tt.want)
		}
	}
}

func TestDisplayFromCells(t *testing.T) {
	pub := &published{}
	display.SetPublisher(pub)
	t.Cleanup(func() { display.SetPublisher(nil) })

	ts := newTestSession(t)
	for _, code := range []string{
		"import \"github.com/tunebook/tunebook/kernel/display\"\ndisplay.HTML(\"<i>x</i>\")",
		"type Badge struct{ N int }\nfunc (b Badge) HTML() string { return \"<span>badge</span>\" }\ndisplay.Show(Badge{1})",
		"d := display.New()\nd.Show(\"start\")\nd.Update(display.Bundle{Data: map[string]interface{}{\"text/plain\": \"end\"}})",
	} {
		if got := ts.exec(t, code); got.err != nil || got.result != nil {
			t.Fatalf("%q: result %v, error %v; want neither", code, got.result, got.err)
		}
	}
	want := []display.Bundle{
		{Data: map[string]any{"text/html": "<i>x</i>"}},
		{Data: map[string]any{"text/html": "<span>badge</span>", "text/plain": "{1}"}},
		{Data: map[string]any{"text/plain": "start"}},
		{Data: map[string]any{"text/plain": "end"}},
	}
	if !reflect.DeepEqual(pub.bundles, want) {
		t.Fatalf("bundles = %#v, want %#v", pub.bundles, want)
	}
	if pub.ids[2] == "" || pub.ids[2] != pub.ids[3] || pub.updates[2] || !pub.updates[3] {
		t.Errorf("ids %q updates %v, want the live display shown then updated under one id", pub.ids, pub.updates)
	}
}
