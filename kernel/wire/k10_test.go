package wire

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"
)

// k10 holds the inputs and expected values of case k10-wire-hmac-signature.
type k10 struct {
	frames struct {
		Header       string `json:"header"`
		ParentHeader string `json:"parent_header"`
		Metadata     string `json:"metadata"`
		Content      string `json:"content"`
	}
	expected struct {
		Signature                   string `json:"signature"`
		TamperedContentSignature    string `json:"tampered_content_signature"`
		TamperedContent             string `json:"tampered_content"`
		ReserializedHeaderSignature string `json:"reserialized_header_signature"`
	}
	conn, connEmpty Connection
}

func loadK10(t *testing.T) k10 {
	t.Helper()
	dir := filepath.Join("testdata", "cases", "k10")
	var c k10
	for name, v := range map[string]any{"frames.json": &c.frames, "expected.json": &c.expected} {
		data, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, v); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	var err error
	if c.conn, err = ReadConnectionFile(filepath.Join(dir, "connection.json")); err != nil {
		t.Fatal(err)
	}
	if c.connEmpty, err = ReadConnectionFile(filepath.Join(dir, "connection_empty_key.json")); err != nil {
		t.Fatal(err)
	}
	return c
}

func (c k10) wireFrames(signature, content string) [][]byte {
	return [][]byte{
		[]byte("client-id"), []byte(Delimiter), []byte(signature),
		[]byte(c.frames.Header), []byte(c.frames.ParentHeader),
		[]byte(c.frames.Metadata), []byte(content),
	}
}

func TestK10Signature(t *testing.T) {
	c := loadK10(t)
	s, err := c.conn.Signer()
	if err != nil {
		t.Fatal(err)
	}
	f := c.frames

	tests := []struct {
		name                      string
		header, content, wantSign string
	}{
		{"as sent", f.Header, f.Content, c.expected.Signature},
		{"tampered content", f.Header, c.expected.TamperedContent, c.expected.TamperedContentSignature},
		{"re-serialised header", reindent(t, f.Header), f.Content, c.expected.ReserializedHeaderSignature},
	}
	for _, tt := range tests {
		got := s.Sign([]byte(tt.header), []byte(f.ParentHeader), []byte(f.Metadata), []byte(tt.content))
		if got != tt.wantSign {
			t.Errorf("%s: Sign = %s, want %s", tt.name, got, tt.wantSign)
		}
	}
}

func TestK10Decode(t *testing.T) {
	c := loadK10(t)
	s, err := c.conn.Signer()
	if err != nil {
		t.Fatal(err)
	}

	m, err := Decode(c.wireFrames(c.expected.Signature, c.frames.Content), s)
	if err != nil {
		t.Fatalf("Decode of the signed frames: %v", err)
	}
	if m.Header.MsgType != "execute_request" || m.Header.MsgID != "d1f0a1b2-0001" {
		t.Errorf("Decode header = %+v, want execute_request d1f0a1b2-0001", m.Header)
	}
	if got := string(m.HeaderJSON()); got != c.frames.Header {
		t.Errorf("HeaderJSON = %s, want the received bytes %s", got, c.frames.Header)
	}

	rejected := []struct {
		name   string
		frames [][]byte
	}{
		{"tampered content, original signature", c.wireFrames(c.expected.Signature, c.expected.TamperedContent)},
		{"signature of the re-serialised header", c.wireFrames(c.expected.ReserializedHeaderSignature, c.frames.Content)},
		{"missing signature", c.wireFrames("", c.frames.Content)},
		{"signature not hex", c.wireFrames("zz"+c.expected.Signature[2:], c.frames.Content)},
		{"signature truncated", c.wireFrames(c.expected.Signature[:32], c.frames.Content)},
	}
	for _, tt := range rejected {
		if _, err := Decode(tt.frames, s); !errors.Is(err, ErrSignature) {
			t.Errorf("%s: Decode error = %v, want ErrSignature", tt.name, err)
		}
	}
}

func TestK10EmptyKey(t *testing.T) {
	c := loadK10(t)
	s, err := c.connEmpty.Signer()
	if err != nil {
		t.Fatal(err)
	}
	if s.Enabled() {
		t.Fatal("Enabled = true for an empty key, want false")
	}

	for _, sig := range []string{"", c.expected.Signature, "not-a-signature"} {
		if _, err := Decode(c.wireFrames(sig, c.expected.TamperedContent), s); err != nil {
			t.Errorf("Decode with empty key and signature %q: %v, want accepted", sig, err)
		}
	}

	m, err := NewMessage("status", "kernel-session", nil, map[string]string{"execution_state": "idle"})
	if err != nil {
		t.Fatal(err)
	}
	frames := m.Encode(s)
	if got := string(frames[1]); got != "" {
		t.Errorf("signature frame with empty key = %q, want empty", got)
	}
}

// reindent re-serialises a JSON object the way Python's json.dumps(indent=1)
// does, which keeps the data but changes the bytes.
func reindent(t *testing.T, header string) string {
	t.Helper()
	var h Header
	if err := json.Unmarshal([]byte(header), &h); err != nil {
		t.Fatal(err)
	}
	b, err := json.MarshalIndent(h, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
