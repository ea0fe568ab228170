package notebook

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"
)

// Write writes the notebook to the file at path in the layout Jupyter
// uses, so that files written by either diff cleanly: JSON indented by one
// space with keys sorted, multi-line text split into lists of lines, and a
// final newline.
func (nb *Notebook) Write(path string) error {
	var buf bytes.Buffer
	if err := nb.Encode(&buf); err != nil {
		return fmt.Errorf("notebook: writing %s: %w", path, err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("notebook: %w", err)
	}
	return nil
}

// Encode writes the notebook to w in the layout described at Write. Cells
// without an id get a random one when the format requires ids (4.5 and
// later). It returns an error when w fails or a metadata or output value
// cannot be encoded as JSON.
func (nb *Notebook) Encode(w io.Writer) error {
	cells := make([]any, len(nb.Cells))
	for i, c := range nb.Cells {
		if c.ID == "" && nb.Format == 4 && nb.FormatMinor >= 5 {
			c.ID = newCellID()
		}
		cells[i] = cellDoc(c)
	}
	doc := map[string]any{
		"cells":          cells,
		"metadata":       orEmpty(nb.Metadata),
		"nbformat":       nb.Format,
		"nbformat_minor": nb.FormatMinor,
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	return enc.Encode(doc)
}

func cellDoc(c *Cell) map[string]any {
	m := map[string]any{
		"cell_type": c.Type,
		"metadata":  orEmpty(c.Metadata),
		"source":    splitLines(c.Source),
	}
	if c.ID != "" {
		m["id"] = c.ID
	}
	if c.Type != CodeCell {
		if c.Attachments != nil {
			att := make(map[string]any, len(c.Attachments))
			for name, b := range c.Attachments {
				att[name] = bundleDoc(b)
			}
			m["attachments"] = att
		}
		return m
	}
	m["execution_count"] = countDoc(c.ExecutionCount)
	outs := make([]any, len(c.Outputs))
	for i, o := range c.Outputs {
		outs[i] = outputDoc(o)
	}
	m["outputs"] = outs
	return m
}

func outputDoc(o Output) map[string]any {
	m := map[string]any{"output_type": o.Type}
	switch o.Type {
	case StreamOutput:
		m["name"] = o.Name
		m["text"] = splitLines(o.Text)
	case DisplayData, ExecuteResult:
		m["data"] = bundleDoc(o.Data)
		m["metadata"] = orEmpty(o.Metadata)
		if o.Type == ExecuteResult {
			m["execution_count"] = countDoc(o.ExecutionCount)
		}
	case ErrorOutput:
		m["ename"] = o.EName
		m["evalue"] = o.EValue
		tb := o.Traceback
		if tb == nil {
			tb = []string{}
		}
		m["traceback"] = tb
	}
	return m
}

// splitMIME reports whether nbformat stores content of this MIME type as a
// list of lines: text types, JavaScript and SVG.
func splitMIME(mime string) bool {
	return strings.HasPrefix(mime, "text/") || mime == "application/javascript" || mime == "image/svg+xml"
}

// bundleDoc returns a copy of a MIME bundle with multi-line text split.
func bundleDoc(b map[string]any) map[string]any {
	out := make(map[string]any, len(b))
	for mime, v := range b {
		if s, ok := v.(string); ok && splitMIME(mime) {
			out[mime] = splitLines(s)
			continue
		}
		out[mime] = v
	}
	return out
}

// countDoc returns an execution count, with 0 as null.
func countDoc(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func orEmpty(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

// splitLines splits s after each line break, keeping the breaks, as
// Python's str.splitlines(True) does; nbformat writes text this way.
func splitLines(s string) []string {
	lines := []string{}
	start := 0
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		end := -1
		switch r {
		case '\r':
			end = i + 1
			if i+1 < len(s) && s[i+1] == '\n' {
				end = i + 2
			}
		case '\n', '\v', '\f', 0x1c, 0x1d, 0x1e, 0x85, 0x2028, 0x2029:
			end = i + size
		}
		if end < 0 {
			i += size
			continue
		}
		lines = append(lines, s[start:end])
		start, i = end, end
	}
	if start < len(s) {
		lines = append(lines, s[start:])
	}
	return lines
}
