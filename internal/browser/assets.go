package browser

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// Environment variables naming JavaScript libraries for browser tests.
const (
	// EnvEChartsJS names the variable holding the path of echarts.min.js
	// (the same variable package plots reads for offline pages).
	EnvEChartsJS = "TUNEBOOK_ECHARTS_JS"
	// EnvRequireJS names the variable holding the path of RequireJS's
	// require.js.
	EnvRequireJS = "TUNEBOOK_REQUIREJS"
)

// debianRequireJS is where Debian's libjs-requirejs (pulled in by
// jupyter-notebook) installs RequireJS.
const debianRequireJS = "/usr/share/javascript/requirejs/require.js"

// EChartsJS returns the path of echarts.min.js for a test: the file named by
// $TUNEBOOK_ECHARTS_JS, else node_modules/echarts/dist/echarts.min.js at the
// module root (installed by `npm ci`). Like Require, it skips the test when
// there is none, or fails it when CI is set.
func EChartsJS(t testing.TB) string {
	t.Helper()
	return requireFile(t, "echarts.min.js", EnvEChartsJS,
		filepath.Join("node_modules", "echarts", "dist", "echarts.min.js"), "")
}

// RequireJS returns the path of RequireJS's require.js for a test: the file
// named by $TUNEBOOK_REQUIREJS, else node_modules/requirejs/require.js at the
// module root, else Debian's libjs-requirejs. It skips or fails like
// Require when there is none.
func RequireJS(t testing.TB) string {
	t.Helper()
	return requireFile(t, "require.js", EnvRequireJS,
		filepath.Join("node_modules", "requirejs", "require.js"), debianRequireJS)
}

// requireFile finds a file named by env, else at rel under the module root,
// else at system (when not ""), skipping or failing t when none exists.
func requireFile(t testing.TB, what, env, rel, system string) string {
	t.Helper()
	p, err := findFile(env, rel, system)
	if err == nil {
		return p
	}
	if os.Getenv("CI") != "" {
		t.Fatalf("CI is set but %s is missing: %v", what, err)
	}
	t.Skipf("skipping: %s is missing: %v", what, err)
	return ""
}

func findFile(env, rel, system string) (string, error) {
	if p := os.Getenv(env); p != "" {
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("%s: %w", env, err)
		}
		return p, nil
	}
	tried := []string{}
	if root, err := moduleRoot(); err == nil {
		p := filepath.Join(root, rel)
		if _, err := os.Stat(p); err == nil {
			return p, nil
		}
		tried = append(tried, p)
	}
	if system != "" {
		if _, err := os.Stat(system); err == nil {
			return system, nil
		}
		tried = append(tried, system)
	}
	return "", fmt.Errorf("set %s or install it (looked in %v)", env, tried)
}

// moduleRoot returns the nearest folder at or above the working directory
// that holds a go.mod.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = parent
	}
}
