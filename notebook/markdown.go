package notebook

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"strings"
	"unicode"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
)

// markdown renders the markdown of one page: cells and text/markdown
// outputs. Raw HTML in markdown is kept, as Jupyter and nbconvert keep it;
// a notebook's HTML outputs run their scripts anyway, so an exported
// notebook must come from a trusted source either way.
type markdown struct {
	md  goldmark.Markdown
	ids *headingIDs
}

func newMarkdown() *markdown {
	return &markdown{
		md: goldmark.New(
			goldmark.WithExtensions(extension.GFM),
			goldmark.WithParserOptions(parser.WithAutoHeadingID()),
			goldmark.WithRendererOptions(html.WithUnsafe()),
		),
		ids: &headingIDs{used: map[string]bool{}},
	}
}

// render writes src as HTML. Images whose destination is
// "attachment:NAME" show the cell's attachment NAME as a data URI. Heading
// ids are unique on the page.
func (m *markdown) render(w io.Writer, src string, attachments map[string]map[string]any) error {
	source := []byte(src)
	doc := m.md.Parser().Parse(text.NewReader(source), parser.WithContext(parser.NewContext(parser.WithIDs(m.ids))))
	if len(attachments) > 0 {
		err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
			if img, ok := n.(*ast.Image); ok && entering {
				if name, ok := bytes.CutPrefix(img.Destination, []byte("attachment:")); ok {
					if uri := dataURI(attachments[string(name)]); uri != "" {
						img.Destination = []byte(uri)
					}
				}
			}
			return ast.WalkContinue, nil
		})
		if err != nil {
			return err
		}
	}
	if err := m.md.Renderer().Render(w, source, doc); err != nil {
		return fmt.Errorf("rendering markdown: %w", err)
	}
	return nil
}

// imageMIMEs are the image types shown as data URIs, best first.
var imageMIMEs = []string{"image/png", "image/jpeg", "image/gif", "image/webp"}

// dataURI returns a data URI for the first image in a MIME bundle, or "".
// Raster images are base64 text in notebooks; SVG is XML text.
func dataURI(b map[string]any) string {
	for _, mime := range imageMIMEs {
		if s, ok := b[mime].(string); ok {
			return "data:" + mime + ";base64," + stripSpace(s)
		}
	}
	if s, ok := b["image/svg+xml"].(string); ok {
		return "data:image/svg+xml;base64," + base64.StdEncoding.EncodeToString([]byte(s))
	}
	return ""
}

// stripSpace removes the line breaks base64 text may hold.
func stripSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// headingIDs gives headings GitHub-style ids ("Data set" → "data-set"),
// unique across the page by a numeric suffix.
type headingIDs struct {
	used map[string]bool
}

// Generate returns a new unique id for a heading with the given text.
func (h *headingIDs) Generate(value []byte, _ ast.NodeKind) []byte {
	var b strings.Builder
	for _, r := range strings.ToLower(strings.TrimSpace(string(value))) {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' || r == '-':
			b.WriteRune(r)
		case unicode.IsSpace(r):
			b.WriteByte('-')
		}
	}
	base := b.String()
	if base == "" {
		base = "heading"
	}
	id := base
	for n := 1; h.used[id]; n++ {
		id = fmt.Sprintf("%s-%d", base, n)
	}
	h.used[id] = true
	return []byte(id)
}

// Put marks an id given explicitly as used.
func (h *headingIDs) Put(value []byte) { h.used[string(value)] = true }
