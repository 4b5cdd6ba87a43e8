"""The hooks of .pre-commit-hooks.yaml, run by the real pre-commit (`pre-commit try-repo`) on a
temporary repository holding a token workflow. pre-commit pip-installs this package (from a git
repository of its files, as it would from GitHub) into a virtual environment of its own."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import Repo, TOKEN_WORKFLOW, WORKFLOW

pytest.importorskip("pre_commit", reason="pre-commit not installed: pip install -e '.[test]'")

ROOT = Path(__file__).resolve().parent.parent
# the token workflow with its build in another job (downloaded here): once converted, the doctor has nothing to say
TOKEN = TOKEN_WORKFLOW.replace(b"      - run: pipx run build\n", b"      - uses: actions/download-artifact@v4\n"
                               b"        with:\n          name: dist\n          path: dist/\n")
GIT = ["git", "-c", "user.name=pubmode tests", "-c", "user.email=tests@example.invalid", "-c", "commit.gpgsign=false"]


@pytest.fixture(scope="module")
def hooks_repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This package's files and .pre-commit-hooks.yaml, committed in a git repository of their own."""
    repo = tmp_path_factory.mktemp("hooks")
    for name in ("cli.py", "pyproject.toml", "README.md", ".pre-commit-hooks.yaml"):
        shutil.copy(ROOT / name, repo / name)
    shutil.copytree(ROOT / "codemods", repo / "codemods", ignore=shutil.ignore_patterns("__pycache__"))
    subprocess.run(["git", "init", "-q", str(repo)], check=True)
    subprocess.run(GIT + ["-C", str(repo), "add", "-A"], check=True)
    subprocess.run(GIT + ["-C", str(repo), "commit", "-q", "-m", "hooks"], check=True)
    return repo


def try_repo(hooks: Path, cwd: Path) -> subprocess.CompletedProcess:
    """Every hook of the repository, in one run: try-repo makes the hooks' environment anew each time."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PRE_COMMIT", "GIT_", "VIRTUAL_ENV"))}
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(hooks), "--all-files", "--color=never"],
                          cwd=cwd, env=env, capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=600)


def _result(output: str, hook: str) -> str:
    """Passed, Failed or Skipped, from the hook's line of pre-commit's output."""
    line = next(line for line in output.splitlines() if line.startswith(hook))
    return line.rsplit(".", 1)[-1].replace("(no files to check)", "")


def test_check_fails_fix_fixes_then_every_hook_passes(hooks_repo: Path, tmp_path: Path) -> None:
    repo = Repo(tmp_path / "repo")
    repo.write(WORKFLOW, TOKEN)
    # GitHub runs neither of these: the hooks are not given them
    repo.write("ci/release.yml", TOKEN)
    repo.write(".github/workflows/templates/release.yml", TOKEN)
    subprocess.run(GIT + ["-C", str(repo.root), "add", "-A"], check=True)

    # try-repo runs the hooks by id: pubmode-check and pubmode-doctor see the token, pubmode-fix rewrites it
    first = try_repo(hooks_repo, repo.root)
    out = first.stdout
    assert first.returncode == 1, out + first.stderr
    names = ("no PyPI upload with an API token", "PyPI publishing setup", "move PyPI uploads to Trusted Publishing")
    assert [_result(out, name) for name in names] == ["Failed"] * 3, out
    assert "title=" not in out and "token-publishing" in out
    assert "1 file would change, 0 unchanged" in out  # the check, given the one workflow
    assert "files were modified by this hook" in out
    fixed = repo.read()
    assert b"secrets.PYPI_API_TOKEN" not in fixed and b"id-token: write" in fixed
    assert repo.read("ci/release.yml") == repo.read(".github/workflows/templates/release.yml") == TOKEN

    subprocess.run(GIT + ["-C", str(repo.root), "add", "-A"], check=True)
    second = try_repo(hooks_repo, repo.root)
    assert second.returncode == 0, second.stdout + second.stderr
    assert [_result(second.stdout, name) for name in names] == ["Passed"] * 3
    assert repo.read() == fixed
