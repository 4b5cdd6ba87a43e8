"""Edits as data: what a migration wants changed, addressed by path, independent of the text.

The same list is rendered into text by `splice` and applied to the plain data by `apply_to_data`,
and verification checks that the two agree.
"""
from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any, Dict, List, Tuple, Union

from codemods.engine.document import YamlPath


@dataclass(frozen=True)
class Remove:
    """Delete the mapping entry at `path` (with its same-line comment), or the list item when the
    path ends with an index (its lines go, comments inside it too)."""

    path: YamlPath


@dataclass(frozen=True)
class Set:
    """Give the entry at `path` this value, adding the key when absent; a path ending with an index
    replaces that list item by a mapping (a step becoming another step in the same place).

    A new key goes after the first existing sibling named in `after`, else after the last one.
    """

    path: YamlPath
    value: Any
    after: Tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class Commented:
    """A scalar of a new value written with a same-line comment (`uses: x@<sha>  # v4.2.1`); the data
    holds `value` alone."""

    value: Any
    comment: str
    gap: str = "  "  # what goes between the value and `#` (a file's own spacing)


def plain(value: Any) -> Any:
    """A new value as the data will hold it: without its comments."""
    if isinstance(value, Commented):
        return value.value
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


@dataclass(frozen=True)
class Replace:
    """Replace `value[start:end]` of the string at `path` with `new` (offsets into the value, so a
    flag can be cut out of a `run:` script without rewriting the script)."""

    path: YamlPath
    start: int
    end: int
    new: str


@dataclass(frozen=True)
class Insert:
    """Insert `value` into the sequence at `path` so that it becomes item `index` (a new step)."""

    path: YamlPath
    index: int
    value: Any


@dataclass(frozen=True)
class Rekey:
    """Replace the entry at `path` by `new_key: value` in the same place (a `run:` step becoming a
    `uses:` step keeps its position, even as the first key of a list item)."""

    path: YamlPath
    new_key: str
    value: Any


Edit = Union[Remove, Set, Replace, Insert, Rekey]


def _get(data: Any, path: YamlPath) -> Any:
    for key in path:
        data = data[key]
    return data


def _removes_item(e: Edit) -> bool:
    return isinstance(e, Remove) and bool(e.path) and isinstance(e.path[-1], int)


def apply_to_data(data: Any, edits: List[Edit]) -> Any:
    """The plain data the edited text must load as.

    Every path is one of the original text, as in the splices: new and removed list items change the
    lists last, each list rebuilt from its original positions (deepest lists first).
    """
    data = copy.deepcopy(data)
    edits = normalise(edits)
    replaces = sorted((e for e in edits if isinstance(e, Replace)), key=lambda e: (e.path, -e.start))
    for e in replaces:
        parent = _get(data, e.path[:-1])
        value = parent[e.path[-1]]
        parent[e.path[-1]] = value[: e.start] + e.new + value[e.end :]
    lists: Dict[YamlPath, List[Edit]] = {}
    for e in edits:
        if isinstance(e, Replace):
            continue
        if isinstance(e, Insert):
            lists.setdefault(e.path, []).append(e)
            continue
        if _removes_item(e):
            lists.setdefault(e.path[:-1], []).append(e)
            continue
        parent = _get(data, e.path[:-1])
        if isinstance(e, Rekey):
            del parent[e.path[-1]]
            parent[e.new_key] = plain(copy.deepcopy(e.value))
        elif isinstance(e, Remove):
            del parent[e.path[-1]]
        else:
            parent[e.path[-1]] = plain(copy.deepcopy(e.value))
    for path in sorted(lists, key=len, reverse=True):
        seq = _get(data, path)
        removed = {e.path[-1] for e in lists[path] if isinstance(e, Remove)}
        before: Dict[int, List[Any]] = {}
        for e in lists[path]:
            if isinstance(e, Insert):
                before.setdefault(e.index, []).append(plain(copy.deepcopy(e.value)))
        rebuilt: List[Any] = []
        for i in range(len(seq) + 1):
            rebuilt += before.get(i, [])
            if i < len(seq) and i not in removed:
                rebuilt.append(seq[i])
        seq[:] = rebuilt
    return data


def normalise(edits: List[Edit]) -> List[Edit]:
    """Drop edits made moot by the removal of an enclosing entry, and exact repeats.

    Linear in the number of edits (a workflow may have thousands of jobs): enclosing removals are
    looked up by prefix, repeats only among the edits of the same path.
    """
    removed = {e.path for e in edits if isinstance(e, Remove)}
    out: List[Edit] = []
    same_path: Dict[YamlPath, List[Edit]] = {}
    for e in edits:
        if any(e.path[:n] in removed for n in range(len(e.path))):
            continue
        kept = same_path.setdefault(e.path, [])
        if e not in kept:
            kept.append(e)
            out.append(e)
    return out
