package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/tunebook/tunebook/internal/browser"
	"github.com/tunebook/tunebook/kernel"
	"github.com/tunebook/tunebook/notebook"
)

// buildBinary builds the tunebook command into a temporary directory.
func buildBinary(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "tunebook")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

func run(t *testing.T, bin string, args ...string) (string, string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(bin, args...)
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	return stdout.String(), stderr.String(), err
}

// TestSearchReportPredict runs the main job as a user does: a search that
// writes a report and a model, then predictions from the saved model, and
// checks in a headless browser that every chart of the report draws.
func TestSearchReportPredict(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	report := filepath.Join(dir, "report.html")
	model := filepath.Join(dir, "model.json")
	data := filepath.Join("..", "..", "datasets", "breast_cancer.csv")

	stdout, stderr, err := run(t, bin, "search", "--data", data, "--target", "target", "--trials", "3",
		"--epochs", "10", "--report", report, "--model", model, "--echarts-js", browser.EChartsJS(t))
	if err != nil {
		t.Fatalf("search: %v\nstdout:\n%s\nstderr:\n%s", err, stdout, stderr)
	}
	for _, want := range []string{"Leaderboard", "logistic regression", "network #", "auc", "report written"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("search output lacks %q:\n%s", want, stdout)
		}
	}
	if !strings.Contains(stderr, "trial 3/3") {
		t.Errorf("search progress lacks the trial count:\n%s", stderr)
	}

	browser.Require(t)
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	dom, jsErrors, err := browser.Render(ctx, report)
	if err != nil {
		t.Fatal(err)
	}
	if len(jsErrors) > 0 {
		t.Errorf("report has JavaScript errors: %v", jsErrors)
	}
	charts := len(regexp.MustCompile(`_echarts_instance_`).FindAllString(dom, -1))
	if charts < 6 {
		t.Errorf("report drew %d charts, want at least 6 (ROC, PR, threshold, confusion, loss, history)", charts)
	}

	preds := filepath.Join(dir, "predictions.csv")
	if _, stderr, err := run(t, bin, "predict", "--model", model, "--data", data, "--out", preds); err != nil {
		t.Fatalf("predict: %v\n%s", err, stderr)
	}
	f, err := os.Open(preds)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	recs, err := csv.NewReader(f).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 570 {
		t.Fatalf("predictions have %d records, want a header and 569 rows", len(recs))
	}
	header := strings.Join(recs[0], ",")
	if !strings.HasSuffix(header, "prediction,probability_benign,probability_malignant") {
		t.Errorf("header ends %q, want the prediction and one probability per class", header)
	}
}

func TestCommandErrors(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	ragged := filepath.Join(dir, "ragged.csv")
	if err := os.WriteFile(ragged, []byte("a,b,y\n1,2,x\n3,4\n5,6,z\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	data := filepath.Join("..", "..", "datasets", "breast_cancer.csv")
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing file", []string{"search", "--data", filepath.Join(dir, "nope.csv"), "--target", "y"}, "nope.csv"},
		{"ragged row", []string{"search", "--data", ragged, "--target", "y"}, "row 2"},
		{"unknown target", []string{"search", "--data", data, "--target", "diagnosis"}, `"diagnosis"`},
		{"no target", []string{"search", "--data", data}, "--target are required"},
		{"bad hidden", []string{"train", "--data", data, "--target", "target", "--hidden", "0"}, "--hidden"},
		{"missing model", []string{"predict", "--model", filepath.Join(dir, "m.json"), "--data", data}, "m.json"},
		{"unknown command", []string{"fly"}, `unknown command "fly"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, stderr, err := run(t, bin, tt.args...)
			if err == nil {
				t.Fatalf("tunebook %v succeeded, want an error", tt.args)
			}
			if !strings.Contains(stderr, tt.want) {
				t.Errorf("stderr = %q, want it to contain %q", stderr, tt.want)
			}
		})
	}
}

// TestKernelNamesAgree guards the kernelspec name that executed notebooks
// record: it must be the name "tunebook install" registers, or Jupyter
// cannot re-run them.
func TestKernelNamesAgree(t *testing.T) {
	if notebook.KernelName != kernel.DefaultKernelName {
		t.Errorf("notebook.KernelName = %q, kernel.DefaultKernelName = %q; want the same", notebook.KernelName, kernel.DefaultKernelName)
	}
}
