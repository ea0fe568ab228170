package notebook

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
)

// Read reads the notebook file at path. Errors name the file and, for a
// malformed cell, the cell (1-based) and the field.
func Read(path string) (*Notebook, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("notebook: %w", err)
	}
	defer f.Close()
	nb, err := parse(f)
	if err != nil {
		return nil, fmt.Errorf("notebook: %s: %w", path, err)
	}
	return nb, nil
}

// Parse reads a notebook in nbformat 4 from r. Multi-line fields may be a
// string or a list of strings, as nbformat allows; they are joined. Numbers
// in metadata are kept as json.Number so that they are written back
// unchanged. Parse returns an error for invalid JSON, a format other than 4,
// or a cell or output that lacks a required field or has one of the wrong
// type, naming the cell (1-based) and the field.
func Parse(r io.Reader) (*Notebook, error) {
	nb, err := parse(r)
	if err != nil {
		return nil, fmt.Errorf("notebook: %w", err)
	}
	return nb, nil
}

func parse(r io.Reader) (*Notebook, error) {
	raw, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var doc map[string]any
	if err := dec.Decode(&doc); err != nil {
		return nil, jsonError(raw, err)
	}
	return fromDoc(doc)
}

// jsonError adds the line number to a JSON syntax error.
func jsonError(raw []byte, err error) error {
	var syn *json.SyntaxError
	if errors.As(err, &syn) {
		line := 1 + bytes.Count(raw[:min(int(syn.Offset), len(raw))], []byte("\n"))
		return fmt.Errorf("invalid JSON at line %d: %w", line, err)
	}
	return fmt.Errorf("invalid JSON: %w", err)
}

func fromDoc(doc map[string]any) (*Notebook, error) {
	format, err := intField(doc, "nbformat", true)
	if err != nil {
		return nil, err
	}
	if format != 4 {
		return nil, fmt.Errorf("nbformat %d is not supported (want 4)", format)
	}
	minor, err := intField(doc, "nbformat_minor", false)
	if err != nil {
		return nil, err
	}
	meta, err := mapField(doc, "metadata")
	if err != nil {
		return nil, err
	}
	nb := &Notebook{Metadata: meta, Format: format, FormatMinor: minor}

	rawCells, ok := doc["cells"].([]any)
	if !ok {
		return nil, fmt.Errorf("cells: want a list, got %s", kindOf(doc["cells"]))
	}
	for i, rc := range rawCells {
		c, err := cellFromDoc(rc)
		if err != nil {
			return nil, fmt.Errorf("cell %d: %w", i+1, err)
		}
		if c.ID == "" && minor >= 5 {
			c.ID = newCellID() // ids are required from nbformat 4.5 on
		}
		nb.Cells = append(nb.Cells, c)
	}
	return nb, nil
}

func cellFromDoc(v any) (*Cell, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("want an object, got %s", kindOf(v))
	}
	c := &Cell{}
	var err error
	if c.Type, err = stringField(m, "cell_type"); err != nil {
		return nil, err
	}
	switch c.Type {
	case CodeCell, MarkdownCell, RawCell:
	default:
		return nil, fmt.Errorf("cell_type: unknown type %q", c.Type)
	}
	if _, ok := m["id"]; ok {
		if c.ID, err = stringField(m, "id"); err != nil {
			return nil, err
		}
	}
	if c.Source, err = multiline(m["source"], "source"); err != nil {
		return nil, err
	}
	if c.Metadata, err = mapField(m, "metadata"); err != nil {
		return nil, err
	}
	if c.Attachments, err = attachments(m["attachments"]); err != nil {
		return nil, err
	}
	if c.Type != CodeCell {
		return c, nil
	}

	if c.ExecutionCount, err = intField(m, "execution_count", false); err != nil {
		return nil, err
	}
	outs, ok := m["outputs"].([]any)
	if !ok && m["outputs"] != nil {
		return nil, fmt.Errorf("outputs: want a list, got %s", kindOf(m["outputs"]))
	}
	for j, ro := range outs {
		o, err := outputFromDoc(ro)
		if err != nil {
			return nil, fmt.Errorf("outputs[%d]: %w", j, err)
		}
		c.Outputs = append(c.Outputs, o)
	}
	return c, nil
}

