// Package wire implements the Jupyter kernel wire protocol: connection
// files, message framing and HMAC message signing.
//
// A message on a ZeroMQ socket is a list of frames:
//
//	identities... "<IDS|MSG>" signature header parent_header metadata content buffers...
//
// The signature is the lower-case hex HMAC of header, parent_header,
// metadata and content, taken over the exact bytes on the wire. Decode
// verifies the frames as received and never re-serialises them, because
// re-marshalling JSON changes its bytes and so its signature. An empty key
// turns signing off: Encode sends an empty signature and Decode checks
// nothing.
//
// The protocol is described in "Messaging in Jupyter",
// https://jupyter-client.readthedocs.io/en/latest/messaging.html (protocol
// version 5.3).
package wire
