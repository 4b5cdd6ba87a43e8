"""FIFOs, sockets and other non-regular files named like workflows or scripts: never read, never a hang.

The CLI runs in a subprocess with a `timeout`, so a read that blocks fails the test instead of
stopping the suite; `subprocess.run` kills the child when the timeout expires.
"""
from __future__ import annotations

import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import WORKFLOW, Repo
from test_cli import TOKEN_WORKFLOW

MIGRATE = str(Path(sys.executable).parent / "migrate")


def _cli(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([MIGRATE, *args], cwd=root, capture_output=True, text=True, timeout=60,
                          stdin=subprocess.DEVNULL)


def _fifo(path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("command", ["to-oidc", "doctor"])
def test_a_fifo_named_as_a_workflow_is_one_error_and_the_others_are_done(repo: Repo, command: str) -> None:
    _fifo(repo.root / ".github/workflows/fifo.yml")
    (repo.root / ".github/workflows/link.yml").symlink_to("fifo.yml")
    repo.write(WORKFLOW, TOKEN_WORKFLOW)
    out = _cli(repo.root, command, ".github/workflows/fifo.yml", ".github/workflows/link.yml", WORKFLOW)
    report = out.stdout + out.stderr
    assert out.returncode == 2 and "Traceback" not in report
    for name in ("fifo.yml", "link.yml"):
        lines = [ln for ln in report.splitlines() if ln.startswith(f"error: .github/workflows/{name}")]
        assert len(lines) == 1 and "a FIFO (named pipe), not a regular file" in lines[0], report
    assert ("id-token: write" in repo.read().decode()) == (command == "to-oidc")


def test_a_socket_named_as_a_workflow_is_one_error(repo: Repo) -> None:
    path = repo.root / ".github/workflows/sock.yml"
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
    except OSError:  # path too long for a socket address on this machine
        pytest.skip("cannot bind a Unix socket here")
    try:
        out = _cli(repo.root, "to-oidc", ".github/workflows/sock.yml")
    finally:
        server.close()
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "error: .github/workflows/sock.yml: cannot read" in out.stderr


def test_a_folder_with_a_fifo_among_its_workflows_does_not_block(repo: Repo) -> None:
    _fifo(repo.root / ".github/workflows/fifo.yml")
    repo.write(WORKFLOW, TOKEN_WORKFLOW)
    out = _cli(repo.root, "to-oidc")
    assert "Traceback" not in out.stderr and b"id-token: write" in repo.read()


@pytest.mark.parametrize("name, step", [
    ("release.sh", "./release.sh"),
    ("tox.ini", "tox -e release"),
    ("Makefile", "make release"),
    ("setup.py", "python setup.py upload"),
    ("pyproject.toml", "pdm run release"),
])
def test_a_followed_file_that_is_a_fifo_does_not_block(repo: Repo, name: str, step: str) -> None:
    _fifo(repo.root / name)
    repo.write(WORKFLOW, f"on: push\njobs:\n  p:\n    runs-on: ubuntu-latest\n    steps:\n      - run: {step}\n"
               "        env:\n          TWINE_PASSWORD: ${{ secrets.PYPI_API_TOKEN }}\n".encode())
    for command in ("to-oidc", "doctor"):
        out = _cli(repo.root, command)
        assert "Traceback" not in out.stdout + out.stderr, out.stderr
