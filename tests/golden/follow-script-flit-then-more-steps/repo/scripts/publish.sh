#!/usr/bin/env bash

set -e

flit publish
