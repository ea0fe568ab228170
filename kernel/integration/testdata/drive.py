#!/usr/bin/env python3
"""Drive an installed tunebook kernel with jupyter_client, as a front end does.

Usage: drive.py KERNEL_NAME K07_DIR

Starts the kernel through KernelManager, sends every request type, checks the
busy/idle framing and parent headers of each, runs the cells of case
k07-interrupt-infinite-loop with interrupts, interrupts with SIGINT too,
restarts, and shuts down. Prints one line per check and exits 1 if any failed.
"""

import json
import os
import signal
import sys
import time
from queue import Empty

from jupyter_client.manager import KernelManager

TIMEOUT = 30
failures = []


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)


def collect(kc, msg_id, channel="shell", timeout=TIMEOUT):
    """Return (reply, iopub messages from busy to idle) for request msg_id.

    channel None is for messages without a reply, such as comm_open.
    """
    deadline = time.time() + timeout
    get = kc.get_shell_msg if channel == "shell" else kc.get_control_msg
    reply = None
    while reply is None and channel is not None:
        m = get(timeout=max(0.1, deadline - time.time()))
        if m["parent_header"].get("msg_id") == msg_id:
            reply = m
    iopub = []
    while True:
        m = kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        iopub.append(m)
        if m["msg_type"] == "status" and m["content"]["execution_state"] == "idle":
            return reply, iopub


def framed(iopub, what):
    """Check that iopub starts with busy and ends with idle."""
    states = [m["content"].get("execution_state") for m in iopub if m["msg_type"] == "status"]
    check(states[:1] == ["busy"] and states[-1:] == ["idle"], what + ": IOPub framed by busy/idle")


def execute(kc, code, **kw):
    msg_id = kc.execute(code, **kw)
    reply, iopub = collect(kc, msg_id)
    framed(iopub, "execute %r" % code.splitlines()[0][:40])
    return reply, iopub


def of_type(iopub, msg_type):
    return [m for m in iopub if m["msg_type"] == msg_type]


def result_text(iopub):
    res = of_type(iopub, "execute_result")
    return res[0]["content"]["data"].get("text/plain") if res else None


def error_text(reply):
    c = reply["content"]
    return "%s: %s\n%s" % (c.get("ename"), c.get("evalue"), "\n".join(c.get("traceback") or []))


def request(kc, channel, msg_type, content):
    msg = kc.session.msg(msg_type, content)
    (kc.shell_channel if channel == "shell" else kc.control_channel).send(msg)
    return msg["header"]["msg_id"]


def test_kernel_info(kc):
    for channel in ("shell", "control"):
        reply, iopub = collect(kc, request(kc, channel, "kernel_info_request", {}), channel)
        c = reply["content"]
        check(reply["msg_type"] == "kernel_info_reply" and c["status"] == "ok",
              "kernel_info on %s answered on %s" % (channel, channel))
        li = c.get("language_info", {})
        check(c.get("protocol_version") == "5.3" and c.get("implementation") == "tunebook"
              and li.get("name") == "go" and li.get("file_extension") == ".go"
              and li.get("mimetype") == "text/x-go" and "banner" in c,
              "kernel_info content on " + channel)
        framed(iopub, "kernel_info on " + channel)


