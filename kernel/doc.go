// Package kernel is tunebook's Jupyter kernel for Go: it speaks the Jupyter
// messaging protocol 5.3 over ZeroMQ (github.com/go-zeromq/zmq4, no cgo)
// and runs cells on an Engine, the Go interpreter session of package
// kernel/repl in the tunebook binary.
//
// The protocol is described in "Messaging in Jupyter",
// https://jupyter-client.readthedocs.io/en/latest/messaging.html. What the
// kernel does, request by request:
//
//   - Every request on shell and control is framed by status busy and idle
//     on IOPub with the request as parent, and answered on the socket it
//     came in on, to the identities it came from. Messages with a bad or
//     missing signature are dropped and logged.
//   - execute_request: execute_input, the cell's stream, display_data,
//     update_display_data and clear_output messages, then execute_result or
//     error, then execute_reply. The execution count grows only for cells
//     stored in the history; silent cells publish nothing. After an error
//     with stop_on_error, execute requests already received are answered
//     with status "aborted", as ipykernel does.
//   - Text written to file descriptors 1 and 2, by interpreted or compiled
//     code alike, becomes stream messages, sent every 50 ms or every 8 KiB
//     and always before the next display output and the execute_reply.
//   - interrupt_request (interrupt_mode "message") and SIGINT cancel the
//     running cell. A cell that does not stop within two seconds, because it
//     is blocked in compiled code, is answered with an error telling the
//     user to restart; the kernel keeps answering other requests.
//   - complete, inspect, is_complete, history (kept in memory), comm_info,
//     kernel_info and shutdown are answered; a comm_open is answered with a
//     comm_close, since the kernel has no comm targets. shutdown_request
//     ends the process even with restart true: jupyter_client then starts a
//     fresh one.
//   - input_request is sent on the stdin channel when a cell calls the
//     reader in EngineConfig.Input (see package kernel/input).
//
// A panic while handling a message is recovered and logged; the kernel's
// log never reaches the notebook.
//
// Install writes the kernelspec that makes Jupyter start "tunebook kernel".
package kernel
