"""to-token gives a step's uploads of one tool one `env:` token, and takes the Trusted Publishing flag out of
every one of them (tattle-made/feluda@747f1e1: two `uv publish` lines in one step; the second kept
`--trusted-publishing always`, which uv refuses beside a token)."""
from __future__ import annotations

from conftest import WORKFLOW, Repo

STEP = b"""name: release
on:
  push:
    tags: ["v*"]
jobs:
  publish:
    runs-on: ubuntu-latest
    environment: pypi
    permissions:
      id-token: write
    steps:
      - uses: actions/checkout@v4
      - uses: astral-sh/setup-uv@v5
      - run: |
          for pkg in a b; do
            if [ "$pkg" == "a" ]; then
              uv build
              uv publish --trusted-publishing always
            else
              uv build --package $pkg
              uv publish --trusted-publishing=always
            fi
          done
"""


def test_every_upload_of_the_step_loses_its_flag(repo: Repo) -> None:
    repo.write(WORKFLOW, STEP)
    repo.write("pyproject.toml", b"[project]\nname = 'a'\n")
    out = repo.migrate("to-token")
    assert out.code == 0, out.stderr
    text = repo.read().decode()
    assert "trusted-publishing" not in text and text.count("uv publish\n") == 2, text
    assert text.count("UV_PUBLISH_TOKEN: ${{ secrets.PYPI_API_TOKEN }}") == 1
    assert repo.migrate("to-oidc").code == 0 and repo.read().decode().count("--trusted-publishing always") == 2
