package report

import (
	"github.com/tunebook/tunebook/plots"
)

// Document is a report: a title, an optional subtitle, a row of summary
// cards and a list of sections. Build it as a literal and write it with
// WriteHTML.
type Document struct {
	// Title heads the page and names its browser tab.
	Title string
	// Subtitle is a line under the title, e.g. the data set and the date.
	Subtitle string
	// Cards are the headline numbers shown in a row under the header.
	Cards []Card
	// Sections follow the cards, each with its heading.
	Sections []Section
}

// Card is one headline number in the summary row, e.g. {"Best ROC AUC",
// "0.991", "trial 17 (mlp)"}.
type Card struct {
	Label  string
	Value  string
	Detail string
}

// Section is a headed part of a report. Consecutive Chart blocks share a
// responsive grid; other blocks take the section's full width.
type Section struct {
	Heading string
	Blocks  []Block
}

// Block is one piece of a section's content, made by Paragraph, KeyValues,
// Table, Chart or Raw.
type Block interface {
	// kind keeps the set of blocks to those of this package.
	kind() blockKind
}

type blockKind int

const (
	kindParagraph blockKind = iota
	kindKeyValues
	kindTable
	kindChart
	kindRaw
)

type paragraph struct{ text string }

type keyValues struct{ pairs [][2]string }

type table struct{ t *plots.DataTable }

type chart struct{ c *plots.Chart }

type raw struct{ html string }

func (paragraph) kind() blockKind { return kindParagraph }
func (keyValues) kind() blockKind { return kindKeyValues }
func (table) kind() blockKind     { return kindTable }
func (chart) kind() blockKind     { return kindChart }
func (raw) kind() blockKind       { return kindRaw }

// Paragraph returns a block of text. A blank line starts a new paragraph;
// the text is escaped.
func Paragraph(text string) Block { return paragraph{text} }

// KeyValues returns a block listing pairs of a name and a value, such as
// the settings of a run.
func KeyValues(pairs [][2]string) Block { return keyValues{pairs} }

// Table returns a block holding a table (see plots.DataTable).
func Table(headers []string, rows [][]string) Block {
	return table{plots.Table(headers, rows)}
}

// Chart returns a block drawing c. It panics if c is nil.
func Chart(c *plots.Chart) Block {
	if c == nil {
		panic("report: Chart of a nil chart")
	}
	return chart{c}
}

// Raw returns a block of HTML written as is. Use it only for trusted markup.
func Raw(html string) Block { return raw{html} }
