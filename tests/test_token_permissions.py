"""What to-token says about a job's permissions block: the block to-oidc would have written for a job
without one is named (deleting it returns to the default token, which pubmode never does itself);
a block in any other shape was written by hand and is left without a word."""
from __future__ import annotations

import pytest

from conftest import WORKFLOW, Repo


@pytest.mark.parametrize("block, noted", [
    ("      contents: write\n      id-token: write\n", True),  # what to-oidc writes for a job that pushes
    ("      id-token: write\n      contents: write\n", False),  # pdm-project/pdm, samuelcolvin/watchfiles: by hand
])
def test_to_token_names_a_block_to_oidc_may_have_written(repo: Repo, block: str, noted: bool) -> None:
    repo.write(WORKFLOW, ("""on: push
jobs:
  release:
    runs-on: ubuntu-latest
    environment: pypi
    permissions:
""" + block + """    steps:
      - uses: actions/checkout@v4
      - run: git push origin HEAD
      - uses: pypa/gh-action-pypi-publish@release/v1
""").encode())
    out = repo.migrate("to-token")
    assert out.code == 0, out.stderr
    assert ("keeps its permissions block" in out.stderr) is noted
