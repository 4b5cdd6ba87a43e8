"""The all-repos autofixer (codemods/integrations/all_repos_autofix.py), against local git repositories
the test makes, as all-repos' own tests do: a json_file source listing them, all-repos-clone, then the
autofixer with the merge_to_master push, which merges each repository's branch into its main."""
from __future__ import annotations

import functools
import json
import pickle
import subprocess
from pathlib import Path
from typing import Dict

import pytest

from conftest import TOKEN_WORKFLOW as TOKEN

pytest.importorskip("all_repos", reason="all-repos not installed: pip install -e '.[test]'")

from all_repos import clone  # noqa: E402
from all_repos.config import load_config  # noqa: E402

from codemods.integrations import all_repos_autofix as autofix  # noqa: E402

CLEAN = b"""name: ci
on: push
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: echo hello
"""
REFUSED = TOKEN.replace(b"ubuntu-latest", b"macos-latest")
WORKFLOW = ".github/workflows/release.yml"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, text=True).stdout


def make_repo(path: Path, files: Dict[str, bytes]) -> Path:
    """As all-repos' testing.git.init_repo: a main branch that a push may update."""
    subprocess.run(["git", "init", "-q", "-b", "main", str(path)], check=True)
    git(path, "config", "receive.denyCurrentBranch", "updateInstead")
    for name, data in files.items():
        (path / name).parent.mkdir(parents=True, exist_ok=True)
        (path / name).write_bytes(data)
    (path / "README.md").write_text(f"{path.name}\n")
    git(path, "add", "-A")
    git(path, "commit", "-q", "-m", "init")
    return path


@pytest.fixture
def org(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Five repositories, cloned by all-repos-clone; returns the all-repos config file."""
    gitconfig = tmp_path / "gitconfig"
    gitconfig.write_text("[user]\n\tname = pubmode tests\n\temail = tests@example.invalid\n"
                         "[commit]\n\tgpgsign = false\n[init]\n\tdefaultBranch = main\n")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(gitconfig))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    for var in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"):
        monkeypatch.delenv(var, raising=False)
    remotes = tmp_path / "remotes"
    repos = {
        "token": make_repo(remotes / "token", {WORKFLOW: TOKEN, "pyproject.toml": b'[project]\nname = "tok"\n'}),
        "clean": make_repo(remotes / "clean", {".github/workflows/ci.yml": CLEAN}),
        "refused": make_repo(remotes / "refused", {WORKFLOW: REFUSED}),
        "no-workflows": make_repo(remotes / "no-workflows", {}),
        "enterprise": make_repo(remotes / "enterprise", {WORKFLOW: TOKEN}),
    }
    (tmp_path / "repos.json").write_text(json.dumps({name: str(path) for name, path in repos.items()}))
    cfg = tmp_path / "all-repos.json"
    cfg.write_text(json.dumps({
        "output_dir": "output",
        "source": "all_repos.source.json_file",
        "source_settings": {"filename": str(tmp_path / "repos.json")},
        "push": "all_repos.push.merge_to_master",
        "push_settings": {},
    }))
    cfg.chmod(0o600)
    assert clone.main(("--config-filename", str(cfg))) == 0
    # on GitHub Enterprise Server: PyPI takes no trusted publisher from there
    git(tmp_path / "output" / "enterprise", "remote", "set-url", "origin", "git@github.example.com:org/enterprise.git")
    return cfg


def test_find_repos_picks_the_token_publishers(org: Path) -> None:
    config = load_config(str(org))
    assert autofix.find_repos(config) == {str(org.parent / "output" / "token")}


def test_main_commits_the_migration_with_its_report(org: Path, capsys: pytest.CaptureFixture) -> None:
    remotes = org.parent / "remotes"
    before = {name: git(remotes / name, "rev-parse", "HEAD") for name in ("clean", "refused", "enterprise")}
    assert autofix.main(("--config-filename", str(org))) == 0
    out = capsys.readouterr().out
    assert "Errored" not in out, out  # autofix_lib prints an exception and goes on

    token = remotes / "token"
    fixed = (token / WORKFLOW).read_bytes()
    assert b"secrets.PYPI_API_TOKEN" not in fixed and b"id-token: write" in fixed
    assert git(token, "status", "--porcelain") == ""
    # the branch's commit: what a pull-request push takes as the title (%s) and body (%b)
    commit = git(token, "log", "-1", "--format=%H", "HEAD^2").strip()
    assert git(token, "log", "-1", "--format=%s", commit).strip() == autofix.MESSAGE
    body = git(token, "log", "-1", "--format=%b", commit)
    assert body.startswith("## pubmode: `migrate to-oidc` (written)\n")
    for part in ("| `.github/workflows/release.yml` | `publish` |", "### Next steps", "```diff\n",
                 "-          password: ${{ secrets.PYPI_API_TOKEN }}", "| PyPI | `tok` |"):
        assert part in body
    assert body.rstrip().endswith("Committed via https://github.com/asottile/all-repos")
    # the merge the push made carries no report
    assert "## pubmode" not in git(token, "log", "-1", "--format=%B", "HEAD")

    assert {name: git(remotes / name, "rev-parse", "HEAD") for name in before} == before

    # once merged, nothing is left to do there
    assert autofix.publishes_with_a_token(token) is False


def test_dry_run_pushes_nothing(org: Path, capsys: pytest.CaptureFixture) -> None:
    token = org.parent / "remotes" / "token"
    head = git(token, "rev-parse", "HEAD")
    assert autofix.main(("--config-filename", str(org), "--dry-run", "--no-environment")) == 0
    out = capsys.readouterr().out
    assert "Errored" not in out and "git commit" in out
    assert git(token, "rev-parse", "HEAD") == head
    assert (token / WORKFLOW).read_bytes() == TOKEN


def test_a_long_report_fits_a_pull_request_body(org: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Many workflows: the diff is cut, with a note, so that the body stays under GitHub's limit."""
    repo = make_repo(tmp_path / "big", {f".github/workflows/release-{i}.yml": TOKEN.replace(b"release", f"r{i}".encode()
                                                                                         ) + b"#" * 900 + b"\n"
                                        for i in range(150)})
    monkeypatch.chdir(repo)
    autofix.apply_fix()
    report = (Path(git(repo, "rev-parse", "--absolute-git-dir").strip()) / autofix.REPORT).read_text()
    assert len(report) <= autofix.BODY_LIMIT
    assert "to stay under GitHub's 65,536-character limit on a pull request's body" in report
    assert "### Next steps" in report


def test_apply_fix_is_picklable_for_jobs() -> None:
    fix = functools.partial(autofix.apply_fix, autofix.Settings("release", False, True))
    assert pickle.loads(pickle.dumps(fix)).args == fix.args
