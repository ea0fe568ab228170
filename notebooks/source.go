package notebooks

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"

	"github.com/tunebook/tunebook/notebook"
)

// Build returns the notebook whose Markdown source is src. name (the file
// name without extension, such as "01-credit-card-leakage") seeds the cell
// ids, so that building the same source twice gives the same notebook.
//
// A line "```go" opens a code cell and the next line "```" closes it; the
// code keeps its text, magics (%time) included. Runs of other lines
// become Markdown cells, with leading and trailing blank lines trimmed;
// other fenced blocks (```text, ```console) stay inside them. Every line
// loses its trailing spaces and carriage return. The first "# " heading is
// the notebook's title. Build returns an error for a code block that is
// empty or never closed, naming the line that opens it, and for a source
// without any code cell.
func Build(name string, src []byte) (*notebook.Notebook, error) {
	nb := notebook.New()
	nb.Metadata["kernelspec"] = map[string]any{
		"name": notebook.KernelName, "display_name": notebook.KernelDisplayName, "language": "go",
	}
	nb.Metadata["language_info"] = map[string]any{"name": "go", "file_extension": ".go", "mimetype": "text/x-go"}

	var (
		prose, code []string
		inCode      bool
		openedAt    int
		lineNo      int
		hasCode     bool
	)
	add := func(kind string, lines []string) {
		text := strings.Trim(strings.Join(lines, "\n"), "\n")
		if strings.TrimSpace(text) == "" {
			return
		}
		id := fmt.Sprintf("%s-%02d", cellPrefix(name), len(nb.Cells)+1)
		nb.Cells = append(nb.Cells, &notebook.Cell{Type: kind, ID: id, Source: text, Metadata: map[string]any{}})
	}
	sc := bufio.NewScanner(bytes.NewReader(src))
	sc.Buffer(make([]byte, 0, 64*1024), 1<<20)
	for sc.Scan() {
		lineNo++
		line := strings.TrimRight(sc.Text(), " \t\r")
		switch {
		case !inCode && line == "```go":
			add(notebook.MarkdownCell, prose)
			prose, inCode, openedAt = nil, true, lineNo
		case inCode && line == "```":
			if len(code) == 0 {
				return nil, fmt.Errorf("notebooks: %s: line %d: empty code block", name, openedAt)
			}
			add(notebook.CodeCell, code)
			code, inCode, hasCode = nil, false, true
		case inCode:
			code = append(code, line)
		default:
			prose = append(prose, line)
			if t, ok := strings.CutPrefix(line, "# "); ok && nb.Metadata["title"] == nil {
				nb.Metadata["title"] = strings.TrimSpace(t)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("notebooks: %s: %w", name, err)
	}
	if inCode {
		return nil, fmt.Errorf("notebooks: %s: line %d: code block is never closed", name, openedAt)
	}
	if !hasCode {
		return nil, fmt.Errorf("notebooks: %s: no code cell (open one with a line ```go)", name)
	}
	add(notebook.MarkdownCell, prose)
	return nb, nil
}

// cellPrefix is the part of a notebook name before its first dash (the
// notebook's number), or the whole name.
func cellPrefix(name string) string {
	if i := strings.IndexByte(name, '-'); i > 0 {
		return "nb" + name[:i]
	}
	return name
}
