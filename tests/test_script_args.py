"""What a followed shell script runs for its call's arguments (codemods/follow/script_args.py).

The first script is bybatkhuu/model-python-template@651f6fd's scripts/build.sh, cut to its flag handling
and upload: `build.sh -c` builds only; `-u` uploads, to TestPyPI unless `-p` is given.
"""
from __future__ import annotations

from typing import List, Optional, Sequence

import pytest

from codemods.follow.script_args import read_call, wrapped_command

BUILD_SH = """\
#!/usr/bin/env bash
set -euo pipefail

_IS_CLEAN=true
_IS_UPLOAD=false
_IS_STAGING=true

while [ $# -gt 0 ]; do
\tcase "${1}" in
\t\t-c | --disable-clean)
\t\t\t_IS_CLEAN=false
\t\t\tshift;;
\t\t-u | --upload)
\t\t\t_IS_UPLOAD=true
\t\t\tshift;;
\t\t-p | --production)
\t\t\t_IS_STAGING=false
\t\t\tshift;;
\t\t-h | --help)
\t\t\t_usage_help
\t\t\texit 0;;
\t\t*)
\t\t\techo "[ERROR]: Failed to parse argument -> ${1}!" >&2
\t\t\texit 1;;
\tesac
done

main()
{
\tpython -m build || exit 2
\tif [ "${_IS_UPLOAD}" == true ]; then
\t\tpython -m twine check dist/* || exit 2
\t\tif [ "${_IS_STAGING}" == true ]; then
\t\t\tpython -m twine upload --repository testpypi dist/* || exit 2
\t\telse
\t\t\tpython -m twine upload dist/* || exit 2
\t\tfi
\tfi
}

main
"""


def unrun(script: str, args: Optional[Sequence[str]]) -> List[str]:
    return [script[s:e] for s, e in read_call(script, args).unrun]


TESTPYPI = "python -m twine upload --repository testpypi dist/*"
PYPI = "python -m twine upload dist/*"


def test_an_upload_behind_an_option_the_call_does_not_pass_does_not_run() -> None:
    assert {TESTPYPI, PYPI, "python -m twine check dist/*"} <= set(unrun(BUILD_SH, ("-c",)))
    assert "python -m build" not in unrun(BUILD_SH, ("-c",))


@pytest.mark.parametrize("args, runs, not_run", [
    (("-c", "-u"), TESTPYPI, PYPI),  # the default (staging) stays: TestPyPI only
    (("-c", "-u", "-p"), PYPI, TESTPYPI),  # `-p` overwrites the default: the else branch only
    (("--upload", "--production"), PYPI, TESTPYPI),
])
def test_the_options_given_choose_the_branch(args, runs, not_run) -> None:
    assert runs not in unrun(BUILD_SH, args)
    assert not_run in unrun(BUILD_SH, args)


@pytest.mark.parametrize("args", [None, ("-u", "$MODE"), ("$@",), ("-c", "`flags`")])
def test_arguments_not_known_keep_everything(args) -> None:
    assert unrun(BUILD_SH, args) == []


@pytest.mark.parametrize("change", [
    ("_IS_UPLOAD=false\n", "_IS_UPLOAD=${_IS_UPLOAD:-false}\n"),  # the environment may set it
    ("_IS_UPLOAD=false\n", ""),  # no default: the environment's
    ("main\n", "read -r _IS_UPLOAD\nmain\n"),  # set another way
    ("\t\t-u | --upload)\n\t\t\t_IS_UPLOAD=true\n", "\t\t-u | --upload)\n\t\t\t_IS_UPLOAD=$2\n"),
    ("_IS_UPLOAD=false\n", "[ -n \"$CI\" ] && _IS_UPLOAD=true\n_IS_UPLOAD=false\n"),  # set under a test
])
def test_a_flag_the_script_alone_does_not_decide_keeps_the_upload(change) -> None:
    script = BUILD_SH.replace(*change)
    assert script != BUILD_SH
    assert TESTPYPI not in unrun(script, ("-c",))


def test_a_test_before_its_flag_is_set_is_not_read() -> None:
    script = BUILD_SH.replace("main\n", "main\n_IS_UPLOAD=false\n")  # set again after the upload: not read
    assert TESTPYPI not in unrun(script, ("-c",))


