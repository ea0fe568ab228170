#!/usr/bin/env bash
# Installs Jupyter Notebook from Debian's packages and registers the tunebook
# Go kernel with it. Used by the Dockerfile and run by CI on the test machine,
# so a broken step is caught even where images cannot be built.
#
# Usage: install-jupyter.sh TUNEBOOK_BINARY [PREFIX]
#   PREFIX defaults to /usr/local; the kernelspec goes to PREFIX/share/jupyter/kernels.
set -euo pipefail
bin="${1:?usage: install-jupyter.sh TUNEBOOK_BINARY [PREFIX]}"
prefix="${2:-/usr/local}"

if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends \
	jupyter-notebook jupyter-nbconvert python3-nbclient python3-jupyter-client

"$bin" install --prefix "$prefix"
# Check that Jupyter finds the kernel there.
JUPYTER_PATH="$prefix/share/jupyter${JUPYTER_PATH:+:$JUPYTER_PATH}" jupyter kernelspec list | grep -w tunebook
