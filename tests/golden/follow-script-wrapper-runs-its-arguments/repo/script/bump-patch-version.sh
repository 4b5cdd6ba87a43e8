#!/bin/bash -e

python -m pip install bump2version
bump2version patch