def test_a_sub_command_case_runs_the_branch_named_by_the_first_argument() -> None:
    script = 'case "$1" in\n  build)\n    python -m build\n    ;;\n  publish)\n    twine upload dist/*\n' \
             '    ;;\nesac\n'
    assert unrun(script, ("build",)) == ["twine upload dist/*"]
    assert unrun(script, ("publish",)) == ["python -m build"]
    assert unrun(script, ("build", "publish")) == ["twine upload dist/*"]  # `$1` read once
    assert unrun(script.replace("publish)", "*)"), ("build",)) == []  # `*` takes any
    assert unrun(script, None) == []


def test_getopts_letters_and_a_for_loop_over_the_arguments() -> None:
    getopts = 'UPLOAD=0\nwhile getopts "cu" opt; do\n  case $opt in\n    u) UPLOAD=1 ;;\n    c) CLEAN=0 ;;\n' \
              '  esac\ndone\nif [ "$UPLOAD" = 1 ]; then\n  twine upload dist/*\nfi\n'
    assert unrun(getopts, ("-c",)) == ["UPLOAD=1", "twine upload dist/*"]
    assert unrun(getopts, ("-cu",)) == []
    loop = 'UPLOAD=no\nfor arg in "$@"; do\n  case "$arg" in\n    --upload) UPLOAD=yes ;;\n  esac\ndone\n' \
           '[ "$UPLOAD" = yes ] && uv publish\n'
    assert unrun(loop, ("--check",)) == ["UPLOAD=yes", "uv publish"]
    assert unrun(loop, ("--upload",)) == []


def test_a_flag_run_as_a_command_and_a_negated_test() -> None:
    script = 'PUBLISH=false\ncase "$1" in\n  --publish) PUBLISH=true ;;\nesac\nif $PUBLISH; then\n  flit publish\nfi\n' \
             'if ! $PUBLISH; then\n  echo dry\nfi\n'
    assert unrun(script, ()) == ["PUBLISH=true", "flit publish"]
    assert unrun(script, ("--publish",)) == ["echo dry"]


def test_a_structure_not_followed_keeps_what_comes_after() -> None:
    script = BUILD_SH.replace("main()\n{", "fi\nmain()\n{")  # a stray `fi`: the reading is lost
    assert PYPI in unrun(BUILD_SH, ("-c",))
    assert not {TESTPYPI, PYPI} & set(unrun(script, ("-c",)))


def test_the_first_argument_tested_at_the_top_of_the_script() -> None:
    script = '#!/usr/bin/env bash\n\nif [[ $1 == "build" ]]; then\n    rm -rf ./dist/\n    python setup.py sdist ' \
             'bdist_wheel\nelif [[ $1 == "publish" ]]; then\n    twine upload dist/*\nelse\n    echo "run \'build.sh ' \
             'build\' or \'build.sh publish\'"\nfi'  # a build.sh found in the code corpus
    assert "twine upload dist/*" in unrun(script, ("build",))
    assert "twine upload dist/*" not in unrun(script, ("publish",))
    assert unrun(script, ("publish",))[:1] == ["rm -rf ./dist/"]
    assert unrun("shift\n" + script, ("build",)) == []  # `$1` moved on
    assert unrun("set -- x\n" + script, ("build",)) == []
    assert "twine upload dist/*" in unrun("set -euo pipefail\n" + script, ("build",))
    function = "main() {\n" + script + "\n}\nmain $2\n"
    assert unrun(function, ("build",)) == []  # a function's `$1` is its own


def test_the_first_argument_or_nothing() -> None:
    script = '#!/bin/bash\n\nset -euo pipefail\n\nrm -rf dist build\n\npython -m build\npython -m twine check dist/*\n\n' \
             'if [[ "${1:-}" == "--upload" ]]; then\n    python -m twine upload dist/*\nelse\n    echo "Build verified. ' \
             'Pass --upload to publish the artifacts."\nfi\n'  # yyds-fast/yyds-pip-audit's build.sh
    assert "python -m twine upload dist/*" in unrun(script, ())
    assert "python -m twine upload dist/*" not in unrun(script, ("--upload",))
    assert unrun(script.replace("${1:-}", "${1:-x}"), ()) == []  # a default of its own: not read


