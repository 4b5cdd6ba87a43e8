#!/usr/bin/env bash
# lines of docarray/docarray's scripts/release.sh (f5fc0f6d5f3d)
set -ex

function clean_build {
    rm -rf dist
    rm -rf *.egg-info
    rm -rf build
}

function pub_pypi {
    clean_build
    poetry config http-basic.pypi $TWINE_USERNAME $TWINE_PASSWORD
    poetry publish --build
    clean_build
}

pub_pypi
