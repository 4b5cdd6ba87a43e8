#!/usr/bin/env bash
set -o errexit
PYTHON=$(command -v python3)
"$PYTHON" tooling/release.py "$@"
