package display

import (
	"encoding/base64"
	"fmt"
	"image"
	"os"
)

// HTML shows s as HTML. Scripts in s run in the notebook front end.
func HTML(s string) { publish(single(MIMEHTML, s), "", false) }

// Markdown shows s rendered as Markdown.
func Markdown(s string) { publish(single(MIMEMarkdown, s), "", false) }

// Text shows s as plain text, as a separate output rather than part of the
// cell's standard output stream.
func Text(s string) { publish(single(MIMEText, s), "", false) }

// LaTeX shows s as LaTeX; front ends expect math between $ or $$.
func LaTeX(s string) { publish(single(MIMELaTeX, s), "", false) }

// SVG shows s, the text of an SVG document.
func SVG(s string) { publish(single(MIMESVG, s), "", false) }

// PNG shows b, the bytes of a PNG file.
func PNG(b []byte) { publish(single(MIMEPNG, base64.StdEncoding.EncodeToString(b)), "", false) }

// Image shows img encoded as PNG. If encoding fails the error is written to
// standard error and nothing is shown.
func Image(img image.Image) {
	s, err := encodePNG(img)
	if err != nil {
		fmt.Fprintf(os.Stderr, "display.Image: %v\n", err)
		return
	}
	publish(single(MIMEPNG, s), "", false)
}

// JSON shows v as application/json (front ends render an expandable tree).
// v may be raw JSON ([]byte, json.RawMessage or string) or any value that
// encoding/json can marshal. If it cannot, the error is written to standard
// error and nothing is shown.
func JSON(v any) {
	content, err := jsonContent(v)
	if err != nil {
		fmt.Fprintf(os.Stderr, "display.JSON: %v\n", err)
		return
	}
	publish(single(MIMEJSON, content), "", false)
}

// Show shows v with the richest representation [MIMEOf] finds for it.
func Show(v any) {
	b, _ := MIMEOf(v)
	publish(b, "", false)
}

// Clear clears the output of the running cell. With wait, the output is
// cleared only when the next output arrives, which avoids flicker when a
// cell redraws itself in a loop.
func Clear(wait bool) { current().ClearOutput(wait) }

// single returns a bundle holding one MIME type.
func single(mime string, content any) Bundle {
	return Bundle{Data: map[string]any{mime: content}}
}
