#!/bin/bash -e

script/do.sh "$1" script/build.sh
