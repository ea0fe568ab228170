package tutorials

import (
	"os/exec"
	"strings"
	"testing"
)

// TestShellBlocksShareState runs a made-up tutorial through the harness:
// exported variables and the working directory carry over between ```sh
// blocks, expectations are checked, and a ```sh fails block must fail.
func TestShellBlocksShareState(t *testing.T) {
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed")
	}
	doc := strings.Join([]string{
		"```sh",
		"export GREETING=hello",
		"mkdir -p sub && cd sub",
		"```",
		"```sh",
		`echo "$GREETING from $(basename "$PWD")"`,
		"```",
		"<!-- expect: hello from sub -->",
		"```sh fails",
		"false",
		"echo not reached",
		"```",
		"```sh",
		`echo "still in $(basename "$PWD")"`,
		"```",
		"<!-- expect: still in sub -->",
	}, "\n")
	blocks, err := parseBlocks("made-up.md", doc)
	if err != nil {
		t.Fatal(err)
	}
	tunebook, err := exec.LookPath("true")
	if err != nil {
		t.Skip("no true command to stand in for tunebook")
	}
	tu := newTutorial(t, moduleRoot(t), tunebook)
	for _, b := range blocks {
		tu.run(b)
	}

	out, failed, err := tu.shell(&block{file: "made-up.md", line: 99, lang: "sh", code: "echo $GREETING; exit 3\n"})
	if err != nil || !failed || strings.TrimSpace(out) != "hello" {
		t.Errorf("shell: got output %q, failed %v, error %v; want \"hello\", true, nil", out, failed, err)
	}
}
