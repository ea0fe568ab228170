package notebook

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/tunebook/tunebook/plots"
)

// HTMLOptions configures WriteHTML.
type HTMLOptions struct {
	// Title is the page title. "" means the notebook's "title" metadata,
	// else "Notebook".
	Title string
	// ECharts says where the page gets the ECharts library when outputs
	// hold charts: with ECharts.Inline set the library is embedded once in
	// the page's head, else the head loads it from ECharts.URL
	// (plots.DefaultURL when ""). Either way it is on the page before any
	// chart's script runs, so every chart draws with it.
	ECharts plots.Assets
}

// WriteHTML writes nb to w as one self-contained HTML page, in the manner
// of nbconvert's HTML export: markdown cells rendered; code cells with
// their escaped source and In [n] prompt, then their outputs. Each output
// shows its richest representation (see mimePreference): text/html is
// kept verbatim, scripts included, so charts draw; images become data
// URIs; SVG is inlined; text/markdown is rendered; text, streams and
// tracebacks are escaped, with ANSI colours turned into markup. Raw cells
// appear only when their raw_mimetype is text/html.
//
// Pages that hold charts (text/html outputs that mention echarts) get the
// ECharts library in their head, as described at HTMLOptions.ECharts.
func WriteHTML(w io.Writer, nb *Notebook, opts HTMLOptions) error {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
	fmt.Fprintf(&b, "<title>%s</title>\n<style>\n%s</style>\n", html.EscapeString(pageTitle(nb, opts)), stylesheet)
	if hasCharts(nb) {
		if len(opts.ECharts.Inline) > 0 {
			b.WriteString(plots.InlineLibrary(opts.ECharts.Inline))
		} else {
			url := opts.ECharts.URL
			if url == "" {
				url = plots.DefaultURL
			}
			fmt.Fprintf(&b, "<script src=\"%s\"></script>\n", html.EscapeString(url))
		}
	}
	b.WriteString("</head>\n<body>\n<main class=\"notebook\">\n")

	md := newMarkdown()
	for i, c := range nb.Cells {
		if err := writeCell(&b, c, md); err != nil {
			return fmt.Errorf("notebook: cell %d: %w", i+1, err)
		}
	}
	b.WriteString("</main>\n</body>\n</html>\n")

	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("notebook: writing HTML: %w", err)
	}
	return nil
}

func pageTitle(nb *Notebook, opts HTMLOptions) string {
	if opts.Title != "" {
		return opts.Title
	}
	if t, ok := nb.Metadata["title"].(string); ok && t != "" {
		return t
	}
	return "Notebook"
}

// hasCharts reports whether an output the page shows as HTML mentions
// ECharts.
func hasCharts(nb *Notebook) bool {
	for _, c := range nb.Cells {
		for _, o := range c.Outputs {
			if mime, v := richest(o.Data); mime == "text/html" && strings.Contains(v.(string), "echarts") {
				return true
			}
		}
	}
	return false
}

func writeCell(b *strings.Builder, c *Cell, md *markdown) error {
	switch c.Type {
	case MarkdownCell:
		b.WriteString("<div class=\"cell markdown-cell\">\n")
		if err := md.render(b, c.Source, c.Attachments); err != nil {
			return err
		}
		b.WriteString("</div>\n")
	case RawCell:
		if rawHTML(c) {
			b.WriteString("<div class=\"cell raw-cell\">\n" + c.Source + "\n</div>\n")
		}
	case CodeCell:
		b.WriteString("<div class=\"cell code-cell\">\n<div class=\"input\">")
		fmt.Fprintf(b, "<div class=\"prompt\">In&nbsp;[%s]:</div>", count(c.ExecutionCount))
		fmt.Fprintf(b, "<pre class=\"source\"><code class=\"language-go\">%s</code></pre></div>\n",
			html.EscapeString(c.Source))
		if len(c.Outputs) > 0 {
			b.WriteString("<div class=\"outputs\">\n")
			for _, o := range c.Outputs {
				if err := writeOutput(b, o, md); err != nil {
					return err
				}
			}
			b.WriteString("</div>\n")
		}
		b.WriteString("</div>\n")
	}
	return nil
}

