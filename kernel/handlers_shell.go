package kernel

import (
	"runtime"
	"strings"

	"github.com/tunebook/tunebook/kernel/wire"
)

// languageInfo describes Go to the front end (kernel_info_reply).
func languageInfo() map[string]any {
	return map[string]any{
		"name":            "go",
		"version":         strings.TrimPrefix(runtime.Version(), "go"),
		"mimetype":        "text/x-go",
		"file_extension":  ".go",
		"codemirror_mode": "go",
		"pygments_lexer":  "go",
	}
}

// handleKernelInfo answers kernel_info_request on shell or control.
func (s *server) handleKernelInfo(c channel, m *wire.Message) {
	s.reply(c, m, "kernel_info_reply", map[string]any{
		"status":                 "ok",
		"protocol_version":       wire.Version,
		"implementation":         "tunebook",
		"implementation_version": s.opts.Version,
		"language_info":          languageInfo(),
		"banner":                 "tunebook: Go " + strings.TrimPrefix(runtime.Version(), "go") + " in Jupyter",
		"help_links": []map[string]string{
			{"text": "Go documentation", "url": "https://go.dev/doc/"},
			{"text": "Go standard library", "url": "https://pkg.go.dev/std"},
		},
		"debugger": false,
	})
}

// withEngine calls f with the engine unless a stuck cell holds it, and
// reports whether it did.
func (s *server) withEngine(f func(Engine)) bool {
	if !s.engineMu.TryLock() {
		return false
	}
	defer s.engineMu.Unlock()
	f(s.engine)
	return true
}

// handleComplete answers complete_request; while a stuck cell holds the
// engine there are no matches.
func (s *server) handleComplete(c channel, m *wire.Message) {
	var req struct {
		Code      string `json:"code"`
		CursorPos int    `json:"cursor_pos"`
	}
	if err := m.DecodeContent(&req); err != nil {
		s.replyError(c, m, err)
		return
	}
	matches, start, end := []string{}, req.CursorPos, req.CursorPos
	s.withEngine(func(e Engine) {
		if got, st, en := e.Complete(req.Code, req.CursorPos); got != nil {
			matches, start, end = got, st, en
		}
	})
	s.reply(c, m, "complete_reply", map[string]any{
		"status":       "ok",
		"matches":      matches,
		"cursor_start": start,
		"cursor_end":   end,
		"metadata":     map[string]any{},
	})
}

// handleInspect answers inspect_request.
func (s *server) handleInspect(c channel, m *wire.Message) {
	var req struct {
		Code        string `json:"code"`
		CursorPos   int    `json:"cursor_pos"`
		DetailLevel int    `json:"detail_level"`
	}
	if err := m.DecodeContent(&req); err != nil {
		s.replyError(c, m, err)
		return
	}
	var data map[string]any
	found := false
	s.withEngine(func(e Engine) {
		data, found = e.Inspect(req.Code, req.CursorPos, req.DetailLevel)
	})
	s.reply(c, m, "inspect_reply", map[string]any{
		"status": "ok", "found": found, "data": orEmpty(data), "metadata": map[string]any{},
	})
}

// handleIsComplete answers is_complete_request; while a stuck cell holds
// the engine the answer is "unknown".
func (s *server) handleIsComplete(c channel, m *wire.Message) {
	var req struct {
		Code string `json:"code"`
	}
	if err := m.DecodeContent(&req); err != nil {
		s.replyError(c, m, err)
		return
	}
	status, indent := "unknown", ""
	s.withEngine(func(e Engine) { status, indent = e.IsComplete(req.Code) })
	content := map[string]any{"status": status}
	if status == "incomplete" {
		content["indent"] = indent
	}
	s.reply(c, m, "is_complete_reply", content)
}

// handleHistory answers history_request from the cells run in this session.
func (s *server) handleHistory(c channel, m *wire.Message) {
	var req historyRequest
	if err := m.DecodeContent(&req); err != nil {
		s.replyError(c, m, err)
		return
	}
	s.reply(c, m, "history_reply", map[string]any{"status": "ok", "history": s.history.query(req)})
}

// handleCommInfo answers comm_info_request: the kernel keeps no comms.
func (s *server) handleCommInfo(c channel, m *wire.Message) {
	s.reply(c, m, "comm_info_reply", map[string]any{"status": "ok", "comms": map[string]any{}})
}

// handleCommOpen closes every comm a front end opens, since the kernel has
// no comm targets; the spec asks for a comm_close on IOPub.
func (s *server) handleCommOpen(_ channel, m *wire.Message) {
	var req struct {
		CommID     string `json:"comm_id"`
		TargetName string `json:"target_name"`
	}
	if err := m.DecodeContent(&req); err != nil {
		s.log.Warn("bad comm_open", "err", err)
		return
	}
	s.log.Info("closing comm to unknown target", "target", req.TargetName, "comm_id", req.CommID)
	s.publish(m, "comm_close", map[string]any{"comm_id": req.CommID, "data": map[string]any{}})
}

// handleCommIgnored drops comm_msg and comm_close: no comm is ever open.
func (s *server) handleCommIgnored(_ channel, m *wire.Message) {
	s.log.Debug("ignoring comm message", "type", m.Header.MsgType)
}

// replyError answers a request whose content does not decode.
func (s *server) replyError(c channel, m *wire.Message, err error) {
	s.log.Warn("bad request", "type", m.Header.MsgType, "err", err)
	s.reply(c, m, replyType(m.Header.MsgType), map[string]any{
		"status": "error", "ename": "ProtocolError", "evalue": err.Error(), "traceback": []string{err.Error()},
	})
}
