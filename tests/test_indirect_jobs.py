"""Which jobs an upload in a followed file belongs to. A file that runs many tasks (hypothesis's
`./build.sh $TASK`, whose release task uploads) is run by test jobs too; an upload that cannot log in
from a job (no credential reaches it, no `id-token: write`) is not that job's when the job runs for every
pull request or when a job that can log in runs the same file. Those test jobs were told they publish
without a token, as errors, and to-oidc granted them `id-token: write`."""
from __future__ import annotations

import json

from conftest import Repo

TASKS = b"""#!/bin/bash
set -e
case "$1" in
  test) pytest ;;
  deps) pip-compile requirements.in ;;
  release) python -m build && twine upload dist/* ;;
esac
"""
TESTS = b"""on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: ./tasks.sh ${{ matrix.task }}
"""
RELEASE = b"""on:
  release:
    types: [published]
jobs:
  publish:
    runs-on: ubuntu-latest
    environment: pypi
    permissions:
      id-token: write
    steps:
      - uses: actions/checkout@v4
      - run: ./tasks.sh release
"""
DEPS = b"""on:
  schedule:
    - cron: "0 0 * * 0"
jobs:
  deps:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - env:
          GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }}
        run: ./tasks.sh deps
      - uses: peter-evans/create-pull-request@v7
        with:
          token: ${{ secrets.GH_TOKEN }}
"""


def _findings(repo: Repo) -> dict:
    data = json.loads(repo.migrate("doctor", "--format", "json", "--exit-zero").stdout)
    return {f["path"]: sorted(x["id"] for x in f["findings"]) for f in data["files"]}


def test_test_jobs_and_a_scheduled_job_that_reach_the_release_task_do_not_publish(repo: Repo) -> None:
    repo.write("tasks.sh", TASKS)
    repo.write(".github/workflows/tests.yml", TESTS)
    repo.write(".github/workflows/release.yml", RELEASE)
    repo.write(".github/workflows/deps.yml", DEPS)
    found = _findings(repo)
    assert found[".github/workflows/tests.yml"] == [] and found[".github/workflows/deps.yml"] == [], found
    out = repo.migrate("to-oidc", "--dry-run")
    assert "tests.yml: unchanged: no step publishes to PyPI" in out.stderr, out.stderr
    assert "deps.yml: unchanged: no step publishes to PyPI" in out.stderr, out.stderr
    assert "id-token" not in out.stdout  # nothing granted


def test_a_lone_release_job_whose_upload_cannot_log_in_is_still_told(repo: Repo) -> None:
    """No job that can log in runs the file, and the job does not run for pull requests: the upload is the
    job's, and it gets `id-token: write` (as before)."""
    repo.write("tasks.sh", TASKS)
    repo.write(".github/workflows/release.yml", RELEASE.replace(b"    permissions:\n      id-token: write\n", b""))
    assert "trusted-without-id-token" in _findings(repo)[".github/workflows/release.yml"]
    out = repo.migrate("to-oidc", "--dry-run")
    assert "+      id-token: write" in out.stdout, out.stdout + out.stderr


DISPATCHED_MAKE = """on:
  workflow_dispatch:
    inputs:
      package-path:
        type: string
{default}
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - name: Publish
        working-directory: ${{{{ inputs.package-path }}}}
        env:
          TWINE_PASSWORD: ${{{{ secrets.PYPI_API_TOKEN }}}}
        run: make publish
"""


def test_a_folder_an_input_gives_is_followed_at_its_default_or_reported(repo: Repo) -> None:
    # easeml/datascope: `make publish` with `working-directory: ${{ inputs.package-path }}` was "publishes
    # nothing"; the input's default is followed, and without one the step is told to be checked by hand
    repo.write("Makefile", b"publish:\n\ttwine upload --username __token__ dist/*\n")
    repo.write(".github/workflows/release.yml",
               DISPATCHED_MAKE.format(default='        default: "."').encode())
    out = repo.migrate("to-oidc", "--dry-run")
    assert "removed `TWINE_PASSWORD`" in out.stderr and "+      id-token: write" in out.stdout  # followed
    repo.write(".github/workflows/release.yml", DISPATCHED_MAKE.format(default="").encode())
    out = repo.migrate("to-oidc", "--dry-run")
    assert "a folder known only at run time" in out.stderr and "no step publishes" not in out.stderr
    assert "publishes nothing" not in repo.migrate("doctor").stdout


def test_an_uploader_without_trusted_publishing_in_a_followed_file_is_token_publishing(repo: Repo) -> None:
    # ADGEfficiency/nem-data: `make publish PYPITOKEN=${{ secrets.PYPITOKEN }}` runs `poetry config pypi-token.pypi
    # $(PYPITOKEN)` and `poetry publish`; the doctor called it Trusted Publishing (an error, a publisher to register)
    # where to-oidc says to change it by hand and keep the token
    repo.write("Makefile", b"publish:\n\tpoetry build\n\t@poetry config pypi-token.pypi $(PYPITOKEN)\n\tpoetry publish\n")
    repo.write(".github/workflows/publish.yml", b"""on:
  release:
    types: [published]
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - name: Publish Package
        run: make publish PYPITOKEN=${{ secrets.PYPITOKEN }}
""")
    doctor = repo.migrate("doctor").stdout
    assert "to pypi (token)" in doctor and "trusted-without-id-token" not in doctor and "register on PyPI" not in doctor
    assert "no-trusted-publishing-support" in doctor
