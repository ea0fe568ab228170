#!/usr/bin/env bash
# Search quality at equal budget, side by side in one run: Optuna's TPE over
# scikit-learn's MLPClassifier (bench/optuna_mlp.py, Debian python3-optuna and
# python3-sklearn) against `tunebook search` with its default strategy, on
# identical stratified 60/20/20 splits (Optuna's split is exported and handed
# to tunebook with --split), with the same seeds and wall-clock budget, one
# core each, one tool at a time. tunebook also runs with half the budget, to
# see whether it reaches Optuna's full-budget result in half the time.
#
# Optuna's budget covers only study.optimize; tunebook's covers its whole run
# (preprocessing, baselines, search, test evaluation), not reading the CSV.
# The table's "trials" counts every trial started (tunebook prunes most of
# them after a few epochs; Optuna's MLPClassifier trials always run to the
# end), and "wall s" is each tool's own measure of its budgeted part.
#
# Usage: bench/search_vs_optuna.sh [BUDGET_SECONDS] [SEEDS] [DATASETS]
#   defaults: 60, "1 2 3", "spam mortgage letter synthetic"
# Environment: TUNEBOOK_BIN, a tunebook binary to use instead of building
# ./cmd/tunebook; TUNEBOOK_ARGS, extra arguments for `tunebook search` (for
# example "--strategy random"); TUNEBOOK_PYTHON, the Python with Optuna.
set -euo pipefail
cd "$(dirname "$0")/.."
py="${TUNEBOOK_PYTHON:-/usr/bin/python3}"
budget="${1:-60}"
seeds="${2:-1 2 3}"
datasets="${3:-spam mortgage letter synthetic}"
read -r -a extra <<<"${TUNEBOOK_ARGS:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

bin="${TUNEBOOK_BIN:-}"
if [ -z "$bin" ]; then
	bin="$work/tunebook"
	go build -o "$bin" ./cmd/tunebook
fi
"$py" bench/torch_mlp.py --rows 100000 --seed 0 --dump "$work/synthetic.csv" --dump-only >/dev/null

nn="$(git log -1 --format=%h -- automl/nn 2>/dev/null || echo unknown)"
if [ -n "$(git status --porcelain -- automl/nn 2>/dev/null)" ]; then
	nn="$nn+uncommitted changes"
fi
echo "$(date -u '+%Y-%m-%d %H:%M UTC'); automl/nn at $nn; $(nproc) CPUs;" \
	"load average at start: $(cut -d' ' -f1-3 /proc/loadavg); tunebook args: ${extra[*]:-(default)}"

declare -A path=([spam]=datasets/spam.csv [mortgage]=datasets/mortgage_hmda.csv
	[letter]=datasets/letter_recognition.csv [synthetic]="$work/synthetic.csv")
declare -A target=([spam]=type [mortgage]=deny [letter]=lettr [synthetic]=y)

for ds in $datasets; do
	for seed in $seeds; do
		out="$work/$ds-$seed"
		"$py" bench/optuna_mlp.py "${path[$ds]}" "${target[$ds]}" "$budget" "$seed" \
			--export-split "$out-split.json" >"$out-optuna.json"
		for b in "$budget" "$((budget / 2))"; do
			GOMAXPROCS=1 "$bin" search --data "${path[$ds]}" --target "${target[$ds]}" \
				--metric auc --budget "${b}s" --seed "$seed" --split "$out-split.json" --quiet \
				--json "$out-tunebook-$b.json" "${extra[@]}" >/dev/null
		done
	done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

"$py" - "$work" "$budget" "$seeds" "$datasets" <<'PY'
import json, statistics, sys
work, budget, seeds, datasets = sys.argv[1], int(sys.argv[2]), sys.argv[3].split(), sys.argv[4].split()
rows = []
print(f"{'dataset':<10}{'budget':>7} {'tool':<9}{'seed':>5}{'trials':>7}{'valid AUC':>10}{'test AUC':>10}{'test acc':>10}{'logloss':>9}{'wall s':>8}")
for ds in datasets:
    med = {}
    for tool, b in (("optuna", budget), ("tunebook", budget), ("tunebook", budget // 2)):
        aucs = []
        for seed in seeds:
            if tool == "optuna":
                r = json.load(open(f"{work}/{ds}-{seed}-optuna.json"))
                trials, valid, auc, acc, ll, wall = (r["trials_total"], r["best_val_auc"], r["test_auc"],
                                                     r["test_accuracy"], r["test_logloss"], r["search_s"])
            else:
                r = json.load(open(f"{work}/{ds}-{seed}-tunebook-{b}.json"))
                t = r["test"]
                auc = t.get("auc", t.get("auc_ovr_macro", float("nan")))
                valid = r["best_valid"] if r["best_valid"] is not None else float("nan")
                trials, acc, ll, wall = r["trials"], t.get("accuracy", float("nan")), t.get("logloss", float("nan")), r["wall_s"]
            aucs.append(auc)
            print(f"{ds:<10}{b:>7} {tool:<9}{seed:>5}{trials:>7}{valid:>10.4f}{auc:>10.4f}{acc:>10.4f}{ll:>9.4f}{wall:>8.1f}")
        med[(tool, b)] = statistics.median(aucs)
    o, t, h = med[("optuna", budget)], med[("tunebook", budget)], med[("tunebook", budget // 2)]
    rows.append((ds, o, t, h))
print()
print(f"{'dataset':<10}{'optuna AUC':>12}{'tunebook AUC':>14}{'tunebook half':>15}  median test AUC (OvR macro for letter)")
for ds, o, t, h in rows:
    print(f"{ds:<10}{o:>12.4f}{t:>14.4f}{h:>15.4f}  {'>=' if t >= o else '<'} optuna at equal budget; half budget {'>=' if h >= o else '<'}")
PY
