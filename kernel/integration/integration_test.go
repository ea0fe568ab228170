package integration

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// python is Debian's interpreter, which has jupyter_client and nbclient;
// another python3 may come first on PATH.
const python = "/usr/bin/python3"

// kernelName is the kernelspec the test installs into its own prefix.
const kernelName = "tunebook-go-test"

// jupyter is a temporary Jupyter setup with the tunebook kernel installed.
type jupyter struct {
	dir string
	env []string
}

var (
	setupOnce sync.Once
	shared    *jupyter
	setupErr  error // set when building or installing failed
	setupSkip string
)

func TestMain(m *testing.M) {
	code := m.Run()
	if shared != nil {
		os.RemoveAll(shared.dir)
	}
	os.Exit(code)
}

// setup builds the tunebook binary once, installs its kernelspec with
// --prefix into a temporary directory and returns an environment in which
// Jupyter finds that kernelspec. It skips when Python or jupyter_client is
// missing, unless CI is set.
func setup(t *testing.T) *jupyter {
	t.Helper()
	setupOnce.Do(func() { shared, setupSkip, setupErr = prepare() })
	switch {
	case setupSkip != "" && os.Getenv("CI") != "":
		t.Fatal(setupSkip)
	case setupSkip != "":
		t.Skip(setupSkip)
	case setupErr != nil:
		t.Fatal(setupErr)
	}
	return shared
}

// prepare does the work of setup; skip says why the tools are missing.
func prepare() (j *jupyter, skip string, err error) {
	check := exec.Command(python, "-c", "import jupyter_client, nbclient, nbconvert")
	if out, err := check.CombinedOutput(); err != nil {
		return nil, fmt.Sprintf("needs %s with python3-jupyter-client, python3-nbclient and "+
			"jupyter-nbconvert: %v\n%s", python, err, out), nil
	}
	root, err := moduleRoot()
	if err != nil {
		return nil, "", err
	}
	dir, err := os.MkdirTemp("", "tunebook-integration")
	if err != nil {
		return nil, "", err
	}
	j = &jupyter{dir: dir}

	bin := filepath.Join(dir, "tunebook")
	build := exec.Command("go", "build", "-o", bin, "./cmd/tunebook")
	build.Dir = root
	if out, err := build.CombinedOutput(); err != nil {
		return j, "", fmt.Errorf("go build ./cmd/tunebook: %w\n%s", err, out)
	}
	prefix := filepath.Join(dir, "prefix")
	if out, err := exec.Command(bin, "install", "--prefix", prefix, "--name", kernelName).CombinedOutput(); err != nil {
		return j, "", fmt.Errorf("tunebook install: %w\n%s", err, out)
	}

	j.env = append(os.Environ(),
		"JUPYTER_PATH="+filepath.Join(prefix, "share", "jupyter"),
		"JUPYTER_DATA_DIR="+filepath.Join(dir, "data"),
		"JUPYTER_RUNTIME_DIR="+filepath.Join(dir, "runtime"),
		"JUPYTER_CONFIG_DIR="+filepath.Join(dir, "config"),
		"PYDEVD_DISABLE_FILE_VALIDATION=1",
		"PYTHONDONTWRITEBYTECODE=1",
	)
	return j, "", nil
}

// run runs a command in the test's Jupyter environment with a timeout and
// fails the test with its output if it fails.
func (j *jupyter) run(t *testing.T, timeout time.Duration, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), timeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = j.env
	cmd.Dir = j.dir
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// TestDriveWithJupyterClient runs testdata/drive.py: every request type,
// busy/idle framing, case k07 with interrupt_request, SIGINT, restart and
// shutdown, against the installed kernel.
func TestDriveWithJupyterClient(t *testing.T) {
	j := setup(t)
	drive, _ := filepath.Abs(filepath.Join("testdata", "drive.py"))
	k07, _ := filepath.Abs(filepath.Join("testdata", "cases", "k07"))
	out := j.run(t, 3*time.Minute, python, drive, kernelName, k07)
	t.Log(out)
}

// TestNbconvertExecute executes a notebook with the Go kernel through
// "jupyter nbconvert --execute" and checks the stored outputs.
func TestNbconvertExecute(t *testing.T) {
	j := setup(t)
	src, _ := filepath.Abs(filepath.Join("testdata", "smoke.ipynb"))
	j.run(t, 2*time.Minute, python, "-m", "nbconvert", "--to", "notebook", "--execute",
		"--ExecutePreprocessor.kernel_name="+kernelName, "--ExecutePreprocessor.timeout=60",
		"--output-dir", j.dir, "--output", "executed.ipynb", src)

	var nb struct {
		Cells []struct {
			Outputs []struct {
				OutputType string         `json:"output_type"`
				Name       string         `json:"name"`
				Text       any            `json:"text"`
				Data       map[string]any `json:"data"`
			} `json:"outputs"`
		} `json:"cells"`
	}
	data, err := os.ReadFile(filepath.Join(j.dir, "executed.ipynb"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &nb); err != nil {
		t.Fatal(err)
	}

	want := []struct{ outputType, mime, text string }{
		{"stream", "", "hello from Go\n"},
		{"execute_result", "text/plain", "42"},
		{"display_data", "text/html", "<p>rendered</p>"},
	}
	if len(nb.Cells) != len(want) {
		t.Fatalf("executed notebook has %d cells, want %d", len(nb.Cells), len(want))
	}
	for i, w := range want {
		outs := nb.Cells[i].Outputs
		if len(outs) != 1 || outs[0].OutputType != w.outputType {
			t.Errorf("cell %d outputs = %+v, want one %s", i+1, outs, w.outputType)
			continue
		}
		got := joinText(outs[0].Text)
		if w.mime != "" {
			got = joinText(outs[0].Data[w.mime])
		}
		if got != w.text {
			t.Errorf("cell %d %s = %q, want %q", i+1, w.outputType, got, w.text)
		}
	}
}

// joinText joins nbformat's multi-line strings, stored as a string or a
// list of strings.
func joinText(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []any:
		var b strings.Builder
		for _, s := range v {
			str, _ := s.(string)
			b.WriteString(str)
		}
		return b.String()
	}
	return ""
}

// moduleRoot returns the directory of the go.mod of this module.
func moduleRoot() (string, error) {
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		return "", fmt.Errorf("go env GOMOD: %w", err)
	}
	gomod := strings.TrimSpace(string(out))
	if gomod == "" || gomod == os.DevNull {
		return "", fmt.Errorf("not inside a Go module")
	}
	return filepath.Dir(gomod), nil
}
