"""A release job's `run:` step that runs a command pubmode does not know (a command of its container image, as
yourlabs/cli2's `pypi-release`, notes/final-b.md W5) and is given a PyPI token: the doctor says it cannot tell how
that step uploads (a note), never "publishes nothing"; migrate leaves it alone and says why. Golden cases:
tests/golden/opaque-release-command, tests/golden/doctor/opaque-publish-command."""
from __future__ import annotations

import json

import pytest

from conftest import WORKFLOW, Repo

JOB = """on:
  push:
    tags: ["*"]
jobs:
  {job}:
    runs-on: ubuntu-latest
{extra}    steps:
      - uses: actions/checkout@v4
      - name: Release
        run: {run}
        env:
          {var}: ${{{{ secrets.{secret} }}}}
"""


def _write(repo: Repo, job="release", extra="", run="pypi-release", var="TOKEN", secret="PYPI_TOKEN") -> None:
    repo.write(WORKFLOW, JOB.format(job=job, extra=extra, run=run, var=var, secret=secret).encode())


@pytest.mark.parametrize("job, extra, run", [
    ("release", "", "pypi-release"),
    ("build", "    environment: pypi\n", "semantic-release publish"),
    ("build", "    name: Publish\n", "cd src && ./../bin/x; my-release-tool --all"),
])
def test_an_unknown_command_given_a_pypi_token_is_a_note_not_nothing(repo: Repo, job: str, extra: str,
                                                                      run: str) -> None:
    _write(repo, job, extra, run)
    out = repo.migrate("doctor", "--format", "json", "--exit-zero")
    data = json.loads(out.stdout)
    findings = [f for file in data["files"] for f in file["findings"]]
    assert [(f["id"], f["severity"]) for f in findings] == [("opaque-publish-command", "note")], findings
    text = repo.migrate("doctor").stdout
    assert "publishes nothing" not in text and "step `Release` in job" in text and "`secrets.PYPI_TOKEN`" in text
    assert repo.migrate("doctor").code == 0, "a note, not an error"
    before = repo.read()
    for direction in ("to-oidc", "to-token"):
        res = repo.migrate(direction)
        assert repo.read() == before
        assert "no step publishes to PyPI" not in res.stderr
        assert "pubmode cannot tell whether or how it uploads to PyPI, so it leaves the step as it is" in res.stderr


@pytest.mark.parametrize("kw", [
    dict(job="tests"),  # not a release job
    dict(secret="CODECOV_TOKEN"),  # no PyPI-looking secret
    dict(run="python -m build && twine check dist/*"),  # only tools pubmode knows
    dict(run="./scripts/release.sh"),  # a file of the repository: followed, not guessed
    dict(run="curl -sSLo release.sh https://example.org/r.sh && bash release.sh"),  # written by the step
])
def test_other_steps_stay_publishes_nothing(repo: Repo, kw: dict) -> None:
    repo.write("scripts/release.sh", b"#!/bin/sh\necho released\n")
    _write(repo, **kw)
    assert "publishes nothing to PyPI" in repo.migrate("doctor").stdout


RUN_TIME = """on:
  push:
    tags: ["*"]
jobs:
  build:
    runs-on: ubuntu-latest
    env:
      TWINE_PASSWORD: ${{{{ secrets.PYPI_TOKEN }}}}
{env}    steps:
      - uses: actions/checkout@v4
      - name: Upload
        run: |
{run}
"""


@pytest.mark.parametrize("env, run", [
    ("", '          CMD=$(echo -E "twine upload -u __token__ -p $TWINE_PASSWORD dist/*")\n'
         '          if [[ "$DRY_RUN" != "yes" ]]; then\n            eval "$CMD"\n          fi'),  # NVIDIA/Megatron-LM
    ("", '          CMD="python -m twine upload dist/*"\n          $CMD --verbose'),
    ("", "          UP='uv publish --token $TOKEN'\n          bash -c \"$UP\""),
    ('      CMD: "twine upload dist/*"\n', '          eval "$CMD"'),  # the string in the job's env:
])
def test_an_upload_in_a_command_string_run_at_run_time_is_refused_not_nothing(repo: Repo, env: str, run: str) -> None:
    repo.write(WORKFLOW, RUN_TIME.format(env=env, run=run).encode())
    before = repo.read()
    out = repo.migrate("to-oidc")
    assert out.code == 0, out.stderr
    assert repo.read() == before
    assert "no step publishes to PyPI" not in out.stderr
    assert "runs a command string built at run time" in out.stderr and "pubmode cannot see into it" in out.stderr
    doctor = repo.migrate("doctor", "--format", "json", "--exit-zero")
    findings = [f for file in json.loads(doctor.stdout)["files"] for f in file["findings"]]
    assert [f["id"] for f in findings] == ["opaque-publish-command"], findings
    assert "pubmode cannot see into it" in findings[0]["message"]


