package wire

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Version is the messaging protocol version written into every header.
const Version = "5.3"

// Delimiter separates the routing identities from the signed frames.
const Delimiter = "<IDS|MSG>"

// dateLayout is ISO 8601 with microseconds and a zone, as ipykernel writes it.
const dateLayout = "2006-01-02T15:04:05.000000Z07:00"

// ErrNoDelimiter is returned by Decode when the frames hold no "<IDS|MSG>"
// delimiter or fewer than five frames follow it.
var ErrNoDelimiter = errors.New("wire: no <IDS|MSG> delimiter followed by signature and four frames")

// Header is the header of a message, and the parent_header of its replies.
type Header struct {
	MsgID    string `json:"msg_id"`
	Session  string `json:"session"`
	Username string `json:"username"`
	Date     string `json:"date"`
	MsgType  string `json:"msg_type"`
	Version  string `json:"version"`
}

// Message is one Jupyter message. Parent header, metadata and content are
// kept as raw JSON: for a decoded message they are the bytes received, and
// a reply's ParentHeader is its request's header exactly as it was sent.
type Message struct {
	// Identities are the ZeroMQ routing frames before the delimiter.
	Identities [][]byte
	Header     Header
	// ParentHeader is the raw JSON of the parent's header; nil encodes as {}.
	ParentHeader json.RawMessage
	// Metadata is the raw JSON metadata object; nil encodes as {}.
	Metadata json.RawMessage
	// Content is the raw JSON content object; nil encodes as {}.
	Content json.RawMessage
	// Buffers are the extra binary frames after content.
	Buffers [][]byte

	// rawHeader is the header frame as received, nil for built messages.
	rawHeader []byte
}

// NewMessage returns a message of type msgType for session with a fresh
// header, and content marshalled to JSON. When parent is not nil the
// message is a reply or side effect of parent: its parent header is
// parent's header, its identities parent's identities, and its username
// parent's username.
func NewMessage(msgType, session string, parent *Message, content any) (*Message, error) {
	body, err := json.Marshal(content)
	if err != nil {
		return nil, fmt.Errorf("wire: encoding %s content: %w", msgType, err)
	}
	m := &Message{
		Header: Header{
			MsgID:    NewID(),
			Session:  session,
			Username: "kernel",
			Date:     time.Now().UTC().Format(dateLayout),
			MsgType:  msgType,
			Version:  Version,
		},
		Content: body,
	}
	if parent != nil {
		m.Identities = parent.Identities
		m.ParentHeader = parent.HeaderJSON()
		if parent.Header.Username != "" {
			m.Header.Username = parent.Header.Username
		}
	}
	return m, nil
}

// HeaderJSON returns the header as JSON: the received bytes for a decoded
// message, otherwise the marshalled Header.
func (m *Message) HeaderJSON() json.RawMessage {
	if m.rawHeader != nil {
		return m.rawHeader
	}
	b, err := json.Marshal(m.Header)
	if err != nil {
		// A Header holds only strings, which always marshal.
		panic(fmt.Sprintf("wire: marshalling header: %v", err))
	}
	return b
}

// Decode parses the frames of a received message and verifies its
// signature over the frames exactly as received. It returns ErrSignature
// for a bad signature, ErrNoDelimiter for a malformed frame list and a
// wrapped JSON error for a header that does not decode.
func Decode(frames [][]byte, s *Signer) (*Message, error) {
	d := -1
	for i, f := range frames {
		if string(f) == Delimiter {
			d = i
			break
		}
	}
	if d < 0 || len(frames) < d+6 {
		return nil, ErrNoDelimiter
	}

	sig, header, parent, meta, content := frames[d+1], frames[d+2], frames[d+3], frames[d+4], frames[d+5]
	if !s.Verify(sig, header, parent, meta, content) {
		return nil, ErrSignature
	}

	m := &Message{
		Identities:   frames[:d],
		ParentHeader: parent,
		Metadata:     meta,
		Content:      content,
		Buffers:      frames[d+6:],
		rawHeader:    header,
	}
	if err := json.Unmarshal(header, &m.Header); err != nil {
		return nil, fmt.Errorf("wire: decoding header: %w", err)
	}
	return m, nil
}

// Encode returns the frames of m, signed with s: identities, delimiter,
// signature, header, parent header, metadata, content and buffers.
func (m *Message) Encode(s *Signer) [][]byte {
	header := m.HeaderJSON()
	parent := orEmptyObject(m.ParentHeader)
	meta := orEmptyObject(m.Metadata)
	content := orEmptyObject(m.Content)

	frames := make([][]byte, 0, len(m.Identities)+6+len(m.Buffers))
	frames = append(frames, m.Identities...)
	frames = append(frames,
		[]byte(Delimiter),
		[]byte(s.Sign(header, parent, meta, content)),
		header, parent, meta, content)
	return append(frames, m.Buffers...)
}

// DecodeContent unmarshals the content of m into v, naming the message
// type in the error.
func (m *Message) DecodeContent(v any) error {
	if err := json.Unmarshal(orEmptyObject(m.Content), v); err != nil {
		return fmt.Errorf("wire: decoding %s content: %w", m.Header.MsgType, err)
	}
	return nil
}

// NewID returns a random version-4 UUID string read from crypto/rand,
// used for message and session ids.
func NewID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		// crypto/rand.Read never fails on supported platforms (Go 1.24+).
		panic(fmt.Sprintf("wire: reading random bytes: %v", err))
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	var out [36]byte
	hex.Encode(out[0:8], b[0:4])
	out[8] = '-'
	hex.Encode(out[9:13], b[4:6])
	out[13] = '-'
	hex.Encode(out[14:18], b[6:8])
	out[18] = '-'
	hex.Encode(out[19:23], b[8:10])
	out[23] = '-'
	hex.Encode(out[24:], b[10:])
	return string(out[:])
}

func orEmptyObject(b []byte) []byte {
	if len(bytes.TrimSpace(b)) == 0 {
		return []byte("{}")
	}
	return b
}
