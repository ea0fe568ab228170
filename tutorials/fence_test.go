package tutorials

import (
	"fmt"
	"slices"
	"strings"
)

// block is one fenced code block of a tutorial, with the expectations
// written after it.
type block struct {
	// file and line locate the opening fence, for messages.
	file string
	line int
	// lang is the first word of the info string ("sh", "go", "console", …)
	// and flags the other words ("fails", "cell", "needs=npm", …).
	lang  string
	flags []string
	code  string
	// expect holds the TEXT of each <!-- expect: TEXT --> comment that
	// follows the block (blank lines may come between).
	expect []string
}

// kind says what the test does with a block.
type kind int

const (
	shellBlock   kind = iota // ```sh: run with bash
	programBlock             // ```go: a whole program, built and run
	cellBlock                // ```go cell: a kernel cell, run in one session
	shownBlock               // ```console, ```text, ```json, …: never run
)

// shownLangs are the info strings of blocks that are only shown, never run:
// commands that must not run in a test (a notebook server, docker, a system
// install), program output, and file contents.
var shownLangs = map[string]bool{
	"console": true, "text": true, "json": true, "html": true, "dockerfile": true,
}

// flagsAllowed lists the flags each kind accepts; "needs=" takes a value.
var flagsAllowed = map[kind][]string{
	shellBlock:   {"fails", "needs="},
	programBlock: {},
	cellBlock:    {"cell", "fails", "timeout="},
}

// String names the block as file:line and its info string.
func (b *block) String() string {
	return fmt.Sprintf("%s:%d (```%s)", b.file, b.line, strings.Join(append([]string{b.lang}, b.flags...), " "))
}

// kind classifies the block, or reports an info string the test does not
// know, so that a typo such as ```bash cannot hide a block from the test.
func (b *block) kind() (kind, error) {
	var k kind
	switch {
	case b.lang == "sh":
		k = shellBlock
	case b.lang == "go" && b.has("cell"):
		k = cellBlock
	case b.lang == "go":
		k = programBlock
	case shownLangs[b.lang]:
		return shownBlock, nil
	default:
		return 0, fmt.Errorf("%s: unknown info string %q: use sh, go, go cell, or one of the shown-only %v",
			b, b.lang, keys(shownLangs))
	}
	for _, f := range b.flags {
		if !flagAllowed(flagsAllowed[k], f) {
			return 0, fmt.Errorf("%s: flag %q is not allowed here (allowed: %v)", b, f, flagsAllowed[k])
		}
	}
	if k == programBlock && !strings.Contains(b.code, "package main") {
		return 0, fmt.Errorf("%s: a ```go block must be a whole program (package main); use ```go cell for kernel cells", b)
	}
	return k, nil
}

func flagAllowed(allowed []string, flag string) bool {
	for _, a := range allowed {
		name, takesValue := strings.CutSuffix(a, "=")
		value, hasValue := strings.CutPrefix(flag, name+"=")
		if (!takesValue && flag == a) || (takesValue && hasValue && value != "") {
			return true
		}
	}
	return false
}

// has reports whether the block carries the flag.
func (b *block) has(flag string) bool {
	for _, f := range b.flags {
		if f == flag {
			return true
		}
	}
	return false
}

// value returns the value of a name=value flag, or "".
func (b *block) value(name string) string {
	for _, f := range b.flags {
		if v, ok := strings.CutPrefix(f, name+"="); ok {
			return v
		}
	}
	return ""
}

// parseBlocks returns the fenced code blocks of a Markdown document in
// order. Fences are three or more backticks, indented by at most three
// spaces (the indentation is removed from the block's lines); a closing
// fence is at least as long as the opening one. An unclosed fence or an
// expect comment that does not follow a block is an error naming the line.
func parseBlocks(file, text string) ([]*block, error) {
	lines := strings.Split(text, "\n")
	var blocks []*block
	var last *block // the latest block, while only blank lines and expects follow it
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		trimmed := strings.TrimSpace(line)
		if want, ok := expectComment(trimmed); ok {
			if last == nil {
				return nil, fmt.Errorf("%s:%d: expect comment not right after a code block", file, i+1)
			}
			last.expect = append(last.expect, want)
			continue
		}
		if trimmed != "" {
			last = nil
		}
		indent, fence, info, ok := openingFence(line)
		if !ok {
			continue
		}
		fields := strings.Fields(info)
		b := &block{file: file, line: i + 1}
		if len(fields) > 0 {
			b.lang, b.flags = fields[0], fields[1:]
		}
		var code []string
		closed := false
		for i++; i < len(lines); i++ {
			if t := strings.TrimSpace(lines[i]); strings.HasPrefix(t, fence) && strings.Trim(t, "`") == "" {
				closed = true
				break
			}
			code = append(code, strings.TrimPrefix(lines[i], indent))
		}
		if !closed {
			return nil, fmt.Errorf("%s:%d: code block is not closed", file, b.line)
		}
		b.code = strings.Join(code, "\n") + "\n"
		blocks = append(blocks, b)
		last = b
	}
	return blocks, nil
}

// openingFence recognises a line that opens a fenced code block and returns
// its indentation, its backticks and its info string.
func openingFence(line string) (indent, fence, info string, ok bool) {
	rest := strings.TrimLeft(line, " ")
	indent = line[:len(line)-len(rest)]
	if len(indent) > 3 || !strings.HasPrefix(rest, "```") {
		return "", "", "", false
	}
	n := len(rest) - len(strings.TrimLeft(rest, "`"))
	return indent, rest[:n], strings.TrimSpace(rest[n:]), true
}

// expectComment recognises <!-- expect: TEXT --> and returns TEXT.
func expectComment(line string) (string, bool) {
	body, ok := strings.CutPrefix(line, "<!-- expect:")
	if !ok {
		return "", false
	}
	body, ok = strings.CutSuffix(body, "-->")
	if !ok {
		return "", false
	}
	return strings.TrimSpace(body), true
}

func keys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	slices.Sort(out)
	return out
}