def test_execute(kc):
    reply, iopub = execute(kc, "1 + 1")
    check(reply["content"]["status"] == "ok" and result_text(iopub) == "2", "1 + 1 gives 2")
    inputs = of_type(iopub, "execute_input")
    count = reply["content"]["execution_count"]
    check(len(inputs) == 1 and inputs[0]["content"]["execution_count"] == count
          and of_type(iopub, "execute_result")[0]["content"]["execution_count"] == count,
          "execute_input and execute_result carry the reply's execution_count")
    check(reply["header"]["version"].startswith("5.") and reply["header"]["date"], "reply header version and date")

    reply, iopub = execute(kc, 'import "fmt"\nimport "os"\nfmt.Println("to stdout")\n'
                               'fmt.Fprintln(os.Stderr, "to stderr")\nos.Stdout.WriteString("raw fd\\n")')
    out = "".join(m["content"]["text"] for m in of_type(iopub, "stream") if m["content"]["name"] == "stdout")
    err = "".join(m["content"]["text"] for m in of_type(iopub, "stream") if m["content"]["name"] == "stderr")
    check(out == "to stdout\nraw fd\n" and err == "to stderr\n",
          "stdout and stderr streams (got %r, %r)" % (out, err))

    execute(kc, "x := 41")
    reply, iopub = execute(kc, "x + 1")
    check(result_text(iopub) == "42", "state survives between cells")

    before = reply["content"]["execution_count"]
    msg_id = kc.execute("x", silent=True)
    reply, iopub = collect(kc, msg_id)
    check(reply["content"]["status"] == "ok" and [m["msg_type"] for m in iopub] == ["status", "status"],
          "silent cell publishes only busy/idle")
    reply, _ = execute(kc, "x", store_history=False)
    check(reply["content"]["execution_count"] == before, "silent and store_history=False keep the count")

    reply, iopub = execute(kc, 'panic("boom")')
    c = reply["content"]
    check(c["status"] == "error" and isinstance(c.get("traceback"), list) and "boom" in error_text(reply),
          "panic gives an error reply with a traceback list")
    check(len(of_type(iopub, "error")) == 1, "one error message on IOPub")
    reply, iopub = execute(kc, "x")
    check(result_text(iopub) == "41", "kernel survives a panic with its state")


def test_display(kc):
    reply, iopub = execute(kc, 'import "github.com/tunebook/tunebook/kernel/display"\n'
                               'import "fmt"\nfmt.Println("first")\ndisplay.HTML("<b>hi</b>")')
    types = [m["msg_type"] for m in iopub]
    html = of_type(iopub, "display_data")
    ok = reply["content"]["status"] == "ok" and html and html[0]["content"]["data"].get("text/html") == "<b>hi</b>"
    check(ok, "display.HTML publishes display_data" + ("" if ok else " (%s)" % error_text(reply)))
    check("stream" in types and "display_data" in types and types.index("stream") < types.index("display_data"),
          "stream text printed before a display comes before it")


def test_introspection(kc):
    code = 'import "strings"\nstrings.ToU'
    cursor = len(code)
    kc.complete(code, cursor)
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    c = reply["content"]
    typed = code[:cursor]
    ok = c["status"] == "ok" and c["matches"] and all(
        (code[:c["cursor_start"]] + m).startswith(typed) for m in c["matches"])
    check(ok and any("ToUpper" in m for m in c["matches"]),
          "complete strings.ToU: matches replace [cursor_start, cursor_end) consistently (%s)" % c)

    kc.inspect('import "strings"\nstrings.ToUpper', len('import "strings"\nstrings.ToUp'))
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    check(reply["msg_type"] == "inspect_reply" and reply["content"]["status"] == "ok", "inspect_reply ok")

    for code, want in (("x := 1", "complete"), ("func f() {", "incomplete")):
        kc.is_complete(code)
        reply = kc.get_shell_msg(timeout=TIMEOUT)
        check(reply["content"]["status"] == want, "is_complete %r is %s" % (code, want))

    kc.history(hist_access_type="tail", n=2, output=False, raw=True)
    reply = kc.get_shell_msg(timeout=TIMEOUT)
    h = reply["content"].get("history")
    check(reply["content"]["status"] == "ok" and isinstance(h, list) and len(h) == 2
          and all(len(item) == 3 for item in h), "history tail 2")

    msg_id = kc.comm_info()
    reply, iopub = collect(kc, msg_id)
    check(reply["content"] == {"status": "ok", "comms": {}}, "comm_info_reply lists no comms")

    msg_id = request(kc, "shell", "comm_open", {"comm_id": "c1", "target_name": "jupyter.widget", "data": {}})
    _, iopub = collect(kc, msg_id, channel=None)
    closes = of_type(iopub, "comm_close")
    check(closes and closes[0]["content"]["comm_id"] == "c1", "comm_open to an unknown target gets comm_close")