# What a stranger run found (each checked against bash with the upload stubbed): the reading must keep these.
KEPT = [
    # a test of several commands
    ('if [ "$1" = "release" ] || [ "$1" = "publish" ]; then\n  twine upload dist/*\nfi\n', ("publish",)),
    ('[ "$1" = publish ] || [ "$1" = release ] && twine upload dist/*\n', ("publish",)),
    # `$1` of a function
    ('function upload {\n  if [ "$1" == "prod" ]; then twine upload dist/*\n  else twine upload --repository '
     'testpypi dist/*; fi\n}\nupload prod\n', ("--skip-tests",)),
    ('publish() ( case "$1" in pypi) twine upload dist/* ;; esac )\npublish pypi\n', ("build",)),
    # the arguments changed before they are read
    ('UPLOAD=false\nset -- $(echo "$@" | sed "s/-cu/-c -u/")\nwhile [ $# -gt 0 ]; do case "$1" in -u) UPLOAD=true; '
     'shift;; *) shift;; esac; done\nif [ "$UPLOAD" = true ]; then twine upload dist/*; fi\n', ("-cu",)),
    ('UPLOAD=false\nshift\nwhile [ $# -gt 0 ]; do case "$1" in -u) UPLOAD=true; shift;; *) shift;; esac; done\n'
     'if [ "$UPLOAD" = false ]; then twine upload dist/*; fi\n', ("-u", "-c")),
    # a branch that falls into the next
    ('case "$1" in build) python -m build ;& publish) twine upload dist/* ;; esac\n', ("build",)),
    # flags set where the reading cannot see
    ('UPLOAD=false\nfor kv in "$@"; do export "$kv"; done\nif [ "$UPLOAD" = true ]; then twine upload dist/*; fi\n',
     ("UPLOAD=true",)),
    ('UPLOAD=false\nsource ./config.sh\nif [ "$UPLOAD" = true ]; then twine upload dist/*; fi\n', ("-c",)),
    ('UPLOAD=false\neval "$EXTRA"\nif [ "$UPLOAD" = true ]; then twine upload dist/*; fi\n', ("-c",)),
]


@pytest.mark.parametrize("script, args", KEPT)
def test_what_the_reading_cannot_follow_keeps_the_upload(script, args) -> None:
    assert not [c for c in unrun(script, args) if "twine upload" in c]


def test_set_options_and_a_function_with_braces_are_still_read() -> None:
    script = "set -o pipefail\nset -eu\n" + BUILD_SH
    assert TESTPYPI in unrun(script, ("-c",))
    function = 'function upload {\n  if [ "$UPLOAD" == true ]; then twine upload dist/*; fi\n}\nUPLOAD=false\n' \
               'case "$1" in -u) UPLOAD=true ;; esac\nupload\n'
    assert unrun(function, ("-c",)) == ["UPLOAD=true"]  # set after the test's text: not read


# Safetorun/PromptDefender-py@bb3a252 scripts/deploy.sh (its upload line cut to the index): the second argument
# picks the index, run as `bash scripts/deploy.sh prompt_defender prod` (and `… test`)
DEPLOY_SH = """\
cd "$1"

echo $2

if [ "$2" = "test" ]
then
  REPO="testpypi"
  PASSWORD=$PYPI_PASSWORD_TEST
elif [ "$2" = "prod" ]
  then
  REPO="pypi"
  PASSWORD=$PYPI_PASSWORD
else
  echo "Invalid argument $2. Please use 'test' or 'prod'"
  exit 1
fi

python3 -m twine upload --repository $REPO dist/*
"""


@pytest.mark.parametrize("args, repo", [(("pkg", "prod"), "pypi"), (("pkg", "test"), "testpypi"),
                                        (("pkg", "staging"), None), (("pkg",), None), (("pkg", "$ENV"), None)])
def test_the_branch_an_argument_surely_takes_fixes_its_variables(args, repo) -> None:
    assert read_call(DEPLOY_SH, args).values.get("REPO") == repo


