package data

import "bytes"

// normalized is a CSV byte stream prepared for encoding/csv, with a map
// from its lines back to the lines of the original input.
type normalized struct {
	text []byte
	// lines[k] is the original line number of line k+1 of text.
	lines []int
}

// origLine maps a line number of the normalized text, as reported by
// encoding/csv, to the line of the original input.
func (n *normalized) origLine(line int) int {
	switch {
	case len(n.lines) == 0:
		return line
	case line < 1:
		return n.lines[0]
	case line > len(n.lines):
		return n.lines[len(n.lines)-1]
	}
	return n.lines[line-1]
}

var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// normalize prepares src for a strict encoding/csv reader. Outside quoted
// fields it
//
//   - drops a leading UTF-8 byte-order mark;
//   - turns CRLF and lone CR line ends into LF;
//   - drops lines that are empty or hold only spaces and tabs;
//   - trims spaces and tabs around every field, so " 3 " reads as "3" and
//     ` "a b" ` as a quoted "a b".
//
// Inside quoted fields every byte is kept, so a quoted field may hold
// commas, doubled quotes and line breaks (RFC 4180, section 2). A quote
// toggles the quoted state; for well-formed input that is exactly RFC 4180,
// and for malformed input encoding/csv still reports the stray quote.
func normalize(src []byte) normalized {
	src = bytes.TrimPrefix(src, utf8BOM)

	var n normalized
	var rec, field []byte
	var recLines []int
	line := 1 // line of the original input at the current byte
	inQuote := false
	startRecord := func() {
		rec, field = rec[:0], field[:0]
		recLines = append(recLines[:0], line)
	}
	endField := func() {
		rec = append(rec, trimBlanks(field)...)
		field = field[:0]
	}
	endRecord := func() {
		endField()
		if len(rec) > 0 {
			n.text = append(append(n.text, rec...), '\n')
			n.lines = append(n.lines, recLines...)
		}
	}

	startRecord()
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '"':
			inQuote = !inQuote
			field = append(field, c)
		case c == '\r' || c == '\n':
			if c == '\r' && i+1 < len(src) && src[i+1] == '\n' {
				i++
				if inQuote {
					field = append(field, '\r')
				}
				c = '\n'
			}
			line++
			if inQuote {
				// A line break inside quotes belongs to the field; only an LF
				// starts a new line for encoding/csv.
				field = append(field, c)
				if c == '\n' {
					recLines = append(recLines, line)
				}
				continue
			}
			endRecord()
			startRecord()
		case c == ',' && !inQuote:
			endField()
			rec = append(rec, ',')
		default:
			field = append(field, c)
		}
	}
	endRecord()
	return n
}

// trimBlanks returns b without leading and trailing spaces and tabs.
func trimBlanks(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t') {
		b = b[:len(b)-1]
	}
	return b
}
