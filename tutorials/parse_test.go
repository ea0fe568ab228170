package tutorials

import (
	"strings"
	"testing"
)

func TestParseBlocks(t *testing.T) {
	doc := strings.Join([]string{
		"# Title",
		"",
		"```sh",
		"echo one",
		"```",
		"",
		"<!-- expect: one -->",
		"<!-- expect: two -->",
		"Prose.",
		"<!-- not an expect -->",
		"```go cell timeout=2s",
		"x := 1",
		"```",
		"1. A list item:",
		"   ```sh fails",
		"   false",
		"   ```",
		"````text",
		"```",
		"````",
	}, "\n")
	blocks, err := parseBlocks("doc.md", doc)
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		line   int
		lang   string
		flags  string
		code   string
		expect string
		kind   kind
	}{
		{3, "sh", "", "echo one\n", "one|two", shellBlock},
		{11, "go", "cell timeout=2s", "x := 1\n", "", cellBlock},
		{15, "sh", "fails", "false\n", "", shellBlock},
		{18, "text", "", "```\n", "", shownBlock},
	}
	if len(blocks) != len(want) {
		t.Fatalf("got %d blocks, want %d: %v", len(blocks), len(want), blocks)
	}
	for i, w := range want {
		b := blocks[i]
		k, err := b.kind()
		if err != nil {
			t.Errorf("block %d: %v", i, err)
		}
		got := []string{b.lang, strings.Join(b.flags, " "), b.code, strings.Join(b.expect, "|")}
		wantFields := []string{w.lang, w.flags, w.code, w.expect}
		if b.line != w.line || k != w.kind || strings.Join(got, "\x00") != strings.Join(wantFields, "\x00") {
			t.Errorf("block %d: got line %d kind %d %q, want line %d kind %d %q", i, b.line, k, got, w.line, w.kind, wantFields)
		}
	}
	if got := blocks[1].value("timeout"); got != "2s" {
		t.Errorf("timeout flag = %q, want 2s", got)
	}
}

func TestParseBlocksErrors(t *testing.T) {
	tests := []struct {
		name, doc, want string
	}{
		{"unclosed fence", "text\n```sh\necho\n", "doc.md:2: code block is not closed"},
		{"stray expect", "text\n<!-- expect: x -->\n", "doc.md:2: expect comment not right after a code block"},
		{"expect after prose", "```sh\ntrue\n```\nprose\n<!-- expect: x -->\n", "doc.md:5: expect comment"},
	}
	for _, tt := range tests {
		_, err := parseBlocks("doc.md", tt.doc)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}

func TestBlockKindRejects(t *testing.T) {
	tests := []struct {
		name string
		b    block
		want string
	}{
		{"unknown language", block{lang: "bash", code: "true\n"}, `unknown info string "bash"`},
		{"no language", block{code: "true\n"}, `unknown info string ""`},
		{"unknown flag", block{lang: "sh", flags: []string{"fail"}, code: "true\n"}, `flag "fail" is not allowed`},
		{"needs without a tool", block{lang: "sh", flags: []string{"needs="}, code: "true\n"}, `flag "needs=" is not allowed`},
		{"go fragment", block{lang: "go", code: "x := 1\n"}, "must be a whole program"},
	}
	for _, tt := range tests {
		b := tt.b
		b.file, b.line = "doc.md", 1
		if _, err := b.kind(); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got error %v, want one containing %q", tt.name, err, tt.want)
		}
	}
}
