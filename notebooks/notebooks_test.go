package notebooks

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/tunebook/tunebook/internal/browser"
	"github.com/tunebook/tunebook/notebook"
)

// browserNotebooks are the notebooks whose HTML exports are opened in
// headless Chromium; together they hold every kind of chart the
// notebooks draw except the loss curves.
var browserNotebooks = map[string]bool{
	"02-breast-cancer-threshold": true,
	"04-regression-diabetes":     true,
}

// unreachableURL is where charts are told to load ECharts from in the
// browser tests: nothing listens there, so a chart that does not find the
// library inlined in its page cannot draw.
const unreachableURL = "http://127.0.0.1:9/echarts.min.js"

// runTimeout bounds the execution of one notebook (each takes well under a
// minute on two cores).
const runTimeout = 5 * time.Minute

// names returns the notebook names, from the sources in src/.
func names(t *testing.T) []string {
	t.Helper()
	srcs, err := filepath.Glob(filepath.Join("src", "*.md"))
	if err != nil || len(srcs) == 0 {
		t.Fatalf("no notebook sources in src/ (%v)", err)
	}
	out := make([]string, len(srcs))
	for i, s := range srcs {
		out[i] = strings.TrimSuffix(filepath.Base(s), ".md")
	}
	return out
}

// TestCommittedNotebooks checks that each committed notebook is its source
// built by Build and then executed: same cells in the same order, every
// code cell run without error, and charts embedded as HTML.
func TestCommittedNotebooks(t *testing.T) {
	for _, name := range names(t) {
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("src", name+".md"))
			if err != nil {
				t.Fatal(err)
			}
			want, err := Build(name, src)
			if err != nil {
				t.Fatal(err)
			}
			got, err := notebook.Read(name + ".ipynb")
			if err != nil {
				t.Fatalf("%v (run: go run ./notebooks/internal/gen -tunebook BIN %s)", err, name)
			}
			if len(got.Cells) != len(want.Cells) {
				t.Fatalf("%s.ipynb has %d cells, its source %d: regenerate it (see README.md)",
					name, len(got.Cells), len(want.Cells))
			}
			for i, w := range want.Cells {
				g := got.Cells[i]
				if g.Type != w.Type || g.ID != w.ID || g.Source != w.Source {
					t.Errorf("cell %d differs from the source (regenerate the notebook, see README.md): got %s cell %q, want %s cell %q; %s",
						i+1, g.Type, g.ID, w.Type, w.ID, firstDifference(g.Source, w.Source))
				}
			}
			checkExecuted(t, got)
			charts := 0
			for _, c := range got.Cells {
				for _, o := range c.Outputs {
					if h, ok := o.Data["text/html"].(string); ok && chartElement.MatchString(h) {
						charts++
					}
				}
			}
			if charts == 0 {
				t.Errorf("%s.ipynb embeds no chart output", name)
			}
		})
	}
}

// checkExecuted fails t unless every code cell of nb has run, in order, and
// none holds an error output.
func checkExecuted(t *testing.T, nb *notebook.Notebook) {
	t.Helper()
	count := 0
	for i, c := range nb.Cells {
		if c.Type != notebook.CodeCell {
			continue
		}
		count++
		if c.ExecutionCount != count {
			t.Errorf("code cell %d (%q): execution count %d, want %d", i+1, c.FirstLine(), c.ExecutionCount, count)
		}
		for _, o := range c.Outputs {
			if o.Type == notebook.ErrorOutput {
				t.Errorf("code cell %d (%q) failed: %s: %s", i+1, c.FirstLine(), o.EName, o.EValue)
			}
			if o.Type == notebook.StreamOutput && o.Name == "stderr" {
				t.Errorf("code cell %d (%q) wrote to stderr: %s", i+1, c.FirstLine(), o.Text)
			}
		}
	}
}

// TestTunebookRun executes every notebook with "tunebook run", failing on
// any cell error, and opens the HTML reports of browserNotebooks in
// headless Chromium.
func TestTunebookRun(t *testing.T) {
	bin := buildTunebook(t)
	out := t.TempDir()
	js := echartsFile()
	for _, name := range names(t) {
		t.Run(name, func(t *testing.T) {
			executed := filepath.Join(out, name+".ipynb")
			report := filepath.Join(out, name+".html")
			args := []string{"run", name + ".ipynb", "--out", executed}
			if browserNotebooks[name] {
				args = append(args, "--html", report, "--echarts-url", unreachableURL)
				if js != "" {
					args = append(args, "--echarts-js", js)
				}
			}
			run(t, os.Environ(), bin, args...)
			nb, err := notebook.Read(executed)
			if err != nil {
				t.Fatal(err)
			}
			checkExecuted(t, nb)
			if browserNotebooks[name] {
				checkChartsDraw(t, report)
			}
		})
	}
}

