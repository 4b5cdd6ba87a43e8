#!/bin/sh
set -eu
uv build
uv publish --trusted-publishing always
