package tutorials

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// binEnv names a prebuilt tunebook binary to test instead of building one
// (for example the binary installed in the Docker image).
const binEnv = "TUNEBOOK_TUTORIAL_BIN"

// blockTimeout bounds one block; the tutorials keep every step to seconds.
const blockTimeout = 3 * time.Minute

// tutorialFiles returns the tutorials in reading order.
func tutorialFiles(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("[0-9][0-9]-*.md")
	if err != nil || len(files) == 0 {
		t.Fatalf("no tutorials found (glob error %v)", err)
	}
	return files
}

// TestTutorials runs the code blocks of every tutorial, each tutorial in its
// own working directory that looks like a clone of the repository (its
// datasets and npm manifests), with a freshly built tunebook first on PATH.
func TestTutorials(t *testing.T) {
	root := moduleRoot(t)
	parsed := map[string][]*block{}
	for _, f := range tutorialFiles(t) {
		text, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		blocks, err := parseBlocks(f, string(text))
		if err != nil {
			t.Fatal(err)
		}
		for _, b := range blocks {
			if _, err := b.kind(); err != nil {
				t.Error(err)
			}
		}
		parsed[f] = blocks
	}
	if t.Failed() {
		return
	}

	binDir := t.TempDir()
	tunebook := buildTunebook(t, root, binDir)
	for _, f := range tutorialFiles(t) {
		t.Run(strings.TrimSuffix(f, ".md"), func(t *testing.T) {
			t.Parallel()
			tu := newTutorial(t, root, tunebook)
			for _, b := range parsed[f] {
				tu.run(b)
			}
		})
	}
}

// TestReadmeListsTutorials checks that README.md links every tutorial, in
// reading order.
func TestReadmeListsTutorials(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	links := regexp.MustCompile(`\]\((\d\d-[^)]+\.md)\)`).FindAllStringSubmatch(string(readme), -1)
	var got []string
	for _, l := range links {
		got = append(got, l[1])
	}
	want := tutorialFiles(t)
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("README.md links %v, want %v", got, want)
	}
}

// moduleRoot returns the directory of the module's go.mod.
func moduleRoot(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatalf("go env GOMOD: %v", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		t.Fatal("go env GOMOD: not inside a module")
	}
	return filepath.Dir(gomod)
}

// buildTunebook builds cmd/tunebook into dir, or returns the binary named
// by $TUNEBOOK_TUTORIAL_BIN.
func buildTunebook(t *testing.T, root, dir string) string {
	t.Helper()
	if bin := os.Getenv(binEnv); bin != "" {
		abs, err := filepath.Abs(bin)
		if err != nil {
			t.Fatal(err)
		}
		return abs
	}
	bin := filepath.Join(dir, "tunebook")
	cmd := exec.Command("go", "build", "-o", bin, "./cmd/tunebook")
	cmd.Dir = root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("go build ./cmd/tunebook: %v\n%s", err, out)
	}
	return bin
}

// tutorial is the state of one tutorial's run: its working directory, the
// environment of its commands and, once a cell ran, its kernel session.
type tutorial struct {
	t      *testing.T
	root   string
	work   string
	binDir string
	env    []string
	cells  *cellSession
}

