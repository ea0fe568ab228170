package wire

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash"
)

// ErrSignature is returned by Decode when a message's signature does not
// match its frames.
var ErrSignature = errors.New("wire: invalid message signature")

// Signer signs and verifies messages with the key of a connection file.
// A Signer with an empty key signs nothing and accepts every message.
// Its methods are safe for concurrent use.
type Signer struct {
	key []byte
}

// NewSigner returns a Signer for scheme and key. The only scheme supported
// is "hmac-sha256", the one jupyter_client uses by default; with an empty
// key any scheme is accepted because nothing is signed.
func NewSigner(scheme, key string) (*Signer, error) {
	if key == "" {
		return &Signer{}, nil
	}
	if scheme != "hmac-sha256" {
		return nil, fmt.Errorf("wire: signature scheme %q: only hmac-sha256 is supported", scheme)
	}
	return &Signer{key: []byte(key)}, nil
}

// Enabled reports whether the signer has a key.
func (s *Signer) Enabled() bool {
	return len(s.key) > 0
}

// Sign returns the hex HMAC-SHA256 of the four frames header,
// parent_header, metadata and content, in that order. It returns "" when
// signing is off.
func (s *Signer) Sign(header, parent, metadata, content []byte) string {
	if !s.Enabled() {
		return ""
	}
	return hex.EncodeToString(s.mac(header, parent, metadata, content))
}

// Verify reports whether signature is the hex HMAC of the four frames,
// comparing in constant time. It returns true when signing is off.
func (s *Signer) Verify(signature, header, parent, metadata, content []byte) bool {
	if !s.Enabled() {
		return true
	}
	got := make([]byte, hex.DecodedLen(len(signature)))
	if _, err := hex.Decode(got, signature); err != nil {
		return false
	}
	return hmac.Equal(got, s.mac(header, parent, metadata, content))
}

func (s *Signer) mac(frames ...[]byte) []byte {
	var h hash.Hash = hmac.New(sha256.New, s.key)
	for _, f := range frames {
		h.Write(f)
	}
	return h.Sum(nil)
}