def test_input(kc):
    msg_id = kc.execute('import "github.com/tunebook/tunebook/kernel/input"\n'
                        'name, _ := input.Read("name? ")\n"hello " + name', allow_stdin=True)
    deadline = time.time() + TIMEOUT
    while time.time() < deadline:
        try:
            req = kc.get_stdin_msg(timeout=0.2)
            break
        except Empty:
            pass
        try:
            reply = kc.get_shell_msg(timeout=0)
        except Empty:
            continue
        if reply["parent_header"].get("msg_id") == msg_id:
            check(False, "input_request on stdin: the cell ended first (%s)" % error_text(reply))
            collect(kc, msg_id, channel=None)
            return
    else:
        check(False, "input_request on stdin within %ds" % TIMEOUT)
        return
    check(req["msg_type"] == "input_request" and req["content"]["prompt"] == "name? "
          and req["parent_header"]["msg_id"] == msg_id, "input_request on stdin with the cell as parent")
    kc.input("Ada")
    reply, iopub = collect(kc, msg_id)
    check("hello Ada" in (result_text(iopub) or ""), "input reply reaches the cell (%s)" % result_text(iopub))


def test_stop_on_error(kc):
    first = kc.execute('import "time"\ntime.Sleep(300 * time.Millisecond)\npanic("first")')
    second = kc.execute("1")
    r1, _ = collect(kc, first)
    r2, iopub = collect(kc, second)
    check(r1["content"]["status"] == "error" and r2["content"]["status"] == "aborted",
          "stop_on_error aborts the queued cell (%s)" % r2["content"]["status"])
    framed(iopub, "aborted cell")


def test_k07(km, kc, k07_dir):
    with open(os.path.join(k07_dir, "steps.json")) as f:
        steps = json.load(f)
    with open(os.path.join(k07_dir, "expected.json")) as f:
        expected = json.load(f)["cells"]
    for step, want in zip(steps, expected):
        msg_id = kc.execute(step["code"])
        asked = None
        if step["interrupt_after_s"] is not None:
            time.sleep(step["interrupt_after_s"])
            check(kc.hb_channel.is_beating(), "k07 cell %d: heartbeat while running" % want["index"])
            asked = time.time()
            km.interrupt_kernel()
        reply, iopub = collect(kc, msg_id)
        c = reply["content"]
        what = "k07 cell %d %r" % (want["index"], step["code"].splitlines()[-1])
        check(c["status"] == want["status"], "%s: status %s (%s)" % (what, c["status"], error_text(reply)))
        if asked is not None:
            took = time.time() - asked
            check(took <= want["max_seconds_after_interrupt"], "%s: answered %.2fs after interrupt" % (what, took))
            check(any(s in error_text(reply) for s in want["error_contains_any"]), what + ": error says interrupted")
        if want.get("result") is not None:
            check(result_text(iopub) == want["result"], "%s: result %s" % (what, result_text(iopub)))


def test_sigint(km, kc):
    msg_id = kc.execute("for {\n}")
    time.sleep(0.5)
    asked = time.time()
    km.signal_kernel(signal.SIGINT)
    reply, _ = collect(kc, msg_id)
    check(reply["content"]["status"] == "error" and "nterrupt" in error_text(reply)
          and time.time() - asked < 5, "SIGINT interrupts a running cell")
    check(km.is_alive(), "kernel alive after SIGINT")


def test_restart(km, kc):
    execute(kc, "restartMarker := 7")
    started = time.time()
    km.restart_kernel(now=False)
    kc.wait_for_ready(timeout=TIMEOUT)
    print("restart took %.2fs" % (time.time() - started))
    check(km.is_alive(), "kernel alive after restart")
    reply, _ = execute(kc, "restartMarker")
    check(reply["content"]["status"] == "error", "restart clears the session")
    reply, iopub = execute(kc, "2 * 21")
    check(result_text(iopub) == "42", "kernel works after restart")


def main():
    name, k07_dir = sys.argv[1], sys.argv[2]
    km = KernelManager(kernel_name=name)
    started = time.time()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=TIMEOUT)
    print("kernel ready in %.2fs" % (time.time() - started))
    check(km.kernel_spec.interrupt_mode == "message", "kernelspec interrupt_mode is message")
    try:
        test_kernel_info(kc)
        test_execute(kc)
        test_display(kc)
        test_introspection(kc)
        test_input(kc)
        test_stop_on_error(kc)
        test_k07(km, kc, k07_dir)
        test_sigint(km, kc)
        test_restart(km, kc)
    except Empty:
        check(False, "timed out waiting for a message")
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    check(not km.is_alive(), "kernel exited after shutdown_request")
    print("%d failures" % len(failures))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
