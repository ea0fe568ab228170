package plots

import (
	"fmt"
	"html"
	"strconv"
	"strings"
	"unicode/utf8"
)

// DataTable is a table of text for notebooks and reports, such as a
// leaderboard of trials. It renders as an HTML <table>, not as a chart.
type DataTable struct {
	// Headers are the column names.
	Headers []string
	// Rows are the cells, row by row. A row shorter than Headers is padded
	// with empty cells; cells beyond the headers are kept.
	Rows [][]string
}

// Table returns a DataTable of the given headers and rows.
func Table(headers []string, rows [][]string) *DataTable {
	return &DataTable{Headers: headers, Rows: rows}
}

// HTML returns the table as an HTML fragment with every cell escaped.
// Columns whose non-empty cells are all numbers are right-aligned.
func (t *DataTable) HTML() string {
	cols := t.columns()
	numeric := t.numericColumns(cols)

	var b strings.Builder
	b.WriteString(`<table class="tunebook-table" style="border-collapse:collapse;font-variant-numeric:tabular-nums">` + "\n<thead><tr>")
	for j := range cols {
		fmt.Fprintf(&b, `<th style="%s">%s</th>`, cellStyle(numeric[j], true), html.EscapeString(cell(t.Headers, j)))
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, row := range t.Rows {
		b.WriteString("<tr>")
		for j := range cols {
			fmt.Fprintf(&b, `<td style="%s">%s</td>`, cellStyle(numeric[j], false), html.EscapeString(cell(row, j)))
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n</table>\n")
	return b.String()
}

// Text returns the table as aligned plain text, one line per row.
func (t *DataTable) Text() string {
	cols := t.columns()
	numeric := t.numericColumns(cols)
	widths := make([]int, cols)
	for j := range widths {
		widths[j] = utf8.RuneCountInString(cell(t.Headers, j))
		for _, row := range t.Rows {
			widths[j] = max(widths[j], utf8.RuneCountInString(cell(row, j)))
		}
	}

	var b strings.Builder
	line := func(row []string) {
		parts := make([]string, cols)
		for j := range parts {
			pad := strings.Repeat(" ", widths[j]-utf8.RuneCountInString(cell(row, j)))
			if numeric[j] {
				parts[j] = pad + cell(row, j)
			} else {
				parts[j] = cell(row, j) + pad
			}
		}
		b.WriteString(strings.TrimRight(strings.Join(parts, "  "), " ") + "\n")
	}
	line(t.Headers)
	for _, row := range t.Rows {
		line(row)
	}
	return b.String()
}

// MIME returns the table as a Jupyter display bundle: the HTML under
// "text/html" and the aligned text under "text/plain".
func (t *DataTable) MIME() map[string]any {
	return map[string]any{"text/html": t.HTML(), "text/plain": t.Text()}
}

// columns returns the number of columns: the longest of the header and rows.
func (t *DataTable) columns() int {
	n := len(t.Headers)
	for _, row := range t.Rows {
		n = max(n, len(row))
	}
	return n
}

// numericColumns reports for each column whether its non-empty body cells
// are all numbers (and there is at least one).
func (t *DataTable) numericColumns(cols int) []bool {
	numeric := make([]bool, cols)
	for j := range numeric {
		seen := false
		numeric[j] = true
		for _, row := range t.Rows {
			v := strings.TrimSpace(cell(row, j))
			if v == "" {
				continue
			}
			seen = true
			if _, err := strconv.ParseFloat(v, 64); err != nil {
				numeric[j] = false
				break
			}
		}
		numeric[j] = numeric[j] && seen
	}
	return numeric
}

func cell(row []string, j int) string {
	if j < len(row) {
		return row[j]
	}
	return ""
}

func cellStyle(numeric, header bool) string {
	s := "padding:4px 10px;border-bottom:1px solid #e2e8f0;text-align:left"
	if numeric {
		s = "padding:4px 10px;border-bottom:1px solid #e2e8f0;text-align:right"
	}
	if header {
		s += ";font-weight:600;border-bottom:2px solid #cbd5e1"
	}
	return s
}
