package repl

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"
)

// capture reads one end of an os.Pipe in the background.
type capture struct {
	r, w *os.File
	mu   sync.Mutex
	buf  bytes.Buffer
	n    int
}

func newCapture(t *testing.T) *capture {
	t.Helper()
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	c := &capture{r: r, w: w}
	go func() {
		b := make([]byte, 4096)
		for {
			n, err := r.Read(b)
			c.mu.Lock()
			c.buf.Write(b[:n])
			c.mu.Unlock()
			if err != nil {
				return
			}
		}
	}()
	t.Cleanup(func() { w.Close(); r.Close() })
	return c
}

// drain returns what was written since the last drain. It writes a marker
// through the pipe and waits for it, so every earlier write has arrived.
func (c *capture) drain(t *testing.T) string {
	t.Helper()
	c.n++
	marker := fmt.Sprintf("\x00mark%d\x00", c.n)
	if _, err := c.w.WriteString(marker); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		c.mu.Lock()
		s := c.buf.String()
		if i := bytes.Index(c.buf.Bytes(), []byte(marker)); i >= 0 {
			out := s[:i]
			c.buf.Reset()
			c.buf.WriteString(s[i+len(marker):])
			c.mu.Unlock()
			return out
		}
		c.mu.Unlock()
		time.Sleep(time.Millisecond)
	}
	t.Fatal("pipe output did not arrive")
	return ""
}

// testSession is a Session with captured output.
type testSession struct {
	*Session
	stdout, stderr *capture
}

func newTestSession(t *testing.T) *testSession {
	t.Helper()
	out, errOut := newCapture(t), newCapture(t)
	s, err := New(Options{Stdout: out.w, Stderr: errOut.w})
	if err != nil {
		t.Fatalf("New: %v", err)
	}
	t.Cleanup(func() { s.Close() })
	return &testSession{Session: s, stdout: out, stderr: errOut}
}

// cellRun is the outcome of one cell.
type cellRun struct {
	result         *Result
	err            error
	stdout, stderr string
}

// text returns the text/plain of the result, or "" and false.
func (r cellRun) text() (string, bool) {
	if r.result == nil {
		return "", false
	}
	s, ok := r.result.Data["text/plain"].(string)
	return s, ok
}

func (ts *testSession) exec(t *testing.T, code string) cellRun {
	t.Helper()
	res, err := ts.Execute(context.Background(), code)
	return cellRun{result: res, err: err, stdout: ts.stdout.drain(t), stderr: ts.stderr.drain(t)}
}
