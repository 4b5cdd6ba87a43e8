"""An all-repos autofixer (https://github.com/asottile/all-repos): every repository whose workflows
publish to PyPI with an API token gets a branch, and with a pull-request push a pull request, that moves
them to Trusted Publishing; the commit message, and so the pull request's body, carries the markdown
report (what changes and why, the publishers to register before merging, the diff).

    pip install '.[all-repos]'    # in a checkout of pubmode (pipx install '.[all-repos]' likewise)
    all-repos-clone -C all-repos.json
    pubmode-all-repos -C all-repos.json --dry-run    # commits in temporary clones, pushes nothing
    pubmode-all-repos -C all-repos.json              # one branch (pull request) per repository

It follows all_repos.autofix_lib: `find_repos(config)` picks the repositories, `apply_fix()` changes the
clone it runs in, `main(argv)` takes autofix_lib's options (`--dry-run`, `-i`, `-j`, `--limit`,
`--repos`, `--author`) and to-oidc's `--environment`, `--no-environment` and `--split-jobs`.
"""
from __future__ import annotations

import argparse
import functools
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Optional, Sequence, Set

if TYPE_CHECKING:
    from all_repos.config import Config

    from codemods.migrate import Options
    from codemods.runner import RunResult

MESSAGE = "Publish to PyPI with Trusted Publishing"
BRANCH = "pubmode-trusted-publishing"  # autofix_lib names it all-repos_autofix_pubmode-trusted-publishing
# GitHub refuses a pull request body over 65,536 characters; the subject and all-repos' line fit in the rest
BODY_LIMIT = 64 * 1024 - 1024
BODY_LIMIT_NAME = "GitHub's 65,536-character limit on a pull request's body"
REPORT = "pubmode-report.md"  # in the clone's git folder, for the commit-msg hook below
HOOK = """#!/bin/sh
# pubmode: the migration's report goes into the commit message (after its subject), and so into the
# pull request's body. Only for `git commit -m` (autofix_lib's commit), not a merge a push makes.
[ "$2" = message ] || exit 0
report="$(git rev-parse --git-dir)/{report}"
[ -f "$report" ] || exit 0
{{ head -n 1 "$1"; echo; cat "$report"; tail -n +2 "$1"; }} > "$1.pubmode" && mv "$1.pubmode" "$1"
"""


@dataclass(frozen=True)
class Settings:
    """to-oidc's options (picklable: autofix_lib runs `apply_fix` in worker processes with `-j`)."""

    environment: Optional[str] = None
    no_environment: bool = False
    split_jobs: bool = False

    def options(self) -> "Options":
        from codemods.environment import EnvironmentChoice
        from codemods.migrate import Options

        return Options("to-oidc", EnvironmentChoice(self.environment, self.no_environment), "PYPI_API_TOKEN",
                       "TEST_PYPI_API_TOKEN", self.split_jobs)


def plan(root: Path, settings: Settings) -> "Optional[RunResult]":
    """What `migrate to-oidc` would do in the repository at `root` (None: it has no workflows)."""
    from codemods.runner import run

    folder = root / ".github" / "workflows"
    if not folder.is_dir() or folder.is_symlink():
        return None
    return run([folder], settings.options(), root)


def publishes_with_a_token(root: Path, settings: Settings = Settings()) -> bool:
    """True when `to-oidc` would move a workflow of the repository at `root` to Trusted Publishing and
    PyPI can take a trusted publisher from it: a repository on another host than github.com (GitHub
    Enterprise Server, another forge) keeps its token, as `migrate to-oidc` says there."""
    from codemods.report import plan_next_steps

    result = plan(root, settings)
    if result is None or not any(f.changed and not f.error for f in result.files):
        return False
    return not plan_next_steps(result, settings.options()).elsewhere


def find_repos(config: "Config", settings: Settings = Settings()) -> Set[str]:
    """The all-repos checkouts (`all-repos-clone`) whose workflows publish to PyPI with a token."""
    paths = (os.path.join(config.output_dir, repo) for repo in config.get_cloned_repos())
    return {path for path in paths if publishes_with_a_token(Path(path), settings)}


def apply_fix(settings: Settings = Settings()) -> None:
    """`migrate to-oidc` in the clone autofix_lib runs this in, and its markdown report ready for the
    commit message (a prepare-commit-msg hook of that clone puts it there)."""
    from codemods.report_formats import markdown
    from codemods.write_phase import write_all

    root = Path.cwd()
    result = plan(root, settings)
    if result is None:
        return
    write_all(result.files)
    report = markdown(result, settings.options(), wrote=True, limit=BODY_LIMIT, limit_name=BODY_LIMIT_NAME)
    _report_in_commit_message(root, report)


def _report_in_commit_message(root: Path, report: str) -> None:
    """autofix_lib commits with `git commit -a -m MESSAGE`, the same message for every repository: a
    prepare-commit-msg hook in the clone (a temporary one, removed after the push) adds this
    repository's report. `-m` keeps the report's `#` headings unless commit.cleanup says otherwise:
    the clone says `whitespace`."""
    git_dir = Path(subprocess.run(["git", "rev-parse", "--absolute-git-dir"], cwd=root, check=True,
                                  capture_output=True, text=True).stdout.strip())
    (git_dir / REPORT).write_text(report, encoding="utf-8")
    hooks = git_dir / "pubmode-hooks"
    hooks.mkdir(exist_ok=True)
    hook = hooks / "prepare-commit-msg"
    hook.write_text(HOOK.format(report=REPORT), encoding="utf-8")
    hook.chmod(0o755)
    for key, value in (("core.hooksPath", str(hooks)), ("commit.cleanup", "whitespace")):
        subprocess.run(["git", "config", key, value], cwd=root, check=True)


def main(argv: Optional[Sequence[str]] = None) -> int:
    try:
        from all_repos import autofix_lib
    except ImportError:
        print("pubmode-all-repos needs all-repos: install pubmode with its all-repos extra "
              "(pip install '.[all-repos]' in its checkout)", file=sys.stderr)
        return 2
    parser = argparse.ArgumentParser(
        prog="pubmode-all-repos",
        description="Move the repositories whose workflows publish to PyPI with an API token to Trusted "
        "Publishing: one commit per repository, with the migration's report as its message.")
    autofix_lib.add_fixer_args(parser)
    parser.add_argument("--environment", metavar="NAME", help="environment for publishing jobs that have none "
                        "(default: pypi, or testpypi for TestPyPI)")
    parser.add_argument("--no-environment", action="store_true", help="add no environment")
    parser.add_argument("--split-jobs", action="store_true", help="as `migrate to-oidc --split-jobs`")
    args = parser.parse_args(argv)
    if args.environment and args.no_environment:
        parser.error("--environment and --no-environment exclude each other")
    settings = Settings(args.environment, args.no_environment, args.split_jobs)
    repos, config, commit, autofix_settings = autofix_lib.from_cli(
        args, find_repos=functools.partial(find_repos, settings=settings), msg=MESSAGE, branch_name=BRANCH)
    autofix_lib.fix(repos, apply_fix=functools.partial(apply_fix, settings), config=config, commit=commit,
                    autofix_settings=autofix_settings)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
