#!/usr/bin/env bash
# Installs everything tunebook's tests need on a fresh Debian machine:
# the reference tools (scikit-learn, a real Jupyter client, nbconvert,
# the reference Python kernel), headless Chromium, and the ECharts library
# from npm (never committed; reports and browser tests inline it).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends \
	python3-sklearn python3-pandas \
	jupyter-client python3-jupyter-client python3-nbclient python3-ipykernel \
	jupyter-nbconvert jupyter-notebook \
	chromium

npm ci --no-audit --no-fund
