package notebook

import (
	"strings"
	"testing"
)

func TestWriteANSI(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain text escaped", "a < b & \"c\"", "a &lt; b &amp; &#34;c&#34;"},
		{"colour and reset", "\x1b[0;31mpanic\x1b[0m: boom", `<span class="ansi-red-fg">panic</span>: boom`},
		{"bold intense with background", "\x1b[1;92;44mok\x1b[22mx\x1b[39;49m.",
			`<span class="ansi-green-intense-fg ansi-blue-bg ansi-bold">ok</span>` +
				`<span class="ansi-green-intense-fg ansi-blue-bg">x</span>.`},
		{"256 colours", "\x1b[38;5;196mr\x1b[48;5;244mg\x1b[38;5;9mi", `<span style="color:rgb(255,0,0)">r</span>` +
			`<span style="color:rgb(255,0,0);background-color:rgb(128,128,128)">g</span>` +
			`<span class="ansi-red-intense-fg" style="background-color:rgb(128,128,128)">i</span>`},
		{"true colour", "\x1b[38;2;10;20;30mt\x1b[m.", `<span style="color:rgb(10,20,30)">t</span>.`},
		{"styles", "\x1b[3;4mx\x1b[23;24my", `<span class="ansi-italic ansi-underline">x</span>y`},
		{"other CSI dropped", "\x1b[2K\x1b[1Gline\x1b[?25l", "line"},
		{"OSC hyperlink dropped", "\x1b]8;;https://go.dev\x07go\x1b]8;;\x1b\\!", "go!"},
		{"unterminated sequence dropped", "end\x1b[31", "end"},
		{"lone escapes dropped", "a\x1b(Bb\x1b", "ab"},
		{"controls dropped, tabs and newlines kept", "a\x00\x07\tb\n\x7fc", "a\tb\nc"},
		{"colour spans lines", "\x1b[32mx\ny\x1b[0m", `<span class="ansi-green-fg">x` + "\n" + `y</span>`},
		{"carriage returns overwrite", "10%\r50%\r100%\r\ndone\r\n", "100%\ndone\n"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var b strings.Builder
			writeANSI(&b, tt.in)
			if got := b.String(); got != tt.want {
				t.Errorf("writeANSI(%q):\n got %q\nwant %q", tt.in, got, tt.want)
			}
		})
	}
}
