package wire

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestParseConnection(t *testing.T) {
	tests := []struct {
		name    string
		json    string
		wantErr string // substring; "" means no error
		want    Connection
	}{
		{
			name: "defaults",
			json: `{"ip":"127.0.0.1","shell_port":5,"key":"k"}`,
			want: Connection{Transport: "tcp", IP: "127.0.0.1", ShellPort: 5, SignatureScheme: "hmac-sha256", Key: "k"},
		},
		{name: "bad json", json: `{`, wantErr: "decoding JSON"},
		{name: "unknown transport", json: `{"transport":"udp","ip":"x"}`, wantErr: `transport "udp"`},
		{name: "no ip", json: `{"transport":"tcp"}`, wantErr: "ip is empty"},
		{name: "unknown scheme", json: `{"ip":"x","key":"k","signature_scheme":"hmac-md5"}`, wantErr: "hmac-md5"},
		{name: "bad port", json: `{"ip":"x","hb_port":70000}`, wantErr: "hb_port 70000"},
		{
			name: "scheme ignored without key",
			json: `{"ip":"x","signature_scheme":"hmac-md5"}`,
			want: Connection{Transport: "tcp", IP: "x", SignatureScheme: "hmac-md5"},
		},
	}
	for _, tt := range tests {
		got, err := ParseConnection([]byte(tt.json))
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Errorf("%s: error = %v, want one containing %q", tt.name, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if got != tt.want {
			t.Errorf("%s: got %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestEndpoint(t *testing.T) {
	ipc, err := ReadConnectionFile(filepath.Join("testdata", "connection_ipc.json"))
	if err != nil {
		t.Fatal(err)
	}
	tcp := Connection{Transport: "tcp", IP: "127.0.0.1"}
	tests := []struct {
		c    Connection
		port int
		want string
	}{
		{tcp, 5555, "tcp://127.0.0.1:5555"},
		{ipc, ipc.HBPort, "ipc:///tmp/kernel-abc-5"},
	}
	for _, tt := range tests {
		if got := tt.c.Endpoint(tt.port); got != tt.want {
			t.Errorf("Endpoint(%d) = %q, want %q", tt.port, got, tt.want)
		}
	}
}

func TestReadConnectionFileMissing(t *testing.T) {
	path := filepath.Join(t.TempDir(), "absent.json")
	_, err := ReadConnectionFile(path)
	if err == nil || !strings.Contains(err.Error(), "absent.json") {
		t.Errorf("error = %v, want one naming absent.json", err)
	}
}
