package kernel

import (
	"bytes"
	"fmt"
	"log/slog"
	"os"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
)

const (
	// streamFlushDelay is how long written text may wait before it is sent,
	// so that a burst of small writes becomes one stream message while a
	// training loop's progress still shows up live.
	streamFlushDelay = 50 * time.Millisecond
	// streamFlushSize sends the buffered text at once when it grows past it.
	streamFlushSize = 8 << 10
	// streamSyncTimeout bounds the wait for a sync marker, in case user code
	// closed or replaced the pipe.
	streamSyncTimeout = 2 * time.Second
)

// markerPrefix starts the sync marker the kernel writes through a pipe; the
// marker is markerPrefix, 16 hex digits and a NUL.
var markerPrefix = []byte("\x00tunebook-sync-")

const markerLen = 14 + 1 + 16 + 1

// streams owns the stdout and stderr pipes of the cells and forwards what
// is written to them as stream messages.
type streams struct {
	stdout, stderr *pump
}

// newStreams creates the two pipes and starts reading them; emit is called
// with "stdout" or "stderr" and the text, in the order it was written.
func newStreams(emit func(name, text string), logger *slog.Logger) (*streams, error) {
	out, err := newPump("stdout", emit, logger)
	if err != nil {
		return nil, err
	}
	errp, err := newPump("stderr", emit, logger)
	if err != nil {
		out.close()
		return nil, err
	}
	return &streams{stdout: out, stderr: errp}, nil
}

// sync sends everything written so far to emit and returns once both
// pumps have done so, or after streamSyncTimeout.
func (s *streams) sync() {
	a, b := s.stdout.startSync(), s.stderr.startSync()
	s.stdout.waitSync(a)
	s.stderr.waitSync(b)
}

// close closes the write ends; the readers send what is left and stop.
func (s *streams) close() {
	s.stdout.close()
	s.stderr.close()
}

// pump reads one pipe and forwards its text.
type pump struct {
	name string
	r, w *os.File
	emit func(name, text string)
	log  *slog.Logger
	seq  atomic.Uint64
	done chan struct{}

	mu      sync.Mutex
	buf     []byte
	timer   *time.Timer
	waiters map[string]chan struct{}

	// emitMu is held from taking text out of buf until it is emitted, so
	// that chunks leave in the order they were written.
	emitMu sync.Mutex
}

// syncWait is a pending sync marker.
type syncWait struct {
	id string
	ch chan struct{}
}

func newPump(name string, emit func(name, text string), logger *slog.Logger) (*pump, error) {
	r, w, err := os.Pipe()
	if err != nil {
		return nil, fmt.Errorf("kernel: creating %s pipe: %w", name, err)
	}
	p := &pump{
		name: name, r: r, w: w, emit: emit, log: logger,
		done: make(chan struct{}), waiters: map[string]chan struct{}{},
	}
	go p.run()
	return p, nil
}

func (p *pump) run() {
	defer close(p.done)
	chunk := make([]byte, 32<<10)
	var pending []byte
	for {
		n, err := p.r.Read(chunk)
		if n > 0 {
			pending = p.consume(append(pending, chunk[:n]...))
		}
		if err != nil {
			p.append(pending)
			p.flush(true)
			p.r.Close()
			return
		}
	}
}

// consume moves text into the buffer, answers the sync markers in it, and
// returns the trailing bytes that may be the start of a marker.
func (p *pump) consume(data []byte) []byte {
	for {
		i := bytes.Index(data, markerPrefix)
		if i < 0 {
			break
		}
		if len(data)-i < markerLen {
			p.append(data[:i])
			return bytes.Clone(data[i:])
		}
		p.append(data[:i])
		p.flush(true)
		p.release(string(data[i+len(markerPrefix) : i+markerLen-1]))
		data = data[i+markerLen:]
	}
	k := partialMarker(data)
	p.append(data[:len(data)-k])
	return bytes.Clone(data[len(data)-k:])
}

// partialMarker returns the length of the longest suffix of data that is a
// proper prefix of markerPrefix.
func partialMarker(data []byte) int {
	for k := min(len(data), len(markerPrefix)-1); k > 0; k-- {
		if bytes.Equal(data[len(data)-k:], markerPrefix[:k]) {
			return k
		}
	}
	return 0
}

func (p *pump) append(b []byte) {
	if len(b) == 0 {
		return
	}
	p.mu.Lock()
	p.buf = append(p.buf, b...)
	full := len(p.buf) >= streamFlushSize
	if !full && p.timer == nil {
		p.timer = time.AfterFunc(streamFlushDelay, func() {
			p.mu.Lock()
			p.timer = nil
			p.mu.Unlock()
			p.flush(false)
		})
	}
	p.mu.Unlock()
	if full {
		p.flush(false)
	}
}

// flush emits the buffered text. Unless final, an incomplete UTF-8
// sequence at the end stays for the next flush.
func (p *pump) flush(final bool) {
	p.emitMu.Lock()
	defer p.emitMu.Unlock()

	p.mu.Lock()
	n := len(p.buf)
	if !final {
		n -= incompleteRune(p.buf)
	}
	text := string(p.buf[:n])
	p.buf = append(p.buf[:0], p.buf[n:]...)
	p.mu.Unlock()

	if text != "" {
		p.emit(p.name, text)
	}
}

// incompleteRune returns how many bytes at the end of b start a UTF-8
// sequence that is not complete yet.
func incompleteRune(b []byte) int {
	for k := 1; k <= utf8.UTFMax-1 && k <= len(b); k++ {
		c := b[len(b)-k]
		if !utf8.RuneStart(c) {
			continue
		}
		need := 0
		switch {
		case c >= 0xf0:
			need = 4
		case c >= 0xe0:
			need = 3
		case c >= 0xc0:
			need = 2
		}
		if need > k {
			return k
		}
		return 0
	}
	return 0
}

// startSync writes a marker through the pipe; waitSync returns when the
// reader has passed it, so all text written before it has been emitted.
func (p *pump) startSync() syncWait {
	w := syncWait{id: fmt.Sprintf("%016x", p.seq.Add(1)), ch: make(chan struct{})}
	p.mu.Lock()
	p.waiters[w.id] = w.ch
	p.mu.Unlock()

	marker := append(append(bytes.Clone(markerPrefix), w.id...), 0)
	if _, err := p.w.Write(marker); err != nil {
		p.log.Warn("writing stream sync marker", "stream", p.name, "err", err)
		p.release(w.id)
	}
	return w
}

func (p *pump) waitSync(w syncWait) {
	t := time.NewTimer(streamSyncTimeout)
	defer t.Stop()
	select {
	case <-w.ch:
	case <-t.C:
		p.log.Warn("stream sync marker did not come back", "stream", p.name)
		p.release(w.id)
		p.flush(true)
	}
}

func (p *pump) release(id string) {
	p.mu.Lock()
	ch, ok := p.waiters[id]
	delete(p.waiters, id)
	p.mu.Unlock()
	if ok {
		close(ch)
	}
}

// close closes the write end and waits for the reader to finish. Other
// copies of the write end (file descriptors 1 and 2 in a kernel process)
// keep the pipe open; then close returns after streamSyncTimeout.
func (p *pump) close() {
	p.w.Close()
	select {
	case <-p.done:
	case <-time.After(streamSyncTimeout):
	}
}
