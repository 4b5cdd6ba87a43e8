"""The projects a job publishes through a script that moves into each package's folder before its upload
(Safetorun/PromptDefender-py@bb3a252: `make deploy_prod` runs `bash scripts/deploy.sh <package> prod` three
times, and deploy.sh does `cd "$1"` before `twine upload`): one publisher to register per package."""
from __future__ import annotations

import os

import pytest

from conftest import WORKFLOW, Repo

STEP = """on: workflow_dispatch
jobs:
  build:
    runs-on: ubuntu-latest
    environment: Production
    steps:
      - uses: actions/checkout@v4
      - env:
          TWINE_PASSWORD: ${{ secrets.PYPI_PASSWORD }}
        run: make deploy_prod
"""
MAKEFILE = b"deploy_prod:\n\tbash scripts/deploy.sh pkg_a prod && \\\n\tbash scripts/deploy.sh pkg_b prod\n"
DEPLOY = 'cd "$1"\nif [ "$2" = "prod" ]; then\n  REPO="pypi"\nfi\ntwine upload --repository $REPO dist/*\n'
PLAIN = 'cd "$1"\ntwine upload dist/*\n'


def _write(repo: Repo, deploy: str) -> None:
    repo.write(WORKFLOW, STEP.encode())
    repo.write("Makefile", MAKEFILE)
    os.chmod(repo.write("scripts/deploy.sh", deploy.encode()), 0o755)
    for name in ("pkg_a", "pkg_b"):
        repo.write(f"{name}/pyproject.toml", f"[project]\nname = '{name}'\n".encode())


def test_each_package_a_script_moves_into_gets_its_publisher(repo: Repo) -> None:
    _write(repo, DEPLOY)
    out = repo.migrate("to-oidc", "--dry-run")
    assert out.code == 0, out.stderr
    assert "Add a trusted publisher on PyPI for project `pkg_a`" in out.stderr, out.stderr
    assert "Add a trusted publisher on PyPI for project `pkg_b`" in out.stderr
    assert "<project name>" not in out.stderr


@pytest.mark.parametrize("deploy", [
    PLAIN.replace('cd "$1"', 'cd "$PKG_DIR"'),  # a folder the call does not give
    PLAIN.replace('cd "$1"', 'shift\ncd "$1"'),  # the arguments moved first
    PLAIN.replace('cd "$1"', 'cd "$1"/..'),  # not a package folder
])
def test_a_folder_not_known_leaves_the_project_to_the_user(repo: Repo, deploy: str) -> None:
    _write(repo, deploy)
    out = repo.migrate("to-oidc", "--dry-run")
    assert "pkg_a" not in out.stderr and "<project name>" in out.stderr, out.stderr
