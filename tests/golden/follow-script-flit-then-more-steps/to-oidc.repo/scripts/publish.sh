#!/usr/bin/env bash

set -e

flit build
