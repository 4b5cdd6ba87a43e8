"""to-token's secret where the job picks the project it publishes at run time (a monorepo's folder from a tag, a
matrix): the token must be able to upload every project the job can publish, never "scoped to the project"
(deepset-ai/haystack-core-integrations, notes/final-b.md W4; the golden case to-token-project-at-run-time)."""
from __future__ import annotations

import json

import pytest

from conftest import WORKFLOW, Repo
from test_report_formats import schema_errors

TRUSTED = """on:
  push:
    tags: ["v*"]
jobs:
  publish:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
{strategy}    steps:
      - uses: actions/checkout@v4
{steps}"""
MATRIX = "    strategy:\n      matrix:\n        package: [alpha, beta]\n"


@pytest.mark.parametrize("strategy, steps, where", [
    ("", "      - uses: pypa/gh-action-pypi-publish@release/v1\n        with:\n"
         "          packages-dir: ${{ steps.pick.outputs.folder }}/dist\n",
     "`packages-dir: ${{ steps.pick.outputs.folder }}/dist`"),
    (MATRIX, "      - run: uv publish\n        working-directory: packages/${{ matrix.package }}\n",
     "`working-directory: packages/${{ matrix.package }}`"),
    (MATRIX, "      - run: |\n          cd \"packages/${{ matrix.package }}\"\n          uv build\n"
             "          uv publish --trusted-publishing always\n",
     "`cd \"packages/${{ matrix.package }}\"`"),
    (MATRIX, "      - run: uv publish --trusted-publishing always packages/${{ matrix.package }}/dist/*\n",
     "`packages/${{ matrix.package }}/dist/*`"),
])
def test_a_project_chosen_at_run_time_needs_a_token_for_every_project(repo: Repo, strategy: str, steps: str,
                                                                      where: str) -> None:
    repo.write("pyproject.toml", b'[project]\nname = "octo-widget"\n')
    repo.write(WORKFLOW, TRUSTED.format(strategy=strategy, steps=steps).encode())
    out = repo.migrate("to-token", "--dry-run")
    assert out.code == 0, out.stderr
    assert "scoped to the project" not in out.stderr
    assert ("holding a PyPI API token that can upload every project the job can publish, as it picks the project at "
            f"run time (job `publish`: {where}): an account-wide token, or one secret per project") in out.stderr
    data = json.loads(repo.migrate("to-token", "--dry-run", "--format", "json").stdout)
    assert schema_errors(data) == []
    assert data["next_steps"]["create_secret_run_time"] == {"PYPI_API_TOKEN": [f"job `publish`: {where}"]}
    md = repo.migrate("to-token", "--dry-run", "--format", "markdown").stdout
    assert "scoped to the project" not in md and "an account-wide token, or one secret per project" in md


@pytest.mark.parametrize("steps", [
    "      - uses: pypa/gh-action-pypi-publish@release/v1\n        with:\n          packages-dir: widget/dist\n",
    "      - run: |\n          cd $GITHUB_WORKSPACE\n          uv publish\n",
    "      - run: uv publish --trusted-publishing always dist/*\n        env:\n          UV_CACHE_DIR: ${{ runner.temp }}\n",
])
def test_a_project_written_out_keeps_the_project_scoped_token(repo: Repo, steps: str) -> None:
    repo.write("pyproject.toml", b'[project]\nname = "octo-widget"\n')
    repo.write(WORKFLOW, TRUSTED.format(strategy="", steps=steps).encode())
    out = repo.migrate("to-token", "--dry-run")
    assert out.code == 0, out.stderr
    assert "holding a PyPI API token scoped to the project" in out.stderr
    assert "create_secret_run_time" not in json.loads(repo.migrate("to-token", "--dry-run", "--format", "json").stdout)[
        "next_steps"]


UPLOAD_SH = b"#!/bin/bash\nset -e\ntwine upload --repository testpypi dist/*\ntwine upload dist/*\n"


@pytest.mark.parametrize("run, files", [
    ("|\n          twine upload --repository testpypi dist/*\n          twine upload dist/*", {}),
    ("./upload.sh", {"upload.sh": UPLOAD_SH}),  # chopralab/paddy: one script uploads to TestPyPI, then PyPI
])
def test_one_step_uploading_to_testpypi_and_pypi_is_not_given_one_token(repo: Repo, run: str, files: dict) -> None:
    # the step's TWINE_PASSWORD would hold the PyPI token for both uploads: the TestPyPI one fails first, and
    # under `set -e` PyPI's never runs
    for name, data in files.items():
        repo.write(name, data)
    repo.write(WORKFLOW, f"""on: push
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: pypi
    permissions:
      id-token: write
    steps:
      - run: python -m build
      - name: Deploy
        run: {run}
""".encode())
    before = repo.read()
    out = repo.migrate("to-token")
    assert repo.read() == before
    assert "uploads to PyPI and TestPyPI with one set of token variables; give each upload its own token" in out.stderr
