"""Where a repository's own documents tell people to run a followed script by hand.

A script whose upload moved to the workflow's action step only builds afterwards: anyone who runs it by
hand, as groq/groq-python's CONTRIBUTING.md says to (`bin/publish-pypi` with a `PYPI_TOKEN`), publishes
nothing. Only the few files such instructions live in are read (README and CONTRIBUTING, at the root,
in .github/ or docs/), never the whole tree.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import List

from codemods.engine.file_edit import Target
from codemods.engine.reading import text_or_none

FOLDERS = ("", ".github", "docs")
NAMES = re.compile(r"(?i)(readme|contributing|releasing|release)(\.(md|rst|txt))?")


def documented_at(root: Path, target: Target) -> List[str]:
    """`CONTRIBUTING.md:126` for each document line naming a script by its path from the root (a Makefile
    or tox.ini is named for much else: not looked up)."""
    if target.kind not in ("script", "python"):
        return []
    try:
        rel = target.path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return []
    named = re.compile(rf"(?<![\w./-])(?:\./)?{re.escape(rel)}(?![\w-])")
    out = []
    for folder in FOLDERS:
        base = root / folder
        if not base.is_dir():
            continue
        for doc in sorted(p for p in base.iterdir() if p.is_file() and NAMES.fullmatch(p.name)):
            text = text_or_none(doc) or ""
            out += [f"{doc.relative_to(root).as_posix()}:{n}" for n, line in enumerate(text.splitlines(), 1)
                    if named.search(line)]
    return out


# commands that change nothing a release leaves behind: a script of only these does nothing
_IDLE = {"set", "shopt", "echo", "printf", "true", ":", "cd", "pushd", "popd", "export", "trap", "umask"}


def run_by_hand_warning(root: Path, target: Target, label: str, new_text: str = "") -> str:
    """The warning for a file that no longer uploads: where the documents name it, when they do, and
    whether it still builds (YuviGold/mercado's hack/deploy.sh was `set -o …` lines and `poetry publish`)."""
    where = documented_at(root, target)
    said = f" ({', '.join(where[:3])} names it)" if where else ""
    what = f"`{label}`" + (f" (`{target.name}`)" if target.name else "")
    if target.kind == "script" and _idle(new_text):
        return (f"{what} no longer uploads, the workflow's new step does: it now runs nothing but shell settings "
                f"and messages; run by hand outside this workflow{said}, it releases nothing (remove it, or update "
                "any instructions that say to run it)")
    return (f"{what} no longer uploads, the workflow's new step does: run by hand outside this workflow{said}, "
            "it now only builds; a manual release needs its own upload (update any instructions that say otherwise)")


def _idle(script: str) -> bool:
    """Every command of the script is a shell setting, a message or an assignment."""
    from codemods.shell import commands

    for cmd in commands(script):
        words = [w.value for w in cmd.words if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*=.*", w.value, re.S)] \
            if cmd.words else []
        if words and words[0] not in _IDLE:
            return False
    return True
