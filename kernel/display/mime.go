package display

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"image"
	"image/png"
	"reflect"
)

// MIME types produced by this package.
const (
	MIMEText     = "text/plain"
	MIMEHTML     = "text/html"
	MIMEMarkdown = "text/markdown"
	MIMELaTeX    = "text/latex"
	MIMESVG      = "image/svg+xml"
	MIMEPNG      = "image/png"
	MIMEJSON     = "application/json"
)

// MIMEOf returns the bundle that shows v, and whether v has a rich (not
// only text/plain) representation. A Bundle or *Bundle is returned as it is;
// an image.Image becomes image/png; the methods listed in the package
// documentation add their MIME types. text/plain is always present: from a
// String method, from the MIME method's own text/plain, from fmt.Sprint for
// plain values, or a short type description for rich values. A method that
// panics or fails is skipped and its error is reported in text/plain.
func MIMEOf(v any) (Bundle, bool) {
	switch x := v.(type) {
	case Bundle:
		return x, true
	case *Bundle:
		if x != nil {
			return *x, true
		}
	}
	b := Bundle{Data: map[string]any{}}
	var problems []string
	add := func(mime string, f func() (any, error)) {
		content, err := callSafely(f)
		if err != nil {
			problems = append(problems, fmt.Sprintf("%s: %v", mime, err))
			return
		}
		b.Data[mime] = content
	}

	if m, ok := v.(interface{ MIME() map[string]any }); ok {
		data, err := callSafely(func() (any, error) { return m.MIME(), nil })
		if err != nil {
			problems = append(problems, fmt.Sprintf("MIME: %v", err))
		} else if data, ok := data.(map[string]any); ok {
			for mime, content := range data {
				b.Data[mime] = content
			}
		}
	}
	if img, ok := v.(image.Image); ok {
		add(MIMEPNG, func() (any, error) { return encodePNG(img) })
	}
	if m, ok := v.(interface{ HTML() string }); ok {
		add(MIMEHTML, func() (any, error) { return m.HTML(), nil })
	}
	if m, ok := v.(interface{ Markdown() string }); ok {
		add(MIMEMarkdown, func() (any, error) { return m.Markdown(), nil })
	}
	if m, ok := v.(interface{ SVG() string }); ok {
		add(MIMESVG, func() (any, error) { return m.SVG(), nil })
	}
	if m, ok := v.(interface{ PNG() []byte }); ok {
		add(MIMEPNG, func() (any, error) { return base64.StdEncoding.EncodeToString(m.PNG()), nil })
	}
	if m, ok := v.(interface{ LaTeX() string }); ok {
		add(MIMELaTeX, func() (any, error) { return m.LaTeX(), nil })
	}
	if f := jsonMethod(v); f != nil {
		add(MIMEJSON, f)
	}

	rich := len(b.Data) > 0
	if _, ok := b.Data[MIMEText]; !ok {
		b.Data[MIMEText] = plainText(v, rich)
	}
	for _, p := range problems {
		b.Data[MIMEText] = fmt.Sprintf("%v\n(display: %s)", b.Data[MIMEText], p)
	}
	return b, rich
}

// plainText is the text/plain form of v: its String method, fmt.Sprint for
// plain values, and a type description for rich values, whose default
// formatting would dump their internals.
func plainText(v any, rich bool) string {
	if s, ok := v.(fmt.Stringer); ok {
		if text, err := callSafely(func() (any, error) { return s.String(), nil }); err == nil {
			return text.(string)
		}
	}
	if img, ok := v.(image.Image); ok {
		r := img.Bounds()
		return fmt.Sprintf("<%T %dx%d>", v, r.Dx(), r.Dy())
	}
	if rich {
		return fmt.Sprintf("<%T>", v)
	}
	return fmt.Sprint(v)
}

// encodePNG encodes img as a base64 PNG.
func encodePNG(img image.Image) (string, error) {
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		return "", fmt.Errorf("encode png: %w", err)
	}
	return base64.StdEncoding.EncodeToString(buf.Bytes()), nil
}

// jsonMethod returns a function producing application/json content from a
// JSON method of v, which may return raw JSON ([]byte, json.RawMessage or
// string) or any value to marshal, optionally followed by an error. It
// returns nil when v has no such method.
func jsonMethod(v any) func() (any, error) {
	if v == nil {
		return nil
	}
	m := reflect.ValueOf(v).MethodByName("JSON")
	if !m.IsValid() {
		return nil
	}
	t := m.Type()
	errType := reflect.TypeFor[error]()
	if t.NumIn() != 0 || t.NumOut() == 0 || t.NumOut() > 2 || (t.NumOut() == 2 && t.Out(1) != errType) {
		return nil
	}
	return func() (any, error) {
		out := m.Call(nil)
		if len(out) == 2 && !out[1].IsNil() {
			return nil, out[1].Interface().(error)
		}
		return jsonContent(out[0].Interface())
	}
}

// jsonContent turns raw JSON or a value into a JSON-compatible value
// (maps, slices, strings, float64, bool, nil) for a message.
func jsonContent(v any) (any, error) {
	var raw []byte
	switch x := v.(type) {
	case []byte:
		raw = x
	case json.RawMessage:
		raw = x
	case string:
		raw = []byte(x)
	default:
		var err error
		if raw, err = json.Marshal(v); err != nil {
			return nil, fmt.Errorf("marshal %T: %w", v, err)
		}
	}
	var out any
	if err := json.Unmarshal(raw, &out); err != nil {
		return nil, fmt.Errorf("invalid JSON: %w", err)
	}
	return out, nil
}

// callSafely runs f, turning a panic into an error so that one faulty
// display method does not fail a whole output.
func callSafely(f func() (any, error)) (v any, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic: %v", r)
		}
	}()
	return f()
}
