package kernel

import (
	"sync"

	"github.com/tunebook/tunebook/kernel/wire"
)

// outputTarget is the request that stream and display output belongs to:
// the last execute_request that was not silent. While a silent cell runs
// its output is muted.
type outputTarget struct {
	mu     sync.Mutex
	parent *wire.Message
	muted  bool
}

func (o *outputTarget) setParent(m *wire.Message) {
	o.mu.Lock()
	o.parent = m
	o.mu.Unlock()
}

func (o *outputTarget) mute(muted bool) {
	o.mu.Lock()
	o.muted = muted
	o.mu.Unlock()
}

// get returns the parent for output, and false while output is muted.
func (o *outputTarget) get() (*wire.Message, bool) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.parent, !o.muted
}

// publishStream sends text written to stdout or stderr as a stream message.
func (s *server) publishStream(name, text string) {
	parent, ok := s.out.get()
	if !ok {
		return
	}
	s.publish(parent, "stream", map[string]string{"name": name, "text": text})
}

// publisher is the server's Publisher for the engine.
type publisher server

// Display sends display_data, or update_display_data when update is true,
// after the stream text written before it.
func (p *publisher) Display(data, metadata map[string]any, displayID string, update bool) {
	s := (*server)(p)
	if update && displayID == "" {
		s.log.Warn("update_display_data without a display id dropped")
		return
	}
	s.streams.sync()
	parent, ok := s.out.get()
	if !ok {
		return
	}

	content := map[string]any{"data": orEmpty(data), "metadata": orEmpty(metadata)}
	if displayID != "" {
		content["transient"] = map[string]string{"display_id": displayID}
	}
	msgType := "display_data"
	if update {
		msgType = "update_display_data"
	}
	s.publish(parent, msgType, content)
}

// ClearOutput sends clear_output after the stream text written before it.
func (p *publisher) ClearOutput(wait bool) {
	s := (*server)(p)
	s.streams.sync()
	if parent, ok := s.out.get(); ok {
		s.publish(parent, "clear_output", map[string]bool{"wait": wait})
	}
}

// orEmpty returns m, or an empty map for nil so that it encodes as {}.
func orEmpty(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}
