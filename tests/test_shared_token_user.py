"""A workflow- or job-level `TWINE_USERNAME: __token__` read by several uploads is in no converted upload's way:
twine uses Trusted Publishing exactly when the user is `__token__` and no password is given (twine/auth.py).
gevent/gevent (ci.yml at 04752c48): two jobs' twine uploads each saw the other read it and both were refused
(the golden case workflow-env-token-user-two-jobs). It goes once every step that reads it converts; a step that
keeps its token keeps it, and that is said. Any other shared credential still blocks, as before."""
from __future__ import annotations

from conftest import WORKFLOW, Repo

HEAD = """on:
  push:
    tags: ["*"]
env:
  TWINE_USERNAME: {user}
jobs:
  pypi:
    runs-on: ubuntu-latest
    steps:
      - run: pip install build 'twine>=6.1' && python -m build
      - run: twine upload dist/*
        env:
          TWINE_PASSWORD: ${{{{ secrets.PYPI_TOKEN }}}}
  nexus:
    runs-on: ubuntu-latest
    steps:
      - run: pip install build twine && python -m build
      - run: twine upload --repository-url https://nexus.example.com/repository/pypi/ dist/*
        env:
          TWINE_PASSWORD: ${{{{ secrets.NEXUS_TOKEN }}}}
"""


def _write(repo: Repo, user: str) -> None:
    repo.write(WORKFLOW, HEAD.format(user=user).encode())
    repo.write("pyproject.toml", b"[project]\nname = 'widget'\n")


def test_a_shared_token_user_a_token_upload_still_reads_stays_and_is_said(repo: Repo) -> None:
    _write(repo, "__token__")
    out = repo.migrate("to-oidc")
    assert out.code == 0, out.stderr
    after = repo.read().decode()
    assert "  TWINE_USERNAME: __token__\n" in after
    assert "${{ secrets.PYPI_TOKEN }}" not in after and "${{ secrets.NEXUS_TOKEN }}" in after
    assert ("kept `TWINE_USERNAME: __token__` in the workflow's `env:`: job `nexus` step 2 (line 18) still reads "
            "it") in out.stderr, out.stderr
    assert "move it to the steps" not in out.stderr


def test_a_shared_user_that_is_not_the_token_user_still_blocks(repo: Repo) -> None:
    _write(repo, "${{ secrets.PYPI_USER }}")
    before = repo.read()
    out = repo.migrate("to-oidc")
    assert repo.read() == before
    assert "`TWINE_USERNAME` is set in the workflow's `env:` and also read by job `nexus`" in out.stderr, out.stderr
