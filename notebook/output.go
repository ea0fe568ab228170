package notebook

import (
	"encoding/json"
	"fmt"
	"html"
	"strings"
)

// mimePreference lists the MIME types an output is shown as, richest
// first, as in nbconvert's display priority.
var mimePreference = []string{
	"text/html", "image/svg+xml", "image/png", "image/jpeg", "image/gif", "image/webp",
	"text/markdown", "text/latex", "application/json", "text/plain",
}

// richest returns the richest MIME type in data that the page can show, and
// its content; mime is "" when there is none. Text content must be a
// string.
func richest(data map[string]any) (mime string, content any) {
	for _, m := range mimePreference {
		v, ok := data[m]
		if !ok {
			continue
		}
		if _, isText := v.(string); isText || m == "application/json" {
			return m, v
		}
	}
	return "", nil
}

// writeOutput writes one output of a code cell.
func writeOutput(b *strings.Builder, o Output, md *markdown) error {
	prompt := ""
	if o.Type == ExecuteResult {
		prompt = fmt.Sprintf("Out[%s]:", count(o.ExecutionCount))
	}
	fmt.Fprintf(b, "<div class=\"output\"><div class=\"prompt\">%s</div><div class=\"output-body\">", prompt)
	defer b.WriteString("</div></div>\n")

	switch o.Type {
	case StreamOutput:
		fmt.Fprintf(b, "<pre class=\"stream %s\">", html.EscapeString(o.Name))
		writeANSI(b, o.Text)
		b.WriteString("</pre>")
	case ErrorOutput:
		b.WriteString("<pre class=\"error\">")
		text := strings.Join(o.Traceback, "\n")
		if len(o.Traceback) == 0 {
			text = o.EName + ": " + o.EValue
		}
		writeANSI(b, text)
		b.WriteString("</pre>")
	case DisplayData, ExecuteResult:
		return writeBundle(b, o, md)
	}
	return nil
}

// writeBundle writes the richest representation of a display or result.
func writeBundle(b *strings.Builder, o Output, md *markdown) error {
	mime, content := richest(o.Data)
	text, _ := content.(string)
	switch mime {
	case "text/html":
		b.WriteString(text)
	case "image/svg+xml":
		b.WriteString("<div class=\"svg-output\">" + text + "</div>")
	case "image/png", "image/jpeg", "image/gif", "image/webp":
		fmt.Fprintf(b, "<img src=\"data:%s;base64,%s\"%s alt=\"\">", mime, stripSpace(text), imageSize(o.Metadata[mime]))
	case "text/markdown":
		b.WriteString("<div class=\"markdown-output\">")
		if err := md.render(b, text, nil); err != nil {
			return err
		}
		b.WriteString("</div>")
	case "text/latex":
		b.WriteString("<pre class=\"latex\">" + html.EscapeString(text) + "</pre>")
	case "application/json":
		var js strings.Builder
		enc := json.NewEncoder(&js)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(content); err != nil {
			return fmt.Errorf("application/json output: %w", err)
		}
		b.WriteString("<pre class=\"json\">" + html.EscapeString(strings.TrimSuffix(js.String(), "\n")) + "</pre>")
	case "text/plain":
		b.WriteString("<pre>")
		writeANSI(b, text)
		b.WriteString("</pre>")
	}
	return nil
}

// imageSize returns width and height attributes from an image's output
// metadata ({"width": 640, "height": 480}), or "".
func imageSize(meta any) string {
	m, ok := meta.(map[string]any)
	if !ok {
		return ""
	}
	var attrs string
	for _, key := range []string{"width", "height"} {
		switch v := m[key].(type) {
		case json.Number, float64, int:
			attrs += fmt.Sprintf(" %s=\"%s\"", key, html.EscapeString(fmt.Sprint(v)))
		}
	}
	return attrs
}
