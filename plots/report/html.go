package report

import (
	"fmt"
	"html"
	"io"
	"regexp"
	"strconv"
	"strings"

	"github.com/tunebook/tunebook/plots"
)

// WriteHTML writes the document as one self-contained HTML page. The page
// gets the ECharts library once, in its head: inlined when assets.Inline is
// set, else loaded from assets.URL (plots.DefaultURL when empty). It returns
// the first error from w.
func (d *Document) WriteHTML(w io.Writer, assets plots.Assets) error {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
	b.WriteString(`<meta name="viewport" content="width=device-width, initial-scale=1">` + "\n")
	fmt.Fprintf(&b, "<title>%s</title>\n<style>\n%s</style>\n", esc(d.Title), stylesheet)
	if len(assets.Inline) > 0 {
		b.WriteString(plots.InlineLibrary(assets.Inline))
	} else {
		fmt.Fprintf(&b, "<script src=\"%s\"></script>\n", esc(libraryURL(assets)))
	}
	b.WriteString("</head>\n<body>\n")

	d.writeHeader(&b)
	b.WriteString("<main>\n")
	d.writeCards(&b)
	chartAssets := plots.Assets{URL: assets.URL}
	for i, s := range d.Sections {
		writeSection(&b, s, sectionID(i, s.Heading), chartAssets)
	}
	b.WriteString("</main>\n<footer>Made with tunebook · charts drawn by Apache ECharts</footer>\n</body>\n</html>\n")

	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("report: writing %q: %w", d.Title, err)
	}
	return nil
}

func (d *Document) writeHeader(b *strings.Builder) {
	b.WriteString("<header>\n<div class=\"wrap\">\n")
	fmt.Fprintf(b, "<h1>%s</h1>\n", esc(d.Title))
	if d.Subtitle != "" {
		fmt.Fprintf(b, "<p class=\"subtitle\">%s</p>\n", esc(d.Subtitle))
	}
	if len(d.Sections) > 1 {
		b.WriteString("<nav>")
		for i, s := range d.Sections {
			fmt.Fprintf(b, "<a href=\"#%s\">%s</a>", sectionID(i, s.Heading), esc(s.Heading))
		}
		b.WriteString("</nav>\n")
	}
	b.WriteString("</div>\n</header>\n")
}

func (d *Document) writeCards(b *strings.Builder) {
	if len(d.Cards) == 0 {
		return
	}
	b.WriteString("<div class=\"cards\">\n")
	for _, c := range d.Cards {
		fmt.Fprintf(b, "<div class=\"card\"><div class=\"label\">%s</div><div class=\"value\">%s</div>",
			esc(c.Label), esc(c.Value))
		if c.Detail != "" {
			fmt.Fprintf(b, "<div class=\"detail\">%s</div>", esc(c.Detail))
		}
		b.WriteString("</div>\n")
	}
	b.WriteString("</div>\n")
}

// writeSection writes a section, gathering runs of consecutive charts into
// one grid.
func writeSection(b *strings.Builder, s Section, id string, assets plots.Assets) {
	fmt.Fprintf(b, "<section id=\"%s\">\n<h2>%s</h2>\n", id, esc(s.Heading))
	inGrid := false
	for _, blk := range s.Blocks {
		isChart := blk.kind() == kindChart
		if isChart && !inGrid {
			b.WriteString("<div class=\"charts\">\n")
		} else if !isChart && inGrid {
			b.WriteString("</div>\n")
		}
		inGrid = isChart

		switch blk := blk.(type) {
		case paragraph:
			for _, p := range paragraphs(blk.text) {
				fmt.Fprintf(b, "<p>%s</p>\n", esc(p))
			}
		case keyValues:
			b.WriteString("<dl class=\"kv\">\n")
			for _, kv := range blk.pairs {
				fmt.Fprintf(b, "<dt>%s</dt><dd>%s</dd>\n", esc(kv[0]), esc(kv[1]))
			}
			b.WriteString("</dl>\n")
		case table:
			b.WriteString("<div class=\"table\">\n" + blk.t.HTML() + "</div>\n")
		case chart:
			b.WriteString("<figure class=\"chart\">\n" + blk.c.HTML(assets) + "</figure>\n")
		case raw:
			b.WriteString(blk.html + "\n")
		}
	}
	if inGrid {
		b.WriteString("</div>\n")
	}
	b.WriteString("</section>\n")
}

var blankLine = regexp.MustCompile(`\n\s*\n`)

// paragraphs splits text at blank lines, dropping empty paragraphs.
func paragraphs(text string) []string {
	var out []string
	for _, p := range blankLine.Split(strings.ReplaceAll(text, "\r\n", "\n"), -1) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

var nonSlug = regexp.MustCompile(`[^\p{L}\p{N}]+`)

// sectionID returns a stable anchor for a section: its index and a slug of
// its heading, e.g. "s2-model-comparison".
func sectionID(i int, heading string) string {
	slug := strings.Trim(nonSlug.ReplaceAllString(strings.ToLower(heading), "-"), "-")
	id := "s" + strconv.Itoa(i+1)
	if slug != "" {
		id += "-" + slug
	}
	return id
}

// libraryURL is the address the page head loads ECharts from.
func libraryURL(a plots.Assets) string {
	if a.URL == "" {
		return plots.DefaultURL
	}
	return a.URL
}

func esc(s string) string { return html.EscapeString(s) }
