package display

import (
	"bytes"
	"encoding/base64"
	"errors"
	"image"
	"image/color"
	"image/png"
	"io"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// recorder is a Publisher that keeps what it receives.
type recorder struct {
	mu      sync.Mutex
	outputs []output
	clears  []bool
}

type output struct {
	b      Bundle
	id     string
	update bool
}

func (r *recorder) Display(b Bundle, id string, update bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.outputs = append(r.outputs, output{b, id, update})
}

func (r *recorder) ClearOutput(wait bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.clears = append(r.clears, wait)
}

func record(t *testing.T) *recorder {
	t.Helper()
	r := &recorder{}
	SetPublisher(r)
	t.Cleanup(func() { SetPublisher(nil) })
	return r
}

type htmlTable struct{}

func (htmlTable) HTML() string   { return "<table></table>" }
func (htmlTable) String() string { return "table" }

type chart struct{}

func (chart) MIME() map[string]any {
	return map[string]any{"text/html": "<div id=c></div>", "application/vnd.custom+json": map[string]any{"n": 1.0}}
}

type doc struct{}

func (doc) Markdown() string { return "# T" }
func (doc) LaTeX() string    { return "$x^2$" }
func (doc) SVG() string      { return "<svg/>" }

type pngBytes struct{}

func (pngBytes) PNG() []byte { return []byte{1, 2, 3} }

type jsonRaw struct{}

func (jsonRaw) JSON() ([]byte, error) { return []byte(`{"a":[1,2]}`), nil }

type jsonValue struct{}

func (jsonValue) JSON() any { return map[string]int{"b": 2} }

type jsonFails struct{}

func (jsonFails) JSON() ([]byte, error) { return nil, errors.New("no data") }

type panicky struct{}

func (panicky) HTML() string { panic("broken") }

func TestMIMEOf(t *testing.T) {
	img := image.NewGray(image.Rect(0, 0, 3, 2))
	tests := []struct {
		name     string
		v        any
		wantRich bool
		want     map[string]any
	}{
		{"plain value", 42, false, map[string]any{MIMEText: "42"}},
		{"HTML with String", htmlTable{}, true, map[string]any{MIMEHTML: "<table></table>", MIMEText: "table"}},
		{"MIME bundle", chart{}, true, map[string]any{
			MIMEHTML: "<div id=c></div>", "application/vnd.custom+json": map[string]any{"n": 1.0}, MIMEText: "<display.chart>"}},
		{"text formats", doc{}, true, map[string]any{MIMEMarkdown: "# T", MIMELaTeX: "$x^2$", MIMESVG: "<svg/>", MIMEText: "<display.doc>"}},
		{"PNG bytes", pngBytes{}, true, map[string]any{MIMEPNG: base64.StdEncoding.EncodeToString([]byte{1, 2, 3}), MIMEText: "<display.pngBytes>"}},
		{"raw JSON", jsonRaw{}, true, map[string]any{MIMEJSON: map[string]any{"a": []any{1.0, 2.0}}, MIMEText: "<display.jsonRaw>"}},
		{"JSON value", jsonValue{}, true, map[string]any{MIMEJSON: map[string]any{"b": 2.0}, MIMEText: "<display.jsonValue>"}},
		{"bundle as is", Bundle{Data: map[string]any{MIMEHTML: "x"}}, true, map[string]any{MIMEHTML: "x"}},
		{"image", img, true, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b, rich := MIMEOf(tt.v)
			if rich != tt.wantRich {
				t.Errorf("rich = %v, want %v", rich, tt.wantRich)
			}
			if tt.want != nil && !reflect.DeepEqual(b.Data, tt.want) {
				t.Errorf("Data = %#v, want %#v", b.Data, tt.want)
			}
		})
	}
}

func TestMIMEOfImageIsPNG(t *testing.T) {
	img := image.NewGray(image.Rect(0, 0, 3, 2))
	img.SetGray(1, 1, color.Gray{Y: 200})
	b, _ := MIMEOf(img)
	data, err := base64.StdEncoding.DecodeString(b.Data[MIMEPNG].(string))
	if err != nil {
		t.Fatal(err)
	}
	got, err := png.Decode(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("image/png does not decode: %v", err)
	}
	if c := color.GrayModel.Convert(got.At(1, 1)).(color.Gray); c.Y != 200 || got.Bounds() != img.Bounds() {
		t.Errorf("decoded pixel %v bounds %v, want 200 and %v", c.Y, got.Bounds(), img.Bounds())
	}
	if text := b.Data[MIMEText]; text != "<*image.Gray 3x2>" {
		t.Errorf("text/plain = %q, want <*image.Gray 3x2>", text)
	}
}

