"""A step that builds and uploads several packages with uv (tattle-made/feluda@747f1e1: a loop over a file's
list, `uv build` for the root, `uv build $pkg` for the others, each followed by `uv publish --token $X`):
to-oidc takes the step's token variable out once every upload is cut, and names every project it builds,
or says the package is chosen at run time."""
from __future__ import annotations

import pytest

from conftest import WORKFLOW, Repo

STEP = """on:
  push:
    tags: ["v*"]
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: |
          uv build
          uv publish --token $PYPI_PUBLISH_TOKEN
          uv build {second}
          uv publish --token $PYPI_PUBLISH_TOKEN
        env:
          PYPI_PUBLISH_TOKEN: ${{{{ secrets.PYPI_PUBLISH_TOKEN }}}}
"""


@pytest.mark.parametrize("second, projects, said", [
    ("--package b", ["a", "b"], "publishes 2 projects (`a`, `b`) it builds with `uv build`"),
    ("operators/c", ["a", "c"], "publishes 2 projects (`a`, `c`)"),
    ("$pkg", ["<project name>"], "builds a package chosen at run time (`$pkg`)"),
])
def test_every_upload_cut_and_every_project_named(repo: Repo, second: str, projects: list, said: str) -> None:
    repo.write(WORKFLOW, STEP.format(second=second).encode())
    repo.write("pyproject.toml", b"[project]\nname = 'a'\n")
    repo.write("operators/c/pyproject.toml", b"[project]\nname = 'c'\n")
    out = repo.migrate("to-oidc")
    assert out.code == 0, out.stderr
    text = repo.read().decode()
    assert "PYPI_PUBLISH_TOKEN" not in text and text.count("uv publish --trusted-publishing always") == 2, text
    assert said in out.stderr, out.stderr
    for project in projects:
        assert f"for project `{project}`" in out.stderr
    assert "delete the secret no longer used (PYPI_PUBLISH_TOKEN)" in out.stderr


def test_one_build_of_the_folder_keeps_its_project(repo: Repo) -> None:
    repo.write(WORKFLOW, STEP.format(second="").encode())
    repo.write("pyproject.toml", b"[project]\nname = 'a'\n")
    out = repo.migrate("to-oidc")
    assert out.code == 0 and "for project `a`" in out.stderr and "it builds with" not in out.stderr, out.stderr