SUB_COMMAND = 'case "$1" in\n  prod) REPO=pypi ;;\n  test) REPO=testpypi ;;\nesac\ntwine upload -r "$REPO" dist/*\n'


def test_a_case_over_an_argument_read_once_fixes_its_variables() -> None:
    assert read_call(SUB_COMMAND, ("test",)).values == {"REPO": "testpypi", "1": "test"}


@pytest.mark.parametrize("script, args", [
    # an earlier pattern takes the argument first
    ('case "$1" in\n  *) REPO=testpypi ;;\n  prod) REPO=pypi ;;\nesac\n', ("prod",)),
    # set again where the argument does not decide
    (SUB_COMMAND + 'if [ -n "$CI" ]; then REPO=testpypi; fi\n', ("prod",)),
    # set in a loop, in a function, by `read`, from a variable
    ('for x in a; do if [ "$1" = prod ]; then REPO=pypi; fi; done\n', ("prod",)),
    ('f() {\n  if [ "$1" = prod ]; then REPO=pypi; fi\n}\n', ("prod",)),
    (SUB_COMMAND + 'read REPO\n', ("prod",)),
    ('case "$1" in\n  prod) REPO=$PROD_INDEX ;;\nesac\n', ("prod",)),
    # a test the argument does not decide, and an `||` list
    ('if [ "$TARGET" = prod ]; then REPO=pypi; fi\n', ("prod",)),
    ('[ "$1" = prod ] || REPO=pypi\n', ("prod",)),
    # the arguments moved on first
    ('shift\ncase "$1" in\n  prod) REPO=pypi ;;\nesac\n', ("x", "prod")),
])
def test_a_value_not_surely_set_for_the_call_stays_unknown(script, args) -> None:
    assert "REPO" not in read_call(script, args).values


def test_an_and_list_on_an_argument_fixes_its_variable() -> None:
    assert read_call('[ "$1" = prod ] && REPO=pypi\n', ("prod",)).values == {"REPO": "pypi", "1": "prod"}


# bybatkhuu/module.python-config@3f2aa85 scripts/build.sh, cut: its options are read inside `main()`, run with the
# script's own arguments after `source ./scripts/base.sh`
MAIN_SH = """\
#!/bin/bash
set -euo pipefail
source ./scripts/base.sh

_IS_UPLOAD=false
_IS_STAGING=true

main()
{
\tif [ -n "${1:-}" ]; then
\t\tfor _input in "${@:-}"; do
\t\t\tcase ${_input} in
\t\t\t\t-c | --disable-clean)
\t\t\t\t\t_IS_CLEAN=false
\t\t\t\t\tshift;;
\t\t\t\t-u | --upload)
\t\t\t\t\t_IS_UPLOAD=true
\t\t\t\t\tshift;;
\t\t\t\t-p | --production)
\t\t\t\t\t_IS_STAGING=false
\t\t\t\t\tshift;;
\t\t\t\t*)
\t\t\t\t\techoError "Failed to parsing input -> ${_input}"
\t\t\t\t\texit 1;;
\t\t\tesac
\t\tdone
\tfi
\tpython -m build || exit 2
\tif [ "${_IS_UPLOAD}" == true ]; then
\t\tif [ "${_IS_STAGING}" == true ]; then
\t\t\tpython -m twine upload --repository testpypi dist/* || exit 2
\t\telse
\t\t\tpython -m twine upload dist/* || exit 2
\t\tfi
\tfi
}

main "${@:-}"
"""
BASE_SH = '_DATE_FORMAT="+%Y-%m-%d"\necho_error()\n{\n\t_date=$(date "${_DATE_FORMAT}")\n\techo -e "${_date}: ${*}"\n}\n'
MAIN_TESTPYPI, MAIN_PYPI = "python -m twine upload --repository testpypi dist/*", "python -m twine upload dist/*"


def uploads_unrun(script: str, args, sourced=lambda word: BASE_SH) -> List[str]:
    reading = read_call(script, args, sourced)
    return [script[s:e] for s, e in reading.unrun if "twine upload" in script[s:e]]


