// Package display shows rich output (HTML, Markdown, images, SVG, JSON, LaTeX)
// from notebook cells and from compiled Go code running inside the tunebook
// kernel.
//
// Each output is a [Bundle]: a MIME bundle as defined by the Jupyter messaging
// protocol (https://jupyter-client.readthedocs.io/en/stable/messaging.html#display-data),
// mapping MIME types such as "text/html" or "image/png" to their content.
// The kernel installs a [Publisher] with [SetPublisher] that turns every bundle
// into a display_data (or update_display_data) message of the running cell.
// Without a publisher, bundles are written to standard output as text, so the
// same code works from tests and from the command line.
//
// The package-level functions ([HTML], [Markdown], [Text], [PNG], [Image],
// [SVG], [JSON], [LaTeX], [Show]) publish one output right away. A [Display]
// created with [New] keeps its display id, so a cell can show a value once and
// replace it later with [Display.Update], for example to draw a progress table
// that refreshes while a search runs. [Clear] clears the cell's output.
//
// [MIMEOf] builds the bundle for an arbitrary value. Besides [Bundle] and
// [image.Image] values, it recognises these methods on the value's type:
//
//	MIME() map[string]any   // a complete bundle, e.g. a chart
//	HTML() string           // text/html
//	Markdown() string       // text/markdown
//	SVG() string            // image/svg+xml
//	PNG() []byte            // image/png (encoded bytes)
//	LaTeX() string          // text/latex
//	JSON() T                // application/json: raw JSON ([]byte, string) or a value to marshal
//	String() string         // text/plain
//
// Binary content (image/png) is base64-encoded, as Jupyter expects.
package display