func TestMIMEOfFailingMethods(t *testing.T) {
	tests := []struct {
		v       any
		wantMsg string
	}{
		{panicky{}, "text/html: panic: broken"},
		{jsonFails{}, "application/json: no data"},
	}
	for _, tt := range tests {
		b, _ := MIMEOf(tt.v)
		text, _ := b.Data[MIMEText].(string)
		if !strings.Contains(text, tt.wantMsg) {
			t.Errorf("MIMEOf(%T) text/plain = %q, want it to mention %q", tt.v, text, tt.wantMsg)
		}
	}
}

func TestPublishFunctions(t *testing.T) {
	r := record(t)
	img := image.NewRGBA(image.Rect(0, 0, 1, 1))
	HTML("<b>x</b>")
	Markdown("*m*")
	Text("plain")
	LaTeX("$y$")
	SVG("<svg/>")
	PNG([]byte{9})
	Image(img)
	JSON(map[string]int{"k": 1})
	Show(htmlTable{})
	Clear(true)

	wantTypes := [][]string{
		{MIMEHTML}, {MIMEMarkdown}, {MIMEText}, {MIMELaTeX}, {MIMESVG}, {MIMEPNG}, {MIMEPNG}, {MIMEJSON}, {MIMEHTML, MIMEText},
	}
	if len(r.outputs) != len(wantTypes) {
		t.Fatalf("%d outputs, want %d", len(r.outputs), len(wantTypes))
	}
	for i, want := range wantTypes {
		o := r.outputs[i]
		if len(o.b.Data) != len(want) || o.id != "" || o.update {
			t.Errorf("output %d = %#v (id %q, update %v), want types %v without id", i, o.b.Data, o.id, o.update, want)
		}
		for _, mime := range want {
			if _, ok := o.b.Data[mime]; !ok {
				t.Errorf("output %d lacks %s: %#v", i, mime, o.b.Data)
			}
		}
	}
	if got := r.outputs[7].b.Data[MIMEJSON]; !reflect.DeepEqual(got, map[string]any{"k": 1.0}) {
		t.Errorf("JSON content = %#v, want map[k:1]", got)
	}
	if !reflect.DeepEqual(r.clears, []bool{true}) {
		t.Errorf("clears = %v, want [true]", r.clears)
	}
}

func TestDisplayUpdate(t *testing.T) {
	r := record(t)
	a, b := New(), New()
	if a.ID() == b.ID() || !strings.HasPrefix(a.ID(), "tunebook-") {
		t.Fatalf("ids %q and %q, want distinct tunebook- ids", a.ID(), b.ID())
	}
	b.Update("first")
	a.Show("one")
	a.Update("two")
	a.Show("again")
	want := []output{
		{Bundle{Data: map[string]any{MIMEText: "first"}}, b.ID(), false},
		{Bundle{Data: map[string]any{MIMEText: "one"}}, a.ID(), false},
		{Bundle{Data: map[string]any{MIMEText: "two"}}, a.ID(), true},
		{Bundle{Data: map[string]any{MIMEText: "again"}}, a.ID(), false},
	}
	if !reflect.DeepEqual(r.outputs, want) {
		t.Errorf("outputs = %#v, want %#v", r.outputs, want)
	}
}

func TestDefaultPublisherWritesText(t *testing.T) {
	SetPublisher(nil)
	out := captureStdout(t, func() {
		HTML("<p>hi</p>")
		Markdown("# title\n")
		PNG([]byte{1})
		Show(3.5)
	})
	want := "<p>hi</p>\n# title\n<display image/png>\n3.5\n"
	if out != want {
		t.Errorf("stdout = %q, want %q", out, want)
	}
}

// captureStdout runs f with os.Stdout redirected to a pipe.
func captureStdout(t *testing.T, f func()) string {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stdout
	os.Stdout = w
	f()
	os.Stdout = saved
	w.Close()
	data, err := io.ReadAll(r)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func TestJSONFailureGoesToStderr(t *testing.T) {
	r := record(t)
	r2, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stderr
	os.Stderr = w
	JSON(func() {})
	os.Stderr = saved
	w.Close()
	msg, _ := io.ReadAll(r2)
	if len(r.outputs) != 0 || !strings.Contains(string(msg), "display.JSON: marshal func()") {
		t.Errorf("outputs %v, stderr %q; want no output and a marshal error", r.outputs, msg)
	}
}
