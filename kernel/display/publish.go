package display

import (
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"sync"
)

// Bundle is one output: Data maps MIME types ("text/plain", "text/html",
// "image/png", …) to content, Metadata holds optional per-type metadata
// (for example image sizes). Text content is a string, binary content a
// base64 string and JSON content a JSON-compatible value.
type Bundle struct {
	Data     map[string]any
	Metadata map[string]any
}

// Publisher receives the outputs produced through this package. The kernel
// implements it by sending display_data, update_display_data and
// clear_output messages for the running cell.
type Publisher interface {
	// Display publishes b. displayID is empty for a plain output; update
	// reports whether b replaces the output previously shown under displayID.
	Display(b Bundle, displayID string, update bool)
	// ClearOutput clears the cell's output; with wait it clears when the
	// next output arrives, which avoids flicker.
	ClearOutput(wait bool)
}

var (
	publisherMu sync.RWMutex
	publisher   Publisher = textPublisher{}
)

// SetPublisher makes p receive every later output. A nil p restores the
// default, which writes a text form of each bundle to standard output.
func SetPublisher(p Publisher) {
	if p == nil {
		p = textPublisher{}
	}
	publisherMu.Lock()
	publisher = p
	publisherMu.Unlock()
}

func current() Publisher {
	publisherMu.RLock()
	defer publisherMu.RUnlock()
	return publisher
}

// publish sends b to the current publisher.
func publish(b Bundle, displayID string, update bool) {
	current().Display(b, displayID, update)
}

// textPublisher is the default Publisher: it writes the most readable text
// form of each bundle to os.Stdout, looked up at each call so that a process
// that redirects its standard output is followed.
type textPublisher struct{}

func (textPublisher) Display(b Bundle, _ string, _ bool) {
	writeText(os.Stdout, b)
}

func (textPublisher) ClearOutput(bool) {}

// textPreference lists the MIME types the default publisher prints as they
// are, best first.
var textPreference = []string{"text/plain", "text/markdown", "text/latex", "text/html", "image/svg+xml"}

// writeText writes the first readable representation of b to w, or a short
// note naming the MIME types when the bundle holds only binary content.
func writeText(w io.Writer, b Bundle) {
	for _, mime := range textPreference {
		if s, ok := b.Data[mime].(string); ok {
			fmt.Fprintln(w, strings.TrimSuffix(s, "\n"))
			return
		}
	}
	types := make([]string, 0, len(b.Data))
	for mime := range b.Data {
		types = append(types, mime)
	}
	sort.Strings(types)
	fmt.Fprintf(w, "<display %s>\n", strings.Join(types, ", "))
}
