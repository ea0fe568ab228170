#!/usr/bin/env bash
# Memory over a long search: a 300-trial random search on the breast-cancer
# data, sampling the resident memory after every trial. Prints the peak and
# the growth between trial 50 and trial 300 (goal: peak under 200 MiB, flat
# within 10%).
#
# Usage: bench/search_memory.sh [TRIALS]   (default 300)
set -euo pipefail
cd "$(dirname "$0")/.."
py="${TUNEBOOK_PYTHON:-/usr/bin/python3}"
trials="${1:-300}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

go build -o "$work/tunebook" ./cmd/tunebook
"$work/tunebook" search --data datasets/breast_cancer.csv --target target --trials "$trials" \
	--epochs 30 --seed 1 --quiet --json "$work/run.json" >/dev/null

"$py" - "$work/run.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
rss = r["rss_mib_by_trial"]
n = len(rss)
at50 = rss[min(49, n - 1)]
print(f"trials: {r['trials']} ({r['completed']} completed, {r['pruned']} pruned, {r['failed']} failed) in {r['wall_s']:.0f} s")
print(f"peak RSS: {r['peak_rss_mib']:.1f} MiB")
print(f"RSS after trial 50: {at50:.1f} MiB, after trial {n}: {rss[-1]:.1f} MiB, growth {100 * (rss[-1] / at50 - 1):+.1f}%")
for i in range(0, n, max(1, n // 10)):
    print(f"  trial {i + 1:>4}: {rss[i]:7.1f} MiB")
PY
