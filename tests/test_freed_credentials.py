"""A credential option cut from a followed script must not leave the secret that fed it behind, still passed
by the step: through the script's own assignment (Safetorun/PromptDefender-py's `PASSWORD=$PYPI_PASSWORD`, then
`--password $PASSWORD`) or as the script's argument (Simon-Bertrand/KerPy's `./scripts/publish.sh ${{ secrets.X }}`,
then `-p $1`). Such a step is left to change by hand, with the line; the near misses convert."""
from __future__ import annotations

import os

import pytest

from conftest import WORKFLOW, Repo

STEP = """on:
  push:
    tags: ["*"]
jobs:
  release:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: {run}
{env}"""
ENV = "        env:\n          PYPI_PASSWORD: ${{ secrets.PYPI_PASSWORD }}\n"


def _write(repo: Repo, run: str, script: str, env: str = ENV) -> None:
    repo.write(WORKFLOW, STEP.format(run=run, env=env).encode())
    repo.write("pyproject.toml", b"[project]\nname = 'widget'\n")
    os.chmod(repo.write("publish.sh", script.encode()), 0o755)


@pytest.mark.parametrize("run, script, env, said", [
    ("./publish.sh", 'PASSWORD=$PYPI_PASSWORD\ntwine upload -u __token__ -p "$PASSWORD" dist/*\n', ENV,
     "publish.sh: still reads `PYPI_PASSWORD` (line 1) after its credential options were removed"),
    ("./publish.sh", 'export PASS="${PYPI_PASSWORD}"\nP2=$PASS\ntwine upload -u __token__ -p "$P2" dist/*\n', ENV,
     "publish.sh: still reads `PYPI_PASSWORD` (line 1)"),
    ("./publish.sh ${{ secrets.PYPI_PASS }}", 'twine upload -u __token__ -p $1 dist/*\n', "",
     "publish.sh: its credential option reads an argument of its call, which passes `secrets.PYPI_PASS` (line 1 of "
     "the step's script): drop that argument from the call, then run again"),
])
def test_a_secret_left_feeding_nothing_is_a_change_by_hand(repo: Repo, run: str, script: str, env: str,
                                                         said: str) -> None:
    _write(repo, run, script, env)
    before = repo.read(), repo.read("publish.sh")
    out = repo.migrate("to-oidc")
    assert said in out.stderr and "runs an upload to change by hand" in out.stderr, out.stderr
    assert (repo.read(), repo.read("publish.sh")) == before


@pytest.mark.parametrize("run, script, env", [
    ("./publish.sh", 'twine upload -u __token__ -p "$PYPI_PASSWORD" dist/*\n', ENV),  # read directly: it goes
    # no secret argument; the index its argument names (`-r "$1"`, called with `pypi`)
    ("./publish.sh pypi", 'twine upload -r "$1" -u __token__ -p "$PYPI_PASSWORD" dist/*\n', ENV),
])
def test_a_secret_read_directly_converts(repo: Repo, run: str, script: str, env: str) -> None:
    _write(repo, run, script, env)
    out = repo.migrate("to-oidc")
    assert out.code == 0 and "change by hand" not in out.stderr, out.stderr
    assert b"PYPI_PASSWORD" not in repo.read() and b"-p" not in repo.read("publish.sh")
