#!/usr/bin/env bash

set -e

python -m poetry publish --build
