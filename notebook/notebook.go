package notebook

import (
	"crypto/rand"
	"encoding/hex"
	"strings"
)

// KernelName is the kernelspec name of the tunebook Go kernel, as installed
// by "tunebook install". Execute records it in a notebook's metadata so that
// Jupyter reopens an executed notebook with the same kernel.
const KernelName = "tunebook-go"

// KernelDisplayName is the kernel's name as Jupyter shows it in menus.
const KernelDisplayName = "Go (tunebook)"

// Cell types, the values of Cell.Type.
const (
	CodeCell     = "code"
	MarkdownCell = "markdown"
	RawCell      = "raw"
)

// Output types, the values of Output.Type.
const (
	StreamOutput  = "stream"
	DisplayData   = "display_data"
	ExecuteResult = "execute_result"
	ErrorOutput   = "error"
)

// Notebook is a Jupyter notebook in nbformat 4
// (https://nbformat.readthedocs.io/en/latest/format_description.html).
// Multi-line text (sources, stream text, text MIME types) is held as one
// string; Write splits it into lines again.
type Notebook struct {
	// Metadata is the notebook's metadata, kept as read (numbers as
	// json.Number) and written back unchanged apart from what Execute sets.
	Metadata map[string]any
	// Cells are the cells in order.
	Cells []*Cell
	// Format and FormatMinor are nbformat and nbformat_minor; Format is 4.
	Format, FormatMinor int
}

// Cell is one cell of a notebook.
type Cell struct {
	// Type is CodeCell, MarkdownCell or RawCell.
	Type string
	// ID is the cell id (nbformat 4.5 and later), "" when absent.
	ID string
	// Source is the cell's text.
	Source string
	// Metadata is the cell's metadata, kept as read.
	Metadata map[string]any
	// Attachments maps file names to MIME bundles for markdown and raw
	// cells (images pasted into markdown, referenced as attachment:NAME).
	Attachments map[string]map[string]any
	// ExecutionCount is the count shown as In [n]; 0 means not executed.
	// Only code cells have one.
	ExecutionCount int
	// Outputs are the outputs of a code cell, in order.
	Outputs []Output
}

// Output is one output of a code cell. Which fields are used depends on
// Type: Name and Text for StreamOutput; Data and Metadata for DisplayData
// and ExecuteResult (plus ExecutionCount for the latter); EName, EValue and
// Traceback for ErrorOutput.
type Output struct {
	// Type is StreamOutput, DisplayData, ExecuteResult or ErrorOutput.
	Type string
	// Name is the stream, "stdout" or "stderr".
	Name string
	// Text is the stream's text.
	Text string
	// Data maps MIME types to content: a string for text and base64-encoded
	// binary types, a JSON value for application/json and */*+json.
	Data map[string]any
	// Metadata holds per-MIME-type metadata such as image sizes.
	Metadata map[string]any
	// ExecutionCount is the count of the cell that produced an
	// execute_result, shown as Out[n].
	ExecutionCount int
	// EName and EValue are the error's name (for example "panic") and
	// message.
	EName, EValue string
	// Traceback holds the lines of an error report; they may carry ANSI
	// colour codes.
	Traceback []string
}

// FirstLine returns the first non-blank line of the cell's source, trimmed,
// to name the cell in messages.
func (c *Cell) FirstLine() string {
	for line := range strings.Lines(c.Source) {
		if s := strings.TrimSpace(line); s != "" {
			return s
		}
	}
	return ""
}

// newCellID returns a random cell id of 8 hex digits, like Jupyter's.
func newCellID() string {
	b := make([]byte, 4)
	_, _ = rand.Read(b) // crypto/rand.Read never fails (Go 1.24+)
	return hex.EncodeToString(b)
}

// New returns an empty notebook in nbformat 4.5.
func New() *Notebook {
	return &Notebook{Metadata: map[string]any{}, Format: 4, FormatMinor: 5}
}
