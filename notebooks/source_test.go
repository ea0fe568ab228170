package notebooks

import (
	"strings"
	"testing"

	"github.com/tunebook/tunebook/notebook"
)

func TestBuild(t *testing.T) {
	tests := []struct {
		name  string
		src   string
		types []string
		texts []string
		title string
	}{
		{
			name:  "prose and code alternate",
			src:   "# T\n\nintro\n\n```go\na := 1\n```\n\nmiddle\n\n```go\n%time\nb := 2\n```\n",
			types: []string{notebook.MarkdownCell, notebook.CodeCell, notebook.MarkdownCell, notebook.CodeCell},
			texts: []string{"# T\n\nintro", "a := 1", "middle", "%time\nb := 2"},
			title: "T",
		},
		{
			name:  "other fences stay in the prose",
			src:   "text\n\n```text\nnot code\n```\n\n```go\nx := 1\n```",
			types: []string{notebook.MarkdownCell, notebook.CodeCell},
			texts: []string{"text\n\n```text\nnot code\n```", "x := 1"},
		},
		{
			name:  "blank lines inside code are kept, CRLF and trailing spaces are not",
			src:   "```go\r\nx := 1  \r\n\r\ny := 2\r\n```\r\n",
			types: []string{notebook.CodeCell},
			texts: []string{"x := 1\n\ny := 2"},
		},
		{
			name:  "consecutive code blocks are separate cells",
			src:   "```go\nx := 1\n```\n```go\ny := 2\n```\n",
			types: []string{notebook.CodeCell, notebook.CodeCell},
			texts: []string{"x := 1", "y := 2"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			nb, err := Build("07-test", []byte(tt.src))
			if err != nil {
				t.Fatal(err)
			}
			if len(nb.Cells) != len(tt.types) {
				t.Fatalf("got %d cells, want %d", len(nb.Cells), len(tt.types))
			}
			for i, c := range nb.Cells {
				if c.Type != tt.types[i] || c.Source != tt.texts[i] {
					t.Errorf("cell %d: got %s %q, want %s %q", i+1, c.Type, c.Source, tt.types[i], tt.texts[i])
				}
				if !strings.HasPrefix(c.ID, "nb07-") {
					t.Errorf("cell %d: got id %q, want prefix nb07-", i+1, c.ID)
				}
			}
			if got, _ := nb.Metadata["title"].(string); got != tt.title {
				t.Errorf("got title %q, want %q", got, tt.title)
			}
			ks, _ := nb.Metadata["kernelspec"].(map[string]any)
			if ks["name"] != notebook.KernelName {
				t.Errorf("got kernelspec %v, want name %q", ks, notebook.KernelName)
			}
		})
	}
}

func TestBuildErrors(t *testing.T) {
	tests := []struct {
		name, src, want string
	}{
		{"unclosed block", "intro\n\n```go\nx := 1\n", "line 3: code block is never closed"},
		{"empty block", "```go\n```\n", "line 1: empty code block"},
		{"no code", "# Only prose\n", "no code cell"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Build("x", []byte(tt.src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("got error %v, want one containing %q", err, tt.want)
			}
		})
	}
}
