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


def test_workflows_in_a_subfolder_of_github_workflows_are_not_workflows(repo: Repo) -> None:
    """GitHub runs only the files directly in .github/workflows: an `old/` folder beside them is not
    migrated, and no publisher is asked for it."""
    repo.write(WORKFLOW, TOKEN_WORKFLOW)
    repo.write(".github/workflows/old/release.yml", TOKEN_WORKFLOW)
    out = repo.migrate("to-oidc", "--check")
    assert out.code == 1 and "old/release.yml" not in out.stderr and WORKFLOW in out.stderr, out.stderr


def test_a_link_that_leads_nowhere_says_so(repo: Repo) -> None:
    repo.write(WORKFLOW, TOKEN_WORKFLOW)
    os.symlink("missing.yml", repo.root / ".github/workflows/dangling.yml")
    os.symlink("loop-b.yml", repo.root / ".github/workflows/loop-a.yml")
    os.symlink("loop-a.yml", repo.root / ".github/workflows/loop-b.yml")
    out = repo.migrate("to-oidc")
    assert out.code == 2, out.stderr
    for name in ("dangling.yml", "loop-a.yml", "loop-b.yml"):
        assert any(name in line and "leads nowhere" in line for line in out.stderr.splitlines()), out.stderr
    assert b"id-token: write" in repo.read(WORKFLOW)  # the other file is still migrated


def test_a_script_linked_from_outside_the_repository_is_reported_not_silently_dropped(repo: Repo, tmp_path) -> None:
    outside = tmp_path / "elsewhere" / "release.sh"
    outside.parent.mkdir()
    outside.write_text("#!/bin/sh\ntwine upload -p \"$PYPI_TOKEN\" dist/*\n")
    os.symlink(outside, repo.root / "release.sh")
    repo.write(WORKFLOW, b"""on:
  push:
    tags: ['v*']
jobs:
  publish:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: ./release.sh
        env:
          PYPI_TOKEN: ${{ secrets.PYPI_TOKEN }}
""")
    out = repo.migrate("to-oidc")
    assert "release.sh is a link to a file outside the repository; not followed" in out.stderr, out.stderr
    assert b"PYPI_TOKEN" in repo.read(WORKFLOW) and outside.read_text().count("-p") == 1
