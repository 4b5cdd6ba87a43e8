"""Re-parse the edited text and compare it with what the edits meant (black's `assert_equivalent`).

Any difference means the splicer and the data model disagree: the file is not written.
"""
from __future__ import annotations

from typing import List

from codemods.engine.document import Document, load_data
from codemods.engine.edits import Edit, apply_to_data
from codemods.errors import InputError, VerificationError


def verify(doc: Document, edits: List[Edit], new_text: str) -> None:
    from deepdiff import DeepDiff  # imported here: only runs that change a file pay for it

    intended = apply_to_data(doc.data, edits)
    try:
        actual = load_data(new_text)
    except InputError as e:
        raise VerificationError(f"the edited text is not valid YAML (line {e.line}): {e.message}") from None
    diff = DeepDiff(intended, actual, verbose_level=0)
    if diff:
        shown = "; ".join(f"{kind}: {', '.join(map(str, list(paths)[:3]))}" for kind, paths in diff.items())
        raise VerificationError(f"the edited text does not mean what the edits intended ({shown})")
