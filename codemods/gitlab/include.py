"""The files a `.gitlab-ci.yml` includes from its own repository (`include: 'ci/release.yml'`,
`include: [{local: …}]`, nested includes of those), read and migrated each in its own file.

GitLab reads `local:` paths from the repository's root (a leading `/` changes nothing) and allows `*`
and `**` wildcards. `project:`, `remote:`, `template:` and `component:` come from elsewhere: they are
not in the repository, so they are reported as not followed. A job of an included file is edited in
that file, as one change per file (a companion of the top-level pipeline), checked with every other
file of the run before any is written; the trusted publisher PyPI matches is still the top-level
pipeline, `.gitlab-ci.yml`.
"""
from __future__ import annotations

import glob
import os
from pathlib import Path
from typing import Any, List, Optional, Tuple

MAX_FILES = 100  # GitLab's own limit on included files per pipeline is 150


def _entries(value: Any) -> List[Any]:
    if isinstance(value, (str, dict)):
        return [value]
    return list(value) if isinstance(value, list) else []


def _local_paths(pattern: str, root: Path) -> List[Path]:
    rel = pattern.strip().lstrip("/")
    if not rel or ".." in Path(rel).parts or "$" in rel:
        return []
    if "*" in rel:
        found = sorted(glob.glob(str(root / rel), recursive=True))
        return [Path(p) for p in found if p.endswith((".yml", ".yaml")) and os.path.isfile(p)]
    return [root / rel]


def includes(data: Any, root: Path) -> Tuple[List[Tuple[str, Path]], List[str]]:
    """The local files a pipeline's `include:` names ((as written, path)), and the others that may hold
    jobs, as written (`include: project: group/templates`): not in this repository (or not a file of it),
    so not read. GitLab's own `template:` includes are left out: they publish nothing to PyPI."""
    found: List[Tuple[str, Path]] = []
    notes: List[str] = []
    value = data.get("include") if isinstance(data, dict) else None
    for entry in _entries(value):
        if isinstance(entry, str):
            if entry.startswith(("http://", "https://")):
                notes.append(f"`include: {entry}`")
                continue
            local = entry
        elif isinstance(entry, dict) and isinstance(entry.get("local"), str):
            local = entry["local"]
        elif isinstance(entry, dict):
            kind = next((k for k in ("project", "remote", "template", "component") if k in entry), None)
            what = entry.get(kind) if kind else None
            if kind != "template":  # GitLab's own templates (SAST, …) publish nothing to PyPI
                notes.append(f"`include: {kind or 'entry'}: {what if isinstance(what, str) else '…'}`")
            continue
        else:
            continue
        paths = _local_paths(local, root)
        if not paths:
            notes.append(f"`include: {local}`")
        for path in paths:
            found.append((local, path))
    return found, notes


def included_files(data: Any, root: Path, top: Optional[Path] = None) -> Tuple[List[Path], List[str]]:
    """Every local file the pipeline includes, nested includes too (each once), and the notes on the rest."""
    out: List[Path] = []
    notes: List[str] = []
    seen = {os.path.realpath(top)} if top is not None else set()
    todo = [data]
    from codemods.gitlab.document import load_pipeline, _body
    from codemods.engine.reading import read_regular_text
    from codemods.errors import InputError

    while todo and len(out) < MAX_FILES:
        found, more = includes(todo.pop(0), root)
        notes += [n for n in more if n not in notes]  # one project's several files: named once
        for written, path in found:
            real = os.path.realpath(path)
            if real in seen:
                continue
            seen.add(real)
            if not path.is_file() or not real.startswith(os.path.realpath(root) + os.sep):
                notes.append(f"`include: {written}`")
                continue
            out.append(path)
            try:
                todo.append(_body(load_pipeline(read_regular_text(path), path), path))
            except (OSError, UnicodeDecodeError, InputError):
                pass  # said when the file itself is read
    return out, notes
