package repl

import (
	"io"
	"regexp"
	"sync"
)

// panicLine matches the line yaegi writes to its standard error for each
// interpreted function a panic unwinds through, e.g.
// "100012:9: panic: main.f(...)".
var panicLine = regexp.MustCompile(`^(?:_\.go:)?(\d+):(\d+): panic: (\S*)\(\.\.\.\)\n?$`)

// panicTrace is the interpreter's standard error: it keeps the panic lines
// as the frames of the cell's traceback and passes everything else (the log
// package's output in cells) to w.
type panicTrace struct {
	w      io.Writer
	mu     sync.Mutex
	frames []frame
}

// frame is one interpreted function a panic went through.
type frame struct {
	line, col int
	function  string
}

func (t *panicTrace) Write(p []byte) (int, error) {
	if m := panicLine.FindSubmatch(p); m != nil {
		t.mu.Lock()
		t.frames = append(t.frames, frame{line: atoi(m[1]), col: atoi(m[2]), function: string(m[3])})
		t.mu.Unlock()
		return len(p), nil
	}
	return t.w.Write(p)
}

// take returns the frames recorded since the last call and forgets them.
func (t *panicTrace) take() []frame {
	t.mu.Lock()
	defer t.mu.Unlock()
	f := t.frames
	t.frames = nil
	return f
}

// atoi converts the digits matched by panicLine.
func atoi(b []byte) int {
	n := 0
	for _, c := range b {
		n = n*10 + int(c-'0')
	}
	return n
}
