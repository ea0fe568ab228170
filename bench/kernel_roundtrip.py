#!/usr/bin/env python3
"""Compare tunebook's Go kernel with ipykernel: start-up time and cell round trip.

Usage: /usr/bin/python3 bench/kernel_roundtrip.py [--go-kernel NAME] [--py-kernel NAME]
                                                   [--starts N] [--cells N] [--json FILE]

Both kernels are started through jupyter_client's KernelManager, as Jupyter
does. Start-up is the time from start_kernel() until wait_for_ready() returns
(the kernel answered kernel_info and IOPub delivers). A round trip is one
execute_request of a trivial cell ("1 + 1") until both its execute_reply and
its idle status have arrived. The two kernels alternate within each start and
each batch of cells, so that load on the machine affects both alike.

Needs Debian's python3-jupyter-client and python3-ipykernel, and the Go
kernelspec ("tunebook install --user", or JUPYTER_PATH pointing at a prefix).
"""

import argparse
import json
import statistics
import sys
import time

from jupyter_client.manager import KernelManager

CELL = "1 + 1"


def start(name):
    """Start kernel name; return (manager, client, seconds until ready)."""
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    return km, kc, time.perf_counter() - t0


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=False)


def round_trip(kc):
    """Seconds for one trivial cell: execute_reply and idle status both in."""
    t0 = time.perf_counter()
    msg_id = kc.execute(CELL)
    replied = idle = False
    while not replied:
        m = kc.get_shell_msg(timeout=30)
        replied = m["parent_header"].get("msg_id") == msg_id
    while not idle:
        m = kc.get_iopub_msg(timeout=30)
        idle = (m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status"
                and m["content"]["execution_state"] == "idle")
    return time.perf_counter() - t0


def percentile(xs, q):
    """Nearest-rank percentile of xs (q in 0..100)."""
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, int(round(q / 100 * len(s) + 0.5)) - 1))]


def summary(xs):
    return {"n": len(xs), "median_ms": 1000 * statistics.median(xs), "p95_ms": 1000 * percentile(xs, 95),
            "min_ms": 1000 * min(xs)}


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--go-kernel", default="tunebook-go")
    ap.add_argument("--py-kernel", default="python3")
    ap.add_argument("--starts", type=int, default=5, help="kernel starts per kernel")
    ap.add_argument("--cells", type=int, default=300, help="timed cells per kernel")
    ap.add_argument("--json", help="also write the results to this file")
    args = ap.parse_args()
    kernels = {"tunebook (Go)": args.go_kernel, "ipykernel (Python)": args.py_kernel}

    startup = {label: [] for label in kernels}
    for _ in range(args.starts):
        for label, name in kernels.items():
            km, kc, secs = start(name)
            startup[label].append(secs)
            stop(km, kc)

    trips = {label: [] for label in kernels}
    running = {label: start(name)[:2] for label, name in kernels.items()}
    for label, (km, kc) in running.items():
        for _ in range(20):  # warm-up, not timed
            round_trip(kc)
    batch = 25
    for _ in range(0, args.cells, batch):
        for label, (km, kc) in running.items():
            trips[label].extend(round_trip(kc) for _ in range(batch))
    for km, kc in running.values():
        stop(km, kc)

    results = {label: {"kernel": kernels[label], "startup": summary(startup[label]),
                       "round_trip": summary(trips[label])} for label in kernels}
    print("%-20s %12s %12s %14s %14s" % ("kernel", "start med s", "start max s", "cell med ms", "cell p95 ms"))
    for label, r in results.items():
        print("%-20s %12.3f %12.3f %14.2f %14.2f" % (
            label, r["startup"]["median_ms"] / 1000, max(startup[label]),
            r["round_trip"]["median_ms"], r["round_trip"]["p95_ms"]))
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"cell": CELL, "results": results}, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
