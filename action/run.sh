#!/usr/bin/env bash
# The action's second step: run pubmode on the workspace, write its markdown report to the job summary,
# print its annotations, and give the step outputs `changed`, `report` and `sarif`.
#
# Environment (the action's inputs, never expanded into the script by `${{ }}`):
#   PUBMODE_MIGRATE   the `migrate` to run (the install step's output; default: `migrate` on PATH)
#   PUBMODE_COMMAND   doctor (default), to-oidc or to-token; the migrations run with --check: nothing is written
#   PUBMODE_PATHS     workflow files or folders, separated by spaces or newlines; empty: .github/workflows
#   PUBMODE_FAIL_ON   never, change or warning (default): when the step fails, see action.yml
#   PUBMODE_SARIF     true: also write the doctor's findings as SARIF (output `sarif`)
#   GITHUB_WORKSPACE  where to run (default: here); GITHUB_STEP_SUMMARY, GITHUB_OUTPUT; RUNNER_TEMP
# Exit code: 0, or 1 when fail-on says so, or 2 for a wrong input.
set -euo pipefail

migrate=${PUBMODE_MIGRATE:-migrate}
command=${PUBMODE_COMMAND:-doctor}
fail_on=${PUBMODE_FAIL_ON:-warning}
sarif=${PUBMODE_SARIF:-false}

bad() {
  echo "::error title=pubmode::$1"
  exit 2
}
case $command in doctor | to-oidc | to-token) ;; *) bad "command must be doctor, to-oidc or to-token, not '$command'" ;; esac
case $fail_on in never | change | warning) ;; *) bad "fail-on must be never, change or warning, not '$fail_on'" ;; esac
case $sarif in true | false) ;; *) bad "sarif must be true or false, not '$sarif'" ;; esac

paths=()
set -f  # a path is taken as written: no globbing
for p in ${PUBMODE_PATHS:-}; do paths+=("$p"); done
set +f

cd "${GITHUB_WORKSPACE:-.}"
out=$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/pubmode.XXXXXX")
report="$out/report.md"

# Each run's exit code: 0 nothing found or nothing would change, 1 something was found or would change,
# 2 a file could not be read (named in the report and the annotations).
code=0
if [[ $command == doctor ]]; then
  "$migrate" doctor --format markdown -- ${paths[@]+"${paths[@]}"} > "$report" || code=$?
  annotations=$("$migrate" doctor --format github --exit-zero -- ${paths[@]+"${paths[@]}"} 2> /dev/null || true)
else
  # the text report goes to the log (stderr); the markdown to the summary
  "$migrate" "$command" --check --format markdown -- ${paths[@]+"${paths[@]}"} > "$report" || code=$?
  annotations=$("$migrate" "$command" --check --format github -- ${paths[@]+"${paths[@]}"} 2> /dev/null || true)
fi
[[ -n $annotations ]] && printf '%s\n' "$annotations"

sarif_file=
if [[ $sarif == true ]]; then
  sarif_file="$out/pubmode.sarif"
  "$migrate" doctor --format sarif --exit-zero -- ${paths[@]+"${paths[@]}"} > "$sarif_file" 2> /dev/null || sarif_file=
fi

if [[ -n ${GITHUB_STEP_SUMMARY:-} ]]; then
  cat "$report" >> "$GITHUB_STEP_SUMMARY"
fi

changed=false
[[ $command != doctor && $code == 1 ]] && changed=true
{
  echo "changed=$changed"
  echo "report=$report"
  echo "sarif=$sarif_file"
} >> "${GITHUB_OUTPUT:-/dev/null}"

# Whether the step fails: an unreadable file and a change count for `change`; the doctor's findings
# and the migration's refusals and warnings (its ::warning annotations) too for `warning`.
reasons=()
[[ $code != 0 && $code != 1 ]] && reasons+=("a file could not be read or pubmode failed (exit code $code)")
[[ $changed == true ]] && reasons+=("$command would change a workflow")
if [[ $fail_on == warning ]]; then
  if [[ $command == doctor && $code == 1 ]]; then
    reasons+=("the doctor found something of warning level or above")
  elif [[ $command != doctor ]] && grep -q '^::warning' <<< "$annotations"; then
    reasons+=("$command refused a job or has a warning")
  fi
fi
if [[ $fail_on != never && ${#reasons[@]} -gt 0 ]]; then
  echo "pubmode: failing (fail-on: $fail_on): $(printf '%s; ' "${reasons[@]}")the job summary has the report" >&2
  exit 1
fi
