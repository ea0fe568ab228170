package wire

import (
	"encoding/json"
	"errors"
	"regexp"
	"strings"
	"testing"
	"time"
)

func TestEncodeDecodeRoundTrip(t *testing.T) {
	s, err := NewSigner("hmac-sha256", "secret")
	if err != nil {
		t.Fatal(err)
	}
	req, err := NewMessage("execute_request", "client", nil, map[string]any{"code": "1 + 1"})
	if err != nil {
		t.Fatal(err)
	}
	req.Identities = [][]byte{[]byte("id-1"), []byte("id-2")}
	req.Buffers = [][]byte{{0, 1, 2}}

	got, err := Decode(req.Encode(s), s)
	if err != nil {
		t.Fatalf("Decode(Encode(m)): %v", err)
	}
	if got.Header != req.Header {
		t.Errorf("header = %+v, want %+v", got.Header, req.Header)
	}
	if len(got.Identities) != 2 || string(got.Identities[1]) != "id-2" {
		t.Errorf("identities = %q, want [id-1 id-2]", got.Identities)
	}
	if len(got.Buffers) != 1 || string(got.Buffers[0]) != "\x00\x01\x02" {
		t.Errorf("buffers = %q, want one buffer 00 01 02", got.Buffers)
	}
	if string(got.ParentHeader) != "{}" || string(got.Metadata) != "{}" {
		t.Errorf("parent, metadata = %s, %s; want {} and {}", got.ParentHeader, got.Metadata)
	}
	var content struct{ Code string }
	if err := got.DecodeContent(&content); err != nil || content.Code != "1 + 1" {
		t.Errorf("content code = %q (err %v), want %q", content.Code, err, "1 + 1")
	}
}

func TestReplyKeepsParentBytes(t *testing.T) {
	s, err := NewSigner("hmac-sha256", "k")
	if err != nil {
		t.Fatal(err)
	}
	// jupyter_client writes JSON with spaces after separators and may add
	// header fields this package does not know; a reply must echo them.
	header := `{"msg_id": "a", "session": "b", "username": "ann", "date": "2026-01-02T03:04:05Z",` +
		` "msg_type": "kernel_info_request", "version": "5.4", "subshell_id": null}`
	frames := [][]byte{[]byte("peer"), []byte(Delimiter), nil, []byte(header), []byte("{}"), []byte("{}"), []byte("{}")}
	frames[2] = []byte(s.Sign(frames[3], frames[4], frames[5], frames[6]))
	req, err := Decode(frames, s)
	if err != nil {
		t.Fatal(err)
	}

	reply, err := NewMessage("kernel_info_reply", "kernel", req, map[string]string{"status": "ok"})
	if err != nil {
		t.Fatal(err)
	}
	if string(reply.ParentHeader) != header {
		t.Errorf("reply parent header = %s, want %s", reply.ParentHeader, header)
	}
	if string(reply.Identities[0]) != "peer" {
		t.Errorf("reply identities = %q, want [peer]", reply.Identities)
	}
	if reply.Header.Username != "ann" || reply.Header.Version != Version {
		t.Errorf("reply username, version = %q, %q; want ann, %s", reply.Header.Username, reply.Header.Version, Version)
	}
}

func TestHeaderFields(t *testing.T) {
	m, err := NewMessage("status", "sess", nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	uuid := regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)
	if !uuid.MatchString(m.Header.MsgID) {
		t.Errorf("msg_id = %q, want a version-4 UUID", m.Header.MsgID)
	}
	if _, err := time.Parse(time.RFC3339Nano, m.Header.Date); err != nil || !strings.HasSuffix(m.Header.Date, "Z") {
		t.Errorf("date = %q (parse error %v), want ISO 8601 in UTC with zone Z", m.Header.Date, err)
	}
	if string(m.Content) != "null" {
		t.Errorf("content of nil = %s, want null", m.Content)
	}
	if other := NewID(); other == m.Header.MsgID {
		t.Errorf("two NewID calls returned the same id %s", other)
	}
}

func TestDecodeMalformed(t *testing.T) {
	s, err := NewSigner("", "")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		frames  []string
		wantErr error
	}{
		{"no delimiter", []string{"id", "sig", "{}", "{}", "{}", "{}"}, ErrNoDelimiter},
		{"too few frames", []string{"id", Delimiter, "", "{}", "{}", "{}"}, ErrNoDelimiter},
		{"empty", nil, ErrNoDelimiter},
	}
	for _, tt := range tests {
		frames := make([][]byte, len(tt.frames))
		for i, f := range tt.frames {
			frames[i] = []byte(f)
		}
		if _, err := Decode(frames, s); !errors.Is(err, tt.wantErr) {
			t.Errorf("%s: Decode error = %v, want %v", tt.name, err, tt.wantErr)
		}
	}

	bad := [][]byte{[]byte(Delimiter), nil, []byte("not json"), []byte("{}"), []byte("{}"), []byte("{}")}
	var syntax *json.SyntaxError
	if _, err := Decode(bad, s); !errors.As(err, &syntax) {
		t.Errorf("bad header: Decode error = %v, want a wrapped *json.SyntaxError", err)
	}
}

func TestNewMessageUnencodable(t *testing.T) {
	if _, err := NewMessage("display_data", "s", nil, map[string]any{"x": func() {}}); err == nil {
		t.Error("NewMessage with a func in content: error = nil, want an encoding error")
	}
}