@pytest.mark.parametrize("run", [
    '          CMD="twine check dist/*"\n          eval "$CMD"',  # no upload in the string
    '          eval "$CMD"',  # a string the workflow does not set
    '          CMD="twine upload dist/*"\n          echo "$CMD"',  # printed, not run
])
def test_a_command_string_without_an_upload_run_stays_publishes_nothing(repo: Repo, run: str) -> None:
    repo.write(WORKFLOW, RUN_TIME.format(env="", run=run).encode())
    assert "publishes nothing to PyPI" in repo.migrate("doctor").stdout


TOX_INI = b"[tox]\nenvlist = py312, lint\n\n[testenv]\ncommands = pytest\n\n[testenv:{docs,build}]\ncommands = echo\n"


@pytest.mark.parametrize("job, run, files, said", [
    # boromir674/automated-workflows: the caller's checkout brings [testenv:deploy]; with or without a tox.ini here
    ("pypi_publish", "tox -vv -s false -e deploy -- upload --non-interactive", {"tox.ini": TOX_INI},
     "runs tox env `deploy`, which this repository's tox.ini does not define"),
    ("pypi_publish", "tox -e deploy -- upload", {}, "runs tox env `deploy`, with no tox configuration in this repository"),
    # a script the repository lacks, run by the step or by a make target's recipe (mbsantiago/whombat's shape)
    ("build", "bash scripts/publish.sh", {}, "runs script `scripts/publish.sh`, which is not in this repository"),
    ("build", "make publish", {"Makefile": b"build:\n\tpython -m build\n\npublish: build\n\t@./scripts/publish.sh dist\n"},
     "runs script `./scripts/publish.sh` (run by make target `publish`), which is not in this repository"),
    ("build", "python -m tox -e deploy", {}, "runs tox env `deploy`, with no tox configuration"),  # any job
    ("build", "cd pkg && make deploy", {}, "runs make target `deploy`, with no Makefile in this repository"),
    ("build", "nox -s release", {"pyproject.toml": b"[project]\nname = 'x'\n"}, "runs nox session `release`, with no noxfile.py"),
    # `tox -c FILE` reads that file; one the repository does not hold is no all-clear
    ("build", "tox -c ci/tox.ini -e deploy", {"tox.ini": TOX_INI}, "runs tox env `deploy` of `ci/tox.ini`, which is not in "
     "this repository"),
])
def test_a_task_the_repository_does_not_define_given_a_token_is_an_unknown_upload(
        repo: Repo, job: str, run: str, files: dict, said: str) -> None:
    for rel, data in files.items():
        repo.write(rel, data)
    _write(repo, job=job, run=run, var="TWINE_PASSWORD", secret="TOKEN")
    text = repo.migrate("doctor", "--exit-zero").stdout
    assert "note[opaque-publish-command]" in text and said in text and "`secrets.TOKEN`" in text, text
    assert "no-trusted-publishing-support" not in text and "publishes nothing" not in text and "to pypi" not in text
    before = repo.read()
    for direction in ("to-oidc", "to-token"):
        res = repo.migrate(direction)
        assert repo.read() == before and said in res.stderr, res.stderr
        assert "pubmode cannot tell whether or how it uploads to PyPI, so it leaves the step as it is" in res.stderr


@pytest.mark.parametrize("run", ["tox -e py312", "tox -e lint", "tox -e docs", "tox -e py311-django5", "tox",
                                 "tox -c ci/tox.ini -e docs", "tox -c ci -e lint"])  # `-c`: that file (or folder's)
def test_a_tox_env_the_file_makes_is_not_an_unknown_upload(repo: Repo, run: str) -> None:
    repo.write("tox.ini", TOX_INI)
    repo.write("ci/tox.ini", TOX_INI)
    _write(repo, job="build", run=run, var="TWINE_PASSWORD", secret="TOKEN")
    assert "publishes nothing to PyPI" in repo.migrate("doctor").stdout


def test_tox_given_its_configuration_file_is_followed_into_it(repo: Repo) -> None:
    # `tox -c ci/tox-release.ini -e release`: the env's upload is read (and edited) in that file, as in a tox.ini
    repo.write("pyproject.toml", b"[project]\nname = 'widget'\n")
    repo.write("ci/tox-release.ini", b"[testenv:release]\nskip_install = true\ndeps = twine\n"
                                     b"passenv = TWINE_USERNAME, TWINE_PASSWORD\ncommands = twine upload dist/*\n")
    _write(repo, job="release", run="tox -c ci/tox-release.ini -e release", var="TWINE_PASSWORD", secret="PYPI_TOKEN")
    res = repo.migrate("to-oidc")
    assert res.code == 0, res.stderr
    assert b"passenv = ACTIONS_ID_TOKEN_REQUEST_URL, ACTIONS_ID_TOKEN_REQUEST_TOKEN" in repo.read("ci/tox-release.ini")
    assert b"secrets.PYPI_TOKEN" not in repo.read()
