"""Makefile recipes: where a target's commands are, and what of them the shell sees."""
from __future__ import annotations

import re
from typing import List, Set, Tuple

PREFIX = re.compile(r"\t[ \t@+-]*")  # a recipe line's tab and make's own prefixes


def recipe_regions(text: str, target: str, seen: Set[str]) -> List[Tuple[int, int, int]]:
    """(start, end, first line) of the recipe of `target` and of the targets it depends on."""
    if target in seen or len(seen) > 20:
        return []
    seen.add(target)
    m = re.search(rf"(?m)^{re.escape(target)}\s*:(?!=)([^\n]*)\n", text)
    if not m:
        return []
    start = m.end()
    end = start
    for line in text[start:].splitlines(True):
        if line.startswith("\t") or not line.strip():
            end += len(line)
        else:
            break
    regions = [(start, end, text.count("\n", 0, start) + 1)]
    for dep in m.group(1).split("#")[0].split():
        regions += recipe_regions(text, dep, seen)
    return regions


def shell_view(text: str) -> str:
    """The text with the `@`, `-` and `+` that start a recipe line blanked (same offsets): make reads
    them, the shell never sees them, so `@twine upload` is a twine command."""
    out, continued = [], False
    for line in text.splitlines(True):
        m = PREFIX.match(line)
        if m and not continued:
            line = re.sub(r"[@+-]", " ", m.group()) + line[m.end():]
        continued = line.rstrip("\r\n").endswith("\\")
        out.append(line)
    return "".join(out)
