// Package report writes a self-contained HTML report: a header, a row of
// summary cards, and sections of paragraphs, key-value lists, tables and
// ECharts charts (from package plots) laid out in a responsive grid.
//
// The page needs no other files: its CSS is inline, and the ECharts library
// is loaded once, from a URL in the page head or inlined there for offline
// reading (see plots.Assets). All text is HTML-escaped; only Raw blocks
// carry markup through.
package report
