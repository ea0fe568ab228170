#!/usr/bin/env bash
# Runs every tunebook test: installs the test dependencies, then the Go tests
# (unit, reference-value, Jupyter-client, notebook and headless-browser tests)
# and compiles the benchmarks once.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-test-deps.sh

# The Docker image's install steps, run here too (CI cannot build images).
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
go build -o "$scratch/tunebook" ./cmd/tunebook
bash scripts/install-jupyter.sh "$scratch/tunebook" "$scratch/prefix"

export TUNEBOOK_ECHARTS_JS="$PWD/node_modules/echarts/dist/echarts.min.js"
export TUNEBOOK_PYTHON=/usr/bin/python3
go vet ./...
go test -count=1 -timeout 40m ./...
# The plain-Go fallback of the training kernels (non-amd64, no AVX2).
go test -count=1 -tags purego ./automl/nn
go test -count=1 -run '^$' -bench . -benchtime 1x ./... >/dev/null
