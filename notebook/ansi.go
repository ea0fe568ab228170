package notebook

import (
	"fmt"
	"html"
	"strconv"
	"strings"
)

// ansiColors are the names of the eight basic ANSI colours, in code order
// (30–37 foreground, 40–47 background, 90–97 and 100–107 intense).
var ansiColors = [8]string{"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"}

// ansiStyle is the text style set by SGR sequences. Colours are either a
// CSS class suffix ("red", "red-intense") or a CSS colour ("rgb(…)").
type ansiStyle struct {
	fg, bg                  string
	bold, italic, underline bool
}

// span returns the attributes of a <span> for the style, or "" for the
// default style.
func (s ansiStyle) span() string {
	var classes, styles []string
	for _, c := range []struct{ v, kind string }{{s.fg, "fg"}, {s.bg, "bg"}} {
		switch {
		case c.v == "":
		case strings.HasPrefix(c.v, "rgb("):
			prop := "color"
			if c.kind == "bg" {
				prop = "background-color"
			}
			styles = append(styles, prop+":"+c.v)
		default:
			classes = append(classes, "ansi-"+c.v+"-"+c.kind)
		}
	}
	if s.bold {
		classes = append(classes, "ansi-bold")
	}
	if s.italic {
		classes = append(classes, "ansi-italic")
	}
	if s.underline {
		classes = append(classes, "ansi-underline")
	}
	var attrs string
	if len(classes) > 0 {
		attrs += ` class="` + strings.Join(classes, " ") + `"`
	}
	if len(styles) > 0 {
		attrs += ` style="` + strings.Join(styles, ";") + `"`
	}
	return attrs
}

// writeANSI writes terminal text to b as HTML: text escaped, SGR colour
// and style sequences (ECMA-48 §8.3.117) turned into <span> elements, and
// every other escape sequence and control character except newline and tab
// dropped, so no ESC byte reaches the page. Carriage returns overwrite the
// line as on a terminal (see collapseCR).
func writeANSI(b *strings.Builder, text string) {
	text = collapseCR(text)
	var style ansiStyle
	for len(text) > 0 {
		i := strings.IndexFunc(text, isControl)
		if i < 0 {
			i = len(text)
		}
		if i > 0 {
			writeStyled(b, style, text[:i])
			text = text[i:]
			continue
		}
		switch text[0] {
		case 0x1b:
			var params string
			var final byte
			params, final, text = escapeSequence(text)
			if final == 'm' {
				style = style.apply(params)
			}
		default:
			text = text[1:]
		}
	}
}

func writeStyled(b *strings.Builder, s ansiStyle, text string) {
	attrs := s.span()
	if attrs != "" {
		b.WriteString("<span" + attrs + ">")
	}
	b.WriteString(html.EscapeString(text))
	if attrs != "" {
		b.WriteString("</span>")
	}
}

// isControl reports whether r is a C0 control character other than
// newline and tab, or DEL.
func isControl(r rune) bool { return (r < 0x20 && r != '\n' && r != '\t') || r == 0x7f }

// escapeSequence splits text, which starts with ESC, after its escape
// sequence. For a CSI sequence it returns the parameters and the final
// byte; for others (OSC strings, two-byte escapes) final is 0. An
// unterminated sequence takes the rest of the text.
func escapeSequence(text string) (params string, final byte, rest string) {
	if len(text) < 2 {
		return "", 0, ""
	}
	switch text[1] {
	case '[': // CSI: parameter bytes 0x30–0x3F, intermediates 0x20–0x2F, final 0x40–0x7E
		for i := 2; i < len(text); i++ {
			if c := text[i]; c >= 0x40 && c <= 0x7e {
				return text[2:i], c, text[i+1:]
			} else if c < 0x20 || c > 0x3f {
				return "", 0, text[i:]
			}
		}
		return "", 0, ""
	case ']': // OSC: ends with BEL or ESC \
		for i := 2; i < len(text); i++ {
			if text[i] == 0x07 {
				return "", 0, text[i+1:]
			}
			if text[i] == 0x1b && i+1 < len(text) && text[i+1] == '\\' {
				return "", 0, text[i+2:]
			}
		}
		return "", 0, ""
	}
	// Other escapes: intermediate bytes 0x20–0x2F, then a final byte.
	i := 1
	for i < len(text) && text[i] >= 0x20 && text[i] <= 0x2f {
		i++
	}
	if i < len(text) && text[i] >= 0x30 && text[i] <= 0x7e {
		i++
	}
	return "", 0, text[i:]
}

