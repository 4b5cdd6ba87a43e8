"""Re-parse the edited text and compare it with what the edits meant (black's `assert_equivalent`).

Any difference, in a value, a type or a key, means the splicer and the data model disagree: the file
is not written.
"""
from __future__ import annotations

import math
from typing import Any, List

from codemods.engine.document import Document
from codemods.engine.edits import Edit, apply_to_data
from codemods.errors import InputError, VerificationError


def verify(doc: Document, edits: List[Edit], new_text: str) -> None:
    intended = apply_to_data(doc.data, edits)
    try:
        actual = doc.load(new_text)
    except InputError as e:
        raise VerificationError(f"the edited text is not valid YAML (line {e.line}): {e.message}") from None
    if not same(intended, actual):
        raise VerificationError(f"the edited text does not mean what the edits intended ({describe(intended, actual)})")


def same(a: Any, b: Any) -> bool:
    """Equal values of equal types all the way down (`1`, `1.0`, `True` and `"1"` all differ).

    Mapping order is not compared: YAML mappings have none. NaN equals NaN.
    """
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        if {(type(k), k) for k in a} != {(type(k), k) for k in b}:
            return False
        return all(same(v, b[k]) for k, v in a.items())
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    if isinstance(a, float) and math.isnan(a):
        return math.isnan(b)
    return a == b


def describe(intended: Any, actual: Any, limit: int = 3) -> str:
    """The first differences, by path, for the error message."""
    from deepdiff import DeepDiff  # imported here: only a failed verification pays for it

    diff = DeepDiff(intended, actual, verbose_level=1)  # level 0 hides changed values
    shown = "; ".join(f"{kind}: {', '.join(map(str, list(paths)[:limit]))}" for kind, paths in diff.items())
    return shown or "a key or value differs in type"
