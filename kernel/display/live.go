package display

import (
	"crypto/rand"
	"encoding/hex"
	"sync"
)

// Display is an output that can be replaced after it is shown, identified
// by a display id (Jupyter's display_id). Its methods are safe for
// concurrent use.
type Display struct {
	id    string
	mu    sync.Mutex
	shown bool
}

// New returns a Display with a fresh random display id. Nothing is shown
// until Show or Update is called.
func New() *Display {
	var b [16]byte
	_, _ = rand.Read(b[:]) // crypto/rand.Read never returns an error.
	return &Display{id: "tunebook-" + hex.EncodeToString(b[:])}
}

// ID returns the display id.
func (d *Display) ID() string { return d.id }

// Show shows v (see [MIMEOf]) as a new output of the running cell. Showing
// again adds another output with the same id; all of them change on Update.
func (d *Display) Show(v any) {
	b, _ := MIMEOf(v)
	d.mu.Lock()
	d.shown = true
	d.mu.Unlock()
	publish(b, d.id, false)
}

// Update replaces every output shown under this display id with v, even one
// in an earlier cell. If the display was never shown, Update shows it.
func (d *Display) Update(v any) {
	d.mu.Lock()
	shown := d.shown
	d.shown = true
	d.mu.Unlock()
	b, _ := MIMEOf(v)
	publish(b, d.id, shown)
}
