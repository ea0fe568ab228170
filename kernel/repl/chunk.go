package repl

import (
	"sort"
	"strings"
)

// part is a piece of an edit's replacement: literal text, or a range of
// the cell copied with the edits nested inside it applied.
type part struct {
	lit      string
	src      bool
	from, to int
}

// edit replaces the cell bytes [start, end) with parts. Cosmetic edits only
// change how values print; they are left out when a cell is compiled a
// second time without them (see Session.compileChunk).
type edit struct {
	start, end int
	parts      []part
	cosmetic   bool
	scope      bool // the edit runs [start, end) in an added function literal
}

func lit(s string) part     { return part{lit: s} }
func src(from, to int) part { return part{src: true, from: from, to: to} }
func replaceWith(start, end int, s string, cosmetic bool) edit {
	return edit{start: start, end: end, parts: []part{lit(s)}, cosmetic: cosmetic}
}

// wrapWith surrounds the cell bytes [start, end) with before and after.
func wrapWith(start, end int, before, after string, cosmetic bool) edit {
	return edit{start: start, end: end, parts: []part{lit(before), src(start, end), lit(after)}, cosmetic: cosmetic}
}

// chunkSrc is the source of one interpreter evaluation together with the
// map from each byte of its body back to the cell. The session numbers the
// body's lines with a /*line*/ directive (see Session.compile), so a
// position in an interpreter message identifies its chunk.
type chunkSrc struct {
	prefix, body, suffix string
	orig                 []int32  // cell offset of each byte of body; -1 for added text
	cell                 string   // the cell the chunk came from ("" for session code)
	line0                int      // line number of the body's first line, set by compile
	funcs                [][2]int // cell ranges run in added function literals (see wrapInFunc)
}

// chunkBuilder assembles a chunk from ranges of a cell, applying edits.
type chunkBuilder struct {
	cell  string
	edits []edit // sorted: by start, insertions first, then longest first
	buf   strings.Builder
	orig  []int32
	funcs [][2]int
}

// newChunkBuilder prepares a builder using edits (all of them, or only the
// non-cosmetic ones).
func newChunkBuilder(cell string, edits []edit, cosmetic bool) *chunkBuilder {
	b := &chunkBuilder{cell: cell}
	for _, e := range edits {
		if cosmetic || !e.cosmetic {
			b.edits = append(b.edits, e)
		}
		if e.scope {
			b.funcs = append(b.funcs, [2]int{e.start, e.end})
		}
	}
	sort.SliceStable(b.edits, func(i, j int) bool {
		a, c := b.edits[i], b.edits[j]
		if a.start != c.start {
			return a.start < c.start
		}
		if (a.start == a.end) != (c.start == c.end) {
			return a.start == a.end
		}
		return a.end > c.end
	})
	return b
}

// text appends s, attributing it to cell offset at (-1 for none).
func (b *chunkBuilder) text(s string, at int) {
	b.buf.WriteString(s)
	for range len(s) {
		b.orig = append(b.orig, int32(at))
	}
}

// copyRange appends the cell bytes [from, to) with the edits inside them.
func (b *chunkBuilder) copyRange(from, to int) { b.copyAfter(from, to, -1) }

// copyAfter copies [from, to) applying only edits that come after index
// after in b.edits, which are the ones nested inside that edit.
func (b *chunkBuilder) copyAfter(from, to, after int) {
	i := from
	for k := after + 1; k < len(b.edits); k++ {
		e := b.edits[k]
		if e.start > to || (e.start == to && to > from) {
			break
		}
		if e.start < i || e.end > to {
			continue
		}
		b.raw(i, e.start)
		for _, p := range e.parts {
			if p.src {
				b.copyAfter(p.from, p.to, k)
			} else {
				b.text(p.lit, e.start)
			}
		}
		i = e.end
	}
	b.raw(i, to)
}

// raw appends cell bytes [from, to) unchanged.
func (b *chunkBuilder) raw(from, to int) {
	if from >= to {
		return
	}
	b.buf.WriteString(b.cell[from:to])
	for k := from; k < to; k++ {
		b.orig = append(b.orig, int32(k))
	}
}

// finish returns the chunk: the assembled text between prefix and suffix.
func (b *chunkBuilder) finish(prefix, suffix string) *chunkSrc {
	return &chunkSrc{prefix: prefix, body: b.buf.String(), suffix: suffix, orig: append(b.orig, -1), cell: b.cell, funcs: b.funcs}
}

// inFunc reports whether the cell offset off lies in a statement that the
// chunk runs in an added function literal.
func (c *chunkSrc) inFunc(off int) bool {
	for _, r := range c.funcs {
		if off >= r[0] && off < r[1] {
			return true
		}
	}
	return false
}

// lines returns the number of lines of the body.
func (c *chunkSrc) lines() int { return strings.Count(c.body, "\n") + 1 }

// cellOffset converts a line number (as numbered by the /*line*/
// directive) and a 1-based byte column to an offset in the cell. Positions
// in added text map to the cell offset of the construct they replace, or
// to the nearest cell byte before them.
func (c *chunkSrc) cellOffset(line, col int) (int, bool) {
	if c.orig == nil || line < c.line0 || line >= c.line0+c.lines() {
		return 0, false
	}
	off := 0
	for l := c.line0; l < line; l++ {
		off += strings.IndexByte(c.body[off:], '\n') + 1
	}
	off += col - 1
	if off < 0 || off >= len(c.orig) {
		return 0, false
	}
	for k := off; k >= 0; k-- {
		if c.orig[k] >= 0 {
			return int(c.orig[k]), true
		}
	}
	return 0, false
}
