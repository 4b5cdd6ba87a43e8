"""The one applier of character edits for files that are not YAML (scripts, Makefiles, tox, TOML,
Python strings): `(start, end, new text)` splices, made all at once on the original offsets, and
refused as a whole when two of them touch the same characters (none is silently skipped). What the
result means is then checked by the file kind's own `Meaning` (`apply_checked`): tox.ini read back as
tox reads it (`follow/ini_check.py`), TOML loaded and compared outside the edited keys
(`follow/toml_check.py`), shell words (`follow/shell_text.py`), the Python AST outside the edited calls
(`follow/python_codemod.py`), pyproject dependency tables and tox `deps` outside the raised pins
(`follow/installs.py`)."""
from __future__ import annotations

from typing import Callable, List, Optional, Tuple

Splice = Tuple[int, int, str]
Meaning = Callable[[str, str], Optional[str]]
"""A file kind's check of one edit: (old text, new text) -> why the new text would not mean the intended
change, or None when it would. Each kind builds one from the intent of its edit."""


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


def apply_checked(text: str, splices: List[Splice], meaning: Meaning) -> Tuple[str, Optional[str]]:
    """The edited text and None; or the text unchanged and why the edit is refused (overlapping splices,
    or a result that does not mean what was intended)."""
    try:
        new = apply(text, splices)
    except OverlappingEdits as e:
        return text, str(e)
    reason = meaning(text, new) if new != text else None
    return (text, reason) if reason else (new, None)
