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


# ---- links and special files, as a table: one line for the file, the others done, nothing outside written
def _link(target: str):
    return lambda wf, outside: wf.symlink_to(target)


SHAPES = {
    # name: (make it in .github/workflows given its path and the folder outside, error expected, words of the line)
    "to-file-outside.yml": (lambda wf, out: wf.symlink_to(out / "outside.yml"), True, "outside the repository"),
    "to-folder-outside.yml": (lambda wf, out: wf.symlink_to(out / "folder.yml", target_is_directory=True), True,
                              "out"),
    "dangling-outside.yml": (lambda wf, out: wf.symlink_to(out / "gone.yml"), True, "outside the repository"),
    "dangling-inside.yml": (_link("gone.yml"), True, "leads nowhere"),
    "loop.yml": (_link("loop.yml"), True, "leads nowhere"),
    "folder.yml": (lambda wf, out: wf.mkdir(), None, "no workflow files"),  # an error only when named
    "hardlink-outside.yml": (lambda wf, out: os.link(out / "outside.yml", wf), False, ""),
    "link-to-release.yml": (_link("release.yml"), False, ""),
    "unreadable.yml": (lambda wf, out: (wf.write_bytes(TOKEN_WORKFLOW), os.chmod(wf, 0)), True, "Permission denied"),
}


def _snapshot(folder: Path) -> dict:
    return {p: (p.read_bytes() if p.is_file() and not p.is_symlink() else os.readlink(p) if p.is_symlink() else None)
            for p in sorted(folder.rglob("*"))}


@pytest.mark.parametrize("command", ["to-oidc", "doctor"])
@pytest.mark.parametrize("named", [True, False], ids=["named", "folder"])
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_links_and_special_files_are_one_line_each_and_nothing_outside_is_written(
        repo: Repo, tmp_path: Path, shape: str, named: bool, command: str) -> None:
    make, error, words = SHAPES[shape]
    if shape == "unreadable.yml" and os.geteuid() == 0:
        pytest.skip("root reads a file of mode 000")
    outside = tmp_path / "outside"
    (outside / "folder.yml").mkdir(parents=True)
    (outside / "outside.yml").write_bytes(TOKEN_WORKFLOW)
    (outside / "folder.yml" / "inner.yml").write_bytes(TOKEN_WORKFLOW)
    before = _snapshot(outside)
    make(repo.root / ".github/workflows" / shape, outside)
    repo.write(WORKFLOW, TOKEN_WORKFLOW)
    out = _cli(repo.root, command, *([f".github/workflows/{shape}", WORKFLOW] if named else []))
    report = out.stdout + out.stderr
    assert "Traceback" not in report and "internal error" not in report, report
    mine = [ln for ln in report.splitlines() if ln.startswith(f"error: .github/workflows/{shape}")]
    if error is None:  # a folder named like a workflow: an error when named, skipped when searched
        error = named
    assert len(mine) == (1 if error else 0), report
    assert words in (mine[0] if error else words), report
    assert [ln for ln in report.splitlines() if ln.startswith("error:")] == mine, report
    assert out.returncode == (2 if error else 1 if command == "doctor" else 0), report
    assert _snapshot(outside) == before
    if command == "to-oidc":
        assert b"id-token: write" in repo.read()  # the other file was still migrated


RUNS_SCRIPT = (b"on: push\njobs:\n  p:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./release.sh\n"
               b"        env:\n          PYPI_TOKEN: ${{ secrets.PYPI_TOKEN }}\n")
SCRIPT = b"#!/usr/bin/env bash\ntwine upload -u __token__ -p \"$PYPI_TOKEN\" dist/*\n"


@pytest.mark.parametrize("when", ["before the checks", "after the checks"])
@pytest.mark.parametrize("swapped", [WORKFLOW, "release.sh", ".github/workflows"])
def test_a_file_replaced_by_a_link_out_of_the_repository_after_it_was_read_is_not_written(
        repo: Repo, tmp_path: Path, monkeypatch, when: str, swapped: str) -> None:
    """Between reading and writing, a file (or the workflows folder) is replaced by a link to a copy
    outside with the same bytes: the write would go out of the repository, so nothing is written."""
    import shutil

    import codemods.write_phase as write_phase

    repo.write(WORKFLOW, RUNS_SCRIPT)
    os.chmod(repo.write("release.sh", SCRIPT), 0o755)
    outside = tmp_path / "outside" / Path(swapped).name
    outside.parent.mkdir()
    here = repo.root / swapped
    (shutil.copytree if here.is_dir() else shutil.copyfile)(here, outside)
    before = _snapshot(outside.parent)

    def swap() -> None:
        shutil.rmtree(here) if here.is_dir() and not here.is_symlink() else here.unlink()
        here.symlink_to(outside, target_is_directory=outside.is_dir())

    if when == "before the checks":
        real = write_phase.groups
        monkeypatch.setattr(write_phase, "groups", lambda files: (swap(), real(files))[1])
    else:
        real_write, done = write_phase.atomic_write, []
        monkeypatch.setattr(write_phase, "atomic_write",
                            lambda *args: (done or (swap(), done.append(1)), real_write(*args))[1])
    out = repo.migrate("to-oidc")
    assert out.code == 2 and "now leads outside the repository" in out.stderr, out.stderr
    assert _snapshot(outside.parent) == before


def test_doctor_of_a_reusable_workflow_with_a_fifo_beside_it_does_not_block(repo: Repo) -> None:
    """doctor looks for the workflows that call a reusable one: it reads the other *.yml beside it."""
    _fifo(repo.root / ".github/workflows/fifo.yml")
    repo.write(WORKFLOW, b"on:\n  workflow_call:\njobs:\n  publish:\n    runs-on: ubuntu-latest\n"
               b"    environment: pypi\n    permissions:\n      id-token: write\n    steps:\n"
               b"      - uses: pypa/gh-action-pypi-publish@release/v1\n")
    out = _cli(repo.root, "doctor", WORKFLOW)
    assert "Traceback" not in out.stdout + out.stderr and "reusable" in out.stdout, out.stdout
