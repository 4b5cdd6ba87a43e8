"""to-token names the secret that uploads of the same run already on a token read, beside its default name:
gevent/gevent's round trip (ci.yml at 04752c48, after a to-oidc that converted only the manylinux job) gave that
job `PYPI_API_TOKEN` while the mac and Windows twine uploads read `TWINE_PASSWORD`, a second token for one project."""
from __future__ import annotations

from conftest import WORKFLOW, Repo

MIXED = b"""on:
  push:
    tags: ["*"]
env:
  TWINE_USERNAME: __token__
jobs:
  test:
    runs-on: macos-14
    steps:
      - run: pip install build twine && python -m build
      - run: twine upload --skip-existing dist/*
        env:
          TWINE_PASSWORD: ${{ secrets.TWINE_PASSWORD }}
  manylinux:
    runs-on: ubuntu-latest
    permissions:
      id-token: write
    steps:
      - uses: actions/download-artifact@v4
      - uses: pypa/gh-action-pypi-publish@v1.14.0
"""


def test_the_secret_the_token_uploads_read_is_named(repo: Repo) -> None:
    repo.write(WORKFLOW, MIXED)
    repo.write("pyproject.toml", b"[project]\nname = 'widget'\n")
    out = repo.migrate("to-token")
    assert "password: ${{ secrets.PYPI_API_TOKEN }}" in repo.read().decode(), out.stderr
    assert ("(or run again with `--secret TWINE_PASSWORD`, the secret the uploads already on a token read, if it "
            "holds a token for this project)") in out.stderr, out.stderr
