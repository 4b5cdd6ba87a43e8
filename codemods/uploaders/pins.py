"""Version pins of an uploader too old for Trusted Publishing (`twine==5.1.1`, `pdm<2.6`,
`twine>=4,<6`), and the pin that replaces each: one reading for `to-oidc` (which raises them) and
`doctor` (which warns). The text may be shell, a requirements file, a tox `deps` value or a TOML
string: only the requirement itself is read and replaced."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator, List, Optional, Tuple

from codemods.uploaders.spec import Uploader

_ITEM = re.compile(r"(===|==|~=|<=|<|>=|>|!=)[ \t]*([0-9]+(?:\.[0-9]+)*(?:\.\*|(?:[.-]?(?:a|b|rc|post|dev)[0-9]*)*))",
                   re.I)


@dataclass(frozen=True)
class Pin:
    """Where a requirement on the tool stands in the text (its name, extras and version specifiers)."""

    _start: int
    _end: int
    text: str

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _: int = 0) -> str:
        return self.text


def _version(text: str) -> Tuple[int, ...]:
    parts = []
    for part in text.split("."):
        m = re.match(r"\d+", part)
        if not m:
            break
        parts.append(int(m.group()))
    return tuple(parts)


def _raised(op: str, version: str, minimum: Tuple[int, ...]) -> Optional[str]:
    """The specifier that replaces `op version` ("" to drop it); None when it allows `minimum`."""
    shown = ".".join(map(str, minimum))
    v = _version(version)
    if op in ("==", "==="):
        if version.endswith(".*"):
            return None if minimum[:len(v)] == v else f"{op}{shown}"
        return f"{op}{shown}" if v < minimum else None
    if op == "~=":  # ~=5.1 is >=5.1,==5.*: it allows the minimum only below the next release of its prefix
        upper = v[:-2] + (v[-2] + 1,) if len(v) >= 2 else v
        return f"~={shown}" if v < minimum and minimum >= upper else None
    if op == "<":
        return "" if v <= minimum else None
    if op == "<=":
        return "" if v < minimum else None
    return None  # >=, >, != never keep the minimum out on their own


def too_old_pins(up: Uploader, script: str, minimum: Optional[Tuple[int, ...]] = None) -> Iterator[Tuple[Pin, str]]:
    """(the pin, its replacement) for each requirement on the tool in `script` that keeps out the first
    version with Trusted Publishing (`minimum` when given: GitLab's). `==`/`~=` move to that version; an
    upper bound below it goes."""
    tp = up.trusted
    if not tp or not (minimum or tp.min_version) or not tp.package:
        return
    pattern = re.compile(rf"(?<![\w.-]){re.escape(tp.package)}(?![\w.-])(\[[^\]\s]*\])?[ \t]*"
                         r"(?=(?:===|==|~=|<=|<|>=|>|!=))", re.I)
    for m in pattern.finditer(script):
        items: List[Tuple[str, str]] = []
        end = pos = m.end()
        while True:
            item = _ITEM.match(script, pos)
            if not item:
                break
            items.append((item.group(1), item.group(2)))
            end = item.end()
            sep = re.match(r"[ \t]*,[ \t]*", script[end:])
            if not sep:
                break
            pos = end + sep.end()
        if not items:
            continue
        new = [_raised(op, v, minimum or tp.min_version) for op, v in items]
        if all(n is None for n in new):
            continue
        kept = [f"{op}{v}" if n is None else n for (op, v), n in zip(items, new)]
        name = script[m.start():m.start() + len(tp.package)] + (m.group(1) or "")
        yield Pin(m.start(), end, script[m.start():end]), name + ",".join(k for k in kept if k)
