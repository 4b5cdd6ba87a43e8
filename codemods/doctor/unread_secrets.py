"""Secrets a publishing step hands to variables nothing it runs reads (docarray: `PYPI_USERNAME`/`PYPI_PASSWORD`
set for a script whose upload reads `$TWINE_USERNAME $TWINE_PASSWORD`): the upload runs without the credential,
and twine then tries Trusted Publishing or asks for a password. A misnamed variable is one of the common causes
of a 403 or of an unexpected OIDC attempt; the doctor names it only where nothing in the repository reads it."""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, Dict, List, Optional, Tuple

if TYPE_CHECKING:
    from codemods.doctor.view import WorkflowView

# A variable holding a PyPI credential, by its name (`JINA_SLACK_WEBHOOK` is another secret, not ours)
_CREDENTIAL_NAME = re.compile(r"PYPI|TWINE|PASS|TOKEN", re.I)
_SKIPPED_DIRS = {".git", "node_modules", ".venv", "venv", ".tox", ".nox", "__pycache__", "site-packages"}
_MAX_BYTES = 1_000_000


def _uploader_families() -> Tuple[set, set]:
    """Every uploader's own variables and their first words (`POETRY_PYPI_TOKEN_<REPO>` is poetry's for any
    repository name): a name of those families is read by its tool, not by a script."""
    from codemods.uploaders import registry

    names = {n for up in registry.all_uploaders() for n in up.credentials.variables}
    return names, {n.split("_", 1)[0] + "_" for n in names}


def unread_in(w: "WorkflowView") -> List[Tuple[Optional[int], str]]:
    """(line, message) for each publishing step of the workflow that sets a secret in a variable nothing it runs
    reads: the doctor's credential-not-read, and what a failed run's advice puts first (a 403, no credentials)."""
    from codemods.uploaders import registry

    out: List[Tuple[Optional[int], str]] = []
    for p in w.publishing:
        names = w.unread_secrets[(p.job_id, p.step_index)]
        if not names:
            continue
        up = next((u for u in registry.all_uploaders() if u.name == p.publisher), None)
        reads = f" ({up.name} reads {', '.join(f'`{n}`' for n in up.credentials.variables)})" \
            if up is not None and up.credentials.variables else ""
        many = len(names) > 1
        hit = (p.line, f"{p.label} sets {', '.join(f'`{n}`' for n in names)} from {'secrets' if many else 'a secret'}, "
                       f"but nothing the step runs reads {'them' if many else 'it'}{reads}: its upload does not get "
                       "that credential")
        if hit not in out:
            out.append(hit)
    return out


def unread_by(w: "WorkflowView", p) -> List[str]:
    """`unread` for the step of one upload of the workflow (none for the publish action: its `password:`)."""
    from codemods.workflow import steps

    if p.publisher == "gh-action":
        return []
    step = dict(steps(w.jobs.get(p.job_id) or {})).get(p.step_index)
    return unread(step, w.root) if isinstance(step, dict) else []


def unread(step: Dict[str, Any], root: Optional[Path]) -> List[str]:
    """The names the step's `env:` sets from a secret, that look like a PyPI credential, and that no uploader,
    no line of the step's script and no file of the repository outside its workflows mentions. `[]` without a
    repository to search (a pasted snippet proves nothing)."""
    env, script = step.get("env"), step.get("run")
    if root is None or not isinstance(env, dict) or not isinstance(script, str):
        return []
    own, families = _uploader_families()
    candidates = [str(name) for name, value in env.items()
                  if "secrets." in str(value) and _CREDENTIAL_NAME.search(str(name))
                  and str(name) not in own and not any(str(name).startswith(f) for f in families)
                  and not re.search(rf"(?<![\w]){re.escape(str(name))}(?![\w])", script)]
    read = _mentioned(root.resolve(), candidates) if candidates else set()
    return [name for name in candidates if name not in read]


def _mentioned(root: Path, names: List[str]) -> set:
    """Those of `names` that are a whole word of some text file of the repository outside `.github/workflows`
    (a step's `env:` reaches only what the step runs: its scripts, Makefile, tox.ini, composite actions), read in
    one walk."""
    words = {name: re.compile(rb"(?<![\w])" + re.escape(name.encode()) + rb"(?![\w])") for name in names}
    found: set = set()
    for top, dirs, files in os.walk(root):
        rel = Path(top).relative_to(root).parts
        dirs[:] = [d for d in dirs if d not in _SKIPPED_DIRS and not (rel == (".github",) and d == "workflows")]
        for f in files:
            path = Path(top, f)
            try:
                if path.stat().st_size > _MAX_BYTES:
                    continue
                data = path.read_bytes()
            except OSError:
                continue
            if b"\0" not in data[:1024]:
                found |= {name for name, word in words.items() if name not in found and word.search(data)}
                if len(found) == len(words):
                    return found
    return found
