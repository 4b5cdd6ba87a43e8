"""Workflows whose keys or values have types GitHub would read differently: one line per file, never a crash.

GitHub reads a mapping key as its text, so `true:` is a job named "true" and `1:` / `~:` are ids it
rejects (ids start with a letter or `_`). pubmode refuses all three the same way in `doctor` and in
`to-oidc`, with the line and the fix, and still does the other files.
"""
from __future__ import annotations

import pytest

from conftest import WORKFLOW, Repo

PUBLISH = (b"    runs-on: ubuntu-latest\n    steps:\n      - uses: pypa/gh-action-pypi-publish@release/v1\n"
           b"        with:\n          password: ${{ secrets.PYPI_API_TOKEN }}\n")
GOOD = b"on: push\njobs:\n  publish:\n" + PUBLISH

JOB_IDS = {"int": (b"1", "job id `1` is not a valid GitHub job id"),
           "float": (b"1.5", "job id `1.5` is not a valid GitHub job id"),
           "null": (b"~", "job id `~` is not a valid GitHub job id"),
           "bool": (b"true", "job id `true` is read as a YAML boolean")}


@pytest.mark.parametrize("command", ["doctor", "to-oidc", "to-token"])
def test_a_job_id_that_is_not_a_string_is_one_line_with_its_line(repo: Repo, command: str) -> None:
    for name, (key, _) in JOB_IDS.items():
        repo.write(f".github/workflows/{name}.yml", b"on: push\njobs:\n  " + key + b":\n" + PUBLISH)
    repo.write(WORKFLOW, GOOD)
    out = repo.migrate(command)
    assert out.code == 2 and "Traceback" not in out.stderr + out.stdout and "internal error" not in out.stderr
    report = out.stderr + out.stdout
    for name, (key, message) in JOB_IDS.items():
        lines = [ln for ln in report.splitlines() if f"{name}.yml" in ln and not ln.startswith("- The secret")]
        assert lines == [f"error: .github/workflows/{name}.yml:3: {message}" + lines[0].split(message, 1)[1]], report
        assert repo.read(f".github/workflows/{name}.yml").startswith(b"on: push\njobs:\n  " + key + b":\n")
    assert "release.yml" in report  # the good file was still done


DEFAULTS = [b"defaults: {run: bash}\n", b"defaults: bash\n", b"defaults: {run: [a]}\n", b"defaults: {run: ~}\n"]


@pytest.mark.parametrize("where", ["workflow", "job"])
@pytest.mark.parametrize("defaults", DEFAULTS, ids=lambda d: d.decode().strip())
def test_defaults_of_the_wrong_type_do_not_crash(repo: Repo, defaults: bytes, where: str) -> None:
    script = (b"      - run: ./release.sh\n        env:\n          PYPI_TOKEN: ${{ secrets.PYPI_TOKEN }}\n")
    repo.write("release.sh", b"#!/usr/bin/env bash\ntwine upload -u __token__ -p \"$PYPI_TOKEN\" dist/*\n")
    if where == "workflow":
        text = b"on: push\n" + defaults + b"jobs:\n  publish:\n" + PUBLISH + script
    else:
        text = b"on: push\njobs:\n  publish:\n    " + defaults + PUBLISH + script
    repo.write(WORKFLOW, text)
    doctor = repo.migrate("doctor", "--exit-zero")
    assert doctor.code == 0 and "release.yml" in doctor.stdout and "error" not in doctor.stderr, doctor
    out = repo.migrate("to-oidc")
    assert out.code == 0 and "internal error" not in out.stderr, out.stderr
    assert b"id-token: write" in repo.read()


def test_a_bug_in_doctor_is_one_line_and_the_other_files_are_still_reported(repo: Repo, monkeypatch) -> None:
    import codemods.doctor.diagnose as diagnose

    real = diagnose.WorkflowView

    def broken(doc, root=None):
        if doc.path.name == "bad.yml":
            raise ValueError("boom")
        return real(doc, root)

    monkeypatch.setattr(diagnose, "WorkflowView", broken)
    monkeypatch.delenv("PUBMODE_DEBUG", raising=False)
    repo.write(".github/workflows/bad.yml", GOOD)
    repo.write(WORKFLOW, GOOD)
    out = repo.migrate("doctor")
    assert out.code == 2 and "Traceback" not in out.stdout + out.stderr
    assert "error: .github/workflows/bad.yml: internal error: ValueError: boom" in out.stdout
    assert "release.yml:3" in out.stdout or "release.yml:6" in out.stdout


GATED_STEP = """on:
  push:
  pull_request:
jobs:
  upload-wheels:
    runs-on: ubuntu-latest
{job_if}    steps:
      - uses: actions/download-artifact@v4
      - name: Publish
{step_if}        run: twine upload -u __token__ -p ${{{{ secrets.PYPI_TOKEN }}}} dist/*
"""


@pytest.mark.parametrize("job_if, step_if, warned", [
    ("", "        if: startsWith(github.ref, 'refs/tags/v')\n", True),  # pymssql
    ("    if: startsWith(github.ref, 'refs/tags/v')\n", "", False),
    ("", "", False),  # the upload runs whenever the job does (the pull-request warning says the rest)
    ("    if: github.event_name != 'pull_request' || github.event.pull_request.head.repo.full_name != 'x'\n",
     "        if: startsWith(github.ref, 'refs/tags/v')\n", True),  # zope.proxy: a job `if:` about forks
    ("    if: ${{ startsWith(github.ref, 'refs/tags/v') && github.repository == 'o/r' }}\n",
     "        if: startsWith(github.ref, 'refs/tags/v')\n", False),  # the job's condition holds the upload's
])
def test_an_environment_on_a_job_that_runs_more_often_than_its_upload_is_warned_of(
        repo: Repo, job_if: str, step_if: str, warned: bool) -> None:
    """pymssql/pymssql: the job runs for every push and pull request and only its upload step is gated; an
    environment makes every run a deployment, so the protection rules the next steps suggest would hold or fail
    the runs that upload nothing."""
    repo.write(WORKFLOW, GATED_STEP.format(job_if=job_if, step_if=step_if).encode())
    out = repo.migrate("to-oidc", "--dry-run")
    assert out.code == 0, out.stderr
    assert "environment: pypi" in out.stdout
    said = "every run of the job is a deployment" in out.stderr
    assert said == warned, out.stderr
    if warned:
        assert "(pull requests too)" in out.stderr


def test_two_uploads_one_of_which_every_run_takes_are_not_warned_of(repo: Repo) -> None:
    """tobgu/pyrsistent: TestPyPI under `inputs.target == 'test'`, PyPI under `!= 'test'`: every run uploads, so an
    environment on the job deploys only when something is published (no warning), and the two never attest together
    (no `attestations: false`)."""
    repo.write(WORKFLOW, b"on:\n  workflow_dispatch:\n    inputs:\n      target:\n        default: test\njobs:\n"
                         b"  upload:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/download-artifact@v4\n"
                         b"      - uses: pypa/gh-action-pypi-publish@release/v1\n        if: inputs.target == 'test'\n"
                         b"        with:\n          repository-url: https://test.pypi.org/legacy/\n"
                         b"          password: ${{ secrets.TEST_PYPI_API_TOKEN }}\n"
                         b"      - uses: pypa/gh-action-pypi-publish@release/v1\n        if: inputs.target != 'test'\n"
                         b"        with:\n          password: ${{ secrets.PYPI_API_TOKEN }}\n")
    out = repo.migrate("to-oidc")
    assert out.code == 0, out.stderr
    assert "every run of the job is a deployment" not in out.stderr
    assert b"attestations" not in repo.read()
