package repl

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// byteOffset converts a cursor position in Unicode code points (Jupyter's
// convention) to a byte offset of code, clamped to the code's length.
func byteOffset(code string, cursor int) int {
	if cursor <= 0 {
		return 0
	}
	n := 0
	for i := range code {
		if n == cursor {
			return i
		}
		n++
	}
	return len(code)
}

// runeOffset converts a byte offset of code to code points.
func runeOffset(code string, off int) int {
	return utf8.RuneCountInString(code[:off])
}

func isIdentRune(r rune) bool {
	return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
}

// identStart returns the offset where the identifier ending at off begins
// (off itself when there is none).
func identStart(code string, off int) int {
	for off > 0 {
		r, size := utf8.DecodeLastRuneInString(code[:off])
		if !isIdentRune(r) {
			break
		}
		off -= size
	}
	return off
}

// identEnd returns the offset where the identifier starting at or
// containing off ends.
func identEnd(code string, off int) int {
	for off < len(code) {
		r, size := utf8.DecodeRuneInString(code[off:])
		if !isIdentRune(r) {
			break
		}
		off += size
	}
	return off
}

// selectorChain returns the chain of identifiers joined by dots that ends
// at off ("a.b" in "x := a.b"), split into its parts; nil when the text
// before off is not such a chain.
func selectorChain(code string, off int) []string {
	var parts []string
	for {
		start := identStart(code, off)
		if start == off {
			return nil
		}
		parts = append([]string{code[start:off]}, parts...)
		if start == 0 || code[start-1] != '.' {
			break
		}
		off = start - 1
	}
	if r, _ := utf8.DecodeRuneInString(parts[0]); unicode.IsDigit(r) {
		return nil
	}
	return parts
}

// callee returns the offset just after the name of the innermost call whose
// parenthesis is still open at off ("f" in "f(a, b|"), or -1.
func callee(code string, off int) int {
	depth := 0
	for i := off - 1; i >= 0; i-- {
		switch code[i] {
		case ')':
			depth++
		case '(':
			if depth == 0 {
				end := i
				for end > 0 && strings.ContainsRune(" \t", rune(code[end-1])) {
					end--
				}
				return end
			}
			depth--
		case '\n':
			if depth == 0 && i > 0 && code[i-1] != ',' && code[i-1] != '(' {
				return -1
			}
		}
	}
	return -1
}
