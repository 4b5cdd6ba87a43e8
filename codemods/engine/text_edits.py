"""The one applier of character edits for files that are not YAML (scripts, Makefiles, tox, TOML,
Python strings): `(start, end, new text)` splices, made all at once on the original offsets, and
refused as a whole when two of them touch the same characters (none is silently skipped). What the
result means is then checked by the file kind's own reader (`follow/ini_check.py` for tox.ini,
`follow/toml_check.py` for TOML, the shell words in `follow/shell_text.py`, `ast` for Python)."""
from __future__ import annotations

from typing import List, Tuple

Splice = Tuple[int, int, str]


class OverlappingEdits(ValueError):
    """Two edits of one file touch the same characters: applying both would be a guess."""


def apply(text: str, splices: List[Splice]) -> str:
    """The text with the splices made; OverlappingEdits when two of them overlap (none is skipped).
    Insertions at one point go in the order given (an upload's flag before a key added after it)."""
    out, pos = [], 0
    for s, e, new in sorted(splices, key=lambda sp: sp[:2]):
        if s < pos:
            raise OverlappingEdits(f"line {text.count(chr(10), 0, s) + 1}: two edits of the same text overlap; "
                                   "change it by hand")
        out.append(text[pos:s])
        out.append(new)
        pos = e
    out.append(text[pos:])
    return "".join(out)