// rawHTML reports whether a raw cell is meant for HTML output.
func rawHTML(c *Cell) bool {
	for _, key := range []string{"raw_mimetype", "format"} {
		if f, ok := c.Metadata[key].(string); ok && (f == "text/html" || f == "html") {
			return true
		}
	}
	return false
}

// count returns an execution count for a prompt, " " for none.
func count(n int) string {
	if n == 0 {
		return "&nbsp;"
	}
	return fmt.Sprint(n)
}

// stylesheet is the page's CSS, including the ANSI colour classes (the
// xterm palette) used by writeANSI.
const stylesheet = `body { margin: 0; background: #fff; color: #1f2328;
  font-family: -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; line-height: 1.5; }
main.notebook { max-width: 1100px; margin: 0 auto; padding: 24px 16px 64px; }
.cell { margin: 12px 0; }
.markdown-cell, .raw-cell { padding: 0 8px 0 96px; }
.input, .output { display: flex; align-items: flex-start; }
.prompt { flex: 0 0 88px; padding: 6px 8px 0 0; text-align: right; color: #303f9f;
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
.output .prompt { color: #d84315; }
pre { margin: 0; white-space: pre-wrap; word-break: break-word;
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 13px; }
pre.source { flex: 1; min-width: 0; padding: 6px 10px; background: #f6f8fa;
  border: 1px solid #d0d7de; border-radius: 4px; }
.output-body { flex: 1; min-width: 0; padding: 6px 10px; overflow-x: auto; }
pre.stderr { background: #fdecec; }
pre.error { background: #fdecec; padding: 4px 6px; }
.output-body img { max-width: 100%; }
.markdown-cell img, .markdown-output img { max-width: 100%; }
table { border-collapse: collapse; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.ansi-bold { font-weight: bold; }
.ansi-italic { font-style: italic; }
.ansi-underline { text-decoration: underline; }
.ansi-black-fg { color: #3e424d; } .ansi-black-bg { background-color: #3e424d; }
.ansi-red-fg { color: #e75c58; } .ansi-red-bg { background-color: #e75c58; }
.ansi-green-fg { color: #00a250; } .ansi-green-bg { background-color: #00a250; }
.ansi-yellow-fg { color: #ddb62b; } .ansi-yellow-bg { background-color: #ddb62b; }
.ansi-blue-fg { color: #208ffb; } .ansi-blue-bg { background-color: #208ffb; }
.ansi-magenta-fg { color: #d160c4; } .ansi-magenta-bg { background-color: #d160c4; }
.ansi-cyan-fg { color: #60c6c8; } .ansi-cyan-bg { background-color: #60c6c8; }
.ansi-white-fg { color: #c5c1b4; } .ansi-white-bg { background-color: #c5c1b4; }
.ansi-black-intense-fg { color: #282c36; } .ansi-black-intense-bg { background-color: #282c36; }
.ansi-red-intense-fg { color: #b22b31; } .ansi-red-intense-bg { background-color: #b22b31; }
.ansi-green-intense-fg { color: #007427; } .ansi-green-intense-bg { background-color: #007427; }
.ansi-yellow-intense-fg { color: #b27d12; } .ansi-yellow-intense-bg { background-color: #b27d12; }
.ansi-blue-intense-fg { color: #0065ca; } .ansi-blue-intense-bg { background-color: #0065ca; }
.ansi-magenta-intense-fg { color: #a03196; } .ansi-magenta-intense-bg { background-color: #a03196; }
.ansi-cyan-intense-fg { color: #258f8f; } .ansi-cyan-intense-bg { background-color: #258f8f; }
.ansi-white-intense-fg { color: #a1a6b2; } .ansi-white-intense-bg { background-color: #a1a6b2; }
`
