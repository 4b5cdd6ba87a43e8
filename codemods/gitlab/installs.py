"""Where a GitLab job installs its uploader from, and the pins there too old for Trusted Publishing on
GitLab (twine 6.1, uv 0.8.18, pdm 2.23.1: the first versions that read `PYPI_ID_TOKEN`).

The reading and the edits are the GitHub path's (`codemods.follow.installs`): requirements and
constraints files a `pip install -r` of the job names, the extras and dependency groups of the local
project (`pip install .[release]`, `uv sync --group release`), lock files, and the `deps` (with
`-r` files, extras, dependency groups) of the tox env that uploads. Only the minimum differs: the
uploader is seen with its GitLab version as its first version with Trusted Publishing.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Dict, Iterable, List, Optional

from codemods.follow.installs import PinChange, _followed, _Plan, isolated
from codemods.uploaders import registry
from codemods.uploaders.spec import Uploader


def on_gitlab(up: Uploader) -> Optional[Uploader]:
    """The uploader as GitLab sees it: its GitLab minimum as its first Trusted Publishing version (uv's
    package is `uv`); None when no pin of it can be read."""
    tp = up.trusted
    minimum = (tp.gitlab_min_version or tp.min_version) if tp else None
    if not tp or not minimum:
        return None
    package = tp.package or (up.tool if up.tool == "uv" else None)
    if not package:
        return None
    return dataclasses.replace(up, trusted=dataclasses.replace(tp, min_version=minimum, package=package))


def uploaders_of(uploads: Iterable, followed) -> List[Uploader]:
    """The uploaders the job runs in its own environment (not `uvx twine`) or through the files it runs."""
    found: Dict[str, Uploader] = {}
    for u in uploads:
        if not isolated(u.command):
            found.setdefault(u.uploader.name, u.uploader)
    for change in (followed.changes if followed is not None else ()):
        for up in registry.trusted_uploaders():
            if registry.runs(up, change.old_text):
                found.setdefault(up.name, up)
    return list(found.values())


def install_pins(root: Path, script: str, uploads: Iterable, followed) -> PinChange:
    """The pins the job's installs (its script, the files it runs) hold below the GitLab minimum, raised
    in the files that hold them (the job's own script lines are raised by the planner), or why not."""
    result = PinChange()
    current = {c.target.path: c.new_text for c in (followed.companions if followed is not None else ())}
    for up in uploaders_of(uploads, followed):
        seen = on_gitlab(up)
        if seen is None:
            continue
        plan = _Plan(root, current, seen)
        plan.shell(script, root)  # GitLab runs the script from the repository's root
        for change in (followed.changes if followed is not None else ()):
            _followed(plan, change.target, root)
        result.files += plan.result.files
        result.notes += plan.result.notes
        if plan.result.blocked:
            result.blocked = plan.result.blocked
            return result
    return result
