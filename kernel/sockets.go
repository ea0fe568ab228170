package kernel

import (
	"context"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"net"
	"sync"
	"time"

	"github.com/go-zeromq/zmq4"

	"github.com/tunebook/tunebook/kernel/wire"
)

// channel names one of the kernel's sockets.
type channel string

const (
	shellChannel   channel = "shell"
	controlChannel channel = "control"
	stdinChannel   channel = "stdin"
	iopubChannel   channel = "iopub"
)

// sendTimeout bounds a send, which on a ROUTER socket waits for a peer to
// connect first (zmq4's default is 5 minutes).
const sendTimeout = 10 * time.Second

// sockets holds the five ZeroMQ sockets of a kernel. Sends on one socket
// are serialised so that the messages of one request keep their order.
type sockets struct {
	shell, control, stdin, iopub, hb zmq4.Socket

	mu        map[channel]*sync.Mutex
	closeOnce sync.Once
}

// openSockets binds the sockets named in conn. A tcp port of 0 binds a free
// port, which is written back into conn. zmq4's own messages go to zlog.
func openSockets(ctx context.Context, conn *wire.Connection, zlog *log.Logger) (*sockets, error) {
	opts := []zmq4.Option{zmq4.WithLogger(zlog), zmq4.WithTimeout(sendTimeout)}
	s := &sockets{
		shell:   zmq4.NewRouter(ctx, opts...),
		control: zmq4.NewRouter(ctx, opts...),
		stdin:   zmq4.NewRouter(ctx, opts...),
		iopub:   zmq4.NewPub(ctx, opts...),
		hb:      zmq4.NewRep(ctx, opts...),
		mu:      map[channel]*sync.Mutex{},
	}
	for _, c := range []channel{shellChannel, controlChannel, stdinChannel, iopubChannel} {
		s.mu[c] = new(sync.Mutex)
	}

	binds := []struct {
		name string
		sock zmq4.Socket
		port *int
	}{
		{"shell", s.shell, &conn.ShellPort},
		{"control", s.control, &conn.ControlPort},
		{"stdin", s.stdin, &conn.StdinPort},
		{"iopub", s.iopub, &conn.IOPubPort},
		{"heartbeat", s.hb, &conn.HBPort},
	}
	for _, b := range binds {
		if err := b.sock.Listen(conn.Endpoint(*b.port)); err != nil {
			s.close()
			return nil, fmt.Errorf("kernel: binding %s socket: %w", b.name, err)
		}
		if addr, ok := b.sock.Addr().(*net.TCPAddr); ok {
			*b.port = addr.Port
		}
	}
	return s, nil
}

// socket returns the socket of channel c.
func (s *sockets) socket(c channel) zmq4.Socket {
	switch c {
	case shellChannel:
		return s.shell
	case controlChannel:
		return s.control
	case stdinChannel:
		return s.stdin
	default:
		return s.iopub
	}
}

// send writes the frames of one message on channel c.
func (s *sockets) send(c channel, frames [][]byte) error {
	mu := s.mu[c]
	mu.Lock()
	defer mu.Unlock()
	if err := s.socket(c).Send(zmq4.NewMsgFrom(frames...)); err != nil {
		return fmt.Errorf("kernel: sending on %s: %w", c, err)
	}
	return nil
}

// heartbeat echoes every message on the heartbeat socket until ctx ends.
func (s *sockets) heartbeat(ctx context.Context, logger *slog.Logger) {
	for ctx.Err() == nil {
		msg, err := s.hb.Recv()
		if err != nil {
			if ctx.Err() == nil && !errors.Is(err, context.Canceled) {
				logger.Debug("heartbeat receive", "err", err)
			}
			continue
		}
		if err := s.hb.Send(msg); err != nil {
			logger.Debug("heartbeat send", "err", err)
		}
	}
}

// close closes every socket once, at shutdown.
func (s *sockets) close() {
	s.closeOnce.Do(func() {
		for _, sock := range []zmq4.Socket{s.shell, s.control, s.stdin, s.iopub, s.hb} {
			sock.Close()
		}
	})
}
