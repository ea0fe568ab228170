package plots

import (
	"bytes"
	"fmt"
	"os"
	"sync"
)

// DefaultURL is where pages load ECharts from unless told otherwise: the
// echarts 5.6.0 build on the jsDelivr CDN, the newest 5.x release, which is
// the major version go-echarts v2 targets.
const DefaultURL = "https://cdn.jsdelivr.net/npm/echarts@5.6.0/dist/echarts.min.js"

// Environment variables read by DefaultAssets.
const (
	// EnvURL names the variable holding the URL pages load ECharts from.
	EnvURL = "TUNEBOOK_ECHARTS_URL"
	// EnvJS names the variable holding the path of a local echarts.min.js
	// to inline, for pages that must work offline.
	EnvJS = "TUNEBOOK_ECHARTS_JS"
)

// Assets says where a page gets the ECharts library from.
//
// With Inline empty, a page loads the library from URL (DefaultURL when URL
// is ""). With Inline set, the library travels inside the page: a report
// carries it once in its head, a notebook in its first chart output (see
// NotebookAssets), and URL remains the fallback for a chart that finds no
// library on its page.
type Assets struct {
	// URL is the address of echarts.min.js; "" means DefaultURL.
	URL string
	// Inline holds the contents of echarts.min.js (from the npm package
	// echarts v5) to embed instead of loading it from URL.
	Inline []byte
}

// LoadAssets returns Assets that inline the ECharts library read from
// jsPath, a local echarts.min.js. It returns an error naming the file when
// it cannot be read or does not look like the ECharts library.
func LoadAssets(jsPath string) (Assets, error) {
	js, err := os.ReadFile(jsPath)
	if err != nil {
		return Assets{}, fmt.Errorf("plots: reading the ECharts library: %w", err)
	}
	if !bytes.Contains(js, []byte("echarts")) {
		return Assets{}, fmt.Errorf("plots: %s does not look like echarts.min.js", jsPath)
	}
	return Assets{Inline: js}, nil
}

// DefaultAssets returns the Assets configured by the environment: the URL in
// TUNEBOOK_ECHARTS_URL (else DefaultURL), and the library inlined from the
// file named by TUNEBOOK_ECHARTS_JS when that is set. When the file cannot be
// read it returns the URL-only Assets together with the error, so a caller
// may report the problem and still draw charts online.
func DefaultAssets() (Assets, error) {
	a := Assets{URL: os.Getenv(EnvURL)}
	path := os.Getenv(EnvJS)
	if path == "" {
		return a, nil
	}
	inline, err := LoadAssets(path)
	if err != nil {
		return a, fmt.Errorf("plots: %s: %w", EnvJS, err)
	}
	a.Inline = inline.Inline
	return a, nil
}

// url returns the address to load the library from.
func (a Assets) url() string {
	return orDefault(a.URL, DefaultURL)
}

// NotebookAssets hands out the Assets for successive chart outputs of one
// notebook page (one kernel process): the first output carries the inlined
// library, if any, and later outputs only the URL, since the library is then
// already on the page. It is safe for concurrent use.
//
// BUG: if the output carrying the library is cleared or re-executed, charts
// in a saved notebook fall back to loading the library from the URL.
type NotebookAssets struct {
	mu     sync.Mutex
	assets Assets
	sent   bool
}

// NewNotebookAssets returns a NotebookAssets handing out a.
func NewNotebookAssets(a Assets) *NotebookAssets {
	return &NotebookAssets{assets: a}
}

// Next returns the Assets for the next chart output.
func (n *NotebookAssets) Next() Assets {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.sent {
		return Assets{URL: n.assets.URL}
	}
	n.sent = len(n.assets.Inline) > 0
	return n.assets
}

// notebookAssets is the sequence MIME draws from, configured by the
// environment (see DefaultAssets).
var notebookAssets = sync.OnceValue(func() *NotebookAssets {
	a, _ := DefaultAssets() // on error a still loads the library online
	return NewNotebookAssets(a)
})
