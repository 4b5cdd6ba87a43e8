"""The write phase of a run: all or nothing for workflows that share a followed file.

Workflows that run the same file (a script, tox.ini, a Makefile) form a group. The file is changed
once for the whole group, and only when every workflow wants the same new content; every file of
the group (workflows and the files they run) is checked, writable and unchanged on disk, before
any is written. Otherwise a workflow could be left half-migrated: its script edited, its token still
passed, or the reverse.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Dict, List, Optional, Tuple

from codemods.engine.file_edit import FileEdit
from codemods.engine.io import atomic_write, inside
from codemods.engine.reading import read_regular
from codemods.errors import InputError
from codemods.project import root_for

if TYPE_CHECKING:
    from codemods.runner import FileResult


@dataclass
class Group:
    """Workflows linked by the files they run, with one change per followed file (by real path)."""

    workflows: List["FileResult"] = field(default_factory=list)
    followed: Dict[str, FileEdit] = field(default_factory=dict)  # by real path


def groups(files: List["FileResult"]) -> List[Group]:
    """Split the run into groups and refuse those whose workflows want different contents for a file.

    A refused or failed member stops its whole group: the others would need the shared file changed.
    A file neither changed nor failed is in no group (there is nothing to write or to refuse).
    """
    parent: Dict[int, int] = {i: i for i in range(len(files))}

    def top(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first_user: Dict[str, int] = {}
    for i, f in enumerate(files):
        if not (f.changed or f.error):  # nothing to write and nothing to refuse: no group to be in
            continue
        # a workflow reached under two names (a link to another workflow of the run) is one file too
        for key in [os.path.realpath(f.path)] + [os.path.realpath(c.target.path) for c in f.companions]:
            if key in first_user:
                parent[top(i)] = top(first_user[key])
            else:
                first_user[key] = i
    by_top: Dict[int, Group] = {}
    for i, f in enumerate(files):
        if f.changed or f.error:
            by_top.setdefault(top(i), Group()).workflows.append(f)
    out = list(by_top.values())
    for g in out:
        _merge(g)
    return out


def _merge(group: Group) -> None:
    wants: Dict[str, List[Tuple["FileResult", FileEdit]]] = {}
    for f in group.workflows:
        for c in f.companions:
            wants.setdefault(os.path.realpath(c.target.path), []).append((f, c))
    for key, uses in wants.items():
        if len({(c.old_text, c.new_text) for _, c in uses}) > 1:
            names = ", ".join(dict.fromkeys(f.shown for f, _ in uses))
            _refuse(group, f"{getattr(uses[0][1], 'label', Path(key).name)} is run by {names}, which need different changes to it "
                           "(migrate them one at a time)")
            return
        group.followed[key] = uses[0][1]
    failed = [f for f in group.workflows if f.error]
    if failed and len(group.workflows) > 1:
        _refuse(group, f"it shares {_shared_names(group)} with {failed[0].shown}, which failed")


def refuse_shared_outside(file_groups: List[Group], others: List[Tuple[str, str, Path, Path]]) -> None:
    """to-oidc: a group that changes a followed file another workflow of the repository still uploads from
    with its token, and this run leaves as it is (Safetorun/PromptDefender-py: deploy.yml runs deploy.sh for
    TestPyPI, deploy-prod.yml for PyPI): the credentials cut for one, the other's upload would fail. Refused,
    with the workflows to migrate together. `others`: (shown name, text, path, root) of each such workflow."""
    from codemods.follow.indirect import changed_lines, token_lines

    users: Dict[str, List[Tuple[str, set]]] = {}
    for shown, text, path, root in others:
        for used, lines in token_lines(text, path, root).items():
            users.setdefault(os.path.realpath(used), []).append((shown, lines))
    for g in file_groups:
        shared = []
        for key, edit in g.followed.items():
            ours = changed_lines(edit.old_text, edit.new_text)
            names = [shown for shown, lines in users.get(key, ()) if lines & ours]  # the same lines (one Makefile,
            if names:                                                                # two targets: not shared)
                shared.append((key, names))
        if shared and not any(f.error for f in g.workflows):
            key, names = shared[0]
            _refuse(g, f"{getattr(g.followed[key], 'label', Path(key).name)} is also run by {', '.join(names)}, "
                       "which uploads with its token through it and is not converted in this run: its upload would "
                       "lose its credentials; migrate them together (name every workflow that runs it)")


def _shared_names(group: Group) -> str:
    counts: Dict[str, int] = {}
    for f in group.workflows:
        for c in f.companions:
            key = os.path.realpath(c.target.path)
            counts[key] = counts.get(key, 0) + 1
    return ", ".join(Path(k).name for k, n in counts.items() if n > 1) or "a file"


def _refuse(group: Group, why: str) -> None:
    for f in group.workflows:
        if not f.error:
            f.error = f"{f.shown}: {why}; none of them was changed" if len(group.workflows) > 1 else f"{f.shown}: {why}"


def problem(path: Path, expected: bytes) -> Optional[str]:
    """Why `path` cannot be replaced now (None when it can): gone, read-only, its folder read-only, changed."""
    target = os.path.realpath(path)
    try:
        st = os.stat(target)
        current = read_regular(Path(target))[0]
    except FileNotFoundError:
        return f"{path.name} no longer exists (deleted while pubmode was working)"
    except OSError as e:
        return f"{path.name} cannot be read back: {e.strerror or e}"
    if not os.access(target, os.W_OK) or not st.st_mode & 0o222:  # the mode too: root may write anything
        return f"{path.name} is read-only"
    if not os.access(os.path.dirname(target), os.W_OK | os.X_OK):
        return f"the folder of {path.name} is not writable (a temporary file is written next to it)"
    if current != expected:
        return f"{path.name} changed on disk while pubmode was working"
    return None


def _one_entry_per_file(plan: list) -> Tuple[list, Optional[str]]:
    """The plan with one entry per real file: a workflow and a link to it (both in the run) are written
    once. Two entries for one file that want different contents are a clash (the reason, else None)."""
    seen: Dict[str, tuple] = {}
    out = []
    for entry in plan:
        key = os.path.realpath(entry[0])
        first = seen.setdefault(key, entry)
        if first is entry:
            out.append(entry)
        elif (first[1], first[2]) != (entry[1], entry[2]):
            return out, (f"{first[0].name} and {entry[0].name} are one file (through a link) and would need "
                         "different changes (migrate one of them)")
    return out, None


def _leads_outside(path: Path, root: Path) -> Optional[str]:
    """Why `path` must not be written: it now leads out of the repository (a link put in its place, or in
    the place of a folder on its way, since it was read)."""
    if inside(Path(os.path.realpath(path)), root):
        return None
    return f"{path.name} now leads outside the repository (replaced by a link since it was read); not written"


def write_all(files: List["FileResult"]) -> None:
    """Check every file of the run, then write the groups whose files all passed; the workflows of the
    other groups get one error line each."""
    ready = []
    for group in groups(files):
        workflows = [f for f in group.workflows if f.changed and not f.error]
        if not workflows or any(f.error for f in group.workflows):
            continue
        root = root_for(group.workflows[0].path)
        plan = [(c.target.path, c.new_text.encode("utf-8"), c.old_text.encode("utf-8"), None, root)
                for c in group.followed.values()]
        plan += [(f.path, f.old.encode(f.new_text), f.old.raw, f.old.mode, root_for(f.path))
                 for f in workflows if f.new_text is not None]
        plan, clash = _one_entry_per_file(plan)
        problems = [clash] if clash else []
        problems += [p for p in (_leads_outside(path, r) for path, _, _, _, r in plan) if p]
        problems += [p for p in (problem(path, old) for path, _, old, _, _ in plan) if p]
        if problems:
            shared = f" ({', '.join(Path(f.shown).name for f in workflows)} run {_shared_names(group)})" \
                if len(workflows) > 1 else ""
            _refuse_all(workflows, f"{problems[0]}; nothing was changed{shared}")
        else:
            ready.append((workflows, plan))
    for workflows, plan in ready:
        for n, (path, new, old, mode, root) in enumerate(plan):
            try:
                atomic_write(path, new, old, os.stat(path).st_mode if mode is None else mode, root)
            except (InputError, OSError) as e:  # after the checks: a full disk, a race
                why = getattr(e, "message", None) or getattr(e, "strerror", None) or e
                done = ", ".join(p.name for p, _, _, _, _ in plan[:n])
                _refuse_all(workflows, f"{path.name}: {why}; " + (f"already written: {done}" if done else
                                                                   "nothing was changed"))
                break


def _refuse_all(workflows: List["FileResult"], why: str) -> None:
    for f in workflows:
        f.error = f"{f.shown}: {why}"
