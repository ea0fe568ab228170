package symbols

import (
	"bytes"
	"compress/gzip"
	_ "embed"
	"encoding/json"
	"io"
	"sync"
)

//go:embed docs.json.gz
var docsGz []byte

// Doc is the documentation of one package member or method.
type Doc struct {
	// Signature is the declaration without its body, e.g.
	// "func NewDense(r, c int, data []float64) *Dense".
	Signature string
	// Text is the doc comment.
	Text string
}

var docs struct {
	once  sync.Once
	index map[string]struct {
		S string `json:"s"`
		D string `json:"d"`
	}
}

// Lookup returns the documentation of name in the package importPath. name
// is a member ("NewDense") or a method ("Dense.Mul"). It reports false for
// names that are not indexed (packages missing from packages.txt and
// stddocs.txt, unexported names).
func Lookup(importPath, name string) (Doc, bool) {
	docs.once.Do(loadDocs)
	e, ok := docs.index[importPath+"."+name]
	return Doc{Signature: e.S, Text: e.D}, ok
}

// loadDocs decodes the embedded index; the generator wrote it, so a decoding
// failure leaves the index empty rather than failing the kernel.
func loadDocs() {
	zr, err := gzip.NewReader(bytes.NewReader(docsGz))
	if err != nil {
		return
	}
	data, err := io.ReadAll(zr)
	if err != nil {
		return
	}
	_ = json.Unmarshal(data, &docs.index)
}
