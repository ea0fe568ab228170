package notebook

import (
	"fmt"
	"maps"
	"os"
	"sync"

	"github.com/tunebook/tunebook/kernel/display"
)

// Recorder collects the outputs of the running cell and stores them the way
// Jupyter's clients do: consecutive stream text of one stream is merged into
// one output, an update replaces in place every earlier output shown under
// the same display id (in any cell), and a clear_output empties the cell now
// or, with wait, just before its next output.
//
// A Recorder implements display.Publisher, so a kernel session's displays
// reach it through display.SetPublisher. Outputs that arrive while no cell
// runs are dropped, except updates of earlier displays. A Recorder is safe
// for concurrent use.
type Recorder struct {
	mu          sync.Mutex
	cell        *Cell
	clearOnNext bool
	displays    map[string][]outputRef

	streams *capture // nil unless CaptureStreams was called
}

var _ display.Publisher = (*Recorder)(nil)

// outputRef locates an output shown under a display id.
type outputRef struct {
	cell  *Cell
	index int
}

// NewRecorder returns a Recorder with no cell running.
func NewRecorder() *Recorder {
	return &Recorder{displays: map[string][]outputRef{}}
}

// CaptureStreams returns the write ends of two pipes; text written to them
// becomes stdout and stderr stream output of the running cell. Pass them to
// an engine as its standard output and error files. Before each display and
// at the end of each cell, the Recorder waits until the text written so far
// has been read, so displays and streams keep the order in which the cell
// produced them. Close releases the pipes. CaptureStreams may be called
// once, before the Recorder is used.
//
// BUG: text written to stdout and to stderr between two displays is
// recorded stream by stream, not interleaved as written; the two pipes do
// not order one against the other.
func (r *Recorder) CaptureStreams() (stdout, stderr *os.File, err error) {
	if r.streams != nil {
		return nil, nil, fmt.Errorf("notebook: CaptureStreams called twice")
	}
	c, err := newCapture(r.Stream)
	if err != nil {
		return nil, nil, err
	}
	r.streams = c
	return c.stdout.w, c.stderr.w, nil
}

// Close stops capturing streams, recording the text still in the pipes. It
// returns nil when CaptureStreams was not called.
func (r *Recorder) Close() error {
	if r.streams == nil {
		return nil
	}
	return r.streams.close()
}

// Stream records text written to the stream name ("stdout" or "stderr").
func (r *Recorder) Stream(name, text string) {
	if text == "" {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cell == nil {
		return
	}
	r.applyPendingClear()
	outs := r.cell.Outputs
	if n := len(outs); n > 0 && outs[n-1].Type == StreamOutput && outs[n-1].Name == name {
		outs[n-1].Text += text
		return
	}
	r.cell.Outputs = append(outs, Output{Type: StreamOutput, Name: name, Text: text})
}

// Display records b as display_data of the running cell. With a displayID,
// every earlier output shown under that id gets b's content too; with
// update, b only replaces those outputs and adds none (an update of an
// unknown id is ignored, as Jupyter's clients do).
func (r *Recorder) Display(b display.Bundle, displayID string, update bool) {
	r.syncStreams()
	data, meta := maps.Clone(b.Data), maps.Clone(b.Metadata)
	if data == nil {
		data = map[string]any{}
	}
	if meta == nil {
		meta = map[string]any{}
	}

	r.mu.Lock()
	defer r.mu.Unlock()
	if displayID != "" {
		for _, ref := range r.displays[displayID] {
			if ref.index < len(ref.cell.Outputs) {
				o := &ref.cell.Outputs[ref.index]
				o.Data, o.Metadata = data, meta
			}
		}
	}
	if update || r.cell == nil {
		return
	}
	r.applyPendingClear()
	r.cell.Outputs = append(r.cell.Outputs, Output{Type: DisplayData, Data: data, Metadata: meta})
	if displayID != "" {
		r.displays[displayID] = append(r.displays[displayID], outputRef{r.cell, len(r.cell.Outputs) - 1})
	}
}

// ClearOutput clears the running cell's outputs; with wait it clears them
// just before the cell's next output instead, which avoids flicker in live
// front ends and keeps the last state of a refreshed output.
func (r *Recorder) ClearOutput(wait bool) {
	r.syncStreams()
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cell == nil {
		return
	}
	if wait {
		r.clearOnNext = true
		return
	}
	r.clear()
}

// reset forgets the displays of earlier runs.
func (r *Recorder) reset() {
	r.mu.Lock()
	clear(r.displays)
	r.mu.Unlock()
}

// start makes c the running cell.
func (r *Recorder) start(c *Cell) {
	r.mu.Lock()
	r.cell, r.clearOnNext = c, false
	r.mu.Unlock()
}

// finish records the running cell's remaining stream text and detaches it.
// A clear_output with wait that no output followed is dropped, as in
// Jupyter's clients.
func (r *Recorder) finish() {
	r.syncStreams()
	r.mu.Lock()
	r.cell, r.clearOnNext = nil, false
	r.mu.Unlock()
}

// add appends an output other than a stream or display to the running cell.
func (r *Recorder) add(o Output) {
	r.syncStreams()
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cell == nil {
		return
	}
	r.applyPendingClear()
	r.cell.Outputs = append(r.cell.Outputs, o)
}

// syncStreams waits until the captured text written so far is recorded.
func (r *Recorder) syncStreams() {
	if r.streams != nil {
		r.streams.sync()
	}
}

// applyPendingClear clears the cell if a clear_output with wait is pending.
// r.mu must be held.
func (r *Recorder) applyPendingClear() {
	if r.clearOnNext {
		r.clearOnNext = false
		r.clear()
	}
}

// clear empties the running cell and forgets its displays. r.mu must be held.
func (r *Recorder) clear() {
	r.cell.Outputs = nil
	for id, refs := range r.displays {
		kept := refs[:0]
		for _, ref := range refs {
			if ref.cell != r.cell {
				kept = append(kept, ref)
			}
		}
		if len(kept) == 0 {
			delete(r.displays, id)
		} else {
			r.displays[id] = kept
		}
	}
}
