#!/usr/bin/env bash
set -euo pipefail
uv build
uv publish --token "$UV_PUBLISH_TOKEN"