func outputFromDoc(v any) (Output, error) {
	m, ok := v.(map[string]any)
	if !ok {
		return Output{}, fmt.Errorf("want an object, got %s", kindOf(v))
	}
	var o Output
	var err error
	if o.Type, err = stringField(m, "output_type"); err != nil {
		return o, err
	}
	switch o.Type {
	case StreamOutput:
		if o.Name, err = stringField(m, "name"); err != nil {
			return o, err
		}
		o.Text, err = multiline(m["text"], "text")
	case DisplayData, ExecuteResult:
		if o.Data, err = bundle(m["data"], "data"); err != nil {
			return o, err
		}
		if o.Metadata, err = mapField(m, "metadata"); err != nil {
			return o, err
		}
		if o.Type == ExecuteResult {
			o.ExecutionCount, err = intField(m, "execution_count", false)
		}
	case ErrorOutput:
		if o.EName, err = stringField(m, "ename"); err != nil {
			return o, err
		}
		if o.EValue, err = stringField(m, "evalue"); err != nil {
			return o, err
		}
		o.Traceback, err = stringList(m["traceback"], "traceback")
	default:
		err = fmt.Errorf("output_type: unknown type %q", o.Type)
	}
	return o, err
}

// isJSONMIME reports whether content of this MIME type is a JSON value
// rather than text, following nbformat.
func isJSONMIME(mime string) bool {
	return mime == "application/json" ||
		(strings.HasPrefix(mime, "application/") && strings.HasSuffix(mime, "+json"))
}

// bundle reads a MIME bundle, joining the line lists of non-JSON types.
func bundle(v any, field string) (map[string]any, error) {
	if v == nil {
		return map[string]any{}, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s: want an object, got %s", field, kindOf(v))
	}
	for mime, content := range m {
		if isJSONMIME(mime) {
			continue
		}
		if _, isList := content.([]any); !isList {
			continue
		}
		s, err := multiline(content, field+"["+mime+"]")
		if err != nil {
			return nil, err
		}
		m[mime] = s
	}
	return m, nil
}

func attachments(v any) (map[string]map[string]any, error) {
	if v == nil {
		return nil, nil
	}
	m, ok := v.(map[string]any)
	if !ok {
		return nil, fmt.Errorf("attachments: want an object, got %s", kindOf(v))
	}
	out := make(map[string]map[string]any, len(m))
	for name, b := range m {
		data, err := bundle(b, "attachments["+name+"]")
		if err != nil {
			return nil, err
		}
		out[name] = data
	}
	return out, nil
}

// multiline reads a string or a list of strings, joined.
func multiline(v any, field string) (string, error) {
	switch v := v.(type) {
	case nil:
		return "", nil
	case string:
		return v, nil
	case []any:
		lines, err := stringList(v, field)
		return strings.Join(lines, ""), err
	}
	return "", fmt.Errorf("%s: want a string or a list of strings, got %s", field, kindOf(v))
}

func stringList(v any, field string) ([]string, error) {
	list, ok := v.([]any)
	if !ok {
		if v == nil {
			return []string{}, nil
		}
		return nil, fmt.Errorf("%s: want a list of strings, got %s", field, kindOf(v))
	}
	out := make([]string, len(list))
	for i, e := range list {
		s, ok := e.(string)
		if !ok {
			return nil, fmt.Errorf("%s[%d]: want a string, got %s", field, i, kindOf(e))
		}
		out[i] = s
	}
	return out, nil
}

func stringField(m map[string]any, key string) (string, error) {
	s, ok := m[key].(string)
	if !ok {
		return "", fmt.Errorf("%s: want a string, got %s", key, kindOf(m[key]))
	}
	return s, nil
}

// intField reads a non-negative integer; null or absent reads as 0 unless
// required.
func intField(m map[string]any, key string, required bool) (int, error) {
	v := m[key]
	if v == nil && !required {
		return 0, nil
	}
	n, ok := v.(json.Number)
	if !ok {
		return 0, fmt.Errorf("%s: want an integer, got %s", key, kindOf(v))
	}
	i, err := n.Int64()
	if err != nil || i < 0 {
		return 0, fmt.Errorf("%s: want a non-negative integer, got %s", key, n)
	}
	return int(i), nil
}

// mapField reads an optional object; absent reads as an empty map.
func mapField(m map[string]any, key string) (map[string]any, error) {
	switch v := m[key].(type) {
	case nil:
		return map[string]any{}, nil
	case map[string]any:
		return v, nil
	}
	return nil, fmt.Errorf("%s: want an object, got %s", key, kindOf(m[key]))
}

// kindOf names the JSON type of a decoded value for error messages.
func kindOf(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case string:
		return "a string"
	case json.Number:
		return "a number"
	case bool:
		return "a boolean"
	case []any:
		return "a list"
	case map[string]any:
		return "an object"
	}
	return fmt.Sprintf("%T", v)
}
