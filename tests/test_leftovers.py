"""What a killed run leaves, and folders that disappear during a run: cleaned, or one line, never a traceback."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from conftest import WORKFLOW, Repo
from test_cli import TOKEN_WORKFLOW
from test_write_phase import RUNS_SCRIPT, SCRIPT

OLD = time.time() - 3600


def _leftover(folder: Path, name: str, mtime: float = OLD, kind: str = "file") -> Path:
    path = folder / name
    if kind == "dir":
        path.mkdir()
    elif kind == "link":
        path.symlink_to(folder / "release.yml")
    else:
        path.write_bytes(b"half a workflow")
    os.utime(path, (mtime, mtime), follow_symlinks=False)
    return path


def test_stale_temporaries_of_a_killed_run_are_removed_only_ours(repo: Repo) -> None:
    repo.write(WORKFLOW, TOKEN_WORKFLOW)
    folder = repo.root / ".github/workflows"
    stale = [_leftover(folder, ".release.yml.a1b2c3d4.pubmode-tmp"), _leftover(folder, ".release.yml.zz_9zz_9.pubmode-tmp")]
    kept = [
        _leftover(folder, ".release.yml.a1b2c3d4.pubmode-tmp.bak"),  # not our suffix
        _leftover(folder, "release.yml.a1b2c3d4.pubmode-tmp"),  # not our prefix
        _leftover(folder, ".other.yml.a1b2c3d4.pubmode-tmp"),  # not next to a file we write
        _leftover(folder, ".release.yml.short.pubmode-tmp"),  # not mkstemp's name
        _leftover(folder, ".release.yml.n0wn0w00.pubmode-tmp", mtime=time.time() + 3600),  # not older than this run
        _leftover(folder, ".release.yml.d1r3ct0r.pubmode-tmp", kind="dir"),
        _leftover(folder, ".release.yml.l1nkl1nk.pubmode-tmp", kind="link"),
    ]
    out = repo.migrate("to-oidc")
    assert out.code == 0, out.stderr
    assert not any(os.path.lexists(p) for p in stale)
    assert all(os.path.lexists(p) for p in kept)
    assert b"id-token: write" in repo.read()


def test_a_deleted_current_folder_is_one_line(repo: Repo) -> None:
    gone = repo.root / "gone"
    gone.mkdir()
    migrate = Path(sys.executable).parent / "migrate"
    for command in ("to-oidc", "doctor"):
        gone.mkdir(exist_ok=True)
        out = subprocess.run(["sh", "-c", f'cd "{gone}" && rmdir "{gone}" && exec "{migrate}" {command}'],
                             capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL)
        assert out.returncode == 2 and "Traceback" not in out.stderr, out.stderr
        assert out.stderr.startswith("error: the current folder cannot be read"), out.stderr


def test_a_folder_deleted_before_it_is_read_is_one_line_and_the_others_are_done(repo: Repo, monkeypatch) -> None:
    import codemods.runner as runner

    repo.write(WORKFLOW, TOKEN_WORKFLOW)
    repo.write("sub/.github/workflows/other.yml", TOKEN_WORKFLOW)
    real = runner.read_workflow

    def deleting(path, root):
        if path.name == "other.yml":
            shutil.rmtree(repo.root / "sub")
        return real(path, root)

    monkeypatch.setattr(runner, "read_workflow", deleting)
    out = repo.migrate("to-oidc", "sub/.github/workflows", WORKFLOW)
    assert out.code == 2 and "Traceback" not in out.stderr and "internal error" not in out.stderr
    assert "error: sub/.github/workflows/other.yml: no such file" in out.stderr
    assert b"id-token: write" in repo.read()


def test_a_folder_that_cannot_be_listed_is_one_line(repo: Repo, monkeypatch) -> None:
    import codemods.workflow_files as workflow_files

    def vanished(folder):
        raise FileNotFoundError(2, "No such file or directory")

    monkeypatch.setattr(workflow_files, "_workflow_files", vanished)
    out = repo.migrate("to-oidc")
    assert out.code == 2 and "cannot list the folder: No such file or directory" in out.stderr


def test_a_folder_deleted_before_the_write_stops_its_workflow_only(repo: Repo, monkeypatch) -> None:
    import codemods.runner as runner

    repo.write(".github/workflows/a.yml", RUNS_SCRIPT.replace(b"./release.sh", b"./tools/release.sh"))
    os.chmod(repo.write("tools/release.sh", SCRIPT), 0o755)
    repo.write(WORKFLOW, TOKEN_WORKFLOW)
    real = runner.groups

    def deleting(files):
        result = real(files)
        shutil.rmtree(repo.root / "tools")
        return result

    monkeypatch.setattr(runner, "groups", deleting)
    out = repo.migrate("to-oidc")
    assert out.code == 2 and "Traceback" not in out.stderr
    assert "error: .github/workflows/a.yml: release.sh no longer exists (deleted while pubmode was working)" in out.stderr
    assert repo.read(".github/workflows/a.yml") == RUNS_SCRIPT.replace(b"./release.sh", b"./tools/release.sh")
    assert b"id-token: write" in repo.read()
