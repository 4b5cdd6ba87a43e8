#!/usr/bin/env bash
# The action's first step: install pubmode into a virtual environment of its own and give the path of
# its `migrate` as the step output `migrate`.
#
# Environment: PUBMODE_VERSION, what to pip-install: empty for the action's own checkout
# ($GITHUB_ACTION_PATH); otherwise any pip requirement, URL or path (a bare version such as 0.1.0
# means pubmode==0.1.0, from an index pip reaches); PUBMODE_PYTHON, the Python that makes the environment (default python3, else python);
# RUNNER_TEMP, where the environment goes; GITHUB_OUTPUT.
set -euo pipefail

spec=${PUBMODE_VERSION:-}
if [[ -z $spec ]]; then
  spec=${GITHUB_ACTION_PATH:?"GITHUB_ACTION_PATH is not set: give PUBMODE_VERSION"}
elif [[ $spec =~ ^[0-9][0-9A-Za-z.!+-]*$ ]]; then
  spec="pubmode==$spec"
elif [[ $spec == -* ]]; then
  echo "::error title=pubmode::the version input is a requirement, URL or path, not an option: $spec"
  exit 2
fi

python=${PUBMODE_PYTHON:-}
if [[ -z $python ]]; then
  python=$(command -v python3 || command -v python || true)
  [[ -n $python ]] || { echo "::error title=pubmode::no python3 on PATH (actions/setup-python brings one)"; exit 2; }
fi

venv="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/pubmode-venv"
"$python" -m venv "$venv"
bin="$venv/bin"
[[ -d $venv/Scripts ]] && bin="$venv/Scripts"  # Windows
"$bin/python" -m pip install --quiet --disable-pip-version-check "$spec"
"$bin/migrate" --version
echo "migrate=$bin/migrate" >> "${GITHUB_OUTPUT:-/dev/null}"