func newTutorial(t *testing.T, root, tunebook string) *tutorial {
	work := t.TempDir()
	if err := os.CopyFS(filepath.Join(work, "datasets"), os.DirFS(filepath.Join(root, "datasets"))); err != nil {
		t.Fatalf("copying the datasets: %v", err)
	}
	for _, f := range []string{"package.json", "package-lock.json"} {
		b, err := os.ReadFile(filepath.Join(root, f))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(work, f), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	binDir := t.TempDir()
	if err := os.Symlink(tunebook, filepath.Join(binDir, "tunebook")); err != nil {
		t.Fatal(err)
	}
	tu := &tutorial{t: t, root: root, work: work, binDir: binDir}
	tu.env = cleanEnv(binDir, t.TempDir())
	t.Cleanup(tu.close)
	return tu
}

// cleanEnv returns the environment of a reader who just cloned the
// repository: tunebook on PATH, no TUNEBOOK_ECHARTS_* settings, and Jupyter
// data (kernelspecs) in a private directory.
func cleanEnv(binDir, jupyterDir string) []string {
	var env []string
	for _, kv := range os.Environ() {
		name, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(name, "TUNEBOOK_ECHARTS_") || name == "PATH" || name == "JUPYTER_DATA_DIR" {
			continue
		}
		env = append(env, kv)
	}
	return append(env,
		"PATH="+binDir+string(os.PathListSeparator)+os.Getenv("PATH"),
		"JUPYTER_DATA_DIR="+jupyterDir)
}

func (tu *tutorial) close() {
	if tu.cells != nil {
		tu.cells.close()
	}
}

// run runs one block and checks its exit status and expected output.
func (tu *tutorial) run(b *block) {
	t := tu.t
	k, _ := b.kind()
	if k == shownBlock {
		return
	}
	if tool := b.value("needs"); tool != "" {
		tu.need(b, tool)
	}

	var out string
	var failed bool
	var err error
	switch k {
	case shellBlock:
		out, failed, err = tu.shell(b)
	case programBlock:
		out, failed, err = tu.program(b)
	case cellBlock:
		tu.startCells(b)
		out, failed, err = tu.cells.run(b)
	}
	if err != nil {
		t.Fatalf("%s: %v\n%s", b, err, tail(out))
	}
	switch {
	case failed && !b.has("fails"):
		t.Fatalf("%s failed:\n%s", b, tail(out))
	case !failed && b.has("fails"):
		t.Fatalf("%s succeeded, but it is marked to fail:\n%s", b, tail(out))
	}
	for _, want := range b.expect {
		if !strings.Contains(out, want) {
			t.Errorf("%s: output lacks %q:\n%s", b, want, tail(out))
		}
	}
}

// need skips the rest of the tutorial (the later blocks build on this one)
// when tool is not installed, unless $CI is set: CI installs every tool, so
// there a missing tool fails the test.
func (tu *tutorial) need(b *block, tool string) {
	if _, err := exec.LookPath(tool); err == nil {
		return
	}
	if os.Getenv("CI") != "" {
		tu.t.Fatalf("%s needs %s, which is not installed (CI is set)", b, tool)
	}
	tu.t.Skipf("%s needs %s, which is not installed: skipping the rest of the tutorial", b, tool)
}

// shellState is the file, in the tutorial's binary directory, that carries
// exported variables and the working directory from one ```sh block to the
// next, as one terminal session would.
const shellState = "shell-state.sh"

// shell runs a ```sh block with bash in strict mode, in the state the
// previous block left.
func (tu *tutorial) shell(b *block) (string, bool, error) {
	state := filepath.Join(tu.binDir, shellState)
	script := fmt.Sprintf("if [ -f %[1]q ]; then source %[1]q; fi\n"+
		"trap 'export -p > %[1]q; printf \"cd %%q\\n\" \"$PWD\" >> %[1]q' EXIT\n%s", state, b.code)
	return tu.command("bash", "-euo", "pipefail", "-c", script)
}

// program builds a ```go block inside the module, so that it imports
// tunebook's packages as a program in a clone would, and runs it in the
// working directory.
func (tu *tutorial) program(b *block) (string, bool, error) {
	dir, err := os.MkdirTemp(filepath.Join(tu.root, "tutorials", "testdata"), "tmp-")
	if err != nil {
		return "", false, err
	}
	defer os.RemoveAll(dir)
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(b.code), 0o644); err != nil {
		return "", false, err
	}
	bin := filepath.Join(tu.binDir, fmt.Sprintf("program-%d", b.line))
	build := exec.Command("go", "build", "-o", bin, "./"+filepath.Base(dir))
	build.Dir = filepath.Dir(dir)
	if out, err := build.CombinedOutput(); err != nil {
		return string(out), false, fmt.Errorf("go build: %w", err)
	}
	return tu.command(bin)
}

// command runs a program in the working directory and returns its combined
// output and whether it exited with a non-zero status.
func (tu *tutorial) command(name string, args ...string) (string, bool, error) {
	ctx, cancel := context.WithTimeout(context.Background(), blockTimeout)
	defer cancel()
	c := exec.CommandContext(ctx, name, args...)
	c.Dir, c.Env, c.WaitDelay = tu.work, tu.env, 5*time.Second
	out, err := c.CombinedOutput()
	if ctx.Err() != nil {
		return string(out), false, fmt.Errorf("still running after %s", blockTimeout)
	}
	if _, exited := err.(*exec.ExitError); exited {
		return string(out), true, nil
	}
	return string(out), false, err
}

