"""A job's `permissions: {}` (what to-token leaves of a block that held only `id-token: write`) filled by to-oidc
is written as the file writes its permissions blocks: block style, unless the file writes one in flow style."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import WORKFLOW, Repo

CASE = Path(__file__).parent / "golden" / "trusted-block-permissions-venvception"


def test_to_token_then_to_oidc_gives_back_the_block_style_original(repo: Repo) -> None:
    """moradology/venvception: `permissions:\\n  id-token: write` came back as `permissions: {id-token: write}`."""
    repo.write("pyproject.toml", (CASE / "pyproject.toml").read_bytes())
    repo.write("tox.ini", (CASE / "repo" / "tox.ini").read_bytes())
    repo.write(WORKFLOW, (CASE / "to-token.yml").read_bytes())
    assert b"permissions: {}" in repo.read()
    out = repo.migrate("to-oidc")
    assert out.code == 0, out.stderr
    assert repo.read() == (CASE / "input.yml").read_bytes()


@pytest.mark.parametrize("other, written", [
    ("    permissions:\n      contents: read\n", b"    permissions:  # none\n      id-token: write\n"),
    ("    permissions: {contents: read}\n", b"    permissions: {id-token: write}  # none\n"),  # the file's flow style
])
def test_an_empty_block_is_filled_in_the_style_of_the_file(repo: Repo, other: str, written: bytes) -> None:
    repo.write(WORKFLOW, ("""on: push
jobs:
  test:
    runs-on: ubuntu-latest
""" + other + """    steps:
      - run: pytest
  release:
    runs-on: ubuntu-latest
    environment: pypi
    permissions: {}  # none
    steps:
      - uses: pypa/gh-action-pypi-publish@release/v1
        with:
          password: ${{ secrets.PYPI_API_TOKEN }}
""").encode())
    out = repo.migrate("to-oidc")
    assert out.code == 0, out.stderr
    assert written in repo.read(), repo.read().decode()


COMMENTED = Path(__file__).parent / "golden" / "permissions-comment-kept-by-hand"
NOTE = "keeps its permissions block"


@pytest.mark.parametrize("comment, noted", [("  # Required for creating releases", False), ("", True)])
def test_a_commented_scope_is_not_called_to_oidcs_block(repo: Repo, comment: str, noted: bool) -> None:
    """unclecode/crawl4ai: to-token on the round trip said the job's `contents: write  # Required for creating
    releases` block was perhaps to-oidc's; to-oidc writes no comment, so a commented scope is the user's. The
    same block without the comment is exactly what to-oidc writes for a job that had none: then it is said."""
    repo.write("pyproject.toml", (COMMENTED / "pyproject.toml").read_bytes())
    text = (COMMENTED / "to-oidc.yml").read_bytes()
    assert b"contents: write  # Required for creating releases\n      id-token: write\n" in text
    repo.write(WORKFLOW, text.replace(b"  # Required for creating releases", comment.encode()))
    out = repo.migrate("to-token", "--dry-run")
    assert out.code == 0, out.stderr
    assert (NOTE in out.stderr) == noted, out.stderr
