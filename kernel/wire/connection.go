package wire

import (
	"encoding/json"
	"fmt"
	"os"
	"strconv"
)

// Connection holds the contents of a Jupyter connection file: where the
// kernel's five sockets listen and how messages are signed.
type Connection struct {
	Transport       string `json:"transport"`
	IP              string `json:"ip"`
	ShellPort       int    `json:"shell_port"`
	IOPubPort       int    `json:"iopub_port"`
	StdinPort       int    `json:"stdin_port"`
	ControlPort     int    `json:"control_port"`
	HBPort          int    `json:"hb_port"`
	SignatureScheme string `json:"signature_scheme"`
	Key             string `json:"key"`
	KernelName      string `json:"kernel_name,omitempty"`
}

// ReadConnectionFile reads and validates the connection file at path.
// A missing transport defaults to "tcp" and a missing signature scheme to
// "hmac-sha256". It returns an error naming the file when the file cannot
// be read, is not JSON, or names an unknown transport or signature scheme.
func ReadConnectionFile(path string) (Connection, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Connection{}, fmt.Errorf("wire: reading connection file: %w", err)
	}
	c, err := ParseConnection(data)
	if err != nil {
		return Connection{}, fmt.Errorf("wire: connection file %s: %w", path, err)
	}
	return c, nil
}

// ParseConnection decodes and validates the JSON of a connection file, with
// the same defaults and checks as ReadConnectionFile.
func ParseConnection(data []byte) (Connection, error) {
	var c Connection
	if err := json.Unmarshal(data, &c); err != nil {
		return Connection{}, fmt.Errorf("decoding JSON: %w", err)
	}
	if c.Transport == "" {
		c.Transport = "tcp"
	}
	if c.SignatureScheme == "" {
		c.SignatureScheme = "hmac-sha256"
	}
	if c.Transport != "tcp" && c.Transport != "ipc" {
		return Connection{}, fmt.Errorf("transport %q: want tcp or ipc", c.Transport)
	}
	if c.IP == "" {
		return Connection{}, fmt.Errorf("ip is empty")
	}
	if _, err := NewSigner(c.SignatureScheme, c.Key); err != nil {
		return Connection{}, err
	}
	for name, port := range c.ports() {
		if port < 0 || port > 65535 {
			return Connection{}, fmt.Errorf("%s %d: out of range", name, port)
		}
	}
	return c, nil
}

// Endpoint returns the ZeroMQ endpoint for port: "tcp://IP:PORT" for the
// tcp transport and "ipc://IP-PORT" for ipc, as jupyter_client names them.
func (c Connection) Endpoint(port int) string {
	if c.Transport == "ipc" {
		return "ipc://" + c.IP + "-" + strconv.Itoa(port)
	}
	return "tcp://" + c.IP + ":" + strconv.Itoa(port)
}

// Signer returns the signer for the connection's key and scheme.
func (c Connection) Signer() (*Signer, error) {
	return NewSigner(c.SignatureScheme, c.Key)
}

func (c Connection) ports() map[string]int {
	return map[string]int{
		"shell_port":   c.ShellPort,
		"iopub_port":   c.IOPubPort,
		"stdin_port":   c.StdinPort,
		"control_port": c.ControlPort,
		"hb_port":      c.HBPort,
	}
}