// TestNbconvert executes every notebook with Jupyter's nbconvert on the
// tunebook kernel, installed with "tunebook install --prefix", failing on
// any cell error, then exports browserNotebooks with nbconvert's HTML
// exporter and opens them in headless Chromium. TUNEBOOK_ECHARTS_JS makes
// the kernel inline ECharts in the first chart output of each notebook.
func TestNbconvert(t *testing.T) {
	python := requirePython(t)
	bin := buildTunebook(t)
	dir := t.TempDir()
	prefix := filepath.Join(dir, "prefix")
	run(t, os.Environ(), bin, "install", "--prefix", prefix)
	if _, err := os.Stat(filepath.Join(prefix, "share", "jupyter", "kernels", notebook.KernelName, "kernel.json")); err != nil {
		t.Fatalf("tunebook install --prefix wrote no kernelspec %q: %v", notebook.KernelName, err)
	}
	env := append(os.Environ(),
		"JUPYTER_PATH="+filepath.Join(prefix, "share", "jupyter"),
		"JUPYTER_DATA_DIR="+filepath.Join(dir, "data"),
		"JUPYTER_RUNTIME_DIR="+filepath.Join(dir, "runtime"),
		"JUPYTER_CONFIG_DIR="+filepath.Join(dir, "config"),
		"PYDEVD_DISABLE_FILE_VALIDATION=1",
		"PYTHONDONTWRITEBYTECODE=1",
		"TUNEBOOK_ECHARTS_URL="+unreachableURL,
	)
	if js := echartsFile(); js != "" {
		env = append(env, "TUNEBOOK_ECHARTS_JS="+js)
	}

	out := filepath.Join(dir, "out")
	for _, name := range names(t) {
		t.Run(name, func(t *testing.T) {
			run(t, env, python, "-m", "nbconvert", "--to", "notebook", "--execute",
				"--ExecutePreprocessor.kernel_name="+notebook.KernelName,
				"--ExecutePreprocessor.timeout="+strconv.Itoa(int(runTimeout.Seconds())),
				"--output-dir", out, "--output", name, name+".ipynb")
			executed := filepath.Join(out, name+".ipynb")
			nb, err := notebook.Read(executed)
			if err != nil {
				t.Fatal(err)
			}
			checkExecuted(t, nb)
			if !browserNotebooks[name] {
				return
			}
			browser.Require(t)
			requireJS := browser.RequireJS(t)
			run(t, env, python, "-m", "nbconvert", "--to", "html",
				"--HTMLExporter.require_js_url=file://"+filepath.ToSlash(requireJS),
				"--output-dir", out, "--output", name, executed)
			checkChartsDraw(t, filepath.Join(out, name+".html"))
		})
	}
}

// chartElement matches the element a chart output draws into.
var chartElement = regexp.MustCompile(`<div class="tunebook-chart" id="([^"]+)"`)

// checkChartsDraw opens the HTML page at path in headless Chromium and fails
// t if a chart did not draw (ECharts marks the element it draws into with
// an _echarts_instance_ attribute) or a script raised an error. Loads that
// failed are reported only when they are of ECharts: charts must find the
// library on the page, with no network.
func checkChartsDraw(t *testing.T, path string) {
	t.Helper()
	browser.Require(t)
	browser.EChartsJS(t)
	page, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	ids := chartElement.FindAllStringSubmatch(string(page), -1)
	if len(ids) < 2 {
		t.Fatalf("%s holds %d chart elements, want at least 2", path, len(ids))
	}

	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	dom, jsErrors, err := browser.Render(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range jsErrors {
		if !strings.HasPrefix(m, "failed to load ") || strings.Contains(m, "echarts") {
			t.Errorf("%s: JavaScript error: %s", filepath.Base(path), m)
		} else {
			t.Logf("%s: ignored (not a chart's): %s", filepath.Base(path), m)
		}
	}
	for _, id := range ids {
		if tag := browser.StartTag(dom, id[1]); !strings.Contains(tag, "_echarts_instance_") {
			t.Errorf("%s: chart %s did not draw: its element is %q", filepath.Base(path), id[1], tag)
		}
	}
	t.Logf("%s: checked %d charts in headless Chromium", filepath.Base(path), len(ids))
}

// buildTunebook builds the tunebook command into a temporary folder.
func buildTunebook(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "tunebook")
	run(t, os.Environ(), "go", "build", "-o", bin, "github.com/tunebook/tunebook/cmd/tunebook")
	return bin
}

// run runs a command in the package folder (the notebooks read
// ../datasets) and fails t with its output if it fails.
func run(t *testing.T, env []string, name string, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), runTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env = env
	start := time.Now()
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	t.Logf("%s %s: %s", filepath.Base(name), strings.Join(args[:min(len(args), 4)], " "), time.Since(start).Round(100*time.Millisecond))
}

// echartsFile returns the path of echarts.min.js: $TUNEBOOK_ECHARTS_JS, else
// the module's npm copy, else "" when there is none.
func echartsFile() string {
	if p := os.Getenv("TUNEBOOK_ECHARTS_JS"); p != "" {
		return p
	}
	p, err := filepath.Abs(filepath.Join("..", "node_modules", "echarts", "dist", "echarts.min.js"))
	if err != nil {
		return ""
	}
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

// requirePython returns a Python interpreter with nbconvert and nbclient:
// $TUNEBOOK_PYTHON, else Debian's /usr/bin/python3, else python3 on PATH.
// Without one it skips the test, or fails it when CI is set.
func requirePython(t *testing.T) string {
	t.Helper()
	candidates := []string{"/usr/bin/python3", "python3"}
	if p := os.Getenv("TUNEBOOK_PYTHON"); p != "" {
		candidates = []string{p}
	}
	var problems []string
	for _, p := range candidates {
		out, err := exec.Command(p, "-c", "import nbconvert, nbclient, jupyter_client").CombinedOutput()
		if err == nil {
			return p
		}
		problems = append(problems, p+": "+strings.TrimSpace(string(out))+" "+err.Error())
	}
	msg := "no Python with nbconvert, nbclient and jupyter_client (set TUNEBOOK_PYTHON): " + strings.Join(problems, "; ")
	if os.Getenv("CI") != "" {
		t.Fatal("CI is set but " + msg)
	}
	t.Skip("skipping: " + msg)
	return ""
}

// firstDifference describes the first line where got and want differ.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl || i >= len(g) || i >= len(w) {
			return fmt.Sprintf("line %d: got %q, want %q", i+1, gl, wl)
		}
	}
	return "same source"
}