// apply returns the style after the SGR parameters params ("1;31").
func (s ansiStyle) apply(params string) ansiStyle {
	if params == "" {
		return ansiStyle{}
	}
	codes := strings.Split(params, ";")
	num := func(i int) int {
		if i >= len(codes) {
			return -1
		}
		n, err := strconv.Atoi(codes[i])
		if err != nil {
			return -1
		}
		return n
	}
	for i := 0; i < len(codes); i++ {
		switch n := num(i); {
		case n == 0:
			s = ansiStyle{}
		case n == 1:
			s.bold = true
		case n == 3:
			s.italic = true
		case n == 4:
			s.underline = true
		case n == 22:
			s.bold = false
		case n == 23:
			s.italic = false
		case n == 24:
			s.underline = false
		case n >= 30 && n <= 37:
			s.fg = ansiColors[n-30]
		case n >= 40 && n <= 47:
			s.bg = ansiColors[n-40]
		case n >= 90 && n <= 97:
			s.fg = ansiColors[n-90] + "-intense"
		case n >= 100 && n <= 107:
			s.bg = ansiColors[n-100] + "-intense"
		case n == 39:
			s.fg = ""
		case n == 49:
			s.bg = ""
		case n == 38 || n == 48:
			color, used := extendedColor(num, i+1)
			if n == 38 {
				s.fg = color
			} else {
				s.bg = color
			}
			i += used
		}
	}
	return s
}

// extendedColor reads the colour after a 38 or 48 code starting at code i:
// "5;n" (256-colour palette) or "2;r;g;b". It returns the colour ("" when
// malformed) and how many codes it used.
func extendedColor(num func(int) int, i int) (string, int) {
	switch num(i) {
	case 5:
		n := num(i + 1)
		switch {
		case n < 0 || n > 255:
			return "", 2
		case n < 8:
			return ansiColors[n], 2
		case n < 16:
			return ansiColors[n-8] + "-intense", 2
		case n < 232: // 6×6×6 cube, levels 0, 95, 135, 175, 215, 255 (xterm)
			level := func(v int) int {
				if v == 0 {
					return 0
				}
				return 55 + 40*v
			}
			n -= 16
			return fmt.Sprintf("rgb(%d,%d,%d)", level(n/36), level(n/6%6), level(n%6)), 2
		default: // grey ramp
			g := 8 + 10*(n-232)
			return fmt.Sprintf("rgb(%d,%d,%d)", g, g, g), 2
		}
	case 2:
		r, g, b := num(i+1), num(i+2), num(i+3)
		if min(r, g, b) < 0 || max(r, g, b) > 255 {
			return "", 4
		}
		return fmt.Sprintf("rgb(%d,%d,%d)", r, g, b), 4
	}
	return "", 1
}

// collapseCR applies carriage returns as a terminal shows them when each
// rewrite covers the line, which is how progress bars use them: of a line
// holding "\r", only the text after its last "\r" remains. "\r\n" is a
// line break. This follows nbconvert's coalesce_streams.
func collapseCR(text string) string {
	if !strings.Contains(text, "\r") {
		return text
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	lines := strings.Split(text, "\n")
	for i, line := range lines {
		line = strings.TrimRight(line, "\r")
		if j := strings.LastIndexByte(line, '\r'); j >= 0 {
			line = line[j+1:]
		}
		lines[i] = line
	}
	return strings.Join(lines, "\n")
}
