package browser

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// copyPage copies a testdata page into a fresh folder, as Render writes next
// to the page it loads.
func copyPage(t *testing.T, name string) string {
	t.Helper()
	src, err := os.ReadFile(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, src, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestRenderCollectsErrors(t *testing.T) {
	Require(t)
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()

	dom, errs, err := Render(ctx, copyPage(t, "errors.html"))
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	if tag := StartTag(dom, "target"); !strings.Contains(tag, `data-ok="yes"`) {
		t.Errorf("the page's first script did not run: start tag %q", tag)
	}
	if strings.Contains(dom, errorListID) || strings.Contains(dom, "function record(msg)") {
		t.Errorf("the DOM still holds the error collector:\n%s", dom)
	}
	want := []string{
		"Identifier 'twice' has already been declared",
		"notDefinedAnywhere is not defined",
		"console.error: logged 42",
		"failed to load file://",
	}
	if len(errs) != len(want) {
		t.Errorf("got %d errors %q, want %d", len(errs), errs, len(want))
	}
	for _, w := range want {
		found := false
		for _, e := range errs {
			found = found || strings.Contains(e, w)
		}
		if !found {
			t.Errorf("errors %q lack one containing %q", errs, w)
		}
	}
}

func TestRenderCleanPageAndScreenshot(t *testing.T) {
	Require(t)
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	page := copyPage(t, "clean.html")

	dom, errs, err := Render(ctx, page)
	if err != nil {
		t.Fatalf("Render: %v", err)
	}
	if len(errs) != 0 {
		t.Errorf("errors on a clean page: %q", errs)
	}
	if tag := StartTag(dom, "target"); !strings.Contains(tag, `data-ok="yes"`) {
		t.Errorf("start tag %q, want data-ok=\"yes\"", tag)
	}

	png := filepath.Join(t.TempDir(), "clean.png")
	if err := Screenshot(ctx, page, png, 320, 200); err != nil {
		t.Fatalf("Screenshot: %v", err)
	}
	b, err := os.ReadFile(png)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")) {
		t.Errorf("screenshot is not a PNG (starts %q)", b[:min(8, len(b))])
	}
	leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(page), ".browser-*"))
	if len(leftovers) != 0 {
		t.Errorf("Render left copies behind: %q", leftovers)
	}
}

func TestRenderMissingPage(t *testing.T) {
	_, _, err := Render(context.Background(), filepath.Join(t.TempDir(), "absent.html"))
	if err == nil {
		t.Fatal("Render of a missing page: got no error")
	}
}
