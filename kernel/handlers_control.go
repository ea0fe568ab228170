package kernel

import (
	"github.com/tunebook/tunebook/kernel/wire"
)

// handleInterrupt answers interrupt_request (interrupt_mode "message"):
// it cancels the running cell, whose execute_reply then says it was
// interrupted.
func (s *server) handleInterrupt(c channel, m *wire.Message) {
	running := s.cells.interrupt()
	s.log.Info("interrupt_request", "interrupted_cell", running)
	s.reply(c, m, "interrupt_reply", map[string]any{"status": "ok"})
}

// handleShutdown answers shutdown_request, broadcasts the reply on IOPub
// as ipykernel does, and stops the kernel. With restart true the process
// still exits: jupyter_client waits for it and starts a fresh one, so a
// restart always begins with a clean session.
func (s *server) handleShutdown(c channel, m *wire.Message) {
	var req struct {
		Restart bool `json:"restart"`
	}
	if err := m.DecodeContent(&req); err != nil {
		s.log.Warn("bad shutdown_request; shutting down anyway", "err", err)
	}
	content := map[string]any{"status": "ok", "restart": req.Restart}
	s.reply(c, m, "shutdown_reply", content)
	s.publish(m, "shutdown_reply", content)
	s.log.Info("shutdown_request", "restart", req.Restart)
	s.stop()
}