// startCells starts the kernel session at the first ```go cell block. When
// the cell runner does not build (package repl is missing or broken), the
// rest of the tutorial is skipped, unless $CI is set.
func (tu *tutorial) startCells(b *block) {
	if tu.cells != nil {
		return
	}
	bin := filepath.Join(tu.binDir, "cellrunner")
	build := exec.Command("go", "build", "-o", bin, "./tutorials/testdata/cellrunner")
	build.Dir = tu.root
	if out, err := build.CombinedOutput(); err != nil {
		msg := fmt.Sprintf("package github.com/tunebook/tunebook/kernel/repl (or the cell runner using it) does not build, "+
			"so the Go kernel cells cannot run: %v\n%s", err, out)
		if os.Getenv("CI") != "" {
			tu.t.Fatalf("%s: %s", b, msg)
		}
		tu.t.Skipf("%s: skipping the rest of the tutorial: %s", b, msg)
	}
	cells, err := startCellSession(bin, tu.work, tu.env)
	if err != nil {
		tu.t.Fatalf("%s: starting the cell runner: %v", b, err)
	}
	tu.cells = cells
}

// cellSession is a running cell runner (testdata/cellrunner): one
// interpreter session fed one cell at a time.
type cellSession struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	stdout *bufio.Reader
	stderr bytes.Buffer
}

func startCellSession(bin, dir string, env []string) (*cellSession, error) {
	s := &cellSession{cmd: exec.Command(bin)}
	s.cmd.Dir, s.cmd.Env, s.cmd.Stderr = dir, env, &s.stderr
	var err error
	if s.stdin, err = s.cmd.StdinPipe(); err != nil {
		return nil, err
	}
	out, err := s.cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	s.stdout = bufio.NewReader(out)
	return s, s.cmd.Start()
}

// run sends one cell and reads its transcript up to the status line. The
// output includes the status line, so that expectations can name an error.
func (s *cellSession) run(b *block) (string, bool, error) {
	req := map[string]any{"code": b.code}
	if v := b.value("timeout"); v != "" {
		d, err := time.ParseDuration(v)
		if err != nil {
			return "", false, fmt.Errorf("timeout flag: %w", err)
		}
		req["timeout_ms"] = d.Milliseconds()
	}
	line, err := json.Marshal(req)
	if err != nil {
		return "", false, err
	}
	if _, err := s.stdin.Write(append(line, '\n')); err != nil {
		return "", false, fmt.Errorf("sending the cell: %w (runner stderr: %s)", err, s.stderr.String())
	}

	type reply struct {
		out    string
		failed bool
		err    error
	}
	done := make(chan reply, 1)
	go func() {
		var out strings.Builder
		for {
			l, err := s.stdout.ReadString('\n')
			out.WriteString(l)
			if status, ok := strings.CutPrefix(l, "\x1e "); ok {
				done <- reply{out: out.String(), failed: !strings.HasPrefix(status, "ok")}
				return
			}
			if err != nil {
				done <- reply{out: out.String(), err: fmt.Errorf("cell runner ended: %w (stderr: %s)", err, s.stderr.String())}
				return
			}
		}
	}()
	select {
	case r := <-done:
		return r.out, r.failed, r.err
	case <-time.After(blockTimeout):
		_ = s.cmd.Process.Kill()
		return "", false, fmt.Errorf("cell still running after %s", blockTimeout)
	}
}

func (s *cellSession) close() {
	s.stdin.Close()
	done := make(chan struct{})
	go func() { _ = s.cmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		_ = s.cmd.Process.Kill()
	}
}

// tail returns the last lines of a long output, for failure messages.
func tail(out string) string {
	const max = 60
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) <= max {
		return out
	}
	return fmt.Sprintf("[… %d lines …]\n%s", len(lines)-max, strings.Join(lines[len(lines)-max:], "\n"))
}