@pytest.mark.parametrize("args, unrun_", [(("-c",), [MAIN_TESTPYPI, MAIN_PYPI]), (("-c", "-u"), [MAIN_PYPI]),
                                          (("-c", "-u", "-p"), [MAIN_TESTPYPI]), ((), [MAIN_TESTPYPI, MAIN_PYPI])])
def test_options_read_in_a_function_run_with_the_scripts_arguments(args, unrun_) -> None:
    assert uploads_unrun(MAIN_SH, args) == unrun_


@pytest.mark.parametrize("script, sourced", [
    (MAIN_SH, lambda word: None),  # the sourced file cannot be read
    (MAIN_SH, lambda word: BASE_SH + "_IS_UPLOAD=true\n_IS_STAGING=false\n"),  # it may set the flags read
    (MAIN_SH, lambda word: BASE_SH + "shift\n"),  # it moves the arguments
    (MAIN_SH.replace('main "${@:-}"', 'main "${@:-}"\nmain -u'), lambda word: BASE_SH),  # run twice
    (MAIN_SH.replace('main "${@:-}"', 'main -c'), lambda word: BASE_SH),  # run with arguments of its own
    (MAIN_SH.replace('main "${@:-}"', '[ -n "$CI" ] && main "$@"'), lambda word: BASE_SH),  # run under a test
])
def test_a_function_or_sourced_file_not_read_keeps_the_uploads(script, sourced) -> None:
    assert uploads_unrun(script, ("-c",), sourced) == []


def test_a_function_opened_on_its_line_and_the_keyword_form() -> None:
    same_line = MAIN_SH.replace("main()\n{", "main() {")
    keyword = MAIN_SH.replace("main()\n{", "function main {")
    assert uploads_unrun(same_line, ("-c",)) == uploads_unrun(keyword, ("-c",)) == [MAIN_TESTPYPI, MAIN_PYPI]


@pytest.mark.parametrize("script, args, expected", [
    ('twine upload -r "$1" dist/*\n', ("pypi",), {"1": "pypi"}),
    ('twine upload -r "$2" -p "$1" dist/*\n', ("x", "testpypi"), {"1": "x", "2": "testpypi"}),
    ('main() {\n  twine upload -r "$1" dist/*\n}\nmain "$@"\n', ("pypi",), {"1": "pypi"}),  # run with the script's
    (MAIN_SH, ("-c",), {}),  # its option loop shifts
    # arguments moved, or a function with arguments of its own: `$1` is not the call's everywhere
    ('shift\ntwine upload -r "$1" dist/*\n', ("a", "pypi"), {}),
    ('up() {\n  twine upload -r "$1" dist/*\n}\nup testpypi\n', ("pypi",), {}),
])
def test_the_calls_arguments_are_known_where_every_command_sees_them(script, args, expected) -> None:
    values = read_call(script, args, lambda word: BASE_SH).values
    assert {k: v for k, v in values.items() if k.isdigit()} == expected


# alan-turing-institute/ptype@849f84d script/do.sh, cut: runs another script inside a virtualenv
DO_SH = 'set -u -o xtrace\nrm -rf venv\npyexe=$1\n$pyexe -m virtualenv venv\nsource venv/bin/activate\nshift\n' \
        'source "$@"\ndeactivate\n'


@pytest.mark.parametrize("script, args, command", [
    (DO_SH, ("$1", "script/publish.sh", "$2", "pypi"), 'script/publish.sh "$2" pypi'),
    ('exec "$@"\n', ("twine", "upload", "dist/*"), 'twine upload "dist/*"'),
    ('shift 2\n"$@"\n', ("a", "b", "./release.sh"), "./release.sh"),
    # no command from the arguments, or shifts that cannot be counted
    ('echo "$@"\n', ("twine", "upload"), ""),
    ('while [ $# -gt 1 ]; do shift; done\nsource "$@"\n', ("a", "./x.sh"), ""),
    ('[ -n "$V" ] && shift\nexec "$@"\n', ("a", "./x.sh"), ""),
    (DO_SH, (), ""),
])
def test_a_wrapper_runs_the_command_its_arguments_give(script, args, command) -> None:
    assert wrapped_command(script, args) == command
