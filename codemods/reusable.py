"""A reusable workflow (`on: workflow_call`) that declares its secrets sees only those it declares: a
secret that to-token starts reading there must be declared too, and passed by every caller. pubmode
says so rather than declaring it (the workflow's interface is the user's to change)."""
from __future__ import annotations

from typing import Iterable, List

from codemods.engine.document import Document


def undeclared_secrets(doc: Document, names: Iterable[str]) -> List[str]:
    """Warnings for the secrets in `names` that `on.workflow_call.secrets` does not declare (where it declares any)."""
    on = doc.get(("on",))
    call = on.get("workflow_call") if isinstance(on, dict) else None
    declared = call.get("secrets") if isinstance(call, dict) else None
    if not isinstance(declared, dict):  # none declared: the workflow sees what `secrets: inherit` passes
        return []
    return [f"this reusable workflow declares its secrets: add `{n}` under `on.workflow_call.secrets` and pass it "
            "from every workflow that calls this one (`secrets: inherit` does), or the token will be empty"
            for n in sorted(names) if n not in declared]
