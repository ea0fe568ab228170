// Package input lets code running in a notebook cell ask the user for a
// line of text.
//
// The kernel installs a Reader with SetReader; Read and Password then send
// an input_request to the front end on the stdin channel and wait for the
// input_reply. Without a reader, or when the front end does not accept
// input (allow_stdin false, as with nbconvert), they return
// ErrNotAvailable.
package input
