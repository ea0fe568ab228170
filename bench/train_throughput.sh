#!/usr/bin/env bash
# Training speed per core, side by side in one run: PyTorch with one thread
# (Debian python3-torch) against `tunebook train` with GOMAXPROCS=1, on the
# same 100,000-row synthetic CSV and the same network (32 inputs, 128-128
# ReLU, dropout 0.1, Adam 1e-3, batch 256, binary cross-entropy, 5 epochs).
# Then two tunebook trainings at once, to see how trials scale over 2 cores.
#
# Usage: bench/train_throughput.sh [RUNS]   (default 3; medians are printed)
# TUNEBOOK_BIN=path uses an already built tunebook binary instead of
# building ./cmd/tunebook.
set -euo pipefail
cd "$(dirname "$0")/.."
py="${TUNEBOOK_PYTHON:-/usr/bin/python3}"
runs="${1:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [[ -n "${TUNEBOOK_BIN:-}" ]]; then
	cp "$TUNEBOOK_BIN" "$work/tunebook"
else
	go build -o "$work/tunebook" ./cmd/tunebook
fi
"$py" bench/torch_mlp.py --rows 100000 --seed 0 --dump "$work/synthetic.csv" --dump-only >/dev/null
train=("$work/tunebook" train --data "$work/synthetic.csv" --target y --hidden 128,128 --activation relu
	--dropout 0.1 --optimizer adam --lr 0.001 --batch 256 --epochs 5 --ordered)

for i in $(seq "$runs"); do
	"$py" bench/torch_mlp.py --rows 100000 --seed 0 --epochs 5 --threads 1 >"$work/torch-$i.json"
	GOMAXPROCS=1 "${train[@]}" --seed "$i" --json "$work/tunebook-$i.json" >/dev/null
	GOMAXPROCS=1 "${train[@]}" --seed "$i" --json "$work/pair-a-$i.json" >/dev/null &
	GOMAXPROCS=1 "${train[@]}" --seed "$((i + 100))" --json "$work/pair-b-$i.json" >/dev/null
	wait
done

"$py" - "$work" "$runs" <<'PY'
import json, statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])
load = lambda name: [json.load(open(f"{work}/{name}-{i}.json")) for i in range(1, runs + 1)]
torch, tb = load("torch"), load("tunebook")
pair = [a["samples_per_s"] + b["samples_per_s"] for a, b in zip(load("pair-a"), load("pair-b"))]
med = statistics.median
t_sps, g_sps = med(r["train_samples_per_s"] for r in torch), med(r["samples_per_s"] for r in tb)
print(f"runs: {runs} (medians)")
print(f"{'tool':<28}{'samples/s':>12}{'valid AUC':>11}")
print(f"{'pytorch, 1 thread':<28}{t_sps:>12.0f}{med(r['val_auc'] for r in torch):>11.4f}")
print(f"{'tunebook, GOMAXPROCS=1':<28}{g_sps:>12.0f}{med(r['valid_auc'] for r in tb):>11.4f}")
print(f"{'tunebook, 2 trainings at once':<28}{med(pair):>12.0f}")
print(f"ratio tunebook/pytorch per core: {g_sps / t_sps:.2f}")
print(f"2-core scaling of tunebook: {med(pair) / g_sps:.2f}x")
PY
