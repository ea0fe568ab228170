package notebook

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"sync"
	"time"
	"unicode/utf8"
)

// syncMarker is written through a pipe to learn when the reader has passed
// everything written before it. It never reaches the notebook.
const syncMarker = "\x00tunebook-notebook-sync\x00"

// syncTimeout bounds the wait for a sync marker, in case the cell closed or
// replaced the pipe.
const syncTimeout = 2 * time.Second

// capture reads a cell's stdout and stderr pipes.
type capture struct {
	stdout, stderr *pump
}

func newCapture(emit func(name, text string)) (*capture, error) {
	out, err := newPump("stdout", emit)
	if err != nil {
		return nil, err
	}
	errp, err := newPump("stderr", emit)
	if err != nil {
		out.close()
		return nil, err
	}
	return &capture{stdout: out, stderr: errp}, nil
}

// sync returns once the text written to both pipes before the call has
// been emitted, or after syncTimeout.
func (c *capture) sync() {
	a, b := c.stdout.mark(), c.stderr.mark()
	c.stdout.wait(a)
	c.stderr.wait(b)
}

func (c *capture) close() error {
	return errors.Join(c.stdout.close(), c.stderr.close())
}

// pump reads one pipe and emits its text.
type pump struct {
	name string
	r, w *os.File
	emit func(name, text string)
	done chan struct{}

	writeMu sync.Mutex
	sent    uint64 // markers written, guarded by writeMu

	mu      sync.Mutex
	seen    uint64        // markers read
	changed chan struct{} // closed and replaced when seen grows
}

func newPump(name string, emit func(name, text string)) (*pump, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("notebook: creating the %s pipe: %w", name, err)
	}
	p := &pump{name: name, r: r, w: w, emit: emit, done: make(chan struct{}), changed: make(chan struct{})}
	go p.run()
	return p, nil
}

func (p *pump) run() {
	defer close(p.done)
	buf := make([]byte, 32<<10)
	var pending []byte
	for {
		n, err := p.r.Read(buf)
		pending = p.consume(append(pending, buf[:n]...), err != nil)
		if err != nil {
			return
		}
	}
}

// consume emits the text in data, counts the markers in it, and returns
// the tail that may still grow into a marker or a UTF-8 sequence; with
// final it emits everything.
func (p *pump) consume(data []byte, final bool) []byte {
	for {
		i := bytes.Index(data, []byte(syncMarker))
		if i < 0 {
			break
		}
		p.send(data[:i])
		data = data[i+len(syncMarker):]
		p.mu.Lock()
		p.seen++
		close(p.changed)
		p.changed = make(chan struct{})
		p.mu.Unlock()
	}
	if final {
		p.send(data)
		return nil
	}
	keep := max(partialMarker(data), incompleteRune(data))
	p.send(data[:len(data)-keep])
	return bytes.Clone(data[len(data)-keep:])
}

func (p *pump) send(b []byte) {
	if len(b) > 0 {
		p.emit(p.name, string(b))
	}
}

// mark writes a marker and returns its number; 0 means none was written.
func (p *pump) mark() uint64 {
	p.writeMu.Lock()
	defer p.writeMu.Unlock()
	if _, err := p.w.Write([]byte(syncMarker)); err != nil {
		return 0
	}
	p.sent++
	return p.sent
}

// wait returns once marker n has been read, the pipe has closed, or
// syncTimeout has passed. Markers are read in the order mark numbered them.
func (p *pump) wait(n uint64) {
	if n == 0 {
		return
	}
	timer := time.NewTimer(syncTimeout)
	defer timer.Stop()
	for {
		p.mu.Lock()
		seen, changed := p.seen, p.changed
		p.mu.Unlock()
		if seen >= n {
			return
		}
		select {
		case <-changed:
		case <-p.done:
			return
		case <-timer.C:
			return
		}
	}
}

// close closes the write end and lets the reader emit what is left. If the
// pipe stays open elsewhere (a copy of the descriptor), it stops reading
// after syncTimeout.
func (p *pump) close() error {
	p.writeMu.Lock()
	err := p.w.Close()
	p.writeMu.Unlock()
	select {
	case <-p.done:
	case <-time.After(syncTimeout):
	}
	if cerr := p.r.Close(); err == nil {
		err = cerr
	}
	<-p.done
	if err != nil {
		return fmt.Errorf("notebook: closing the %s pipe: %w", p.name, err)
	}
	return nil
}

// partialMarker returns the length of the longest suffix of data that is a
// proper prefix of syncMarker.
func partialMarker(data []byte) int {
	for k := min(len(data), len(syncMarker)-1); k > 0; k-- {
		if bytes.HasSuffix(data, []byte(syncMarker[:k])) {
			return k
		}
	}
	return 0
}

// incompleteRune returns the length of an incomplete UTF-8 sequence at the
// end of data, so that a character split between reads is emitted whole.
func incompleteRune(data []byte) int {
	for k := 1; k < utf8.UTFMax && k <= len(data); k++ {
		c := data[len(data)-k]
		if !utf8.RuneStart(c) {
			continue
		}
		if !utf8.FullRune(data[len(data)-k:]) {
			return k
		}
		return 0
	}
	return 0
}
