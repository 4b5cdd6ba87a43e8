"""The repository around a workflow: its root, its GitHub owner/name, its Python project name."""
from __future__ import annotations

import configparser
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from codemods.engine.reading import read_regular_text

OWNER_PLACEHOLDER, REPO_PLACEHOLDER = "<owner>", "<repository>"
REMOTE = re.compile(r"github\.com[:/]+(?P<owner>[^/\s]+)/(?P<repo>[^/\s]+?)(?:\.git)?/?$")


@dataclass(frozen=True)
class Repository:
    root: Path
    owner: Optional[str]
    name: Optional[str]
    project: Optional[str]

    @property
    def owner_or_placeholder(self) -> str:
        return self.owner or OWNER_PLACEHOLDER

    @property
    def name_or_placeholder(self) -> str:
        return self.name or REPO_PLACEHOLDER


def find_root(start: Path) -> Optional[Path]:
    """The nearest folder at or above `start` that holds `.git`."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / ".git").exists():
            return folder
    return None


def root_for(path: Path) -> Path:
    """The repository root for a workflow file: the folder holding its `.github/workflows`, else git's,
    else the file's own folder."""
    here = Path(os.path.abspath(path))  # the link's own place, not its target's
    if here.parent.name == "workflows" and here.parent.parent.name == ".github":
        return here.parent.parent.parent.resolve()
    for folder in here.parents:  # the folders as written: a linked one must not move the root outside
        if (folder / ".git").exists():
            return folder.resolve()
    return here.parent.resolve()


def leads_outside(path: Path, root: Path) -> bool:
    """True when `path`, with every link on the way resolved (its own, a linked `.github` or
    `.github/workflows`), is not inside `root`: such a path is never read as a workflow nor written."""
    real, top = Path(os.path.realpath(path)), root.resolve()
    return real != top and top not in real.parents


def workflows_folder(start: Path) -> Optional[Path]:
    """`.github/workflows` of the nearest folder at or above `start` that has one, stopping at git's root."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / ".github" / "workflows").is_dir():
            return folder / ".github" / "workflows"
        if (folder / ".git").exists():
            return None
    return None


def github_remote(root: Path) -> tuple:
    """(owner, name) of the `origin` remote (https or ssh form), or (None, None)."""
    try:
        out = subprocess.run(["git", "-C", str(root), "remote", "get-url", "origin"],
                             capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None, None
    m = REMOTE.search(out.stdout.strip()) if out.returncode == 0 else None
    return (m.group("owner"), m.group("repo")) if m else (None, None)


def project_name(root: Path) -> Optional[str]:
    """The distribution name from pyproject.toml ([project] or [tool.poetry]) or setup.cfg."""
    pyproject = root / "pyproject.toml"
    if pyproject.is_file():
        if sys.version_info >= (3, 11):
            import tomllib
        else:  # pragma: no cover - exercised on old Pythons only
            import tomli as tomllib
        try:
            data = tomllib.loads(read_regular_text(pyproject))
        except (ValueError, OSError, UnicodeDecodeError):
            data = {}
        name = (data.get("project") or {}).get("name") or ((data.get("tool") or {}).get("poetry") or {}).get("name")
        if isinstance(name, str) and name.strip():
            return name.strip()
    setup_cfg = root / "setup.cfg"
    if setup_cfg.is_file():
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read_string(read_regular_text(setup_cfg), str(setup_cfg))
            name = parser.get("metadata", "name", fallback=None)
        except (configparser.Error, OSError, UnicodeDecodeError):
            name = None
        if name and name.strip() and "%" not in name and "attr:" not in name:
            return name.strip()
    return None


_cache: dict = {}


def repository(root: Path) -> Repository:
    if root not in _cache:
        owner, name = github_remote(root)
        _cache[root] = Repository(root, owner, name, project_name(root))
    return _cache[root]
