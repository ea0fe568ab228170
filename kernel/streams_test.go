package kernel

import (
	"bytes"
	"io"
	"log/slog"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// recorder collects what a pump emits.
type recorder struct {
	mu     sync.Mutex
	chunks []string
}

func (r *recorder) emit(name, text string) {
	r.mu.Lock()
	r.chunks = append(r.chunks, name+":"+text)
	r.mu.Unlock()
}

func (r *recorder) text() string {
	r.mu.Lock()
	defer r.mu.Unlock()
	var b strings.Builder
	for _, c := range r.chunks {
		_, text, _ := strings.Cut(c, ":")
		b.WriteString(text)
	}
	return b.String()
}

func newTestStreams(t *testing.T) (*streams, *recorder) {
	t.Helper()
	rec := &recorder{}
	s, err := newStreams(rec.emit, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(s.close)
	return s, rec
}

func TestStreamSyncFlushesEverything(t *testing.T) {
	s, rec := newTestStreams(t)
	var want strings.Builder
	for i := range 1000 {
		line := strings.Repeat("ab", i%37) + "\n"
		want.WriteString(line)
		if _, err := s.stdout.w.WriteString(line); err != nil {
			t.Fatal(err)
		}
	}
	s.sync()
	if got := rec.text(); got != want.String() {
		t.Errorf("after sync got %d bytes, want %d; markers must not leak", len(got), want.Len())
	}
	if strings.Contains(rec.text(), "tunebook-sync") {
		t.Error("a sync marker reached the output")
	}
}

func TestStreamKeepsRunesWhole(t *testing.T) {
	s, rec := newTestStreams(t)
	text := strings.Repeat("héllo wörld 😀 ", 2000) // well over streamFlushSize
	for i := 0; i < len(text); i += 7 {
		if _, err := s.stdout.w.WriteString(text[i:min(i+7, len(text))]); err != nil {
			t.Fatal(err)
		}
	}
	s.sync()
	rec.mu.Lock()
	defer rec.mu.Unlock()
	var got strings.Builder
	for _, c := range rec.chunks {
		_, chunk, _ := strings.Cut(c, ":")
		if !utf8.ValidString(chunk) {
			t.Fatalf("chunk splits a rune: %q", chunk[max(0, len(chunk)-8):])
		}
		got.WriteString(chunk)
	}
	if got.String() != text {
		t.Errorf("got %d bytes, want %d", got.Len(), len(text))
	}
}

func TestConsumeSplitMarker(t *testing.T) {
	rec := &recorder{}
	p := &pump{name: "stdout", emit: rec.emit, waiters: map[string]chan struct{}{}}
	w := syncWait{id: "00000000000000ff", ch: make(chan struct{})}
	p.mu.Lock()
	p.waiters[w.id] = w.ch
	p.mu.Unlock()

	marker := append(bytes.Clone(markerPrefix), append([]byte(w.id), 0)...)
	data := append(append([]byte("before"), marker...), "after"...)
	// Feed the bytes in every possible two-piece split, as reads may cut
	// a marker anywhere.
	for cut := 1; cut < len(data); cut++ {
		rec.mu.Lock()
		rec.chunks = nil
		rec.mu.Unlock()
		if cut > 1 {
			w.ch = make(chan struct{})
			p.mu.Lock()
			p.waiters[w.id] = w.ch
			p.mu.Unlock()
		}
		rest := p.consume(bytes.Clone(data[:cut]))
		rest = p.consume(append(rest, data[cut:]...))
		p.flush(true)
		select {
		case <-w.ch:
		default:
			t.Fatalf("cut %d: marker not recognised", cut)
		}
		if got := rec.text(); got != "beforeafter" || len(rest) != 0 {
			t.Fatalf("cut %d: text %q, held %q; want beforeafter and nothing held", cut, got, rest)
		}
	}
}

func TestIncompleteRune(t *testing.T) {
	euro := []byte("€") // 3 bytes
	tests := []struct {
		in   []byte
		want int
	}{
		{[]byte("abc"), 0},
		{euro, 0},
		{euro[:1], 1},
		{euro[:2], 2},
		{append([]byte("x"), euro[:2]...), 2},
		{[]byte{0x80}, 0}, // stray continuation byte: invalid, not held
		{nil, 0},
	}
	for _, tt := range tests {
		if got := incompleteRune(tt.in); got != tt.want {
			t.Errorf("incompleteRune(% x) = %d, want %d", tt.in, got, tt.want)
		}
	}
}
