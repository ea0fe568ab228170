package browser

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// EnvChromium names the environment variable that may hold the path of the
// browser binary.
const EnvChromium = "TUNEBOOK_CHROMIUM"

// ErrNoBrowser is returned by Find when no Chromium or Chrome is installed.
var ErrNoBrowser = errors.New("browser: no chromium or chrome found (set " + EnvChromium + " or install chromium)")

// candidates are the binary names Find looks for on PATH, in order.
var candidates = []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"}

// VirtualTime is how long, in the page's virtual time, Render and Screenshot
// let scripts and loads run before they read the page.
const VirtualTime = 5 * time.Second

// Find returns the path of the browser: $TUNEBOOK_CHROMIUM if set, else the
// first candidate found on PATH. It returns ErrNoBrowser if there is none.
func Find() (string, error) {
	if p := os.Getenv(EnvChromium); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("browser: %s: %w", EnvChromium, err)
		}
		return p, nil
	}
	for _, name := range candidates {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", ErrNoBrowser
}

// Require returns the browser's path for a test. When there is none it skips
// the test, or fails it when the environment variable CI is set (CI installs
// every tool the tests need).
func Require(t testing.TB) string {
	t.Helper()
	p, err := Find()
	if err == nil {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("CI is set but %v", err)
	}
	t.Skipf("skipping browser test: %v", err)
	return ""
}

// Render loads the HTML file at htmlPath in headless Chromium, lets its
// scripts run for VirtualTime, and returns the serialised DOM and the
// JavaScript errors the page raised. Relative URLs in the page resolve
// against htmlPath's folder, which must be writable: Render puts a copy of
// the page with its error-collecting script there while the browser runs.
// err reports a page that could not be loaded or a browser that failed.
func Render(ctx context.Context, htmlPath string) (dom string, consoleErrors []string, err error) {
	out, err := run(ctx, htmlPath, "--dump-dom")
	if err != nil {
		return "", nil, err
	}
	dom, consoleErrors = extractErrors(string(out))
	return dom, consoleErrors, nil
}

// Screenshot loads the HTML file at htmlPath in a headless browser window of
// the given size, lets its scripts run for VirtualTime, and writes a PNG of
// the window to pngPath.
func Screenshot(ctx context.Context, htmlPath, pngPath string, width, height int) error {
	abs, err := filepath.Abs(pngPath)
	if err != nil {
		return fmt.Errorf("browser: screenshot path %s: %w", pngPath, err)
	}
	if _, err := run(ctx, htmlPath, "--screenshot="+abs, fmt.Sprintf("--window-size=%d,%d", width, height),
		"--hide-scrollbars"); err != nil {
		return err
	}
	if _, err := os.Stat(abs); err != nil {
		return fmt.Errorf("browser: no screenshot written for %s: %w", htmlPath, err)
	}
	return nil
}

// run loads htmlPath, with the error collector injected, in a fresh headless
// browser profile and returns what the browser wrote to stdout.
func run(ctx context.Context, htmlPath string, args ...string) ([]byte, error) {
	bin, err := Find()
	if err != nil {
		return nil, err
	}
	page, err := injectedCopy(htmlPath)
	if err != nil {
		return nil, err
	}
	defer os.Remove(page)
	profile, err := os.MkdirTemp("", "tunebook-chromium-")
	if err != nil {
		return nil, fmt.Errorf("browser: creating a profile folder: %w", err)
	}
	defer os.RemoveAll(profile)

	flags := []string{
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--disable-extensions", "--mute-audio", "--user-data-dir=" + profile,
		fmt.Sprintf("--virtual-time-budget=%d", VirtualTime.Milliseconds()),
	}
	cmd := exec.CommandContext(ctx, bin, append(append(flags, args...), "file://"+filepath.ToSlash(page))...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("browser: loading %s: %w; stderr: %s", htmlPath, err, tail(stderr.String(), 2000))
	}
	return stdout.Bytes(), nil
}

// injectedCopy writes the page at htmlPath, with the error collector at the
// top, next to it and returns the copy's absolute path.
func injectedCopy(htmlPath string) (string, error) {
	src, err := os.ReadFile(htmlPath)
	if err != nil {
		return "", fmt.Errorf("browser: reading the page: %w", err)
	}
	abs, err := filepath.Abs(htmlPath)
	if err != nil {
		return "", fmt.Errorf("browser: page path %s: %w", htmlPath, err)
	}
	f, err := os.CreateTemp(filepath.Dir(abs), ".browser-*.html")
	if err != nil {
		return "", fmt.Errorf("browser: writing a copy of %s: %w", htmlPath, err)
	}
	_, werr := f.WriteString(inject(string(src)))
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(f.Name())
		return "", fmt.Errorf("browser: writing a copy of %s: %w", htmlPath, werr)
	}
	return f.Name(), nil
}

func tail(s string, n int) string {
	s = strings.TrimSpace(s)
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}
