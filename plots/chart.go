package plots

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"sync"

	"github.com/go-echarts/go-echarts/v2/event"
	"github.com/go-echarts/go-echarts/v2/opts"
)

// Source is implemented by every go-echarts v2 chart (*charts.Bar,
// *charts.Line, *charts.Scatter, ...): Validate settles the chart's data and
// JSON returns its ECharts option as a Go value.
type Source interface {
	Validate()
	JSON() map[string]interface{}
}

// Chart is an ECharts chart ready for a notebook or a report. It wraps a
// go-echarts chart and renders it afresh on every call, so changes made to
// the go-echarts chart through Echarts show up in later renders.
//
// A Chart is safe for concurrent use; the go-echarts chart it wraps is not,
// so do not change it while the Chart renders.
type Chart struct {
	mu    sync.Mutex
	src   Source
	notes []string
}

// Wrap returns a Chart that renders src, any go-echarts v2 chart. It panics
// if src is nil.
func Wrap(src Source) *Chart {
	if src == nil || reflect.ValueOf(src).IsZero() {
		panic("plots: Wrap of a nil chart")
	}
	return &Chart{src: src}
}

// Echarts returns the go-echarts chart behind c, for changes the builders do
// not offer (type-assert it to the concrete chart, e.g. *charts.Line).
func (c *Chart) Echarts() Source { return c.src }

// note records a remark shown in the chart's subtitle, such as how many
// points a builder had to leave out.
func (c *Chart) note(format string, args ...any) {
	c.notes = append(c.notes, fmt.Sprintf(format, args...))
}

// Title returns the chart's title text, or "" when it has none.
func (c *Chart) Title() string {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.src.Validate()
	if t, ok := c.src.JSON()["title"].(opts.Title); ok {
		return t.Title
	}
	return ""
}

// MarshalOption returns the chart's ECharts option as JSON. Non-finite
// numbers reachable as data values become null (or "-" where go-echarts
// would drop a null), and the subtitle then says how many were omitted. The
// JSON escapes <, > and & inside strings, so it is safe inside a <script>.
// It returns an error naming the field when a non-finite number sits where
// JSON cannot express it.
//
// JavaScript functions set through go-echarts' opts.FuncOpts stay the
// "__f__…__f__" strings go-echarts uses; HTML turns them into code.
func (c *Chart) MarshalOption() ([]byte, error) {
	r, err := c.render()
	if err != nil {
		return nil, err
	}
	return r.option, nil
}

// rendered is one render of a chart: its option and the settings of the
// go-echarts chart that the page script needs.
type rendered struct {
	option    []byte
	title     string
	width     string
	height    string
	theme     string
	renderer  string
	funcs     []string
	listeners []event.Listener
}

// render validates the wrapped chart, sanitises its option and encodes it.
func (c *Chart) render() (rendered, error) {
	c.mu.Lock()
	defer c.mu.Unlock()

	c.src.Validate()
	obj := c.src.JSON()
	clean, omitted, err := sanitizeOption(obj)
	if err != nil {
		return rendered{}, err
	}
	obj = clean.(map[string]interface{})

	notes := append([]string(nil), c.notes...)
	if omitted > 0 {
		notes = append(notes, fmt.Sprintf("%d non-finite %s omitted", omitted, plural(omitted, "value")))
	}
	title, _ := obj["title"].(opts.Title)
	if len(notes) > 0 {
		title.Subtitle = strings.Join(append(nonEmpty(title.Subtitle), notes...), " · ")
		obj["title"] = title
	}

	var buf bytes.Buffer
	if err := json.NewEncoder(&buf).Encode(obj); err != nil {
		return rendered{}, fmt.Errorf("plots: encoding the option of chart %q: %w", title.Title, err)
	}

	init := fieldOf[opts.Initialization](c.src, "Initialization")
	r := rendered{
		option:    bytes.TrimRight(buf.Bytes(), "\n"),
		title:     title.Title,
		width:     orDefault(init.Width, "100%"),
		height:    orDefault(init.Height, defaultHeight),
		theme:     init.Theme,
		renderer:  orDefault(init.Renderer, "canvas"),
		listeners: fieldOf[[]event.Listener](c.src, "EventListeners"),
	}
	for _, fn := range fieldOf[opts.JSFunctions](c.src, "JSFunctions").Fns {
		r.funcs = append(r.funcs, string(fn))
	}
	return r, nil
}

// fieldOf reads the exported field name of the struct behind src (promoted
// fields included), returning T's zero value when there is none. go-echarts
// keeps a chart's size, theme, functions and listeners in such fields
// without getters.
func fieldOf[T any](src Source, name string) T {
	var zero T
	v := reflect.Indirect(reflect.ValueOf(src))
	if v.Kind() != reflect.Struct {
		return zero
	}
	f := v.FieldByName(name)
	if !f.IsValid() || !f.CanInterface() {
		return zero
	}
	t, _ := f.Interface().(T)
	return t
}

func orDefault(s, def string) string {
	if s == "" {
		return def
	}
	return s
}

func nonEmpty(s string) []string {
	if s == "" {
		return nil
	}
	return []string{s}
}

func plural(n int, word string) string {
	if n == 1 {
		return word
	}
	return word + "s"
}
